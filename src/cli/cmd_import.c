/* cmd_import.c - 'ptce import': options, the admin role, the mapping file,
 * and the messages of io/import.c's run (each problem of a refused file, or
 * what was created, updated or left unchanged). */
#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "base/text.h"
#include "cli/cli.h"
#include "cli/cmd_import.h"
#include "io/import.h"
#include "procedure/permission.h"

/* How many problems of a refused file are printed; the rest are counted. */
#define IMPORT_MAX_SHOWN 50

struct import_opts {
	const char *members, *mapping;
	int dry_run, verbose;
};

static void print_outcome(struct app *app, const struct import_outcome *o, int dry_run)
{
	char *num = text_clean(o->ds_number, 0);
	char *changed = o->changed ? text_clean(o->changed, 0) : NULL;
	switch (o->result) {
	case SAVE_CREATED:
		fprintf(app->out, dry_run ? _("dossier %s: would be created\n")
					  : _("dossier %s: created\n"), num);
		break;
	case SAVE_UPDATED:
		fprintf(app->out, dry_run ? _("dossier %s: would be updated (%s)\n")
					  : _("dossier %s: updated (%s)\n"), num, changed ? changed : "");
		break;
	case SAVE_UNCHANGED:
		fprintf(app->out, _("dossier %s: unchanged\n"), num);
		break;
	}
	free(changed);
	free(num);
}

static void print_errors(struct app *app, const struct import_errors *errs)
{
	for (size_t i = 0; i < errs->n && i < IMPORT_MAX_SHOWN; i++) {
		cli_put_clean(app->err, errs->msgs[i]);
		fputc('\n', app->err);
	}
	if (errs->n > IMPORT_MAX_SHOWN)
		fprintf(app->err, P_("... and %zu more problem not shown\n",
				     "... and %zu more problems not shown\n",
				     errs->n - IMPORT_MAX_SHOWN), errs->n - IMPORT_MAX_SHOWN);
}

static void print_report(struct app *app, const struct import_report *rep, const struct import_opts *o)
{
	for (size_t i = 0; i < rep->n_items; i++)
		if (o->verbose || o->dry_run)
			print_outcome(app, &rep->items[i], o->dry_run);
	for (size_t i = 0; i < rep->n_notes; i++) {
		fputs("ptce: ", app->err);
		text_put(app->err, rep->notes[i]);
		fputc('\n', app->err);
	}
	if (o->verbose && rep->n_ignored) {
		fputs(_("columns not in the mapping (ignored):"), app->out);
		for (size_t i = 0; i < rep->n_ignored; i++) {
			fputs(i ? ", " : " ", app->out);
			text_put(app->out, rep->ignored[i]);
		}
		fputc('\n', app->out);
	}
	if (o->dry_run)
		fprintf(app->out, _("dry run: %zu would be created, %zu updated, %zu unchanged; "
				    "nothing was saved\n"),
			rep->created, rep->updated, rep->unchanged);
	else
		fprintf(app->out, _("%zu created, %zu updated, %zu unchanged\n"),
			rep->created, rep->updated, rep->unchanged);
}

/* Import csv with the mapping loaded: 0, or the exit code after the messages. */
static int import_with(struct app *app, const char *csv, const struct import_mapping *m,
		       const struct import_opts *o, struct perr *e)
{
	struct import_request req = {
		.csv_path = csv, .members_path = o->members, .mapping = m,
		.by = &app->actor,
		.dry_run = o->dry_run,
	};
	struct import_report rep;
	struct import_errors errs = {0};
	int rc = import_run(app->store, &req, &rep, &errs, e);
	if (rc < 0) {
		print_errors(app, &errs);
		rc = cli_report(app, e);
	} else {
		print_report(app, &rep, o);
	}
	import_errors_done(&errs);
	import_report_done(&rep);
	return rc;
}

static const struct cli_opt import_options[] = {
	{"members", 'm', CLI_TEXT, offsetof(struct import_opts, members), 0},
	{"mapping", 'M', CLI_TEXT, offsetof(struct import_opts, mapping), 0},
	{"dry-run", 'n', CLI_FLAG, offsetof(struct import_opts, dry_run), 1},
	{"verbose", 'v', CLI_FLAG, offsetof(struct import_opts, verbose), 1},
	{0}
};
static const struct cli_spec import_spec = {"import", "hnv", import_options, NULL};

int cmd_import(struct app *app, int argc, char **argv)
{
	struct import_opts o = {0};
	int rc = cli_parse(app, &import_spec, argc, argv, &o);
	if (rc >= 0)
		return rc;
	if (argc - optind != 1)
		return cli_usage_error(app, "import", "%s", argc - optind < 1
				       ? _("give the CSV file to import")
				       : _("give exactly one CSV file (members go with --members)"));
	struct perr e = {0};
	/* Refused before the mapping is even read (import_run checks again). */
	if (permission_import(&app->actor, &e) < 0)
		return cli_report(app, &e);
	char *mapping_path = o.mapping ? xstrdup(o.mapping)
			   : app->cfg.mapping ? xstrdup(app->cfg.mapping)
			   : config_data_path("mapping/demarches-simplifiees.yaml");
	struct import_mapping m;
	rc = import_mapping_load(mapping_path, &m, &e);
	free(mapping_path);
	if (rc < 0)
		return cli_report(app, &e);
	rc = import_with(app, argv[optind], &m, &o, &e);
	import_mapping_done(&m);
	return rc;
}
