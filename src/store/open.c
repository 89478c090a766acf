/* open.c - opening the database file: create or refuse, WAL and the busy
 * wait (busy.c), forward migrations in one transaction, and the refusal of a file
 * written by a newer ptce. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/i18n.h"
#include "store/audit.h"
#include "store/busy.h"
#include "store/open.h"
#include "store/schema.h"
#include "store/stmt.h"
#include "store/stmt_cache.h"

int store_schema_version(void)
{
	return store_migrations[store_n_migrations - 1].version;
}

static int user_version(struct store *s, int *v, struct perr *e)
{
	long long n = 0;
	int rc = stmt_int(s, &n, 0, e, _("reading the schema version"), "PRAGMA user_version", NULL);
	*v = (int)n;
	return rc;
}

/* Apply every migration above the file's version in one transaction: an
 * upgrade either completes or leaves the file as it was. */
static int migrate(struct store *s, int from, store_seed_fn seed, struct perr *e)
{
	if (from >= store_schema_version())
		return 0;
	if (store_begin(s, e) < 0)
		return -1;
	/* Another session may have migrated while we waited for the lock. */
	if (user_version(s, &from, e) < 0)
		goto fail;
	for (size_t i = 0; i < store_n_migrations; i++) {
		const struct migration *m = &store_migrations[i];
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
	if (seed && seed(s, e) < 0)
		goto fail;
	return store_commit(s, e);
fail:
	store_rollback(s);
	return -1;
}

/* A ptce database says so in its header (application_id, from version 6);
 * an older one is known by its version and tables. Anything else is some
 * other program's file: never converted. */
static int is_ptce(struct store *s, int v, enum store_mode mode, struct perr *e)
{
	long long app = 0, tables = 0;
	if (stmt_int(s, &app, 0, e, _("reading the file's kind"), "PRAGMA application_id", NULL) < 0 ||
	    stmt_int(s, &tables, 0, e, _("reading the file's kind"),
		     v == 0 ? "SELECT count(*) FROM sqlite_master"
			    : "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('dossiers', 'history')",
		     NULL) < 0)
		return -1;
	if (app == STORE_APPLICATION_ID || (app == 0 && v == 0 && tables == 0 && mode == STORE_CREATE) ||
	    (app == 0 && v > 0 && tables == 2))
		return 0;
	return perr_set(e, P_DB, _("%s is not a ptce database (an SQLite file of another kind: application id %lld, schema version %d); nothing was changed. Name the ptce database with --db or PTCE_DB."),
			s->path, app, v);
}

/* An existing file of 0 bytes: what an interrupted copy or a stray 'touch'
 * leaves. It is never turned into a database behind one's back. */
static int refuse_empty(const char *path, struct perr *e)
{
	return perr_set(e, P_DB, _("%s is empty (0 bytes): it is not a ptce database, and ptce does not turn it into one; nothing was changed. Name the right file with --db, or remove it and run 'ptce init'."),
			path);
}

static int raw_open(const char *path, int flags, struct store **out, struct perr *e)
{
	struct store *s = xcalloc(1, sizeof *s);
	s->path = xstrdup(path);
	if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
		perr_set(e, P_DB, _("cannot open the database %s: %s"), path,
			 s->db ? sqlite3_errmsg(s->db) : _("out of memory"));
		store_close(&s);
		return -1;
	}
	sqlite3_extended_result_codes(s->db, 1);
	stmt_cache_attach(s->db);
	audit_register(s->db);
	if (busy_install(s->db, &s->busy, e) < 0) {
		store_close(&s);
		return -1;
	}
	/* Damage in a page is noticed when the page is read, not later. */
	sqlite3_exec(s->db, "PRAGMA cell_size_check = ON", NULL, NULL, NULL);
	*out = s;
	return 0;
}

int store_open_raw(const char *path, int readonly, struct store **out, struct perr *e)
{
	struct stat stt;
	*out = NULL;
	if (stat(path, &stt) != 0)
		return perr_set(e, P_IO, _("cannot read %s: %s"), path, strerror(errno));
	if (stt.st_size == 0)
		return refuse_empty(path, e);
	return raw_open(path, readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE, out, e);
}

int store_open_raw_new(const char *path, struct store **out, struct perr *e)
{
	*out = NULL;
	return raw_open(path, SQLITE_OPEN_READWRITE, out, e);
}

int store_open_seeded(const char *path, enum store_mode mode, store_seed_fn seed, struct store **out,
		      struct perr *e)
{
	struct stat stt;
	*out = NULL;
	int exists = stat(path, &stt) == 0;

	if (mode == STORE_EXISTING && !exists)
		return perr_set(e, P_DB, _("no database at %s; create one with 'ptce init' (or 'ptce init --demo' to try ptce), or name another with --db PATH or PTCE_DB."),
				path);
	if (mode == STORE_EXISTING && stt.st_size == 0)
		return refuse_empty(path, e);
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

	struct store *s = NULL;
	int flags = SQLITE_OPEN_READWRITE | (mode == STORE_CREATE ? SQLITE_OPEN_CREATE : 0);
	if (raw_open(path, flags, &s, e) < 0)
		return -1;

	int v = 0;
	if (user_version(s, &v, e) < 0 || is_ptce(s, v, mode, e) < 0) {
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
	    migrate(s, v, seed, e) < 0) {
		store_close(&s);
		return -1;
	}
	*out = s;
	return 0;
}

int store_open(const char *path, enum store_mode mode, struct store **out, struct perr *e)
{
	return store_open_seeded(path, mode, NULL, out, e);
}

void store_close(struct store **s)
{
	if (!s || !*s)
		return;
	stmt_cache_detach((*s)->db);
	sqlite3_close_v2((*s)->db);
	free((*s)->path);
	free(*s);
	*s = NULL;
}
