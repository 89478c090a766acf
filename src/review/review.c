/* review.c - reviews saved answer by answer, submit and reopen, conflicts of
 * interest, who sees which review, expert opinions, and the $EDITOR form. */
#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "procedure/dossier.h"
#include "procedure/procedure.h"
#include "review/review.h"

const char *review_status_name(enum review_status s)
{
	switch (s) {
	case RS_NONE: return "none";
	case RS_DRAFT: return "draft";
	case RS_SUBMITTED: return "submitted";
	case RS_CONFLICT: return "conflict";
	}
	return "?";
}

static void answer_clear(struct answer *a)
{
	free(a->criterion); free(a->value); free(a->comment);
	free(a->updated_at); free(a->updated_by);
}

void review_free(struct review **rp)
{
	if (!rp || !*rp)
		return;
	struct review *r = *rp;
	for (size_t i = 0; i < r->n_answers; i++)
		answer_clear(&r->answers[i]);
	free(r->answers);
	free(r->ds_number); free(r->reviewer); free(r->reviewer_name); free(r->grid_id);
	free(r->grid_hash); free(r->created_at); free(r->updated_at); free(r->updated_by);
	free(r->submitted_at); free(r->eliminated_by); free(r->band);
	free(r);
	*rp = NULL;
}

void review_list_free(struct review ***list, size_t n)
{
	if (!list || !*list)
		return;
	for (size_t i = 0; i < n; i++)
		review_free(&(*list)[i]);
	free(*list);
	*list = NULL;
}

const struct answer *review_answer(const struct review *r, const char *criterion)
{
	for (size_t i = 0; i < r->n_answers; i++)
		if (strcmp(r->answers[i].criterion, criterion) == 0)
			return &r->answers[i];
	return NULL;
}

void review_strv_free(char ***v)
{
	if (!v || !*v)
		return;
	for (size_t i = 0; (*v)[i]; i++)
		free((*v)[i]);
	free(*v);
	*v = NULL;
}

void review_compute(const struct checklist *g, const struct review *r,
		    struct review_score *out)
{
	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < g->n_crit; i++) {
		const struct criterion *c = &g->crit[i];
		const struct answer *a = review_answer(r, c->id);
		if (!a || !a->value || c->type != CRIT_SCALE)
			continue;
		double p = criterion_points(c, a->value);
		out->total += p;
		if (c->eliminate_below >= 0 && p + 1e-9 < c->eliminate_below && !out->eliminated) {
			out->eliminated = 1;
			out->eliminated_by = c->id;
		}
	}
	out->band = g->n_bands ? checklist_band(g, out->total) : NULL;
}

/* ---- grid versions ---------------------------------------------------- */

/* Parsed grid versions, by hash: the same few grids are read again and again
 * (every review load needs its version's order of criteria). Grids are
 * immutable, so sharing them is safe; they live until exit. */
#define GRID_CACHE 8
static struct checklist *grid_cache[GRID_CACHE];
static size_t grid_cache_next;

static const struct checklist *cache_find(const char *hash, const char *grid_id)
{
	for (size_t i = 0; i < GRID_CACHE; i++)
		if (grid_cache[i] && strcmp(grid_cache[i]->hash, hash) == 0 &&
		    strcmp(grid_cache[i]->id, grid_id) == 0)
			return grid_cache[i];
	return NULL;
}

/* Load (from cache or stored text) the grid of a version; not owned. */
static const struct checklist *version_grid(struct store *s, long long version_id, struct perr *e)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT hash, grid_id, content, source_path FROM grid_versions WHERE id = ?", e);
	if (!st)
		return NULL;
	sqlite3_bind_int64(st, 1, version_id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		perr_set(e, P_NOTFOUND, _("grid version %lld is not in the database"), version_id);
		return NULL;
	}
	const char *hash = (const char *)sqlite3_column_text(st, 0);
	const char *gid = (const char *)sqlite3_column_text(st, 1);
	const struct checklist *g = cache_find(hash, gid);
	if (g) {
		sqlite3_finalize(st);
		return g;
	}
	const char *text = (const char *)sqlite3_column_text(st, 2);
	int len = sqlite3_column_bytes(st, 2);
	char *name = xasprintf(_("%s (stored version %s)"), gid, hash);
	struct checklist *ng = NULL;
	int rc = checklist_load_string(name, text ? text : "", (size_t)len, &ng, e);
	free(name);
	sqlite3_finalize(st);
	if (rc < 0)
		return NULL;
	size_t slot = grid_cache_next++ % GRID_CACHE;
	checklist_free(&grid_cache[slot]);
	grid_cache[slot] = ng;
	return ng;
}

int grid_version_store(struct store *s, const struct checklist *g, const char *at,
		       long long *version_id, struct perr *e)
{
	char now[21];
	sqlite3_stmt *st = store_prepare(s, "SELECT id FROM grid_versions WHERE grid_id = ? AND hash = ?", e);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, g->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, g->hash, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*version_id = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
		return 0;
	}
	sqlite3_finalize(st);
	st = store_prepare(s, "INSERT INTO grid_versions(grid_id, hash, phase, title, version_label,"
			   " source_path, reviews_required, blind, divergence, points_total, content,"
			   " first_used_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", e);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, g->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, g->hash, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 3, g->phase);
	sqlite3_bind_text(st, 4, g->title, -1, SQLITE_TRANSIENT);
	bind_text_or_null(st, 5, g->version);
	bind_text_or_null(st, 6, g->path);
	sqlite3_bind_int(st, 7, g->reviews_required);
	sqlite3_bind_int(st, 8, g->blind);
	sqlite3_bind_double(st, 9, g->divergence);
	sqlite3_bind_double(st, 10, g->points_sum);
	sqlite3_bind_text(st, 11, g->text ? g->text : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 12, at ? at : now_utc(now), -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, e, _("recording the grid version"));
	*version_id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

int grid_version_load(struct store *s, long long version_id, struct checklist **out,
		      struct perr *e)
{
	*out = NULL;
	const struct checklist *g = version_grid(s, version_id, e);
	if (!g)
		return -1;
	return checklist_load_string(g->path, g->text, strlen(g->text), out, e);
}

/* ---- loading ---------------------------------------------------------- */

static const char review_cols[] =
	"SELECT r.id, r.dossier_id, d.ds_number, r.reviewer, COALESCE(p.display_name, r.reviewer),"
	" r.grid_id, r.grid_version_id, g.hash, r.phase, r.status = 'submitted', r.revision,"
	" r.created_at, r.updated_at, r.updated_by, r.submitted_at, r.total, r.band, r.eliminated_by"
	" FROM reviews r JOIN dossiers d ON d.id = r.dossier_id"
	" JOIN grid_versions g ON g.id = r.grid_version_id"
	" LEFT JOIN reviewers p ON p.login = r.reviewer ";

static struct review *review_from_row(sqlite3_stmt *st)
{
	struct review *r = xcalloc(1, sizeof *r);
	r->id = sqlite3_column_int64(st, 0);
	r->dossier_id = sqlite3_column_int64(st, 1);
	r->ds_number = col_text(st, 2);
	r->reviewer = col_text(st, 3);
	r->reviewer_name = col_text(st, 4);
	r->grid_id = col_text(st, 5);
	r->grid_version_id = sqlite3_column_int64(st, 6);
	r->grid_hash = col_text(st, 7);
	r->phase = sqlite3_column_int(st, 8);
	r->submitted = sqlite3_column_int(st, 9);
	r->revision = sqlite3_column_int64(st, 10);
	r->created_at = col_text(st, 11);
	r->updated_at = col_text(st, 12);
	r->updated_by = col_text(st, 13);
	r->submitted_at = col_text_or_null(st, 14);
	r->total = sqlite3_column_double(st, 15);
	r->band = col_text_or_null(st, 16);
	r->eliminated_by = col_text_or_null(st, 17);
	r->eliminated = r->eliminated_by != NULL;
	return r;
}

/* Fill r->answers: one per criterion of its grid version, in grid order. */
static int load_answers(struct store *s, struct review *r, struct perr *e)
{
	const struct checklist *g = version_grid(s, r->grid_version_id, e);
	if (!g)
		return -1;
	r->answers = xcalloc(g->n_crit ? g->n_crit : 1, sizeof *r->answers);
	r->n_answers = g->n_crit;
	for (size_t i = 0; i < g->n_crit; i++)
		r->answers[i].criterion = xstrdup(g->crit[i].id);
	sqlite3_stmt *st = store_prepare(s, "SELECT criterion, value, comment, points, updated_at, updated_by"
					 " FROM review_answers WHERE review_id = ?", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, r->id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *c = (const char *)sqlite3_column_text(st, 0);
		int i = -1;
		for (size_t j = 0; j < g->n_crit; j++)
			if (strcmp(g->crit[j].id, c) == 0)
				i = (int)j;
		if (i < 0)
			continue;	/* cannot happen: answers are checked against the same version */
		struct answer *a = &r->answers[i];
		a->value = col_text_or_null(st, 1);
		a->comment = col_text_or_null(st, 2);
		a->points = sqlite3_column_double(st, 3);
		a->updated_at = col_text_or_null(st, 4);
		a->updated_by = col_text_or_null(st, 5);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, e, _("reading a review"));
	return 0;
}

