/* import.h - Démarches Simplifiées CSV exports into dossiers: every row of both
 * files validated, then all saved in one transaction. Includes the CSV layer,
 * the mapping and the normalisation its callers use. */
#ifndef PTCE_IMPORT_H
#define PTCE_IMPORT_H

#include <stddef.h>

#include "base/err.h"
#include "io/csv.h"
#include "io/mapping.h"
#include "io/normalize.h"
#include "procedure/actor.h"
#include "procedure/dossier.h"
#include "store/store.h"

/* Every problem found in the files, one "FILE:LINE:COL: reason" each. */
struct import_errors {
	char **msgs;
	size_t n;
};
/* import_errors_done - free what errs holds. */
void import_errors_done(struct import_errors *errs);

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
/* import_report_done - free what r holds. */
void import_report_done(struct import_report *r);

struct import_request {
	const char *csv_path;
	const char *members_path;	/* NULL: members untouched */
	const struct import_mapping *mapping;
	const struct actor *by;		/* who imports: an admin (permission_import) */
	int dry_run;			/* roll back at the end */
};

/* import_run - refuse a person who may not import; read, validate every row
 * of both files, and save them all in one transaction, or nothing: any invalid row fills errs, leaves the
 * database unchanged and returns -1 with P_INVALID. */
int import_run(struct store *s, const struct import_request *req,
	       struct import_report *rep, struct import_errors *errs, struct perr *e);

/* import_replace_documents - the documents of a dossier become exactly docs
 * (inside a transaction); *changed tells whether they differed. */
int import_replace_documents(struct store *s, long long dossier_id,
			     const struct document *docs, size_t n_docs,
			     int *changed, struct perr *e);

#endif
