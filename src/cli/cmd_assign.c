/* cmd_assign.c - 'ptce assign': assign each login given to the dossier (or
 * unassign with --remove), stopping at the first refusal. */
#include <getopt.h>
#include <stdio.h>

#include "base/i18n.h"
#include "cli/cli.h"
#include "cli/cmd_assign.h"
#include "procedure/assignment.h"

static const struct cli_opt assign_options[] = {{"remove", 'r', CLI_FLAG, 0, 1}, {0}};
static const struct cli_spec assign_spec = {"assign", "rh", assign_options, NULL};

int cmd_assign(struct app *app, int argc, char **argv)
{
	int remove = 0;
	const char *ref;
	long long id;
	int rc = cli_parse_dossier(app, &assign_spec, argc, argv, &remove, &ref, &id);
	if (rc >= 0)
		return rc;
	if (optind >= argc)
		return cli_usage_error(app, "assign", "%s", _("whom? give one or more logins"));
	for (int i = optind; i < argc; i++) {
		struct perr e = {0};
		if (assignment_set(app->store, &app->actor, id, argv[i], !remove, &e) < 0)
			return cli_report(app, &e);
		fprintf(app->out, !remove ? _("%s assigned.\n") : _("%s unassigned.\n"), argv[i]);
	}
	return 0;
}
