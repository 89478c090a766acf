/* cmd_complements.c - 'ptce complements': the missing documents asked of
 * the applicant, with a deadline; a flag on the dossier, not a state. */
#include <stddef.h>
#include <stdio.h>

#include "base/i18n.h"
#include "cli/cli.h"
#include "cli/cmd_complements.h"
#include "procedure/assignment.h"

struct complements_opts {
	const char *due, *note;
	int clear;
};

static const struct cli_opt complements_options[] = {
	{"due", 'd', CLI_TEXT, offsetof(struct complements_opts, due), 0},
	{"note", 'n', CLI_TEXT, offsetof(struct complements_opts, note), 0},
	{"clear", 'c', CLI_FLAG, offsetof(struct complements_opts, clear), 1},
	{0}
};
static const struct cli_spec complements_spec = {"complements", "d:n:ch", complements_options, NULL};

int cmd_complements(struct app *app, int argc, char **argv)
{
	struct complements_opts o = {0};
	long long id;
	int rc = cli_parse(app, &complements_spec, argc, argv, &o);
	if (rc >= 0)
		return rc;
	if (!o.clear && !o.due)
		return cli_usage_error(app, "complements", "%s", _("give --due DATE (and --note), or --clear"));
	if (o.clear && o.due)
		return cli_usage_error(app, "complements", "%s", _("--due and --clear exclude each other"));
	if ((rc = cli_dossier(app, "complements", cli_arg(argc, argv), &id)) != 0)
		return rc;
	struct perr e = {0};
	if (complements_set(app->store, &app->actor, id, o.clear ? NULL : o.due, o.note, &e) < 0)
		return cli_report(app, &e);
	fputs(o.clear ? _("Compléments flag cleared.\n") : _("Compléments demandés recorded.\n"), app->out);
	return 0;
}
