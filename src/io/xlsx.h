/* xlsx.h - the sheets of an Excel workbook (Office Open XML, what the
 * platform downloads by default), read from its zip with libxml2's
 * streaming reader. */
#ifndef PTCE_XLSX_H
#define PTCE_XLSX_H

#include "base/err.h"
#include "io/sheet.h"
#include "io/zipread.h"

/* xlsx_read - append every worksheet of the workbook z to the *n *sheets, in the
 * workbook's order, as records (see book.h for how cells read):
 * shared and inline strings (rich text runs joined, _xHHHH_ escapes
 * decoded); booleans "true"/"false"; numbers as stored unless their style
 * is a date or time, then "YYYY-MM-DD HH:MM:SS", "YYYY-MM-DD" (no time in
 * the format) or "HH:MM:SS" (no date), from the 1900 or 1904 date system;
 * merged cells: only the top-left one keeps its value. A damaged part is
 * P_INVALID naming the file, the part and the sheet and row reached.
 * stream: each sheet keeps its rows in a store (io/sheet_store.h), read
 * with sheet_row, never all in memory. The shared strings are never all
 * in memory either (io/spill.h); a cell naming one the workbook does not
 * have is P_INVALID naming its sheet, row and column. */
int xlsx_read(struct zipread *z, int stream, struct book_sheet **sheets, size_t *n,
	      struct perr *e);

#endif
