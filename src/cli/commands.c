/* commands.c - the table of subcommands (the order of `ptce --help` and of
 * ptce(1)), the global options, and the dispatch shared by the shell and the
 * interface's ':' line. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "cli/cli.h"
#include "cli/cmd_assign.h"
#include "cli/cmd_campaign.h"
#include "cli/cmd_checklist.h"
#include "cli/cmd_complements.h"
#include "cli/cmd_conflict.h"
#include "cli/cmd_doc.h"
#include "cli/cmd_export.h"
#include "cli/cmd_history.h"
#include "cli/cmd_import.h"
#include "cli/cmd_init.h"
#include "cli/cmd_list.h"
#include "cli/cmd_move.h"
#include "cli/cmd_opinion.h"
#include "cli/cmd_ranking.h"
#include "cli/cmd_reviewer.h"
#include "cli/cmd_score.h"
#include "cli/cmd_scores.h"
#include "cli/cmd_show.h"
#include "cli/cmd_whoami.h"
#include "cli/commands.h"

/* The order here is the order of `ptce --help` and of ptce(1). */
static const struct command commands[] = {
	{"init", cmd_init, "[--demo]", N_("create a new database (--demo: with demonstration data)"), CMD_NO_DB},
	{"import", cmd_import, "FILE.csv [--members FILE.csv] [--mapping FILE.yaml] [--dry-run] [--verbose]",
	 N_("import or update dossiers from a Démarches Simplifiées export"), 0},
	{"list", cmd_list, "[--state S] [--region R] [--assignee LOGIN] [--format table|tsv|csv|json]",
	 N_("list dossiers"), 0},
	{"show", cmd_show, "ID", N_("show one dossier in full"), 0},
	{"history", cmd_history, "ID", N_("show a dossier's history"), 0},
	{"move", cmd_move, "ID STATE [--reason TEXT] [--override] [--validation-ref REF --validation-date DATE] [--amount EUR] [--years N]",
	 N_("move a dossier to another state of the procedure"), 0},
	{"assign", cmd_assign, "ID LOGIN... [--remove]", N_("assign reviewers to a dossier (coordinateur)"), 0},
	{"complements", cmd_complements, "ID (--due DATE [--note TEXT] | --clear)",
	 N_("flag or clear compléments demandés (missing documents, with a deadline)"), 0},
	{"score", cmd_score, "ID --grid G [CRIT=VALUE...] [--comment CRIT=TEXT] [--submit | --reopen] | --edit ID --grid G",
	 N_("score a dossier on a review grid"), 0},
	{"scores", cmd_scores, "ID [--grid G]", N_("show the reviews of a dossier you may see, and their aggregate"), 0},
	{"conflict", cmd_conflict, "ID --reason TEXT [--reviewer LOGIN]", N_("declare a conflict of interest"), 0},
	{"opinion", cmd_opinion, "ask|answer|list ...", N_("ask for, give and list expert opinions (avis)"), 0},
	{"ranking", cmd_ranking, "--phase 1|2 [--region R] [--format table|csv]", N_("rank dossiers (classement)"), 0},
	{"checklist", cmd_checklist, "check FILE... | show NAME", N_("validate review grid files, or show one"), CMD_NO_DB},
	{"campaign", cmd_campaign, "list|show [NAME]", N_("show call rounds (millésimes) and their envelopes"), 0},
	{"export", cmd_export, "[--format csv|json] [--excel] [--state S] [--region R] [--output FILE]",
	 N_("export dossiers for a spreadsheet or another tool"), 0},
	{"reviewer", cmd_reviewer, "add|list|set-role|remove ...", N_("manage the reviewers and their roles (admin)"), 0},
	{"whoami", cmd_whoami, "", N_("show who you are for ptce, your roles and the database"), 0},
	{"doc", cmd_doc, "keys|commands", N_("print tables for the manual pages"), CMD_NO_DB | CMD_HIDDEN},
	{NULL, NULL, NULL, NULL, 0}
};

