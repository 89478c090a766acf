/* cmd_history.c - 'ptce history': one line per history entry: when (local
 * time), who (and who acted for them), what, override, motivation, detail. */
#include <stdio.h>
#include <string.h>

#include "base/fmt.h"
#include "base/i18n.h"
#include "base/text.h"
#include "cli/cli.h"
#include "cli/cmd_history.h"
#include "procedure/dossier.h"

static int history_row(const struct history_entry *h, void *arg)
{
	FILE *f = ((struct app *)arg)->out;
	char when[32], what[128];
	fmt_local_time(h->at, when, sizeof when);
	if (h->to_state && h->from_state)
		snprintf(what, sizeof what, "%s → %s", h->from_state, h->to_state);
	else if (h->to_state)
		snprintf(what, sizeof what, "%s %s", h->kind, h->to_state);
	else
		snprintf(what, sizeof what, "%s", h->kind);
	fprintf(f, "%-16s ", when);
	char who[160];
	if (strcmp(h->actor, h->real_actor))
		snprintf(who, sizeof who, "%s (%s %s)", h->actor, _("by"), h->real_actor);
	else
		snprintf(who, sizeof who, "%s", h->actor);
	text_pad(f, who, 14);
	fputc(' ', f);
	text_pad(f, what, 22);
	if (h->override)
		fprintf(f, " [%s]", _("override"));
	if (h->motivation) {
		fputs(" ", f);
		text_put(f, h->motivation);
	}
	if (h->detail) {
		fputs(" (", f);
		text_put(f, h->detail);
		fputs(")", f);
	}
	fputc('\n', f);
	return 0;
}

static const struct cli_spec history_spec = {"history", "h", NULL, NULL};

int cmd_history(struct app *app, int argc, char **argv)
{
	const char *ref;
	long long id;
	struct perr e = {0};
	int rc = cli_parse_dossier(app, &history_spec, argc, argv, NULL, &ref, &id);
	if (rc >= 0)
		return rc;
	return history_list(app->store, id, history_row, app, &e) < 0 ? cli_report(app, &e) : 0;
}
