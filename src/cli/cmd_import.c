/* cmd_import.c - 'ptce import': options, the admin role, the mapping file,
 * and the messages of io/import.c's run (each problem of a refused file, or
 * what was created, updated or left unchanged). */
#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/host.h"
#include "base/i18n.h"
#include "base/text.h"
#include "cli/cli.h"
#include "cli/cmd_import.h"
#include "io/book.h"
#include "io/import.h"
#include "io/mapping_guess.h"
#include "procedure/permission.h"
#include "procedure/procedure.h"

/* How many problems of a refused file are printed; the rest are counted. */
#define IMPORT_MAX_SHOWN 50

struct import_opts {
	const char *members, *mapping, *encoding, *init_mapping, *report_drift;
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

static void print_drift(struct app *app, const struct import_report *rep)
{
	for (size_t i = 0; i < rep->n_drift; i++) {
		const struct import_drift *d = &rep->drift[i];
		char *num = text_clean(d->ds_number, 0), *ps = text_clean(d->platform_state, 0);
		fprintf(app->out, _("dossier %s: the platform says \"%s\" (%s here), ptce says %s\n"),
			num, ps, state_label(d->expected), state_label(d->state));
		free(ps);
		free(num);
	}
}

/* People and opinions, states recorded, drift: what the summary adds. */
static void print_people(struct app *app, const struct import_report *rep)
{
	if (rep->moves)
		fprintf(app->out, P_("%zu state change recorded from the platform\n",
				     "%zu state changes recorded from the platform\n", rep->moves), rep->moves);
	if (rep->assigned)
		fprintf(app->out, P_("%zu reviewer assigned from Instructeurs\n",
				     "%zu reviewers assigned from Instructeurs\n", rep->assigned), rep->assigned);
	if (rep->opinions)
		fprintf(app->out, P_("%zu expert opinion imported (%zu from outside the roster)\n",
				     "%zu expert opinions imported (%zu from outside the roster)\n",
				     rep->opinions), rep->opinions, rep->outside);
	if (rep->n_unmatched) {
		fputs(_("e-mails of no reviewer (instructeurs left unassigned, experts' opinions kept "
			"as outside ones; 'ptce reviewer set-email' and a new import match them):"),
		      app->out);
		for (size_t i = 0; i < rep->n_unmatched; i++) {
			fputs(i ? ", " : " ", app->out);
			text_put(app->out, rep->unmatched[i]);
		}
		fputc('\n', app->out);
	}
	if (rep->n_drift) {
		fprintf(app->out, P_("%zu dossier whose platform state differs from ptce's "
				     "(states are never changed by a re-import):\n",
				     "%zu dossiers whose platform state differs from ptce's "
				     "(states are never changed by a re-import):\n", rep->n_drift),
			rep->n_drift);
		print_drift(app, rep);
	}
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
	if (rep->summary) {
		text_put(app->out, rep->summary);
		fputs(o->dry_run ? _("; dry run: nothing was saved\n") : "\n", app->out);
	} else if (o->dry_run)
		fprintf(app->out, _("dry run: %zu would be created, %zu updated, %zu unchanged; "
				    "nothing was saved\n"),
			rep->created, rep->updated, rep->unchanged);
	else
		fprintf(app->out, _("%zu created, %zu updated, %zu unchanged\n"),
			rep->created, rep->updated, rep->unchanged);
	print_people(app, rep);
}

/* Import csv with the mapping loaded: 0, or the exit code after the messages. */
static int import_with(struct app *app, const char *csv, const struct import_mapping *m,
		       const struct import_opts *o, struct perr *e)
{
	struct import_request req = {
		.path = csv, .encoding = o->encoding, .members_path = o->members, .mapping = m,
		.by = &app->actor, .dry_run = o->dry_run, .drift_only = o->report_drift != NULL,
		.outcomes = o->verbose || o->dry_run,
	};
	struct import_report rep;
	struct import_errors errs = {0};
	int rc = import_run(app->store, &req, &rep, &errs, e);
	if (rc < 0) {
		print_errors(app, &errs);
		rc = cli_report(app, e);
	} else if (o->report_drift) {
		print_drift(app, &rep);
		if (!rep.n_drift)
			fputs(_("no drift: every dossier's platform state agrees with ptce's\n"), app->out);
		rc = rep.n_drift ? 1 : 0;
	} else {
		print_report(app, &rep, o);
	}
	import_errors_done(&errs);
	import_report_done(&rep);
	return rc;
}

static char *mapping_path(struct app *app, const struct import_opts *o)
{
	return o->mapping ? xstrdup(o->mapping)
	     : app->cfg.mapping ? xstrdup(app->cfg.mapping)
	     : config_data_path("mapping/demarches-simplifiees.yaml");
}

/* --init-mapping FILE: a starting mapping from the file's headers, guessed
 * from the mapping in use. */
static int init_mapping(struct app *app, const struct import_opts *o, struct perr *e)
{
	struct import_mapping known;
	char *path = mapping_path(app, o);
	int rc = import_mapping_load(path, &known, e);
	free(path);
	if (rc < 0)
		return cli_report(app, e);
	struct book b;
	if (book_read(o->init_mapping, o->encoding, &b, e) < 0) {
		import_mapping_done(&known);
		return cli_report(app, e);
	}
	mapping_init_write(app->out, &b, &known);
	book_done(&b);
	import_mapping_done(&known);
	return 0;
}

static const struct cli_opt import_options[] = {
	{"members", 'm', CLI_TEXT, offsetof(struct import_opts, members), 0},
	{"mapping", 'M', CLI_TEXT, offsetof(struct import_opts, mapping), 0},
	{"dry-run", 'n', CLI_FLAG, offsetof(struct import_opts, dry_run), 1},
	{"verbose", 'v', CLI_FLAG, offsetof(struct import_opts, verbose), 1},
	{"encoding", 'E', CLI_TEXT, offsetof(struct import_opts, encoding), 0},
	{"init-mapping", 'I', CLI_TEXT, offsetof(struct import_opts, init_mapping), 0},
	{"report-drift", 'D', CLI_TEXT, offsetof(struct import_opts, report_drift), 0},
	{0}
};
static const struct cli_spec import_spec = {"import", "hnv", import_options, NULL};

int cmd_import(struct app *app, int argc, char **argv)
{
	struct import_opts o = {0};
	int rc = cli_parse(app, &import_spec, argc, argv, &o);
	if (rc >= 0)
		return rc;
	const char *file = o.init_mapping ? o.init_mapping : o.report_drift;
	if (file && (argc - optind != 0 || (o.init_mapping && o.report_drift)))
		return cli_usage_error(app, "import", "%s", _("--init-mapping and --report-drift take "
							      "the file themselves, alone"));
	if (!file && argc - optind != 1)
		return cli_usage_error(app, "import", "%s", argc - optind < 1
				       ? _("give the export to import (xlsx, ods or csv)")
				       : _("give exactly one export file (members go with --members)"));
	if (!file)
		file = argv[optind];
	struct perr e = {0};
	if (o.init_mapping)
		return init_mapping(app, &o, &e);
	/* Refused before the mapping is even read (import_run checks again). */
	if (permission_import(&app->actor, &e) < 0)
		return cli_report(app, &e);
	char *path = mapping_path(app, &o);
	struct import_mapping m;
	/* The files are the person's: read with their own rights only (the
	 * database, already open, needs no new file). base/host.h */
	host_user_begin();
	rc = import_mapping_load(path, &m, &e);
	free(path);
	if (rc < 0) {
		host_user_end();
		return cli_report(app, &e);
	}
	rc = import_with(app, file, &m, &o, &e);
	host_user_end();
	import_mapping_done(&m);
	return rc;
}
