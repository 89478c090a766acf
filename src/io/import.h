/* import.h - a Démarches Simplifiées export (xlsx, ods, csv) into dossiers:
 * every sheet and every row validated, then all saved in one transaction,
 * or nothing. Includes the CSV layer, the mapping and the normalisation its
 * callers use. */
#ifndef PTCE_IMPORT_H
#define PTCE_IMPORT_H

#include <stddef.h>

#include "base/err.h"
#include "io/csv.h"
#include "io/import_place.h"
#include "io/import_types.h"
#include "io/mapping.h"
#include "io/normalize.h"
#include "procedure/actor.h"
#include "procedure/dossier.h"
#include "store/store.h"

/* import_run - refuse a person who may not import; read, validate every
 * sheet and row, and save them all in one transaction, or nothing: any
 * invalid row fills errs, leaves the database unchanged and returns -1 with
 * P_INVALID. */
int import_run(struct store *s, const struct import_request *req,
	       struct import_report *rep, struct import_errors *errs, struct perr *e);

#endif
