/* review_row.c - a queue row's review figures from stored totals, in a few
 * indexed queries (no grid is parsed). */
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "procedure/dossier.h"
#include "procedure/procedure.h"
#include "review/review_row.h"
#include "review/visibility.h"
#include "store/stmt.h"

/* The three statements of a row, prepared once for a page of rows. */
struct row_stmts {
	sqlite3_stmt *phase, *mine, *figures;
};

static void row_stmts_done(struct row_stmts *q)
{
	stmt_done(&q->phase);
	stmt_done(&q->mine);
	stmt_done(&q->figures);
	memset(q, 0, sizeof *q);
}

static int row_stmts_prepare(struct store *s, const struct actor *a, struct row_stmts *q,
			     struct perr *e)
{
	memset(q, 0, sizeof *q);
	/* The phase whose reviews describe the dossier (the states table
	 * says; 0 there means the last phase reviewed), and whether a is in
	 * conflict. */
	q->phase = stmt_query(s, e,
		"SELECT d.state, COALESCE((SELECT MAX(phase) FROM reviews WHERE dossier_id = d.id), 0),"
		" EXISTS (SELECT 1 FROM conflicts WHERE dossier_id = d.id AND reviewer = ?2)"
		" FROM dossiers d WHERE d.id = ?1", "It", 0LL, a->login);
	/* 1 submitted, 0 a draft, NULL: none (an aggregate, not a sort). */
	q->mine = q->phase ? stmt_query(s, e,
		"SELECT max(status = 'submitted'), (SELECT count(*) FROM reviews WHERE dossier_id = ?1"
		" AND phase = ?3 AND status = 'submitted') FROM reviews WHERE dossier_id = ?1"
		" AND reviewer = ?2 AND phase = ?3", "Iti", 0LL, a->login, 0) : NULL;
	/* The submitted reviews of the phase: count, mean total, failed
	 * gates and divergence, and whether a may see them. */
	char *may = visibility_figures_sql(a, "?1", "?2");
	char *sql = xasprintf(
		/* The answers are read only where a review is submitted, and
		 * divergence (a GROUP BY) only where two are. */
		"SELECT COUNT(*), AVG(r.total), %s, MAX(g.points_total),"
		" CASE WHEN COUNT(*) > 0 THEN"
		" (SELECT COUNT(*) FROM review_answers x JOIN reviews r2 ON r2.id = x.review_id"
		"   WHERE r2.dossier_id = ?1 AND r2.phase = ?2 AND r2.status = 'submitted'"
		"   AND x.kind = 'gate' AND x.blocking = 1 AND x.value = 'no') ELSE 0 END,"
		" CASE WHEN COUNT(*) > 0 THEN"
		" (SELECT COUNT(*) FROM review_answers x JOIN reviews r2 ON r2.id = x.review_id"
		"   WHERE r2.dossier_id = ?1 AND r2.phase = ?2 AND r2.status = 'submitted'"
		"   AND x.kind = 'gate' AND x.value = 'check') ELSE 0 END,"
		" COUNT(*) > 1 AND EXISTS (SELECT 1 FROM review_answers x JOIN reviews r2 ON r2.id = x.review_id"
		"   JOIN grid_versions g2 ON g2.id = r2.grid_version_id"
		"   WHERE r2.dossier_id = ?1 AND r2.phase = ?2 AND r2.status = 'submitted'"
		"   AND x.value IS NOT NULL AND x.kind IN ('scale', 'gate') AND g2.divergence > 0"
		"   GROUP BY x.criterion"
		"   HAVING (MAX(x.kind) = 'scale' AND MAX(CAST(x.value AS REAL)) - MIN(CAST(x.value AS REAL)) >= MIN(g2.divergence))"
		"       OR (MAX(x.kind) = 'gate' AND MAX(x.blocking) = 1 AND SUM(x.value = 'yes') > 0 AND SUM(x.value = 'no') > 0))"
		" FROM reviews r JOIN grid_versions g ON g.id = r.grid_version_id"
		" WHERE r.dossier_id = ?1 AND r.phase = ?2 AND r.status = 'submitted'", may);
	q->figures = q->mine ? stmt_query(s, e, sql, "Ii", 0LL, 0) : NULL;
	free(sql);
	free(may);
	if (!q->figures) {
		row_stmts_done(q);
		return -1;
	}
	return 0;
}

