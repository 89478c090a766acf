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

#endif
