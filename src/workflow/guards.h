/* guards.h - what a transition requires beyond roles and motivation:
 * enough submitted reviews, gates met, the favourable band, the national
 * validation and room in the envelope. The procedure table names a guard by
 * id; the move looks it up here. */
#ifndef PTCE_GUARDS_H
#define PTCE_GUARDS_H

#include "base/err.h"
#include "procedure/actor.h"
#include "procedure/procedure.h"
#include "store/store.h"

/* A guard returns 0 when met; otherwise it fills e with the reason and
 * returns -1. It runs inside the move's transaction. The status in e says
 * whether a coordinateur may override the refusal:
 *   P_REFUSED - a judgement (not enough reviews, a gate not met, under the
 *               favourable band): --override with a motivation decides
 *               otherwise, and history records the override;
 *   P_INVALID - a hard requirement (no national validation reference, no
 *               room in the envelope): never overridden;
 *   P_DB / P_BUSY / P_INTERNAL - the check itself failed: reported as is. */
typedef int (*guard_check_fn)(struct store *s, long long dossier_id, const struct actor *a,
			      const struct move_request *req, struct perr *e);
/* Run after a successful move, in the same transaction (e.g. record the
 * funding decision); at is the move's timestamp. */
typedef int (*guard_after_fn)(struct store *s, long long dossier_id, const struct actor *a,
			      const struct move_request *req, const char *at, struct perr *e);

struct guard_def {
	enum guard_id id;
	guard_check_fn check;
	guard_after_fn after;	/* NULL: nothing to record */
	unsigned inputs;	/* enum move_input bits it checks and records: the
				 * transitions it guards ask for them */
};

/* guard_find - the guard of an id, or NULL for GUARD_NONE. */
const struct guard_def *guard_find(enum guard_id id);

#endif
