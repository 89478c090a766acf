/* import_save.h - the dossiers an import read, written in one transaction:
 * new ones with their platform history, known ones with the values that
 * changed, people, opinions and annotations. */
#ifndef PTCE_IMPORT_SAVE_H
#define PTCE_IMPORT_SAVE_H

#include <stddef.h>

#include "base/err.h"
#include "io/import_types.h"
#include "store/store.h"

/* An import being saved: one transaction, statements prepared once,
 * dossiers and people looked up in hashes loaded once. */
struct import_saver;

/* import_save_begin - start saving (or, for drift_only, comparing) what b
 * says the export has, into rep: the transaction begun. */
int import_save_begin(struct store *s, const struct import_request *req,
		      const struct import_batch *b, struct import_report *rep,
		      struct import_saver **sv, struct perr *e);
/* import_save_item - save one dossier (arg: the import_saver), or compare
 * its state for drift_only. */
int import_save_item(void *arg, const struct import_item *it, struct perr *e);
/* import_save_end - finish: rc (0, or -1 after a failure) decides between
 * commit and rollback (always rollback for a dry run); the search index of
 * the dossiers written built first. Frees sv; returns the outcome. */
int import_save_end(struct import_saver *sv, int rc, struct perr *e);

#endif
