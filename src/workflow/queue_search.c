/* queue_search.c - the next or previous row of the queue whose names,
 * members or texts match what a person typed. */
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "store/stmt.h"
#include "workflow/queue_search.h"
#include "workflow/queue_sql.h"
#include "workflow/queue_terms.h"

/* The first hit past the cursor's row id0 (0: from the start) in the
 * direction dir, else, wrapping, the first from the other end; and (with
 * count) how many rows match. pm is the match's parameter, pm + 1 id0's. */
static char *search_sql(const struct queue_sql *w, long long id0, int dir, int count, int pm)
{
	/* Forward in the queue is "greater" when ascending. */
	const char *cmp = (dir >= 0) != (w->desc != 0) ? ">" : "<";
	char *ob = queue_sql_order_by(w, dir < 0);
	char *after = id0 ? queue_sql_after(w, cmp, pm + 1) : xstrdup("");
	/* Counting the hits costs a pass over them: only when asked. */
	char *hits = count ? xasprintf(", (SELECT count(*) FROM dossiers d WHERE %s AND d.id IN"
				       " (SELECT rowid FROM dossier_fts WHERE dossier_fts MATCH ?%d))",
				       w->where, pm) : xstrdup("");
	char *sql = xasprintf(
		"SELECT coalesce("
		" (SELECT d.id FROM dossiers d WHERE %s AND d.id IN (SELECT rowid FROM dossier_fts"
		"   WHERE dossier_fts MATCH ?%d)%s ORDER BY %s LIMIT 1),"
		" (SELECT d.id FROM dossiers d WHERE %s AND d.id IN (SELECT rowid FROM dossier_fts"
		"   WHERE dossier_fts MATCH ?%d) ORDER BY %s LIMIT 1))%s",
		w->where, pm, after, ob, w->where, pm, ob, hits);
	free(hits);
	free(after);
	free(ob);
	return sql;
}

int queue_search(struct store *s, const struct queue_spec *q, const char *text,
		 long long from, int dir, long long *pos, long long *hits, struct perr *e)
{
	*pos = -1;
	if (hits)
		*hits = 0;
	char *fq = queue_fts_query(text);
	if (!fq)
		return 0;
	long long id0 = queue_id_at(s, q, from, e);
	struct queue_sql w;
	queue_sql_build(s, q, &w);
	int pm = 1 + w.nb;
	char *sql = search_sql(&w, id0, dir, hits != NULL, pm);
	sqlite3_stmt *st = queue_sql_prepare(s, sql, &w, e);
	free(sql);
	queue_sql_done(&w);
	if (st) {
		sqlite3_bind_text(st, pm, fq, -1, SQLITE_TRANSIENT);
		if (id0)
			sqlite3_bind_int64(st, pm + 1, id0);
	}
	free(fq);
	int rc = st ? stmt_next(s, &st, e, _("searching the dossiers")) : -1;
	long long hit = 0;
	if (rc > 0) {
		hit = sqlite3_column_int64(st, 0);
		if (hits)
			*hits = sqlite3_column_int64(st, 1);
		stmt_done(&st);
	}
	if (rc < 0)
		return -1;
	return hit ? queue_position(s, q, hit, pos, e) : 0;
}

/* What search_all runs: the hits of the whole spec, stepped from a row. */
struct all_search {
	struct store *s;
	struct queue_sql w;
	char *fq;		/* the FTS5 query */
	int pm;			/* its parameter; pm + 1 is a dossier id */
	long long *hits;	/* the matching rowids, ascending (the memo's, or own) */
	size_t n_hits;
};

/* The first integers of sql's row (0 when no row), binding the match and
 * id: out[0], and out[1] when out2 is set. */
