/* cmd_ranking.c - 'ptce ranking': review/aggregate.c ranks the dossiers of a
 * phase; this prints them as a table (notes say why a row stands where it
 * does) or as CSV with every field quoted. */
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fmt.h"
#include "base/geo.h"
#include "base/i18n.h"
#include "base/text.h"
#include "cli/cli.h"
#include "cli/cmd_ranking.h"
#include "procedure/access.h"
#include "review/aggregate.h"
#include "review/checklist.h"

struct ranking_opts {
	int phase;
	const char *region;
	enum cli_format fmt;
};

/* One CSV line, every field quoted (the national cell's files are so). */
/* One CSV line, every field quoted (newlines become spaces). */
static void csv_line(FILE *f, const char *const *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		fmt_csv_text(f, v[i], FMT_CSV_QUOTE_ALL, ',', i == 0);
	fputc('\n', f);
}

static void ranking_csv(FILE *f, const struct rank_row *rows, size_t n)
{
	static const char *const head[] = {"rank", "dossier", "ptce", "region", "territory_type",
		"state", "reviews", "required", "mean_total", "band", "eliminated_by",
		"blocking_gates_met", "divergent_on", "tie_break"};
	csv_line(f, head, sizeof head / sizeof head[0]);
	for (size_t i = 0; i < n; i++) {
		const struct rank_row *r = &rows[i];
		char rank[16], nsub[16], req[16], mean[32] = "";
		snprintf(rank, sizeof rank, "%d", r->rank);
		snprintf(nsub, sizeof nsub, "%d", r->n_submitted);
		snprintf(req, sizeof req, "%d", r->required);
		if (r->visible && r->has_total)
			snprintf(mean, sizeof mean, "%.2f", r->mean_total);
		const char *v[] = {rank, r->ds_number, r->ptce_name, r->region_code, r->territory_type,
			r->state, r->visible ? nsub : "", req, mean, r->band, r->eliminated_by,
			!r->visible || !r->n_submitted ? "" : r->gates_met ? "yes" : "no",
			r->divergent_on, r->tie_reason};
		csv_line(f, v, sizeof v / sizeof v[0]);
	}
}

/* The table's columns after "#": translated headers, so padded by display
 * width, not bytes; then the gap to the next one. */
static const struct {
	const char *label;
	size_t width;
	int right;
	const char *gap;
} columns[] = {
	{N_("dossier"), 10, 0, " "}, {N_("PTCE"), 28, 0, "  "}, {N_("reg."), 4, 0, " "},
	{N_("territory"), 10, 0, " "}, {N_("reviews"), 7, 0, " "}, {N_("mean"), 7, 1, "  "},
	{N_("band"), 12, 0, ""},
};

static void ranking_head(FILE *f, int phase, const char *region)
{
	fprintf(f, _("Classement phase %d%s%s\n"), phase, region ? " - " : "", region ? geo_region_name(region) : "");
	fprintf(f, "%4s  ", "#");
	for (size_t i = 0; i < sizeof columns / sizeof columns[0]; i++) {
		(columns[i].right ? text_pad_right : text_pad)(f, _(columns[i].label), columns[i].width);
		fputs(columns[i].gap, f);
	}
	fprintf(f, " %s\n", _("notes"));
}

/* One note of a row's notes column, after "; " but the first. */
__attribute__((format(printf, 3, 4)))
static void note(FILE *f, int *first, const char *fmt, ...)
{
	va_list ap;
	fputs(*first ? "" : "; ", f);
	va_start(ap, fmt);
	vfprintf(f, fmt, ap);
	va_end(ap);
	*first = 0;
}

/* The figures and notes of a row the person may see. */
static void ranking_figures(FILE *f, const struct rank_row *r)
{
	char nr[16], mean[16];
	if (r->required)
		snprintf(nr, sizeof nr, "%d/%d", r->n_submitted, r->required);
	else
		snprintf(nr, sizeof nr, "%d/-", r->n_submitted);
	if (r->has_total)
		fmt_decimal(FMT_READER, r->mean_total, 2, mean, sizeof mean);
	else
		snprintf(mean, sizeof mean, "-");
	fprintf(f, " %-7s %7s  ", nr, mean);
	text_pad(f, r->band_label ? r->band_label : "", 12);
	fputs(" ", f);
	int first = 1;
	if (!r->n_submitted)
		note(f, &first, "%s", _("no submitted review"));
	if (r->eliminated)
		note(f, &first, _("eliminated (%s)"), r->eliminated_by);
	if (r->n_submitted && !r->gates_met)
		note(f, &first, "%s", _("blocking gate not met"));
	if (r->divergent)
		note(f, &first, _("divergent: %s"), r->divergent_on);
	if (r->tie_reason)
		note(f, &first, _("tie broken by %s"), _(r->tie_reason));
	fputs("\n", f);
}

