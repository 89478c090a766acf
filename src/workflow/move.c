/* move.c - moving a dossier: the procedure table's checks (roles,
 * motivation, the guard it names) and the history entry, in one transaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/kv.h"
#include "procedure/dossier_load.h"
#include "procedure/permission.h"
#include "procedure/procedure.h"
#include "store/stmt.h"
#include "workflow/guards.h"
#include "workflow/move.h"

/* Append "Allowed moves from X for you: ..." to e. */
static void append_allowed(struct perr *e, const char *from, unsigned roles)
{
	const struct transition_def *t[16];
	char named[96];
	size_t n = procedure_allowed(from, roles, t, 16);
	if (n == 0) {
		perr_append(e, _(" No move is open to you from '%s'."), state_named(from, named, sizeof named));
		return;
	}
	perr_append(e, _(" Moves open to you from '%s':"), state_named(from, named, sizeof named));
	for (size_t i = 0; i < n && i < 16; i++)
		perr_append(e, " %s — %s%s", state_named(t[i]->to, named, sizeof named), _(t[i]->label_en),
			    i + 1 < n ? "," : ".");
}

static int current_state(struct store *s, long long id, char **state, long long *rev,
			 struct perr *e)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT state, revision, ds_number FROM dossiers WHERE id = ?", e);
	if (!st)
		return -1;
	if (dossier_step_row(s, st, id, e) < 0)
		return -1;
	*state = col_text(st, 0);
	if (rev)
		*rev = sqlite3_column_int64(st, 1);
	stmt_done(&st);
	return 0;
}

/* The transition from -> to that a may take, or NULL with e saying why
 * not and which moves are open. */
static const struct transition_def *allowed(const struct actor *a, const char *from, const char *to,
					    struct perr *e)
{
	char roles[128], mine[128];
	if (!state_find(to)) {
		perr_set(e, P_INVALID, _("'%s' is not a state of the procedure; states are:"), to);
		perr_append(e, " %s.", procedure_state_names());
		return NULL;
	}
	const struct transition_def *t = procedure_find(from, to);
	char f[96], g[96];
	state_named(from, f, sizeof f);
	state_named(to, g, sizeof g);
	if (!t && strcmp(from, to) == 0)
		perr_set(e, P_REFUSED, _("the dossier is already in state '%s'."), f);
	else if (!t)
		perr_set(e, P_REFUSED, _("the procedure has no move from '%s' to '%s'."), f, g);
	else if (!(t->roles & a->roles))
		perr_set(e, P_REFUSED, _("moving from '%s' to '%s' (%s) is for: %s; you are %s (%s)."),
			 f, g, _(t->label_en), roles_format(t->roles, roles, sizeof roles), a->login,
			 a->roles ? roles_format(a->roles, mine, sizeof mine) : _("no role"));
	else
		return t;
	append_allowed(e, from, a->roles);
	return NULL;
}

/* The transition's guard, if any: 0 when met or overridden (*overridden
 * set: a coordinateur decided against it, with a motivation). */
static int guard_check(struct store *s, const struct actor *a, long long id,
		       const struct transition_def *t, const struct move_request *req,
		       int *overridden, struct perr *e)
{
	const struct guard_def *g = guard_find(t->guard);
	struct perr ge = {0};
	if (!g || g->check(s, id, a, req, &ge) == 0)
		return 0;
	if (ge.status == P_DB || ge.status == P_BUSY || ge.status == P_INTERNAL) {
		*e = ge;
		return -1;
	}
	/* A judgement (P_REFUSED) may be overridden; a hard requirement
	 * (P_INVALID) keeps its status, so that nobody offers to override it. */
	int overridable = ge.status == P_REFUSED, may = permission_override(a);
	if (overridable && may && req && req->override && req->reason && *req->reason) {
		*overridden = 1;
		return 0;
	}
	perr_set(e, overridable ? P_REFUSED : ge.status, _("moving from '%s' to '%s' (%s) is refused: %s"),
		 t->from, t->to, _(t->label_en), ge.msg);
	if (overridable && may)
		perr_append(e, _(" A coordinateur may decide otherwise with --override --reason \"...\"; the override is recorded."));
	return -1;
}

/* The checks common to move_check and move_apply. *overridden is
 * set when a guard said no and the person overrode it with a motivation. */
static int check(struct store *s, const struct actor *a, long long id, const char *from,
		 const char *to, const struct move_request *req, int *overridden,
		 struct perr *e)
{
	*overridden = 0;
	/* Roles first through the transition (its refusal lists the moves
	 * open); for one who may move, a conflict of interest forbids it. */
	if (permission_allows(a, OP_MOVE) && permission_dossier(s, a, OP_MOVE, id, NULL, e) < 0)
		return -1;
	const struct transition_def *t = allowed(a, from, to, e);
	if (!t)
		return -1;
	int has_reason = req && req->reason && *req->reason;
	if (t->motivation_required && !has_reason)
		return perr_set(e, P_REFUSED, _("moving from '%s' to '%s' (%s) needs a written motivation: add --reason \"...\"."),
				from, to, _(t->label_en));
	if (req && req->override && !has_reason)
		return perr_set(e, P_REFUSED, _("an override must be motivated: add --reason \"...\"."));
	return guard_check(s, a, id, t, req, overridden, e);
}

int move_check(struct store *s, const struct actor *a, long long dossier_id,
		    const char *to, const struct move_request *req, struct perr *e)
{
	char *from = NULL;
	int overridden;
	if (current_state(s, dossier_id, &from, NULL, e) < 0)
		return -1;
	int rc = check(s, a, dossier_id, from, to, req, &overridden, e);
	free(from);
	return rc;
}

int move_apply(struct store *s, const struct actor *a, long long dossier_id,
		   const char *to, const struct move_request *req, struct perr *e)
{
	char *from = NULL;
	long long rev = 0;
	int overridden = 0;
	char now[21];
	const char *at = req && req->at ? req->at : now_utc(now);

	if (store_begin(s, e) < 0)
		return -1;
	/* Read the state inside the write transaction: another session may have
	 * moved it since the caller looked. */
	if (current_state(s, dossier_id, &from, &rev, e) < 0)
		goto fail;
	if (req && req->expect_revision && req->expect_revision != rev) {
		perr_set(e, P_CONFLICT, _("the dossier changed since you opened it (it is now in state '%s'); nothing was moved. Look at it again, then decide."),
			 from);
		goto fail;
	}
	if (check(s, a, dossier_id, from, to, req, &overridden, e) < 0)
		goto fail;

	char *detail = NULL;
	if (a->impersonated) {
		kv_add(&detail, "by", a->real_login);
		kv_add(&detail, "for", a->login);
	}
	int rc = stmt_run(s, e, _("recording the move"),
			  "INSERT INTO history(dossier_id, at, actor, real_actor, kind, from_state, to_state,"
			  " motivation, override, detail) VALUES (?, ?, ?, ?, 'move', ?, ?, ?, ?, ?)", "Itttttnin",
			  dossier_id, at, a->login, a->real_login, from, to, req ? req->reason : NULL, overridden,
			  detail);
	free(detail);
	if (rc < 0)
		goto fail;
	const struct guard_def *g = guard_find(procedure_find(from, to)->guard);
	if (g && g->after && g->after(s, dossier_id, a, req, at, e) < 0)
		goto fail;
	free(from);
	return store_commit(s, e);
fail:
	free(from);
	store_rollback(s);
	return -1;
}

