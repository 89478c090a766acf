/* import.h - reading Démarches Simplifiées CSV exports into dossiers: the CSV
 * layer (libcsv, line numbers), the YAML column mapping, validation, saving. */
#ifndef PTCE_IMPORT_H
#define PTCE_IMPORT_H

#include <stddef.h>

#include "base/err.h"
#include "procedure/dossier.h"
#include "store/store.h"

/* One record of a CSV file: its cells and the physical line it starts on. */
struct csv_record {
	char **cells;		/* UTF-8, never NULL */
	size_t n;
	int line;		/* 1-based line of the record's first byte */
};

/* A whole CSV file: the header record and the data records. */
struct csv_table {
	char *path;		/* name used in messages */
	char delim;		/* ',' or ';', detected from the header line */
	int had_bom;		/* the file started with a UTF-8 BOM */
	int crlf;		/* the header line ended with CRLF */
	int cp1252;		/* not UTF-8: read as Windows-1252 (French Excel) */
	struct csv_record header;
	struct csv_record *rows;	/* rows whose cells are all empty are dropped */
	size_t n_rows;
};

/* csv_table_parse - parse a CSV held in memory: BOM stripped, a file that
 * is not UTF-8 read as Windows-1252 (what a French Excel writes), separator
 * detected from the header line (outside quotes), CRLF or LF, quoted fields
 * with separators, doubled quotes and newlines. Malformed quoting is P_INVALID
 * "name:line: ..." naming the line. */
int csv_table_parse(const char *name, const char *buf, size_t len,
		    struct csv_table *t, struct perr *e);
/* csv_table_read - csv_table_parse on a file (P_IO when unreadable). */
int csv_table_read(const char *path, struct csv_table *t, struct perr *e);
/* csv_table_done - free what t holds. */
void csv_table_done(struct csv_table *t);
/* csv_table_column - index of a header name (surrounding blanks ignored), or -1. */
int csv_table_column(const struct csv_table *t, const char *name);

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

/* Every problem found in the files, one "FILE:LINE:COL: reason" each. */
struct import_errors {
	char **msgs;
	size_t n;
};
void import_errors_done(struct import_errors *errs);

/* import_normalize - a raw cell turned into the stored form of field fd:
 * translated through vals (and bools for yes/no fields), dates to
 * YYYY-MM-DD, region and département names to INSEE codes, blanks and
 * thousands separators out of numbers. Returns a new string or NULL (empty). */
char *import_normalize(const struct field_def *fd, int field,
		       const struct map_value *vals, size_t n_vals,
		       const struct map_value *bools, size_t n_bools,
		       const char *raw);

/* What an import did (or, for a dry run, would do) to one dossier. */
struct import_outcome {
	char *ds_number;
	long long id;
	enum save_result result;
	char *changed;		/* UPDATED: comma-separated names of changed fields */
};

struct import_report {
	size_t created, updated, unchanged;
	struct import_outcome *items;
	size_t n_items;
	char **ignored;		/* headers of the dossiers file the mapping does not use */
	size_t n_ignored;
	char **notes;		/* things a person should know (encoding guessed...) */
	size_t n_notes;
};
void import_report_done(struct import_report *r);

struct import_request {
	const char *csv_path;
	const char *members_path;	/* NULL: members untouched */
	const struct import_mapping *mapping;
	const char *actor, *real_actor;
	int dry_run;			/* roll back at the end */
};

/* import_run - read, validate every row of both files, and save them all in
 * one transaction, or nothing: any invalid row fills errs, leaves the
 * database unchanged and returns -1 with P_INVALID. */
int import_run(struct store *s, const struct import_request *req,
	       struct import_report *rep, struct import_errors *errs, struct perr *e);

/* import_replace_documents - the documents of a dossier become exactly docs
 * (inside a transaction); *changed tells whether they differed. */
int import_replace_documents(struct store *s, long long dossier_id,
			     const struct document *docs, size_t n_docs,
			     int *changed, struct perr *e);

#endif
