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

/* The sheets of an export being read: twice, to check every row (writing
 * nothing), then to hand each dossier over to be saved. Only the dossier
 * numbers and the members' and opinions' sheets are held between the two;
 * a CSV's dossiers are read from the file again (io/book.h book_open). */
struct import_reading;

/* import_read_check - the first reading of b (and req's members file) with
 * req's mapping; problems go to errs (the caller refuses the file when
 * there are some), notes for the person to rep, what the export has to
 * flags; *dossiers gets the Dossiers sheet (its header). -1 only for a
 * failure that is not a row's (P_IO, a file that cannot be read...). *out
 * is set even then: free it with import_read_done. */
int import_read_check(const struct import_request *req, const struct book *b,
		      struct import_reading **out, struct import_batch *flags,
		      const struct csv_table **dossiers, struct import_report *rep,
		      struct import_errors *errs, struct perr *e);
/* import_read_each - the second reading, after a check with no problem:
 * each dossier, with its members and opinions, to save(arg, item, e), in
 * the order of the file; stops at the first failure. */
int import_read_each(struct import_reading *rd,
		     int (*save)(void *arg, const struct import_item *it, struct perr *e),
		     void *arg, struct perr *e);
/* import_read_done - free rd (NULL: nothing). */
void import_read_done(struct import_reading *rd);

#endif
