/* queue_spec.h - what the queue shows: a view, filters, a sort column and
 * the person looking; how a filter typed by a person reads, and the one
 * line that says what is shown. */
#ifndef PTCE_QUEUE_SPEC_H
#define PTCE_QUEUE_SPEC_H

#include <stddef.h>

#include "base/err.h"

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
	QV_OVERDUE,	/* compléments demandés past their deadline */
	QV_COUNT
};

/* queue_col_label - translated column title. */
const char *queue_col_label(enum queue_col c);
/* queue_view_label - translated name of a view ("à instruire" ...). */
const char *queue_view_label(enum queue_view v);

/* What the queue shows. Strings are owned by the spec (queue_spec_done). */
struct queue_spec {
	enum queue_view view;
	/* Filters: comma-separated values (either of them), or NULL. */
	char *state;		/* state names */
	char *region;		/* région INSEE codes */
	char *departement;	/* département codes */
	char *assignee;		/* logins */
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
 * may also be a state label, a région or a département name); a key given
 * twice means either value (state=phase2 state=bouquet); "" clears the
 * filters. On an error q is left as it was. */
int queue_set_filter(struct queue_spec *q, const char *text, struct perr *e);
/* queue_filter_add - one filter: key state, region, departement or
 * assignee (NULL: a bare word, a state, région or département), val a
 * code or a name; added to the values of its key (either of them). The
 * parser of queue_set_filter and of the command line's options. */
int queue_filter_add(struct queue_spec *q, const char *key, const char *val, struct perr *e);
/* queue_filter_clear - no filter any more. */
void queue_filter_clear(struct queue_spec *q);
/* queue_describe - one line saying what is shown ("phase 2, région 44,
 * sorted by total descending"), into a fresh string. */
char *queue_describe(const struct queue_spec *q);

#endif
