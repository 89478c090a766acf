/* move.h - moving a dossier through the procedure: the checks of the
 * procedure table (roles, motivation, the transition's guard) and the
 * history entry that records the move, in one transaction. */
#ifndef PTCE_MOVE_H
#define PTCE_MOVE_H

#include "base/err.h"
#include "procedure/actor.h"
#include "procedure/procedure.h"
#include "store/store.h"

/* move_check - would this move be allowed (roles, motivation, guard)?
 * Read-only; e says why not and lists the allowed moves. */
int move_check(struct store *s, const struct actor *a, long long dossier_id,
	       const char *to, const struct move_request *req, struct perr *e);
/* move_apply - check and record the move in one transaction: a history
 * entry (who, real account, when in UTC, from, to, motivation, override);
 * the dossier's state follows from it. A refused move changes nothing. */
int move_apply(struct store *s, const struct actor *a, long long dossier_id,
	       const char *to, const struct move_request *req, struct perr *e);

#endif