static void ranking_table(FILE *f, const struct ranking_opts *o, const struct rank_row *rows, size_t n)
{
	ranking_head(f, o->phase, o->region);
	for (size_t i = 0; i < n; i++) {
		const struct rank_row *r = &rows[i];
		fprintf(f, "%4d  %-10s ", r->rank, r->ds_number);
		text_pad(f, r->ptce_name, 28);
		fprintf(f, "  %-4s ", r->region_code ? r->region_code : "");
		text_pad(f, r->territory_type ? r->territory_type : "", 10);
		if (r->visible) {
			ranking_figures(f, r);
			continue;
		}
		fprintf(f, " %-7s %7s  ", "-", "-");
		text_pad(f, "", 12);
		fprintf(f, " %s\n", _("hidden until you submit your review"));
	}
	if (n == 0)
		fprintf(f, "%s", _("  no dossier in this phase\n"));
}

/* A dossier without any review yet has no grid to say how many it needs:
 * the phase's grid in the configuration says it (never "0/-"). */
static void ranking_required(struct app *app, int phase, struct rank_row *rows, size_t n)
{
	struct checklist *g = NULL;
	struct perr ignored = {0};
	char name[16];
	snprintf(name, sizeof name, "phase%d", phase);
	if (!app->cfg.checklists_dir ||
	    checklist_load_named(app->cfg.checklists_dir, name, &g, &ignored) < 0)
		return;
	for (size_t i = 0; i < n; i++)
		if (!rows[i].required)
			rows[i].required = g->reviews_required;
	checklist_free(&g);
}

/* --phase and --format */
static int ranking_check(struct app *app, int key, char *arg, void *ctx)
{
	struct ranking_opts *o = ctx;
	if (key == 'f')
		return cli_format(app, "ranking", arg, CLI_FMT(CLI_TABLE) | CLI_FMT(CLI_CSV), &o->fmt);
	if (strcmp(arg, "1") && strcmp(arg, "2"))
		return cli_usage_error(app, "ranking", _("--phase is 1 or 2, not '%s'"), arg);
	o->phase = atoi(arg);
	return 0;
}

static const struct cli_opt ranking_options[] = {
	{"phase", 'p', CLI_CHECK, 0, 0},
	{"region", 'r', CLI_TEXT, offsetof(struct ranking_opts, region), 0},
	{"format", 'f', CLI_CHECK, 0, 0},
	{0}
};
static const struct cli_spec ranking_spec = {"ranking", "p:r:f:h", ranking_options, ranking_check};

int cmd_ranking(struct app *app, int argc, char **argv)
{
	struct ranking_opts o = {.fmt = CLI_TABLE};
	int rc = cli_parse(app, &ranking_spec, argc, argv, &o);
	if (rc >= 0)
		return rc;
	if (!o.phase)
		return cli_usage_error(app, "ranking", "%s", _("which phase? add --phase 1 or --phase 2"));
	if ((rc = cli_end(app, "ranking", argc, argv)) != 0)
		return rc;
	if (o.region && !geo_region_name(o.region))
		return cli_usage_error(app, "ranking", _("'%s' is not a région INSEE code (e.g. 44 Grand Est, 76 Occitanie)"), o.region);
	struct perr e = {0};
	if (!access_sees_all(&app->actor)) {
		/* An expert sees only the dossiers they were asked about. */
		perr_set(&e, P_REFUSED, _("the classement is for instructeurs, coordinateurs and lecteurs; as an expert you see only the dossiers you were asked about (ptce list)."));
		return cli_report(app, &e);
	}
	struct rank_row *rows = NULL;
	size_t n = 0;
	if (ranking_build(app->store, &app->actor, o.phase, o.region, &rows, &n, &e) < 0)
		return cli_report(app, &e);
	ranking_required(app, o.phase, rows, n);
	if (o.fmt == CLI_CSV)
		ranking_csv(app->out, rows, n);
	else
		ranking_table(app->out, &o, rows, n);
	ranking_free(&rows, n);
	return 0;
}
