/* backup.c - backing up while others write (SQLite's online backup API),
 * checking a copy before trusting it, and putting one back so that nobody
 * ever sees half of it. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/i18n.h"
#include "store/backup.h"
#include "store/open.h"
#include "store/stmt.h"

char *store_temp_file(const char *path, const char *tag, mode_t mode, struct perr *e)
{
	const char *slash = strrchr(path, '/');
	int dirlen = slash ? (int)(slash - path) : 1;
	const char *dir = slash ? path : ".", *base = slash ? slash + 1 : path;
	for (int i = 0; i < 100; i++) {
		char *t = xasprintf("%.*s/.%s.%s-%ld-%d", slash && dirlen == 0 ? 1 : dirlen, dir, base, tag,
				    (long)getpid(), i);
		int fd = open(t, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
		if (fd >= 0) {
			close(fd);
			return t;
		}
		int err = errno;
		free(t);
		if (err != EEXIST) {
			perr_set(e, P_IO, _("cannot create a file beside %s: %s; check that its folder exists and that you may write in it."),
				 path, strerror(err));
			return NULL;
		}
	}
	perr_set(e, P_IO, _("cannot create a file beside %s: too many left-over temporary files"), path);
	return NULL;
}

void store_remove_files(const char *path)
{
	static const char *const ext[] = {"", "-wal", "-shm", "-journal"};
	for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
		char *p = xasprintf("%s%s", path, ext[i]);
		unlink(p);
		free(p);
	}
}

static void sync_path(const char *path, int dir)
{
	int fd = open(path, (dir ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

void store_sync_dir_of(const char *path)
{
	char *d = xstrdup(path), *slash = strrchr(d, '/');
	if (slash)
		*(slash == d ? slash + 1 : slash) = '\0';
	sync_path(slash ? d : ".", 1);
	free(d);
}

/* Copy every page of src into dst in one step (under WAL a reader never
 * stops writers, so others keep working); waits while dst is locked. */
