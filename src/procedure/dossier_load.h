/* dossier_load.h - one candidature dossier in memory, as read from the
 * store: its fields, state, members and pieces. */
#ifndef PTCE_DOSSIER_LOAD_H
#define PTCE_DOSSIER_LOAD_H

#include <stddef.h>

#include "base/err.h"
#include "procedure/field.h"
#include "store/store.h"

struct member {
	char *f[MF_COUNT];
};

struct document {
	char *kind;		/* statuts, sirene, comptes, charte, lettre, autre */
	char *title;
	char *received_on;
};

struct dossier {
	long long id;			/* internal key */
	char *f[DF_COUNT];		/* NULL when empty */
	char *state;
	char *state_since;
	char *updated_at;
	long long revision;		/* bumps on every write: optimistic locking */
	long long campaign_id;
	char *campaign_name;
	char *complements_due;		/* compléments demandés: deadline or NULL */
	char *complements_note;
	struct member *members;
	size_t n_members;
	struct document *documents;
	size_t n_documents;
	/* dossier_save on an existing dossier: fields whose source had no
	 * column at all (not an empty cell) are kept as stored. */
	unsigned char absent[DF_COUNT];
};

/* dossier_find_id - resolve "ID" as the platform's dossier number first,
 * then as the internal id ("#12"). P_NOTFOUND names what was asked. */
int dossier_find_id(struct store *s, const char *ref, long long *id, struct perr *e);
/* dossier_step_row - bind id as ?1 and step st, a query on one dossier:
 * 0 with the row ready; otherwise st is finalized and e says the dossier
 * does not exist (P_NOTFOUND) or the read failed. */
int dossier_step_row(struct store *s, sqlite3_stmt *st, long long id, struct perr *e);
/* dossier_load - everything about one dossier, members and pieces included. */
int dossier_load(struct store *s, long long id, struct dossier **out, struct perr *e);
/* dossier_free - free and NULL the caller's pointer. */
void dossier_free(struct dossier **d);
/* dossier_clear - free the contents of an embedded struct dossier. */
void dossier_clear(struct dossier *d);
/* member_clear - free the contents of a member. */
void member_clear(struct member *m);

#endif
