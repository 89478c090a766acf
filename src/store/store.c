/* store.c - the connection's transactions, its errors said so that a
 * person can act on them, and small column helpers. The database is the
 * single source of truth shared by concurrent sessions (store/open.c opens
 * it). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/i18n.h"
#include "store/stmt_cache.h"
#include "store/store.h"

char *now_utc(char buf[static 21])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return buf;
}

/* Read-only because of a -shm file left by another account (or a crash)
 * while the database itself may be written: say which file and the fix. */
static int stale_shm(struct store *s, struct perr *e, const char *what)
{
	char *shm = xasprintf("%s-shm", s->path);
	int stale = access(s->path, W_OK) == 0 && access(shm, F_OK) == 0 && access(shm, W_OK) != 0;
	if (stale)
		perr_set(e, P_DB, _("%s: the database %s is writable but its shared-memory file %s is not (left by another account or an old session); nothing was changed. When no ptce session is running, remove it (rm %s) or give it the database's group and mode, then try again."),
			 what, s->path, shm, shm);
	free(shm);
	return stale ? -1 : 0;
}

/* Another session's write held the lock: say whether the person gave up
 * (after how long) or the wait ran out (PTCE_BUSY_WAIT), and that nothing
 * was changed. */
static int busy_fail(struct store *s, struct perr *e, const char *what)
{
	unsigned secs = (s->busy.waited_ms + 500) / 1000;
	if (s->busy.gave_up)
		return perr_set(e, P_BUSY, P_("%s: the database %s is busy with another session's write (an import?); you gave up after %u second of waiting, and nothing was changed. Try again when it ends.",
						  "%s: the database %s is busy with another session's write (an import?); you gave up after %u seconds of waiting, and nothing was changed. Try again when it ends.", secs),
				what, s->path, secs);
	unsigned limit = s->busy.limit_ms / 1000;
	return perr_set(e, P_BUSY, P_("%s: the database %s is busy with another session's write (an import?), which did not end within %u second; nothing was changed. Try again when it ends (PTCE_BUSY_WAIT sets how many seconds to wait; 'fuser %s' shows who holds the file).",
					  "%s: the database %s is busy with another session's write (an import?), which did not end within %u seconds; nothing was changed. Try again when it ends (PTCE_BUSY_WAIT sets how many seconds to wait; 'fuser %s' shows who holds the file).", limit),
			what, s->path, limit, s->path);
}

int store_fail(struct store *s, struct perr *e, const char *what)
{
	int code = sqlite3_extended_errcode(s->db);
	const char *msg = sqlite3_errmsg(s->db);
	int prim = code & 0xFF;
	int sys = sqlite3_system_errno(s->db);
	if (prim == SQLITE_FULL || (prim == SQLITE_IOERR && (sys == ENOSPC || sys == EDQUOT)))
		return perr_set(e, P_DB, _("%s: the disk holding %s is full; nothing was changed. Free some space (df %s) and try again."),
				what, s->path, s->path);
	if (prim == SQLITE_BUSY || prim == SQLITE_LOCKED)
		return busy_fail(s, e, what);
	if (prim == SQLITE_READONLY && stale_shm(s, e, what) < 0)
		return -1;
	if (prim == SQLITE_READONLY)
		return perr_set(e, P_DB, _("%s: the database %s is read-only for you; ask the operator to give your account write access to the file and its folder."),
				what, s->path);
	if (prim == SQLITE_CORRUPT || prim == SQLITE_NOTADB) {
		s->broken = 1;
		return perr_set(e, P_DB, _("%s: %s is damaged or is not a ptce database (%s); ptce writes nothing more to it. See what is wrong with 'ptce check', then put back a backup with 'ptce restore FILE'."),
				what, s->path, msg);
	}
	if (prim == SQLITE_CONSTRAINT)
		return perr_set(e, P_INVALID, _("%s: refused by the database: %s"), what, msg);
	return perr_set(e, P_DB, _("%s: database error: %s"), what, msg);
}

void store_busy_hook(struct store *s, busy_hook_fn hook, void *arg)
{
	s->busy.hook = hook;
	s->busy.arg = arg;
}

int store_exec(struct store *s, const char *sql, struct perr *e)
{
	char *err = NULL;
	if (sqlite3_exec(s->db, sql, NULL, NULL, &err) != SQLITE_OK) {
		int rc = store_fail(s, e, _("database update"));
		if (err && e && e->status == P_DB && !strstr(e->msg, err))
			perr_append(e, " (%s)", err);
		sqlite3_free(err);
		return rc;
	}
	return 0;
}