const struct command *command_find(const char *name)
{
	for (const struct command *c = commands; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

static void main_help(FILE *f)
{
	fprintf(f, "%s", _("Usage: ptce [GLOBAL OPTIONS] [COMMAND [ARGS]]\n"
			   "Review and decide AMI PTCE candidature dossiers. Without a command, opens the interface.\n\n"
			   "Global options:\n"
			   "  --db PATH        the database (default: PTCE_DB, the configuration, ~/.local/share/ptce/ptce.db)\n"
			   "  --config FILE    read this configuration file instead of the usual ones\n"
			   "  --as LOGIN       act as another reviewer (admin only; recorded in history)\n"
			   "  -h, --help       this help; 'ptce COMMAND --help' for a command\n"
			   "  -V, --version    the version\n\n"
			   "Commands:\n"));
	for (const struct command *c = commands; c->name; c++)
		if (!(c->flags & CMD_HIDDEN))
			fprintf(f, "  %-12s %s\n", c->name, _(c->summary));
	fprintf(f, "%s", _("\nExit status: 0 ok, 1 refused or invalid input, 2 usage, 3 not found, 4 database problem,\n"
			   "5 changed by someone else first, 6 file error. See ptce(1) and ptce-procedure(7).\n"));
}

static int wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return 0;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return 1;
	}
	return 0;
}

int cli_dispatch(struct app *app, int argc, char **argv)
{
	const struct command *c = command_find(argv[0]);
	if (!c)
		return cli_usage_error(app, NULL, _("unknown command '%s'"), argv[0]);
	/* The one place getopt starts over for a subcommand: its options begin
	 * at argv[1], and 0 (not 1) makes glibc read the new option string
	 * afresh (a leading '+' or ':'). */
	optind = 0;
	opterr = 0;
	return c->run(app, argc, argv);
}

int cli_main(int argc, char **argv, int (*ui)(struct app *app))
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"config", required_argument, NULL, 'c'},
		{"as", required_argument, NULL, 'a'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0}
	};
	struct app app = {.out = stdout, .err = stderr, .commands = commands};
	char *db_opt = NULL;
	struct perr e = {0};
	int ch, rc;

	opterr = 0;
	optind = 0;
	/* '+': stop at the subcommand; its options are its own. */
	while ((ch = getopt_long(argc, argv, "+hV", opts, NULL)) != -1) {
		switch (ch) {
		case 'd': db_opt = optarg; break;
		case 'c': app.config_path = optarg; break;
		case 'a': app.as_login = optarg; break;
		case 'h': main_help(stdout); return 0;
		case 'V': printf("ptce %s\n", PTCE_VERSION); return 0;
		default:
			if (optopt)
				return cli_usage_error(&app, NULL, _("unknown option '-%c'"), optopt);
			return cli_usage_error(&app, NULL, _("unknown option '%s'"), argv[optind - 1]);
		}
	}
	argc -= optind;
	argv += optind;

	const struct command *c = argc > 0 ? command_find(argv[0]) : NULL;
	if (argc > 0 && !c) {
		if (strcmp(argv[0], "help") == 0) {
			if (argc > 1 && command_find(argv[1])) {
				char *hv[] = {argv[1], "--help", NULL};
				return cli_dispatch(&app, 2, hv);
			}
			main_help(stdout);
			return 0;
		}
		return cli_usage_error(&app, NULL, _("unknown command '%s'; 'ptce --help' lists the commands"), argv[0]);
	}
	if (c && wants_help(argc, argv))
		return cli_dispatch(&app, argc, argv);

	if (config_load(&app.cfg, app.config_path, &e) < 0) {
		rc = cli_report(&app, &e);
		config_done(&app.cfg);
		return rc;
	}
	app.db_path = app_resolve_db(db_opt, &app.cfg);

	if (c && (c->flags & CMD_NO_DB)) {
		rc = cli_dispatch(&app, argc, argv);
	} else if (app_open(&app, &e) < 0) {
		rc = cli_report(&app, &e);
	} else if (c) {
		rc = cli_dispatch(&app, argc, argv);
	} else if (ui) {
		app.interactive = 1;
		rc = ui(&app);
	} else {
		fprintf(stderr, "%s", _("ptce: this build has no interface; give a command (ptce --help)\n"));
		rc = 2;
	}
	app_close(&app);
	free(app.db_path);
	config_done(&app.cfg);
	return rc;
}
