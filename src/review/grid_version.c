/* grid_version.c - storing grid versions and reading them back, parsed once:
 * every review load needs its version's criteria, and the same few grids
 * come back again and again. */
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "procedure/permission.h"
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
	const char *origin = g->origin == GRID_INSTALLED ? "install"
			   : g->origin == GRID_SYSTEM ? "system" : "legacy";
	if (stmt_run(s, e, _("recording the grid version"),
		     "INSERT INTO grid_versions(grid_id, hash, phase, title, version_label,"
		     " source_path, reviews_required, blind, divergence, points_total, content,"
		     " first_used_at, origin) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
		     "ttitnniiddttt", g->id, g->hash, g->phase, g->title, g->version, g->path,
		     g->reviews_required, g->blind, g->divergence, g->points_sum,
		     g->text ? g->text : "", at ? at : now_utc(now), origin) < 0)
		return -1;
	*version_id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

/* The version id of the latest installation of grid_id, 0 when none. */
static int installed_version(struct store *s, const char *grid_id, long long *vid, struct perr *e)
{
	return stmt_int(s, vid, 0, e, _("reading the installed grids"),
			"SELECT version_id FROM grid_installs WHERE grid_id = ? ORDER BY id DESC LIMIT 1",
			"t", grid_id);
}

int grid_install(struct store *s, const struct actor *a, struct checklist *g, const char *at,
		 long long *version_id, struct perr *e)
{
	char now[21];
	long long vid = 0;
	if (permission_check(a, OP_GRID_INSTALL, e) < 0)
		return -1;
	if (!at)
		at = now_utc(now);
	if (store_begin(s, e) < 0)
		return -1;
	enum grid_origin was = g->origin;
	g->origin = GRID_INSTALLED;
	int rc = grid_version_store(s, g, at, &vid, e);
	g->origin = was;
	if (rc == 0)
		rc = stmt_run(s, e, _("recording the grid installation"),
			      "INSERT INTO grid_installs(grid_id, version_id, installed_by, real_installed_by,"
			      " installed_at, source_file) VALUES (?,?,?,?,?,?)", "tItttn",
			      g->id, vid, a->login, *a->real_login ? a->real_login : a->login, at, g->path);
	if (rc < 0 || store_commit(s, e) < 0) {
		store_rollback(s);
		return -1;
	}
	if (version_id)
		*version_id = vid;
	return 0;
}

int grid_current(struct store *s, const char *system_dir, const char *grid_id,
		 struct checklist **g, struct perr *e)
{
	long long vid = 0;
	*g = NULL;
	if (checklist_id_check(grid_id, e) < 0 || installed_version(s, grid_id, &vid, e) < 0)
		return -1;
	if (!vid)
		return checklist_load_named(system_dir, grid_id, g, e);
	if (grid_version_load(s, vid, g, e) < 0)
		return -1;
	(*g)->origin = GRID_INSTALLED;
	return 0;
}

int grid_for_review(struct store *s, const struct checklist *g, const char *at, long long *vid,
		    struct perr *e)
{
	if (installed_version(s, g->id, vid, e) < 0)
		return -1;
	if (*vid)
		return 0;	/* an admin installed this grid: its latest version rules */
	if (g->origin == GRID_FILE)
		return perr_set(e, P_REFUSED, _("grid '%s' was read from %s, which is not an installed grid; reviews are given only on a grid an admin installed (ptce checklist install FILE) or one of the host's grid directory."),
				g->id, g->path);
	return grid_version_store(s, g, at, vid, e);
}

int grid_install_list(struct store *s, int (*fn)(const struct grid_install_row *r, void *arg),
		      void *arg, struct perr *e)
{
	sqlite3_stmt *st = stmt_query(s, e, "SELECT i.grid_id, v.hash, v.points_total, i.installed_by,"
				      " i.real_installed_by, i.installed_at, COALESCE(i.source_file, ''),"
				      " i.id = (SELECT MAX(id) FROM grid_installs x WHERE x.grid_id = i.grid_id)"
				      " FROM grid_installs i JOIN grid_versions v ON v.id = i.version_id"
				      " ORDER BY i.grid_id, i.id", "");
	int rc = st ? 0 : -1, stop = 0;
	while (st && !stop && (rc = stmt_next(s, &st, e, _("reading the installed grids"))) > 0) {
		struct grid_install_row r = {
			.grid_id = (const char *)sqlite3_column_text(st, 0),
			.hash = (const char *)sqlite3_column_text(st, 1),
			.points = sqlite3_column_double(st, 2),
			.by = (const char *)sqlite3_column_text(st, 3),
			.real_by = (const char *)sqlite3_column_text(st, 4),
			.at = (const char *)sqlite3_column_text(st, 5),
			.source = (const char *)sqlite3_column_text(st, 6),
			.current = sqlite3_column_int(st, 7),
		};
		stop = fn(&r, arg);
	}
	stmt_done(&st);
	return rc < 0 ? -1 : 0;
}
