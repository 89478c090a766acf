/* sheet_store.h - the rows of a workbook's sheet kept out of memory: each
 * row written to a spill store (io/spill.h: 1 MiB in memory, the rest in
 * an unlinked temporary file) as it is read, and only where every 64th row
 * starts held, so that an import of 100 000 dossiers holds no more than a
 * row at a time. */
#ifndef PTCE_SHEET_STORE_H
#define PTCE_SHEET_STORE_H
#include <stddef.h>
#include "base/err.h"
#include "io/csv.h"

/* sheet_store_start - keep t's rows from now on in a store: t->rows stays
 * NULL, t->n_rows counts the rows stored. */
void sheet_store_start(struct csv_table *t);
/* sheet_store_put - append r (a copy; r stays the caller's) as row
 * t->n_rows. A write that fails (disk full) is P_IO naming the file, the
 * sheet and r's row. */
int sheet_store_put(struct csv_table *t, const struct csv_record *r, struct perr *e);
/* sheet_store_merge - a merged range (rows r1..r2, columns c1..c2, 0-based
 * columns): every cell but its top-left one reads as empty. */
void sheet_store_merge(struct csv_table *t, int r1, size_t c1, int r2, size_t c2);
/* sheet_store_finish - once the sheet is read: the rows that merged ranges
 * left blank are dropped. */
int sheet_store_finish(struct csv_table *t, struct perr *e);
/* sheet_row - row i (< t->n_rows) of t: &t->rows[i] for rows held in
 * memory, else buf (the caller's, emptied first, freed with
 * csv_record_done) filled from the store, padded with "" to the header's
 * width. NULL when the store cannot be read back (P_IO naming the sheet). */
const struct csv_record *sheet_row(const struct csv_table *t, size_t i, struct csv_record *buf,
				   struct perr *e);
/* sheet_store_free - free a store (NULL: nothing); book_done calls it. */
void sheet_store_free(struct sheet_store *s);
#endif
