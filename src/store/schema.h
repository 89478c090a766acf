/* schema.h - the database's schema as a list of forward migrations, each
 * bringing user_version from version-1 to version. A migration is history:
 * once released it never changes; a new need is a new migration. */
#ifndef PTCE_SCHEMA_H
#define PTCE_SCHEMA_H

#include <stddef.h>

#include "base/err.h"
#include "store/store.h"

/* A migration brings user_version from version-1 to version. */
struct migration {
	int version;
	const char *sql;
	int (*apply)(struct store *s, struct perr *e);	/* optional C step after sql */
};

/* store_migrations - every migration, oldest first. */
extern const struct migration store_migrations[];
extern const size_t store_n_migrations;

/* STORE_STATE_POS(col) - a state's place in the procedure's order (the
 * position column of states, as the procedure's table fills it), written
 * so that an index serves it (migration 7); 0 for a state it does not
 * know. workflow/queue_sql.c checks that it agrees with the states table
 * before sorting by it. */
#define STORE_STATE_POS(col) \
	"CASE " col " WHEN 'submitted' THEN 0 WHEN 'phase1' THEN 1 WHEN 'bouquet' THEN 2" \
	" WHEN 'phase2' THEN 3 WHEN 'funded' THEN 4 WHEN 'rejected' THEN 5" \
	" WHEN 'withdrawn' THEN 6 ELSE 0 END"

/* store_fts_pending_sql, store_fts_unindex_sql, store_fts_index_sql - an
 * empty temp.fts_pending(id) to fill with the ids of the dossiers written
 * while fts_hold held the triggers back; their search index rows taken
 * out, and built again, each in one statement (FTS5 flushes its pending
 * terms at every statement, so one statement per dossier writes one
 * segment per dossier). */
extern const char store_fts_pending_sql[];
extern const char store_fts_unindex_sql[];
extern const char store_fts_index_sql[];

#endif
