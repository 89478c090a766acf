/* cmd_print.c - 'ptce print': the fiche d'instruction of one dossier
 * (io/fiche.c gathers it), as 80-column text or an A4 PDF. */
#include <stddef.h>

#include "cli/cli.h"
#include "cli/cmd_print.h"
#include "cli/paper_out.h"
#include "io/fiche.h"

static const struct cli_opt print_options[] = {
	{"pdf", 'p', CLI_TEXT, offsetof(struct paper_dest, pdf), 0},
	{"force", 'f', CLI_FLAG, offsetof(struct paper_dest, force), 1},
	{"roff", 'R', CLI_FLAG, offsetof(struct paper_dest, roff), 1},
	{0}
};
static const struct cli_spec print_spec = {"print", "p:fRh", print_options, NULL};

int cmd_print(struct app *app, int argc, char **argv)
{
	struct paper_dest dest = {0};
	const char *ref;
	long long id;
	int rc = cli_parse_dossier(app, &print_spec, argc, argv, &dest, &ref, &id);
	if (rc >= 0 || (rc = cli_end(app, "print", argc, argv)) != 0)
		return rc;
	struct perr e = {0};
	struct doc *d = NULL;
	if (fiche_build(app->store, &app->actor, id, ref, FMT_READER, &d, &e) < 0)
		return cli_report(app, &e);
	rc = paper_emit(app, d, &dest);
	doc_free(&d);
	return rc;
}
