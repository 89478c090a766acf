/* import_save.h - the dossiers an import read, written in one transaction:
 * new ones with their platform history, known ones with the values that
 * changed, people, opinions and annotations. */
#ifndef PTCE_IMPORT_SAVE_H
#define PTCE_IMPORT_SAVE_H

#include <stddef.h>

#include "base/err.h"
#include "io/import_types.h"
#include "store/store.h"

/* import_save - write the batch (or, for drift_only, only compare states)
 * in one transaction, rolled back for a dry run; fills rep. */
int import_save(struct store *s, const struct import_request *req,
		const struct import_batch *b, struct import_report *rep, struct perr *e);

#endif
