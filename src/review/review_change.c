/* review_change.c - the transaction, checks and change log every write to a
 * review shares. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "procedure/permission.h"
#include "procedure/procedure.h"
#include "review/conflict.h"
#include "review/review_change.h"
#include "review/review_score.h"
#include "store/stmt.h"

int check_state(const struct dossier_brief *b, const char *grid_id, int phase, struct perr *e)
{
	if (state_review_phase(b->state) == phase)
		return 0;
	return perr_set(e, P_REFUSED, _("dossier %s is in state '%s'; grid '%s' (phase %d) is written only while a dossier is in state %s."),
			b->ds_number, state_label(b->state), grid_id, phase, procedure_phase_states(phase));
}

int check_scorer(struct store *s, const struct actor *a, long long dossier_id,
		 const struct dossier_brief *b, struct perr *e)
{
	(void)b;
	return permission_dossier(s, a, OP_SCORE, dossier_id, NULL, e);
}

/* A text column, "" for NULL. */
static const char *col(sqlite3_stmt *st, int i)
{
	const char *t = (const char *)sqlite3_column_text(st, i);
	return t ? t : "";
}

/* "answer G: '4' -> '3'" from the last row of review_changes, values cut
 * to 40 bytes, into buf. */
static void last_change_text(sqlite3_stmt *st, char *buf, size_t len)
{
	const char *what = col(st, 2), *crit = col(st, 3);
	char *old = text_clean(col(st, 4), 0), *nv = text_clean(col(st, 5), 0);
	if (strlen(old) > 40) strcpy(old + 37, "...");
	if (strlen(nv) > 40) strcpy(nv + 37, "...");
	if (*crit)
		snprintf(buf, len, "%s %s: '%s' -> '%s'", what, crit, old, nv);
	else
		snprintf(buf, len, "%s", what);
	free(old);
	free(nv);
}

/* Refuse when the review moved since the caller saw it, naming the change. */
static int check_revision(struct change *c, long long expect, struct perr *e)
{
	const struct review *r = c->r;
	if (!expect || expect == r->revision)
		return 0;
	sqlite3_stmt *st = stmt_query(c->s, e, "SELECT at, actor, what, criterion, old_value, new_value"
				      " FROM review_changes WHERE review_id = ? ORDER BY id DESC LIMIT 1",
				      "I", r->id);
	if (!st)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW) {
		char change[256];
		last_change_text(st, change, sizeof change);
		perr_set(e, P_CONFLICT, _("the review of dossier %s by %s changed since you opened it (revision %lld, now %lld): last change by %s at %s (%s). Nothing was saved; reload the review and enter your change again."),
			 c->b.ds_number, r->reviewer, expect, r->revision,
			 col(st, 1), col(st, 0), change);
	} else {
		perr_set(e, P_CONFLICT, _("the review of dossier %s by %s changed since you opened it (revision %lld, now %lld). Nothing was saved; reload the review."),
			 c->b.ds_number, r->reviewer, expect, r->revision);
	}
	stmt_done(&st);
	return -1;
}

int change_begin(struct change *c, struct store *s, const struct actor *a, const char *at,
		 struct perr *e)
{
	memset(c, 0, sizeof *c);
	c->s = s;
	c->a = a;
	c->at = at ? at : now_utc(c->now);
	return store_begin(s, e);
}

int change_load(struct change *c, long long review_id, struct perr *e)
{
	if (review_load(c->s, review_id, &c->r, e) < 0)
		return change_abort(c);
	return 0;
}

int change_check(struct change *c, long long expect, int allow_submitted, struct perr *e)
{
	const struct review *r = c->r;
	brief_clear(&c->b);
	if (dossier_brief(c->s, r->dossier_id, &c->b, e) < 0)
		return -1;
	if (strcmp(r->reviewer, c->a->login) != 0)
		return perr_set(e, P_REFUSED, _("this review of dossier %s belongs to %s; only its author may change it."),
				c->b.ds_number, r->reviewer);
	if (check_revision(c, expect, e) < 0 || check_scorer(c->s, c->a, r->dossier_id, &c->b, e) < 0 ||
	    check_state(&c->b, r->grid_id, r->phase, e) < 0)
		return -1;
	if (!allow_submitted && r->submitted)
		return perr_set(e, P_REFUSED, _("your review of dossier %s on grid '%s' is submitted; reopen it first (ptce score %s --grid %s --reopen)."),
				c->b.ds_number, r->grid_id, c->b.ds_number, r->grid_id);
	return 0;
}

static void change_free(struct change *c)
{
	review_free(&c->r);
	brief_clear(&c->b);
}

int change_close(struct change *c, long long *revision, struct perr *e)
{
	/* Read inside the transaction: after the commit another session could
	 * already have moved it, and we would hand out its revision as ours. */
	long long rv = 0;
	struct perr ignored = {0};
	if (c->r)
		stmt_int(c->s, &rv, 0, &ignored, "", "SELECT revision FROM reviews WHERE id = ?", "I", c->r->id);
	if (store_commit(c->s, e) < 0)
		return change_abort(c);
	change_free(c);
	if (revision)
		*revision = rv;
	return 0;
}

int change_abort(struct change *c)
{
	store_rollback(c->s);
	change_free(c);
	return -1;
}

int change_log(struct change *c, long long review_id, const char *what, const char *crit,
	       const char *old, const char *nv, struct perr *e)
{
	const struct actor *a = c->a;
	return stmt_run(c->s, e, _("recording a review change"),
			"INSERT INTO review_changes(review_id, at, actor, real_actor,"
			" what, criterion, old_value, new_value) VALUES (?,?,?,?,?,?,?,?)",
			"Ittttnnn", review_id, c->at, a->login, *a->real_login ? a->real_login : a->login,
			what, crit, old, nv);
}

int change_refresh(struct change *c, long long review_id, struct perr *e)
{
	struct review *r = NULL;
	struct checklist *g = NULL;
	if (review_load(c->s, review_id, &r, e) < 0 || review_grid(c->s, r, &g, e) < 0) {
		review_free(&r);
		return -1;
	}
	struct review_score sc;
	review_compute(g, r, &sc);
	review_free(&r);
	int rc = stmt_run(c->s, e, _("saving the review"),
			  "UPDATE reviews SET total = ?, band = ?, eliminated_by = ?,"
			  " revision = revision + 1, updated_at = ?, updated_by = ? WHERE id = ?",
			  "dnnttI", sc.total, sc.band ? sc.band->id : NULL,
			  sc.eliminated ? sc.eliminated_by : NULL, c->at, c->a->login, review_id);
	checklist_free(&g);
	return rc;
}
