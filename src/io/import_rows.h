/* import_rows.h - the rows of a sheet an import reads twice (once to
 * check, once to save): a workbook's from its store (io/sheet_store.h), a
 * CSV's parsed one at a time on the first reading and kept in a store of
 * their own, which the readings after it read instead of parsing the file
 * again (libcsv costs some 45 instructions a byte, the store a few); the
 * file is still checked unchanged (csv_reader_rewind). Without room for
 * the store's temporary file, the file is parsed again. */
#ifndef PTCE_IMPORT_ROWS_H
#define PTCE_IMPORT_ROWS_H
#include "base/err.h"
#include "io/csv.h"

struct rows {
	const struct csv_table *t;	/* the sheet, or the CSV's header */
	struct csv_reader *r;		/* the CSV; NULL for a sheet */
	size_t i;
	struct csv_record cur;
	struct csv_table kept;		/* kept.store: NULL until the first row */
	int complete;			/* the first reading went to the end */
	int from_kept;			/* the readings after it */
	int no_keep;			/* the store could not be written */
};

/* rows_next - the next row into *out (valid until the next call): 1, 0 at
 * the end, -1 on an error (e). */
int rows_next(struct rows *s, const struct csv_record **out, struct perr *e);
/* rows_rewind - back to the first row: a CSV read to its end once is read
 * from what was kept, once the file is found unchanged. */
int rows_rewind(struct rows *s, struct perr *e);
/* rows_done - free what s holds (not its reader). */
void rows_done(struct rows *s);

#endif
