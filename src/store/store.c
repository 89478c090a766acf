/* store.c - the connection's transactions, its errors said so that a
 * person can act on them, and small column helpers. The database is the
 * single source of truth shared by concurrent sessions (store/open.c opens
 * it). */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/i18n.h"
#include "store/store.h"

char *now_utc(char buf[static 21])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return buf;
}

int store_fail(struct store *s, struct perr *e, const char *what)
{
	int code = sqlite3_extended_errcode(s->db);
	const char *msg = sqlite3_errmsg(s->db);
	int prim = code & 0xFF;
	if (prim == SQLITE_BUSY || prim == SQLITE_LOCKED)
		return perr_set(e, P_DB, _("%s: the database %s is locked by another session and stayed locked; nothing was changed. Try again in a moment (a long import or a stuck process may hold it: see 'fuser %s')."),
				what, s->path, s->path);
	if (prim == SQLITE_READONLY)
		return perr_set(e, P_DB, _("%s: the database %s is read-only for you; ask the operator to give your account write access to the file and its folder."),
				what, s->path);
	if (prim == SQLITE_CORRUPT || prim == SQLITE_NOTADB)
		return perr_set(e, P_DB, _("%s: %s is damaged or is not a ptce database (%s); restore it from a backup."),
				what, s->path, msg);
	if (prim == SQLITE_FULL)
		return perr_set(e, P_DB, _("%s: the disk holding %s is full; nothing was changed. Free some space and try again."),
				what, s->path);
	if (prim == SQLITE_CONSTRAINT)
		return perr_set(e, P_INVALID, _("%s: refused by the database: %s"), what, msg);
	return perr_set(e, P_DB, _("%s: database error: %s"), what, msg);
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
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
		store_fail(s, e, _("database query"));
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

int store_begin(struct store *s, struct perr *e)
{
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
	sqlite3_stmt *st = NULL;
	long long v = -1;
	if (sqlite3_prepare_v2(s->db, "PRAGMA data_version", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
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

