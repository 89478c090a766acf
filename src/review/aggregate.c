/* aggregate.c - totals, bands, per criterion statistics, divergence and the
 * classement, computed from submitted reviews. The arithmetic is pure. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "procedure/procedure.h"
#include "review/aggregate.h"

/* Append "text" to a growing comma-separated list. */
static void list_add(char **list, const char *text)
{
	if (!*list) {
		*list = xstrdup(text);
		return;
	}
	char *n = xasprintf("%s, %s", *list, text);
	free(*list);
	*list = n;
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
		const struct review *r = list[k];
		if (!r->submitted) {
			out->n_draft++;
			continue;
		}
		if (out->n_submitted == 0 || r->total < out->min_total)
			out->min_total = r->total;
		if (out->n_submitted == 0 || r->total > out->max_total)
			out->max_total = r->total;
		out->n_submitted++;
		sum_total += r->total;
		for (size_t i = 0; i < g->n_crit; i++) {
			const struct criterion *c = &g->crit[i];
			struct crit_stats *cs = &out->crit[i];
			const struct answer *a = review_answer(r, c->id);
			if (!a || !a->value)
				continue;
			if (c->type == CRIT_GATE) {
				cs->n++;
				if (strcmp(a->value, "yes") == 0)
					cs->yes++;
				else if (strcmp(a->value, "no") == 0)
					cs->no++;
				else
					cs->check++;
				if (c->blocking && strcmp(a->value, "no") == 0) {
					char one[160];
					snprintf(one, sizeof one, "%s (%s)", c->id, r->reviewer ? r->reviewer : "?");
					list_add(&out->gates_failed, one);
					out->gates_met = 0;
				}
				if (c->blocking && strcmp(a->value, "check") == 0)
					out->gates_to_check = 1;
			} else if (c->type == CRIT_SCALE) {
				double v = strtod(a->value, NULL);
				if (cs->n == 0 || v < cs->min)
					cs->min = v;
				if (cs->n == 0 || v > cs->max)
					cs->max = v;
				cs->mean += v;		/* a sum until the end */
				cs->mean_points += criterion_points(c, a->value);
				cs->n++;
			} else {
				cs->n++;
			}
		}
	}
	/* Means, population standard deviations, divergence. */
	for (size_t i = 0; i < g->n_crit; i++) {
		const struct criterion *c = &g->crit[i];
		struct crit_stats *cs = &out->crit[i];
		if (c->type == CRIT_SCALE && cs->n > 0) {
			cs->mean /= cs->n;
			cs->mean_points /= cs->n;
			double ss = 0;
			for (size_t k = 0; k < n; k++) {
				const struct answer *a = list[k]->submitted ? review_answer(list[k], c->id) : NULL;
				if (a && a->value) {
					double d = strtod(a->value, NULL) - cs->mean;
					ss += d * d;
				}
			}
			cs->sd = sqrt(ss / cs->n);
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
	sqlite3_stmt *st = store_prepare(s, "SELECT grid_version_id, grid_id FROM reviews WHERE dossier_id = ? AND phase = ?"
					 " ORDER BY grid_version_id DESC, id LIMIT 1", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, dossier_id);
	sqlite3_bind_int(st, 2, phase);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return 0;
	}
	long long vid = sqlite3_column_int64(st, 0);
	char *gid = col_text(st, 1);
	sqlite3_finalize(st);
	if (grid_version_load(s, vid, grid, e) < 0) {
		free(gid);
		return -1;
	}
	st = store_prepare(s, "SELECT id FROM reviews WHERE dossier_id = ? AND grid_id = ? ORDER BY id", e);
	if (!st) {
		free(gid);
		checklist_free(grid);
		return -1;
	}
	sqlite3_bind_int64(st, 1, dossier_id);
	sqlite3_bind_text(st, 2, gid, -1, SQLITE_TRANSIENT);
	free(gid);
	long long *ids = NULL;
	size_t n = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		ids = xrealloc(ids, (n + 1) * sizeof *ids);
		ids[n++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	struct review **list = xcalloc(n ? n : 1, sizeof *list);
	for (size_t i = 0; i < n; i++)
		if (review_load(s, ids[i], &list[i], e) < 0) {
			review_list_free(&list, i);
			free(ids);
			checklist_free(grid);
			return -1;
		}
	free(ids);
	aggregate_compute(*grid, list, n, out);
	review_list_free(&list, n);
	return 0;
}

/* ---- ranking ------------------------------------------------------------ */

static int num_cmp(const char *a, const char *b)
{
	char *ea, *eb;
	long long x = strtoll(a, &ea, 10), y = strtoll(b, &eb, 10);
	if (!*ea && !*eb && *a && *b && x != y)
		return x < y ? -1 : 1;
	return strcmp(a, b);
}

/* Compare the main keys (before the tie-break): <0 when a ranks first. */
static int main_cmp(const struct rank_row *a, const struct rank_row *b)
{
	if (a->visible != b->visible)
		return b->visible - a->visible;
	int ra = a->n_submitted > 0, rb = b->n_submitted > 0;
	if (ra != rb)
		return rb - ra;
	if (a->eliminated != b->eliminated)
		return a->eliminated - b->eliminated;
	if (a->gates_met != b->gates_met)
		return b->gates_met - a->gates_met;
	if (a->has_total != b->has_total)
		return b->has_total - a->has_total;
	if (a->has_total && fabs(a->mean_total - b->mean_total) > 1e-9)
		return a->mean_total > b->mean_total ? -1 : 1;
	return 0;
}

/* The tie-break; *why gets what decided (static text). */
static int tie_cmp(const struct rank_row *a, const struct rank_row *b, const char **why)
{
	if (a->priority != b->priority) {
		*why = N_("priority territory (tie-break)");
		return b->priority - a->priority;
	}
	size_t nt = a->n_tie < b->n_tie ? a->n_tie : b->n_tie;
	for (size_t i = 0; i < nt; i++)
		if (fabs(a->tie_means[i] - b->tie_means[i]) > 1e-9) {
			*why = N_("higher mean on a tie-break criterion");
			return a->tie_means[i] > b->tie_means[i] ? -1 : 1;
		}
	const char *da = a->deposited_at ? a->deposited_at : "", *db = b->deposited_at ? b->deposited_at : "";
	int c = strcmp(*da ? da : "9", *db ? db : "9");
	if (c) {
		*why = N_("earlier deposit");
		return c;
	}
	*why = N_("platform number");
	return num_cmp(a->ds_number ? a->ds_number : "", b->ds_number ? b->ds_number : "");
}

static int row_cmp(const void *x, const void *y)
{
	const struct rank_row *a = x, *b = y;
	int c = main_cmp(a, b);
	if (c)
		return c;
	const char *why;
	return tie_cmp(a, b, &why);
}

void ranking_sort(struct rank_row *rows, size_t n)
{
	qsort(rows, n, sizeof *rows, row_cmp);
	for (size_t i = 0; i < n; i++) {
		rows[i].rank = (int)i + 1;
		free(rows[i].tie_reason);
		rows[i].tie_reason = NULL;
		if (i > 0 && rows[i].visible && rows[i].n_submitted > 0 &&
		    main_cmp(&rows[i - 1], &rows[i]) == 0) {
			const char *why = NULL;
			tie_cmp(&rows[i - 1], &rows[i], &why);
			if (why)
				rows[i].tie_reason = xstrdup(why);
		}
	}
}

void ranking_free(struct rank_row **rows, size_t n)
{
	if (!rows || !*rows)
		return;
	for (size_t i = 0; i < n; i++) {
		struct rank_row *r = &(*rows)[i];
		free(r->ds_number); free(r->ptce_name); free(r->region_code); free(r->territory_type);
		free(r->state); free(r->deposited_at); free(r->eliminated_by); free(r->band);
		free(r->band_label); free(r->divergent_on); free(r->tie_means); free(r->tie_reason);
	}
	free(*rows);
	*rows = NULL;
}

int ranking_build(struct store *s, const struct actor *a, int phase, const char *region,
		  struct rank_row **rows, size_t *n, struct perr *e)
{
	*rows = NULL;
	*n = 0;
	if (phase != 1 && phase != 2)
		return perr_set(e, P_USAGE, _("the phase is 1 or 2, not %d"), phase);
	sqlite3_stmt *st = store_prepare(s,
		"SELECT id, ds_number, ptce_name, region_code, territory_type, state, deposited_at"
		" FROM dossiers WHERE state IN (?1, ?2) AND (?3 IS NULL OR region_code = ?3) ORDER BY id", e);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, phase == 1 ? "submitted" : "phase2", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, phase == 1 ? "phase1" : "funded", -1, SQLITE_STATIC);
	bind_text_or_null(st, 3, region);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*rows = xrealloc(*rows, (*n + 1) * sizeof **rows);
		struct rank_row *r = &(*rows)[(*n)++];
		memset(r, 0, sizeof *r);
		r->dossier_id = sqlite3_column_int64(st, 0);
		r->ds_number = col_text(st, 1);
		r->ptce_name = col_text(st, 2);
		r->region_code = col_text_or_null(st, 3);
		r->territory_type = col_text_or_null(st, 4);
		r->state = col_text(st, 5);
		r->deposited_at = col_text_or_null(st, 6);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		ranking_free(rows, *n);
		*n = 0;
		return store_fail(s, e, _("reading dossiers"));
	}
	for (size_t i = 0; i < *n; i++) {
		struct rank_row *r = &(*rows)[i];
		struct checklist *g = NULL;
		struct aggregate ag;
		enum review_visibility vis;
		if (aggregate_dossier(s, r->dossier_id, phase, &g, &ag, e) < 0 ||
		    review_visibility(s, a, r->dossier_id, g ? g->id : NULL, &vis, NULL, e) < 0) {
			checklist_free(&g);
			ranking_free(rows, *n);
			*n = 0;
			return -1;
		}
		r->visible = vis == VIS_ALL || vis == VIS_SUBMITTED;
		r->required = g ? g->reviews_required : 0;
		if (r->visible && g) {
			r->n_submitted = ag.n_submitted;
			r->has_total = ag.has_total;
			r->mean_total = ag.mean_total;
			r->eliminated = ag.eliminated;
			r->eliminated_by = ag.eliminated_by ? xstrdup(ag.eliminated_by) : NULL;
			if (ag.band) {
				r->band = xstrdup(ag.band->id);
				r->band_label = xstrdup(ag.band->label);
			}
			r->gates_met = ag.gates_met;
			r->divergent = ag.divergent;
			r->divergent_on = ag.divergent_on ? xstrdup(ag.divergent_on) : NULL;
			for (size_t k = 0; g->tie_territories && g->tie_territories[k]; k++)
				if (r->territory_type && strcmp(r->territory_type, g->tie_territories[k]) == 0)
					r->priority = 1;
			size_t nt = 0;
			while (g->tie_criteria && g->tie_criteria[nt])
				nt++;
			r->tie_means = xcalloc(nt ? nt : 1, sizeof *r->tie_means);
			r->n_tie = nt;
			for (size_t k = 0; k < nt; k++) {
				int ci = checklist_index(g, g->tie_criteria[k]);
				r->tie_means[k] = ci >= 0 ? ag.crit[ci].mean : 0;
			}
		} else {
			r->gates_met = 1;
		}
		aggregate_done(&ag);
		checklist_free(&g);
	}
	ranking_sort(*rows, *n);
	return 0;
}

