/* matrix.h - the reviews of one grid side by side, as HotCRP's score
 * overview: one row per criterion, one column per review, with the lowest
 * and highest score and the criteria on which the reviews diverge. The
 * caller gives only the reviews the person may see (visibility.h). */
#ifndef PTCE_MATRIX_H
#define PTCE_MATRIX_H

#include <stddef.h>

#include "review/checklist.h"
#include "review/review_read.h"

/* One criterion across the reviews. */
struct matrix_row {
	const struct criterion *crit;
	const char **values;	/* one per review: the stored value or NULL */
	int has_range;		/* a scale answered at least once */
	int min, max;
	int divergent;		/* scale: max - min reaches the grid's divergence;
				 * gate: both yes and no */
};

struct review_matrix {
	const struct checklist *grid;
	struct review *const *reviews;	/* the columns */
	size_t n_reviews;
	struct matrix_row *rows;	/* the grid's criteria, in order */
	size_t n_rows;
	int n_divergent;
};

/* review_matrix_build - the matrix of reviews (all on grid g) into m; the
 * reviews and grid stay the caller's. Free with review_matrix_free. */
void review_matrix_build(const struct checklist *g, struct review *const *reviews, size_t n,
			 struct review_matrix *m);
/* review_matrix_free - free what review_matrix_build allocated. */
void review_matrix_free(struct review_matrix *m);

#endif
