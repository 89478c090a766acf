/* import_place.h - where a problem of an export is: file, sheet, row and
 * column, said the way a person finds it (file:line:column for a CSV; the
 * sheet, its row and its column letter for a workbook). */
#ifndef PTCE_IMPORT_PLACE_H
#define PTCE_IMPORT_PLACE_H

#include <stddef.h>

#include "io/csv.h"

/* Every problem found in the files, one each: "FILE:LINE:COL: reason" for a
 * CSV, "FILE, sheet NAME, row R, column C (header): reason" for a workbook. */
struct import_errors {
	char **msgs;
	size_t n;
};
/* import_errors_done - free what errs holds. */
void import_errors_done(struct import_errors *errs);

/* A sheet of the export (sheet NULL: a CSV file). */
struct import_place {
	const struct csv_table *t;
	const char *sheet;
};

/* errs_add - one more problem. */
void errs_add(struct import_errors *errs, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* import_shown - a header or value as printed in a message: cleaned and cut
 * to 60 columns; a fresh string. */
char *import_shown(const char *s);
/* import_cell_error - reason, at row line and column col of sheet p. */
void import_cell_error(struct import_errors *errs, const struct import_place *p, int line,
		       int col, const char *reason);
/* import_header_error - reason, at the header row of p. */
void import_header_error(struct import_errors *errs, const struct import_place *p,
			 const char *reason);
/* import_missing_column - the header row of p has no column header (needed
 * for why), with the closest headers of p and of the other sheets also. */
void import_missing_column(struct import_errors *errs, const struct import_place *p,
			   const char *header, const char *why,
			   const struct csv_table *const *also, size_t n_also);
/* import_check_width - a CSV record as wide as its header line, or -1 with
 * the problem added. */
int import_check_width(const struct import_place *p, const struct csv_record *r,
		       struct import_errors *errs);

#endif
