/* visibility.c - who sees which review: per grid (blind or not) and per
 * person (roles, conflicts, own review submitted). */
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "review/conflict.h"
#include "review/visibility.h"
#include "store/stmt.h"

/* An instructeur on a blind grid: VIS_SUBMITTED once their own review of
 * grid_id is submitted, VIS_OWN before. */
static int blind_visibility(struct store *s, const struct actor *a, long long dossier_id,
			    const char *grid_id, enum review_visibility *vis, char **why,
			    struct perr *e)
{
	int own;
	if (stmt_exists(s, &own, e, _("reading reviews"),
			"SELECT 1 FROM reviews WHERE dossier_id = ? AND reviewer = ?"
			" AND grid_id = ? AND status = 'submitted'", "Itt", dossier_id, a->login, grid_id) < 0)
		return -1;
	*vis = own ? VIS_SUBMITTED : VIS_OWN;
	if (!own && why)
		*why = xasprintf(_("grid '%s' is blind: the other reviews appear once you have submitted yours"), grid_id);
	return 0;
}

/* The visibility of others' reviews on one grid, ignoring drafts. */
static int grid_visibility(struct store *s, const struct actor *a, long long dossier_id,
			   const char *grid_id, int blind, enum review_visibility *vis,
			   char **why, struct perr *e)
{
	int c;
	if (why)
		*why = NULL;
	if (conflict_check(s, dossier_id, a->login, &c, e) < 0)
		return -1;
	if (c) {
		*vis = VIS_NONE;
		if (why)
			*why = xstrdup(_("you are in conflict of interest on this dossier: its reviews are hidden from you"));
		return 0;
	}
	if (actor_has(a, ROLE_COORDINATEUR)) {
		*vis = VIS_ALL;
		return 0;
	}
	if (actor_has(a, ROLE_INSTRUCTEUR) && blind)
		return blind_visibility(s, a, dossier_id, grid_id, vis, why, e);
	if (actor_has(a, ROLE_INSTRUCTEUR | ROLE_LECTEUR)) {
		*vis = VIS_SUBMITTED;
		return 0;
	}
	*vis = VIS_NONE;
	if (why)
		*why = xstrdup(actor_has(a, ROLE_EXPERT)
			       ? _("experts give their own opinion (avis) and do not see the reviews")
			       : _("your roles do not give access to reviews"));
	return 0;
}

enum figures_reader visibility_figures_reader(const struct actor *a)
{
	/* grid_visibility's order: a conflict hides all; a coordinateur or a
	 * lecteur sees submitted reviews; an instructeur too, unless the phase's
	 * grid is blind and their own review of it is not submitted. */
	if (!a || actor_has(a, ROLE_COORDINATEUR | ROLE_LECTEUR))
		return FR_ALL;
	return actor_has(a, ROLE_INSTRUCTEUR) ? FR_UNBLIND : FR_NONE;
}

char *visibility_figures_sql(const struct actor *a, const char *d, const char *p)
{
	enum figures_reader r = visibility_figures_reader(a);
	int all = r == FR_ALL;
	int instr = r == FR_UNBLIND;
	char *who = sqlite3_mprintf("%Q", a ? a->login : "");
	char *sql = xasprintf(
		"(NOT EXISTS (SELECT 1 FROM conflicts vc WHERE vc.dossier_id = %s AND vc.reviewer = %s)"
		" AND (%d OR (%d AND (NOT EXISTS (SELECT 1 FROM reviews vb JOIN grid_versions vg"
		"   ON vg.id = vb.grid_version_id WHERE vb.dossier_id = %s AND vg.blind = 1 AND vb.phase = %s)"
		" OR EXISTS (SELECT 1 FROM reviews vo WHERE vo.dossier_id = %s AND vo.reviewer = %s"
		"   AND vo.status = 'submitted' AND vo.phase = %s)))))",
		d, who, all, instr, d, p, d, who, p);
	sqlite3_free(who);
	return sql;
}

