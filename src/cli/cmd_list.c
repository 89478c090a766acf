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
#include "workflow/queue.h"

struct list_ctx {
	struct app *app;
	struct queue_spec spec;	/* the filters, read as the interface's */
	enum cli_format fmt;
	size_t n;
};

static void list_table_row(FILE *f, const struct queue_row *r)
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

static void list_json_row(FILE *f, const struct queue_row *r, size_t n)
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

static void list_row(struct list_ctx *lc, const struct queue_row *r)
{
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
}

/* Every row the spec shows, a page at a time. */
static int list_rows(struct list_ctx *lc, struct perr *e)
{
	enum { PAGE = 500 };
	/* Each page read after the last row of the one before (keyset). */
	struct queue_anchor last = {-1, 0};
	for (long long off = 0;; off += PAGE) {
		struct queue_row *rows = NULL;
		size_t n = 0;
		if (queue_fetch_near(lc->app->store, &lc->spec, off, PAGE, -1, &last, 1, &rows, &n, e) < 0)
			return -1;
		for (size_t i = 0; i < n; i++)
			list_row(lc, &rows[i]);
		if (n)
			last = (struct queue_anchor){ off + (long long)n - 1, rows[n - 1].id };
		queue_rows_free(&rows, n);
		if (n < PAGE)
			return 0;
	}
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

/* --format, and the filters: each one read by the queue's filter parser
 * (codes or names; a filter given twice means either value). */
static int list_check(struct app *app, int key, char *arg, void *ctx)
{
	struct list_ctx *lc = ctx;
	static const struct {
		int key;
		const char *name;
	} filters[] = {{'s', "state"}, {'r', "region"}, {'d', "departement"}, {'a', "assignee"}};
	if (key == 'f')
		return cli_format(app, "list", arg, CLI_FMT(CLI_TABLE) | CLI_FMT(CLI_TSV) | CLI_FMT(CLI_CSV) |
				  CLI_FMT(CLI_JSON), &lc->fmt);
	for (size_t i = 0; i < sizeof filters / sizeof filters[0]; i++) {
		if (filters[i].key != key)
			continue;
		const char *v = key == 'a' && strcmp(arg, "me") == 0 ? app->actor.login : arg;
		struct perr e = {0};
		if (queue_filter_add(&lc->spec, filters[i].name, v, &e) < 0)
			return cli_usage_error(app, "list", "%s", e.msg);
	}
	return 0;
}

static const struct cli_opt list_options[] = {
	{"state", 's', CLI_CHECK, 0, 0},
	{"region", 'r', CLI_CHECK, 0, 0},
	{"departement", 'd', CLI_CHECK, 0, 0},
	{"assignee", 'a', CLI_CHECK, 0, 0},
	{"format", 'f', CLI_CHECK, 0, 0},
	{0}
};
static const struct cli_spec list_spec = {"list", "s:r:d:a:f:h", list_options, list_check};

int cmd_list(struct app *app, int argc, char **argv)
{
	struct list_ctx lc = {.app = app, .fmt = CLI_TABLE};
	queue_spec_init(&lc.spec, app->actor.login);
	/* Experts see only the dossiers they were asked about. */
	lc.spec.actor = &app->actor;
	int rc = cli_parse(app, &list_spec, argc, argv, &lc);
	if (rc >= 0 || (rc = cli_end(app, "list", argc, argv)) != 0) {
		queue_spec_done(&lc.spec);
		return rc;
	}
	FILE *f = app->out;
	list_head(f, lc.fmt);
	struct perr e = {0};
	rc = list_rows(&lc, &e);
	queue_spec_done(&lc.spec);
	if (rc < 0)
		return cli_report(app, &e);
	if (lc.fmt == CLI_JSON)
		fputs(lc.n ? "\n]\n" : "]\n", f);
	else if (lc.fmt == CLI_TABLE)
		fprintf(f, P_("%zu dossier\n", "%zu dossiers\n", lc.n), lc.n);
	return 0;
}
