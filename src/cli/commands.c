/* commands.c - the table of subcommands (the order of `ptce --help` and of
 * ptce(1)), the global options, and the dispatch shared by the shell and the
 * interface's ':' line. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/host.h"
#include "base/i18n.h"
#include "cli/cli.h"
#include "cli/cmd_assign.h"
#include "cli/cmd_audit.h"
#include "cli/cmd_backup.h"
#include "cli/cmd_campaign.h"
#include "cli/cmd_check.h"
#include "cli/cmd_comment.h"
#include "cli/cmd_checklist.h"
#include "cli/cmd_complements.h"
#include "cli/cmd_conflict.h"
#include "cli/cmd_doc.h"
#include "cli/cmd_export.h"
#include "cli/cmd_history.h"
#include "cli/cmd_import.h"
#include "cli/cmd_init.h"
#include "cli/cmd_letter.h"
#include "cli/cmd_list.h"
#include "cli/cmd_move.h"
#include "cli/cmd_opinion.h"
#include "cli/cmd_print.h"
#include "cli/cmd_ranking.h"
#include "cli/cmd_report.h"
#include "cli/cmd_reviewer.h"
#include "cli/cmd_score.h"
#include "cli/cmd_scores.h"
#include "cli/cmd_show.h"
#include "cli/cmd_tables.h"
#include "cli/cmd_whoami.h"
#include "cli/commands.h"

/* The order here is the order of `ptce --help` and of ptce(1). */
static const struct command commands[] = {
	{"init", cmd_init, "[--demo]", N_("create a new database (--demo: with demonstration data)"), CMD_NO_DB,
	 N_("Options:\n"
	    "  --demo   fill the database with about thirty demonstration dossiers, reviewers\n"
	    "           and reviews, and make you coordinateur too, to try every action\n"
	    "The account running init becomes the database's admin.\n")},
	{"import", cmd_import, "FILE [--members FILE.csv] [--mapping FILE.yaml] [--encoding ENC] [--dry-run] [--verbose]"
	 " | --init-mapping FILE | --report-drift FILE",
	 N_("import or update dossiers from a Démarches Simplifiées export"), 0,
	 N_(
	    "Reads the platform's export as it writes it: xlsx or ods (sheets Dossiers,\n"
	    "Etablissements, Avis and the members' block) or csv (comma or semicolon,\n"
	    "UTF-8 or Windows-1252), recognised by content. Dossiers are matched on the\n"
	    "platform number. Every sheet and row is checked first; if any is invalid,\n"
	    "nothing is imported and each problem is shown as FILE:LINE:COLUMN (csv) or\n"
	    "FILE, sheet NAME, row R, column C (xlsx, ods).\n"
	    "A new dossier gets the platform's history: submitted at Déposé le, then\n"
	    "the moves to the state the mapping gives its État du dossier, at Passé en\n"
	    "instruction le and Traité le (recorded, not decided: no guard is checked).\n"
	    "Instructeurs whose e-mail is a reviewer's are assigned; Avis become expert\n"
	    "opinions; annotations privées become notes. A re-import updates the\n"
	    "applicant's fields (history keeps old and new values), never the state:\n"
	    "a platform state that disagrees with ptce's is reported. Admin role required.\n\n"
	    "Options:\n"
	    "  --members FILE.csv     the members as a CSV (one row per member, with the\n"
	    "                         dossier number); a workbook carries its own sheet\n"
	    "  --mapping FILE.yaml    headers to fields (default: the configuration's\n"
	    "                         'mapping', else mapping/demarches-simplifiees.yaml)\n"
	    "  --encoding ENC         a CSV's encoding (e.g. windows-1252); default: guessed\n"
	    "  -n, --dry-run          check and show what would change; save nothing\n"
	    "  -v, --verbose          one line per dossier\n"
	    "  --init-mapping FILE    print a starting mapping made from FILE's headers\n"
	    "                         (guessed entries marked, the rest commented out)\n"
	    "  --report-drift FILE    list the dossiers whose platform state disagrees with\n"
	    "                         ptce's; write nothing; exit 1 when there are some\n")},
	{"list", cmd_list, "[--state S] [--region R] [--departement D] [--assignee LOGIN] [--format table|tsv|csv|json]",
	 N_("list dossiers"), 0,
	 N_("Options:\n"
	    "  --state S          only dossiers in state S (submitted, phase1, bouquet, phase2,\n"
	    "                     funded, rejected, withdrawn)\n"
	    "  --region R         only dossiers of région R (INSEE code, e.g. 76, or name)\n"
	    "  --departement D    only dossiers of département D (code, e.g. 31, or name)\n"
	    "  --assignee LOGIN   only dossiers assigned to LOGIN ('me' for yourself)\n"
	    "  --format F         table (default), tsv, csv or json\n"
	    "A filter given twice means either value (--state phase2 --state bouquet), as\n"
	    "the interface's filter line reads it.\n"
	    "Columns: number, PTCE, région/département, state, days in that state; C marks\n"
	    "compléments demandés.\n")},
	{"show", cmd_show, "ID", N_("show one dossier in full"), 0,
	 N_("Shows every field of the dossier by section, its members,\n"
	    "pieces, assignments and state, then the reviews you may see. ID is the\n"
	    "platform's dossier number.\n")},
	{"history", cmd_history, "ID", N_("show a dossier's history"), 0,
	 N_("Every entry of the dossier's history, oldest first: when (local time),\n"
	    "who, what (state changes as from → to), motivation. Nothing is ever rewritten.\n")},
	{"doc", cmd_doc, "list ID | show ID N | save ID N FILE [--force] | attach ID FILE [--kind K]",
	 N_("list, read, save and attach a dossier's pièces jointes"), 0,
	 N_("Actions:\n"
	    "  list ID               the pièces: number, kind, file name, size, type, the\n"
	    "                        start of its SHA-256, received on\n"
	    "  show ID N             pièce N as text on standard output (a PDF through\n"
	    "                        pdftotext, from poppler-utils; plain text cleaned)\n"
	    "  save ID N FILE        write pièce N to FILE, created with mode 0600\n"
	    "  attach ID FILE        store FILE as a pièce received outside the platform\n"
	    "                        (coordinateur or admin; recorded in history)\n"
	    "Options:\n"
	    "  -f, --force           save: replace FILE when it exists\n"
	    "  -k, --kind K          attach: statuts, sirene, comptes, charte, lettre or\n"
	    "                        autre (default)\n"
	    "N is the pièce's number in 'ptce doc list'. Who may see the dossier may read\n"
	    "its pièces.\n")},
	{"move", cmd_move, "ID STATE [--reason TEXT] [--override] [--validation-ref REF --validation-date DATE] [--amount EUR] [--years N]",
	 N_("move a dossier to another state of the procedure"), 0,
	 N_("Options:\n"
	    "  --reason TEXT            motivation (required to reject, withdraw, send back to\n"
	    "                           bouquet, and for any override)\n"
	    "  --override               decide against a failing check (coordinateur; recorded)\n"
	    "  --validation-ref REF     phase2 → funded: reference of the national validation\n"
	    "  --validation-date DATE   phase2 → funded: its date (YYYY-MM-DD)\n"
	    "  --amount EUR             phase2 → funded: amount per year (default: the campaign's)\n"
	    "  --years N                phase2 → funded: number of years (default: the campaign's)\n"
	    "A refused move changes nothing and says which moves are open to you.\n")},
	{"assign", cmd_assign, "ID LOGIN... [--remove]", N_("assign reviewers to a dossier (coordinateur)"), 0,
	 N_("Options:\n"
	    "  --remove   take the reviewers off the dossier instead\n"
	    "Assigning an expert lets them see this dossier. Coordinateur only.\n")},
	{"complements", cmd_complements, "ID (--due DATE [--note TEXT] | --clear)",
	 N_("flag or clear compléments demandés (missing documents, with a deadline)"), 0,
	 N_("Options:\n"
	    "  --due DATE    deadline for the applicant (YYYY-MM-DD)\n"
	    "  --note TEXT   what is missing\n"
	    "  --clear       the compléments arrived: remove the flag\n"
	    "A flag on the dossier, not a state: instruction goes on.\n")},
	{"score", cmd_score, "ID --grid G [CRIT=VALUE...] [--comment CRIT=TEXT] [--submit | --reopen] | --edit ID --grid G",
	 N_("score a dossier on a review grid"), 0,
	 N_("Arguments and options:\n"
	    "  CRIT=VALUE          an answer: a scale value (A=3), a gate (R1=yes|no|check),\n"
	    "                      an option id, or a text; CRIT= clears it\n"
	    "  --grid G            the grid: a name in the checklists directory (phase1,\n"
	    "                      phase2) or a YAML file path\n"
	    "  --comment CRIT=TEXT the comment of a criterion (repeatable)\n"
	    "  --submit            submit once saved; what is missing is listed and the\n"
	    "                      answers stay saved as a draft\n"
	    "  --reopen            make your submitted review a draft again (while the\n"
	    "                      dossier is still in the grid's phase)\n"
	    "  --edit              write the review in $VISUAL/$EDITOR as a plain-text form\n"
	    "  --from FILE         with --edit: read the form from FILE instead of an editor\n"
	    "  --revision N        refuse if your review changed since revision N\n"
	    "Every answer is saved at once; without answers, shows your review.\n")},
	{"scores", cmd_scores, "ID [--grid G]", N_("show the reviews of a dossier you may see, and their aggregate"), 0,
	 N_("Options:\n"
	    "  --grid G   only the reviews on grid G\n"
	    "Shows each review you may see (yours first), which grid version it used, the\n"
	    "aggregate per criterion (n, mean, min, max, population standard deviation),\n"
	    "the mean total and band, divergence, blocking gates, and expert opinions.\n"
	    "On a blind grid the others' reviews appear once yours is submitted.\n")},
	{"conflict", cmd_conflict, "ID --reason TEXT [--reviewer LOGIN] | withdraw ID [--reviewer LOGIN] [--reason TEXT]",
	 N_("declare a conflict of interest, or withdraw one declared by mistake"), 0,
	 N_("Options:\n"
	    "  --reason TEXT     why (required to declare; optional to withdraw)\n"
	    "  --reviewer LOGIN  for someone else (coordinateur)\n"
	    "A reviewer in conflict may not review the dossier, sees none of its reviews and\n"
	    "cannot be assigned to it. 'withdraw' takes back a conflict declared by mistake:\n"
	    "allowed to whoever declared it and to a coordinateur; recorded in history.\n")},
	{"comment", cmd_comment, "add ID TEXT... | list ID", N_("write in a dossier's discussion among reviewers, or read it"), 0,
	 N_("Actions:\n"
	    "  add ID TEXT...   add a comment (instructeur, coordinateur or expert; not\n"
	    "                   on a dossier you declared a conflict of interest on)\n"
	    "  list ID          the thread, oldest first: annotations privées imported\n"
	    "                   from the platform and the reviewers' comments\n"
	    "Comments follow the rules of reviews: a reviewer in conflict sees none, an\n"
	    "expert only their own, and on a blind grid an instructeur sees the others'\n"
	    "once their own review is submitted. A comment is never rewritten.\n")},
	{"opinion", cmd_opinion, "ask|answer|list ...", N_("ask for, give and list expert opinions (avis)"), 0,
	 N_("Subcommands:\n"
	    "  ask ID --expert LOGIN --question TEXT      a coordinateur asks an expert\n"
	    "  answer N --favourable|--defavourable --text TEXT\n"
	    "                                             the expert answers request N\n"
	    "  list [ID] [--pending]                      requests you may see, with the age\n"
	    "                                             of unanswered ones\n"
	    "An expert sees only the dossiers they were asked about.\n")},
	{"ranking", cmd_ranking, "--phase 1|2 [--region R] [--format table|csv]", N_("rank dossiers (classement)"), 0,
	 N_("Options:\n"
	    "  --phase 1|2          which phase (required); phase 1 ranks dossiers in states\n"
	    "                       submitted and phase1, phase 2 those in phase2 and funded\n"
	    "  --region CODE        one région (INSEE code, e.g. 44 for Grand Est)\n"
	    "  --format table|csv   csv is for the national cell (UTF-8, comma, header line)\n"
	    "Order: not eliminated, blocking gates met, higher mean total, then the grid's\n"
	    "tie-break (priority territory types, then criteria means), earlier deposit.\n")},
	{"checklist", cmd_checklist, "check FILE... | show ID | install FILE | list", N_("validate review grid files, show, install or list grids"), CMD_NO_DB,
	 N_("Subcommands:\n"
	    "  check FILE...   validate grid files; each error names file:line:column\n"
	    "                  (exit 0 when every file is valid, 1 otherwise)\n"
	    "  show ID         print the grid reviews are given on now: criteria, rules, version\n"
	    "  install FILE    make FILE's grid the version new reviews are given on (admin;\n"
	    "                  recorded, never rewritten)\n"
	    "  list            every installation: grid, version, points, when, who, file\n"
	    "A grid is named by its id, never by a file: the version an admin installed last,\n"
	    "else ID.yaml in the host's grid directory (the system configuration's\n"
	    "'checklists'). The format is described in ptce-checklist(5).\n")},
	{"campaign", cmd_campaign, "list|show [NAME]", N_("show call rounds (millésimes) and their envelopes"), 0,
	 N_("Subcommands:\n"
	    "  list         every round (millésime): envelope, used, remaining\n"
	    "  show [NAME]  one round (default: the current one) and its funding decisions\n"
	    "Used = the sum of amount per year x years of the funding decisions.\n")},
	{"export", cmd_export, "[--format csv|json] [--excel] [--state S] [--region R] [--output FILE [--force]]",
	 N_("export dossiers for a spreadsheet or another tool"), 0,
	 N_(
	    "Writes one row per dossier: ds_number, state, state_since,\n"
	    "days_in_state, then every dossier field by its column name, campaign\n"
	    "and complements_due. Text is cleaned of control characters.\n\n"
	    "Options:\n"
	    "  -f, --format csv|json  output format (default csv; json adds the\n"
	    "                         members and documents of each dossier)\n"
	    "  --excel                CSV for French spreadsheets: UTF-8 BOM,\n"
	    "                         semicolons, CRLF line ends\n"
	    "  --state S              only dossiers in state S\n"
	    "  --region R             only dossiers of région R (INSEE code)\n"
	    "  -o, --output FILE      write FILE (created 0600, put in place only\n"
	    "                         when complete) instead of standard output\n"
	    "  --force                replace FILE when it exists (else refused)\n")},
	{"reviewer", cmd_reviewer, "add|list|set-role|set-email|remove ...", N_("manage the reviewers and their roles (admin)"), 0,
	 N_("Actions:\n"
	    "  add LOGIN --name NAME [--org ORG] [--email MAIL] --role R[,R...]\n"
	    "  list [--all]                     (--all: removed reviewers too)\n"
	    "  set-role LOGIN R[,R...]          replace the roles\n"
	    "  set-email LOGIN MAIL             the address an import matches (Instructeurs, Avis)\n"
	    "  remove LOGIN                     take off the roster (history keeps the name)\n"
	    "Roles: instructeur, coordinateur, expert, lecteur, admin. LOGIN is the Unix account.\n"
	    "Changing the roster is for admins.\n")},
	{"audit", cmd_audit, "verify [--head SEQ:HASH] | head", N_("verify the tamper-evident record, or print its head"), 0,
	 N_("Actions:\n"
	    "  verify [--head SEQ:HASH]  check the chain of every recorded write (history,\n"
	    "                            submitted reviews, decisions, assignments, conflicts,\n"
	    "                            opinions, notes, documents, roster) against the rows;\n"
	    "                            name the first entry edited, deleted, inserted or\n"
	    "                            reordered outside ptce. --head: a head printed earlier\n"
	    "                            by 'ptce audit head', which must still be in the chain\n"
	    "                            (catches a rewrite with a recomputed chain)\n"
	    "  head                      print the chain's head (SEQ:HASH): keep it outside\n"
	    "                            the database, e.g. in the minutes of a committee\n"
	    "Exit status 4 when something was changed outside ptce.\n")},
	{"check", cmd_check, "[FILE] [--head SEQ:HASH]", N_("check the database (or a backup): integrity and audit record"), CMD_NO_DB,
	 N_("Runs SQLite's integrity check and 'ptce audit verify' on the database, or on\n"
	    "FILE (a backup), without changing it; works on a damaged file.\n"
	    "Exit status 0 when both are good, 4 otherwise.\n")},
	{"backup", cmd_backup, "FILE", N_("copy the database into a new file, while others work (admin)"), 0,
	 N_("Copies the database with SQLite's online backup API (other sessions keep\n"
	    "working) into FILE, created 0600; never overwrites a file. The copy is\n"
	    "checked before it takes its name, so FILE is complete or absent.\n")},
	{"restore", cmd_restore, "FILE", N_("put back a backup after checking it (admin)"), CMD_NO_DB,
	 N_("Checks FILE first (a ptce database, integrity check, schema version no newer\n"
	    "than this ptce, audit record intact) and refuses it without touching the\n"
	    "database when one fails. Then replaces the database's content in one\n"
	    "transaction: open sessions see the old or the new content, never a mix.\n"
	    "You must be an admin in FILE (and in the database, when it can still say).\n")},
	{"whoami", cmd_whoami, "", N_("show who you are for ptce, your roles and the database"), 0,
	 NULL},
	{"print", cmd_print, "ID [--pdf FILE] [--force] [--roff]",
	 N_("print a dossier's fiche d'instruction (text, or an A4 PDF)"), 0,
	 N_("The fiche d'instruction for the CRA meeting: région, millésime, number,\n"
	    "PTCE, structure porteuse, dates and state; the applicant; the members\n"
	    "against the conditions of décret 2015-431; every review you may see with\n"
	    "each criterion's label, answer and comment; the aggregate, band and\n"
	    "divergences; expert opinions; the decisions with their motivations; a\n"
	    "block for the CRA's decision and signatures. Text fits 80 columns.\n\n"
	    "Options:\n"
	    "  --pdf FILE   write an A4 PDF (made by groff) to FILE, mode 0600\n"
	    "  --force      replace FILE if it exists\n"
	    "  --roff       print the groff source instead (to adapt the layout)\n")},
	{"report", cmd_report, "[--campaign C] [--region R] [--since DATE] [--format text|csv|pdf] [--output FILE] [--force]",
	 N_("the report for the CRA meeting (text, CSV or an A4 PDF)"), 0,
	 N_("Counts per state and per région, overdue dossiers and overdue\n"
	    "compléments, the phase 2 classement with bands and divergences, the\n"
	    "envelope used and remaining, the decisions of the period with their\n"
	    "motivations, and the reviews still missing by reviewer.\n\n"
	    "Options:\n"
	    "  --campaign C    only the dossiers of campaign (millésime) C\n"
	    "  --region R      only the dossiers of région R (INSEE code, e.g. 44)\n"
	    "  --since DATE    decisions since DATE (YYYY-MM-DD; default: 30 days ago)\n"
	    "  --format F      text (default, 80 columns), csv (ISO dates, decimal\n"
	    "                  points: for a program) or pdf (needs --output)\n"
	    "  --output FILE   write to FILE (mode 0600) instead of the output\n"
	    "  --force         replace FILE if it exists\n")},
	{"letter", cmd_letter, "ID [--pdf FILE] [--force] [--template FILE]",
	 N_("draft the letter notifying a dossier's last decision"), 0,
	 N_("Drafts the notification of the dossier's last decision from a template\n"
	    "of share/letters/ (a région edits them; fields are listed in\n"
	    "ptce-letter(5)): retained in phase 1, not retained (with the\n"
	    "motivation), not retained in phase 2, lauréat (with amount and years).\n"
	    "A template naming an unknown field is refused with its line.\n\n"
	    "Options:\n"
	    "  --pdf FILE        write an A4 PDF to FILE, mode 0600\n"
	    "  --force           replace FILE if it exists\n"
	    "  --template FILE   use this template instead of the decision's own\n")},
	{"tables", cmd_tables, "keys|commands|states|transitions|permissions", N_("print tables for the manual pages"), CMD_NO_DB | CMD_HIDDEN,
	 N_("  --mdoc    print mdoc lines for ptce(1) instead of tab-separated text\n"
	    "\n"
	    "keys: one row per interface action: keys, action name, panels\n"
	    "(Q queue, D dossier, S scoring, P pager, E editor), help.\n"
	    "commands: one row per subcommand: name, arguments, summary.\n"
	    "states: name, French label, open (1) or closed (0).\n"
	    "transitions: from, to, roles allowed, motivation required (1).\n"
	    "permissions: one row per operation: a column per role, then whom a\n"
	    "conflict of interest binds.\n")},
	{NULL, NULL, NULL, NULL, 0, NULL}
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
			   "5 changed by someone else first, 6 file error, 70 internal error. See ptce(1) and\n"
			   "ptce-procedure(7).\n"));
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
	app->commands = commands;
	/* --help anywhere asks for the command's help, even after an action
	 * word that the command does not parse itself (campaign list --help). */
	if (wants_help(argc, argv))
		return cli_help(app, c->name);
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

	host_init();
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
	if (app_db_allowed(db_opt, &e) < 0) {
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