int review_visibility(struct store *s, const struct actor *a, long long dossier_id,
		      const char *grid_id, enum review_visibility *vis, char **why,
		      struct perr *e)
{
	/* The grids reviewed on this dossier, each with its blindness. */
	sqlite3_stmt *st = stmt_query(s, e, "SELECT r.grid_id, MAX(g.blind) FROM reviews r"
				      " JOIN grid_versions g ON g.id = r.grid_version_id"
				      " WHERE r.dossier_id = ?1 AND (?2 IS NULL OR r.grid_id = ?2)"
				      " GROUP BY r.grid_id ORDER BY MAX(r.phase) DESC", "In", dossier_id, grid_id);
	if (!st)
		return -1;
	enum review_visibility best = VIS_ALL;
	int any = 0;
	if (why)
		*why = NULL;
	while (sqlite3_step(st) == SQLITE_ROW) {
		char *gid = col_text(st, 0);
		enum review_visibility v;
		char *w = NULL;
		int rc = grid_visibility(s, a, dossier_id, gid, sqlite3_column_int(st, 1), &v,
					 why ? &w : NULL, e);
		free(gid);
		if (rc < 0) {
			stmt_done(&st);
			return -1;
		}
		any = 1;
		/* The most restrictive grid wins, with its reason. */
		if (why && w && (v > best || (v == best && !*why))) {
			free(*why);
			*why = w;
			w = NULL;
		}
		if (v > best)
			best = v;
		free(w);
	}
	stmt_done(&st);
	if (!any)
		return grid_visibility(s, a, dossier_id, grid_id ? grid_id : "", 0, vis, why, e);
	*vis = best;
	return 0;
}

/* May a see r, someone else's review? *hidden counts submitted ones it may not. */
static int may_see(struct store *s, const struct actor *a, const struct review *r,
		   int *show, int *hidden, struct perr *e)
{
	long long blind;
	enum review_visibility v;
	if (stmt_int(s, &blind, 1, e, _("reading reviews"), "SELECT blind FROM grid_versions WHERE id = ?",
		     "I", r->grid_version_id) < 0 ||
	    grid_visibility(s, a, r->dossier_id, r->grid_id, (int)blind, &v, NULL, e) < 0)
		return -1;
	*show = v == VIS_ALL || (v == VIS_SUBMITTED && r->submitted);
	if (!*show && r->submitted && hidden)
		(*hidden)++;
	return 0;
}

static int cmp_reviews(const void *x, const void *y)
{
	const struct review *a = *(struct review *const *)x, *b = *(struct review *const *)y;
	if (a->phase != b->phase)
		return a->phase - b->phase;
	return strcmp(a->reviewer, b->reviewer);
}

/* Own first (NULL: none), then the others by phase and reviewer. */
static void sort_own_first(struct review **v, size_t n, const struct review *own)
{
	qsort(v, n, sizeof *v, cmp_reviews);
	for (size_t i = 0; own && i < n; i++)
		if (v[i] == own) {
			memmove(v + 1, v, i * sizeof *v);
			v[0] = (struct review *)own;
			break;
		}
}

int review_list_visible(struct store *s, const struct actor *a, long long dossier_id,
			const char *grid_id, struct review ***out, size_t *n,
			int *hidden, struct perr *e)
{
	*out = NULL;
	*n = 0;
	if (hidden)
		*hidden = 0;
	struct review **all = NULL;
	size_t na = 0, nv = 0;
	if (review_read_all(s, review_query(s, e, "WHERE r.dossier_id = ?1 AND (?2 IS NULL OR r.grid_id = ?2) ORDER BY r.id",
					    "In", dossier_id, grid_id), 0, &all, &na, e) < 0)
		return -1;
	struct review **vis = xcalloc(na ? na : 1, sizeof *vis);
	const struct review *own = NULL;
	for (size_t i = 0; i < na; i++) {
		int mine = strcmp(all[i]->reviewer, a->login) == 0, show = mine;
		if (!mine && may_see(s, a, all[i], &show, hidden, e) < 0)
			goto fail;
		if (!show) {
			review_free(&all[i]);
			continue;
		}
		if (review_load_answers(s, all[i], e) < 0)
			goto fail;
		if (mine && !own)
			own = all[i];
		vis[nv++] = all[i];
		all[i] = NULL;
	}
	free(all);
	sort_own_first(vis, nv, own);
	*out = vis;
	*n = nv;
	return 0;
fail:
	review_list_free(&all, na);
	review_list_free(&vis, nv);
	return -1;
}
