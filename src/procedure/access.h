/* access.h - who may see which dossier: the one rule, used by every listing,
 * show, export, the classement, campaigns, the queue and search. An expert
 * sees only the dossiers they were asked about (an assignment or an opinion
 * request); everyone with another role sees every dossier. What a person
 * may see of the reviews is review/visibility.h's rule. */
#ifndef PTCE_ACCESS_H
#define PTCE_ACCESS_H

#include "base/err.h"
#include "procedure/actor.h"
#include "store/store.h"

/* access_sees_all - a sees every dossier (instructeur, coordinateur,
 * lecteur or admin); false for an expert-only or role-less account. */
int access_sees_all(const struct actor *a);
/* access_sql - the SQL condition "a may see the dossier whose id is the
 * expression d", a's login being bound as parameter ?n (access_bind); NULL
 * when a sees every dossier, so no condition is needed. A fresh string. */
char *access_sql(const struct actor *a, const char *d, int n);
/* access_bind - bind what access_sql(a, d, n) needs into st (nothing when a
 * sees every dossier). */
void access_bind(sqlite3_stmt *st, const struct actor *a, int n);
/* access_may_see - *yes = a may see dossier_id. */
int access_may_see(struct store *s, const struct actor *a, long long dossier_id, int *yes,
		   struct perr *e);
/* access_require - 0 when a may see dossier_id; otherwise P_REFUSED saying
 * that an expert sees only the dossiers they were asked about, naming ref
 * (the number the person typed). */
int access_require(struct store *s, const struct actor *a, long long dossier_id,
		   const char *ref, struct perr *e);

#endif
