/* queue.h - the list of dossiers the interface shows: views, filters, sort
 * on any column, full-text search, and paging that fetches only what is seen. */
#ifndef PTCE_QUEUE_H
#define PTCE_QUEUE_H

#include <stddef.h>

#include "base/err.h"
#include "store/store.h"

struct actor;

/* Columns of the queue, in display order. */
enum queue_col {
	QC_NUMBER,	/* platform dossier number */
	QC_NAME,	/* PTCE name */
	QC_REGION,	/* région / département */
	QC_STATE,
	QC_DAYS,	/* days in the current state */
	QC_MINE,	/* my review: none / draft / submitted / conflict */
	QC_TOTAL,	/* mean total of the submitted reviews */
	QC_FLAGS,	/* divergent, compléments demandés, override */
	QC_COUNT
};

/* Quick views, like mutt's limit. */
enum queue_view {
	QV_ALL,		/* tous */
	QV_TODO,	/* à instruire: submitted or in phase 1 */
	QV_MINE,	/* mes dossiers: assigned to me */
	QV_REVIEW,	/* à revoir par moi: assigned to me, in a phase, my review not submitted */
	QV_PHASE2,	/* phase 2 */
	QV_COUNT
};

/* queue_col_name - "number", "name", ... (for key files and :sort). */
const char *queue_col_name(enum queue_col c);
/* queue_col_label - translated column title. */
const char *queue_col_label(enum queue_col c);
/* queue_col_find - column of a name, or -1. */
int queue_col_find(const char *name);
/* queue_view_label - translated name of a view ("à instruire" ...). */
const char *queue_view_label(enum queue_view v);

/* What the queue shows. Strings are owned by the spec (queue_spec_done). */
struct queue_spec {
	enum queue_view view;
	char *state;		/* state name, or NULL */
	char *region;		/* region INSEE code, or NULL */
	char *assignee;		/* login, or NULL */
	char *search;		/* the last search (hits are stepped with n / N) */
	enum queue_col sort;
	int desc;
	char login[64];		/* whose "mine" and "my review" */
	long long *only_ids;	/* when set, only these dossiers (tagged) */
	size_t n_only;
	const struct actor *actor;	/* when set, rows get my review and the
					 * mean total (review_row_fill) */
};

/* queue_spec_init - view all, sorted by number, for login. */
void queue_spec_init(struct queue_spec *q, const char *login);
/* queue_spec_done - free what q owns. */
void queue_spec_done(struct queue_spec *q);
/* queue_set_filter - parse "state=phase1 region=76 assignee=jdupont" (words
 * may also be a region name or a state label); "" clears the filters. */
int queue_set_filter(struct queue_spec *q, const char *text, struct perr *e);
/* queue_describe - one line saying what is shown ("phase 2, région 44,
 * sorted by total descending"), into a fresh string. */
char *queue_describe(const struct queue_spec *q);

/* One row of the queue. */
struct queue_row {
	long long id;
	long long revision;
	char *ds_number, *ptce_name, *region_code, *departement_code, *state,
	     *state_since;
	int days_in_state;
	int complements;	/* compléments demandés is set */
	int override;		/* a move decided against a guard */
	/* From the reviews (when spec->actor is set). */
	int mine;		/* enum review_status */
	int visible;		/* the figures below may be shown to the actor */
	int has_total;
	double mean_total;
	int divergent;
	int n_submitted;
};

/* queue_count - rows the spec shows. */
int queue_count(struct store *s, const struct queue_spec *q, long long *n, struct perr *e);
/* queue_fetch - rows [offset, offset+limit) in the spec's order. */
int queue_fetch(struct store *s, const struct queue_spec *q, long long offset, int limit,
		struct queue_row **rows, size_t *n, struct perr *e);
/* queue_rows_free - free n rows and NULL the pointer. */
void queue_rows_free(struct queue_row **rows, size_t n);
/* queue_position - index of dossier id in the spec's order, or -1 when it
 * is not shown (*pos). */
int queue_position(struct store *s, const struct queue_spec *q, long long id,
		   long long *pos, struct perr *e);
/* queue_search - the next (dir 1) or previous (dir -1) row after from whose
 * names, members or texts match text (FTS5; words are prefixes, accents
 * ignored); wraps around. *pos -1 when nothing matches. *hits (may be NULL:
 * counting costs a pass over the hits) gets how many rows of the spec match. */
int queue_search(struct store *s, const struct queue_spec *q, const char *text,
		 long long from, int dir, long long *pos, long long *hits, struct perr *e);
/* queue_fts_query - turn what a person typed into a safe FTS5 query (each
 * word quoted, as a prefix); a fresh string, NULL when no word. */
char *queue_fts_query(const char *text);
/* queue_ids - ids of every row the spec shows, in order (for batch actions
 * and exports); *ids allocated. */
int queue_ids(struct store *s, const struct queue_spec *q, long long **ids, size_t *n,
	      struct perr *e);
/* queue_assignees - logins assigned to dossier id, comma separated, fresh. */
int queue_assignees(struct store *s, long long id, char **out, struct perr *e);

/* queue_bench_fill - insert n generated dossiers (for make bench and tests);
 * one transaction. */
int queue_bench_fill(struct store *s, long long n, struct perr *e);

#endif
