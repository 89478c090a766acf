/* aggregate.h - what the submitted reviews of a dossier say together: per
 * criterion statistics, totals, bands, divergence, and the ranking. */
#ifndef PTCE_AGGREGATE_H
#define PTCE_AGGREGATE_H

#include <stddef.h>

#include "base/err.h"
#include "procedure/actor.h"
#include "review/checklist.h"
#include "review/review.h"
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

/* One line of the classement. */
struct rank_row {
	int rank;		/* 1-based; equal rows after tie-break still differ */
	long long dossier_id;
	char *ds_number, *ptce_name, *region_code, *territory_type, *state, *deposited_at;
	int n_submitted, required;
	int visible;		/* the person asking may see the figures */
	int has_total;
	double mean_total;
	int eliminated;
	char *eliminated_by;
	char *band, *band_label;	/* NULL when none */
	int gates_met;
	int divergent;
	char *divergent_on;
	int priority;		/* territory type is in the grid's tie-break list */
	double *tie_means;	/* mean value of each tie-break criterion (n_tie) */
	size_t n_tie;
	char *tie_reason;	/* how a tie with the row above was broken, or NULL */
};

/* ranking_sort - order rows: figures visible first, then not eliminated, then
 * blocking gates met, then mean total (higher first), then the grid's
 * tie-break (priority territory first, then higher mean on each listed
 * criterion), then earlier deposit, then platform number. Sets rank and
 * tie_reason. Pure. */
void ranking_sort(struct rank_row *rows, size_t n);

/* ranking_build - the classement of phase (1 or 2) for a (figures hidden
 * where a may not see them): dossiers in the phase's states (phase 1:
 * submitted, phase1; phase 2: phase2, funded), region an INSEE code or NULL. */
int ranking_build(struct store *s, const struct actor *a, int phase, const char *region,
		  struct rank_row **rows, size_t *n, struct perr *e);
/* ranking_free - free n rows and NULL the pointer. */
void ranking_free(struct rank_row **rows, size_t n);

/* Money of a campaign (millésime). */
struct campaign_money {
	long long id;
	char *name;
	long long envelope, amount_per_year, used, remaining;
	int years, current;
	int n_funded;
};

/* campaign_money_list - every campaign with used and remaining amounts
 * (used = sum of amount_per_year x years of its funding decisions). */
int campaign_money_list(struct store *s, struct campaign_money **out, size_t *n,
			struct perr *e);
/* campaign_money_free - free n entries and NULL the pointer. */
void campaign_money_free(struct campaign_money **c, size_t n);

#endif
