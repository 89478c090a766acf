/* backup.h - copies of the database: made while others work (SQLite's
 * online backup API), checked before they are trusted, put back in one
 * transaction. */
#ifndef PTCE_BACKUP_H
#define PTCE_BACKUP_H

#include <sys/types.h>

#include "base/err.h"
#include "store/audit_verify.h"
#include "store/store.h"

/* What a check found. */
struct store_health {
	char *integrity;		/* "ok" or SQLite's first complaints (fresh) */
	int version;			/* PRAGMA user_version */
	int has_audit;			/* the file has an audit record */
	struct audit_report audit;	/* its verification (when has_audit) */
};

/* store_temp_file - a new empty file beside path (same folder, so that a
 * rename or link to path is atomic), named .NAME.TAG-PID-N and created with
 * mode (less the umask): its name, or NULL with e set. */
char *store_temp_file(const char *path, const char *tag, mode_t mode, struct perr *e);
/* store_remove_files - unlink path and its -wal, -shm and -journal. */
void store_remove_files(const char *path);
/* store_sync_dir_of - fsync the folder holding path (a new name in it). */
void store_sync_dir_of(const char *path);
/* store_backup - copy the open database s into path, a new file (0600,
 * never over an existing one), complete or absent; the copy is checked
 * (integrity_check) before it takes its name. */
int store_backup(struct store *s, const char *path, struct perr *e);
/* store_check - integrity_check and the audit verification of s (head: an
 * earlier head, or NULL) into h. 0 when the checks could run. */
int store_check(struct store *s, const char *head, struct store_health *h, struct perr *e);
/* store_health_ok - true when h found nothing wrong. */
int store_health_ok(const struct store_health *h);
/* store_health_done - free what h holds. */
void store_health_done(struct store_health *h);
/* store_check_backup - open path read-only and refuse it (P_INVALID, the
 * reason said) unless it is a ptce database no newer than this ptce, whole
 * (integrity_check) and with an intact audit record. */
int store_check_backup(const char *path, struct perr *e);
/* store_restore - replace the content of the database at db_path by the
 * checked backup src, in one transaction of the live file (sessions that
 * have it open see the old or the new content, never a mix); a file that
 * SQLite cannot open as a database is replaced by renaming a complete copy
 * over it. */
int store_restore(const char *db_path, const char *src, struct perr *e);

#endif
