/* cmd_import.c - 'ptce import' (Démarches Simplifiées CSV in, all or nothing)
 * and 'ptce export' (CSV or JSON out): option parsing, roles and messages. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/geo.h"
#include "base/i18n.h"
#include "base/text.h"
#include "cli/app.h"
#include "cli/cli.h"
#include "cli/cmd_import.h"
#include "io/export.h"
#include "io/import.h"
#include "procedure/procedure.h"

/* How many problems of a refused file are printed; the rest are counted. */
#define IMPORT_MAX_SHOWN 50

static int bad_option(struct app *app, const char *cmd, int ch, char **argv)
{
	if (ch == ':')
		return cli_usage_error(app, cmd, _("option '%s' needs a value"), argv[optind - 1]);
	return cli_usage_error(app, cmd, _("unknown option '%s'"), argv[optind - 1]);
}

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

int cmd_import(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{"members", required_argument, NULL, 'm'},
		{"mapping", required_argument, NULL, 'M'},
		{"dry-run", no_argument, NULL, 'n'},
		{"verbose", no_argument, NULL, 'v'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}
	};
	const char *members = NULL, *mapping_opt = NULL;
	int dry_run = 0, verbose = 0, ch;

	optind = 0;
	while ((ch = getopt_long(argc, argv, ":hnv", opts, NULL)) != -1) {
		switch (ch) {
		case 'm': members = optarg; break;
		case 'M': mapping_opt = optarg; break;
		case 'n': dry_run = 1; break;
		case 'v': verbose = 1; break;
		case 'h':
			return cli_help(app, "import", _(
				"Reads the CSV export of Démarches Simplifiées (one row per dossier,\n"
				"comma or semicolon, UTF-8 with or without BOM) and creates or updates\n"
				"dossiers by platform number. Every row is checked first; if any is\n"
				"invalid, nothing is imported and each problem is shown as\n"
				"FILE:LINE:COLUMN. A re-import updates the applicant's fields only:\n"
				"states, reviews and history are kept. Admin role required.\n\n"
				"Options:\n"
				"  --members FILE.csv   the members (one row per member, with the dossier\n"
				"                       number); replaces the members of the dossiers\n"
				"  --mapping FILE.yaml  CSV headers to fields (default: the configuration's\n"
				"                       'mapping', else mapping/demarches-simplifiees.yaml)\n"
				"  -n, --dry-run        check and show what would change; save nothing\n"
				"  -v, --verbose        one line per dossier\n"));
		default:
			return bad_option(app, "import", ch, argv);
		}
	}
	if (argc - optind != 1)
		return cli_usage_error(app, "import", "%s", argc - optind < 1
				       ? _("give the CSV file to import")
				       : _("give exactly one CSV file (members go with --members)"));
	const char *csv = argv[optind];

	struct perr e = {0};
	if (!actor_has(&app->actor, ROLE_ADMIN)) {
		perr_set(&e, P_REFUSED, _("importing dossiers needs the admin role, which %s does "
					  "not hold; ask an admin (see 'ptce reviewer list') to "
					  "import the file"), app->actor.login);
		return cli_report(app, &e);
	}

	char *mapping_path = mapping_opt ? xstrdup(mapping_opt)
			   : app->cfg.mapping ? xstrdup(app->cfg.mapping)
			   : config_data_path("mapping/demarches-simplifiees.yaml");
	struct import_mapping m;
	if (import_mapping_load(mapping_path, &m, &e) < 0) {
		free(mapping_path);
		return cli_report(app, &e);
	}
	free(mapping_path);

	struct import_request req = {
		.csv_path = csv, .members_path = members, .mapping = &m,
		.actor = app->actor.login, .real_actor = app->actor.real_login,
		.dry_run = dry_run,
	};
	struct import_report rep;
	struct import_errors errs = {0};
	int rc = import_run(app->store, &req, &rep, &errs, &e);
	if (rc < 0) {
		for (size_t i = 0; i < errs.n && i < IMPORT_MAX_SHOWN; i++)
			fprintf(app->err, "%s\n", errs.msgs[i]);
		if (errs.n > IMPORT_MAX_SHOWN)
			fprintf(app->err, P_("... and %zu more problem not shown\n",
					     "... and %zu more problems not shown\n",
					     errs.n - IMPORT_MAX_SHOWN), errs.n - IMPORT_MAX_SHOWN);
		rc = cli_report(app, &e);
	} else {
		for (size_t i = 0; i < rep.n_items; i++)
			if (verbose || dry_run)
				print_outcome(app, &rep.items[i], dry_run);
		for (size_t i = 0; i < rep.n_notes; i++) {
			fputs("ptce: ", app->err);
			text_put(app->err, rep.notes[i]);
			fputc('\n', app->err);
		}
		if (verbose && rep.n_ignored) {
			fputs(_("columns not in the mapping (ignored):"), app->out);
			for (size_t i = 0; i < rep.n_ignored; i++) {
				fputs(i ? ", " : " ", app->out);
				text_put(app->out, rep.ignored[i]);
			}
			fputc('\n', app->out);
		}
		if (dry_run)
			fprintf(app->out, _("dry run: %zu would be created, %zu updated, %zu unchanged; "
					    "nothing was saved\n"),
				rep.created, rep.updated, rep.unchanged);
		else
			fprintf(app->out, _("%zu created, %zu updated, %zu unchanged\n"),
				rep.created, rep.updated, rep.unchanged);
		rc = 0;
	}
	import_errors_done(&errs);
	import_report_done(&rep);
	import_mapping_done(&m);
	return rc;
}

