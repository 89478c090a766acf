/* demo.h - the demonstration data of 'ptce init --demo': dossiers named after
 * public PTCE (people, SIRET numbers and figures invented), reviewers of every
 * role, reviews, opinions and a backdated history made through the real
 * procedure and its guards. */
#ifndef PTCE_DEMO_H
#define PTCE_DEMO_H

#include <stdio.h>

#include "base/err.h"
#include "procedure/actor.h"
#include "store/store.h"

/* demo_fill - fill a new database; me is the account running init (it keeps
 * its roles), checklists_dir the grids (NULL or missing: no reviews, the
 * guarded moves become motivated overrides); what is left out is said on
 * warn. */
int demo_fill(struct store *s, const struct actor *me, const char *checklists_dir,
	      FILE *warn, struct perr *e);

#endif
