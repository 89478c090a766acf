/* ranking.c - the classement: each dossier's aggregate, then one order
 * with the reason each tie was broken. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "procedure/procedure.h"
#include "review/dossier_aggregate.h"
#include "review/ranking.h"
#include "review/rows.h"
#include "review/visibility.h"
#include "store/stmt.h"

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

/* The columns read_rows selects, then the fields fill_row sets. */
static const struct col rank_cols[] = {
	COL(struct rank_row, dossier_id, COL_I64), COL(struct rank_row, ds_number, COL_TEXT),
	COL(struct rank_row, ptce_name, COL_TEXT), COL(struct rank_row, region_code, COL_TEXT_NULL),
	COL(struct rank_row, territory_type, COL_TEXT_NULL), COL(struct rank_row, state, COL_TEXT),
	COL(struct rank_row, deposited_at, COL_TEXT_NULL),
	COL(struct rank_row, eliminated_by, COL_OWNED), COL(struct rank_row, band, COL_OWNED),
	COL(struct rank_row, band_label, COL_OWNED), COL(struct rank_row, divergent_on, COL_OWNED),
	COL(struct rank_row, tie_means, COL_OWNED), COL(struct rank_row, tie_reason, COL_OWNED),
};
static const struct row_type rank_row_type = ROW_TYPE(struct rank_row, rank_cols);

/* The dossiers of the phase (and region), without figures yet. */
static int read_rows(struct store *s, int phase, const char *region, struct rank_row **rows,
		     size_t *n, struct perr *e)
{
	char *states = procedure_phase_in_sql("state", phase, 1);
	char *sql = xasprintf("SELECT id, ds_number, ptce_name, region_code, territory_type, state, deposited_at"
			      " FROM dossiers WHERE %s AND (?1 IS NULL OR region_code = ?1) ORDER BY id",
			      states);
	sqlite3_stmt *st = stmt_query(s, e, sql, "n", region);
	free(sql);
	free(states);
	return rows_read(s, st, rows, n, &rank_row_type, _("reading dossiers"), e);
}

/* The figures of r from its aggregate ag on grid g. */
static void copy_figures(struct rank_row *r, const struct checklist *g, const struct aggregate *ag)
{
	r->n_submitted = ag->n_submitted;
	r->has_total = ag->has_total;
	r->mean_total = ag->mean_total;
	r->eliminated = ag->eliminated;
	r->eliminated_by = ag->eliminated_by ? xstrdup(ag->eliminated_by) : NULL;
	if (ag->band) {
		r->band = xstrdup(ag->band->id);
		r->band_label = xstrdup(ag->band->label);
	}
	r->gates_met = ag->gates_met;
	r->divergent = ag->divergent;
	r->divergent_on = ag->divergent_on ? xstrdup(ag->divergent_on) : NULL;
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
		r->tie_means[k] = ci >= 0 ? ag->crit[ci].mean : 0;
	}
}

/* The figures of one row, as far as a may see them. */
static int fill_row(struct store *s, const struct actor *a, int phase, struct rank_row *r,
		    struct perr *e)
{
	struct checklist *g = NULL;
	struct aggregate ag;
	enum review_visibility vis;
	int rc = aggregate_dossier(s, r->dossier_id, phase, &g, &ag, e);
	if (rc == 0)
		rc = review_visibility(s, a, r->dossier_id, g ? g->id : NULL, &vis, NULL, e);
	if (rc == 0) {
		r->visible = vis == VIS_ALL || vis == VIS_SUBMITTED;
		r->required = g ? g->reviews_required : 0;
		if (r->visible && g)
			copy_figures(r, g, &ag);
		else
			r->gates_met = 1;
	}
	aggregate_done(&ag);
	checklist_free(&g);
	return rc;
}

int ranking_build(struct store *s, const struct actor *a, int phase, const char *region,
		  struct rank_row **rows, size_t *n, struct perr *e)
{
	*rows = NULL;
	*n = 0;
	if (phase != 1 && phase != 2)
		return perr_set(e, P_USAGE, _("the phase is 1 or 2, not %d"), phase);
	int rc = read_rows(s, phase, region, rows, n, e);
	for (size_t i = 0; rc == 0 && i < *n; i++)
		rc = fill_row(s, a, phase, &(*rows)[i], e);
	if (rc < 0) {
		ranking_free(rows, *n);
		*n = 0;
		return -1;
	}
	ranking_sort(*rows, *n);
	return 0;
}

void ranking_free(struct rank_row **rows, size_t n)
{
	rows_free(rows, n, &rank_row_type);
}
