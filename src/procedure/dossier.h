/* dossier.h - a candidature dossier: its fields as one table of definitions
 * (import, show, export and the detail panel all walk it), members, pieces. */
#ifndef PTCE_DOSSIER_H
#define PTCE_DOSSIER_H

#include <stddef.h>

#include "base/err.h"
#include "store/store.h"

enum dossier_section {
	SEC_PLATFORM,	/* Démarches Simplifiées bookkeeping */
	SEC_LEAD,	/* structure porteuse */
	SEC_PTCE,	/* the PTCE and its territoire */
	SEC_PROJECT,	/* projet */
	SEC_FINANCE,	/* finances */
	SEC_COUNT
};

enum field_type {
	FT_TEXT, FT_LONGTEXT, FT_INT, FT_REAL, FT_BOOL, FT_SIRET, FT_EMAIL,
	FT_PHONE, FT_CHOICE, FT_LIST, FT_REGION, FT_DEPT, FT_DATE
};

/* The order here is the column order of exports and the order of display. */
enum dossier_field {
	DF_DS_NUMBER, DF_DS_STATUS, DF_DEPOSITED_AT,
	DF_LEAD_NAME, DF_LEAD_SIRET, DF_LEAD_LEGAL_FORM, DF_LEAD_ESUS, DF_LEAD_ADDRESS,
	DF_REGION, DF_DEPARTEMENT, DF_LEGAL_REP, DF_CONTACT_NAME, DF_CONTACT_EMAIL, DF_CONTACT_PHONE,
	DF_PTCE_NAME, DF_STAGE, DF_TERRITORY, DF_TERRITORY_TYPE, DF_SECTORS, DF_THEMES,
	DF_PHASE_APPLIED, DF_BOUQUET_NEEDS,
	DF_DESCRIPTION, DF_DIAGNOSIS, DF_GOVERNANCE, DF_STAFF_FTE, DF_INDICATORS,
	DF_BUDGET, DF_AMOUNT_REQUESTED, DF_COFUNDING,
	DF_COUNT
};

struct field_def {
	const char *column;		/* SQL column and mapping name */
	const char *label;		/* N_(): translate with _() when shown */
	enum dossier_section section;
	enum field_type type;
	int required;			/* an import row without it is refused */
	const char *const *choices;	/* FT_CHOICE / FT_LIST: allowed codes */
	long long min, max;		/* FT_INT bounds */
};

extern const struct field_def dossier_fields[DF_COUNT];
/* section_label - translated title of a section ("Structure porteuse", ...). */
const char *section_label(enum dossier_section s);
/* dossier_field_by_column - index of a column name, or -1. */
int dossier_field_by_column(const char *column);

enum member_field {
	MF_NAME, MF_SIRET, MF_CATEGORY, MF_ROLE, MF_COMMITMENT, MF_COUNT
};
extern const struct field_def member_fields[MF_COUNT];
int member_field_by_column(const char *column);

/* The member categories of decree 2015-431, as codes. */
extern const char *const member_categories[];
/* The five bouquet de services themes, as codes. */
extern const char *const bouquet_themes[];
/* choice_label - translated label of a choice code ("qpv" -> "QPV"). */
const char *choice_label(const char *code);

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

/* field_validate - check one value against its definition; on error writes
 * a translated reason into why (e.g. "SIRET checksum is wrong"). */
int field_validate(const struct field_def *fd, const char *value, char *why, size_t whylen);
/* siret_valid - 14 digits with a correct Luhn checksum. */
int siret_valid(const char *s);

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

/* A history entry, as stored. */
struct history_entry {
	long long id;
	char *at, *actor, *real_actor, *kind, *from_state, *to_state, *motivation, *detail;
	int override;
};

/* history_list - entries of a dossier, oldest first. */
int history_list(struct store *s, long long dossier_id,
		 int (*fn)(const struct history_entry *h, void *arg), void *arg,
		 struct perr *e);
/* history_add - append an entry that is not a state change (assignment,
 * conflict, review, complements...). Inside a transaction. */
int history_add(struct store *s, long long dossier_id, const char *at,
		const char *actor, const char *real_actor, const char *kind,
		const char *motivation, const char *detail, struct perr *e);

#endif