static int copy_db(struct store *dst, sqlite3 *src, struct perr *e)
{
	sqlite3_backup *b = sqlite3_backup_init(dst->db, "main", src, "main");
	if (!b)
		return store_fail(dst, e, _("copying the database"));
	int rc, tries = 0;
	while ((rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED) {
		if (++tries > 200)
			break;
		sqlite3_sleep(50);
	}
	sqlite3_backup_finish(b);
	if (rc == SQLITE_DONE)
		return 0;
	return store_fail(dst, e, _("copying the database"));
}

static char *integrity(struct store *s, struct perr *e)
{
	sqlite3_stmt *st = stmt_query(s, e, "PRAGMA integrity_check(10)", NULL);
	char *out = NULL;
	int rc;
	while ((rc = stmt_next(s, &st, e, _("checking the database"))) > 0)
		xappendf(&out, "%s%s", out ? "; " : "", (const char *)sqlite3_column_text(st, 0));
	if (rc < 0) {
		free(out);
		return NULL;
	}
	return out ? out : xstrdup("ok");
}

int store_backup(struct store *s, const char *path, struct perr *e)
{
	struct stat stt;
	if (lstat(path, &stt) == 0)
		return perr_set(e, P_REFUSED, _("%s already exists; ptce backup never overwrites a file: choose a new name."), path);
	char *tmp = store_temp_file(path, "backup", 0600, e);
	if (!tmp)
		return -1;
	struct store *dst = NULL;
	int rc = store_open_raw_new(tmp, &dst, e);
	if (rc == 0)
		rc = copy_db(dst, s->db, e);
	/* One self-contained file, whole: no -wal beside it. */
	if (rc == 0)
		rc = store_exec(dst, "PRAGMA journal_mode = DELETE", e);
	char *ok = rc == 0 ? integrity(dst, e) : NULL;
	if (rc == 0 && !ok)
		rc = -1;
	else if (rc == 0 && strcmp(ok, "ok") != 0)
		rc = perr_set(e, P_DB, _("the copy of %s fails its integrity check (%s): the database is damaged; no backup was written. See 'ptce check'."),
			      s->path, ok);
	free(ok);
	store_close(&dst);
	if (rc == 0) {
		sync_path(tmp, 0);
		if (link(tmp, path) < 0)
			rc = perr_set(e, errno == EEXIST ? P_REFUSED : P_IO, _("cannot write %s: %s"), path, strerror(errno));
	}
	store_remove_files(tmp);
	if (rc == 0)
		store_sync_dir_of(path);
	free(tmp);
	return rc;
}

int store_check(struct store *s, const char *head, struct store_health *h, struct perr *e)
{
	*h = (struct store_health){0};
	long long v = 0;
	int yes = 0;
	h->integrity = integrity(s, e);
	if (!h->integrity || stmt_int(s, &v, 0, e, _("reading the schema version"), "PRAGMA user_version", NULL) < 0 ||
	    stmt_exists(s, &yes, e, _("reading the schema"),
			"SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit'", NULL) < 0)
		return -1;
	h->version = (int)v;
	h->has_audit = yes;
	return yes ? audit_verify(s, head, &h->audit, e) : 0;
}

int store_health_ok(const struct store_health *h)
{
	return h->integrity && strcmp(h->integrity, "ok") == 0 && h->audit.n == 0;
}

void store_health_done(struct store_health *h)
{
	free(h->integrity);
	audit_report_done(&h->audit);
	*h = (struct store_health){0};
}

/* Why the checked backup at path cannot be trusted, into e. */
static int judge_backup(struct store *b, const struct store_health *h, struct perr *e)
{
	long long ptce = 0;
	if (stmt_int(b, &ptce, 0, e, _("reading the schema"),
		     "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('dossiers', 'history')",
		     NULL) < 0)
		return -1;
	if (ptce != 2 || h->version < 1)
		return perr_set(e, P_INVALID, _("%s is not a ptce database; nothing was changed."), b->path);
	if (h->version > store_schema_version())
		return perr_set(e, P_INVALID, _("%s was written by a newer ptce (schema version %d; this ptce knows up to %d); nothing was changed."),
				b->path, h->version, store_schema_version());
	if (strcmp(h->integrity, "ok") != 0)
		return perr_set(e, P_INVALID, _("%s fails its integrity check (%s); nothing was changed. Choose another backup."),
				b->path, h->integrity);
	if (h->audit.n > 0) {
		const struct audit_problem *p = &h->audit.p[0];
		return perr_set(e, P_INVALID, P_("the audit record of %s shows %zu change made outside ptce (first: %s %s: %s); nothing was changed. Choose another backup.",
						 "the audit record of %s shows %zu changes made outside ptce (first: %s %s: %s); nothing was changed. Choose another backup.",
						 h->audit.n),
				b->path, h->audit.n, p->table, p->key, p->what);
	}
	return 0;
}

int store_check_backup(const char *path, struct perr *e)
{
	struct store *b = NULL;
	if (store_open_raw(path, 1, &b, e) < 0)
		return -1;
	struct store_health h;
	int rc = store_check(b, NULL, &h, e);
	if (rc < 0)
		perr_set(e, P_INVALID, _("%s cannot be read as a ptce database (%s); nothing was changed. Choose another backup."),
			 path, sqlite3_errmsg(b->db));
	else
		rc = judge_backup(b, &h, e);
	store_health_done(&h);
	store_close(&b);
	return rc;
}

/* When the live file is no database at all: a complete copy renamed over
 * it, its stale -wal and -shm removed first (they belong to the old file). */
static int restore_by_rename(const char *db_path, struct store *src, struct perr *e)
{
	struct stat old;
	int had = stat(db_path, &old) == 0;
	char *tmp = store_temp_file(db_path, "restore", had ? (old.st_mode & 07777) : 0600, e);
	if (!tmp)
		return -1;
	if (had && fchownat(AT_FDCWD, tmp, (uid_t)-1, old.st_gid, 0) == 0)
		chmod(tmp, old.st_mode & 07777);
	struct store *dst = NULL;
	int rc = store_open_raw_new(tmp, &dst, e);
	if (rc == 0)
		rc = copy_db(dst, src->db, e);
	store_close(&dst);
	if (rc == 0) {
		sync_path(tmp, 0);
		char *w = xasprintf("%s-wal", db_path), *m = xasprintf("%s-shm", db_path);
		unlink(w);
		unlink(m);
		free(w);
		free(m);
		if (rename(tmp, db_path) < 0)
			rc = perr_set(e, P_IO, _("cannot replace %s: %s"), db_path, strerror(errno));
		else
			store_sync_dir_of(db_path);
	}
	if (rc < 0)
		store_remove_files(tmp);
	free(tmp);
	return rc;
}

int store_restore(const char *db_path, const char *src_path, struct perr *e)
{
	struct store *src = NULL, *live = NULL;
	if (store_open_raw(src_path, 1, &src, e) < 0)
		return -1;
	struct perr ignored = {0};
	int rc;
	if (store_open_raw(db_path, 0, &live, &ignored) == 0) {
		rc = copy_db(live, src->db, e);
		int broken = live->broken;
		store_close(&live);
		if (rc < 0 && broken)
			rc = restore_by_rename(db_path, src, e);
	} else {
		rc = restore_by_rename(db_path, src, e);
	}
	store_close(&src);
	return rc;
}
