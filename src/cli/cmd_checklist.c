/* cmd_checklist.c - 'ptce checklist': check grid files (each error names
 * file:line:column), show a grid's criteria, rules, bands and version hash,
 * install a grid version (admin) and list the installations. check runs
 * without a database. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/fmt.h"
#include "base/host.h"
#include "base/i18n.h"
#include "base/text.h"
#include "cli/cli.h"
#include "cli/cmd_checklist.h"
#include "procedure/permission.h"
#include "review/checklist.h"
#include "review/grid_version.h"

static int check_files(struct app *app, const char *name, void *ctx, int argc, char **argv)
{
	(void)name;
	(void)ctx;
	if (optind >= argc)
		return cli_usage_error(app, "checklist", "%s", _("check which file? e.g. ptce checklist check config/checklists/*.yaml"));
	int bad = 0;
	for (int i = optind; i < argc; i++) {
		struct perr e = {0};
		struct checklist *g = NULL;
		if (checklist_load_file(argv[i], &g, &e) < 0) {
			cli_report(app, &e);
			bad = 1;
			continue;
		}
		char pts[32];
		fprintf(app->out, P_("%s: ok (grid %s, phase %d, %zu criterion, %s points, version %s)\n",
				     "%s: ok (grid %s, phase %d, %zu criteria, %s points, version %s)\n", g->n_crit),
			argv[i], g->id, g->phase, g->n_crit, fmt_short(FMT_READER, g->points_sum, pts, sizeof pts),
			g->hash);
		checklist_free(&g);
	}
	return bad ? 1 : 0;
}

static void print_criterion(FILE *f, const struct criterion *cr)
{
	char *acc = criterion_accepts(cr);
	fprintf(f, "  %-6s %-6s %-10s ", cr->id, crit_type_name(cr->type), acc);
	free(acc);
	char num[32];
	text_put(f, criterion_label(cr));
	if (cr->points > 0)
		fprintf(f, _(" [%s points]"), fmt_short(FMT_READER, cr->points, num, sizeof num));
	if (cr->blocking)
		fprintf(f, "%s", _(" [blocking]"));
	if (cr->eliminate_below >= 0)
		fprintf(f, _(" [eliminates under %s points]"), fmt_short(FMT_READER, cr->eliminate_below, num, sizeof num));
	fputs("\n", f);
}

static void print_grid(FILE *f, const struct checklist *g)
{
	fprintf(f, "%s - ", g->id);
	text_put(f, checklist_text(g->title, g->title_en));
	fprintf(f, P_("\nphase %d, %d review required, %s, version %s%s%s\n",
		      "\nphase %d, %d reviews required, %s, version %s%s%s\n", g->reviews_required), g->phase,
		g->reviews_required, g->blind ? _("blind") : _("not blind"), g->hash,
		g->version ? " / " : "", g->version ? g->version : "");
	int sec = -1;
	for (size_t i = 0; i < g->n_crit; i++) {
		if (g->crit[i].section != sec) {
			sec = g->crit[i].section;
			fputs("\n", f);
			text_put(f, checklist_text(g->sections[sec].title, g->sections[sec].title_en));
			fputs("\n", f);
		}
		print_criterion(f, &g->crit[i]);
	}
	for (size_t i = 0; i < g->n_bands; i++) {
		fprintf(f, i ? ", " : _("\nBands: "));
		char num[32];
		text_put(f, checklist_text(g->bands[i].label, g->bands[i].label_en));
		fprintf(f, " ≥ %s", fmt_short(FMT_READER, g->bands[i].min, num, sizeof num));
	}
	if (g->n_bands)
		fputs("\n", f);
}

/* The database, for the subcommands that need it (the command runs
 * without one for check). 0 when open; an exit code otherwise. */
static int need_db(struct app *app)
{
	struct perr e = {0};
	if (app->store)
		return 0;
	return app_open(app, &e) < 0 ? cli_report(app, &e) : 0;
}

static int show_grid(struct app *app, const char *action, void *ctx, int argc, char **argv)
{
	const char *name = cli_arg(argc, argv);
	(void)action;
	(void)ctx;
	if (!name)
		return cli_usage_error(app, "checklist", "%s", _("show which grid? e.g. ptce checklist show phase2"));
	struct perr e = {0};
	struct checklist *g = NULL;
	/* Without a database yet, the system directory's grid is the one.
	 * stat, not access: on a shared host only the group reaches the file. */
	struct stat st;
	if (!app->store && stat(app->db_path, &st) == 0) {
		int rc = need_db(app);
		if (rc)
			return rc;
	}
	if (app->store ? grid_current(app->store, app->cfg.checklists_dir, name, &g, &e) < 0
		       : checklist_load_named(app->cfg.checklists_dir, name, &g, &e) < 0)
		return cli_report(app, &e);
	print_grid(app->out, g);
	checklist_free(&g);
	return 0;
}

/* ptce checklist install FILE: an admin makes FILE's grid the version
 * reviews are given on. The file is read with the person's own rights. */
static int install_grid(struct app *app, const char *action, void *ctx, int argc, char **argv)
{
	const char *file = cli_arg(argc, argv);
	(void)action;
	(void)ctx;
	if (!file)
		return cli_usage_error(app, "checklist", "%s", _("install which file? e.g. ptce checklist install phase2.yaml"));
	int rc = cli_end(app, "checklist", argc, argv);
	if (rc || (rc = need_db(app)) != 0)
		return rc;
	struct perr e = {0};
	struct checklist *g = NULL;
	if (permission_check(&app->actor, OP_GRID_INSTALL, &e) < 0)
		return cli_report(app, &e);
	host_user_begin();
	rc = checklist_load_file(file, &g, &e);
	host_user_end();
	if (rc < 0 || grid_install(app->store, &app->actor, g, NULL, NULL, &e) < 0) {
		checklist_free(&g);
		return cli_report(app, &e);
	}
	char pts[32];
	fprintf(app->out, _("Grid %s version %s (%s points) installed by %s; new reviews on %s are given on it.\n"),
		g->id, g->hash, fmt_short(FMT_READER, g->points_sum, pts, sizeof pts), app->actor.login, g->id);
	checklist_free(&g);
	return 0;
}

static int print_install(const struct grid_install_row *r, void *arg)
{
	FILE *f = arg;
	fprintf(f, "%s\t%s\t%g\t%s\t%s\t%s\t%s\n", r->grid_id, r->hash, r->points, r->at, r->by,
		r->current ? _("current") : "-", r->source);
	return 0;
}

static int list_installs(struct app *app, const char *action, void *ctx, int argc, char **argv)
{
	(void)action;
	(void)ctx;
	int rc = cli_end(app, "checklist", argc, argv);
	if (rc || (rc = need_db(app)) != 0)
		return rc;
	struct perr e = {0};
	return grid_install_list(app->store, print_install, app->out, &e) < 0 ? cli_report(app, &e) : 0;
}

int cmd_checklist(struct app *app, int argc, char **argv)
{
	static const struct cli_spec spec = {"checklist", "+h", NULL, NULL};
	static const struct cli_action actions[] = {
		{"check", check_files}, {"show", show_grid}, {"install", install_grid},
		{"list", list_installs}, {0}
	};
	const char *sub = NULL;
	int rc = cli_parse_action(app, &spec, actions, N_("expected 'check FILE...', 'show ID', 'install FILE' or 'list'"),
				  argc, argv, NULL, &sub);
	if (rc == -1)
		return cli_usage_error(app, "checklist", _("unknown subcommand '%s'; expected check, show, install or list"), sub);
	return rc;
}
