/* cmd_history.c - 'ptce history': one line per history entry: when (local
 * time), who (and who acted for them), what, override, motivation, detail. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fmt.h"
#include "base/i18n.h"
#include "base/text.h"
#include "cli/cli.h"
#include "cli/cmd_history.h"
#include "procedure/dossier.h"
#include "procedure/history_text.h"
#include "procedure/procedure.h"

struct history_ctx {
	struct app *app;
	size_t who_w;		/* the actor column fits the widest entry */
};

/* Who made the entry, and who acted for them, into who. */
static void history_who(const struct history_entry *h, char *who, size_t len)
{
	if (strcmp(h->actor, h->real_actor))
		snprintf(who, len, "%s (%s %s)", h->actor, _("by"), h->real_actor);
	else
		snprintf(who, len, "%s", h->actor);
}

static int history_measure(const struct history_entry *h, void *arg)
{
	struct history_ctx *c = arg;
	char who[160];
	history_who(h, who, sizeof who);
	size_t w = text_width(who);
	if (w > c->who_w)
		c->who_w = w;
	return 0;
}

static int history_row(const struct history_entry *h, void *arg)
{
	struct history_ctx *c = arg;
	FILE *f = c->app->out;
	char when[32], what[128];
	fmt_datetime(FMT_READER, h->at, when, sizeof when);
	if (h->to_state && h->from_state)
		snprintf(what, sizeof what, "%s → %s", state_short_label(h->from_state), state_short_label(h->to_state));
	else if (h->to_state)
		snprintf(what, sizeof what, "%s %s", history_kind_label(h->kind), state_short_label(h->to_state));
	else
		snprintf(what, sizeof what, "%s", history_kind_label(h->kind));
	fprintf(f, "%-16s ", when);
	char who[160];
	history_who(h, who, sizeof who);
	text_pad(f, who, c->who_w);
	fputc(' ', f);
	text_pad(f, what, 22);
	if (h->override)
		fprintf(f, " [%s]", _("override"));
	if (h->motivation) {
		fputs(" ", f);
		text_put(f, h->motivation);
	}
	char *detail = history_detail_text(h);
	if (detail) {
		fputs(" (", f);
		text_put(f, detail);
		fputs(")", f);
	}
	free(detail);
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
	struct history_ctx c = {app, 14};
	if (history_list(app->store, id, history_measure, &c, &e) < 0 ||
	    history_list(app->store, id, history_row, &c, &e) < 0)
		return cli_report(app, &e);
	return 0;
}
