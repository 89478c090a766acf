/* stmt.c - statements in one call, bound from a format. */
#include <stdarg.h>

#include "store/stmt.h"

void stmt_bindv(sqlite3_stmt *st, const char *fmt, va_list ap)
{
	for (int i = 1; fmt && *fmt; fmt++, i++) {
		const char *t;
		switch (*fmt) {
		case 'i': sqlite3_bind_int(st, i, va_arg(ap, int)); break;
		case 'I': sqlite3_bind_int64(st, i, va_arg(ap, long long)); break;
		case 'd': sqlite3_bind_double(st, i, va_arg(ap, double)); break;
		case 't':
			t = va_arg(ap, const char *);
			if (t)
				sqlite3_bind_text(st, i, t, -1, SQLITE_TRANSIENT);
			else
				sqlite3_bind_null(st, i);
			break;
		case 'n': bind_text_or_null(st, i, va_arg(ap, const char *)); break;
		default: die("stmt_bindv: unknown format letter '%c'", *fmt);
		}
	}
}

/* Finalize st after its last step rc: 0 when that step ended well (a row or
 * the end), else the connection's error naming what (read before the
 * statement goes). */
static int finish(struct store *s, sqlite3_stmt *st, int rc, struct perr *e, const char *what)
{
	int ok = rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_fail(s, e, what);
	sqlite3_finalize(st);
	return ok;
}

static sqlite3_stmt *queryv(struct store *s, struct perr *e, const char *sql, const char *fmt,
			    va_list ap)
{
	sqlite3_stmt *st = store_prepare(s, sql, e);
	if (st)
		stmt_bindv(st, fmt, ap);
	return st;
}

sqlite3_stmt *stmt_query(struct store *s, struct perr *e, const char *sql, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sqlite3_stmt *st = queryv(s, e, sql, fmt, ap);
	va_end(ap);
	return st;
}

int stmt_run(struct store *s, struct perr *e, const char *what, const char *sql,
	     const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sqlite3_stmt *st = queryv(s, e, sql, fmt, ap);
	va_end(ap);
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		;
	return finish(s, st, rc, e, what);
}

int stmt_exists(struct store *s, int *yes, struct perr *e, const char *what,
		const char *sql, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sqlite3_stmt *st = queryv(s, e, sql, fmt, ap);
	va_end(ap);
	*yes = 0;
	if (!st)
		return -1;
	int rc = sqlite3_step(st);
	*yes = rc == SQLITE_ROW;
	return finish(s, st, rc, e, what);
}

int stmt_int(struct store *s, long long *out, long long dflt, struct perr *e,
	     const char *what, const char *sql, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sqlite3_stmt *st = queryv(s, e, sql, fmt, ap);
	va_end(ap);
	*out = dflt;
	if (!st)
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	return finish(s, st, rc, e, what);
}

int stmt_next(struct store *s, sqlite3_stmt **st, struct perr *e, const char *what)
{
	int rc = sqlite3_step(*st);
	if (rc == SQLITE_ROW)
		return 1;
	sqlite3_stmt *done = *st;
	*st = NULL;
	return finish(s, done, rc, e, what);
}

void stmt_done(sqlite3_stmt **st)
{
	if (st && *st) {
		sqlite3_finalize(*st);
		*st = NULL;
	}
}

int stmt_step_reset(struct store *s, sqlite3_stmt *st, struct perr *e, const char *what)
{
	int rc = sqlite3_step(st);
	int ok = rc == SQLITE_DONE ? 0 : store_fail(s, e, what);
	sqlite3_reset(st);
	return ok;
}
