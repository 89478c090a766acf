/* cmd_move.c - 'ptce move': read the move's motivation, override and the
 * funding decision's figures; workflow/move.c checks and records it. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "cli/cli.h"
#include "cli/cmd_move.h"
#include "procedure/procedure.h"
#include "workflow/move.h"

static int move_opt(struct app *app, int c, char *arg, void *ctx)
{
	struct move_request *req = ctx;
	char *end;
	switch (c) {
	case 'r': req->reason = arg; break;
	case 'o': req->override = 1; break;
	case 'v': req->validation_ref = arg; break;
	case 'd': req->validation_date = arg; break;
	case 'a':
		errno = 0;
		req->amount_per_year = strtoll(arg, &end, 10);
		if (*end || errno || req->amount_per_year <= 0 || req->amount_per_year > 10000000)
			return cli_usage_error(app, "move", _("--amount takes a whole number of euros per year, from 1 to 10000000, not '%s'"), arg);
		break;
	case 'y':
		req->years = (int)strtol(arg, &end, 10);
		if (*end || req->years < 1 || req->years > 5)
			return cli_usage_error(app, "move", _("--years takes a number from 1 to 5, not '%s'"), arg);
		break;
	}
	return 0;
}

int cmd_move(struct app *app, int argc, char **argv)
{
	static const struct option longs[] = {
		{"reason", required_argument, NULL, 'r'}, {"override", no_argument, NULL, 'o'},
		{"validation-ref", required_argument, NULL, 'v'},
		{"validation-date", required_argument, NULL, 'd'},
		{"amount", required_argument, NULL, 'a'}, {"years", required_argument, NULL, 'y'},
		{"help", no_argument, NULL, 'h'}, {0}
	};
	static const struct cli_spec spec = {"move", "r:ov:d:a:y:h", longs, N_("Options:\n"
		"  --reason TEXT            motivation (required to reject, withdraw, send back to\n"
		"                           bouquet, and for any override)\n"
		"  --override               decide against a failing check (coordinateur; recorded)\n"
		"  --validation-ref REF     phase2 → funded: reference of the national validation\n"
		"  --validation-date DATE   phase2 → funded: its date (YYYY-MM-DD)\n"
		"  --amount EUR             phase2 → funded: amount per year (default: the campaign's)\n"
		"  --years N                phase2 → funded: number of years (default: the campaign's)\n"
		"A refused move changes nothing and says which moves are open to you.\n"), move_opt};
	struct move_request req = {0};
	long long id;
	int rc = cli_parse(app, &spec, argc, argv, &req);
	if (rc >= 0)
		return rc;
	const char *ref = cli_arg(argc, argv);
	if ((rc = cli_dossier(app, "move", ref, &id)) != 0)
		return rc;
	const char *to = cli_arg(argc, argv);
	if (!to)
		return cli_usage_error(app, "move", "%s", _("to which state? e.g. ptce move 1234 phase1"));
	if (optind < argc)
		return cli_usage_error(app, "move", _("unexpected argument '%s' (quote the motivation: --reason \"...\")"), argv[optind]);
	struct perr e = {0};
	if (move_apply(app->store, &app->actor, id, to, &req, &e) < 0)
		return cli_report(app, &e);
	fprintf(app->out, _("Dossier %s is now %s.\n"), ref, state_label(to));
	return 0;
}
