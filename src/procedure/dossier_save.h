/* dossier_save.h - writing what an applicant filed: a new dossier, or the
 * changed fields and members of one already known, never its state. */
#ifndef PTCE_DOSSIER_SAVE_H
#define PTCE_DOSSIER_SAVE_H

#include "base/err.h"
#include "procedure/dossier_load.h"
#include "store/store.h"

/* Result of dossier_save. */
enum save_result { SAVE_CREATED, SAVE_UPDATED, SAVE_UNCHANGED };

/* dossier_save - insert a new dossier (state submitted, with a 'create'
 * history entry) or update the applicant's fields of an existing one, keyed
 * on the platform number. Never touches state, reviews or history other than
 * adding an 'update' entry naming the changed fields. Members are replaced
 * when with_members is set. Must run inside store_begin/commit. at may be
 * NULL (now). */
int dossier_save(struct store *s, const char *actor, const char *real_actor,
		 const struct dossier *d, int with_members, const char *at,
		 enum save_result *res, long long *id, struct perr *e);

#endif
