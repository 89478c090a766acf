/* matrix_panel.c - criteria × reviewers, one table per grid, built from
 * the reviews the person may see (review_list_visible) and the grid
 * version they were given on (review/matrix.c does the figures). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "base/i18n.h"
#include "base/text.h"
#include "matrix_panel.h"
#include "pager.h"
#include "review/matrix.h"
#include "review/review.h"
#include "tlines.h"

#define CELL 9		/* a reviewer's column */
#define RANGE 8		/* "min max" */

/* A value as a cell: scale digits, translated gate answers, a mark for text. */
static const char *cell(const struct criterion *c, const char *v)
{
	if (!v)
		return "·";
	if (c->type == CRIT_TEXT)
		return "✎";
	return criterion_answer_label(c, v);
}

/* Append text fitted to exactly w columns (cut with …, padded). */
static void put_cell(char **line, const char *text, int w)
{
	char *c = text_clean(text, 0);
	size_t used = 0, fit = text_fit(c, (size_t)w - 1, &used);
	if (fit < strlen(c)) {
		xappendf(line, "%.*s…", (int)text_fit(c, (size_t)w - 2, &used), c);
		used++;
	} else {
		xappendf(line, "%.*s", (int)fit, c);
	}
	for (size_t k = used; k < (size_t)w; k++)
		xappendf(line, " ");
	free(c);
}

/* A grid's label: the English one when the interface is not in French and
 * the grid gives one (as the scoring form does). */
static const char *label_of(const struct criterion *c)
{
	const char *l = criterion_label(c);
	return l ? l : "";
}

/* The width of the ids column: the longest id, at most 8. */
static int id_width(const struct checklist *g)
{
	int w = 4;
	for (size_t i = 0; i < g->n_crit; i++)
		if ((int)strlen(g->crit[i].id) > w)
			w = (int)strlen(g->crit[i].id);
	return (w > 8 ? 8 : w) + 1;
}

static void header_line(struct tlines *t, const struct review_matrix *m, size_t nc, int label_w)
{
	char *line = xstrdup("  ");
	put_cell(&line, _("Criterion"), label_w + id_width(m->grid));
	for (size_t k = 0; k < nc; k++) {
		char *who = xasprintf("%s%s", m->reviews[k]->reviewer, m->reviews[k]->submitted ? "" : "*");
		put_cell(&line, who, CELL);
		free(who);
	}
	xappendf(&line, "%s", _("min max"));
	tl_add(t, UC_HEADER, 1, "%s", line);
	free(line);
}

static void row_line(struct tlines *t, const struct matrix_row *r, size_t nc, int idw, int label_w)
{
	char *line = xstrdup(r->divergent ? "≠ " : "  ");
	put_cell(&line, r->crit->id, idw);
	put_cell(&line, label_of(r->crit), label_w);
	for (size_t k = 0; k < nc; k++)
		put_cell(&line, cell(r->crit, r->values[k]), CELL);
	if (r->has_range)
		xappendf(&line, "%3d %3d", r->min, r->max);
	tl_add(t, r->divergent ? UC_FLAG : UC_NORMAL, r->divergent, "%s", line);
	free(line);
}

/* One grid's table for the reviews list[0..n) (all on that grid). */
static void grid_table(struct ui *u, struct tlines *t, struct review **list, size_t n, int width)
{
	struct checklist *g = NULL;
	struct perr e = {0};
	if (review_grid(u->app->store, list[0], &g, &e) < 0) {
		tl_add_wrapped(t, UC_ERROR, e.msg, width, 2);
		return;
	}
	struct review_matrix m;
	review_matrix_build(g, list, n, &m);
	int idw = id_width(g);
	int room = width - 2 - idw - RANGE - 16;
	size_t nc = n;
	if ((int)nc * CELL > room)
		nc = (size_t)(room > CELL ? room / CELL : 1);
	int label_w = width - 2 - idw - (int)nc * CELL - RANGE;
	if (label_w < 8)
		label_w = 8;
	if (label_w > 48)
		label_w = 48;	/* the figures stay near their criterion */
	tl_add(t, UC_NORMAL, 0, "%s", "");
	char nrev[64], ndiv[64];
	snprintf(nrev, sizeof nrev, P_("%zu review", "%zu reviews", n), n);
	snprintf(ndiv, sizeof ndiv, P_("%d divergent criterion", "%d divergent criteria", m.n_divergent),
		 m.n_divergent);
	char *head = xasprintf("%s · %s · %s", g->title ? ui_grid_text(g->title, g->title_en) : g->id,
			       nrev, ndiv);
	tl_add_wrapped(t, UC_SECTION, head, width, 1);
	free(head);
	header_line(t, &m, nc, label_w);
	for (size_t i = 0; i < m.n_rows; i++)
		row_line(t, &m.rows[i], nc, idw, label_w);
	if (nc < n)
		tl_add(t, UC_DIM, 0, P_("  %zu more review does not fit: widen the terminal.",
					"  %zu more reviews do not fit: widen the terminal.", n - nc), n - nc);
	review_matrix_free(&m);
	checklist_free(&g);
}

void matrix_lines(struct ui *u, long long id, struct tlines *t, int width)
{
	struct review **list = NULL;
	size_t n = 0;
	int hidden = 0;
	struct perr e = {0};
	if (review_list_visible(u->app->store, &u->app->actor, id, NULL, &list, &n, &hidden, &e)) {
		tl_add_wrapped(t, UC_ERROR, e.msg, width, 0);
		return;
	}
	/* Reviews come own first, then by reviewer: group them by grid. */
	for (size_t i = 0; i < n; i++) {
		int seen = 0;
		for (size_t j = 0; j < i; j++)
			seen |= strcmp(list[j]->grid_id, list[i]->grid_id) == 0;
		if (seen)
			continue;
		struct review **same = xcalloc(n, sizeof *same);
		size_t k = 0;
		for (size_t j = i; j < n; j++)
			if (strcmp(list[j]->grid_id, list[i]->grid_id) == 0)
				same[k++] = list[j];
		grid_table(u, t, same, k, width);
		free(same);
	}
	if (n == 0 && !hidden)
		tl_add(t, UC_DIM, 0, "  %s", _("No review yet."));
	tl_add(t, UC_NORMAL, 0, "%s", "");
	if (hidden)
		tl_add(t, UC_DIM, 0, P_("  %d review is hidden from you for now (blind grid or conflict).",
					"  %d reviews are hidden from you for now (blind grid or conflict).",
					hidden), hidden);
	tl_add(t, UC_DIM, 0, "  %s", _("≠ the reviews diverge · * a draft · · no answer"));
	review_list_free(&list, n);
}

void ui_matrix(struct ui *u, long long id)
{
	struct tlines t = {0};
	matrix_lines(u, id, &t, u->cols - 2);
	ui_pager(u, _("Reviews compared"), &t);
	tl_clear(&t);
}
