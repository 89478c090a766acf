/* queue.h - the list of dossiers the interface shows: views, filters, sort
 * on any column, full-text search, and paging that fetches only what is
 * seen. The spec, its SQL, the search and the bench data have headers of
 * their own, included here for the callers of the whole. */
#ifndef PTCE_QUEUE_H
#define PTCE_QUEUE_H

#include <stddef.h>

#include "base/err.h"
#include "store/store.h"
#include "workflow/queue_bench.h"
#include "workflow/queue_search.h"
#include "workflow/queue_terms.h"
#include "workflow/queue_spec.h"
#include "workflow/queue_sql.h"

/* One row of the queue. */
struct queue_row {
	long long id;
	long long revision;
	char *ds_number, *ptce_name, *region_code, *departement_code, *state,
	     *state_since;
	int days_in_state;
	int complements;	/* compléments demandés is set */
	int late;		/* ... and its deadline has passed */
	int override;		/* a move decided against a guard */
	/* From the reviews (when spec->actor is set). */
	int mine;		/* enum review_status */
	int visible;		/* the figures below may be shown to the actor */
	int has_total;
	double mean_total;
	int divergent;
	int n_submitted;
	int verdict;		/* enum gate_verdict (phase 1, when visible) */
};

/* queue_count - rows the spec shows. */
int queue_count(struct store *s, const struct queue_spec *q, long long *n, struct perr *e);
/* queue_fetch - rows [offset, offset+limit) in the spec's order. */
int queue_fetch(struct store *s, const struct queue_spec *q, long long offset, int limit,
		struct queue_row **rows, size_t *n, struct perr *e);
/* A row whose place in the order is known (e.g. the first and last of the
 * page on screen): the next page is read after it, not counted from the
 * start. */
struct queue_anchor {
	long long pos, id;
};
/* queue_fetch_near - the same rows, read by keyset from the nearest of the
 * start, the end (count rows in all; -1: unknown) and the anchors, so that
 * a page costs the same anywhere in a queue of any length. */
int queue_fetch_near(struct store *s, const struct queue_spec *q, long long offset, int limit,
		     long long count, const struct queue_anchor *near, size_t n_near,
		     struct queue_row **rows, size_t *n, struct perr *e);
/* queue_rows_free - free n rows and NULL the pointer. */
void queue_rows_free(struct queue_row **rows, size_t n);
/* queue_ids - ids of every row the spec shows, in order (for batch actions
 * and exports); *ids allocated. */
int queue_ids(struct store *s, const struct queue_spec *q, long long **ids, size_t *n,
	      struct perr *e);
/* queue_assignees - logins assigned to dossier id, comma separated, fresh. */
int queue_assignees(struct store *s, long long id, char **out, struct perr *e);

#endif
