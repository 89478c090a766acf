/* cmd_whoami.c - 'ptce whoami': the acting login and name (and the real
 * account under --as), the roles and the database path. */
#include <stdio.h>

#include "base/i18n.h"
#include "base/text.h"
#include "cli/cli.h"
#include "cli/cmd_whoami.h"
#include "procedure/role.h"

int cmd_whoami(struct app *app, int argc, char **argv)
{
	static const struct cli_spec spec = {"whoami", "h", NULL, NULL};
	int rc = cli_parse(app, &spec, argc, argv, NULL);
	if (rc >= 0)
		return rc;
	char roles[128];
	fprintf(app->out, "%s (", app->actor.login);
	text_put(app->out, app->actor.display_name);
	fprintf(app->out, ")%s%s\n", app->actor.impersonated ? _(" acting for ") : "",
		app->actor.impersonated ? app->actor.real_login : "");
	fprintf(app->out, _("Roles: %s\nDatabase: %s\n"), roles_format(app->actor.roles, roles, sizeof roles),
		app->db_path);
	return 0;
}
