/* answers.h - what a reviewer of the demo answers on a grid: the values the
 * dossier's fate gives, the rest plausibly (gates met, middling scales), with
 * comments and a conclusion that follow the gates or the total. */
#ifndef PTCE_ANSWERS_H
#define PTCE_ANSWERS_H

#include <stddef.h>

#include "review/checklist.h"
#include "review/review.h"

/* One review's answers, ready for review_write. */
struct demo_answers {
	struct review_input *in;	/* one per criterion of the grid */
	char (*vals)[16];		/* the values in[] points to */
	size_t n;			/* how many to write: all, or the first half (a draft) */
};

/* answers_make - answer grid g (phase 1 or 2) for demo_dossiers[i]: the
 * values spec gives ("A=3 R5=no", scales on 0..4 whatever the grid's
 * bounds), the others plausibly. step (the story's event count) varies the
 * wording, so that two reviews of one dossier differ. Free with answers_free. */
void answers_make(const struct checklist *g, int phase, size_t i, int step, const char *spec,
		  int submit, struct demo_answers *a);
/* answers_free - release what answers_make allocated. */
void answers_free(struct demo_answers *a);

#endif