static int load_where(struct store *s, const char *where, long long id, const char *t1,
		      const char *t2, struct review **out, struct perr *e)
{
	char *sql = xasprintf("%s%s", review_cols, where);
	sqlite3_stmt *st = store_prepare(s, sql, e);
	free(sql);
	*out = NULL;
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (t1)
		sqlite3_bind_text(st, 2, t1, -1, SQLITE_TRANSIENT);
	if (t2)
		sqlite3_bind_text(st, 3, t2, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		sqlite3_finalize(st);
		return 0;
	}
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return store_fail(s, e, _("reading a review"));
	}
	struct review *r = review_from_row(st);
	sqlite3_finalize(st);
	if (load_answers(s, r, e) < 0) {
		review_free(&r);
		return -1;
	}
	*out = r;
	return 0;
}

int review_find(struct store *s, long long dossier_id, const char *reviewer,
		const char *grid_id, struct review **out, struct perr *e)
{
	return load_where(s, "WHERE r.dossier_id = ?1 AND r.reviewer = ?2 AND r.grid_id = ?3",
			  dossier_id, reviewer, grid_id, out, e);
}

int review_load(struct store *s, long long review_id, struct review **out, struct perr *e)
{
	if (load_where(s, "WHERE r.id = ?1", review_id, NULL, NULL, out, e) < 0)
		return -1;
	if (!*out)
		return perr_set(e, P_NOTFOUND, _("no review number %lld"), review_id);
	return 0;
}

/* ---- checks shared by every write -------------------------------------- */

struct dossier_brief {
	char *state, *ds_number, *ptce_name;
};

static void brief_clear(struct dossier_brief *b)
{
	free(b->state); free(b->ds_number); free(b->ptce_name);
}

static int dossier_brief(struct store *s, long long id, struct dossier_brief *b, struct perr *e)
{
	memset(b, 0, sizeof *b);
	sqlite3_stmt *st = store_prepare(s, "SELECT state, ds_number, ptce_name FROM dossiers WHERE id = ?", e);
	if (!st)
		return -1;
	if (dossier_step_row(s, st, id, e) < 0)
		return -1;
	b->state = col_text(st, 0);
	b->ds_number = col_text(st, 1);
	b->ptce_name = col_text(st, 2);
	sqlite3_finalize(st);
	return 0;
}

/* The states in which a grid of this phase is written. */
static int state_in_phase(const char *state, int phase)
{
	if (phase == 1)
		return strcmp(state, "submitted") == 0 || strcmp(state, "phase1") == 0;
	return strcmp(state, "phase2") == 0;
}

static const char *phase_states_text(int phase)
{
	return phase == 1 ? "submitted, phase1" : "phase2";
}

static int check_state(const struct dossier_brief *b, const char *grid_id, int phase,
		       struct perr *e)
{
	if (state_in_phase(b->state, phase))
		return 0;
	return perr_set(e, P_REFUSED, _("dossier %s is in state '%s'; grid '%s' (phase %d) is written only while a dossier is in state %s."),
			b->ds_number, state_label(b->state), grid_id, phase, phase_states_text(phase));
}

int conflict_check(struct store *s, long long dossier_id, const char *login, int *yes,
		   struct perr *e)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT 1 FROM conflicts WHERE dossier_id = ? AND reviewer = ?", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, dossier_id);
	sqlite3_bind_text(st, 2, login, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, e, _("reading conflicts of interest"));
	*yes = rc == SQLITE_ROW;
	return 0;
}

static int check_may_score(struct store *s, const struct actor *a, long long dossier_id,
			   const struct dossier_brief *b, struct perr *e)
{
	if (!actor_has(a, ROLE_INSTRUCTEUR | ROLE_COORDINATEUR)) {
		char roles[128];
		return perr_set(e, P_REFUSED, _("scoring a dossier is for instructeurs and coordinateurs; you are %s (%s)."),
				a->login, a->roles ? roles_format(a->roles, roles, sizeof roles) : _("no role"));
	}
	int c;
	if (conflict_check(s, dossier_id, a->login, &c, e) < 0)
		return -1;
	if (c)
		return perr_set(e, P_REFUSED, _("you declared a conflict of interest on dossier %s (or a coordinateur did for you); you may not review it."),
				b->ds_number);
	return 0;
}

/* The row of a review as writes need it, read inside the transaction. */
struct review_core {
	long long id, dossier_id, version_id, revision;
	char *reviewer, *grid_id, *status;
	int phase;
};

static void core_clear(struct review_core *c)
{
	free(c->reviewer); free(c->grid_id); free(c->status);
}

static int core_load(struct store *s, long long review_id, struct review_core *c, struct perr *e)
{
	memset(c, 0, sizeof *c);
	sqlite3_stmt *st = store_prepare(s, "SELECT dossier_id, grid_version_id, revision, reviewer,"
					 " grid_id, status, phase FROM reviews WHERE id = ?", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, review_id);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		if (rc == SQLITE_DONE)
			return perr_set(e, P_NOTFOUND, _("no review number %lld"), review_id);
		return store_fail(s, e, _("reading a review"));
	}
	c->id = review_id;
	c->dossier_id = sqlite3_column_int64(st, 0);
	c->version_id = sqlite3_column_int64(st, 1);
	c->revision = sqlite3_column_int64(st, 2);
	c->reviewer = col_text(st, 3);
	c->grid_id = col_text(st, 4);
	c->status = col_text(st, 5);
	c->phase = sqlite3_column_int(st, 6);
	sqlite3_finalize(st);
	return 0;
}

/* Refuse when the review moved since the caller saw it, naming the change. */
static int check_revision(struct store *s, const struct review_core *c, long long expect,
			  const char *ds_number, struct perr *e)
{
	if (!expect || expect == c->revision)
		return 0;
	sqlite3_stmt *st = store_prepare(s, "SELECT at, actor, what, criterion, old_value, new_value"
					 " FROM review_changes WHERE review_id = ? ORDER BY id DESC LIMIT 1", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, c->id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		char *at = col_text(st, 0), *who = col_text(st, 1), *what = col_text(st, 2);
		char *crit = col_text(st, 3), *old = col_text(st, 4), *nv = col_text(st, 5);
		char *cold = text_clean(old, 0), *cnew = text_clean(nv, 0);
		if (strlen(cold) > 40) strcpy(cold + 37, "...");
		if (strlen(cnew) > 40) strcpy(cnew + 37, "...");
		char change[256];
		if (*crit)
			snprintf(change, sizeof change, "%s %s: '%s' -> '%s'", what, crit, cold, cnew);
		else
			snprintf(change, sizeof change, "%s", what);
		perr_set(e, P_CONFLICT, _("the review of dossier %s by %s changed since you opened it (revision %lld, now %lld): last change by %s at %s (%s). Nothing was saved; reload the review and enter your change again."),
			 ds_number, c->reviewer, expect, c->revision, who, at, change);
		free(at); free(who); free(what); free(crit); free(old); free(nv); free(cold); free(cnew);
	} else {
		perr_set(e, P_CONFLICT, _("the review of dossier %s by %s changed since you opened it (revision %lld, now %lld). Nothing was saved; reload the review."),
			 ds_number, c->reviewer, expect, c->revision);
	}
	sqlite3_finalize(st);
	return -1;
}

static int log_change(struct store *s, const struct actor *a, long long review_id, const char *at,
		      const char *what, const char *crit, const char *old, const char *nv,
		      struct perr *e)
{
	sqlite3_stmt *st = store_prepare(s, "INSERT INTO review_changes(review_id, at, actor, real_actor,"
					 " what, criterion, old_value, new_value) VALUES (?,?,?,?,?,?,?,?)", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, review_id);
	sqlite3_bind_text(st, 2, at, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, a->login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, *a->real_login ? a->real_login : a->login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, what, -1, SQLITE_TRANSIENT);
	bind_text_or_null(st, 6, crit);
	bind_text_or_null(st, 7, old);
	bind_text_or_null(st, 8, nv);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, e, _("recording a review change"));
	return 0;
}

