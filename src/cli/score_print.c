/* score_print.c - a review on the command line: header, answers with their
 * labels and points, comments and texts line by line, the changes a write
 * made and the summary after it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fmt.h"
#include "base/i18n.h"
#include "base/text.h"
#include "cli/score_print.h"

/* s cleaned, one line of output per line of text, each after prefix. */
static void print_lines(FILE *f, const char *prefix, const char *s)
{
	char *t = text_clean(s, TEXT_KEEP_NEWLINES);
	for (char *save = NULL, *l = strtok_r(t, "\n", &save); l; l = strtok_r(NULL, "\n", &save))
		fprintf(f, "%s%s\n", prefix, l);
	free(t);
}

/* The total, band and elimination of r on g, in a review's header or after
 * a summary line. */
static void print_total(FILE *f, const struct checklist *g, const struct review *r, int header)
{
	if (!g || g->points_sum <= 0)
		return;
	char tot[48], sum[48];
	fmt_decimal(FMT_READER, r->total, 2, tot, sizeof tot);
	fmt_short(FMT_READER, g->points_sum, sum, sizeof sum);
	if (header)
		fprintf(f, _("  total %s / %s"), tot, sum);
	else
		fprintf(f, _(", total %s / %s"), tot, sum);
	const struct band *b = checklist_band_by_id(g, r->band);
	if (b) {
		fputs(", ", f);
		text_put(f, b->label);
	}
	if (r->eliminated_by && header)
		fprintf(f, _(", ELIMINATED (%s)"), r->eliminated_by);
	else if (r->eliminated_by)
		fprintf(f, _(", eliminated by %s"), r->eliminated_by);
	if (header)
		fputs("\n", f);
}

static void print_answer(FILE *f, const struct checklist *g, const struct answer *a)
{
	const struct criterion *c = g ? checklist_find(g, a->criterion) : NULL;
	fprintf(f, "  %-6s ", a->criterion);
	if (c && c->type == CRIT_TEXT) {
		fputs("\n", f);
		print_lines(f, "         ", a->value ? a->value : "");
		return;
	}
	char *lab = c ? criterion_value_label(c, a->value) : xstrdup(a->value ? a->value : "");
	text_put(f, a->value ? lab : "-");
	free(lab);
	if (c && c->type == CRIT_SCALE && c->points > 0 && a->value) {
		char pts[48];
		fprintf(f, _("  (%s points)"), fmt_decimal(FMT_READER, a->points, 2, pts, sizeof pts));
	}
	fputs("\n", f);
	if (a->comment)
		print_lines(f, "         > ", a->comment);
}

void score_print_review(struct app *app, const struct checklist *g, const struct review *r)
{
	FILE *f = app->out;
	fprintf(f, "%s (", r->reviewer);
	text_put(f, r->reviewer_name);
	fprintf(f, ") — %s %s, ", _("grid"), r->grid_id);
	fprintf(f, _("version %s"), r->grid_hash);
	char when[32];
	if (r->submitted)
		fprintf(f, _(", submitted %s"), fmt_datetime(FMT_READER, r->submitted_at, when, sizeof when));
	else
		fprintf(f, _(", draft (updated %s)"), fmt_datetime(FMT_READER, r->updated_at, when, sizeof when));
	fprintf(f, _(", revision %lld\n"), r->revision);
	print_total(f, g, r, 1);
	for (size_t i = 0; i < r->n_answers; i++)
		if (r->answers[i].value || r->answers[i].comment)
			print_answer(f, g, &r->answers[i]);
}

/* Two texts differ (one of them may be NULL, not both). */
static int differ(const char *x, const char *y)
{
	return (x || y) && (!x || !y || strcmp(x, y) != 0);
}

int score_print_changes(FILE *f, const struct checklist *g, const struct review *before,
			const struct review *after)
{
	int n = 0;
	for (size_t i = 0; i < g->n_crit; i++) {
		const char *id = g->crit[i].id;
		const struct answer *x = before ? review_answer(before, id) : NULL;
		const struct answer *y = after ? review_answer(after, id) : NULL;
		const char *xv = x ? x->value : NULL, *yv = y ? y->value : NULL;
		const char *xc = x ? x->comment : NULL, *yc = y ? y->comment : NULL;
		if (differ(xv, yv)) {
			char *a = text_clean(criterion_answer_label(&g->crit[i], xv), 0);
			char *b = text_clean(criterion_answer_label(&g->crit[i], yv), 0);
			if (g->crit[i].type == CRIT_TEXT)
				fprintf(f, _("  %s: text changed\n"), id);
			else
				/* TRANSLATORS: a criterion, its old answer, its new one. */
				fprintf(f, _("  %s: %s → %s\n"), id, a, b);
			free(a);
			free(b);
			n++;
		}
		if (differ(xc, yc)) {
			fprintf(f, !yc ? _("  %s: comment removed\n") : !xc ? _("  %s: comment added\n")
					: _("  %s: comment changed\n"), id);
			n++;
		}
	}
	return n;
}

void score_print_summary(struct app *app, const char *ds, const struct checklist *g,
			 const struct review *r)
{
	if (r->submitted)
		fprintf(app->out, _("Review of dossier %s on grid %s: submitted (revision %lld)"), ds, r->grid_id, r->revision);
	else
		fprintf(app->out, _("Review of dossier %s on grid %s: draft saved (revision %lld)"), ds, r->grid_id, r->revision);
	print_total(app->out, g, r, 0);
	fputs(".\n", app->out);
}

void score_note_version(struct app *app, const struct review *r, const struct checklist *g)
{
	if (r && g && strcmp(r->grid_hash, g->hash) != 0)
		fprintf(app->err, _("ptce: note: this review uses version %s of grid '%s'; the file %s has changed since (now version %s). The review keeps its version: its answers are checked and scored with it.\n"),
			r->grid_hash, r->grid_id, g->path, g->hash);
}

int score_review_grid(struct app *app, const struct review *r, const struct checklist *g,
		      const struct checklist **out, struct checklist **own, struct perr *e)
{
	*out = g;
	*own = NULL;
	if (strcmp(r->grid_hash, g->hash) == 0)
		return 0;
	if (review_grid(app->store, r, own, e) < 0)
		return -1;
	*out = *own;
	return 0;
}