/* Write through a temporary file next to path, renamed at the end, so that
 * a failed export never leaves half a file where a good one was. */
static int export_to_file(struct app *app, const char *path, enum export_format fmt,
			  int excel, const long long *ids, size_t n, struct perr *e)
{
	char *tmp = xasprintf("%s.tmpXXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		perr_set(e, P_IO, _("%s: cannot create: %s"), path, strerror(errno));
		free(tmp);
		return -1;
	}
	FILE *f = fdopen(fd, "w");
	if (!f) {
		close(fd);
		unlink(tmp);
		free(tmp);
		return perr_set(e, P_IO, _("%s: cannot write: %s"), path, strerror(errno));
	}
	int rc = export_rows(app->store, f, fmt, excel, ids, n, e);
	if (fclose(f) != 0 && rc == 0)
		rc = perr_set(e, P_IO, _("%s: cannot write: %s"), path, strerror(errno));
	if (rc == 0 && rename(tmp, path) != 0)
		rc = perr_set(e, P_IO, _("%s: cannot write: %s"), path, strerror(errno));
	if (rc < 0)
		unlink(tmp);
	free(tmp);
	return rc;
}

int cmd_export(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"excel", no_argument, NULL, 'x'},
		{"state", required_argument, NULL, 's'},
		{"region", required_argument, NULL, 'r'},
		{"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}
	};
	enum export_format fmt = EXPORT_CSV;
	const char *output = NULL;
	struct dossier_filter filter = {0};
	int excel = 0, ch;

	optind = 0;
	while ((ch = getopt_long(argc, argv, ":hf:o:", opts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			if (export_format_parse(optarg, &fmt) < 0)
				return cli_usage_error(app, "export",
						       _("unknown format '%s'; use csv or json"), optarg);
			break;
		case 'x': excel = 1; break;
		case 's':
			if (!state_find(optarg)) {
				char list[256] = "";
				for (size_t i = 0; i < procedure_n_states; i++) {
					if (i)
						strncat(list, ", ", sizeof list - strlen(list) - 1);
					strncat(list, procedure_states[i].name, sizeof list - strlen(list) - 1);
				}
				return cli_usage_error(app, "export", _("unknown state '%s'; states: %s"),
						       optarg, list);
			}
			filter.state = optarg;
			break;
		case 'r':
			if (!geo_region_name(optarg))
				return cli_usage_error(app, "export",
						       _("'%s' is not an INSEE region code "
							 "(e.g. 44 for Grand Est, 76 for Occitanie)"), optarg);
			filter.region = optarg;
			break;
		case 'o': output = optarg; break;
		case 'h':
			return cli_help(app, "export", _(
				"Writes one row per dossier: ds_number, state, state_since,\n"
				"days_in_state, then every dossier field by its column name, campaign\n"
				"and complements_due. Text is cleaned of control characters.\n\n"
				"Options:\n"
				"  -f, --format csv|json  output format (default csv; json adds the\n"
				"                         members and documents of each dossier)\n"
				"  --excel                CSV for French spreadsheets: UTF-8 BOM,\n"
				"                         semicolons, CRLF line ends\n"
				"  --state S              only dossiers in state S\n"
				"  --region R             only dossiers of région R (INSEE code)\n"
				"  -o, --output FILE      write FILE (created 0600, replaced only\n"
				"                         when complete) instead of standard output\n"));
		default:
			return bad_option(app, "export", ch, argv);
		}
	}
	if (optind < argc)
		return cli_usage_error(app, "export", _("unexpected argument '%s'"), argv[optind]);
	if (excel && fmt != EXPORT_CSV)
		return cli_usage_error(app, "export", "%s", _("--excel applies to the csv format only"));

	struct perr e = {0};
	if (!actor_has(&app->actor, ROLE_INSTRUCTEUR | ROLE_COORDINATEUR | ROLE_LECTEUR | ROLE_ADMIN)) {
		perr_set(&e, P_REFUSED, _("exporting all dossiers needs the instructeur, coordinateur, "
					  "lecteur or admin role; an expert sees only the dossiers "
					  "they are asked about. Ask an admin for a role if you need it."));
		return cli_report(app, &e);
	}

	long long *ids = NULL;
	size_t n = 0;
	if (export_ids(app->store, &filter, &ids, &n, &e) < 0)
		return cli_report(app, &e);
	int rc = output ? export_to_file(app, output, fmt, excel, ids, n, &e)
			: export_rows(app->store, app->out, fmt, excel, ids, n, &e);
	free(ids);
	if (rc < 0)
		return cli_report(app, &e);
	return 0;
}