/* Recompute the stored total, band and elimination of a review and bump its
 * revision (every write ends here). */
static int refresh(struct store *s, const struct actor *a, long long review_id, const char *at,
		   struct perr *e)
{
	struct review *r = NULL;
	if (review_load(s, review_id, &r, e) < 0)
		return -1;
	const struct checklist *g = version_grid(s, r->grid_version_id, e);
	if (!g) {
		review_free(&r);
		return -1;
	}
	struct review_score sc;
	review_compute(g, r, &sc);
	review_free(&r);
	sqlite3_stmt *st = store_prepare(s, "UPDATE reviews SET total = ?, band = ?, eliminated_by = ?,"
					 " revision = revision + 1, updated_at = ?, updated_by = ? WHERE id = ?", e);
	if (!st)
		return -1;
	sqlite3_bind_double(st, 1, sc.total);
	bind_text_or_null(st, 2, sc.band ? sc.band->id : NULL);
	bind_text_or_null(st, 3, sc.eliminated ? sc.eliminated_by : NULL);
	sqlite3_bind_text(st, 4, at, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, a->login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 6, review_id);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, e, _("saving the review"));
	return 0;
}

static long long current_revision(struct store *s, long long review_id)
{
	sqlite3_stmt *st = NULL;
	long long v = 0;
	if (sqlite3_prepare_v2(s->db, "SELECT revision FROM reviews WHERE id = ?", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, review_id);
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	return v;
}

/* Checks before changing a review's answers, inside the transaction. */
static int begin_change(struct store *s, const struct actor *a, struct review_core *c,
			long long expect, int allow_submitted, struct dossier_brief *b,
			struct perr *e)
{
	if (dossier_brief(s, c->dossier_id, b, e) < 0)
		return -1;
	if (strcmp(c->reviewer, a->login) != 0)
		return perr_set(e, P_REFUSED, _("this review of dossier %s belongs to %s; only its author may change it."),
				b->ds_number, c->reviewer);
	if (check_revision(s, c, expect, b->ds_number, e) < 0)
		return -1;
	if (check_may_score(s, a, c->dossier_id, b, e) < 0)
		return -1;
	if (check_state(b, c->grid_id, c->phase, e) < 0)
		return -1;
	if (!allow_submitted && strcmp(c->status, "submitted") == 0)
		return perr_set(e, P_REFUSED, _("your review of dossier %s on grid '%s' is submitted; reopen it first (ptce score %s --grid %s --reopen)."),
				b->ds_number, c->grid_id, b->ds_number, c->grid_id);
	return 0;
}

/* Set one value or comment; *changed tells whether anything moved. */
static int set_one(struct store *s, const struct actor *a, const struct review_core *c,
		   const char *criterion, const char *input, int is_comment, const char *at,
		   int *changed, struct perr *e)
{
	*changed = 0;
	const struct checklist *g = version_grid(s, c->version_id, e);
	if (!g)
		return -1;
	const struct criterion *cr = checklist_find(g, criterion);
	if (!cr) {
		perr_set(e, P_INVALID, _("grid '%s' has no criterion '%s'; its criteria are:"), g->id, criterion);
		for (size_t i = 0; i < g->n_crit; i++)
			perr_append(e, " %s%s", g->crit[i].id, i + 1 < g->n_crit ? "," : ".");
		return -1;
	}
	char *nv = NULL;
	if (is_comment) {
		if (input && *input)
			nv = text_clean(input, TEXT_KEEP_NEWLINES);
	} else if (criterion_normalize(cr, input, &nv, e) < 0) {
		return -1;
	}
	if (nv && !*nv) {
		free(nv);
		nv = NULL;
	}
	sqlite3_stmt *st = store_prepare(s, is_comment
		? "SELECT comment FROM review_answers WHERE review_id = ? AND criterion = ?"
		: "SELECT value FROM review_answers WHERE review_id = ? AND criterion = ?", e);
	if (!st) {
		free(nv);
		return -1;
	}
	sqlite3_bind_int64(st, 1, c->id);
	sqlite3_bind_text(st, 2, cr->id, -1, SQLITE_TRANSIENT);
	char *old = sqlite3_step(st) == SQLITE_ROW ? col_text_or_null(st, 0) : NULL;
	sqlite3_finalize(st);
	if ((!old && !nv) || (old && nv && strcmp(old, nv) == 0)) {
		free(old);
		free(nv);
		return 0;
	}
	st = store_prepare(s, is_comment
		? "INSERT INTO review_answers(review_id, criterion, kind, blocking, comment, points, updated_at, updated_by)"
		  " VALUES (?1, ?2, ?3, ?4, ?5, 0, ?6, ?7) ON CONFLICT(review_id, criterion) DO UPDATE SET"
		  " comment = excluded.comment, updated_at = excluded.updated_at, updated_by = excluded.updated_by"
		: "INSERT INTO review_answers(review_id, criterion, kind, blocking, value, points, updated_at, updated_by)"
		  " VALUES (?1, ?2, ?3, ?4, ?5, ?8, ?6, ?7) ON CONFLICT(review_id, criterion) DO UPDATE SET"
		  " value = excluded.value, points = excluded.points, updated_at = excluded.updated_at,"
		  " updated_by = excluded.updated_by", e);
	if (!st) {
		free(old);
		free(nv);
		return -1;
	}
	sqlite3_bind_int64(st, 1, c->id);
	sqlite3_bind_text(st, 2, cr->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, crit_type_name(cr->type), -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, cr->blocking);
	bind_text_or_null(st, 5, nv);
	sqlite3_bind_text(st, 6, at, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 7, a->login, -1, SQLITE_TRANSIENT);
	if (!is_comment)
		sqlite3_bind_double(st, 8, criterion_points(cr, nv));
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(old);
		free(nv);
		return store_fail(s, e, _("saving an answer"));
	}
	rc = log_change(s, a, c->id, at, is_comment ? "comment" : "answer", cr->id, old, nv, e);
	free(old);
	free(nv);
	if (rc < 0)
		return -1;
	*changed = 1;
	return 0;
}

/* Create a's review of dossier on g (inside a transaction); *id gets it. */
static int create_review(struct store *s, const struct actor *a, long long dossier_id,
			 const struct checklist *g, const char *at, long long *id, struct perr *e)
{
	long long vid;
	if (grid_version_store(s, g, at, &vid, e) < 0)
		return -1;
	sqlite3_stmt *st = store_prepare(s, "INSERT INTO reviews(dossier_id, reviewer, grid_id, grid_version_id,"
					 " phase, created_at, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?)", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, dossier_id);
	sqlite3_bind_text(st, 2, a->login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, g->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 4, vid);
	sqlite3_bind_int(st, 5, g->phase);
	sqlite3_bind_text(st, 6, at, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 7, at, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 8, a->login, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, e, _("creating the review"));
	*id = sqlite3_last_insert_rowid(s->db);
	return log_change(s, a, *id, at, "create", NULL, NULL, g->hash, e);
}

/* Find or create (inside a transaction) a's review; checks roles, conflict
 * and state for a new one. */
static int find_or_create(struct store *s, const struct actor *a, long long dossier_id,
			  const struct checklist *g, const char *at, long long *id, struct perr *e)
{
	struct dossier_brief b;
	if (dossier_brief(s, dossier_id, &b, e) < 0)
		return -1;
	int rc = -1;
	if (check_may_score(s, a, dossier_id, &b, e) < 0)
		goto out;
	sqlite3_stmt *st = store_prepare(s, "SELECT id FROM reviews WHERE dossier_id = ? AND reviewer = ? AND grid_id = ?", e);
	if (!st)
		goto out;
	sqlite3_bind_int64(st, 1, dossier_id);
	sqlite3_bind_text(st, 2, a->login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, g->id, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
		rc = 0;
		goto out;
	}
	sqlite3_finalize(st);
	if (check_state(&b, g->id, g->phase, e) < 0)
		goto out;
	rc = create_review(s, a, dossier_id, g, at, id, e);
out:
	brief_clear(&b);
	return rc;
}

int review_open(struct store *s, const struct actor *a, long long dossier_id,
		const struct checklist *g, const char *at, struct review **out,
		struct perr *e)
{
	char now[21];
	*out = NULL;
	if (!at)
		at = now_utc(now);
	if (review_find(s, dossier_id, a->login, g->id, out, e) < 0)
		return -1;
	if (*out)
		return 0;
	long long id;
	if (store_begin(s, e) < 0)
		return -1;
	if (find_or_create(s, a, dossier_id, g, at, &id, e) < 0 || store_commit(s, e) < 0) {
		store_rollback(s);
		return -1;
	}
	return review_load(s, id, out, e);
}

