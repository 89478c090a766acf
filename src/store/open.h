/* open.h - opening (or creating) the database file and bringing its schema
 * to this build's version. */
#ifndef PTCE_OPEN_H
#define PTCE_OPEN_H

#include "base/err.h"
#include "store/store.h"

enum store_mode {
	STORE_EXISTING,	/* refuse a missing file */
	STORE_CREATE	/* create it (and refuse an existing non-empty one) */
};

/* store_open - open (or create) path, migrate forward in one transaction,
 * refuse a file written by a newer ptce. WAL, foreign keys, busy timeout. */
int store_open(const char *path, enum store_mode mode, struct store **out, struct perr *e);
/* What a layer above writes into a new or upgraded file, inside the
 * migrations' transaction (so it is there completely or not at all). */
typedef int (*store_seed_fn)(struct store *s, struct perr *e);
/* store_open_seeded - store_open, running seed after the migrations
 * whenever the file is created or upgraded (never on a plain open). */
int store_open_seeded(const char *path, enum store_mode mode, store_seed_fn seed, struct store **out,
		      struct perr *e);
/* store_open_raw - open an existing file as it is: no migration, no
 * journal change (checking, backing up, restoring). A 0-byte file is
 * refused. */
int store_open_raw(const char *path, int readonly, struct store **out, struct perr *e);
/* store_open_raw_new - store_open_raw for a file the caller has just
 * created (empty) to copy a database into. */
int store_open_raw_new(const char *path, struct store **out, struct perr *e);
/* store_close - close and NULL the caller's pointer. */
void store_close(struct store **s);
/* store_schema_version - the version this build writes. */
int store_schema_version(void);

#endif
