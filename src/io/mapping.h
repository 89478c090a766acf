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

/* import_mapping - a loaded, validated mapping file. */
struct import_mapping {
	char *path;
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

#endif
