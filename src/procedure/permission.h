/* permission.h - who may do what: the table of operations (role.h) applied
 * to a person, with the refusal they read, and the conflict-of-interest
 * rule on a dossier. Every write of the core consults it before it writes;
 * the interface asks it before it asks anything. */
#ifndef PTCE_PERMISSION_H
#define PTCE_PERMISSION_H

#include "base/err.h"
#include "procedure/actor.h"
#include "store/store.h"

/* permission_allows - a holds a role that may do op (no conflict check). */
int permission_allows(const struct actor *a, enum permission_op op);
/* permission_check - 0 when a holds a role that may do op; otherwise
 * P_REFUSED naming the roles that may and those a holds. */
int permission_check(const struct actor *a, enum permission_op op, struct perr *e);
/* permission_dossier - permission_check, then op's conflict rule on
 * dossier_id: a refused when in conflict (PC_ACTOR), target (a login, or
 * NULL) refused when in conflict (PC_TARGET); the refusal gives the reason
 * declared. Reads inside the caller's transaction if any. */
int permission_dossier(struct store *s, const struct actor *a, enum permission_op op,
		       long long dossier_id, const char *target, struct perr *e);

/* The per-operation checks the interface's action table names (ui/actions.c). */
int permission_assign(const struct actor *a, struct perr *e);
int permission_complements(const struct actor *a, struct perr *e);
int permission_score(const struct actor *a, struct perr *e);
int permission_import(const struct actor *a, struct perr *e);
/* permission_attach - attaching a pièce received outside the platform: a
 * coordinateur or an admin. */
int permission_attach(const struct actor *a, struct perr *e);
/* permission_override - true when a may decide against a guard's judgement
 * (with a motivation, recorded). A guard's hard requirement is never
 * overridden, whoever asks. */
int permission_override(const struct actor *a);
/* The roles that write reviews: guards count the reviews owed by the
 * assigned reviewers who hold one of them. */
#define PERMISSION_SCORE_ROLES (ROLE_INSTRUCTEUR | ROLE_COORDINATEUR)

#endif
