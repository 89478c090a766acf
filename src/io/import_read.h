/* import_read.h - every sheet of an export read and checked into import
 * items: the Dossiers sheet (with the applicant's établissement from the
 * Etablissements sheet when the Dossiers sheet lacks it), the members'
 * repeated block (or a members CSV), the Avis sheet. */
#ifndef PTCE_IMPORT_READ_H
#define PTCE_IMPORT_READ_H

#include "base/err.h"
#include "io/book.h"
#include "io/import_place.h"
#include "io/import_types.h"

/* import_read - read b (and req's members file) with req's mapping into
 * out; problems go to errs (the caller refuses the file when there are
 * some); notes for the person into rep. *dossiers gets the Dossiers sheet.
 * -1 only for a failure that is not the file's (P_IO...). */
int import_read(const struct import_request *req, const struct book *b,
		struct import_batch *out, const struct csv_table **dossiers,
		struct import_report *rep, struct import_errors *errs, struct perr *e);

#endif
