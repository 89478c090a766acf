/* review_read.c - reading reviews and their answers, each on the grid
 * version it was given on. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "review/grid_version.h"
#include "review/review_read.h"
#include "review/rows.h"
#include "store/stmt.h"

/* The fields of an answer: columns of read_answers' query, then the
 * criterion id (set from the grid). */
static const struct col answer_cols[] = {
	COL(struct answer, value, COL_TEXT_NULL), COL(struct answer, comment, COL_TEXT_NULL),
	COL(struct answer, points, COL_DOUBLE), COL(struct answer, updated_at, COL_TEXT_NULL),
	COL(struct answer, updated_by, COL_TEXT_NULL), COL(struct answer, criterion, COL_OWNED),
};
static const struct row_type answer_row = ROW_TYPE(struct answer, answer_cols);

/* The fields of a review, in the order of review_cols' columns. */
static const struct col review_fields[] = {
	COL(struct review, id, COL_I64), COL(struct review, dossier_id, COL_I64),
	COL(struct review, ds_number, COL_TEXT), COL(struct review, reviewer, COL_TEXT),
	COL(struct review, reviewer_name, COL_TEXT), COL(struct review, grid_id, COL_TEXT),
	COL(struct review, grid_version_id, COL_I64), COL(struct review, grid_hash, COL_TEXT),
	COL(struct review, phase, COL_INT), COL(struct review, submitted, COL_INT),
	COL(struct review, revision, COL_I64), COL(struct review, created_at, COL_TEXT),
	COL(struct review, updated_at, COL_TEXT), COL(struct review, updated_by, COL_TEXT),
	COL(struct review, submitted_at, COL_TEXT_NULL), COL(struct review, total, COL_DOUBLE),
	COL(struct review, band, COL_TEXT_NULL), COL(struct review, eliminated_by, COL_TEXT_NULL),
};
static const struct row_type review_row = ROW_TYPE(struct review, review_fields);

void review_free(struct review **rp)
{
	if (!rp || !*rp)
		return;
	struct review *r = *rp;
	rows_free(&r->answers, r->n_answers, &answer_row);
	cols_clear(r, &review_row);
	free(r);
	*rp = NULL;
}

void review_list_free(struct review ***list, size_t n)
{
	if (!list || !*list)
		return;
	for (size_t i = 0; i < n; i++)
		review_free(&(*list)[i]);
	free(*list);
	*list = NULL;
}

const struct answer *review_answer(const struct review *r, const char *criterion)
{
	for (size_t i = 0; i < r->n_answers; i++)
		if (strcmp(r->answers[i].criterion, criterion) == 0)
			return &r->answers[i];
	return NULL;
}

int review_grid(struct store *s, const struct review *r, struct checklist **g,
		struct perr *e)
{
	return grid_version_load(s, r->grid_version_id, g, e);
}

static const char review_cols[] =
	"SELECT r.id, r.dossier_id, d.ds_number, r.reviewer, COALESCE(p.display_name, r.reviewer),"
	" r.grid_id, r.grid_version_id, g.hash, r.phase, r.status = 'submitted', r.revision,"
	" r.created_at, r.updated_at, r.updated_by, r.submitted_at, r.total, r.band, r.eliminated_by"
	" FROM reviews r JOIN dossiers d ON d.id = r.dossier_id"
	" JOIN grid_versions g ON g.id = r.grid_version_id"
	" LEFT JOIN reviewers p ON p.login = r.reviewer ";

sqlite3_stmt *review_query(struct store *s, struct perr *e, const char *where,
			   const char *fmt, ...)
{
	char *sql = xasprintf("%s%s", review_cols, where);
	sqlite3_stmt *st = store_prepare(s, sql, e);
	free(sql);
	if (st) {
		va_list ap;
		va_start(ap, fmt);
		stmt_bindv(st, fmt, ap);
		va_end(ap);
	}
	return st;
}

struct review *review_from_row(sqlite3_stmt *st)
{
	struct review *r = xcalloc(1, sizeof *r);
	cols_read(st, r, &review_row);
	r->eliminated = r->eliminated_by != NULL;
	return r;
}

/* Answers stored for criteria of g go to their place in r->answers. */
static int read_answers(struct store *s, const struct checklist *g, struct review *r,
			struct perr *e)
{
	sqlite3_stmt *st = stmt_query(s, e, "SELECT value, comment, points, updated_at, updated_by, criterion"
				      " FROM review_answers WHERE review_id = ?", "I", r->id);
	if (!st)
		return -1;
	int rc;
	while ((rc = stmt_next(s, &st, e, _("reading a review"))) > 0) {
		const char *id = (const char *)sqlite3_column_text(st, 5);
		int i = checklist_index(g, id);
		if (i >= 0 && strcmp(g->crit[i].id, id) == 0)	/* always: answers are checked against the same version */
			cols_read(st, &r->answers[i], &answer_row);
	}
	return rc;
}

int review_load_answers(struct store *s, struct review *r, struct perr *e)
{
	struct checklist *g;
	if (review_grid(s, r, &g, e) < 0)
		return -1;
	r->answers = xcalloc(g->n_crit ? g->n_crit : 1, sizeof *r->answers);
	r->n_answers = g->n_crit;
	for (size_t i = 0; i < g->n_crit; i++)
		r->answers[i].criterion = xstrdup(g->crit[i].id);
	int rc = read_answers(s, g, r, e);
	checklist_free(&g);
	return rc;
}

int review_read_all(struct store *s, sqlite3_stmt *st, int with_answers, struct review ***list,
		    size_t *n, struct perr *e)
{
	*list = NULL;
	*n = 0;
	if (!st)
		return -1;
	int rc;
	while ((rc = stmt_next(s, &st, e, _("reading reviews"))) > 0) {
		*list = xrealloc(*list, (*n + 1) * sizeof **list);
		(*list)[(*n)++] = review_from_row(st);
	}
	for (size_t i = 0; rc == 0 && with_answers && i < *n; i++)
		rc = review_load_answers(s, (*list)[i], e);
	if (rc < 0) {
		review_list_free(list, *n);
		*n = 0;
	}
	return rc;
}

/* The review st finds (st is finalized), with its answers; *out NULL when
 * there is none. */
static int load_one(struct store *s, sqlite3_stmt *st, struct review **out, struct perr *e)
{
	*out = NULL;
	if (!st)
		return -1;
	int rc = stmt_next(s, &st, e, _("reading a review"));
	if (rc <= 0)
		return rc;
	struct review *r = review_from_row(st);
	stmt_done(&st);
	if (review_load_answers(s, r, e) < 0) {
		review_free(&r);
		return -1;
	}
	*out = r;
	return 0;
}

int review_find(struct store *s, long long dossier_id, const char *reviewer,
		const char *grid_id, struct review **out, struct perr *e)
{
	return load_one(s, review_query(s, e, "WHERE r.dossier_id = ?1 AND r.reviewer = ?2 AND r.grid_id = ?3",
					"Itt", dossier_id, reviewer, grid_id), out, e);
}

int review_load(struct store *s, long long review_id, struct review **out, struct perr *e)
{
	if (load_one(s, review_query(s, e, "WHERE r.id = ?1", "I", review_id), out, e) < 0)
		return -1;
	if (!*out)
		return perr_set(e, P_NOTFOUND, _("no review number %lld"), review_id);
	return 0;
}
