/* ods.h - the sheets of an OpenDocument spreadsheet (what LibreOffice and
 * the platform's ods download write), content.xml streamed with libxml2. */
#ifndef PTCE_ODS_H
#define PTCE_ODS_H

#include "base/err.h"
#include "io/sheet.h"
#include "io/zipread.h"

/* ods_read - append every table of the document z to the *n *sheets, in order, as
 * records (see book.h): floats, percentages and currencies as their
 * office:value, dates as "YYYY-MM-DD HH:MM:SS" or "YYYY-MM-DD", times as
 * "HH:MM:SS", booleans "true"/"false", strings as their paragraphs joined
 * by "\n" (text:s, text:tab, text:line-break and spans kept, annotations
 * left out); a covered (merged) cell is "". Repeated rows and columns are
 * repeated, except the blank ones a writer pads a table with. A document
 * that is not a spreadsheet, or damaged, is P_INVALID naming the file.
 * stream: each table keeps its rows in a store (io/sheet_store.h), read
 * with sheet_row, never all in memory. */
int ods_read(struct zipread *z, int stream, struct book_sheet **sheets, size_t *n,
	     struct perr *e);

#endif