static int set_public(struct store *s, const struct actor *a, long long review_id,
		      const char *criterion, const char *value, int is_comment, const char *at,
		      long long *revision, struct perr *e)
{
	char now[21];
	struct review_core c;
	struct dossier_brief b = {0};
	int changed = 0;
	if (!at)
		at = now_utc(now);
	if (store_begin(s, e) < 0)
		return -1;
	if (core_load(s, review_id, &c, e) < 0)
		goto fail0;
	if (begin_change(s, a, &c, revision ? *revision : 0, 0, &b, e) < 0 ||
	    set_one(s, a, &c, criterion, value, is_comment, at, &changed, e) < 0 ||
	    (changed && refresh(s, a, review_id, at, e) < 0))
		goto fail;
	/* Read inside the transaction: after the commit another session could
	 * already have moved it, and we would hand out its revision as ours. */
	long long rv = current_revision(s, review_id);
	if (store_commit(s, e) < 0)
		goto fail;
	core_clear(&c);
	brief_clear(&b);
	if (revision)
		*revision = rv;
	return 0;
fail:
	core_clear(&c);
	brief_clear(&b);
fail0:
	store_rollback(s);
	return -1;
}

int review_set_answer(struct store *s, const struct actor *a, long long review_id,
		      const char *criterion, const char *value, const char *at,
		      long long *revision, struct perr *e)
{
	return set_public(s, a, review_id, criterion, value, 0, at, revision, e);
}

int review_set_comment(struct store *s, const struct actor *a, long long review_id,
		       const char *criterion, const char *comment, const char *at,
		       long long *revision, struct perr *e)
{
	return set_public(s, a, review_id, criterion, comment, 1, at, revision, e);
}

/* ---- submit and reopen -------------------------------------------------- */

static char **strv_push(char **v, size_t *n, char *s)
{
	v = xrealloc(v, (*n + 2) * sizeof *v);
	v[(*n)++] = s;
	v[*n] = NULL;
	return v;
}

char **review_missing(const struct checklist *g, const struct review *r)
{
	size_t n = 0;
	char **v = xcalloc(1, sizeof *v);
	for (size_t i = 0; i < g->n_crit; i++) {
		const struct criterion *c = &g->crit[i];
		const struct answer *a = review_answer(r, c->id);
		const char *val = a ? a->value : NULL;
		const char *com = a ? a->comment : NULL;
		if (c->required && !val) {
			char *acc = criterion_accepts(c);
			v = strv_push(v, &n, xasprintf(_("%s (%s): no answer (expected %s)"), c->id, c->label, acc));
			free(acc);
			continue;
		}
		if (com && *com)
			continue;
		if (c->comment_required) {
			v = strv_push(v, &n, xasprintf(_("%s (%s): a comment is required"), c->id, c->label));
		} else if (val && criterion_needs_comment(c, val)) {
			if (c->type == CRIT_SCALE)
				v = strv_push(v, &n, xasprintf(_("%s (%s): a comment is required when the score is under %d (it is %s)"),
							       c->id, c->label, c->comment_below, val));
			else
				v = strv_push(v, &n, xasprintf(_("%s (%s): a comment is required for the answer '%s'"),
							       c->id, c->label, val));
		}
	}
	return v;
}

/* "G 4 -> 3, comment B" for the changes after the last reopen, or NULL. */
static char *changes_since_reopen(struct store *s, long long review_id, struct perr *e)
{
	sqlite3_stmt *st = store_prepare(s,
		"SELECT what, criterion, old_value, new_value FROM review_changes WHERE review_id = ?1"
		" AND what IN ('answer', 'comment') AND id > (SELECT MAX(id) FROM review_changes"
		"   WHERE review_id = ?1 AND what = 'reopen') ORDER BY id", e);
	if (!st)
		return NULL;
	sqlite3_bind_int64(st, 1, review_id);
	char *out = NULL;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *what = (const char *)sqlite3_column_text(st, 0);
		const char *crit = (const char *)sqlite3_column_text(st, 1);
		char *one = xasprintf(strcmp(what, "comment") == 0 ? "comment %s" : "%s",
				      crit ? crit : "?");
		char *j = out ? xasprintf("%s, %s", out, one) : xstrdup(one);
		free(out);
		free(one);
		out = j;
	}
	sqlite3_finalize(st);
	return out;
}

static int do_submit(struct store *s, const struct actor *a, const struct review_core *c,
		     const struct dossier_brief *b, const char *at, char ***missing, struct perr *e)
{
	struct review *r = NULL;
	if (review_load(s, c->id, &r, e) < 0)
		return -1;
	const struct checklist *g = version_grid(s, c->version_id, e);
	if (!g) {
		review_free(&r);
		return -1;
	}
	char **m = review_missing(g, r);
	review_free(&r);
	if (m[0]) {
		size_t k = 0;
		while (m[k])
			k++;
		perr_set(e, P_INVALID, P_("your review of dossier %s cannot be submitted yet; %zu thing is missing:",
					  "your review of dossier %s cannot be submitted yet; %zu things are missing:", k),
			 b->ds_number, k);
		for (size_t i = 0; m[i]; i++)
			perr_append(e, "\n  %s", m[i]);
		perr_append(e, "%s", _("\nThe answers given are kept as a draft."));
		if (missing)
			*missing = m;
		else
			review_strv_free(&m);
		return -1;
	}
	review_strv_free(&m);
	sqlite3_stmt *st = store_prepare(s, "UPDATE reviews SET status = 'submitted', submitted_at = ? WHERE id = ?", e);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, at, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, c->id);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, e, _("submitting the review"));
	if (refresh(s, a, c->id, at, e) < 0 || log_change(s, a, c->id, at, "submit", NULL, NULL, NULL, e) < 0)
		return -1;
	/* History is readable by everyone who may read the dossier, blind grids
	 * included: it says that a review was submitted, never its scores. */
	char detail[256];
	snprintf(detail, sizeof detail, "review submitted on grid %s (version %s)", g->id, g->hash);
	/* A review submitted again after a reopen: history says which answers
	 * changed (the values are in review_changes, shown as visibility allows). */
	char *changes = changes_since_reopen(s, c->id, e);
	char *full = changes ? xasprintf("%s; changed since reopened: %s", detail, changes) : xstrdup(detail);
	free(changes);
	int hr = history_add(s, c->dossier_id, at, a->login, a->real_login, "review", NULL, full, e);
	free(full);
	return hr;
}

int review_submit(struct store *s, const struct actor *a, long long review_id,
		  const char *at, long long *revision, char ***missing, struct perr *e)
{
	char now[21];
	struct review_core c;
	struct dossier_brief b = {0};
	if (missing)
		*missing = NULL;
	if (!at)
		at = now_utc(now);
	if (store_begin(s, e) < 0)
		return -1;
	if (core_load(s, review_id, &c, e) < 0) {
		store_rollback(s);
		return -1;
	}
	int rc = -1;
	if (strcmp(c.status, "submitted") == 0 && (!revision || !*revision || *revision == c.revision)) {
		rc = 0;	/* already submitted: nothing to do */
		if (revision)
			*revision = c.revision;
		store_rollback(s);
		goto out;
	}
	if (begin_change(s, a, &c, revision ? *revision : 0, 0, &b, e) < 0 ||
	    do_submit(s, a, &c, &b, at, missing, e) < 0) {
		store_rollback(s);
		goto out;
	}
	long long rv = current_revision(s, review_id);	/* inside the transaction */
	if (store_commit(s, e) < 0)
		goto out;
	if (revision)
		*revision = rv;
	rc = 0;
out:
	core_clear(&c);
	brief_clear(&b);
	return rc;
}

int review_reopen(struct store *s, const struct actor *a, long long review_id,
		  const char *at, long long *revision, struct perr *e)
{
	char now[21];
	struct review_core c;
	struct dossier_brief b = {0};
	if (!at)
		at = now_utc(now);
	if (store_begin(s, e) < 0)
		return -1;
	if (core_load(s, review_id, &c, e) < 0) {
		store_rollback(s);
		return -1;
	}
	int rc = -1;
	if (begin_change(s, a, &c, revision ? *revision : 0, 1, &b, e) < 0)
		goto fail;
	long long rv = c.revision;
	if (strcmp(c.status, "submitted") != 0) {
		rc = 0;	/* a draft already */
		store_rollback(s);
		goto out;
	}
	sqlite3_stmt *st = store_prepare(s, "UPDATE reviews SET status = 'draft', submitted_at = NULL WHERE id = ?", e);
	if (!st)
		goto fail;
	sqlite3_bind_int64(st, 1, review_id);
	int sr = sqlite3_step(st);
	sqlite3_finalize(st);
	if (sr != SQLITE_DONE) {
		store_fail(s, e, _("reopening the review"));
		goto fail;
	}
	char detail[160];
	snprintf(detail, sizeof detail, "review reopened on grid %s", c.grid_id);
	if (refresh(s, a, review_id, at, e) < 0 ||
	    log_change(s, a, review_id, at, "reopen", NULL, NULL, NULL, e) < 0 ||
	    history_add(s, c.dossier_id, at, a->login, a->real_login, "review", NULL, detail, e) < 0)
		goto fail;
	rv = current_revision(s, review_id);	/* inside the transaction */
	if (store_commit(s, e) < 0)
		goto fail;
	rc = 0;
	goto out;
fail:
	store_rollback(s);
out:
	if (rc == 0 && revision)
		*revision = rv;
	core_clear(&c);
	brief_clear(&b);
	return rc;
}

