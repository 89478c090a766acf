/* dossier_aggregate.h - what the submitted reviews of one dossier say
 * together: per criterion statistics, totals, band, blocking gates and
 * divergence. */
#ifndef PTCE_DOSSIER_AGGREGATE_H
#define PTCE_DOSSIER_AGGREGATE_H

#include <stddef.h>

#include "base/err.h"
#include "review/checklist.h"
#include "review/review_read.h"
#include "store/store.h"

/* Statistics of one criterion over submitted reviews. */
struct crit_stats {
	const struct criterion *c;
	int n;			/* answers counted */
	double mean, min, max;	/* scale: values (not points); n = 0: all 0 */
	double sd;		/* population standard deviation of the values */
	double mean_points;	/* scale: mean of the points weighed */
	int yes, no, check;	/* gate: counts */
	int divergent;		/* scale: max - min >= threshold; gate (blocking): yes and no */
};

struct aggregate {
	const struct checklist *grid;	/* not owned */
	int n_submitted;		/* reviews counted */
	int n_draft;			/* drafts not counted (informative) */
	int required;			/* grid's reviews_required */
	struct crit_stats *crit;	/* one per criterion of grid, same order */
	size_t n_crit;
	int has_total;			/* the grid weighs points and n_submitted > 0 */
	double mean_total;		/* mean of the reviews' totals */
	double min_total, max_total;
	int eliminated;			/* mean points of a criterion under its rule */
	const char *eliminated_by;	/* criterion id */
	const struct band *band;	/* band of mean_total (NULL: none); see eliminated too */
	int gates_met;			/* no submitted review says "no" on a blocking gate */
	char *gates_failed;		/* "R2 (alice), R5 (bob)" or NULL */
	int gates_to_check;		/* blocking gates answered "check" somewhere */
	int divergent;			/* any criterion divergent */
	char *divergent_on;		/* "A (1..4), C (0..2)" or NULL */
};

/* aggregate_compute - statistics over the submitted reviews of list (drafts
 * are counted in n_draft and otherwise ignored). Pure: no database. Each
 * review's total is its own (computed on its own grid version); criteria are
 * matched by id. */
void aggregate_compute(const struct checklist *g, struct review *const *list, size_t n,
		       struct aggregate *out);
/* aggregate_done - free what out owns. */
void aggregate_done(struct aggregate *out);

/* aggregate_dossier - the aggregate of dossier_id's submitted reviews on the
 * phase's grid (the latest grid version its reviews used; *grid is set and
 * owned by the caller; NULL with n_submitted 0 when no review exists). No
 * visibility check: callers check review_visibility first (guards run it as
 * the system). */
int aggregate_dossier(struct store *s, long long dossier_id, int phase,
		      struct checklist **grid, struct aggregate *out, struct perr *e);

#endif
