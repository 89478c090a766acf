/* cmd_conflict.c - 'ptce conflict': a reviewer (or a coordinateur for them)
 * declares a conflict of interest, with its reason; the reviewer then may not
 * review the dossier nor see its reviews. */
#include <getopt.h>
#include <stdio.h>

#include "base/i18n.h"
#include "cli/cli.h"
#include "cli/cmd_conflict.h"
#include "review/review.h"

struct conflict_opts {
	const char *reason, *who;
};

static int conflict_opt(struct app *app, int c, char *arg, void *ctx)
{
	struct conflict_opts *o = ctx;
	(void)app;
	if (c == 'r')
		o->reason = arg;
	else if (c == 'u')
		o->who = arg;
	return 0;
}

int cmd_conflict(struct app *app, int argc, char **argv)
{
	static const struct option longs[] = {
		{"reason", required_argument, NULL, 'r'}, {"reviewer", required_argument, NULL, 'u'},
		{"help", no_argument, NULL, 'h'}, {0}
	};
	static const struct cli_spec spec = {"conflict", "r:u:h", longs, N_("Options:\n"
		"  --reason TEXT     why (required)\n"
		"  --reviewer LOGIN  declare it for someone else (coordinateur)\n"
		"A reviewer in conflict may not review the dossier and sees none of its reviews.\n"), conflict_opt};
	struct conflict_opts o = {0};
	long long id;
	int rc = cli_parse(app, &spec, argc, argv, &o);
	if (rc >= 0)
		return rc;
	const char *ref = cli_arg(argc, argv);
	if ((rc = cli_dossier(app, "conflict", ref, &id)) != 0)
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
