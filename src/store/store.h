/* store.h - the SQLite connection shared by every session: each write in one
 * transaction, errors a person can act on, and small column helpers. Only the
 * core (src/) sees sqlite3; store/open.h opens a file. */
#ifndef PTCE_STORE_H
#define PTCE_STORE_H

#include <sqlite3.h>

#include "base/err.h"
#include "store/busy.h"

struct store {
	sqlite3 *db;
	char *path;
	int broken;	/* SQLite said the file is damaged: no more writes */
	int checked;	/* the quick check before the first write was done */
	int reading;	/* a read transaction of store_read_begin is open */
	struct busy_wait busy;	/* waiting for another session's write (busy.h) */
};

/* STORE_APPLICATION_ID - 'PTCE' in PRAGMA application_id (set by migration 6). */
#define STORE_APPLICATION_ID 1347699525

/* store_begin - BEGIN IMMEDIATE: take the write lock now, so two sessions
 * never deadlock halfway through. */
int store_begin(struct store *s, struct perr *e);
/* store_commit - COMMIT; on a failure the change is rolled back. */
int store_commit(struct store *s, struct perr *e);
/* store_rollback - ROLLBACK the transaction under way, if any. */
void store_rollback(struct store *s);

/* store_single_thread - tell SQLite, before its first use, that this
 * process has one thread: no mutex is taken on each call (ptce starts no
 * thread). */
void store_single_thread(void);

/* store_read_begin - one read transaction for many reads (a screen's
 * rows, a search), so that they see one state of the data and SQLite
 * takes its snapshot once, not for each statement; 1 when it began one
 * (to hand to store_read_end), 0 inside a transaction already. */
int store_read_begin(struct store *s);
/* store_read_end - end the read transaction store_read_begin began
 * (began 1); a write started meanwhile (store_begin) has ended it. */
void store_read_end(struct store *s, int began);

/* store_busy_hook - set (or, with NULL, clear) the hook called while s
 * waits for another session's write (store/busy.h). */
void store_busy_hook(struct store *s, busy_hook_fn hook, void *arg);

/* store_fail - turn the connection's last error into a perr that says what
 * failed and, for a locked database, what to do. */
int store_fail(struct store *s, struct perr *e, const char *what);
/* store_exec - run SQL without results. */
int store_exec(struct store *s, const char *sql, struct perr *e);
/* store_prepare - prepare or fail through store_fail. */
sqlite3_stmt *store_prepare(struct store *s, const char *sql, struct perr *e);
/* store_data_version - PRAGMA data_version: changes when another connection
 * commits, so an idle interface knows when to refresh. */
long long store_data_version(struct store *s);
/* store_changes - rows this connection has changed since it opened
 * (sqlite3_total_changes): with store_data_version, whether anything
 * changed since a result was kept. */
long long store_changes(struct store *s);

/* col_text - a column as a fresh string ("" for NULL). */
char *col_text(sqlite3_stmt *st, int i);
/* col_text_or_null - a column as a fresh string or NULL. */
char *col_text_or_null(sqlite3_stmt *st, int i);
/* bind_text_or_null - bind s, or NULL when s is NULL or empty. */
int bind_text_or_null(sqlite3_stmt *st, int i, const char *s);

/* now_utc - current UTC time as "YYYY-MM-DDTHH:MM:SSZ" into buf[21]. */
char *now_utc(char buf[static 21]);

#endif
