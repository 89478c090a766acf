/* queue.c - the rows of the queue: counted, read a page at a time with the
 * review figures of each visible row, or all their ids. */
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "procedure/assignment.h"
#include "review/review.h"
#include "store/stmt.h"
#include "workflow/queue.h"

int queue_count(struct store *s, const struct queue_spec *q, long long *n, struct perr *e)
{
	struct queue_sql w;
	queue_sql_build(s, q, &w);
	/* No condition: a bare count(*), which SQLite answers from the
	 * smallest index's pages without looking at rows. */
	char *sql = strcmp(w.where, "1") == 0 ? xstrdup("SELECT count(*) FROM dossiers")
		: xasprintf("SELECT count(*) FROM dossiers d WHERE %s", w.where);
	sqlite3_stmt *st = queue_sql_prepare(s, sql, &w, e);
	free(sql);
	queue_sql_done(&w);
	*n = 0;
	int rc = st ? stmt_next(s, &st, e, _("counting the queue")) : -1;
	if (rc > 0) {
		*n = sqlite3_column_int64(st, 0);
		stmt_done(&st);
	}
	return rc < 0 ? -1 : 0;
}

/* One row into the array arg. */
static int read_row(sqlite3_stmt *st, void *arg)
{
	struct queue_row *x = xarray_add(arg);
	stmt_columns(st, "IIttttttiiii", &x->id, &x->revision, &x->ds_number, &x->ptce_name,
		     &x->region_code, &x->departement_code, &x->state, &x->state_since,
		     &x->days_in_state, &x->complements, &x->override, &x->late);
	return 0;
}

/* The review figures of each row: a few indexed queries per visible row,
 * their statements prepared once for the page. */
static int review_figures(struct store *s, const struct actor *a, struct queue_row *r, size_t n,
			  struct perr *e)
{
	if (n == 0)
		return 0;
	long long *ids = xcalloc(n, sizeof *ids);
	struct review_row *rr = xcalloc(n, sizeof *rr);
	for (size_t i = 0; i < n; i++)
		ids[i] = r[i].id;
	int rc = review_rows_fill(s, a, ids, n, rr, e);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		r[i].mine = (int)rr[i].mine;
		r[i].visible = rr[i].visible;
		r[i].has_total = rr[i].has_total;
		r[i].mean_total = rr[i].mean_total;
		r[i].divergent = rr[i].divergent;
		r[i].n_submitted = rr[i].n_submitted;
		r[i].verdict = (int)review_row_verdict(&rr[i]);
	}
	free(ids);
	free(rr);
	return rc;
}

int queue_fetch(struct store *s, const struct queue_spec *q, long long offset, int limit,
		struct queue_row **rows, size_t *n, struct perr *e)
{
	struct queue_sql w;
	queue_sql_build(s, q, &w);
	char *tail = xasprintf(" LIMIT %d OFFSET %lld", limit, offset);
	char *sql = queue_sql_select(&w,
		"d.id, d.revision, d.ds_number, d.ptce_name, d.region_code,"
		" d.departement_code, d.state, d.state_since,"
		" CAST(julianday('now') - julianday(d.state_since) AS INTEGER),"
		" d.complements_due IS NOT NULL,"
		" EXISTS (SELECT 1 FROM history h WHERE h.dossier_id = d.id AND h.override = 1),"
		" " QUEUE_LATE_SQL, tail);
	sqlite3_stmt *st = queue_sql_prepare(s, sql, &w, e);
	free(tail);
	free(sql);
	queue_sql_done(&w);
	struct xarray b = {NULL, 0, 0, sizeof **rows};
	int rc = stmt_rows(s, st, e, _("reading the queue"), read_row, &b);
	*rows = b.v;
	*n = b.n;
	if (rc == 0 && q->actor)
		rc = review_figures(s, q->actor, *rows, *n, e);
	if (rc < 0) {
		queue_rows_free(rows, *n);
		*n = 0;
	}
	return rc;
}

void queue_rows_free(struct queue_row **rows, size_t n)
{
	for (size_t i = 0; rows && *rows && i < n; i++) {
		struct queue_row *x = &(*rows)[i];
		char *texts[] = {x->ds_number, x->ptce_name, x->region_code, x->departement_code,
				 x->state, x->state_since};
		for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++)
			free(texts[t]);
	}
	if (rows) {
		free(*rows);
		*rows = NULL;
	}
}

/* One id into the array arg. */
static int read_id(sqlite3_stmt *st, void *arg)
{
	long long *id = xarray_add(arg);
	*id = sqlite3_column_int64(st, 0);
	return 0;
}

int queue_ids(struct store *s, const struct queue_spec *q, long long **ids, size_t *n,
	      struct perr *e)
{
	struct queue_sql w;
	queue_sql_build(s, q, &w);
	char *sql = queue_sql_select(&w, "d.id", "");
	sqlite3_stmt *st = queue_sql_prepare(s, sql, &w, e);
	free(sql);
	queue_sql_done(&w);
	struct xarray b = {NULL, 0, 0, sizeof **ids};
	*ids = NULL;
	*n = 0;
	if (stmt_rows(s, st, e, _("reading the queue"), read_id, &b) < 0) {
		free(b.v);
		return -1;
	}
	/* An empty queue is an allocated array of none, as callers free it. */
	*ids = b.v ? b.v : xmalloc(sizeof **ids);
	*n = b.n;
	return 0;
}

int queue_assignees(struct store *s, long long id, char **out, struct perr *e)
{
	return assignment_logins(s, id, out, e);
}
