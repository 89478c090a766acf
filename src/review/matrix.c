/* matrix.c - criteria x reviews: values, range and divergence per row. */
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "review/matrix.h"

/* Range and divergence of one row. */
static void row_figures(const struct checklist *g, struct matrix_row *r, size_t n)
{
	int yes = 0, no = 0;
	for (size_t k = 0; k < n; k++) {
		const char *v = r->values[k];
		if (!v)
			continue;
		if (r->crit->type == CRIT_GATE) {
			yes += strcmp(v, "yes") == 0;
			no += strcmp(v, "no") == 0;
		}
		if (r->crit->type != CRIT_SCALE)
			continue;
		int x = atoi(v);
		if (!r->has_range || x < r->min)
			r->min = x;
		if (!r->has_range || x > r->max)
			r->max = x;
		r->has_range = 1;
	}
	if (r->crit->type == CRIT_SCALE)
		r->divergent = r->has_range && g->divergence > 0 && r->max - r->min >= g->divergence;
	else if (r->crit->type == CRIT_GATE)
		r->divergent = yes > 0 && no > 0;
}

void review_matrix_build(const struct checklist *g, struct review *const *reviews, size_t n,
			 struct review_matrix *m)
{
	memset(m, 0, sizeof *m);
	m->grid = g;
	m->reviews = reviews;
	m->n_reviews = n;
	m->n_rows = g->n_crit;
	m->rows = xcalloc(g->n_crit ? g->n_crit : 1, sizeof *m->rows);
	for (size_t i = 0; i < g->n_crit; i++) {
		struct matrix_row *r = &m->rows[i];
		r->crit = &g->crit[i];
		r->values = xcalloc(n ? n : 1, sizeof *r->values);
		for (size_t k = 0; k < n; k++) {
			const struct answer *a = review_answer(reviews[k], r->crit->id);
			r->values[k] = a ? a->value : NULL;
		}
		row_figures(g, r, n);
		m->n_divergent += r->divergent;
	}
}

void review_matrix_free(struct review_matrix *m)
{
	for (size_t i = 0; i < m->n_rows; i++)
		free(m->rows[i].values);
	free(m->rows);
	memset(m, 0, sizeof *m);
}
