/* store.h - the SQLite file shared by every session: open, migrate, and run
 * each write in one transaction. Only the core (src/) sees sqlite3. */
#ifndef PTCE_STORE_H
#define PTCE_STORE_H

#include <sqlite3.h>

#include "err.h"

struct store {
	sqlite3 *db;
	char *path;
};

enum store_mode {
	STORE_EXISTING,	/* refuse a missing file */
	STORE_CREATE	/* create it (and refuse an existing non-empty one) */
};

/* A migration brings user_version from version-1 to version. */
struct migration {
	int version;
	const char *sql;
	int (*apply)(struct store *s, struct perr *e);	/* optional C step after sql */
};

/* store_open - open (or create) path, migrate forward in one transaction,
 * refuse a file written by a newer ptce. WAL, foreign keys, busy timeout. */
int store_open(const char *path, enum store_mode mode, struct store **out, struct perr *e);
/* store_close - close and NULL the caller's pointer. */
void store_close(struct store **s);
/* store_schema_version - the version this build writes. */
int store_schema_version(void);

/* store_begin - BEGIN IMMEDIATE: take the write lock now, so two sessions
 * never deadlock halfway through. */
int store_begin(struct store *s, struct perr *e);
int store_commit(struct store *s, struct perr *e);
void store_rollback(struct store *s);

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

/* col_text - a column as a fresh string ("" for NULL). */
char *col_text(sqlite3_stmt *st, int i);
/* col_text_or_null - a column as a fresh string or NULL. */
char *col_text_or_null(sqlite3_stmt *st, int i);
/* bind_text_or_null - bind s, or NULL when s is NULL or empty. */
int bind_text_or_null(sqlite3_stmt *st, int i, const char *s);

/* now_utc - current UTC time as "YYYY-MM-DDTHH:MM:SSZ" into buf[21]. */
char *now_utc(char buf[static 21]);

/* Migrations kept in their own files (schema_v*.c). */
extern const char schema_v1_sql[];
extern const char schema_v2_sql[];
extern const char schema_v3_sql[];
int schema_v1_apply(struct store *s, struct perr *e);
int schema_v2_apply(struct store *s, struct perr *e);
int schema_v3_apply(struct store *s, struct perr *e);

#endif
