/* review_submit.c - completeness, submit and reopen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/kv.h"
#include "procedure/dossier.h"
#include "review/review_change.h"
#include "review/review_submit.h"
#include "store/stmt.h"

void review_strv_free(char ***v)
{
	if (!v || !*v)
		return;
	for (size_t i = 0; (*v)[i]; i++)
		free((*v)[i]);
	free(*v);
	*v = NULL;
}

static char **strv_push(char **v, size_t *n, char *s)
{
	v = xrealloc(v, (*n + 2) * sizeof *v);
	v[(*n)++] = s;
	v[*n] = NULL;
	return v;
}

/* What criterion c still needs, given its answer value and comment; NULL
 * when nothing. */
static char *missing_one(const struct criterion *c, const char *val, const char *com)
{
	if (c->required && !val) {
		char *acc = criterion_accepts(c);
		char *line = xasprintf(_("%s (%s): no answer (expected %s)"), c->id, criterion_label(c), acc);
		free(acc);
		return line;
	}
	if (com && *com)
		return NULL;
	if (c->comment_required)
		return xasprintf(_("%s (%s): a comment is required"), c->id, criterion_label(c));
	if (!val || !criterion_needs_comment(c, val))
		return NULL;
	if (c->type == CRIT_SCALE)
		return xasprintf(_("%s (%s): a comment is required when the score is under %d (it is %s)"),
				 c->id, criterion_label(c), c->comment_below, val);
	return xasprintf(_("%s (%s): a comment is required for the answer '%s'"), c->id, criterion_label(c),
			 criterion_answer_label(c, val));
}

char **review_missing(const struct checklist *g, const struct review *r)
{
	size_t n = 0;
	char **v = xcalloc(1, sizeof *v);
	for (size_t i = 0; i < g->n_crit; i++) {
		const struct answer *a = review_answer(r, g->crit[i].id);
		char *line = missing_one(&g->crit[i], a ? a->value : NULL, a ? a->comment : NULL);
		if (line)
			v = strv_push(v, &n, line);
	}
	return v;
}

/* "G 4 -> 3, comment B" for the changes after the last reopen, or NULL. */
static char *changes_since_reopen(struct store *s, long long review_id, struct perr *e)
{
	sqlite3_stmt *st = stmt_query(s, e,
		"SELECT what, criterion, old_value, new_value FROM review_changes WHERE review_id = ?1"
		" AND what IN ('answer', 'comment') AND id > (SELECT MAX(id) FROM review_changes"
		"   WHERE review_id = ?1 AND what = 'reopen') ORDER BY id", "I", review_id);
	if (!st)
		return NULL;
	char *out = NULL;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *what = (const char *)sqlite3_column_text(st, 0);
		const char *crit = (const char *)sqlite3_column_text(st, 1);
		xappendf(&out, strcmp(what, "comment") == 0 ? "%scomment %s" : "%s%s", out ? ", " : "",
			 crit ? crit : "?");
	}
	stmt_done(&st);
	return out;
}

/* Refuse to submit while m lists something missing (m is handed to
 * *missing, or freed). */
static int refuse_missing(const struct dossier_brief *b, char **m, char ***missing, struct perr *e)
{
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

/* The history entry of a submit: the grid version, and after a reopen what
 * changed (the values are in review_changes, shown as visibility allows). */
static int submit_history(struct change *c, const struct checklist *g, struct perr *e)
{
	/* History is readable by everyone who may read the dossier, blind grids
	 * included: it says that a review was submitted, never its scores. */
	char *full = NULL, *changes = changes_since_reopen(c->s, c->r->id, e);
	kv_add(&full, "action", "submitted");
	kv_add(&full, "grid", g->id);
	kv_add(&full, "version", g->hash);
	kv_add(&full, "changes", changes);
	free(changes);
	int rc = history_add(c->s, c->r->dossier_id, c->at, c->a->login, c->a->real_login, "review",
			     NULL, full, e);
	free(full);
	return rc;
}

/* Mark c->r submitted, with its total, change log and history entry. */
static int record_submit(struct change *c, const struct checklist *g, struct perr *e)
{
	if (stmt_run(c->s, e, _("submitting the review"),
		     "UPDATE reviews SET status = 'submitted', submitted_at = ? WHERE id = ?",
		     "tI", c->at, c->r->id) < 0 ||
	    change_refresh(c, c->r->id, e) < 0 ||
	    change_log(c, c->r->id, "submit", NULL, NULL, NULL, e) < 0)
		return -1;
	return submit_history(c, g, e);
}

static int do_submit(struct change *c, char ***missing, struct perr *e)
{
	struct checklist *g = NULL;
	if (review_grid(c->s, c->r, &g, e) < 0)
		return -1;
	char **m = review_missing(g, c->r);
	int rc;
	if (m[0]) {
		rc = refuse_missing(&c->b, m, missing, e);
	} else {
		review_strv_free(&m);
		rc = record_submit(c, g, e);
	}
	checklist_free(&g);
	return rc;
}

int review_submit(struct store *s, const struct actor *a, long long review_id,
		  const char *at, long long *revision, char ***missing, struct perr *e)
{
	struct change c;
	if (missing)
		*missing = NULL;
	if (change_begin(&c, s, a, at, e) < 0 || change_load(&c, review_id, e) < 0)
		return -1;
	if (c.r->submitted && (!revision || !*revision || *revision == c.r->revision)) {
		if (revision)
			*revision = c.r->revision;
		change_abort(&c);
		return 0;	/* already submitted: nothing to do */
	}
	if (change_check(&c, revision ? *revision : 0, 0, e) < 0 || do_submit(&c, missing, e) < 0)
		return change_abort(&c);
	return change_close(&c, revision, e);
}

int review_reopen(struct store *s, const struct actor *a, long long review_id,
		  const char *at, long long *revision, struct perr *e)
{
	struct change c;
	if (change_begin(&c, s, a, at, e) < 0 || change_load(&c, review_id, e) < 0)
		return -1;
	if (change_check(&c, revision ? *revision : 0, 1, e) < 0)
		return change_abort(&c);
	if (!c.r->submitted) {
		if (revision)
			*revision = c.r->revision;
		change_abort(&c);
		return 0;	/* a draft already */
	}
	char detail[160];
	snprintf(detail, sizeof detail, "action=reopened\ngrid=%s", c.r->grid_id);
	if (stmt_run(s, e, _("reopening the review"),
		     "UPDATE reviews SET status = 'draft', submitted_at = NULL WHERE id = ?", "I", review_id) < 0 ||
	    change_refresh(&c, review_id, e) < 0 ||
	    change_log(&c, review_id, "reopen", NULL, NULL, NULL, e) < 0 ||
	    history_add(s, c.r->dossier_id, c.at, a->login, a->real_login, "review", NULL, detail, e) < 0)
		return change_abort(&c);
	return change_close(&c, revision, e);
}
