/* stmt.h - statements in one call: prepare, bind from a format, step, and
 * finalize, with an error that names what was being done. The shape
 * "prepare, bind, step, check, finalize" is written here once.
 *
 * Parameters are bound in order from ?1, one format letter each:
 *   i  int                 I  long long
 *   d  double              t  text (a NULL pointer binds NULL)
 *   n  text, but NULL when the pointer is NULL or the text empty
 * Text is copied by SQLite. */
#ifndef PTCE_STMT_H
#define PTCE_STMT_H

#include <stdarg.h>
#include <stddef.h>

#include "base/err.h"
#include "store/store.h"

/* stmt_query - prepare sql and bind fmt's parameters: a statement ready to
 * step (loop with stmt_next), or NULL with e filled. */
sqlite3_stmt *stmt_query(struct store *s, struct perr *e, const char *sql, const char *fmt, ...);
/* stmt_run - prepare, bind, run to the end and finalize: writes and other
 * statements whose rows are not read. */
int stmt_run(struct store *s, struct perr *e, const char *what, const char *sql,
	     const char *fmt, ...);
/* stmt_exists - *yes = the query returns at least one row. */
int stmt_exists(struct store *s, int *yes, struct perr *e, const char *what,
		const char *sql, const char *fmt, ...);
/* stmt_int - the first column of the first row, or dflt when there is no row. */
int stmt_int(struct store *s, long long *out, long long dflt, struct perr *e,
	     const char *what, const char *sql, const char *fmt, ...);
/* stmt_text - the first column of the first row as a fresh string ("" for
 * NULL), or *out NULL when there is no row. */
int stmt_text(struct store *s, char **out, struct perr *e, const char *what,
	      const char *sql, const char *fmt, ...);
/* stmt_next - step *st: 1 with a row ready; 0 at the end, -1 on an error
 * (e says what failed); at the end or on an error *st is finalized and
 * NULLed. A loop that stops before the end calls stmt_done. */
int stmt_next(struct store *s, sqlite3_stmt **st, struct perr *e, const char *what);
/* stmt_exec - run st, prepared and bound by the caller, to its end and
 * finalize it: 0, or -1 naming what. A NULL st (a stmt_query that failed, e
 * filled) is -1. */
int stmt_exec(struct store *s, sqlite3_stmt *st, struct perr *e, const char *what);
/* stmt_rows - call row(st, arg) for each row of st, until it returns
 * non-zero (a stop, not an error); st is finalized. 0, or -1 naming what; a
 * NULL st (a stmt_query that failed, e filled) is -1. */
int stmt_rows(struct store *s, sqlite3_stmt *st, struct perr *e, const char *what,
	      int (*row)(sqlite3_stmt *st, void *arg), void *arg);
/* stmt_done - finalize and NULL (NULL is fine). */
void stmt_done(sqlite3_stmt **st);
/* stmt_step_reset - run st, bound by the caller, to its end and reset it for
 * the next use (a statement reused for every row): 0, or -1 naming what. */
int stmt_step_reset(struct store *s, sqlite3_stmt *st, struct perr *e, const char *what);
/* stmt_columns - read the row st is on into the pointers after fmt, from
 * column 0, one letter each: i int, I long long, d double, t a fresh string
 * ("" for NULL), n a fresh string or NULL. */
void stmt_columns(sqlite3_stmt *st, const char *fmt, ...);
/* stmt_each - prepare sql once and run it n times, row i bound by bind(st, i,
 * arg) (with stmt_bind): writing a table of rows. 0, or -1 naming what. */
int stmt_each(struct store *s, struct perr *e, const char *what, const char *sql, size_t n,
	      void (*bind)(sqlite3_stmt *st, size_t i, const void *arg), const void *arg);
/* stmt_bind - bind fmt's parameters into st from ?1. */
void stmt_bind(sqlite3_stmt *st, const char *fmt, ...);
/* stmt_bindv - bind fmt's parameters into st from ?1 (the va_list form). */
void stmt_bindv(sqlite3_stmt *st, const char *fmt, va_list ap);

#endif