sqlite3_stmt *store_prepare(struct store *s, const char *sql, struct perr *e)
{
	sqlite3_stmt *st = stmt_cache_take(s->db, sql);
	if (st)
		return st;
	if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		store_fail(s, e, _("database query"));
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

/* Before a connection's first write, SQLite's quick check of every table
 * but the stored pièces (large, and only ever read): a damaged file is
 * refused before ptce adds to it, not found out months later. */
static void check_before_writing(struct store *s)
{
	s->checked = 1;
	sqlite3_stmt *t = NULL;
	if (sqlite3_prepare_v2(s->db, "SELECT name FROM sqlite_master WHERE type = 'table'"
			       " AND name NOT IN ('document_blobs') AND sql NOT LIKE 'CREATE VIRTUAL%'",
			       -1, &t, NULL) != SQLITE_OK) {
		s->broken = (sqlite3_errcode(s->db) & 0xFF) == SQLITE_CORRUPT ||
			    (sqlite3_errcode(s->db) & 0xFF) == SQLITE_NOTADB;
		sqlite3_finalize(t);
		return;
	}
	while (!s->broken && sqlite3_step(t) == SQLITE_ROW) {
		char *sql = sqlite3_mprintf("PRAGMA quick_check(%Q)", (const char *)sqlite3_column_text(t, 0));
		sqlite3_stmt *q = NULL;
		if (sqlite3_prepare_v2(s->db, sql, -1, &q, NULL) == SQLITE_OK) {
			int rc = sqlite3_step(q);
			const unsigned char *v = rc == SQLITE_ROW ? sqlite3_column_text(q, 0) : NULL;
			if ((rc == SQLITE_ROW && (!v || strcmp((const char *)v, "ok") != 0)) ||
			    (rc & 0xFF) == SQLITE_CORRUPT || (rc & 0xFF) == SQLITE_NOTADB)
				s->broken = 1;
		}
		sqlite3_finalize(q);
		sqlite3_free(sql);
	}
	sqlite3_finalize(t);
}

void store_single_thread(void)
{
	/* Refused (and harmless) once SQLite has started. */
	sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
}

int store_read_begin(struct store *s)
{
	if (!sqlite3_get_autocommit(s->db))
		return 0;
	struct perr ignored = {0};
	sqlite3_stmt *st = store_prepare(s, "BEGIN", &ignored);
	int rc = st ? sqlite3_step(st) : SQLITE_ERROR;
	stmt_cache_give(st);
	s->reading = rc == SQLITE_DONE;
	return s->reading;
}

void store_read_end(struct store *s, int began)
{
	if (!began || !s->reading)
		return;
	s->reading = 0;
	struct perr ignored = {0};
	sqlite3_stmt *st = store_prepare(s, "COMMIT", &ignored);
	if (st)
		sqlite3_step(st);
	stmt_cache_give(st);
	/* A read that failed leaves nothing to keep: never stay inside. */
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

int store_begin(struct store *s, struct perr *e)
{
	/* A write ends the reads under way: BEGIN IMMEDIATE needs to be
	 * outside any transaction, and must see the data as it is now. */
	if (s->reading)
		store_read_end(s, 1);
	if (!s->checked)
		check_before_writing(s);
	if (s->broken)
		return perr_set(e, P_DB, _("%s is damaged: ptce writes nothing more to it. See what is wrong with 'ptce check', then put back a backup with 'ptce restore FILE'."),
				s->path);
	if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(s, e, _("starting a change"));
	return 0;
}

int store_commit(struct store *s, struct perr *e)
{
	if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		int rc = store_fail(s, e, _("saving the change"));
		store_rollback(s);
		return rc;
	}
	return 0;
}

void store_rollback(struct store *s)
{
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

long long store_data_version(struct store *s)
{
	struct perr ignored = {0};
	sqlite3_stmt *st = store_prepare(s, "PRAGMA data_version", &ignored);
	long long v = -1;
	if (st && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	stmt_cache_give(st);
	return v;
}

long long store_changes(struct store *s)
{
	return (long long)sqlite3_total_changes(s->db);
}

char *col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return xstrdup(t ? (const char *)t : "");
}

char *col_text_or_null(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? xstrdup((const char *)t) : NULL;
}

int bind_text_or_null(sqlite3_stmt *st, int i, const char *s)
{
	if (!s || !*s)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

