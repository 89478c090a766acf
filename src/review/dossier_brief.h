/* dossier_brief.h - the few fields of a dossier that reviews, conflicts and
 * opinions check and name in their messages. */
#ifndef PTCE_DOSSIER_BRIEF_H
#define PTCE_DOSSIER_BRIEF_H

#include "base/err.h"
#include "store/store.h"

struct dossier_brief {
	char *state, *ds_number, *ptce_name;
};

/* dossier_brief - read them for dossier id (P_NOTFOUND when there is none). */
int dossier_brief(struct store *s, long long id, struct dossier_brief *b, struct perr *e);
/* brief_clear - free what b holds (a zeroed b is fine). */
void brief_clear(struct dossier_brief *b);

#endif
