/* cmd_assign.c - 'ptce assign': assign each login given to the dossier (or
 * unassign with --remove), stopping at the first refusal. */
#include <getopt.h>
#include <stdio.h>

#include "base/i18n.h"
#include "cli/cli.h"
#include "cli/cmd_assign.h"
#include "procedure/assignment.h"

static int assign_opt(struct app *app, int c, char *arg, void *ctx)
{
	(void)app;
	(void)c;
	(void)arg;
	*(int *)ctx = 0;	/* --remove */
	return 0;
}

int cmd_assign(struct app *app, int argc, char **argv)
{
	static const struct option longs[] = {
		{"remove", no_argument, NULL, 'r'}, {"help", no_argument, NULL, 'h'}, {0}
	};
	static const struct cli_spec spec = {"assign", "rh", longs, N_("Options:\n"
		"  --remove   take the reviewers off the dossier instead\n"
		"Assigning an expert lets them see this dossier. Coordinateur only.\n"), assign_opt};
	int on = 1;
	long long id;
	int rc = cli_parse(app, &spec, argc, argv, &on);
	if (rc >= 0 || (rc = cli_dossier(app, "assign", cli_arg(argc, argv), &id)) != 0)
		return rc;
	if (optind >= argc)
		return cli_usage_error(app, "assign", "%s", _("whom? give one or more logins"));
	for (int i = optind; i < argc; i++) {
		struct perr e = {0};
		if (assignment_set(app->store, &app->actor, id, argv[i], on, &e) < 0)
			return cli_report(app, &e);
		fprintf(app->out, on ? _("%s assigned.\n") : _("%s unassigned.\n"), argv[i]);
	}
	return 0;
}