int review_write(struct store *s, const struct actor *a, long long dossier_id,
		 const struct checklist *g, const struct review_input *in, size_t n,
		 int submit, const char *at, long long *revision, struct review **out,
		 struct perr *e)
{
	char now[21];
	struct review_core c = {0};
	struct dossier_brief b = {0};
	long long id = 0;
	int any = 0;
	if (out)
		*out = NULL;
	if (!at)
		at = now_utc(now);
	if (store_begin(s, e) < 0)
		return -1;
	if (find_or_create(s, a, dossier_id, g, at, &id, e) < 0 || core_load(s, id, &c, e) < 0)
		goto fail;
	int allow = n == 0;	/* a bare --submit on a submitted review is harmless */
	if (begin_change(s, a, &c, revision ? *revision : 0, allow, &b, e) < 0)
		goto fail;
	for (size_t i = 0; i < n; i++) {
		int ch = 0;
		if (in[i].value && set_one(s, a, &c, in[i].criterion, in[i].value, 0, at, &ch, e) < 0)
			goto fail;
		any |= ch;
		if (in[i].comment && set_one(s, a, &c, in[i].criterion, in[i].comment, 1, at, &ch, e) < 0)
			goto fail;
		any |= ch;
	}
	if (any && refresh(s, a, id, at, e) < 0)
		goto fail;
	/* The revision as this transaction leaves it: the submit below must
	 * notice a change made in between by another session. */
	long long rv = current_revision(s, id);
	if (store_commit(s, e) < 0)
		goto fail;
	int rc = 0;
	if (submit && strcmp(c.status, "submitted") != 0) {
		/* A second step: the answers above stay saved even when the
		 * review is not complete yet. */
		rc = review_submit(s, a, id, at, &rv, NULL, e);
	}
	if (revision)
		*revision = rv;
	if (out) {
		struct perr e2 = {0};
		review_load(s, id, out, &e2);
	}
	core_clear(&c);
	brief_clear(&b);
	return rc;
fail:
	store_rollback(s);
	core_clear(&c);
	brief_clear(&b);
	return -1;
}

/* ---- visibility -------------------------------------------------------- */

/* Is there a submitted review by login on grid_id of dossier_id? */
static int own_submitted(struct store *s, long long dossier_id, const char *login,
			 const char *grid_id, int *yes, struct perr *e)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT 1 FROM reviews WHERE dossier_id = ? AND reviewer = ?"
					 " AND grid_id = ? AND status = 'submitted'", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, dossier_id);
	sqlite3_bind_text(st, 2, login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, grid_id, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, e, _("reading reviews"));
	*yes = rc == SQLITE_ROW;
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
	if (actor_has(a, ROLE_INSTRUCTEUR)) {
		int own = 0;
		if (blind && own_submitted(s, dossier_id, a->login, grid_id, &own, e) < 0)
			return -1;
		if (!blind || own) {
			*vis = VIS_SUBMITTED;
			return 0;
		}
		*vis = VIS_OWN;
		if (why)
			*why = xasprintf(_("grid '%s' is blind: the other reviews appear once you have submitted yours"), grid_id);
		return 0;
	}
	if (actor_has(a, ROLE_LECTEUR)) {
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

int review_visibility(struct store *s, const struct actor *a, long long dossier_id,
		      const char *grid_id, enum review_visibility *vis, char **why,
		      struct perr *e)
{
	/* The grids reviewed on this dossier, each with its blindness. */
	sqlite3_stmt *st = store_prepare(s, "SELECT r.grid_id, MAX(g.blind) FROM reviews r"
					 " JOIN grid_versions g ON g.id = r.grid_version_id"
					 " WHERE r.dossier_id = ?1 AND (?2 IS NULL OR r.grid_id = ?2)"
					 " GROUP BY r.grid_id ORDER BY MAX(r.phase) DESC", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, dossier_id);
	bind_text_or_null(st, 2, grid_id);
	enum review_visibility best = VIS_ALL;
	int any = 0;
	if (why)
		*why = NULL;
	while (sqlite3_step(st) == SQLITE_ROW) {
		char *gid = col_text(st, 0);
		int blind = sqlite3_column_int(st, 1);
		enum review_visibility v;
		char *w = NULL;
		int rc = grid_visibility(s, a, dossier_id, gid, blind, &v, why ? &w : NULL, e);
		free(gid);
		if (rc < 0) {
			sqlite3_finalize(st);
			return -1;
		}
		any = 1;
		if (v > best || (why && !*why && w)) {
			if (v >= best && why) {
				free(*why);
				*why = w;
				w = NULL;
			}
			if (v > best)
				best = v;
		}
		free(w);
	}
	sqlite3_finalize(st);
	if (!any)
		return grid_visibility(s, a, dossier_id, grid_id ? grid_id : "", 0, vis, why, e);
	*vis = best;
	return 0;
}

static int cmp_reviews(const void *x, const void *y)
{
	const struct review *a = *(struct review *const *)x, *b = *(struct review *const *)y;
	if (a->phase != b->phase)
		return a->phase - b->phase;
	return strcmp(a->reviewer, b->reviewer);
}

int review_list_visible(struct store *s, const struct actor *a, long long dossier_id,
			const char *grid_id, struct review ***out, size_t *n,
			int *hidden, struct perr *e)
{
	*out = NULL;
	*n = 0;
	if (hidden)
		*hidden = 0;
	char *sql = xasprintf("%s WHERE r.dossier_id = ?1 AND (?2 IS NULL OR r.grid_id = ?2) ORDER BY r.id", review_cols);
	sqlite3_stmt *st = store_prepare(s, sql, e);
	free(sql);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, dossier_id);
	bind_text_or_null(st, 2, grid_id);
	struct review **all = NULL;
	size_t na = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		all = xrealloc(all, (na + 1) * sizeof *all);
		all[na++] = review_from_row(st);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		review_list_free(&all, na);
		return store_fail(s, e, _("reading reviews"));
	}
	struct review **vis = xcalloc(na ? na : 1, sizeof *vis);
	size_t nv = 0;
	struct review *own = NULL;
	for (size_t i = 0; i < na; i++) {
		struct review *r = all[i];
		int show;
		if (strcmp(r->reviewer, a->login) == 0) {
			show = 1;
		} else {
			sqlite3_stmt *b = store_prepare(s, "SELECT blind FROM grid_versions WHERE id = ?", e);
			if (!b)
				goto fail;
			sqlite3_bind_int64(b, 1, r->grid_version_id);
			int blind = sqlite3_step(b) == SQLITE_ROW ? sqlite3_column_int(b, 0) : 1;
			sqlite3_finalize(b);
			enum review_visibility v;
			if (grid_visibility(s, a, dossier_id, r->grid_id, blind, &v, NULL, e) < 0)
				goto fail;
			show = v == VIS_ALL || (v == VIS_SUBMITTED && r->submitted);
			if (!show && r->submitted && hidden)
				(*hidden)++;
		}
		if (!show) {
			review_free(&all[i]);
			continue;
		}
		if (load_answers(s, r, e) < 0)
			goto fail;
		if (strcmp(r->reviewer, a->login) == 0 && !own)
			own = r;
		vis[nv++] = r;
		all[i] = NULL;
	}
	free(all);
	/* Own first, then the others by phase and reviewer. */
	qsort(vis, nv, sizeof *vis, cmp_reviews);
	for (size_t i = 0; own && i < nv; i++)
		if (vis[i] == own) {
			memmove(vis + 1, vis, i * sizeof *vis);
			vis[0] = own;
			break;
		}
	*out = vis;
	*n = nv;
	return 0;
fail:
	review_list_free(&all, na);
	review_list_free(&vis, nv);
	return -1;
}

/* ---- queue rows ------------------------------------------------------- */

