/* cmd_list.c - 'ptce list': one line per dossier the actor may see, filtered
 * by state, région or assignee, as a table, TSV, CSV or JSON. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "base/fmt.h"
#include "base/geo.h"
#include "base/i18n.h"
#include "base/text.h"
#include "cli/cli.h"
#include "cli/cmd_list.h"
#include "procedure/dossier.h"
#include "procedure/procedure.h"

struct list_ctx {
	struct app *app;
	struct dossier_filter flt;
	enum cli_format fmt;
	size_t n;
};

static void list_table_row(FILE *f, const struct dossier_row *r)
{
	char place[16];
	snprintf(place, sizeof place, "%s/%s", r->region_code, r->departement_code);
	text_pad(f, r->ds_number, 9);
	fputc(' ', f);
	text_pad(f, r->ptce_name, 38);
	fputc(' ', f);
	text_pad(f, place, 7);
	fputc(' ', f);
	text_pad(f, state_label(r->state), 24);
	fprintf(f, " %5d%s\n", r->days_in_state, r->complements ? " C" : "");
}

static void list_json_row(FILE *f, const struct dossier_row *r, size_t n)
{
	fputs(n ? ",\n  {" : "\n  {", f);
	fputs("\"number\": ", f); fmt_json_string(f, r->ds_number);
	fputs(", \"ptce_name\": ", f); fmt_json_string(f, r->ptce_name);
	fputs(", \"region\": ", f); fmt_json_string(f, r->region_code);
	fputs(", \"departement\": ", f); fmt_json_string(f, r->departement_code);
	fputs(", \"state\": ", f); fmt_json_string(f, r->state);
	fputs(", \"state_since\": ", f); fmt_json_string(f, r->state_since);
	fprintf(f, ", \"days_in_state\": %d, \"complements\": %s}", r->days_in_state,
		r->complements ? "true" : "false");
}

static int list_row(const struct dossier_row *r, void *arg)
{
	struct list_ctx *lc = arg;
	FILE *f = lc->app->out;
	const char *v[] = {r->ds_number, r->ptce_name, r->region_code, r->departement_code,
			   r->state, r->state_since};
	switch (lc->fmt) {
	case CLI_TABLE:
		list_table_row(f, r);
		break;
	case CLI_TSV:
		for (size_t i = 0; i < 6; i++) {
			if (i)
				fputc('\t', f);
			text_put(f, v[i]);
		}
		fprintf(f, "\t%d\t%d\n", r->days_in_state, r->complements);
		break;
	case CLI_CSV:
		for (size_t i = 0; i < 6; i++)
			fmt_csv_field(f, v[i], ',', i == 0);
		fprintf(f, ",%d,%d\n", r->days_in_state, r->complements);
		break;
	case CLI_JSON:
		list_json_row(f, r, lc->n);
		break;
	}
	lc->n++;
	return 0;
}

static void list_head(FILE *f, enum cli_format fmt)
{
	if (fmt == CLI_TABLE) {
		text_pad(f, _("Number"), 9); fputc(' ', f);
		text_pad(f, _("PTCE"), 38); fputc(' ', f);
		text_pad(f, _("Région"), 7); fputc(' ', f);
		text_pad(f, _("State"), 24);
		fprintf(f, " %5s\n", _("Days"));
	} else if (fmt == CLI_TSV || fmt == CLI_CSV) {
		fputs(fmt == CLI_TSV
		      ? "number\tptce_name\tregion\tdepartement\tstate\tstate_since\tdays_in_state\tcomplements\n"
		      : "number,ptce_name,region,departement,state,state_since,days_in_state,complements\n", f);
	} else {
		fputc('[', f);
	}
}

/* --format */
static int list_format(struct app *app, int key, char *arg, void *ctx)
{
	(void)key;
	return cli_format(app, "list", arg, CLI_FMT(CLI_TABLE) | CLI_FMT(CLI_TSV) | CLI_FMT(CLI_CSV) |
			  CLI_FMT(CLI_JSON), &((struct list_ctx *)ctx)->fmt);
}

static const struct cli_opt list_options[] = {
	{"state", 's', CLI_TEXT, offsetof(struct list_ctx, flt.state), 0},
	{"region", 'r', CLI_TEXT, offsetof(struct list_ctx, flt.region), 0},
	{"assignee", 'a', CLI_TEXT, offsetof(struct list_ctx, flt.assignee), 0},
	{"format", 'f', CLI_CHECK, 0, 0},
	{0}
};
static const struct cli_spec list_spec = {"list", "s:r:a:f:h", list_options, list_format};

int cmd_list(struct app *app, int argc, char **argv)
{
	struct list_ctx lc = {.app = app, .fmt = CLI_TABLE};
	int rc = cli_parse(app, &list_spec, argc, argv, &lc);
	if (rc >= 0 || (rc = cli_end(app, "list", argc, argv)) != 0)
		return rc;
	if (lc.flt.state && !state_find(lc.flt.state))
		return cli_usage_error(app, "list", _("'%s' is not a state; states: %s"), lc.flt.state,
				       procedure_state_names());
	if (lc.flt.region && !geo_region_name(lc.flt.region))
		return cli_usage_error(app, "list", _("'%s' is not an INSEE region code (e.g. 44 Grand Est, 76 Occitanie)"), lc.flt.region);
	if (lc.flt.assignee && strcmp(lc.flt.assignee, "me") == 0)
		lc.flt.assignee = app->actor.login;
	/* Experts see only the dossiers they were asked about. */
	lc.flt.viewer = &app->actor;

	FILE *f = app->out;
	list_head(f, lc.fmt);
	struct perr e = {0};
	if (dossier_list(app->store, &lc.flt, list_row, &lc, &e) < 0)
		return cli_report(app, &e);
	if (lc.fmt == CLI_JSON)
		fputs(lc.n ? "\n]\n" : "]\n", f);
	else if (lc.fmt == CLI_TABLE)
		fprintf(f, P_("%zu dossier\n", "%zu dossiers\n", lc.n), lc.n);
	return 0;
}
