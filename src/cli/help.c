/* help.c - the text of each subcommand's --help after its synopsis and
 * summary: what its options do and what it prints. */
#include <string.h>

#include "base/i18n.h"
#include "cli/help.h"

static const struct {
	const char *cmd;
	const char *text;	/* N_() */
} helps[] = {
	{"init", N_("Options:\n"
	 "  --demo   fill the database with about thirty demonstration dossiers, reviewers\n"
	 "           and reviews, and make you coordinateur too, to try every action\n"
	 "The account running init becomes the database's admin.\n")},
	{"import", N_(
	 "Reads the CSV export of Démarches Simplifiées (one row per dossier,\n"
	 "comma or semicolon, UTF-8 with or without BOM) and creates or updates\n"
	 "dossiers by platform number. Every row is checked first; if any is\n"
	 "invalid, nothing is imported and each problem is shown as\n"
	 "FILE:LINE:COLUMN. A re-import updates the applicant's fields only:\n"
	 "states, reviews and history are kept. Admin role required.\n\n"
	 "Options:\n"
	 "  --members FILE.csv   the members (one row per member, with the dossier\n"
	 "                       number); replaces the members of the dossiers\n"
	 "  --mapping FILE.yaml  CSV headers to fields (default: the configuration's\n"
	 "                       'mapping', else mapping/demarches-simplifiees.yaml)\n"
	 "  -n, --dry-run        check and show what would change; save nothing\n"
	 "  -v, --verbose        one line per dossier\n")},
	{"list", N_("Options:\n"
	 "  --state S          only dossiers in state S (submitted, phase1, bouquet, phase2,\n"
	 "                     funded, rejected, withdrawn)\n"
	 "  --region R         only dossiers of région R (INSEE code, e.g. 44)\n"
	 "  --assignee LOGIN   only dossiers assigned to LOGIN ('me' for yourself)\n"
	 "  --format F         table (default), tsv, csv or json\n"
	 "Columns: number, PTCE, région/département, state, days in that state; C marks\n"
	 "compléments demandés.\n")},
	{"show", N_("Shows every field of the dossier by section, its members,\n"
	 "pieces, assignments and state. ID is the platform's dossier number.\n")},
	{"history", N_("Every entry of the dossier's history, oldest first: when (local time),\n"
	 "who, what (state changes as from → to), motivation. Nothing is ever rewritten.\n")},
	{"move", N_("Options:\n"
	 "  --reason TEXT            motivation (required to reject, withdraw, send back to\n"
	 "                           bouquet, and for any override)\n"
	 "  --override               decide against a failing check (coordinateur; recorded)\n"
	 "  --validation-ref REF     phase2 → funded: reference of the national validation\n"
	 "  --validation-date DATE   phase2 → funded: its date (YYYY-MM-DD)\n"
	 "  --amount EUR             phase2 → funded: amount per year (default: the campaign's)\n"
	 "  --years N                phase2 → funded: number of years (default: the campaign's)\n"
	 "A refused move changes nothing and says which moves are open to you.\n")},
	{"assign", N_("Options:\n"
	 "  --remove   take the reviewers off the dossier instead\n"
	 "Assigning an expert lets them see this dossier. Coordinateur only.\n")},
	{"complements", N_("Options:\n"
	 "  --due DATE    deadline for the applicant (YYYY-MM-DD)\n"
	 "  --note TEXT   what is missing\n"
	 "  --clear       the compléments arrived: remove the flag\n"
	 "A flag on the dossier, not a state: instruction goes on.\n")},
	{"score", N_("Arguments and options:\n"
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
	{"scores", N_("Options:\n"
	 "  --grid G   only the reviews on grid G\n"
	 "Shows each review you may see (yours first), which grid version it used, the\n"
	 "aggregate per criterion (n, mean, min, max, population standard deviation),\n"
	 "the mean total and band, divergence, blocking gates, and expert opinions.\n"
	 "On a blind grid the others' reviews appear once yours is submitted.\n")},
	{"conflict", N_("Options:\n"
	 "  --reason TEXT     why (required)\n"
	 "  --reviewer LOGIN  declare it for someone else (coordinateur)\n"
	 "A reviewer in conflict may not review the dossier and sees none of its reviews.\n")},
	{"opinion", N_("Subcommands:\n"
	 "  ask ID --expert LOGIN --question TEXT      a coordinateur asks an expert\n"
	 "  answer N --favourable|--defavourable --text TEXT\n"
	 "                                             the expert answers request N\n"
	 "  list [ID] [--pending]                      requests you may see, with the age\n"
	 "                                             of unanswered ones\n"
	 "An expert sees only the dossiers they were asked about.\n")},
	{"ranking", N_("Options:\n"
	 "  --phase 1|2          which phase (required); phase 1 ranks dossiers in states\n"
	 "                       submitted and phase1, phase 2 those in phase2 and funded\n"
	 "  --region CODE        one région (INSEE code, e.g. 44 for Grand Est)\n"
	 "  --format table|csv   csv is for the national cell (UTF-8, comma, header line)\n"
	 "Order: not eliminated, blocking gates met, higher mean total, then the grid's\n"
	 "tie-break (priority territory types, then criteria means), earlier deposit.\n")},
	{"checklist", N_("Subcommands:\n"
	 "  check FILE...   validate grid files; each error names file:line:column\n"
	 "                  (exit 0 when every file is valid, 1 otherwise)\n"
	 "  show NAME|FILE  print a grid's criteria, rules and version hash\n"
	 "A NAME is looked up as NAME.yaml in the checklists directory of the configuration.\n"
	 "The format is described in ptce-checklist(5).\n")},
	{"campaign", N_("Subcommands:\n"
	 "  list         every round (millésime): envelope, used, remaining\n"
	 "  show [NAME]  one round (default: the current one) and its funding decisions\n"
	 "Used = the sum of amount per year x years of the funding decisions.\n")},
	{"export", N_(
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
	 "  -o, --output FILE      write FILE (created 0600, replaced only\n"
	 "                         when complete) instead of standard output\n")},
	{"reviewer", N_("Actions:\n"
	 "  add LOGIN --name NAME [--org ORG] [--email MAIL] --role R[,R...]\n"
	 "  list [--all]                     (--all: removed reviewers too)\n"
	 "  set-role LOGIN R[,R...]          replace the roles\n"
	 "  remove LOGIN                     take off the roster (history keeps the name)\n"
	 "Roles: instructeur, coordinateur, expert, lecteur, admin. LOGIN is the Unix account.\n"
	 "Changing the roster is for admins.\n")},
	{"doc", N_("  --mdoc    print mdoc lines for ptce(1) instead of tab-separated text\n"
	 "\n"
	 "keys: one row per interface action: keys, action name, panels\n"
	 "(Q queue, D dossier, S scoring, P pager, E editor), help.\n"
	 "commands: one row per subcommand: name, arguments, summary.\n"
	 "states: name, French label, open (1) or closed (0).\n"
	 "transitions: from, to, roles allowed, motivation required (1).\n")},
};

const char *cli_help_text(const char *cmd)
{
	for (size_t i = 0; i < sizeof helps / sizeof helps[0]; i++)
		if (strcmp(helps[i].cmd, cmd) == 0)
			return _(helps[i].text);
	return NULL;
}