int review_row_fill(struct store *s, const struct actor *a, long long dossier_id,
		    struct review_row *out, struct perr *e)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = store_prepare(s,
		"SELECT CASE WHEN d.state IN ('submitted', 'phase1') THEN 1"
		"            WHEN d.state IN ('phase2', 'funded') THEN 2"
		"            ELSE COALESCE((SELECT MAX(phase) FROM reviews WHERE dossier_id = d.id), 0) END,"
		" EXISTS (SELECT 1 FROM conflicts WHERE dossier_id = d.id AND reviewer = ?2)"
		" FROM dossiers d WHERE d.id = ?1", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, dossier_id);
	sqlite3_bind_text(st, 2, a->login, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return perr_set(e, P_NOTFOUND, _("no dossier with internal id %lld"), dossier_id);
	}
	out->phase = sqlite3_column_int(st, 0);
	int conflicted = sqlite3_column_int(st, 1);
	sqlite3_finalize(st);
	if (conflicted) {
		out->mine = RS_CONFLICT;
		return 0;
	}
	st = store_prepare(s, "SELECT status FROM reviews WHERE dossier_id = ? AND reviewer = ? AND phase = ?"
			   " ORDER BY status = 'submitted' DESC LIMIT 1", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, dossier_id);
	sqlite3_bind_text(st, 2, a->login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 3, out->phase);
	if (sqlite3_step(st) == SQLITE_ROW)
		out->mine = strcmp((const char *)sqlite3_column_text(st, 0), "submitted") == 0 ? RS_SUBMITTED : RS_DRAFT;
	sqlite3_finalize(st);
	st = store_prepare(s,
		"SELECT COUNT(*), AVG(r.total), MAX(g.blind), MAX(g.points_total),"
		" (SELECT COUNT(*) FROM review_answers x JOIN reviews r2 ON r2.id = x.review_id"
		"   WHERE r2.dossier_id = ?1 AND r2.phase = ?2 AND r2.status = 'submitted'"
		"   AND x.kind = 'gate' AND x.blocking = 1 AND x.value = 'no'),"
		" EXISTS (SELECT 1 FROM review_answers x JOIN reviews r2 ON r2.id = x.review_id"
		"   JOIN grid_versions g2 ON g2.id = r2.grid_version_id"
		"   WHERE r2.dossier_id = ?1 AND r2.phase = ?2 AND r2.status = 'submitted'"
		"   AND x.value IS NOT NULL AND x.kind IN ('scale', 'gate') AND g2.divergence > 0"
		"   GROUP BY x.criterion"
		"   HAVING (MAX(x.kind) = 'scale' AND MAX(CAST(x.value AS REAL)) - MIN(CAST(x.value AS REAL)) >= MIN(g2.divergence))"
		"       OR (MAX(x.kind) = 'gate' AND MAX(x.blocking) = 1 AND SUM(x.value = 'yes') > 0 AND SUM(x.value = 'no') > 0))"
		" FROM reviews r JOIN grid_versions g ON g.id = r.grid_version_id"
		" WHERE r.dossier_id = ?1 AND r.phase = ?2 AND r.status = 'submitted'", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, dossier_id);
	sqlite3_bind_int(st, 2, out->phase);
	int blind = 1;
	if (sqlite3_step(st) == SQLITE_ROW) {
		out->n_submitted = sqlite3_column_int(st, 0);
		out->mean_total = sqlite3_column_double(st, 1);
		blind = sqlite3_column_type(st, 2) == SQLITE_NULL ? 1 : sqlite3_column_int(st, 2);
		out->has_total = out->n_submitted > 0 && sqlite3_column_double(st, 3) > 0;
		out->gates_failed = sqlite3_column_int(st, 4) > 0;
		out->divergent = sqlite3_column_int(st, 5);
	}
	sqlite3_finalize(st);
	if (actor_has(a, ROLE_COORDINATEUR | ROLE_LECTEUR))
		out->visible = 1;
	else if (actor_has(a, ROLE_INSTRUCTEUR))
		out->visible = !blind || out->mine == RS_SUBMITTED;
	if (!out->visible) {
		out->mean_total = 0;
		out->has_total = 0;
		out->divergent = 0;
		out->gates_failed = 0;
	}
	return 0;
}

/* ---- conflicts -------------------------------------------------------- */

static int reviewer_exists(struct store *s, const char *login, unsigned *roles, struct perr *e)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT role FROM reviewer_roles r JOIN reviewers p ON p.login = r.login"
					 " WHERE r.login = ? AND p.active = 1", e);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, login, -1, SQLITE_TRANSIENT);
	*roles = 0;
	while (sqlite3_step(st) == SQLITE_ROW)
		*roles |= role_parse((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	st = store_prepare(s, "SELECT 1 FROM reviewers WHERE login = ? AND active = 1", e);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, login, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return perr_set(e, P_NOTFOUND, _("no active reviewer '%s' (see ptce reviewer list)"), login);
	return 0;
}

/* A conflict or an opinion request: (dossier, person, text, by whom, when);
 * *rowid gets the new row's id when asked. Inside the caller's transaction. */
static int insert_request(struct store *s, const char *sql, long long dossier_id,
			  const char *person, const char *text, const char *by, const char *at,
			  const char *what, long long *rowid, struct perr *e)
{
	sqlite3_stmt *st = store_prepare(s, sql, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, dossier_id);
	sqlite3_bind_text(st, 2, person, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, text, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, by, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, at, -1, SQLITE_TRANSIENT);
	int sr = sqlite3_step(st);
	sqlite3_finalize(st);
	if (sr != SQLITE_DONE)
		return store_fail(s, e, what);
	if (rowid)
		*rowid = sqlite3_last_insert_rowid(s->db);
	return 0;
}

int conflict_declare(struct store *s, const struct actor *a, long long dossier_id,
		     const char *reviewer, const char *reason, const char *at,
		     struct perr *e)
{
	char now[21];
	if (!at)
		at = now_utc(now);
	const char *who = reviewer && *reviewer ? reviewer : a->login;
	if (!reason || !*reason)
		return perr_set(e, P_INVALID, _("a conflict of interest needs a reason: add --reason \"...\"."));
	if (strcmp(who, a->login) != 0 && !actor_has(a, ROLE_COORDINATEUR))
		return perr_set(e, P_REFUSED, _("only a coordinateur may declare a conflict of interest for someone else; you are %s."),
				a->login);
	if (store_begin(s, e) < 0)
		return -1;
	struct dossier_brief b;
	unsigned roles;
	if (dossier_brief(s, dossier_id, &b, e) < 0) {
		store_rollback(s);
		return -1;
	}
	int rc = -1;
	if (reviewer_exists(s, who, &roles, e) < 0)
		goto out;
	int c;
	if (conflict_check(s, dossier_id, who, &c, e) < 0)
		goto out;
	if (c) {
		perr_set(e, P_INVALID, _("%s is already in conflict of interest on dossier %s."), who, b.ds_number);
		goto out;
	}
	char *clean = text_clean(reason, 0);
	if (insert_request(s, "INSERT INTO conflicts(dossier_id, reviewer, reason, declared_by, declared_at)"
			   " VALUES (?,?,?,?,?)", dossier_id, who, clean, a->login, at,
			   _("recording the conflict of interest"), NULL, e) < 0) {
		free(clean);
		goto out;
	}
	char *detail = xasprintf("conflict of interest: %s", who);
	int hr = history_add(s, dossier_id, at, a->login, a->real_login, "conflict", clean, detail, e);
	free(detail);
	free(clean);
	if (hr < 0 || store_commit(s, e) < 0)
		goto out;
	rc = 0;
out:
	if (rc < 0)
		store_rollback(s);
	brief_clear(&b);
	return rc;
}

void conflict_list_free(struct conflict **cp, size_t n)
{
	if (!cp || !*cp)
		return;
	for (size_t i = 0; i < n; i++) {
		struct conflict *c = &(*cp)[i];
		free(c->reviewer); free(c->reason); free(c->declared_by); free(c->declared_at);
	}
	free(*cp);
	*cp = NULL;
}

int conflict_list(struct store *s, long long dossier_id, struct conflict **out, size_t *n,
		  struct perr *e)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = store_prepare(s, "SELECT id, dossier_id, reviewer, reason, declared_by, declared_at"
					 " FROM conflicts WHERE ?1 = 0 OR dossier_id = ?1 ORDER BY id", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, dossier_id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		*out = xrealloc(*out, (*n + 1) * sizeof **out);
		struct conflict *c = &(*out)[(*n)++];
		c->id = sqlite3_column_int64(st, 0);
		c->dossier_id = sqlite3_column_int64(st, 1);
		c->reviewer = col_text(st, 2);
		c->reason = col_text(st, 3);
		c->declared_by = col_text(st, 4);
		c->declared_at = col_text(st, 5);
	}
	sqlite3_finalize(st);
	return 0;
}

