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
	/* Views and filters on the state, région and département only, for
	 * a person who sees every dossier: the counts migration 14 keeps (its
	 * columns have the dossiers' names), a few hundred rows whatever the
	 * dossiers. Else the dossiers counted. */
	int counted = (q->view == QV_ALL || q->view == QV_TODO || q->view == QV_PHASE2) &&
		      !q->assignee && !q->only_ids && !w.viewer && w.nb == 0;
	char *sql = counted ? xasprintf("SELECT coalesce(sum(n), 0) FROM queue_counts d WHERE %s", w.where)
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

/* The columns of a queue row, in read_row's order. */
static const char row_cols[] =
	"d.id, d.revision, d.ds_number, d.ptce_name, d.region_code,"
	" d.departement_code, d.state, d.state_since,"
	" CAST(julianday('now') - julianday(d.state_since) AS INTEGER),"
	" d.complements_due IS NOT NULL,"
	/* Forced moves are few: their own index (migration 14), which the
	 * planner left to itself passes over for history_dossier. */
	" EXISTS (SELECT 1 FROM history h INDEXED BY history_override"
	"  WHERE h.dossier_id = d.id AND h.override = 1),"
	" " QUEUE_LATE_SQL;

/* Where a page is read from: after (or before, reverse) the row of
 * anchor_id (0: from the start, or the end when reverse), skipping skip
 * rows, at most limit of them. inside: the anchor is in the page, at
 * offset + inside: the rows before it are read back from it, then the
 * rest forward from it. */
struct seek {
	long long anchor_id, skip;
	int reverse, limit, inside;
};

/* The cheapest seek to rows [offset, offset + limit): from the start, the
 * end, or one of the rows whose place is known, whichever skips fewest. */
static struct seek seek_plan(long long offset, int limit, long long count,
			     const struct queue_anchor *near, size_t n_near)
{
	struct seek best = { 0, offset, 0, limit, 0 };
	if (count >= 0) {
		long long last = offset + limit;
		if (last > count)
			last = count;
		if (count - last < best.skip)
			best = (struct seek){ 0, count - last, 1, (int)(last - offset), 0 };
	}
	for (size_t i = 0; i < n_near; i++) {
		const struct queue_anchor *a = &near[i];
		if (!a->id || a->pos < 0)
			continue;
		if (a->pos <= offset && offset - a->pos < best.skip)
			best = (struct seek){ a->id, offset - a->pos, 0, limit, 0 };
		else if (a->pos >= offset + limit && a->pos - offset - limit < best.skip)
			best = (struct seek){ a->id, a->pos - offset - limit, 1, limit, 0 };
		else if (a->pos > offset && a->pos < offset + limit && best.skip > 0)
			best = (struct seek){ a->id, 0, 0, limit, (int)(a->pos - offset) };
	}
	return best;
}

/* Reverse the n rows of r in place. */
static void rows_reverse(struct queue_row *r, size_t n)
{
	for (size_t i = 0; i < n / 2; i++) {
		struct queue_row t = r[i];
		r[i] = r[n - 1 - i];
		r[n - 1 - i] = t;
	}
}

/* Free the texts of a row. */
static void row_texts_free(struct queue_row *x)
{
	char *texts[] = {x->ds_number, x->ptce_name, x->region_code, x->departement_code,
			 x->state, x->state_since};
	for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++)
		free(texts[t]);
}

/* A seek from an anchor in a plain order of several keys: its arms one
 * after the other (queue_sql_tie_arm), until skip + limit rows; the first
 * skip dropped. */
static int fetch_arms(struct store *s, const struct queue_sql *w, const struct seek *k,
		      const char *cmp, size_t arms, struct xarray *b, struct perr *e)
{
	struct xarray all = {NULL, 0, 0, sizeof(struct queue_row)};
	long long need = k->skip + k->limit;
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < arms && (long long)all.n < need; i++) {
		char *tail = xasprintf(" LIMIT %lld", need - (long long)all.n);
		char *sql = queue_sql_tie_arm(w, row_cols, cmp, 1 + w->nb, k->reverse, i, tail);
		sqlite3_stmt *st = queue_sql_prepare(s, sql, w, e);
		if (st)
			sqlite3_bind_int64(st, 1 + w->nb, k->anchor_id);
		free(tail);
		free(sql);
		rc = stmt_rows(s, st, e, _("reading the queue"), read_row, &all);
	}
	struct queue_row *r = all.v;
	for (size_t i = 0; i < all.n; i++) {
		if ((long long)i < k->skip || rc < 0)
			row_texts_free(&r[i]);
		else
			*(struct queue_row *)xarray_add(b) = r[i];
	}
	free(all.v);
	return rc;
}

