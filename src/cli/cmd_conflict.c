/* cmd_conflict.c - 'ptce conflict': a reviewer (or a coordinateur for them)
 * declares a conflict of interest, with its reason; the reviewer then may not
 * review the dossier nor see its reviews; 'ptce conflict withdraw' takes
 * back one declared by mistake (its author or a coordinateur). */
#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "cli/cli.h"
#include "cli/cmd_conflict.h"
#include "review/review.h"

struct conflict_opts {
	const char *reason, *who;
};

static const struct cli_opt conflict_options[] = {
	{"reason", 'r', CLI_TEXT, offsetof(struct conflict_opts, reason), 0},
	{"reviewer", 'u', CLI_TEXT, offsetof(struct conflict_opts, who), 0},
	{0}
};
static const struct cli_spec conflict_spec = {"conflict", "r:u:h", conflict_options, NULL};

/* ptce conflict withdraw ID [--reviewer LOGIN] [--reason TEXT]. */
static int conflict_withdraw_cmd(struct app *app, int argc, char **argv)
{
	struct conflict_opts o = {0};
	const char *ref;
	long long id;
	int rc = cli_parse_dossier(app, &conflict_spec, argc, argv, &o, &ref, &id);
	if (rc >= 0)
		return rc;
	if (optind < argc)
		return cli_usage_error(app, "conflict", _("unexpected argument '%s' (quote the reason: --reason \"...\")"), argv[optind]);
	struct perr e = {0};
	if (conflict_withdraw(app->store, &app->actor, id, o.who, o.reason, NULL, &e) < 0)
		return cli_report(app, &e);
	fprintf(app->out, _("Conflict of interest withdrawn: %s on dossier %s.\n"),
		o.who ? o.who : app->actor.login, ref);
	return 0;
}

int cmd_conflict(struct app *app, int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "withdraw") == 0)
		return conflict_withdraw_cmd(app, argc - 1, argv + 1);
	struct conflict_opts o = {0};
	const char *ref;
	long long id;
	int rc = cli_parse_dossier(app, &conflict_spec, argc, argv, &o, &ref, &id);
	if (rc >= 0)
		return rc;
	if (optind < argc)
		return cli_usage_error(app, "conflict", _("unexpected argument '%s' (quote the reason: --reason \"...\")"), argv[optind]);
	if (!o.reason || !*o.reason)
		return cli_usage_error(app, "conflict", "%s", _("a conflict of interest needs --reason \"...\""));
	struct perr e = {0};
	if (conflict_declare(app->store, &app->actor, id, o.who, o.reason, NULL, &e) < 0)
		return cli_report(app, &e);
	fprintf(app->out, _("Conflict of interest recorded: %s on dossier %s.\n"), o.who ? o.who : app->actor.login, ref);
	return 0;
}
