/* mapping.h - the YAML file saying which CSV header of an export fills which
 * dossier or member field, and how labels translate into stored codes. */
#ifndef PTCE_MAPPING_H
#define PTCE_MAPPING_H

#include <stddef.h>

#include "base/err.h"

/* A CSV header mapped to a field (a dossier or a member field index). */
struct map_column {
	char *header;
	int field;
	int line, col;		/* in the mapping file */
};

/* A choice label translated into a code ("Émergent" -> "emergent"). */
struct map_value {
	int field;		/* -1: applies to every yes/no field */
	char *label;
	char *code;
};

/* A pièce justificative column: file names in it become documents of kind. */
struct map_document {
	char *header;
	char *kind;
};

/* A platform state ("Accepté") and the ptce state it stands for. */
struct map_state {
	char *label;
	char *state;
};

/* The sheets of an xlsx/ods export the import reads besides the dossiers
 * (fixed by the platform). */
#define MAPPING_SHEET_DOSSIERS "Dossiers"
#define MAPPING_SHEET_ETABLISSEMENTS "Etablissements"
#define MAPPING_SHEET_AVIS "Avis"

/* The platform's own columns of the Dossiers sheet, read by the import
 * whatever the mapping says. */
enum platform_column {
	PC_STATE, PC_DEPOSITED, PC_INSTRUCTED, PC_PROCESSED, PC_MOTIVATION, PC_INSTRUCTEURS,
	PC_COUNT
};
extern const char *const mapping_platform_headers[PC_COUNT];
/* mapping_platform_column - whether header is one of those columns. */
int mapping_platform_column(const char *header);

/* import_mapping - a loaded, validated mapping file. */
struct import_mapping {
	char *path;
	char *timezone;		/* zone of times written without an offset */
	char *phase;		/* ptce state of "En construction"/"En instruction" */
	struct map_state *states;	/* platform state -> ptce state (defaults included) */
	size_t n_states;
	char **annotations;	/* annotation privée headers -> dossier notes */
	size_t n_annotations;
	char *members_sheet;	/* xlsx/ods: the members' repeated-block sheet */
	struct map_column *dcols;
	size_t n_dcols;
	struct map_value *dvals;
	size_t n_dvals;
	struct map_document *docs;
	size_t n_docs;
	char *members_link;	/* members file column holding the dossier number */
	struct map_column *mcols;
	size_t n_mcols;
	struct map_value *mvals;
	size_t n_mvals;
	struct map_value *bools;	/* yes/no labels for FT_BOOL fields */
	size_t n_bools;
};

/* The document kinds a mapping may name. */
extern const char *const import_document_kinds[];

/* import_mapping_load - read and strictly validate a mapping file: unknown
 * keys (with a suggestion), unknown target fields and required dossier fields
 * without a column are errors with file:line:column. */
int import_mapping_load(const char *path, struct import_mapping *m, struct perr *e);
/* import_mapping_done - free what m holds. */
void import_mapping_done(struct import_mapping *m);
/* mapping_state_for - the ptce state a platform state maps to (case and
 * accents aside), or NULL for a state the mapping does not know. */
const char *mapping_state_for(const struct import_mapping *m, const char *platform_state);

#endif
