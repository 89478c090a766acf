/* review_change.h - what every write to a review goes through: one
 * transaction, the checks (author, revision, roles, conflict, the dossier's
 * state), the change log, and the stored total recomputed at the end. For
 * review_write.c and review_submit.c. */
#ifndef PTCE_REVIEW_CHANGE_H
#define PTCE_REVIEW_CHANGE_H

#include "base/err.h"
#include "procedure/actor.h"
#include "review/checklist.h"
#include "review/dossier_brief.h"
#include "review/review_read.h"
#include "store/store.h"

/* One write to a review, from change_begin to change_close or change_abort. */
struct change {
	struct store *s;
	const struct actor *a;
	const char *at;			/* the caller's timestamp, or now */
	char now[21];
	struct review *r;		/* the review, read inside the transaction */
	struct dossier_brief b;		/* its dossier, read by change_check */
};

/* change_begin - set c up (at NULL: now) and begin the transaction. */
int change_begin(struct change *c, struct store *s, const struct actor *a, const char *at,
		 struct perr *e);
/* change_load - read review_id into c->r; on an error all is rolled back. */
int change_load(struct change *c, long long review_id, struct perr *e);
/* change_check - may c->a change c->r now? Its author only, at the revision
 * the caller saw (expect; 0: don't check), with a scorer's role and no
 * conflict, while the dossier is in a state of the grid's phase, and a
 * draft unless allow_submitted. */
int change_check(struct change *c, long long expect, int allow_submitted, struct perr *e);
/* change_close - read the revision as the transaction leaves it into
 * *revision (may be NULL), commit and free c. */
int change_close(struct change *c, long long *revision, struct perr *e);
/* change_abort - roll back and free c; returns -1. */
int change_abort(struct change *c);

/* change_log - record one change of review_id in review_changes (what:
 * "answer", "comment", "create", "submit", "reopen"). */
int change_log(struct change *c, long long review_id, const char *what, const char *crit,
	       const char *old, const char *nv, struct perr *e);
/* change_refresh - recompute review_id's stored total, band and elimination
 * and bump its revision (every write ends here). */
int change_refresh(struct change *c, long long review_id, struct perr *e);

/* check_scorer - may a score dossier_id (role instructeur or coordinateur,
 * no conflict of interest)? b names the dossier in messages. */
int check_scorer(struct store *s, const struct actor *a, long long dossier_id,
		 const struct dossier_brief *b, struct perr *e);
/* check_state - is the dossier in a state where grid_id (of phase) is
 * written (procedure_states' review_phase)? */
int check_state(const struct dossier_brief *b, const char *grid_id, int phase, struct perr *e);

#endif
