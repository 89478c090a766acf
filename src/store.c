/* store.c - opening the database, forward migrations, transactions.
 * The database is the single source of truth shared by concurrent sessions. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"
#include "store.h"

static const struct migration migrations[] = {
	{1, schema_v1_sql, schema_v1_apply},
	{2, schema_v2_sql, schema_v2_apply},
	{3, schema_v3_sql, schema_v3_apply},
};
#define N_MIGRATIONS (sizeof migrations / sizeof migrations[0])

int store_schema_version(void)
{
	return migrations[N_MIGRATIONS - 1].version;
}

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

static int user_version(struct store *s, int *v, struct perr *e)
{
	sqlite3_stmt *st = store_prepare(s, "PRAGMA user_version", e);
	if (!st)
		return -1;
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return store_fail(s, e, _("reading the schema version"));
	}
	*v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return 0;
}

/* Apply every migration above the file's version in one transaction: an
 * upgrade either completes or leaves the file as it was. */
static int migrate(struct store *s, int from, struct perr *e)
{
	if (from >= store_schema_version())
		return 0;
	if (store_begin(s, e) < 0)
		return -1;
	/* Another session may have migrated while we waited for the lock. */
	if (user_version(s, &from, e) < 0)
		goto fail;
	for (size_t i = 0; i < N_MIGRATIONS; i++) {
		const struct migration *m = &migrations[i];
		if (m->version <= from)
			continue;
		if (m->sql && *m->sql && store_exec(s, m->sql, e) < 0) {
			perr_append(e, _(" (while upgrading the database to version %d)"), m->version);
			goto fail;
		}
		if (m->apply && m->apply(s, e) < 0)
			goto fail;
		char sql[64];
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d", m->version);
		if (store_exec(s, sql, e) < 0)
			goto fail;
	}
	return store_commit(s, e);
fail:
	store_rollback(s);
	return -1;
}

int store_open(const char *path, enum store_mode mode, struct store **out, struct perr *e)
{
	struct stat stt;
	*out = NULL;
	int exists = stat(path, &stt) == 0;

	if (mode == STORE_EXISTING && !exists)
		return perr_set(e, P_DB, _("no database at %s; create one with 'ptce init' (or 'ptce init --demo' to try ptce), or name another with --db PATH or PTCE_DB."),
				path);
	if (mode == STORE_CREATE && exists && stt.st_size > 0)
		return perr_set(e, P_REFUSED, _("%s already exists; ptce init never overwrites a database. Remove it yourself or choose another path with --db."),
				path);
	if (mode == STORE_CREATE) {
		char *dir = xstrdup(path), *slash = strrchr(dir, '/');
		if (slash && slash != dir) {
			*slash = '\0';
			struct stat ds;
			if (stat(dir, &ds) != 0) {
				int rc = perr_set(e, P_IO, _("the folder %s does not exist; create it first (mkdir -p %s) or choose another path with --db."),
						  dir, dir);
				free(dir);
				return rc;
			}
		}
		free(dir);
	}

	struct store *s = xcalloc(1, sizeof *s);
	s->path = xstrdup(path);
	int flags = SQLITE_OPEN_READWRITE | (mode == STORE_CREATE ? SQLITE_OPEN_CREATE : 0);
	if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
		perr_set(e, P_DB, _("cannot open the database %s: %s"), path,
			 s->db ? sqlite3_errmsg(s->db) : _("out of memory"));
		store_close(&s);
		return -1;
	}
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_timeout(s->db, 5000);

	int v = 0;
	if (user_version(s, &v, e) < 0) {
		store_close(&s);
		return -1;
	}
	if (v > store_schema_version()) {
		perr_set(e, P_DB, _("%s was written by a newer ptce (schema version %d; this ptce knows up to %d); nothing was changed. Use the newer ptce, or ask the operator to upgrade this one."),
			 path, v, store_schema_version());
		store_close(&s);
		return -1;
	}
	if (store_exec(s, "PRAGMA foreign_keys = ON", e) < 0 ||
	    store_exec(s, "PRAGMA journal_mode = WAL", e) < 0 ||
	    store_exec(s, "PRAGMA synchronous = NORMAL", e) < 0 ||
	    migrate(s, v, e) < 0) {
		store_close(&s);
		return -1;
	}
	*out = s;
	return 0;
}

void store_close(struct store **s)
{
	if (!s || !*s)
		return;
	sqlite3_close_v2((*s)->db);
	free((*s)->path);
	free(*s);
	*s = NULL;
}