/* ---- opinions --------------------------------------------------------- */

int opinion_ask(struct store *s, const struct actor *a, long long dossier_id,
		const char *expert, const char *question, const char *at, long long *id,
		struct perr *e)
{
	char now[21];
	if (!at)
		at = now_utc(now);
	if (!actor_has(a, ROLE_COORDINATEUR))
		return perr_set(e, P_REFUSED, _("asking an expert for an opinion is for coordinateurs; you are %s."), a->login);
	if (!question || !*question)
		return perr_set(e, P_INVALID, _("an opinion request needs a question: add --question \"...\"."));
	if (store_begin(s, e) < 0)
		return -1;
	struct dossier_brief b;
	if (dossier_brief(s, dossier_id, &b, e) < 0) {
		store_rollback(s);
		return -1;
	}
	int rc = -1;
	unsigned roles;
	if (reviewer_exists(s, expert, &roles, e) < 0)
		goto out;
	if (!(roles & ROLE_EXPERT)) {
		perr_set(e, P_REFUSED, _("%s does not hold the role expert; give it first (ptce reviewer set-role %s ...,expert)."),
			 expert, expert);
		goto out;
	}
	int c;
	if (conflict_check(s, dossier_id, expert, &c, e) < 0)
		goto out;
	if (c) {
		perr_set(e, P_REFUSED, _("%s is in conflict of interest on dossier %s; ask another expert."), expert, b.ds_number);
		goto out;
	}
	char *q = text_clean(question, TEXT_KEEP_NEWLINES);
	long long oid = 0;
	if (insert_request(s, "INSERT INTO opinions(dossier_id, expert, question, asked_by, asked_at)"
			   " VALUES (?,?,?,?,?)", dossier_id, expert, q, a->login, at,
			   _("recording the opinion request"), &oid, e) < 0) {
		free(q);
		goto out;
	}
	char *detail = xasprintf("opinion %lld asked of %s", oid, expert);
	int hr = history_add(s, dossier_id, at, a->login, a->real_login, "opinion", q, detail, e);
	free(detail);
	free(q);
	if (hr < 0 || store_commit(s, e) < 0)
		goto out;
	if (id)
		*id = oid;
	rc = 0;
out:
	if (rc < 0)
		store_rollback(s);
	brief_clear(&b);
	return rc;
}

int opinion_answer(struct store *s, const struct actor *a, long long id, int favourable,
		   const char *text, const char *at, struct perr *e)
{
	char now[21];
	if (!at)
		at = now_utc(now);
	if (!text || !*text)
		return perr_set(e, P_INVALID, _("an opinion needs a text: add --text \"...\"."));
	if (store_begin(s, e) < 0)
		return -1;
	sqlite3_stmt *st = store_prepare(s, "SELECT dossier_id, expert, answered_at FROM opinions WHERE id = ?", e);
	if (!st) {
		store_rollback(s);
		return -1;
	}
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		store_rollback(s);
		return perr_set(e, P_NOTFOUND, _("no opinion request number %lld (see ptce opinion list)"), id);
	}
	long long dossier_id = sqlite3_column_int64(st, 0);
	char *expert = col_text(st, 1);
	char *answered = col_text_or_null(st, 2);
	sqlite3_finalize(st);
	int rc = -1;
	if (strcmp(expert, a->login) != 0) {
		perr_set(e, P_REFUSED, _("opinion request %lld was made to %s; only they may answer it."), id, expert);
		goto out;
	}
	if (answered) {
		perr_set(e, P_REFUSED, _("opinion request %lld was already answered on %s; an answer is final (a coordinateur may ask again)."),
			 id, answered);
		goto out;
	}
	char *t = text_clean(text, TEXT_KEEP_NEWLINES);
	st = store_prepare(s, "UPDATE opinions SET verdict = ?, answer = ?, answered_at = ? WHERE id = ?", e);
	if (!st) {
		free(t);
		goto out;
	}
	sqlite3_bind_text(st, 1, favourable ? "favourable" : "defavourable", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, t, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, at, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 4, id);
	int sr = sqlite3_step(st);
	sqlite3_finalize(st);
	if (sr != SQLITE_DONE) {
		free(t);
		store_fail(s, e, _("recording the opinion"));
		goto out;
	}
	char *detail = xasprintf("opinion %lld answered: %s", id, favourable ? "favourable" : "defavourable");
	int hr = history_add(s, dossier_id, at, a->login, a->real_login, "opinion", t, detail, e);
	free(detail);
	free(t);
	if (hr < 0 || store_commit(s, e) < 0)
		goto out;
	rc = 0;
out:
	if (rc < 0)
		store_rollback(s);
	free(expert);
	free(answered);
	return rc;
}

void opinion_list_free(struct opinion **op, size_t n)
{
	if (!op || !*op)
		return;
	for (size_t i = 0; i < n; i++) {
		struct opinion *o = &(*op)[i];
		free(o->ds_number); free(o->ptce_name); free(o->expert); free(o->expert_name);
		free(o->question); free(o->asked_by); free(o->asked_at); free(o->answer);
		free(o->answered_at);
	}
	free(*op);
	*op = NULL;
}

int opinion_list(struct store *s, const struct actor *a, long long dossier_id,
		 int pending_only, struct opinion **out, size_t *n, struct perr *e)
{
	*out = NULL;
	*n = 0;
	/* An expert with no other role sees only what was asked of them. */
	int only_mine = !actor_has(a, ROLE_COORDINATEUR | ROLE_INSTRUCTEUR | ROLE_LECTEUR);
	sqlite3_stmt *st = store_prepare(s,
		"SELECT o.id, o.dossier_id, d.ds_number, d.ptce_name, o.expert, COALESCE(p.display_name, o.expert),"
		" o.question, o.asked_by, o.asked_at, o.verdict, o.answer, o.answered_at,"
		" CAST(julianday('now') - julianday(o.asked_at) AS INTEGER)"
		" FROM opinions o JOIN dossiers d ON d.id = o.dossier_id"
		" LEFT JOIN reviewers p ON p.login = o.expert"
		" WHERE (?1 = 0 OR o.dossier_id = ?1) AND (?2 = 0 OR o.answered_at IS NULL)"
		" AND (?3 = 0 OR o.expert = ?4)"
		" AND (o.expert = ?4 OR NOT EXISTS (SELECT 1 FROM conflicts c WHERE c.dossier_id = o.dossier_id AND c.reviewer = ?4))"
		" ORDER BY o.asked_at, o.id", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, dossier_id);
	sqlite3_bind_int(st, 2, pending_only);
	sqlite3_bind_int(st, 3, only_mine);
	sqlite3_bind_text(st, 4, a->login, -1, SQLITE_TRANSIENT);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xrealloc(*out, (*n + 1) * sizeof **out);
		struct opinion *o = &(*out)[(*n)++];
		memset(o, 0, sizeof *o);
		o->id = sqlite3_column_int64(st, 0);
		o->dossier_id = sqlite3_column_int64(st, 1);
		o->ds_number = col_text(st, 2);
		o->ptce_name = col_text(st, 3);
		o->expert = col_text(st, 4);
		o->expert_name = col_text(st, 5);
		o->question = col_text(st, 6);
		o->asked_by = col_text(st, 7);
		o->asked_at = col_text(st, 8);
		const char *v = (const char *)sqlite3_column_text(st, 9);
		o->answered = v != NULL;
		o->favourable = v && strcmp(v, "favourable") == 0;
		o->answer = col_text_or_null(st, 10);
		o->answered_at = col_text_or_null(st, 11);
		o->age_days = sqlite3_column_int(st, 12);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		opinion_list_free(out, *n);
		*n = 0;
		return store_fail(s, e, _("reading opinions"));
	}
	return 0;
}

/* ---- the $EDITOR form --------------------------------------------------- */

/* Print text as comment lines ("# ...") wrapped at about 76 columns. */
static void put_comment_text(FILE *f, const char *prefix, const char *s)
{
	char *clean = text_clean(s, TEXT_KEEP_NEWLINES);
	size_t *starts = NULL, *lens = NULL;
	size_t n = text_wrap(clean, 74, &starts, &lens);
	for (size_t i = 0; i < n; i++)
		fprintf(f, "%s%.*s\n", prefix, (int)lens[i], clean + starts[i]);
	free(starts);
	free(lens);
	free(clean);
}

