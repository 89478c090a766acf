/* cmd_campaign.c - 'ptce campaign': every round with its envelope, what is
 * used and what remains; one round (the current one by default) with its
 * funding decisions, which name laureates and so are not for experts. */
#include <stdio.h>
#include <string.h>

#include "base/fmt.h"
#include "base/i18n.h"
#include "base/text.h"
#include "cli/cli.h"
#include "cli/cmd_campaign.h"
#include "procedure/access.h"
#include "review/aggregate.h"
#include "store/stmt.h"

/* "500 000" */
/* Euros the reader's way (base/fmt): "100 000 €" in French. */
static char *eur(long long v, char buf[static 32])
{
	return fmt_eur(FMT_READER, v, 1, buf, 32);
}

/* A column of euros: the digits alone in English (the heading says EUR). */
static char *eur_cell(long long v, char buf[static 32])
{
	return fmt_reader_lang() == FMT_FR ? fmt_amount(FMT_FR, v, buf, 32) : fmt_grouped(v, " ", buf, 32);
}

static void print_list(FILE *f, const struct campaign_money *cm, size_t n)
{
	char b1[32], b2[32], b3[32];
	fputs("  ", f);
	text_pad(f, _("campaign"), 24);
	const char *heads[] = {_("envelope"), _("used"), _("remaining")};
	for (size_t h = 0; h < 3; h++) {
		fputc(' ', f);
		text_pad_right(f, heads[h], 12);
	}
	fputc(' ', f);
	text_pad_right(f, _("laureates"), 9);
	fputc('\n', f);
	for (size_t i = 0; i < n; i++) {
		fprintf(f, "%s ", cm[i].current ? "*" : " ");
		text_pad(f, cm[i].name, 24);
		const char *cells[] = {eur_cell(cm[i].envelope, b1), eur_cell(cm[i].used, b2),
				       eur_cell(cm[i].remaining, b3)};
		for (size_t c = 0; c < 3; c++) {
			fputc(' ', f);
			text_pad_right(f, cells[c], 12);
		}
		fprintf(f, " %9d\n", cm[i].n_funded);
	}
	if (n == 0)
		fprintf(f, "%s", _("No campaign: declare one in the configuration (campaigns:).\n"));
}

static int print_decisions(struct app *app, const struct campaign_money *m)
{
	FILE *f = app->out;
	char b[32];
	struct perr e = {0};
	sqlite3_stmt *st = stmt_query(app->store, &e,
		"SELECT d.ds_number, d.ptce_name, f.amount_per_year_eur, f.years, f.validation_ref,"
		" f.validation_date, f.decided_by, f.decided_at, f.overridden"
		" FROM funding_decisions f JOIN dossiers d ON d.id = f.dossier_id"
		" WHERE f.campaign_id = ? ORDER BY f.id", "I", m->id);
	if (!st)
		return cli_report(app, &e);
	/* A failure part way leaves the list short, as a shorter list would be. */
	for (int any = 0; stmt_next(app->store, &st, &e, _("reading campaigns")) == 1; any++) {
		if (!any)
			fprintf(f, "%s", _("Funding decisions:\n"));
		fprintf(f, "  %-10s ", (const char *)sqlite3_column_text(st, 0));
		text_pad(f, (const char *)sqlite3_column_text(st, 1), 28);
		int years = sqlite3_column_int(st, 3);
		fprintf(f, P_(" %s x %d, validation ", " %s x %d, validation ", years),
			eur(sqlite3_column_int64(st, 2), b), years);
		text_put(f, (const char *)sqlite3_column_text(st, 4));
		char day[32], when[32];
		fprintf(f, _(" of %s, by %s on %s%s\n"),
			fmt_date(FMT_READER, (const char *)sqlite3_column_text(st, 5), day, sizeof day),
			(const char *)sqlite3_column_text(st, 6),
			fmt_datetime(FMT_READER, (const char *)sqlite3_column_text(st, 7), when, sizeof when),
			sqlite3_column_int(st, 8) ? _(" (override)") : "");
	}
	return 0;
}

/* The round named name (NULL: the current one) with its decisions. */
static int show_one(struct app *app, const struct campaign_money *cm, size_t n, const char *name)
{
	FILE *f = app->out;
	char b[32];
	const struct campaign_money *m = NULL;
	for (size_t i = 0; i < n; i++)
		if (name ? strcmp(cm[i].name, name) == 0 : cm[i].current)
			m = &cm[i];
	if (!m) {
		struct perr e = {0};
		perr_set(&e, P_NOTFOUND, name ? _("no campaign named '%s' (ptce campaign list shows them)")
					 : _("no current campaign%s (ptce campaign list shows them)"), name ? name : "");
		return cli_report(app, &e);
	}
	text_put(f, m->name);
	fprintf(f, "%s\n", m->current ? _(" (current)") : "");
	fprintf(f, _("  envelope     %s\n"), eur(m->envelope, b));
	fprintf(f, P_("  used         %s (%d laureate)\n", "  used         %s (%d laureates)\n", m->n_funded),
		eur(m->used, b), m->n_funded);
	fprintf(f, _("  remaining    %s\n"), eur(m->remaining, b));
	fprintf(f, P_("  per laureate %s a year for %d year by default\n",
		      "  per laureate %s a year for %d years by default\n", m->years), eur(m->amount_per_year, b), m->years);
	return print_decisions(app, m);
}

int cmd_campaign(struct app *app, int argc, char **argv)
{
	static const struct cli_spec spec = {"campaign", "+h", NULL, NULL};
	int rc = cli_parse(app, &spec, argc, argv, NULL);
	if (rc >= 0)
		return rc;
	const char *sub = cli_arg(argc, argv);
	if (!sub)
		sub = "list";
	struct perr e = {0};
	if (strcmp(sub, "show") == 0 && !access_sees_all(&app->actor)) {
		/* The laureates of a campaign name dossiers an expert was not asked about. */
		perr_set(&e, P_REFUSED, _("a campaign's laureates are for instructeurs, coordinateurs and lecteurs; 'ptce campaign list' shows the envelopes."));
		return cli_report(app, &e);
	}
	struct campaign_money *cm = NULL;
	size_t n = 0;
	if (campaign_money_list(app->store, &cm, &n, &e) < 0)
		return cli_report(app, &e);
	if (strcmp(sub, "list") == 0) {
		rc = cli_end(app, "campaign", argc, argv);
		if (rc == 0)
			print_list(app->out, cm, n);
	} else if (strcmp(sub, "show") == 0) {
		rc = show_one(app, cm, n, cli_arg(argc, argv));
	} else {
		rc = cli_usage_error(app, "campaign", _("unknown subcommand '%s'; expected list or show"), sub);
	}
	campaign_money_free(&cm, n);
	return rc;
}
