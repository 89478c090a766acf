/* rows.c - structs from rows by a table of fields. Fields and the caller's
 * array pointer are reached through their offsets and copied with memcpy,
 * so no object is read through a pointer of another type. */
#include <stdlib.h>
#include <string.h>

#include "review/rows.h"
#include "store/stmt.h"

void cols_read(sqlite3_stmt *st, void *obj, const struct row_type *t)
{
	int i = 0;
	for (size_t k = 0; k < t->n_cols; k++) {
		char *f = (char *)obj + t->cols[k].off;
		int iv;
		long long lv;
		double dv;
		char *sv;
		switch (t->cols[k].kind) {
		case COL_INT: iv = sqlite3_column_int(st, i++); memcpy(f, &iv, sizeof iv); break;
		case COL_I64: lv = sqlite3_column_int64(st, i++); memcpy(f, &lv, sizeof lv); break;
		case COL_DOUBLE: dv = sqlite3_column_double(st, i++); memcpy(f, &dv, sizeof dv); break;
		case COL_TEXT: sv = col_text(st, i++); memcpy(f, &sv, sizeof sv); break;
		case COL_TEXT_NULL: sv = col_text_or_null(st, i++); memcpy(f, &sv, sizeof sv); break;
		case COL_OWNED: break;
		}
	}
}

void cols_clear(void *obj, const struct row_type *t)
{
	for (size_t k = 0; k < t->n_cols; k++) {
		enum col_kind kind = t->cols[k].kind;
		if (kind != COL_TEXT && kind != COL_TEXT_NULL && kind != COL_OWNED)
			continue;
		void *p;
		memcpy(&p, (char *)obj + t->cols[k].off, sizeof p);
		free(p);
	}
}

int rows_read(struct store *s, sqlite3_stmt *st, void *arrp, size_t *n, const struct row_type *t,
	      const char *what, struct perr *e)
{
	char *arr = NULL;
	*n = 0;
	memcpy(arrp, &arr, sizeof arr);
	if (!st)
		return -1;
	int rc;
	while ((rc = stmt_next(s, &st, e, what)) > 0) {
		arr = xrealloc(arr, (*n + 1) * t->size);
		memcpy(arrp, &arr, sizeof arr);
		char *row = arr + (*n)++ * t->size;
		memset(row, 0, t->size);
		cols_read(st, row, t);
	}
	if (rc < 0) {
		rows_free(arrp, *n, t);
		*n = 0;
	}
	return rc;
}

void rows_free(void *arrp, size_t n, const struct row_type *t)
{
	char *arr;
	if (!arrp)
		return;
	memcpy(&arr, arrp, sizeof arr);
	if (!arr)
		return;
	for (size_t i = 0; i < n; i++)
		cols_clear(arr + i * t->size, t);
	free(arr);
	arr = NULL;
	memcpy(arrp, &arr, sizeof arr);
}
