/* review_row.h - the review figures of one queue row: where a person stands
 * on a dossier and, when they may see them, the shared figures. */
#ifndef PTCE_REVIEW_ROW_H
#define PTCE_REVIEW_ROW_H

#include <stddef.h>

#include "base/err.h"
#include "procedure/actor.h"
#include "store/store.h"

/* Where a person stands on a dossier (the queue shows it per row). */
enum review_status {
	RS_NONE,	/* no review of mine */
	RS_DRAFT,	/* my review is started, not submitted */
	RS_SUBMITTED,	/* my review is submitted */
	RS_CONFLICT	/* I declared (or was declared in) a conflict of interest */
};

/* One row of the queue: where a stands on a dossier, and the shared
 * figures when a may see them. */
struct review_row {
	enum review_status mine;	/* on the grid of the dossier's current phase */
	int phase;			/* 1 or 2 (from the dossier's state); 0 after it */
	int n_submitted;		/* submitted reviews of that phase */
	int visible;			/* a may see mean_total and divergent */
	int has_total;			/* at least one submitted review with points */
	double mean_total;		/* mean of the submitted reviews' totals */
	int divergent;			/* reviews differ by the grid's threshold */
	int gates_failed;		/* a submitted review says "no" on a blocking gate */
	int gates_to_check;		/* a submitted review leaves a gate "to check" */
};

/* The phase 1 verdict of the gates, as the queue shows it. */
enum gate_verdict {
	GV_NONE,	/* not in phase 1, no submitted review, or not visible */
	GV_MET,		/* every gate of the submitted reviews is met */
	GV_BLOCKED,	/* a blocking gate is answered "no" */
	GV_CHECK	/* none blocks, but a gate is still "to check" */
};

/* review_row_verdict - the phase 1 verdict of a filled row. */
enum gate_verdict review_row_verdict(const struct review_row *r);
/* gate_verdict_label - "met", "block", "check" (translated, at most six
 * columns: the queue shows it in the Total column); "" for GV_NONE. */
const char *gate_verdict_label(enum gate_verdict v);

/* review_row_fill - the queue's figures for one dossier. Cost: three small
 * indexed queries (dossier state and conflict; a's review; an aggregate over
 * the phase's submitted reviews and answers) and no YAML parsing, since
 * totals, thresholds and blocking flags are stored with the reviews: fine
 * per visible row, not meant for thousands of rows at once. */
int review_row_fill(struct store *s, const struct actor *a, long long dossier_id,
		    struct review_row *out, struct perr *e);
/* review_rows_fill - the same for n dossiers (a page of the queue): the
 * three statements are prepared once for all of them, and a dossier with
 * no review at all costs one query (its row says none of mine, no figure,
 * visible 0: nothing to see). */
int review_rows_fill(struct store *s, const struct actor *a, const long long *ids, size_t n,
		     struct review_row *out, struct perr *e);

#endif
