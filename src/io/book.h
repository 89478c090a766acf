/* book.h - an export file as the platform writes it, read into named sheets
 * of records: a CSV is one sheet ("Dossiers"); an xlsx or ods workbook has
 * Dossiers, Etablissements, Avis and one sheet per repeated block. Every
 * reader yields the records of io/csv.h, so the import reads them alike. */
#ifndef PTCE_BOOK_H
#define PTCE_BOOK_H

#include <stddef.h>

#include "base/err.h"
#include "io/csv.h"

/* What a file is, told from its first bytes and, for a zip, its entries. */
enum book_format {
	BOOK_CSV,
	BOOK_XLSX,
	BOOK_ODS,
	BOOK_ZIP,		/* the "dossiers et pièces jointes" export */
};

/* One sheet: its name and its rows (table.path names the file, table.line
 * of each record is its row number in the sheet). */
struct book_sheet {
	char *name;
	struct csv_table table;
};

struct book {
	char *path;
	enum book_format format;
	struct book_sheet *sheets;
	size_t n;
};

/* book_read - read every sheet of path. encoding is NULL (guess: UTF-8, else
 * Windows-1252) or an iconv name for a CSV. */
int book_read(const char *path, const char *encoding, struct book *b, struct perr *e);
/* book_sheet - the sheet called name (case and accents as written), or NULL. */
const struct csv_table *book_sheet(const struct book *b, const char *name);
/* book_done - free what b holds. */
void book_done(struct book *b);

#endif
