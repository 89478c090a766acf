/* stmt_cache.h - statements kept prepared between uses: a statement that
 * was stepped, then released (stmt_done, the end of stmt_next), is reset
 * and kept by its SQL text, and the next store_prepare of the same text
 * takes it back instead of parsing and planning the SQL again. */
#ifndef PTCE_STMT_CACHE_H
#define PTCE_STMT_CACHE_H

#include <sqlite3.h>

/* stmt_cache_attach - start keeping statements of db (store_open). */
void stmt_cache_attach(sqlite3 *db);
/* stmt_cache_detach - finalize every statement kept for db and stop
 * keeping them (before db is closed). */
void stmt_cache_detach(sqlite3 *db);
/* stmt_cache_take - a kept statement of db whose SQL is sql, reset and
 * unbound, now the caller's; NULL when none is kept. */
sqlite3_stmt *stmt_cache_take(sqlite3 *db, const char *sql);
/* stmt_cache_give - the caller is done with st: keep it for the next use
 * of its SQL, or finalize it (a failed statement, a connection not kept,
 * the oldest one when the cache is full). */
void stmt_cache_give(sqlite3_stmt *st);

#endif
