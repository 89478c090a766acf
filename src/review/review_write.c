/* review_write.c - saving answers and comments, each change logged, each
 * write in one transaction. */
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "review/grid_version.h"
#include "review/review_change.h"
#include "review/review_submit.h"
#include "review/review_write.h"
#include "store/stmt.h"

/* The criterion an answer is for; an unknown one lists the grid's. */
static const struct criterion *target(const struct checklist *g, const char *criterion,
				      struct perr *e)
{
	const struct criterion *cr = checklist_find(g, criterion);
	if (cr)
		return cr;
	perr_set(e, P_INVALID, _("grid '%s' has no criterion '%s'; its criteria are:"), g->id, criterion);
	for (size_t i = 0; i < g->n_crit; i++)
		perr_append(e, " %s%s", g->crit[i].id, i + 1 < g->n_crit ? "," : ".");
	return NULL;
}

/* What to store for input: a comment cleaned, a value normalized; NULL
 * clears it. */
static int new_value(const struct criterion *cr, const char *input, int is_comment, char **nv,
		     struct perr *e)
{
	*nv = NULL;
	if (is_comment) {
		if (input && *input)
			*nv = text_clean(input, TEXT_KEEP_NEWLINES);
	} else if (criterion_normalize(cr, input, nv, e) < 0) {
		return -1;
	}
	if (*nv && !**nv) {
		free(*nv);
		*nv = NULL;
	}
	return 0;
}

/* The value or comment stored for cr (NULL: none). */
static int old_value(struct change *c, const struct criterion *cr, int is_comment, char **old,
		     struct perr *e)
{
	*old = NULL;
	sqlite3_stmt *st = stmt_query(c->s, e, is_comment
		? "SELECT comment FROM review_answers WHERE review_id = ? AND criterion = ?"
		: "SELECT value FROM review_answers WHERE review_id = ? AND criterion = ?",
		"It", c->r->id, cr->id);
	if (!st)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		*old = col_text_or_null(st, 0);
	stmt_done(&st);
	return 0;
}

static int store_value(struct change *c, const struct criterion *cr, int is_comment,
		       const char *nv, struct perr *e)
{
	return stmt_run(c->s, e, _("saving an answer"), is_comment
		? "INSERT INTO review_answers(review_id, criterion, kind, blocking, comment, points, updated_at, updated_by)"
		  " VALUES (?1, ?2, ?3, ?4, ?5, ?8, ?6, ?7) ON CONFLICT(review_id, criterion) DO UPDATE SET"
		  " comment = excluded.comment, updated_at = excluded.updated_at, updated_by = excluded.updated_by"
		: "INSERT INTO review_answers(review_id, criterion, kind, blocking, value, points, updated_at, updated_by)"
		  " VALUES (?1, ?2, ?3, ?4, ?5, ?8, ?6, ?7) ON CONFLICT(review_id, criterion) DO UPDATE SET"
		  " value = excluded.value, points = excluded.points, updated_at = excluded.updated_at,"
		  " updated_by = excluded.updated_by",
		"Ittinttd", c->r->id, cr->id, crit_type_name(cr->type), cr->blocking, nv, c->at,
		c->a->login, is_comment ? 0.0 : criterion_points(cr, nv));
}

/* Set one value or comment of c->r; *changed tells whether anything moved. */
static int set_one(struct change *c, const char *criterion, const char *input, int is_comment,
		   int *changed, struct perr *e)
{
	struct checklist *g = NULL;
	const struct criterion *cr;
	char *nv = NULL, *old = NULL;
	int rc = -1;
	*changed = 0;
	if (review_grid(c->s, c->r, &g, e) < 0 || !(cr = target(g, criterion, e)) ||
	    new_value(cr, input, is_comment, &nv, e) < 0 || old_value(c, cr, is_comment, &old, e) < 0)
		goto out;
	rc = 0;
	if ((!old && !nv) || (old && nv && strcmp(old, nv) == 0))
		goto out;
	rc = store_value(c, cr, is_comment, nv, e);
	if (rc == 0)
		rc = change_log(c, c->r->id, is_comment ? "comment" : "answer", cr->id, old, nv, e);
	*changed = rc == 0;
out:
	free(old);
	free(nv);
	checklist_free(&g);
	return rc;
}

