/* queue_rows.c - the queue as the interface holds it: the cursor kept on
 * its dossier across reloads, only the rows in view fetched from the core's
 * queue model, and the tagged dossiers. */
#include <stdlib.h>
#include <string.h>

#include "queue_rows.h"
#include "screen.h"
#include "tlines.h"

void queue_rows_init(struct ui *u)
{
	queue_spec_init(&u->q.spec, u->app->actor.login);
	u->q.spec.actor = &u->app->actor;
	u->q.stale = 1;
	/* Before the queue's statements are prepared, which a new table
	 * would make be prepared again (queue_terms_ready); if it cannot be
	 * made, a search says so. */
	struct perr e = {0};
	queue_terms_ready(u->app->store, &e);
	queue_rows_reload(u);
}

void queue_rows_done(struct ui *u)
{
	queue_rows_free(&u->q.rows, u->q.n_rows);
	queue_spec_done(&u->q.spec);
	free(u->q.tags);
	free(u->q.search);
	queue_search_memo_done(&u->q.memo);
	u->q.tags = NULL;
	u->q.search = NULL;
}

int queue_height(struct ui *u)
{
	int h = u->rows - 3 - 1;	/* frame, then the column titles */
	return h > 1 ? h : 1;
}

void queue_clamp(struct ui *u)
{
	struct queue_state *q = &u->q;
	int h = queue_height(u);
	if (q->cur >= q->count)
		q->cur = q->count - 1;
	if (q->cur < 0)
		q->cur = 0;
	tl_follow(&q->top, q->cur, h, 0);
	if (q->top < 0)
		q->top = 0;
}

/* A new order puts the cursor's dossier anywhere: it is looked for only
 * this many rows from either end (a cost that does not grow with the
 * queue); farther, the cursor goes to the first row. */
#define RESORT_NEAR 200

/* Recount; the cursor's dossier found exactly, or (near: a new order of
 * the same dossiers, whose count is kept, as fresh as the last reload's)
 * only near an end. */
static void reload(struct ui *u, int near)
{
	struct queue_state *q = &u->q;
	struct perr e = {0};
	if (!near && queue_count(u->app->store, &q->spec, &q->count, &e)) {
		ui_message(u, UC_ERROR, "%s", e.msg);
		q->count = 0;
	}
	q->found = (struct queue_anchor){ -1, 0 };
	if (q->cur_id) {
		long long pos = -1;
		int rc = near ? queue_position_near(u->app->store, &q->spec, q->cur_id, q->count,
						    RESORT_NEAR, &pos, &e)
			      : queue_position(u->app->store, &q->spec, q->cur_id, &pos, &e);
		if (rc == 0 && pos >= 0) {
			q->cur = pos;
			q->found = (struct queue_anchor){ pos, q->cur_id };
		} else if (rc == 0 && pos == -2) {
			q->cur = q->top = 0;
			q->cur_id = 0;
		}
	}
	q->stale = 1;
	q->anchored = 0;
	queue_clamp(u);
}

void queue_rows_reload(struct ui *u)
{
	reload(u, 0);
}

void queue_rows_resort(struct ui *u)
{
	reload(u, 1);
}

/* Free rows [from, from + n) of the page (their texts), not the array. */
static void rows_drop(struct queue_row *rows, size_t from, size_t n)
{
	if (n == 0)
		return;
	struct queue_row *gone = xmalloc(n * sizeof *gone);
	memcpy(gone, rows + from, n * sizeof *gone);
	queue_rows_free(&gone, n);
}

/* The page moved by fewer rows than it holds (a scroll): keep the rows
 * still in view and read only the new ones, after the last row held or
 * before the first. 0 when it did, -1 when the whole page must be read. */