/* The rows a seek reads (keyset: the order's keys compared with the
 * anchor's, then a small OFFSET), in the spec's order. */
static int fetch_seek(struct store *s, const struct queue_spec *q, const struct seek *k,
		      struct xarray *b, struct perr *e)
{
	struct queue_sql w;
	queue_sql_build(s, q, &w);
	int pid = 1 + w.nb;
	/* Forward is "greater" when ascending; the anchor itself is read
	 * going forward (its place is the first of the page). */
	const char *cmp = (!k->reverse) != (w.desc != 0) ? (k->reverse ? ">" : ">=")
							 : (k->reverse ? "<" : "<=");
	size_t arms = k->anchor_id ? queue_sql_tie_arms(&w) : 1;
	int rc = 0;
	if (arms == 1) {
		/* Bound, not written in: the same text for every page, so that
		 * the statement is prepared once (store/stmt_cache.c). */
		char *tail = xasprintf(" LIMIT ?%d OFFSET ?%d", pid + 1, pid + 2);
		char *sql = queue_sql_rows(&w, row_cols, cmp, k->anchor_id ? pid : 0, k->reverse, 1, tail);
		sqlite3_stmt *st = queue_sql_prepare(s, sql, &w, e);
		if (st && k->anchor_id)
			sqlite3_bind_int64(st, pid, k->anchor_id);
		if (st) {
			sqlite3_bind_int(st, pid + 1, k->limit);
			sqlite3_bind_int64(st, pid + 2, k->skip);
		}
		free(tail);
		free(sql);
		rc = stmt_rows(s, st, e, _("reading the queue"), read_row, b);
	} else {
		rc = fetch_arms(s, &w, k, cmp, arms, b, e);
	}
	queue_sql_done(&w);
	if (rc == 0 && k->reverse)
		rows_reverse(b->v, b->n);
	return rc;
}

int queue_fetch_near(struct store *s, const struct queue_spec *q, long long offset, int limit,
		     long long count, const struct queue_anchor *near, size_t n_near,
		     struct queue_row **rows, size_t *n, struct perr *e)
{
	struct xarray b = {NULL, 0, 0, sizeof **rows};
	int rc = 0;
	if (count >= 0 && offset < count && offset + limit > count)
		limit = (int)(count - offset);	/* so that fewer rows mean a gone anchor */
	if (limit > 0 && (count < 0 || offset < count)) {
		struct seek k = seek_plan(offset, limit, count, near, n_near);
		size_t want = (size_t)k.limit;
		if (k.inside) {
			/* Back from the anchor to the page's first row, then
			 * forward from the anchor (it included). */
			struct seek back = { k.anchor_id, 0, 1, k.inside, 0 };
			rc = fetch_seek(s, q, &back, &b, e);
			want = (size_t)k.inside;
			if (rc == 0 && b.n == want) {
				k.limit -= k.inside;
				want += (size_t)k.limit;
				rc = fetch_seek(s, q, &k, &b, e);
			}
		} else {
			rc = fetch_seek(s, q, &k, &b, e);
		}
		if (rc == 0 && k.anchor_id && b.n < want) {
			/* The anchor is gone: from the start, as without one. */
			queue_rows_free((struct queue_row **)&b.v, b.n);
			b = (struct xarray){NULL, 0, 0, sizeof **rows};
			k = (struct seek){ 0, offset, 0, limit, 0 };
			rc = fetch_seek(s, q, &k, &b, e);
		}
	}
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

int queue_fetch(struct store *s, const struct queue_spec *q, long long offset, int limit,
		struct queue_row **rows, size_t *n, struct perr *e)
{
	return queue_fetch_near(s, q, offset, limit, -1, NULL, 0, rows, n, e);
}

void queue_rows_free(struct queue_row **rows, size_t n)
{
	for (size_t i = 0; rows && *rows && i < n; i++)
		row_texts_free(&(*rows)[i]);
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
