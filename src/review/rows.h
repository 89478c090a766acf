/* rows.h - query rows into structs by a table of columns, and lists of such
 * structs grown row by row: the mapping and the loop every list of the
 * review modules would otherwise write out field by field. */
#ifndef PTCE_ROWS_H
#define PTCE_ROWS_H

#include <stddef.h>

#include "base/err.h"
#include "store/store.h"

/* What a struct field holds and how a column sets it. */
enum col_kind {
	COL_INT,	/* int */
	COL_I64,	/* long long */
	COL_DOUBLE,	/* double */
	COL_TEXT,	/* char *: a fresh copy, "" for NULL */
	COL_TEXT_NULL,	/* char *: a fresh copy or NULL */
	COL_OWNED	/* a pointer set by other code: takes no column, freed by cols_clear */
};

/* One field of a struct: where it is and what it holds. */
struct col {
	size_t off;
	enum col_kind kind;
};

/* COL - the entry of field of type, e.g. COL(struct conflict, reason, COL_TEXT). */
#define COL(type, field, kind) {offsetof(type, field), kind}

/* A struct read from rows: its size and its fields, in column order. */
struct row_type {
	size_t size;
	const struct col *cols;
	size_t n_cols;
};

/* ROW_TYPE - the row_type of type with the fields of the array cols. */
#define ROW_TYPE(type, cols) {sizeof(type), cols, sizeof cols / sizeof cols[0]}

/* cols_read - set obj's fields from st's current row: columns 0, 1, ... in
 * the order of t's fields (COL_OWNED ones take no column). */
void cols_read(sqlite3_stmt *st, void *obj, const struct row_type *t);
/* cols_clear - free obj's text and owned fields. */
void cols_clear(void *obj, const struct row_type *t);

/* rows_read - a fresh array in *arrp (arrp: the address of the caller's
 * pointer to its first element) of *n structs of type t, one per row of st,
 * each zeroed then set by cols_read. st is stepped to its end and finalized
 * (NULL: -1, e already says why). On an error -1 with e naming what, and
 * nothing is returned. */
int rows_read(struct store *s, sqlite3_stmt *st, void *arrp, size_t *n, const struct row_type *t,
	      const char *what, struct perr *e);
/* rows_free - cols_clear each of the n structs of the array *arrp, free it
 * and NULL the caller's pointer; a NULL arrp or array is fine. */
void rows_free(void *arrp, size_t n, const struct row_type *t);

#endif