static int row_phase(struct store *s, struct row_stmts *q, long long dossier_id, int *phase,
		     int *conflicted, int *reviewed, struct perr *e)
{
	sqlite3_stmt *st = q->phase;
	if (dossier_step_row(s, st, dossier_id, e) < 0) {
		q->phase = NULL;	/* finalized */
		return -1;
	}
	*phase = state_figures_phase((const char *)sqlite3_column_text(st, 0));
	/* The last phase reviewed: 0 when there is no review at all. */
	*reviewed = sqlite3_column_int(st, 1) > 0;
	if (!*phase)
		*phase = sqlite3_column_int(st, 1);
	*conflicted = sqlite3_column_int(st, 2);
	sqlite3_reset(st);
	return 0;
}

static void row_figures(struct row_stmts *q, long long dossier_id, struct review_row *out)
{
	sqlite3_stmt *st = q->figures;
	sqlite3_bind_int64(st, 1, dossier_id);
	sqlite3_bind_int(st, 2, out->phase);
	if (sqlite3_step(st) == SQLITE_ROW) {
		out->n_submitted = sqlite3_column_int(st, 0);
		out->mean_total = sqlite3_column_double(st, 1);
		out->visible = sqlite3_column_int(st, 2);
		out->has_total = out->n_submitted > 0 && sqlite3_column_double(st, 3) > 0;
		out->gates_failed = sqlite3_column_int(st, 4) > 0;
		out->gates_to_check = sqlite3_column_int(st, 5) > 0;
		out->divergent = sqlite3_column_int(st, 6);
	}
	sqlite3_reset(st);
}

static int row_fill(struct store *s, struct row_stmts *q, long long dossier_id, int quick,
		    struct review_row *out, struct perr *e)
{
	memset(out, 0, sizeof *out);
	int conflicted, reviewed;
	if (row_phase(s, q, dossier_id, &out->phase, &conflicted, &reviewed, e) < 0)
		return -1;
	if (conflicted) {
		out->mine = RS_CONFLICT;
		return 0;
	}
	if (quick && !reviewed)
		return 0;	/* no review: none of mine, no figure (visible 0) */
	sqlite3_bind_int64(q->mine, 1, dossier_id);
	sqlite3_bind_int(q->mine, 3, out->phase);
	int rc = sqlite3_step(q->mine);
	long long mine = rc == SQLITE_ROW && sqlite3_column_type(q->mine, 0) != SQLITE_NULL
		? sqlite3_column_int64(q->mine, 0) : -1;
	int submitted = rc == SQLITE_ROW && sqlite3_column_int(q->mine, 1) > 0;
	sqlite3_reset(q->mine);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, e, _("reading reviews"));
	out->mine = mine == 1 ? RS_SUBMITTED : mine == 0 ? RS_DRAFT : RS_NONE;
	if (quick && !submitted)
		return 0;	/* nothing submitted: no figure to show (visible 0) */
	row_figures(q, dossier_id, out);
	if (!out->visible) {
		out->mean_total = 0;
		out->has_total = 0;
		out->divergent = 0;
		out->gates_failed = 0;
		out->gates_to_check = 0;
	}
	return 0;
}

/* n rows; quick: a dossier with no review at all is not asked more. */
static int rows_fill(struct store *s, const struct actor *a, const long long *ids, size_t n,
		     int quick, struct review_row *out, struct perr *e)
{
	if (n == 0)
		return 0;
	struct row_stmts q;
	if (row_stmts_prepare(s, a, &q, e) < 0)
		return -1;
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < n; i++)
		rc = row_fill(s, &q, ids[i], quick, &out[i], e);
	row_stmts_done(&q);
	return rc;
}

int review_rows_fill(struct store *s, const struct actor *a, const long long *ids, size_t n,
		     struct review_row *out, struct perr *e)
{
	return rows_fill(s, a, ids, n, 1, out, e);
}

int review_row_fill(struct store *s, const struct actor *a, long long dossier_id,
		    struct review_row *out, struct perr *e)
{
	return rows_fill(s, a, &dossier_id, 1, 0, out, e);
}

enum gate_verdict review_row_verdict(const struct review_row *r)
{
	if (r->phase != 1 || !r->visible || r->n_submitted == 0)
		return GV_NONE;
	if (r->gates_failed)
		return GV_BLOCKED;
	return r->gates_to_check ? GV_CHECK : GV_MET;
}

const char *gate_verdict_label(enum gate_verdict v)
{
	switch (v) {
	case GV_MET: return C_("gates", "met");
	case GV_BLOCKED: return C_("gates", "block");
	case GV_CHECK: return C_("gates", "check");
	case GV_NONE: break;
	}
	return "";
}
