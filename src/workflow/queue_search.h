/* queue_search.h - full-text search in the queue: names, members and texts
 * of the rows a spec shows (FTS5, accents ignored), stepped in the queue's
 * order. */
#ifndef PTCE_QUEUE_SEARCH_H
#define PTCE_QUEUE_SEARCH_H

#include "base/err.h"
#include "store/store.h"
#include "workflow/queue_spec.h"

/* queue_search - the next (dir 1) or previous (dir -1) row after from whose
 * names, members or texts match text (FTS5; words are prefixes, accents
 * ignored); wraps around. *pos -1 when nothing matches. *hits (may be NULL:
 * counting costs a pass over the hits) gets how many rows of the spec match. */
int queue_search(struct store *s, const struct queue_spec *q, const char *text,
		 long long from, int dir, long long *pos, long long *hits, struct perr *e);
/* A hit of queue_search_all. */
struct queue_hit {
	long long id;		/* the dossier; 0 when nothing matches */
	long long index;	/* its rank among the hits, from 1; 0 when unknown */
	long long total;	/* how many dossiers match (capped: more than that) */
	int capped;		/* more than QUEUE_FEW_HITS match: not counted */
	long long steps;	/* rows of the order from the start row to the hit
				 * (1: the next), when walked; else 0 */
	int wrapped;		/* past the last (or first) hit: back at the other end */
};

/* Up to this many hits are counted, and read to find the next; more are
 * not counted (a pass over them), and the next hit is found by asking the
 * index about the rows that follow, at most QUEUE_PROBE_ROWS of them. */
#define QUEUE_FEW_HITS 1000
#define QUEUE_PROBE_ROWS 64

/* What a search keeps between its steps (n, N), so that a step reads
 * neither every hit to count them nor every hit before it to rank it:
 * valid while the text, the order, what the person may see and the data
 * (data_version, this connection's changes) are the same. */
struct queue_search_memo {
	char *text;		/* what was typed */
	char *fq, *keys, *where;	/* the FTS5 query, the order, the WHERE */
	int desc;
	long long data_version, changes;
	long long *hits;	/* the matching rowids, ascending (NULL: not read) */
	size_t n_hits;
	long long total;	/* the hits */
	int capped;		/* more than total */
	long long last_id, last_index;	/* the last hit and its rank */
};

/* queue_search_memo_done - free what memo holds; it is empty again. */
void queue_search_memo_done(struct queue_search_memo *m);

/* queue_search_all - the next (dir 1) or previous (dir -1) dossier after
 * dossier from_id (0: from the start) whose names, members or texts match
 * text, among every dossier the person may see (q's views, filters and
 * tags aside; its order and viewer kept); wraps around, and says so.
 * Words are looked up as the index's exact terms they begin
 * (queue_terms.h). With many hits the next one is found by walking the
 * order from from_id (a cost that grows with the distance to it, not
 * with the hits), else from the hits. memo (may be NULL) keeps the
 * count and the last hit's rank between steps. */
int queue_search_all(struct store *s, const struct queue_spec *q, const char *text,
		     long long from_id, int dir, struct queue_search_memo *memo,
		     struct queue_hit *hit, struct perr *e);
/* queue_search_same_rows - whether q shows the rows queue_search_all
 * searches, in the same order (every dossier the person may see): then a
 * hit's steps are its distance in q too. */
int queue_search_same_rows(const struct queue_spec *q);

#endif
