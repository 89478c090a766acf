/* stmt_cache.c - prepared statements kept by their SQL text, per
 * connection, the least recently given back finalized first when full. */
#include <stdint.h>
#include <string.h>

#include "store/stmt_cache.h"

/* Enough for every statement of one key's work (the queue's page, the
 * dossier beside it and its reviews, notes, opinions, history). */
#define CACHE_SLOTS 96
#define CACHE_DBS 8

struct slot {
	sqlite3_stmt *st;	/* NULL: free */
	uint32_t hash;
	unsigned long long used;	/* when it was given back */
};

struct cache {
	sqlite3 *db;		/* NULL: free */
	struct slot slots[CACHE_SLOTS];
	unsigned long long clock;
};

/* A connection is found from a statement (sqlite3_db_handle) when it is
 * given back: the callers of stmt_done have no store at hand. ptce opens
 * one or two connections at a time (a backup, a restore). */
static struct cache caches[CACHE_DBS];

static uint32_t hash_sql(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static struct cache *cache_of(sqlite3 *db)
{
	for (size_t i = 0; db && i < CACHE_DBS; i++)
		if (caches[i].db == db)
			return &caches[i];
	return NULL;
}

void stmt_cache_attach(sqlite3 *db)
{
	if (cache_of(db))
		return;
	struct cache *c = cache_of(NULL);
	for (size_t i = 0; !c && i < CACHE_DBS; i++)
		if (!caches[i].db)
			c = &caches[i];
	if (!c)
		return;	/* more connections than slots: those prepare each time */
	memset(c, 0, sizeof *c);
	c->db = db;
}

void stmt_cache_detach(sqlite3 *db)
{
	struct cache *c = cache_of(db);
	if (!c)
		return;
	for (size_t i = 0; i < CACHE_SLOTS; i++)
		sqlite3_finalize(c->slots[i].st);
	memset(c, 0, sizeof *c);
}

sqlite3_stmt *stmt_cache_take(sqlite3 *db, const char *sql)
{
	struct cache *c = cache_of(db);
	if (!c)
		return NULL;
	uint32_t h = hash_sql(sql);
	for (size_t i = 0; i < CACHE_SLOTS; i++) {
		struct slot *sl = &c->slots[i];
		if (sl->st && sl->hash == h && strcmp(sqlite3_sql(sl->st), sql) == 0) {
			sqlite3_stmt *st = sl->st;
			sl->st = NULL;
			return st;
		}
	}
	return NULL;
}

void stmt_cache_give(sqlite3_stmt *st)
{
	if (!st)
		return;
	struct cache *c = cache_of(sqlite3_db_handle(st));
	/* A statement whose last step failed is not trusted again. */
	if (!c || sqlite3_reset(st) != SQLITE_OK || !sqlite3_sql(st)) {
		sqlite3_finalize(st);
		return;
	}
	sqlite3_clear_bindings(st);
	struct slot *free_slot = NULL, *oldest = NULL;
	for (size_t i = 0; i < CACHE_SLOTS && !free_slot; i++) {
		struct slot *sl = &c->slots[i];
		if (!sl->st)
			free_slot = sl;
		else if (!oldest || sl->used < oldest->used)
			oldest = sl;
	}
	if (!free_slot) {
		sqlite3_finalize(oldest->st);
		free_slot = oldest;
	}
	free_slot->st = st;
	free_slot->hash = hash_sql(sqlite3_sql(st));
	free_slot->used = ++c->clock;
}