/* A value or comment: first line after the key, further lines indented. */
static void put_multiline(FILE *f, const char *key, const char *v)
{
	fprintf(f, "%s:", key);
	if (!v || !*v) {
		fputc('\n', f);
		return;
	}
	char *clean = text_clean(v, TEXT_KEEP_NEWLINES);
	char *save = NULL;
	int first = 1;
	for (char *line = strtok_r(clean, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		fprintf(f, first ? " %s\n" : "  %s\n", line);
		first = 0;
	}
	if (first)
		fputc('\n', f);
	free(clean);
}

void review_form_write(FILE *f, const struct checklist *g, const struct review *r,
		       const char *ds_number, const char *ptce_name)
{
	char *name = text_clean(ptce_name ? ptce_name : "", 0);
	fprintf(f, _("# ptce review form: dossier %s - %s\n"), ds_number ? ds_number : "", name);
	free(name);
	fprintf(f, _("# Grid: %s, version %s%s%s - %s\n"), g->id, g->hash, g->version ? " / " : "",
		g->version ? g->version : "", g->title);
	fprintf(f, "%s", _("# Write each answer after the colon (ID: value). A comment goes after\n"
			   "# \"comment:\" below its criterion. Continue a text on the next lines by\n"
			   "# indenting them with two spaces. Lines starting with # are ignored.\n"
			   "# Set \"submit: yes\" at the end to submit. Save and quit to record;\n"
			   "# quit without saving to cancel.\n"));
	int section = -1;
	for (size_t i = 0; i < g->n_crit; i++) {
		const struct criterion *c = &g->crit[i];
		const struct answer *a = r ? review_answer(r, c->id) : NULL;
		if (c->section != section) {
			section = c->section;
			char *t = text_clean(g->sections[section].title, 0);
			fprintf(f, "\n## %s\n", t);
			free(t);
		}
		fputc('\n', f);
		char *acc = criterion_accepts(c);
		char *label = text_clean(c->label, 0);
		if (c->type == CRIT_SCALE && c->points > 0)
			fprintf(f, "# %s - %s (%s, %g points%s)\n", c->id, label, acc, c->points,
				c->required ? "" : _(", optional"));
		else
			fprintf(f, "# %s - %s (%s%s%s)\n", c->id, label, acc,
				c->blocking ? _(", blocking") : "", c->required ? "" : _(", optional"));
		free(label);
		free(acc);
		for (size_t j = 0; j < c->n_levels; j++) {
			char *l = text_clean(c->levels[j].label, 0);
			fprintf(f, "#   %d = %s\n", c->levels[j].value, l);
			free(l);
		}
		for (size_t j = 0; j < c->n_options; j++) {
			char *l = text_clean(c->options[j].label, 0);
			fprintf(f, "#   %s = %s\n", c->options[j].id, l);
			free(l);
		}
		if (c->help)
			put_comment_text(f, "#   ", c->help);
		if (c->comment_required)
			fprintf(f, "%s", _("#   (a comment is required)\n"));
		else if (c->comment_below != INT_MIN)
			fprintf(f, _("#   (a comment is required under %d)\n"), c->comment_below);
		put_multiline(f, c->id, a ? a->value : NULL);
		if (c->type != CRIT_TEXT)
			put_multiline(f, "comment", a ? a->comment : NULL);
	}
	fprintf(f, "\nsubmit: no\n");
}

/* Trim both ends in place. */
static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		s[--n] = '\0';
	return s;
}

int review_form_parse(const struct checklist *g, const char *text, char **bufp,
		      struct review_input **inp, size_t *np, int *submit, struct perr *e)
{
	*bufp = NULL;
	*inp = NULL;
	*np = 0;
	*submit = 0;
	/* Each value/comment is joined in place: a continuation line is appended
	 * to the previous one with a newline, so the copy is rebuilt. */
	size_t len = strlen(text);
	char *buf = xmalloc(len * 2 + 2);
	size_t used = 0;
	struct review_input *in = xcalloc(g->n_crit ? g->n_crit : 1, sizeof *in);
	char **line_val = xcalloc(g->n_crit ? g->n_crit : 1, sizeof *line_val);
	int *line_of = xcalloc(g->n_crit ? g->n_crit : 1, sizeof *line_of);
	int *seen = xcalloc(g->n_crit ? g->n_crit : 1, sizeof *seen);
	char *copy = xstrdup(text);
	char *cur = NULL;	/* the value being continued */
	int cur_crit = -1;	/* criterion of the last key line */
	int lineno = 0, submit_seen = 0, rc = -1;
	char *save = NULL, *p = copy;
	for (;;) {
		char *nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		char *line = p;
		lineno++;
		(void)save;
		size_t ll = strlen(line);
		if (ll && line[ll - 1] == '\r')
			line[--ll] = '\0';
		if (line[0] == '#' || !*trim(line)) {
			/* Comments and blank lines end no value: blank lines inside
			 * an indented text are kept by the next indented line. */
		} else if (line[0] == ' ' || line[0] == '\t') {
			if (!cur) {
				perr_set(e, P_INVALID, _("line %d: an indented line continues a value or comment, but none is above it"), lineno);
				goto out;
			}
			char *t = trim(line);
			size_t tl = strlen(t);
			size_t cl = strlen(cur);
			/* cur points into buf, at its end: extend it. */
			if (cl)
				buf[used - 1] = '\n';
			else
				used--;
			memcpy(buf + used, t, tl + 1);
			used += tl + 1;
		} else {
			char *colon = strchr(line, ':');
			if (!colon) {
				perr_set(e, P_INVALID, _("line %d: expected 'ID: value', 'comment: text' or 'submit: yes/no', found '%.40s'"),
					 lineno, line);
				goto out;
			}
			*colon = '\0';
			char *key = trim(line);
			char *val = trim(colon + 1);
			if (strcmp(key, "submit") == 0) {
				char f[16];
				snprintf(f, sizeof f, "%s", val);
				for (char *q = f; *q; q++)
					*q = (char)tolower((unsigned char)*q);
				if (!strcmp(f, "yes") || !strcmp(f, "oui") || !strcmp(f, "y"))
					*submit = 1;
				else if (!strcmp(f, "no") || !strcmp(f, "non") || !strcmp(f, "n") || !*f)
					*submit = 0;
				else {
					perr_set(e, P_INVALID, _("line %d: submit must be yes or no, found '%.20s'"), lineno, val);
					goto out;
				}
				submit_seen = 1;
				cur = NULL;
			} else {
				int is_comment = strcmp(key, "comment") == 0;
				int ci = is_comment ? cur_crit : checklist_index(g, key);
				if (is_comment && ci < 0) {
					perr_set(e, P_INVALID, _("line %d: a comment must follow the criterion it is about"), lineno);
					goto out;
				}
				if (!is_comment && ci < 0) {
					perr_set(e, P_INVALID, _("line %d: '%.40s' is not a criterion of grid '%s' (expected 'ID: value', 'comment: text' or 'submit: yes/no')"),
						 lineno, key, g->id);
					goto out;
				}
				if (!is_comment && seen[ci]) {
					perr_set(e, P_INVALID, _("line %d: criterion %s appears twice (first at line %d)"),
						 lineno, g->crit[ci].id, line_of[ci]);
					goto out;
				}
				size_t vl = strlen(val);
				cur = buf + used;
				memcpy(cur, val, vl + 1);
				used += vl + 1;
				in[ci].criterion = g->crit[ci].id;
				if (is_comment) {
					in[ci].comment = cur;
				} else {
					seen[ci] = 1;
					line_of[ci] = lineno;
					line_val[ci] = cur;
					in[ci].value = cur;
					cur_crit = ci;
				}
				(void)submit_seen;
			}
		}
		if (!nl)
			break;
		p = nl + 1;
	}
	/* Check values now, so an error names its line. */
	for (size_t i = 0; i < g->n_crit; i++) {
		if (!seen[i])
			continue;
		char *norm = NULL;
		struct perr ce = {0};
		if (criterion_normalize(&g->crit[i], in[i].value, &norm, &ce) < 0) {
			perr_set(e, P_INVALID, _("line %d: %s"), line_of[i], ce.msg);
			goto out;
		}
		free(norm);
		if (g->crit[i].type != CRIT_TEXT && !in[i].comment)
			in[i].comment = "";	/* the comment line was removed: clear it */
	}
	/* Keep only the criteria present, in grid order. */
	size_t k = 0;
	for (size_t i = 0; i < g->n_crit; i++)
		if (seen[i])
			in[k++] = in[i];
	*inp = in;
	*np = k;
	*bufp = buf;
	rc = 0;
out:
	if (rc < 0) {
		free(in);
		free(buf);
	}
	free(line_val);
	free(line_of);
	free(seen);
	free(copy);
	return rc;
}
