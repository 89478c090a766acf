/* assignment.h - the decisions around a dossier that are not state changes:
 * assigning reviewers and flagging compléments demandés. Each is recorded in
 * history, in its own transaction. */
#ifndef PTCE_ASSIGNMENT_H
#define PTCE_ASSIGNMENT_H

#include <stddef.h>

#include "base/err.h"
#include "procedure/actor.h"
#include "store/store.h"

/* assignment_set - assign (on) or unassign (off) a reviewer to a dossier;
 * coordinateur only; recorded in history. Own transaction. */
int assignment_set(struct store *s, const struct actor *by, long long dossier_id,
		   const char *login, int on, struct perr *e);
/* assignment_logins - logins assigned to a dossier, in order and joined
 * with ", ", as a fresh string ("" for none). */
int assignment_logins(struct store *s, long long dossier_id, char **out, struct perr *e);
/* assignment_list - logins assigned to a dossier, comma-separated into buf. */
int assignment_list(struct store *s, long long dossier_id, char *buf, size_t len, struct perr *e);
/* complements_check_due - 0 when due is a date YYYY-MM-DD not already past
 * (local time); else P_INVALID saying why. */
int complements_check_due(const char *due, struct perr *e);
/* complements_set - flag compléments demandés with a deadline (due, a date
 * YYYY-MM-DD) and a note, or clear the flag (due NULL); instructeur or
 * coordinateur; recorded in history. Own transaction. */
int complements_set(struct store *s, const struct actor *by, long long dossier_id,
		    const char *due, const char *note, struct perr *e);

#endif
