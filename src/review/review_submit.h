/* review_submit.h - submitting a review once complete, and reopening it as
 * a draft while its phase lasts. Both are recorded in the dossier's history
 * (that a review changed, never its scores). */
#ifndef PTCE_REVIEW_SUBMIT_H
#define PTCE_REVIEW_SUBMIT_H

#include "base/err.h"
#include "procedure/actor.h"
#include "review/checklist.h"
#include "review/review_read.h"
#include "store/store.h"

/* review_missing - what keeps r from being submitted: a NULL-terminated
 * array of translated lines ("A: no answer", "C: a comment is needed when
 * the score is under 2"), empty when complete. Free with review_strv_free. */
char **review_missing(const struct checklist *g, const struct review *r);
/* review_strv_free - free a NULL-terminated string array and NULL it. */
void review_strv_free(char ***v);

/* review_submit - check completeness and submit. When something is missing
 * returns -1 with P_INVALID, e listing it, and *missing (if not NULL) the
 * lines of review_missing. Records the total and band, and a 'review'
 * history entry. revision as in review_set_answer. */
int review_submit(struct store *s, const struct actor *a, long long review_id,
		  const char *at, long long *revision, char ***missing, struct perr *e);
/* review_reopen - make a's submitted review a draft again; allowed to its
 * author while the dossier is still in a state of the grid's phase.
 * Recorded in history. revision as in review_set_answer. */
int review_reopen(struct store *s, const struct actor *a, long long review_id,
		  const char *at, long long *revision, struct perr *e);

#endif
