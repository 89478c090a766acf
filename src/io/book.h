/* book.h - an export file as the platform writes it, read into named sheets
 * of records: a CSV is one sheet ("Dossiers"); an xlsx or ods workbook has
 * Dossiers, Etablissements, Avis and one sheet per repeated block. Every
 * reader yields the records of io/csv.h, so the import reads them alike. */
#ifndef PTCE_BOOK_H
#define PTCE_BOOK_H

#include <stddef.h>

#include "base/err.h"
#include "io/csv.h"
#include "io/sheet.h"

/* What a file is, told from its bytes, never from its name. */
enum book_format {
	BOOK_CSV,
	BOOK_XLSX,
	BOOK_ODS,
	BOOK_ZIP,		/* the "dossiers et pièces jointes" export */
};

/* The sheets are struct book_sheet of io/sheet.h: a name and a struct
 * csv_table whose path is the file and sheet the sheet's name (NULL for a
 * CSV); a record's line is its line in a CSV, its row number (1-based) in
 * a sheet, so csv_place() writes "FILE:LINE:COL" or "FILE, sheet NAME, row
 * R, column L": the import's messages about a cell should use it. */
struct book {
	char *path;
	enum book_format format;
	struct book_sheet *sheets;
	size_t n;
	struct csv_reader *csv;	/* book_open of a CSV: its rows, to read in turn */
};

/* book_read - read every sheet of path, recognised by content:
 * - a zip holding xl/workbook.xml: xlsx; a zip whose mimetype is an
 *   OpenDocument spreadsheet (or, without one, holding content.xml): ods.
 *   Every sheet, in order. In a sheet, the header is the first row that is
 *   not blank; blank rows are dropped (the others keep their row number);
 *   rows are padded with "" to the header's width (a workbook leaves empty
 *   cells out); a merged range keeps its value in its top-left cell only;
 *   dates become "YYYY-MM-DD HH:MM:SS" (or "YYYY-MM-DD" when the cell shows
 *   no time), booleans "true"/"false", other numbers stay as stored
 *   ("95000", "95000.5"). The time zone of a date is not in a workbook.
 * - a zip with dossier-<ID>/ or export/ folders: BOOK_ZIP, the pièces
 *   export (the platform never puts a spreadsheet in it), with no sheet:
 *   the caller walks it with io/zipread.h.
 * - any other zip, a damaged workbook, an old .xls: P_INVALID naming path.
 * - anything else: a CSV, one sheet "Dossiers"; encoding NULL guesses
 *   (UTF-8, else Windows-1252), otherwise it is an iconv name the file is
 *   converted from, a byte invalid in it refused with its line.
 * A cell holding a NUL is refused with its place. */
int book_read(const char *path, const char *encoding, struct book *b, struct perr *e);
/* book_open - book_read, but a CSV's rows are not read: b->csv reads them
 * one at a time (and again after csv_reader_rewind), its one sheet holding
 * only the header; a workbook's sheets keep their rows out of memory
 * (io/sheet_store.h: read them with sheet_row, never through rows). */
int book_open(const char *path, const char *encoding, struct book *b, struct perr *e);
/* book_sheet - the sheet called name (case and accents as written), or NULL. */
const struct csv_table *book_sheet(const struct book *b, const char *name);
/* book_format_name - "csv", "xlsx", "ods" or "zip". */
const char *book_format_name(enum book_format f);
/* book_done - free what b holds. */
void book_done(struct book *b);

#endif