/* Create c->a's review of dossier on g; *id gets it. */
static int create_review(struct change *c, long long dossier_id, const struct checklist *g,
			 long long *id, struct perr *e)
{
	long long vid;
	char *hash = NULL;
	/* The version may be another than g's: the one an admin installed. */
	if (grid_for_review(c->s, g, c->at, &vid, e) < 0 ||
	    stmt_run(c->s, e, _("creating the review"),
		     "INSERT INTO reviews(dossier_id, reviewer, grid_id, grid_version_id,"
		     " phase, created_at, updated_at, updated_by)"
		     " SELECT ?, ?, grid_id, id, phase, ?, ?, ? FROM grid_versions WHERE id = ?",
		     "IttttI", dossier_id, c->a->login, c->at, c->at, c->a->login, vid) < 0 ||
	    stmt_text(c->s, &hash, e, _("creating the review"),
		      "SELECT hash FROM grid_versions WHERE id = ?", "I", vid) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(c->s->db);
	int rc = change_log(c, *id, "create", NULL, NULL, hash ? hash : g->hash, e);
	free(hash);
	return rc;
}

/* Find or create c->a's review; checks roles, conflict and state for a new
 * one. */
static int find_or_create(struct change *c, long long dossier_id, const struct checklist *g,
			  long long *id, struct perr *e)
{
	if (dossier_brief(c->s, dossier_id, &c->b, e) < 0 ||
	    check_scorer(c->s, c->a, dossier_id, &c->b, e) < 0 ||
	    stmt_int(c->s, id, 0, e, _("reading reviews"),
		     "SELECT id FROM reviews WHERE dossier_id = ? AND reviewer = ? AND grid_id = ?",
		     "Itt", dossier_id, c->a->login, g->id) < 0)
		return -1;
	if (*id)
		return 0;
	if (check_state(&c->b, g->id, g->phase, e) < 0)
		return -1;
	return create_review(c, dossier_id, g, id, e);
}

/* Begin c and find or create a's review of dossier_id on g (*id); on an
 * error all is rolled back. */
static int begin_own(struct change *c, struct store *s, const struct actor *a, const char *at,
		     long long dossier_id, const struct checklist *g, long long *id, struct perr *e)
{
	if (change_begin(c, s, a, at, e) < 0)
		return -1;
	if (find_or_create(c, dossier_id, g, id, e) < 0)
		return change_abort(c);
	return 0;
}

int review_open(struct store *s, const struct actor *a, long long dossier_id,
		const struct checklist *g, const char *at, struct review **out,
		struct perr *e)
{
	struct change c;
	long long id;
	*out = NULL;
	if (review_find(s, dossier_id, a->login, g->id, out, e) < 0)
		return -1;
	if (*out)
		return 0;
	if (begin_own(&c, s, a, at, dossier_id, g, &id, e) < 0 || change_close(&c, NULL, e) < 0)
		return -1;
	return review_load(s, id, out, e);
}

static int set_public(struct store *s, const struct actor *a, long long review_id,
		      const char *criterion, const char *value, int is_comment, const char *at,
		      long long *revision, struct perr *e)
{
	struct change c;
	int changed = 0;
	if (change_begin(&c, s, a, at, e) < 0 || change_load(&c, review_id, e) < 0)
		return -1;
	if (change_check(&c, revision ? *revision : 0, 0, e) < 0 ||
	    set_one(&c, criterion, value, is_comment, &changed, e) < 0 ||
	    (changed && change_refresh(&c, review_id, e) < 0))
		return change_abort(&c);
	return change_close(&c, revision, e);
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

/* Every input's value, then its comment; *any tells whether one changed. */
static int set_inputs(struct change *c, const struct review_input *in, size_t n, int *any,
		      struct perr *e)
{
	*any = 0;
	for (size_t i = 0; i < n; i++) {
		int ch = 0;
		if (in[i].value && set_one(c, in[i].criterion, in[i].value, 0, &ch, e) < 0)
			return -1;
		*any |= ch;
		if (in[i].comment && set_one(c, in[i].criterion, in[i].comment, 1, &ch, e) < 0)
			return -1;
		*any |= ch;
	}
	return 0;
}

int review_write(struct store *s, const struct actor *a, long long dossier_id,
		 const struct checklist *g, const struct review_input *in, size_t n,
		 int submit, const char *at, long long *revision, struct review **out,
		 struct perr *e)
{
	struct change c;
	long long id = 0, rv = 0;
	int any;
	if (out)
		*out = NULL;
	if (begin_own(&c, s, a, at, dossier_id, g, &id, e) < 0 || change_load(&c, id, e) < 0)
		return -1;
	/* A bare --submit on a submitted review is harmless. */
	if (change_check(&c, revision ? *revision : 0, n == 0, e) < 0 ||
	    set_inputs(&c, in, n, &any, e) < 0 || (any && change_refresh(&c, id, e) < 0))
		return change_abort(&c);
	int was_submitted = c.r->submitted;
	/* The revision as this transaction leaves it: the submit below must
	 * notice a change made in between by another session. */
	if (change_close(&c, &rv, e) < 0)
		return -1;
	int rc = 0;
	if (submit && !was_submitted) {
		/* A second step: the answers above stay saved even when the
		 * review is not complete yet. */
		rc = review_submit(s, a, id, c.at, &rv, NULL, e);
	}
	if (revision)
		*revision = rv;
	if (out) {
		struct perr e2 = {0};
		review_load(s, id, out, &e2);
	}
	return rc;
}
