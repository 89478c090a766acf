/* cmd_report.c - 'ptce report': reads the scope and the format, lets
 * io/report.c gather the report, and gives it back as text, CSV or PDF. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/geo.h"
#include "base/i18n.h"
#include "cli/cli.h"
#include "cli/cmd_report.h"
#include "cli/paper_out.h"
#include "io/doc_text.h"
#include "io/pdf.h"
#include "io/report.h"

struct report_args {
	const char *campaign, *region, *since, *format, *output;
	int force;
};

static const struct cli_opt report_options[] = {
	{"campaign", 'c', CLI_TEXT, offsetof(struct report_args, campaign), 0},
	{"region", 'r', CLI_TEXT, offsetof(struct report_args, region), 0},
	{"since", 's', CLI_TEXT, offsetof(struct report_args, since), 0},
	{"format", 'F', CLI_TEXT, offsetof(struct report_args, format), 0},
	{"output", 'o', CLI_TEXT, offsetof(struct report_args, output), 0},
	{"force", 'f', CLI_FLAG, offsetof(struct report_args, force), 1},
	{0}
};
static const struct cli_spec report_spec = {"report", "c:r:s:F:o:fh", report_options, NULL};

/* A day written YYYY-MM-DD. */
static int is_day(const char *s)
{
	struct tm tm = {0};
	const char *end = strptime(s, "%Y-%m-%d", &tm);
	return end && !*end && strlen(s) == 10;
}

static int check_args(struct app *app, struct report_args *a)
{
	if (!a->format)
		a->format = "text";
	if (strcmp(a->format, "text") && strcmp(a->format, "csv") && strcmp(a->format, "pdf"))
		return cli_usage_error(app, "report", _("unknown format '%s'; use text, csv or pdf"), a->format);
	if (strcmp(a->format, "pdf") == 0 && !a->output)
		return cli_usage_error(app, "report", "%s", _("a PDF goes to a file: add --output FILE"));
	if (a->region && !geo_region_name(a->region))
		return cli_usage_error(app, "report", _("'%s' is not a région INSEE code (e.g. 44 Grand Est, 76 Occitanie)"), a->region);
	if (a->since && !is_day(a->since))
		return cli_usage_error(app, "report", _("--since takes a date written YYYY-MM-DD, not '%s'"), a->since);
	return 0;
}

/* Text or CSV to the output or to a private file. */
static int emit_plain(struct app *app, const struct doc *d, const struct report_args *a)
{
	struct perr e = {0};
	FILE *f = app->out;
	if (a->output) {
		int fd = pdf_open_private(a->output, a->force, &e);
		if (fd < 0 || !(f = fdopen(fd, "w"))) {
			if (fd >= 0)
				close(fd);
			return cli_report(app, &e);
		}
	}
	if (strcmp(a->format, "csv") == 0)
		doc_write_csv(f, d);
	else
		doc_write_text(f, d, 80);
	if (f != app->out && fclose(f) != 0) {
		perr_set(&e, P_IO, _("cannot write %s"), a->output);
		return cli_report(app, &e);
	}
	return 0;
}

int cmd_report(struct app *app, int argc, char **argv)
{
	struct report_args a = {0};
	int rc = cli_parse(app, &report_spec, argc, argv, &a);
	if (rc >= 0 || (rc = cli_end(app, "report", argc, argv)) != 0 || (rc = check_args(app, &a)) != 0)
		return rc;
	char since[16];
	if (!a.since) {
		time_t t = time(NULL) - 30 * 86400;
		struct tm tm;
		localtime_r(&t, &tm);
		strftime(since, sizeof since, "%Y-%m-%d", &tm);
		a.since = since;
	}
	struct report_opts o = {a.campaign, a.region, a.since, app->cfg.overdue_days};
	struct perr e = {0};
	struct doc *d = NULL;
	if (report_build(app->store, &app->actor, &o, FMT_READER, &d, &e) < 0)
		return cli_report(app, &e);
	if (strcmp(a.format, "pdf") == 0) {
		struct paper_dest dest = {a.output, a.force, 0};
		rc = paper_emit(app, d, &dest);
	} else {
		rc = emit_plain(app, d, &a);
	}
	doc_free(&d);
	return rc;
}