static int fetch_shift(struct ui *u, int h)
{
	struct queue_state *q = &u->q;
	long long d = q->top - q->rows_off, n = (long long)q->n_rows;
	if (q->stale || !q->anchored || n != h || d == 0 || d >= n || -d >= n ||
	    q->top + h > q->count)
		return -1;
	struct queue_anchor near[2] = {
		{ q->rows_off, q->rows[0].id }, { q->rows_off + n - 1, q->rows[n - 1].id },
	};
	long long k = d > 0 ? d : -d;
	long long from = d > 0 ? q->rows_off + n : q->top;
	struct queue_row *got = NULL;
	size_t n_got = 0;
	struct perr e = {0};
	if (queue_fetch_near(u->app->store, &q->spec, from, (int)k, q->count, near, 2, &got, &n_got,
			     &e) || n_got != (size_t)k) {
		queue_rows_free(&got, n_got);
		return -1;
	}
	size_t keep = (size_t)(n - k);
	if (d > 0) {
		rows_drop(q->rows, 0, (size_t)k);
		memmove(q->rows, q->rows + k, keep * sizeof *q->rows);
		memcpy(q->rows + keep, got, n_got * sizeof *got);
	} else {
		rows_drop(q->rows, keep, (size_t)k);
		memmove(q->rows + k, q->rows, keep * sizeof *q->rows);
		memcpy(q->rows, got, n_got * sizeof *got);
	}
	free(got);
	q->rows_off = q->top;
	return 0;
}

void queue_rows_fetch(struct ui *u, int h)
{
	struct queue_state *q = &u->q;
	if (!q->stale && q->rows_off == q->top && q->n_rows >= (size_t)h)
		return;
	if (!q->stale && q->rows_off == q->top && q->rows_off + (long long)q->n_rows >= q->count)
		return;
	if (fetch_shift(u, h) == 0)
		return;
	/* The rows on screen are where the next page is read from, or the
	 * cursor's dossier found by the last reload (a new order, a filter). */
	struct queue_anchor near[3] = {{-1, 0}, {-1, 0}, q->found};
	if (q->anchored && q->n_rows) {
		near[0] = (struct queue_anchor){ q->rows_off, q->rows[0].id };
		near[1] = (struct queue_anchor){ q->rows_off + (long long)q->n_rows - 1,
						 q->rows[q->n_rows - 1].id };
	}
	queue_rows_free(&q->rows, q->n_rows);
	q->n_rows = 0;
	struct perr e = {0};
	if (queue_fetch_near(u->app->store, &q->spec, q->top, h, q->count, near, 3, &q->rows,
			     &q->n_rows, &e))
		ui_message(u, UC_ERROR, "%s", e.msg);
	q->rows_off = q->top;
	q->stale = 0;
	q->anchored = 1;
}

/* The row under the cursor, NULL when the queue is empty. */
static const struct queue_row *current_row(struct ui *u)
{
	struct queue_state *q = &u->q;
	if (q->count == 0)
		return NULL;
	queue_rows_fetch(u, queue_height(u));
	long long i = q->cur - q->rows_off;
	if (i < 0 || (size_t)i >= q->n_rows) {
		/* The cursor left the cached page (moved without a draw). */
		q->top = q->cur;
		q->stale = 1;
		queue_clamp(u);
		queue_rows_fetch(u, queue_height(u));
		i = q->cur - q->rows_off;
		if (i < 0 || (size_t)i >= q->n_rows)
			return NULL;
	}
	return &q->rows[i];
}

long long queue_current(struct ui *u)
{
	const struct queue_row *r = current_row(u);
	return r ? r->id : 0;
}

int queue_is_tagged(struct ui *u, long long id)
{
	for (size_t i = 0; i < u->q.n_tags; i++)
		if (u->q.tags[i] == id)
			return 1;
	return 0;
}

void queue_tag_toggle(struct ui *u, long long id)
{
	struct queue_state *q = &u->q;
	for (size_t i = 0; i < q->n_tags; i++)
		if (q->tags[i] == id) {
			q->tags[i] = q->tags[--q->n_tags];
			return;
		}
	if (q->n_tags == q->cap_tags) {
		q->cap_tags = q->cap_tags ? q->cap_tags * 2 : 16;
		q->tags = xrealloc(q->tags, q->cap_tags * sizeof *q->tags);
	}
	q->tags[q->n_tags++] = id;
}
