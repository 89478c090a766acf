/* dossier_list.h - listing dossiers with the columns the queue and `ptce
 * list` show, filtered by state, région, assignee and what the viewer may see. */
#ifndef PTCE_DOSSIER_LIST_H
#define PTCE_DOSSIER_LIST_H

#include "base/err.h"
#include "store/store.h"

struct actor;

struct dossier_filter {
	const char *state;	/* NULL: any */
	const char *region;	/* NULL: any (INSEE code) */
	const char *assignee;	/* NULL: any */
	const struct actor *viewer;	/* only what this person may see (access.h);
					 * NULL: every dossier */
};

/* One row of a listing: the columns the queue and `ptce list` show. */
struct dossier_row {
	long long id;
	char *ds_number, *ptce_name, *region_code, *departement_code, *state,
	     *state_since, *lead_name;
	int days_in_state;
	int complements;	/* compléments demandés is set */
};

/* dossier_list - rows matching filter ordered by platform number; calls fn
 * for each until it returns non-zero. */
int dossier_list(struct store *s, const struct dossier_filter *f,
		 int (*fn)(const struct dossier_row *row, void *arg), void *arg,
		 struct perr *e);

#endif
