/* fiche.h - the fiche d'instruction of a dossier, the review sheet a CRA
 * meeting reads: header, applicant, partnership against the décret's
 * conditions, the reviews the person may see, the aggregate, opinions,
 * decisions, and a block for the CRA's decision and signatures. */
#ifndef PTCE_FICHE_H
#define PTCE_FICHE_H

#include "base/err.h"
#include "io/doc.h"
#include "procedure/actor.h"
#include "store/store.h"

/* fiche_build - the fiche of dossier_id as a may read it (access and review
 * visibility rules applied here; ref is the number typed, for a refusal),
 * in language l, into a new *out. */
int fiche_build(struct store *s, const struct actor *a, long long dossier_id, const char *ref,
		enum fmt_lang l, struct doc **out, struct perr *e);

#endif
