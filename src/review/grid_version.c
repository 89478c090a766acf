/* grid_version.c - storing grid versions and reading them back, parsed once:
 * every review load needs its version's criteria, and the same few grids
 * come back again and again. */
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "review/grid_version.h"
#include "store/stmt.h"

/* Parsed grid versions, by hash. Grids are immutable, so sharing them is
 * safe; the cache holds its own hold on each (checklist_free counts holders). */
#define GRID_CACHE 8
static struct checklist *grid_cache[GRID_CACHE];
static size_t grid_cache_next;

static struct checklist *cache_find(const char *hash, const char *grid_id)
{
	for (size_t i = 0; i < GRID_CACHE; i++)
		if (grid_cache[i] && strcmp(grid_cache[i]->hash, hash) == 0 &&
		    strcmp(grid_cache[i]->id, grid_id) == 0)
			return grid_cache[i];
	return NULL;
}

/* The grid of st's row (hash, grid id, text): from the cache, or parsed
 * and kept there. */
static struct checklist *cache_get(sqlite3_stmt *st, struct perr *e)
{
	const char *hash = (const char *)sqlite3_column_text(st, 0);
	const char *gid = (const char *)sqlite3_column_text(st, 1);
	struct checklist *g = cache_find(hash, gid);
	if (g)
		return g;
	const char *text = (const char *)sqlite3_column_text(st, 2);
	int len = sqlite3_column_bytes(st, 2);
	char *name = xasprintf(_("%s (stored version %s)"), gid, hash);
	int rc = checklist_load_string(name, text ? text : "", (size_t)len, &g, e);
	free(name);
	if (rc < 0)
		return NULL;
	size_t slot = grid_cache_next++ % GRID_CACHE;
	checklist_free(&grid_cache[slot]);
	grid_cache[slot] = g;
	return g;
}

int grid_version_load(struct store *s, long long version_id, struct checklist **out,
		      struct perr *e)
{
	*out = NULL;
	sqlite3_stmt *st = stmt_query(s, e, "SELECT hash, grid_id, content FROM grid_versions WHERE id = ?",
				      "I", version_id);
	int rc = st ? stmt_next(s, &st, e, _("reading a review")) : -1;
	if (rc == 0)
		return perr_set(e, P_NOTFOUND, _("grid version %lld is not in the database"), version_id);
	struct checklist *g = rc < 0 ? NULL : cache_get(st, e);
	stmt_done(&st);
	if (!g)
		return -1;
	g->shared++;
	*out = g;
	return 0;
}

int grid_version_store(struct store *s, const struct checklist *g, const char *at,
		       long long *version_id, struct perr *e)
{
	char now[21];
	long long id;
	if (stmt_int(s, &id, 0, e, _("recording the grid version"),
		     "SELECT id FROM grid_versions WHERE grid_id = ? AND hash = ?", "tt", g->id, g->hash) < 0)
		return -1;
	if (id) {
		*version_id = id;
		return 0;
	}
	if (stmt_run(s, e, _("recording the grid version"),
		     "INSERT INTO grid_versions(grid_id, hash, phase, title, version_label,"
		     " source_path, reviews_required, blind, divergence, points_total, content,"
		     " first_used_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
		     "ttitnniiddtt", g->id, g->hash, g->phase, g->title, g->version, g->path,
		     g->reviews_required, g->blind, g->divergence, g->points_sum,
		     g->text ? g->text : "", at ? at : now_utc(now)) < 0)
		return -1;
	*version_id = sqlite3_last_insert_rowid(s->db);
	return 0;
}
