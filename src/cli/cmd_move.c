/* cmd_move.c - 'ptce move': read the move's motivation, override and the
 * funding decision's figures; workflow/move.c checks and records it. */
#include <errno.h>
#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "cli/cli.h"
#include "cli/cmd_move.h"
#include "procedure/procedure.h"
#include "workflow/move.h"

/* --amount and --years: the funding decision's figures, within bounds. */
static int move_figure(struct app *app, int key, char *arg, void *ctx)
{
	struct move_request *req = ctx;
	char *end;
	if (key == 'a') {
		errno = 0;
		req->amount_per_year = strtoll(arg, &end, 10);
		if (*end || errno || req->amount_per_year <= 0 || req->amount_per_year > 10000000)
			return cli_usage_error(app, "move", _("--amount takes a whole number of euros per year, from 1 to 10000000, not '%s'"), arg);
		return 0;
	}
	req->years = (int)strtol(arg, &end, 10);
	if (*end || req->years < 1 || req->years > 5)
		return cli_usage_error(app, "move", _("--years takes a number from 1 to 5, not '%s'"), arg);
	return 0;
}

static const struct cli_opt move_options[] = {
	{"reason", 'r', CLI_TEXT, offsetof(struct move_request, reason), 0},
	{"override", 'o', CLI_FLAG, offsetof(struct move_request, override), 1},
	{"validation-ref", 'v', CLI_TEXT, offsetof(struct move_request, validation_ref), 0},
	{"validation-date", 'd', CLI_TEXT, offsetof(struct move_request, validation_date), 0},
	{"amount", 'a', CLI_CHECK, 0, 0},
	{"years", 'y', CLI_CHECK, 0, 0},
	{0}
};
static const struct cli_spec move_spec = {"move", "r:ov:d:a:y:h", move_options, move_figure};

int cmd_move(struct app *app, int argc, char **argv)
{
	struct move_request req = {0};
	const char *ref;
	long long id;
	int rc = cli_parse_dossier(app, &move_spec, argc, argv, &req, &ref, &id);
	if (rc >= 0)
		return rc;
	const char *to = cli_arg(argc, argv);
	if (!to)
		return cli_usage_error(app, "move", "%s", _("to which state? e.g. ptce move 1234 phase1"));
	if (optind < argc)
		return cli_usage_error(app, "move", _("unexpected argument '%s' (quote the motivation: --reason \"...\")"), argv[optind]);
	/* A state by its code or its name in the reader's language. */
	const char *code = state_from_words(to);
	if (code)
		to = code;
	struct perr e = {0};
	if (move_apply(app->store, &app->actor, id, to, &req, &e) < 0)
		return cli_report(app, &e);
	fprintf(app->out, _("Dossier %s is now %s.\n"), ref, state_label(to));
	return 0;
}
