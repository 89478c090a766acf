/* permission.h - who may do what beyond moving a dossier (whose roles are in
 * the procedure's transitions table): one function per operation, called by
 * the core before it writes and by the interface before it asks anything. */
#ifndef PTCE_PERMISSION_H
#define PTCE_PERMISSION_H

#include "base/err.h"
#include "procedure/actor.h"

/* permission_assign - assigning reviewers: a coordinateur. 0, or P_REFUSED
 * saying who may. */
int permission_assign(const struct actor *a, struct perr *e);
/* permission_complements - requesting compléments: an instructeur or a
 * coordinateur. */
int permission_complements(const struct actor *a, struct perr *e);
/* The roles that write reviews (permission_score): guards count the
 * reviews owed by the assigned reviewers who hold one of them. */
#define PERMISSION_SCORE_ROLES (ROLE_INSTRUCTEUR | ROLE_COORDINATEUR)
/* permission_score - writing a review: an instructeur or a coordinateur. */
int permission_score(const struct actor *a, struct perr *e);
/* permission_import - importing dossiers from the platform: an admin. */
int permission_import(const struct actor *a, struct perr *e);
/* permission_attach - attaching a pièce received outside the platform: a
 * coordinateur or an admin. */
int permission_attach(const struct actor *a, struct perr *e);
/* permission_override - true when a may decide against a guard's judgement
 * (with a motivation, recorded): a coordinateur. A guard's hard requirement
 * is never overridden, whoever asks. */
int permission_override(const struct actor *a);

#endif