static int some_ints(struct all_search *as, const char *sql, long long id, long long *out,
		     int two, struct perr *e)
{
	out[0] = 0;
	if (two)
		out[1] = 0;
	sqlite3_stmt *st = queue_sql_prepare(as->s, sql, &as->w, e);
	if (!st)
		return -1;
	sqlite3_bind_text(st, as->pm, as->fq, -1, SQLITE_TRANSIENT);
	if (id)
		sqlite3_bind_int64(st, as->pm + 1, id);
	int rc = stmt_next(as->s, &st, e, _("searching the dossiers"));
	if (rc > 0) {
		out[0] = sqlite3_column_int64(st, 0);
		if (two)
			out[1] = sqlite3_column_int64(st, 1);
		stmt_done(&st);
	}
	return rc < 0 ? -1 : 0;
}

static int one_int(struct all_search *as, const char *sql, long long id, long long *out,
		   struct perr *e)
{
	return some_ints(as, sql, id, out, 0, e);
}

/* At most this many rows are walked looking for the next hit before the
 * hits themselves are read: with many hits the next one is a few rows
 * away, and a walk costs what the distance costs, not what the hits do. */
#define WALK_ROWS 256

/* Whether dossier id is among the hits (a binary search). */
static int is_hit(const struct all_search *as, long long id)
{
	size_t lo = 0, hi = as->n_hits;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (as->hits[mid] == id)
			return 1;
		if (as->hits[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* One id into the array arg. */
static int read_id(sqlite3_stmt *st, void *arg)
{
	*(long long *)xarray_add(arg) = sqlite3_column_int64(st, 0);
	return 0;
}

/* The ids of the next limit rows of the order after id0 (0: from the
 * start) in the direction dir, through the order's index; NULL on an
 * error. */
static sqlite3_stmt *rows_after(struct all_search *as, long long id0, int dir, int limit,
				struct perr *e)
{
	const struct queue_sql *w = &as->w;
	const char *cmp = (dir >= 0) != (w->desc != 0) ? ">" : "<";
	char *ob = queue_sql_order_by(w, dir < 0);
	char *after = id0 ? queue_sql_after(w, cmp, as->pm + 1) : xstrdup("");
	char *sql = xasprintf("SELECT d.id FROM dossiers d WHERE %s%s ORDER BY %s LIMIT %d",
			      w->where, after, ob, limit);
	sqlite3_stmt *st = queue_sql_prepare(as->s, sql, &as->w, e);
	free(sql);
	free(after);
	free(ob);
	if (st && id0)
		sqlite3_bind_int64(st, as->pm + 1, id0);
	return st;
}

/* The walk: the next WALK_ROWS rows of the order after id0 (their ids
 * only, through the order's index), each looked up among the hits; *more
 * is set when that many were read (more rows may follow). */
static int walk(struct all_search *as, long long id0, int dir, long long *hit,
		long long *steps, int *more, struct perr *e)
{
	sqlite3_stmt *st = rows_after(as, id0, dir, WALK_ROWS, e);
	struct xarray ids = {NULL, 0, 0, sizeof(long long)};
	int rc = stmt_rows(as->s, st, e, _("searching the dossiers"), read_id, &ids);
	const long long *v = ids.v;
	*hit = 0;
	for (size_t i = 0; rc == 0 && !*hit && i < ids.n; i++)
		if (is_hit(as, v[i])) {
			*hit = v[i];
			*steps = (long long)i + 1;
		}
	*more = ids.n == WALK_ROWS;
	free(ids.v);
	return rc;
}

/* The hits of the spec as a condition on d.id (read from the full-text
 * index: a pass over them). */
static char *hits_cond(const struct all_search *as)
{
	return xasprintf("d.id IN (SELECT rowid FROM dossier_fts WHERE dossier_fts MATCH ?%d)", as->pm);
}

/* The next hit after id0 in the direction dir among the hits held (0 when
 * none before the end): the rows that follow looked up among them (*steps:
 * how far), else the hits read in the order. */
static int hit_after(struct all_search *as, long long id0, int dir, long long *hit,
		     long long *steps, struct perr *e)
{
	const struct queue_sql *w = &as->w;
	*hit = *steps = 0;
	int more = 0;
	if (walk(as, id0, dir, hit, steps, &more, e) < 0)
		return -1;
	if (*hit || !more)
		return 0;	/* found, or no row left past the walk */
	const char *cmp = (dir >= 0) != (w->desc != 0) ? ">" : "<";
	char *ob = queue_sql_order_by(w, dir < 0);
	char *after = id0 ? queue_sql_after(w, cmp, as->pm + 1) : xstrdup("");
	char *in = hits_cond(as);
	char *sql = xasprintf("SELECT d.id FROM dossiers d WHERE %s AND %s%s ORDER BY %s LIMIT 1",
			      w->where, in, after, ob);
	int rc = one_int(as, sql, id0, hit, e);
	free(sql);
	free(in);
	free(after);
	free(ob);
	return rc;
}

/* The hit's rank among the hits (1 the first in the order): one pass
 * over the hits. */
static int hit_rank(struct all_search *as, long long id, long long *index, struct perr *e)
{
	const struct queue_sql *w = &as->w;
	const char *cmp = w->desc ? ">" : "<";
	char *in = hits_cond(as);
	char *sql = xasprintf("SELECT count(*) FROM dossiers d WHERE %s AND %s"
			      " AND (%s) %s (SELECT %s FROM dossiers d WHERE d.id = ?%d)",
			      w->where, in, w->keys, cmp, w->keys, as->pm + 1);
	long long before = 0;
	int rc = one_int(as, sql, id, &before, e);
	*index = before + 1;
	free(sql);
	free(in);
	return rc;
}

static int cmp_ll(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;
	return x < y ? -1 : x > y;
}

/* A search's hits, their rowids read once from the full-text index into
 * memory (kept in the memo for the next steps): few, or many only when a
 * walk found none near (next_hit); no table written. */
static int hits_fill(struct all_search *as, struct perr *e)
{
	struct xarray b = {NULL, 0, 0, sizeof(long long)};
	sqlite3_stmt *st = store_prepare(as->s, "SELECT rowid FROM dossier_fts WHERE dossier_fts MATCH ?1", e);
	if (st)
		sqlite3_bind_text(st, 1, as->fq, -1, SQLITE_TRANSIENT);
	if (stmt_rows(as->s, st, e, _("searching the dossiers"), read_id, &b) < 0) {
		free(b.v);
		return -1;
	}
	as->hits = b.v ? b.v : xmalloc(sizeof *as->hits);
	as->n_hits = b.n;
	/* Rowid order is FTS5's; sorted all the same, as is_hit needs it. */
	for (size_t i = 1; i < b.n; i++)
		if (as->hits[i - 1] > as->hits[i]) {
			qsort(as->hits, b.n, sizeof *as->hits, cmp_ll);
			break;
		}
	return 0;
}

/* The hits of the spec counted, at most QUEUE_FEW_HITS + 1 of them: read
 * from the index a few at a time, each looked up among the dossiers. */
static int hit_count(struct all_search *as, long long *hits, struct perr *e)
{
	char *sql = xasprintf("SELECT count(*) FROM (SELECT 1 FROM dossier_fts f CROSS JOIN dossiers d"
			      " ON d.id = f.rowid WHERE f.dossier_fts MATCH ?%d AND %s LIMIT %d)",
			      as->pm, as->w.where, QUEUE_FEW_HITS + 1);
	int rc = one_int(as, sql, 0, hits, e);
	free(sql);
	return rc;
}

/* Whether dossier id matches: the index asked for that one row. */
static int probe(struct all_search *as, sqlite3_stmt **st, long long id, int *yes, struct perr *e)
{
	*yes = 0;
	if (!*st) {
		*st = store_prepare(as->s, "SELECT 1 FROM dossier_fts WHERE dossier_fts MATCH ?1 AND rowid = ?2", e);
		if (!*st)
			return -1;
		sqlite3_bind_text(*st, 1, as->fq, -1, SQLITE_TRANSIENT);
	}
	sqlite3_bind_int64(*st, 2, id);
	int rc = sqlite3_step(*st);
	*yes = rc == SQLITE_ROW;
	sqlite3_reset(*st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_fail(as->s, e, _("searching the dossiers"));
}

/* Many hits: the next one is a few rows away. The rows of the order after
 * id0 (their ids, through the order's index) each asked the index, at
 * most QUEUE_PROBE_ROWS of them: *hit and *steps (1: the next row) when
 * one matches; *more when rows were left unasked. */
static int probe_walk(struct all_search *as, long long id0, int dir, long long *hit,
		      long long *steps, int *more, struct perr *e)
{
	sqlite3_stmt *st = rows_after(as, id0, dir, QUEUE_PROBE_ROWS + 1, e);
	*hit = *steps = 0;
	*more = 0;
	if (!st)
		return -1;
	sqlite3_stmt *pst = NULL;
	int rc = 0, step;
	long long n = 0;
	while (!*hit && (step = sqlite3_step(st)) == SQLITE_ROW) {
		if (++n > QUEUE_PROBE_ROWS) {
			*more = 1;
			break;
		}
		long long id = sqlite3_column_int64(st, 0);
		int yes = 0;
		if ((rc = probe(as, &pst, id, &yes, e)) < 0)
			break;
		if (yes) {
			*hit = id;
			*steps = n;
		}
	}
	if (rc == 0 && !*hit && !*more && step != SQLITE_DONE)
		rc = store_fail(as->s, e, _("searching the dossiers"));
	stmt_done(&pst);
	stmt_done(&st);
	return rc;
}

void queue_search_memo_done(struct queue_search_memo *m)
{
	free(m->text);
	free(m->fq);
	free(m->keys);
	free(m->where);
	free(m->hits);
	memset(m, 0, sizeof *m);
}

/* Whether m was kept for this data: the same rows, the same terms. */
static int memo_fresh(const struct queue_search_memo *m, struct store *s)
{
	return m && m->fq && m->data_version == store_data_version(s) && m->changes == store_changes(s);
}

/* Whether m was kept for this search, order and data. */
static int memo_holds(const struct queue_search_memo *m, const struct all_search *as)
{
	return memo_fresh(m, as->s) && strcmp(m->fq, as->fq) == 0 &&
	       strcmp(m->keys, as->w.keys) == 0 && m->desc == as->w.desc &&
	       strcmp(m->where, as->w.where) == 0 && (m->capped || m->hits);
}

/* Keep the step's figures and the hits (as's own become the memo's). */
static void memo_keep(struct queue_search_memo *m, struct all_search *as, const char *text,
		      const struct queue_hit *hit)
{
	if (m->hits == as->hits)
		m->hits = NULL;	/* held: kept as they are */
	char *t = xstrdup(text);
	queue_search_memo_done(m);
	m->text = t;
	m->fq = xstrdup(as->fq);
	m->keys = xstrdup(as->w.keys);
	m->where = xstrdup(as->w.where);
	m->desc = as->w.desc;
	m->data_version = store_data_version(as->s);
	m->changes = store_changes(as->s);
	m->hits = as->hits;
	m->n_hits = as->n_hits;
	m->total = hit->total;
	m->capped = hit->capped;
	m->last_id = hit->id;
	m->last_index = hit->index;
}

/* The next hit after id0 in the direction dir, no wrapping (0: none).
 * Many hits: rows walked and asked the index (*steps: how far), and only
 * when none of them matches, the hits read; few: from the hits. */
static int next_hit(struct all_search *as, int many, long long id0, int dir, long long *hit,
		    long long *steps, struct perr *e)
{
	*steps = 0;
	if (many && !as->hits) {
		int more = 0;
		if (probe_walk(as, id0, dir, hit, steps, &more, e) < 0)
			return -1;
		if (*hit || !more)
			return 0;
		if (hits_fill(as, e) < 0)	/* many hits, all far away */
			return -1;
	}
	return hit_after(as, id0, dir, hit, steps, e);
}

/* The hit's rank: the first from the start, the one after (or before) the
 * last hit when stepping from it, else counted among few hits; 0 when
 * unknown (many hits: counting them would cost a pass). */
static int rank(struct all_search *as, const struct queue_search_memo *m, int held,
		long long from_id, int dir, struct queue_hit *hit, struct perr *e)
{
	hit->index = 0;
	if (!from_id || hit->wrapped) {
		if (dir >= 0 || !hit->capped)
			hit->index = dir >= 0 ? 1 : hit->total;
	} else if (held && from_id == m->last_id && m->last_index > 0) {
		hit->index = m->last_index + (dir >= 0 ? 1 : -1);
		if (hit->index < 1 || (!hit->capped && hit->index > hit->total))
			hit->index = 0;
	} else if (!hit->capped) {
		return hit_rank(as, hit->id, &hit->index, e);
	}
	return 0;
}

/* The step itself, its figures kept in memo. */
static int search_step(struct all_search *as, const char *text, long long from_id, int dir,
		       struct queue_search_memo *m, struct queue_hit *hit, struct perr *e)
{
	int held = memo_holds(m, as);
	if (held) {
		hit->total = m->total;
		hit->capped = m->capped;
		as->hits = m->hits;
		as->n_hits = m->n_hits;
	} else {
		if (hit_count(as, &hit->total, e) < 0)
			return -1;
		hit->capped = hit->total > QUEUE_FEW_HITS;
		if (hit->capped)
			hit->total = QUEUE_FEW_HITS;
		else if (hit->total && hits_fill(as, e) < 0)
			return -1;
	}
	if (hit->total == 0)
		return 0;
	if (next_hit(as, hit->capped, from_id, dir, &hit->id, &hit->steps, e) < 0)
		return -1;
	if (!hit->id && from_id) {
		hit->wrapped = 1;
		if (next_hit(as, hit->capped, 0, dir, &hit->id, &hit->steps, e) < 0)
			return -1;
		hit->steps = 0;
	}
	if (!hit->id)
		return 0;	/* changed under us: none left */
	if (rank(as, m, held, from_id, dir, hit, e) < 0)
		return -1;
	if (m)
		memo_keep(m, as, text, hit);
	return 0;
}

int queue_search_same_rows(const struct queue_spec *q)
{
	return q->view == QV_ALL && !q->state && !q->region && !q->departement && !q->assignee &&
	       !q->only_ids;
}

int queue_search_all(struct store *s, const struct queue_spec *q, const char *text,
		     long long from_id, int dir, struct queue_search_memo *memo,
		     struct queue_hit *hit, struct perr *e)
{
	memset(hit, 0, sizeof *hit);
	/* The words as the index's terms, found again only when the text or
	 * the data changed. */
	int same = memo_fresh(memo, s) && text && memo->text && strcmp(memo->text, text) == 0;
	struct all_search as = {.s = s};
	as.fq = same ? xstrdup(memo->fq) : queue_terms_query(s, text, e);
	if (!as.fq)
		return e->msg[0] ? -1 : 0;
	/* Every dossier the person may see, in the queue's order. */
	struct queue_spec all = *q;
	all.view = QV_ALL;
	all.state = all.region = all.departement = all.assignee = NULL;
	all.only_ids = NULL;
	all.n_only = 0;
	queue_sql_build(s, &all, &as.w);
	as.pm = 1 + as.w.nb;
	/* Its reads see one state of the data. */
	int reading = store_read_begin(s);
	int rc = search_step(&as, text, from_id, dir, memo, hit, e);
	store_read_end(s, reading);
	/* Hits neither held nor kept by the memo are this step's own. */
	if (!memo || memo->hits != as.hits)
		free(as.hits);
	if (!hit->id)
		hit->wrapped = 0;
	queue_sql_done(&as.w);
	free(as.fq);
	return rc;
}
