/* field.h - the fields of a candidature dossier and of its members as one
 * table of definitions (import, show, export and the detail panel all walk
 * it), and the check of a value against its definition. */
#ifndef PTCE_FIELD_H
#define PTCE_FIELD_H

#include <stddef.h>

#include <sqlite3.h>

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
/* member_field_by_column - index of a member column name, or -1. */
int member_field_by_column(const char *column);

/* The member categories of decree 2015-431, as codes. */
extern const char *const member_categories[];
/* The five bouquet de services themes, as codes. */
extern const char *const bouquet_themes[];
/* choice_label - translated label of a choice code ("qpv" -> "QPV"). */
const char *choice_label(const char *code);

/* field_show - a stored value as a person reads it, in buf (len bytes) or
 * a constant: labels for codes and booleans, "Grand Est (44)", amounts,
 * numbers and dates the reader's way (base/fmt.h); free text as it is.
 * Long texts are wrapped by the caller. */
const char *field_show(const struct field_def *fd, const char *v, char *buf, size_t len);

/* dossier_field_columns - "ds_number, ds_status, ...": the column of every
 * dossier field in table order, for SELECT and INSERT; a fresh string. */
char *dossier_field_columns(void);

/* field_validate - check one value against its definition; on error writes
 * a translated reason into why (e.g. "SIRET checksum is wrong"). */
int field_validate(const struct field_def *fd, const char *value, char *why, size_t whylen);
/* field_same - two stored values are the same (NULL and "" alike). */
int field_same(const char *a, const char *b);
/* field_bind - v as fd's type at idx of st (NULL for an empty value). */
int field_bind(sqlite3_stmt *st, int idx, const struct field_def *fd, const char *v);
/* siret_valid - 14 digits with a correct Luhn checksum. */
int siret_valid(const char *s);
/* siret_check_digit - the 14th digit that makes the 13 digits of s a valid
 * SIRET ('?' when one of them is not a digit). */
char siret_check_digit(const char *s);

#endif
