/* review_score.h - what one review comes to on its grid: the total of its
 * points, whether an elimination rule applies, and its band. */
#ifndef PTCE_REVIEW_SCORE_H
#define PTCE_REVIEW_SCORE_H

#include "review/checklist.h"
#include "review/review_read.h"

/* A review's own result on its grid. */
struct review_score {
	double total;			/* sum of the scale answers' points */
	int eliminated;			/* an elimination rule applies */
	const char *eliminated_by;	/* criterion id (points to the grid) */
	const struct band *band;	/* NULL when the grid has no bands */
};

/* review_compute - total, elimination and band of r on g. Pure. */
void review_compute(const struct checklist *g, const struct review *r,
		    struct review_score *out);

#endif
