/* review_write.h - writing a review: opening one's own (a draft created on
 * the current grid version), saving answers and comments one at a time or
 * all at once. */
#ifndef PTCE_REVIEW_WRITE_H
#define PTCE_REVIEW_WRITE_H

#include <stddef.h>

#include "base/err.h"
#include "procedure/actor.h"
#include "review/checklist.h"
#include "review/review_read.h"
#include "store/store.h"

/* review_open - a's own review of dossier_id on grid g, created as an empty
 * draft (recording g's version) when there is none. Refused (P_REFUSED) when
 * a may not score (role instructeur or coordinateur needed), is in conflict,
 * or the dossier is not in a state of g's phase (phase 1: submitted,
 * phase1; phase 2: phase2). An existing review keeps the grid version it
 * was created on even if g is newer (the interface may say so by comparing
 * r->grid_hash with g->hash). at: timestamp to record, NULL = now. */
int review_open(struct store *s, const struct actor *a, long long dossier_id,
		const struct checklist *g, const char *at, struct review **out,
		struct perr *e);

/* review_set_answer - save one answer of a's review at once, in its own
 * transaction. value is what a person typed (normalized with the review's
 * grid version); "" or NULL clears it. revision: in, the revision the caller
 * last saw (0 = don't check); out, the new revision. A revision that moved
 * is refused with P_CONFLICT naming who changed what and when. A submitted
 * review must be reopened first. */
int review_set_answer(struct store *s, const struct actor *a, long long review_id,
		      const char *criterion, const char *value, const char *at,
		      long long *revision, struct perr *e);
/* review_set_comment - save the comment of one criterion ("" or NULL clears
 * it); same rules as review_set_answer. */
int review_set_comment(struct store *s, const struct actor *a, long long review_id,
		       const char *criterion, const char *comment, const char *at,
		       long long *revision, struct perr *e);

/* An answer to write in one go (command line, demo data, $EDITOR form). */
struct review_input {
	const char *criterion;
	const char *value;	/* NULL: leave the answer as it is */
	const char *comment;	/* NULL: leave the comment as it is */
};

/* review_write - open (or create) a's review of dossier_id on g, save every
 * input in one transaction (all or nothing: the first invalid value refuses
 * the lot with its criterion named), then submit when submit is set, as a
 * second step: when something is missing the answers stay saved as a draft
 * and -1 is returned with P_INVALID listing it (*out is still filled). For
 * the command line and for demo data (explicit actor and timestamp). *out,
 * when not NULL, gets the review as saved. revision as in review_set_answer. */
int review_write(struct store *s, const struct actor *a, long long dossier_id,
		 const struct checklist *g, const struct review_input *in, size_t n,
		 int submit, const char *at, long long *revision, struct review **out,
		 struct perr *e);

#endif
