/* review_score.c - the score of one review, computed again on every write
 * and stored with it (so the queue reads totals without parsing grids). */
#include <string.h>

#include "review/review_score.h"

void review_compute(const struct checklist *g, const struct review *r,
		    struct review_score *out)
{
	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < g->n_crit; i++) {
		const struct criterion *c = &g->crit[i];
		const struct answer *a = review_answer(r, c->id);
		if (!a || !a->value || c->type != CRIT_SCALE)
			continue;
		double p = criterion_points(c, a->value);
		out->total += p;
		if (c->eliminate_below >= 0 && p + 1e-9 < c->eliminate_below && !out->eliminated) {
			out->eliminated = 1;
			out->eliminated_by = c->id;
		}
	}
	out->band = g->n_bands ? checklist_band(g, out->total) : NULL;
}
