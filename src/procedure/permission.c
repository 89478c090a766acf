/* permission.c - the table of who may do what, and the refusal a person
 * reads when their roles or a conflict of interest forbid it. */
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "procedure/permission.h"
#include "store/stmt.h"

int permission_allows(const struct actor *a, enum permission_op op)
{
	return a && role_may(a->roles, op);
}

/* The refusals people already know, kept word for word; NULL: the
 * table's generic one. */
static int known_refusal(const struct actor *a, enum permission_op op, struct perr *e)
{
	char roles[128];
	switch (op) {
	case OP_ASSIGN:
		return perr_set(e, P_REFUSED, _("assigning reviewers is for a coordinateur; you are %s."), a->login);
	case OP_COMPLEMENTS:
		return perr_set(e, P_REFUSED, _("requesting compléments is for an instructeur or a coordinateur; you are %s."),
				a->login);
	case OP_SCORE:
		return perr_set(e, P_REFUSED, _("scoring a dossier is for instructeurs and coordinateurs; you are %s (%s)."),
				a->login, a->roles ? roles_format(a->roles, roles, sizeof roles) : _("no role"));
	case OP_IMPORT:
		return perr_set(e, P_REFUSED, _("importing dossiers needs the admin role, which %s does "
						"not hold; ask an admin (see 'ptce reviewer list') to "
						"import the file"), a->login);
	default:
		return 0;
	}
}

int permission_check(const struct actor *a, enum permission_op op, struct perr *e)
{
	if (permission_allows(a, op))
		return 0;
	if (op >= OP_COUNT)
		return perr_set(e, P_INTERNAL, "permission_check: operation %d", (int)op);
	if (a && known_refusal(a, op, e) < 0)
		return -1;
	char may[128], mine[128];
	const struct permission_def *p = &permission_table[op];
	return perr_set(e, P_REFUSED, _("%s is for: %s; you are %s (%s)."), _(p->help),
			roles_format(p->roles, may, sizeof may), a ? a->login : "?",
			a && a->roles ? roles_format(a->roles, mine, sizeof mine) : _("no role"));
}

/* The reason login declared (or was declared) in conflict on dossier_id,
 * NULL when not in conflict. A fresh string in *reason. */
static int conflict_reason(struct store *s, long long dossier_id, const char *login, char **reason,
			   struct perr *e)
{
	*reason = NULL;
	return stmt_text(s, reason, e, _("reading conflicts of interest"),
			 "SELECT COALESCE(reason, '') FROM conflicts WHERE dossier_id = ? AND reviewer = ?"
			 " ORDER BY id LIMIT 1", "It", dossier_id, login);
}

/* The dossier's platform number, for messages ("?" if unreadable). */
static char *dossier_number(struct store *s, long long dossier_id)
{
	struct perr ignored = {0};
	char *n = NULL;
	if (stmt_text(s, &n, &ignored, "", "SELECT ds_number FROM dossiers WHERE id = ?", "I",
		      dossier_id) < 0 || !n)
		return xasprintf("%lld", dossier_id);
	return n;
}

static int refuse_conflict(struct store *s, const struct actor *a, enum permission_op op,
			   long long dossier_id, const char *who, const char *reason, struct perr *e)
{
	char *num = dossier_number(s, dossier_id);
	const char *what = _(permission_table[op].help);
	if (strcmp(who, a->login) == 0)
		perr_set(e, P_REFUSED, _("you are in conflict of interest on dossier %s (%s); refused: %s. Someone else with the role must do it."),
			 num, reason, what);
	else
		perr_set(e, P_REFUSED, _("%s is in conflict of interest on dossier %s (%s); refused: %s (ptce conflict withdraw if the conflict was declared by mistake)."),
			 who, num, reason, what);
	free(num);
	return -1;
}

/* Refuse when login is in conflict on dossier_id. */
static int check_conflict(struct store *s, const struct actor *a, enum permission_op op,
			  long long dossier_id, const char *login, struct perr *e)
{
	char *reason = NULL;
	if (conflict_reason(s, dossier_id, login, &reason, e) < 0)
		return -1;
	if (!reason)
		return 0;
	refuse_conflict(s, a, op, dossier_id, login, reason, e);
	free(reason);
	return -1;
}

int permission_dossier(struct store *s, const struct actor *a, enum permission_op op,
		       long long dossier_id, const char *target, struct perr *e)
{
	if (permission_check(a, op, e) < 0)
		return -1;
	unsigned rule = permission_table[op].conflict;
	if ((rule & PC_ACTOR) && check_conflict(s, a, op, dossier_id, a->login, e) < 0)
		return -1;
	if ((rule & PC_TARGET) && target && *target &&
	    check_conflict(s, a, op, dossier_id, target, e) < 0)
		return -1;
	return 0;
}

int permission_assign(const struct actor *a, struct perr *e)
{
	return permission_check(a, OP_ASSIGN, e);
}

int permission_complements(const struct actor *a, struct perr *e)
{
	return permission_check(a, OP_COMPLEMENTS, e);
}

int permission_score(const struct actor *a, struct perr *e)
{
	return permission_check(a, OP_SCORE, e);
}

int permission_import(const struct actor *a, struct perr *e)
{
	return permission_check(a, OP_IMPORT, e);
}

int permission_attach(const struct actor *a, struct perr *e)
{
	if (actor_has(a, ROLE_COORDINATEUR | ROLE_ADMIN))
		return 0;
	return perr_set(e, P_REFUSED, _("attaching a pièce to a dossier is for a coordinateur or an "
					"admin; you are %s."), a->login);
}

int permission_override(const struct actor *a)
{
	return permission_allows(a, OP_OVERRIDE);
}
