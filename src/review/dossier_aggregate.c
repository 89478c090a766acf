/* dossier_aggregate.c - totals, bands, per criterion statistics and
 * divergence of one dossier's submitted reviews. The arithmetic is pure. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "review/dossier_aggregate.h"
#include "store/stmt.h"

/* Append "text" to a growing comma-separated list. */
static void list_add(char **list, const char *text)
{
	xappendf(list, "%s%s", *list ? ", " : "", text);
}

/* A gate's answer v in r; a "no" on a blocking gate is named with its reviewer. */
static void count_gate(const struct criterion *c, struct crit_stats *cs, const char *v,
		       const struct review *r, struct aggregate *out)
{
	cs->n++;
	if (strcmp(v, "yes") == 0)
		cs->yes++;
	else if (strcmp(v, "no") == 0)
		cs->no++;
	else
		cs->check++;
	if (c->blocking && strcmp(v, "no") == 0) {
		char one[160];
		snprintf(one, sizeof one, "%s (%s)", c->id, r->reviewer ? r->reviewer : "?");
		list_add(&out->gates_failed, one);
		out->gates_met = 0;
	}
	if (c->blocking && strcmp(v, "check") == 0)
		out->gates_to_check = 1;
}

/* A scale's answer v: bounds, and sums the means are made of. */
static void count_scale(const struct criterion *c, struct crit_stats *cs, const char *v)
{
	double x = strtod(v, NULL);
	if (cs->n == 0 || x < cs->min)
		cs->min = x;
	if (cs->n == 0 || x > cs->max)
		cs->max = x;
	cs->mean += x;		/* a sum until the end */
	cs->mean_points += criterion_points(c, v);
	cs->n++;
}

/* One submitted review: its total and each of its answers. */
static void count_review(const struct checklist *g, const struct review *r, struct aggregate *out,
			 double *sum_total)
{
	if (out->n_submitted == 0 || r->total < out->min_total)
		out->min_total = r->total;
	if (out->n_submitted == 0 || r->total > out->max_total)
		out->max_total = r->total;
	out->n_submitted++;
	*sum_total += r->total;
	for (size_t i = 0; i < g->n_crit; i++) {
		const struct criterion *c = &g->crit[i];
		const struct answer *a = review_answer(r, c->id);
		if (!a || !a->value)
			continue;
		if (c->type == CRIT_GATE)
			count_gate(c, &out->crit[i], a->value, r, out);
		else if (c->type == CRIT_SCALE)
			count_scale(c, &out->crit[i], a->value);
		else
			out->crit[i].n++;
	}
}

/* Population standard deviation of a scale's values around mean. */
static double scale_sd(const struct criterion *c, double mean, int count,
		       struct review *const *list, size_t n)
{
	double ss = 0;
	for (size_t k = 0; k < n; k++) {
		const struct answer *a = list[k]->submitted ? review_answer(list[k], c->id) : NULL;
		if (a && a->value) {
			double d = strtod(a->value, NULL) - mean;
			ss += d * d;
		}
	}
	return sqrt(ss / count);
}

/* A scale criterion's means, spread, divergence and elimination. */
static void finish_scale(const struct checklist *g, const struct criterion *c, struct crit_stats *cs,
			 struct review *const *list, size_t n, struct aggregate *out)
{
	cs->mean /= cs->n;
	cs->mean_points /= cs->n;
	cs->sd = scale_sd(c, cs->mean, cs->n, list, n);
	if (g->divergence > 0 && cs->max - cs->min + 1e-9 >= g->divergence) {
		char one[96];
		cs->divergent = 1;
		snprintf(one, sizeof one, "%s (%g..%g)", c->id, cs->min, cs->max);
		list_add(&out->divergent_on, one);
	}
	if (c->eliminate_below >= 0 && cs->mean_points + 1e-9 < c->eliminate_below && !out->eliminated) {
		out->eliminated = 1;
		out->eliminated_by = c->id;
	}
}

void aggregate_compute(const struct checklist *g, struct review *const *list, size_t n,
		       struct aggregate *out)
{
	memset(out, 0, sizeof *out);
	out->grid = g;
	out->required = g->reviews_required;
	out->n_crit = g->n_crit;
	out->crit = xcalloc(g->n_crit ? g->n_crit : 1, sizeof *out->crit);
	out->gates_met = 1;
	for (size_t i = 0; i < g->n_crit; i++)
		out->crit[i].c = &g->crit[i];
	double sum_total = 0;
	for (size_t k = 0; k < n; k++) {
		if (list[k]->submitted)
			count_review(g, list[k], out, &sum_total);
		else
			out->n_draft++;
	}
	for (size_t i = 0; i < g->n_crit; i++) {
		const struct criterion *c = &g->crit[i];
		struct crit_stats *cs = &out->crit[i];
		if (c->type == CRIT_SCALE && cs->n > 0) {
			finish_scale(g, c, cs, list, n, out);
		} else if (c->type == CRIT_GATE && c->blocking && g->divergence > 0 && cs->yes && cs->no) {
			char one[96];
			cs->divergent = 1;
			snprintf(one, sizeof one, "%s (%s)", c->id, _("yes and no"));
			list_add(&out->divergent_on, one);
		}
		if (cs->divergent)
			out->divergent = 1;
	}
	if (out->n_submitted > 0) {
		out->mean_total = sum_total / out->n_submitted;
		out->has_total = g->points_sum > 0;
		if (out->has_total && g->n_bands)
			out->band = checklist_band(g, out->mean_total);
	}
}

void aggregate_done(struct aggregate *out)
{
	free(out->crit);
	free(out->gates_failed);
	free(out->divergent_on);
	memset(out, 0, sizeof *out);
}

int aggregate_dossier(struct store *s, long long dossier_id, int phase,
		      struct checklist **grid, struct aggregate *out, struct perr *e)
{
	*grid = NULL;
	memset(out, 0, sizeof *out);
	out->gates_met = 1;
	/* The latest grid version of the phase's reviews is the one to count on. */
	long long latest;
	if (stmt_int(s, &latest, 0, e, _("reading reviews"),
		     "SELECT id FROM reviews WHERE dossier_id = ? AND phase = ?"
		     " ORDER BY grid_version_id DESC, id LIMIT 1", "Ii", dossier_id, phase) < 0)
		return -1;
	if (!latest)
		return 0;
	struct review **list;
	size_t n;
	if (review_read_all(s, review_query(s, e, "WHERE r.dossier_id = ?1 AND r.grid_id ="
					    " (SELECT grid_id FROM reviews WHERE id = ?2) ORDER BY r.id",
					    "II", dossier_id, latest), 1, &list, &n, e) < 0)
		return -1;
	int rc = -1;
	for (size_t i = 0; i < n; i++)
		if (list[i]->id == latest)
			rc = review_grid(s, list[i], grid, e);
	if (rc == 0)
		aggregate_compute(*grid, list, n, out);
	review_list_free(&list, n);
	return rc;
}
