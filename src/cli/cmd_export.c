/* cmd_export.c - 'ptce export': options, the roles that may export every
 * dossier, and writing to standard output or to a file replaced only once
 * complete; io/export.c writes the rows. */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/geo.h"
#include "base/host.h"
#include "base/i18n.h"
#include "cli/cli.h"
#include "cli/cmd_export.h"
#include "io/export.h"
#include "procedure/access.h"
#include "procedure/procedure.h"

struct export_opts {
	enum cli_format fmt;
	int excel;
	const char *output;
	int force;
	struct dossier_filter filter;
};

/* Write through a temporary file next to path (mkstemp: mode 0600), put in
 * place at the end, so that a failed export never leaves half a file where
 * a good one was. Without force, link() puts it in place only where no file
 * is, atomically: an existing file is never replaced unasked. */
int export_write_file(struct app *app, const char *path, int force, enum export_format fmt,
		      int excel, const long long *ids, size_t n, struct perr *e)
{
	char *tmp = xasprintf("%s.tmpXXXXXX", path);
	/* The output is the person's file: made, renamed and removed with
	 * their own rights only (base/host.h); rows go through the open fd. */
	host_user_begin();
	int fd = mkstemp(tmp);
	host_user_end();
	if (fd < 0) {
		perr_set(e, P_IO, _("%s: cannot create: %s"), path, strerror(errno));
		free(tmp);
		return -1;
	}
	FILE *f = fdopen(fd, "w");
	if (!f) {
		close(fd);
		host_user_begin();
		unlink(tmp);
		host_user_end();
		free(tmp);
		return perr_set(e, P_IO, _("%s: cannot write: %s"), path, strerror(errno));
	}
	int rc = export_rows(app->store, f, fmt, excel, ids, n, e);
	if (fclose(f) != 0 && rc == 0)
		rc = perr_set(e, P_IO, _("%s: cannot write: %s"), path, strerror(errno));
	host_user_begin();
	if (rc == 0 && force && rename(tmp, path) != 0)
		rc = perr_set(e, P_IO, _("%s: cannot write: %s"), path, strerror(errno));
	if (rc == 0 && !force && link(tmp, path) != 0)
		rc = errno == EEXIST
			? perr_set(e, P_REFUSED, _("%s exists already; it is replaced only when you say so (--force)"), path)
			: perr_set(e, P_IO, _("%s: cannot write: %s"), path, strerror(errno));
	if (rc < 0 || !force)
		unlink(tmp);
	host_user_end();
	free(tmp);
	return rc;
}

static int bad_state(struct app *app, const char *s)
{
	return cli_usage_error(app, "export", _("unknown state '%s'; states: %s"), s, procedure_state_names());
}

/* --format, --state and --region, checked. */
static int export_check(struct app *app, int key, char *arg, void *ctx)
{
	struct export_opts *o = ctx;
	if (key == 'f')
		return cli_format(app, "export", arg, CLI_FMT(CLI_CSV) | CLI_FMT(CLI_JSON), &o->fmt);
	if (key == 's' && !state_find(arg))
		return bad_state(app, arg);
	if (key == 'r' && !geo_region_name(arg))
		return cli_usage_error(app, "export",
				       _("'%s' is not an INSEE region code "
					 "(e.g. 44 for Grand Est, 76 for Occitanie)"), arg);
	if (key == 's')
		o->filter.state = arg;
	else
		o->filter.region = arg;
	return 0;
}

static const struct cli_opt export_options[] = {
	{"format", 'f', CLI_CHECK, 0, 0},
	{"excel", 'x', CLI_FLAG, offsetof(struct export_opts, excel), 1},
	{"state", 's', CLI_CHECK, 0, 0},
	{"region", 'r', CLI_CHECK, 0, 0},
	{"output", 'o', CLI_TEXT, offsetof(struct export_opts, output), 0},
	{"force", 'F', CLI_FLAG, offsetof(struct export_opts, force), 1},
	{0}
};
static const struct cli_spec export_spec = {"export", "hf:o:", export_options, export_check};

int cmd_export(struct app *app, int argc, char **argv)
{
	struct export_opts o = {.fmt = CLI_CSV};
	int rc = cli_parse(app, &export_spec, argc, argv, &o);
	if (rc >= 0 || (rc = cli_end(app, "export", argc, argv)) != 0)
		return rc;
	if (o.excel && o.fmt != CLI_CSV)
		return cli_usage_error(app, "export", "%s", _("--excel applies to the csv format only"));

	struct perr e = {0};
	if (!access_sees_all(&app->actor)) {
		perr_set(&e, P_REFUSED, _("exporting all dossiers needs the instructeur, coordinateur, "
					  "lecteur or admin role; an expert sees only the dossiers "
					  "they are asked about. Ask an admin for a role if you need it."));
		return cli_report(app, &e);
	}
	enum export_format fmt = o.fmt == CLI_JSON ? EXPORT_JSON : EXPORT_CSV;
	long long *ids = NULL;
	size_t n = 0;
	if (export_ids(app->store, &o.filter, &ids, &n, &e) < 0)
		return cli_report(app, &e);
	rc = o.output ? export_write_file(app, o.output, o.force, fmt, o.excel, ids, n, &e)
		      : export_rows(app->store, app->out, fmt, o.excel, ids, n, &e);
	free(ids);
	return rc < 0 ? cli_report(app, &e) : 0;
}
