/* cmd_letter.c - 'ptce letter': the template of the dossier's last decision
 * (share/letters/NAME.txt, or --template FILE), filled by io/letter.c. */
#include <stddef.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "cli/cmd_letter.h"
#include "cli/config.h"
#include "cli/paper_out.h"
#include "io/letter.h"

struct letter_args {
	struct paper_dest dest;
	const char *template;
};

static const struct cli_opt letter_options[] = {
	{"pdf", 'p', CLI_TEXT, offsetof(struct letter_args, dest.pdf), 0},
	{"force", 'f', CLI_FLAG, offsetof(struct letter_args, dest.force), 1},
	{"template", 't', CLI_TEXT, offsetof(struct letter_args, template), 0},
	{0}
};
static const struct cli_spec letter_spec = {"letter", "p:ft:h", letter_options, NULL};

int cmd_letter(struct app *app, int argc, char **argv)
{
	struct letter_args a = {0};
	const char *ref, *name;
	long long id;
	int rc = cli_parse_dossier(app, &letter_spec, argc, argv, &a, &ref, &id);
	if (rc >= 0 || (rc = cli_end(app, "letter", argc, argv)) != 0)
		return rc;
	struct perr e = {0};
	char *path = NULL;
	if (a.template) {
		path = xstrdup(a.template);
	} else {
		if (letter_template_name(app->store, id, &name, &e) < 0)
			return cli_report(app, &e);
		char *rel = xasprintf("letters/%s.txt", name);
		path = config_data_path(rel);
		free(rel);
	}
	struct doc *d = NULL;
	if (letter_build(app->store, &app->actor, id, ref, path, &d, &e) < 0)
		rc = cli_report(app, &e);
	else
		rc = paper_emit(app, d, &a.dest);
	doc_free(&d);
	free(path);
	return rc;
}
