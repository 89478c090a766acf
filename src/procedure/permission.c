/* permission.c - the roles each operation needs, with the refusal a person
 * reads when they lack them. */
#include "base/i18n.h"
#include "procedure/permission.h"

int permission_assign(const struct actor *a, struct perr *e)
{
	if (actor_has(a, ROLE_COORDINATEUR))
		return 0;
	return perr_set(e, P_REFUSED, _("assigning reviewers is for a coordinateur; you are %s."), a->login);
}

int permission_complements(const struct actor *a, struct perr *e)
{
	if (actor_has(a, ROLE_INSTRUCTEUR | ROLE_COORDINATEUR))
		return 0;
	return perr_set(e, P_REFUSED, _("requesting compléments is for an instructeur or a coordinateur; you are %s."),
			a->login);
}

int permission_score(const struct actor *a, struct perr *e)
{
	if (actor_has(a, PERMISSION_SCORE_ROLES))
		return 0;
	char roles[128];
	return perr_set(e, P_REFUSED, _("scoring a dossier is for instructeurs and coordinateurs; you are %s (%s)."),
			a->login, a->roles ? roles_format(a->roles, roles, sizeof roles) : _("no role"));
}

int permission_import(const struct actor *a, struct perr *e)
{
	if (actor_has(a, ROLE_ADMIN))
		return 0;
	return perr_set(e, P_REFUSED, _("importing dossiers needs the admin role, which %s does "
					"not hold; ask an admin (see 'ptce reviewer list') to "
					"import the file"), a->login);
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
	return actor_has(a, ROLE_COORDINATEUR);
}