/* ---- campaigns ---------------------------------------------------------- */

void campaign_money_free(struct campaign_money **c, size_t n)
{
	if (!c || !*c)
		return;
	for (size_t i = 0; i < n; i++)
		free((*c)[i].name);
	free(*c);
	*c = NULL;
}

int campaign_money_list(struct store *s, struct campaign_money **out, size_t *n,
			struct perr *e)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = store_prepare(s,
		"SELECT c.id, c.name, c.envelope_eur, c.amount_per_year_eur, c.years, c.is_current,"
		" COALESCE(SUM(f.amount_per_year_eur * f.years), 0), COUNT(f.id)"
		" FROM campaigns c LEFT JOIN funding_decisions f ON f.campaign_id = c.id"
		" GROUP BY c.id ORDER BY c.id", e);
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xrealloc(*out, (*n + 1) * sizeof **out);
		struct campaign_money *c = &(*out)[(*n)++];
		c->id = sqlite3_column_int64(st, 0);
		c->name = col_text(st, 1);
		c->envelope = sqlite3_column_int64(st, 2);
		c->amount_per_year = sqlite3_column_int64(st, 3);
		c->years = sqlite3_column_int(st, 4);
		c->current = sqlite3_column_int(st, 5);
		c->used = sqlite3_column_int64(st, 6);
		c->n_funded = sqlite3_column_int(st, 7);
		c->remaining = c->envelope - c->used;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		campaign_money_free(out, *n);
		*n = 0;
		return store_fail(s, e, _("reading campaigns"));
	}
	return 0;
}
