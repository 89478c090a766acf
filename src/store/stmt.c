/* stmt.c - statements in one call, bound from a format. */
#include <stdarg.h>

#include "store/stmt.h"
#include "store/stmt_cache.h"

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

void stmt_bind(sqlite3_stmt *st, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	stmt_bindv(st, fmt, ap);
	va_end(ap);
}

void stmt_columns(sqlite3_stmt *st, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	for (int i = 0; fmt[i]; i++) {
		switch (fmt[i]) {
		case 'i': *va_arg(ap, int *) = sqlite3_column_int(st, i); break;
		case 'I': *va_arg(ap, long long *) = sqlite3_column_int64(st, i); break;
		case 'd': *va_arg(ap, double *) = sqlite3_column_double(st, i); break;
		case 't': *va_arg(ap, char **) = col_text(st, i); break;
		case 'n': *va_arg(ap, char **) = col_text_or_null(st, i); break;
		default: die("stmt_columns: unknown format letter '%c'", fmt[i]);
		}
	}
	va_end(ap);
}

/* Finalize st after its last step rc: 0 when that step ended well (a row or
 * the end), else the connection's error naming what (read before the
 * statement goes). */
static int finish(struct store *s, sqlite3_stmt *st, int rc, struct perr *e, const char *what)
{
	int ok = rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_fail(s, e, what);
	stmt_cache_give(st);
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

/* Where the first row goes: each pointer may be NULL. */
struct first_row {
	int *found;		/* 1 when there is a row */
	long long *value;	/* its first column as an integer */
	char **text;		/* its first column as a fresh string */
};

/* Prepare and bind, step once (to_end: until the last row), keep what the
 * first row says, finalize: the one body of stmt_run, stmt_exists, stmt_int
 * and stmt_text. */
static int stepv(struct store *s, struct perr *e, const char *what, const char *sql,
		 const char *fmt, va_list ap, int to_end, const struct first_row *first)
{
	sqlite3_stmt *st = queryv(s, e, sql, fmt, ap);
	if (!st)
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && first->found)
		*first->found = 1;
	if (rc == SQLITE_ROW && first->value)
		*first->value = sqlite3_column_int64(st, 0);
	if (rc == SQLITE_ROW && first->text)
		*first->text = col_text(st, 0);
	while (to_end && rc == SQLITE_ROW)
		rc = sqlite3_step(st);
	return finish(s, st, rc, e, what);
}

/* The body of the variadic helpers: stepv on the arguments after fmt. */
#define STEP_ARGS(to_end, ...)                                                  \
	do {                                                                    \
		const struct first_row first_ = {__VA_ARGS__};                  \
		va_list ap;                                                     \
		va_start(ap, fmt);                                              \
		int rc_ = stepv(s, e, what, sql, fmt, ap, to_end, &first_);     \
		va_end(ap);                                                     \
		return rc_;                                                     \
	} while (0)

int stmt_run(struct store *s, struct perr *e, const char *what, const char *sql,
	     const char *fmt, ...)
{
	STEP_ARGS(1, NULL, NULL, NULL);
}

int stmt_exists(struct store *s, int *yes, struct perr *e, const char *what,
		const char *sql, const char *fmt, ...)
{
	*yes = 0;
	STEP_ARGS(0, yes, NULL, NULL);
}

int stmt_int(struct store *s, long long *out, long long dflt, struct perr *e,
	     const char *what, const char *sql, const char *fmt, ...)
{
	*out = dflt;
	STEP_ARGS(0, NULL, out, NULL);
}

int stmt_text(struct store *s, char **out, struct perr *e, const char *what,
	      const char *sql, const char *fmt, ...)
{
	*out = NULL;
	STEP_ARGS(0, NULL, NULL, out);
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

/* A row nobody reads: go on to the next. */
static int skip_row(sqlite3_stmt *st, void *arg)
{
	(void)st;
	(void)arg;
	return 0;
}

int stmt_exec(struct store *s, sqlite3_stmt *st, struct perr *e, const char *what)
{
	return stmt_rows(s, st, e, what, skip_row, NULL);
}

int stmt_rows(struct store *s, sqlite3_stmt *st, struct perr *e, const char *what,
	      int (*row)(sqlite3_stmt *st, void *arg), void *arg)
{
	int rc = st ? 1 : -1;
	while (st && (rc = stmt_next(s, &st, e, what)) > 0) {
		if (row(st, arg)) {
			stmt_done(&st);
			return 0;
		}
	}
	return rc;
}

void stmt_done(sqlite3_stmt **st)
{
	if (st && *st) {
		stmt_cache_give(*st);
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

int stmt_each(struct store *s, struct perr *e, const char *what, const char *sql, size_t n,
	      void (*bind)(sqlite3_stmt *st, size_t i, const void *arg), const void *arg)
{
	sqlite3_stmt *st = store_prepare(s, sql, e);
	if (!st)
		return -1;
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < n; i++) {
		bind(st, i, arg);
		rc = stmt_step_reset(s, st, e, what);
	}
	stmt_cache_give(st);
	return rc;
}
