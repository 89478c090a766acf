/* candidate.h - the reviewers a coordinateur may assign to a dossier, as a
 * picker shows them: roles, load (open assignments), a conflict declared on
 * the dossier, whether already assigned. */
#ifndef PTCE_CANDIDATE_H
#define PTCE_CANDIDATE_H

#include <stddef.h>

#include "base/err.h"
#include "store/store.h"

/* One reviewer who may review (instructeur, coordinateur or expert). */
struct candidate {
	char *login, *name, *organisation;
	unsigned roles;		/* enum role bits */
	int load;		/* assignments on dossiers in an open state */
	int conflict;		/* declared a conflict of interest on the dossier */
	int assigned;		/* already assigned to the dossier */
};

/* candidate_list - the active reviewers who may review, least loaded
 * first, then by login; conflict and assigned are about dossier_id. */
int candidate_list(struct store *s, long long dossier_id, struct candidate **out, size_t *n,
		   struct perr *e);
/* candidate_complete - the logins of list that start with prefix, joined
 * by ", " into a fresh string, and *unique (may be NULL) the only one when
 * exactly one does (else NULL). */
char *candidate_complete(const struct candidate *list, size_t n, const char *prefix,
			 const char **unique);
/* candidate_list_free - free n candidates and NULL the pointer. */
void candidate_list_free(struct candidate **c, size_t n);

#endif
