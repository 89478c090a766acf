/* visibility.h - what a person may see of the reviews of a dossier: a
 * conflict of interest hides all, blind grids hide others' reviews until
 * one's own is submitted, experts see none. */
#ifndef PTCE_VISIBILITY_H
#define PTCE_VISIBILITY_H

#include <stddef.h>

#include "base/err.h"
#include "procedure/actor.h"
#include "review/review_read.h"
#include "store/store.h"

/* What a person may see of the reviews of one dossier. */
enum review_visibility {
	VIS_ALL,		/* every review, drafts included (coordinateur) */
	VIS_SUBMITTED,		/* every submitted review and the aggregate */
	VIS_OWN,		/* only one's own (blind grid, own not submitted yet) */
	VIS_NONE		/* nothing (conflict of interest, expert, no role) */
};

/* review_visibility - what a may see of dossier_id's reviews on grid_id
 * (NULL: the grids of any phase). why (may be NULL) gets a translated
 * explanation when it is not VIS_ALL/VIS_SUBMITTED. Rules: a conflict of
 * interest hides everything; coordinateur sees all; a lecteur sees submitted
 * reviews; an instructeur sees submitted reviews of others once their own
 * is submitted, or at once when the grid is not blind; an expert sees none. */
int review_visibility(struct store *s, const struct actor *a, long long dossier_id,
		      const char *grid_id, enum review_visibility *vis, char **why,
		      struct perr *e);
/* How a person may see the figures of the dossiers they are not in
 * conflict on, whatever the dossier (the rules of review_visibility). */
enum figures_reader {
	FR_ALL,		/* every dossier's (coordinateur, lecteur; no actor) */
	FR_UNBLIND,	/* unless the phase's grid is blind and one's own review
			 * of it is not submitted (instructeur) */
	FR_NONE		/* none (expert, no role) */
};
/* visibility_figures_reader - which of the above a is. */
enum figures_reader visibility_figures_reader(const struct actor *a);
/* visibility_figures_sql - the rules above as an SQL condition: a may see
 * the figures (mean total, divergence, gates) of the submitted reviews of
 * phase p of dossier d, two SQL expressions (e.g. "d.id" and a phase
 * expression). For queries that fill or sort many rows at once; the unit
 * tests hold it equal to review_visibility. A fresh string. */
char *visibility_figures_sql(const struct actor *a, const char *d, const char *p);
/* review_list_visible - the reviews of dossier_id (grid_id NULL: every grid)
 * that a may see, own first, then by reviewer. *hidden gets how many exist
 * that a may not see (drafts of others are not counted). */
int review_list_visible(struct store *s, const struct actor *a, long long dossier_id,
			const char *grid_id, struct review ***out, size_t *n,
			int *hidden, struct perr *e);

#endif
