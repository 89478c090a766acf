/* cmd_init.c - 'ptce init': create the database file (and the default
 * location's folder), record the configured campaigns and the admin; with
 * --demo, fill it with the demonstration data. */
#include <errno.h>
#include <pwd.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/host.h"
#include "base/i18n.h"
#include "cli/cli.h"
#include "cli/cmd_init.h"
#include "demo/demo.h"
#include "procedure/procedure.h"
#include "store/open.h"
#include "store/stmt.h"

static int mkdir_p(const char *dir)
{
	char *p = xstrdup(dir);
	for (char *s = p + 1; *s; s++) {
		if (*s == '/') {
			*s = '\0';
			if (mkdir(p, 0700) < 0 && errno != EEXIST) {
				free(p);
				return -1;
			}
			*s = '/';
		}
	}
	int rc = mkdir(p, 0700) < 0 && errno != EEXIST ? -1 : 0;
	free(p);
	return rc;
}

/* The default location is ours to create; a path someone typed must already
 * have its folder, so a typo does not scatter databases. */
static int make_default_folder(struct app *app, struct perr *e)
{
	char *def = app_resolve_db(NULL, &(struct config){0});
	int is_default = !getenv("PTCE_DB") && !app->cfg.database && strcmp(def, app->db_path) == 0;
	free(def);
	if (!is_default)
		return 0;
	char *dir = xstrdup(app->db_path), *slash = strrchr(dir, '/');
	int rc = 0;
	if (slash) {
		*slash = '\0';
		if (mkdir_p(dir) < 0)
			rc = perr_set(e, P_IO, _("cannot create the folder %s: %s"), dir, strerror(errno));
	}
	free(dir);
	return rc;
}

static int seed_campaigns(struct store *s, const struct config *c, struct perr *e)
{
	char now[21];
	for (size_t i = 0; i < c->n_campaigns; i++) {
		const struct campaign_conf *cc = &c->campaigns[i];
		if (stmt_run(s, e, _("recording the campaigns"),
			     "INSERT INTO campaigns(name, envelope_eur, amount_per_year_eur,"
			     " years, is_current, created_at) VALUES (?,?,?,?,?,?)", "tIIiit",
			     cc->name, cc->envelope, cc->amount_per_year, cc->years, cc->current,
			     now_utc(now)) < 0)
			return -1;
	}
	return 0;
}

/* The display name from the account's GECOS field, or "" when it has none. */
static void gecos_name(char *name, size_t len)
{
	struct passwd *pw = getpwuid(getuid());
	name[0] = '\0';
	if (pw && pw->pw_gecos && *pw->pw_gecos)
		snprintf(name, len, "%.*s", (int)strcspn(pw->pw_gecos, ","), pw->pw_gecos);
}

static void share_with_group(const char *path)
{
	char *w = xasprintf("%s-wal", path), *m = xasprintf("%s-shm", path);
	chmod(path, 0660);
	chmod(w, 0660);
	chmod(m, 0660);
	free(w);
	free(m);
}

static void remove_db(const char *path)
{
	char *w = xasprintf("%s-wal", path), *m = xasprintf("%s-shm", path);
	unlink(path);
	unlink(w);
	unlink(m);
	free(w);
	free(m);
}

/* Create the database with its campaigns and admin login (and the demo);
 * on failure nothing is left behind. */
static int create_db(struct app *app, const char *login, int demo, struct perr *e)
{
	struct store *created = NULL;
	if (procedure_open(app->db_path, STORE_CREATE, &created, e) < 0)
		return -1;
	app->store = created;
	/* SQLite makes the file 0644 less the umask; on a shared host the
	 * group must write it, and -wal and -shm take its mode (ptce(8)). */
	if (host_shared())
		share_with_group(app->db_path);
	unsigned roles = ROLE_ADMIN | (demo ? ROLE_COORDINATEUR : 0);
	char name[128];
	gecos_name(name, sizeof name);
	int ok = store_begin(app->store, e) == 0 && seed_campaigns(app->store, &app->cfg, e) == 0 &&
		 store_commit(app->store, e) == 0;
	if (!ok)
		store_rollback(app->store);
	if (ok && reviewer_add(app->store, NULL, login, name[0] ? name : NULL, NULL, NULL, roles, e) == 0 &&
	    actor_load(app->store, login, &app->actor, e) == 0 &&
	    (!demo || demo_fill(app->store, &app->actor, app->cfg.checklists_dir, app->err, e) == 0))
		return 0;
	store_close(&app->store);
	remove_db(app->db_path);
	perr_append(e, _(" (%s was not created)"), app->db_path);
	return -1;
}

static const struct cli_opt init_options[] = {{"demo", 'd', CLI_FLAG, 0, 1}, {0}};
static const struct cli_spec init_spec = {"init", "dh", init_options, NULL};

/* Whether a bare 'ptce' (no --db, no PTCE_DB) opens the database just made:
 * otherwise the closing hint names it, or it would open another one. */
static int opens_plain(const struct app *app)
{
	const char *env = getenv("PTCE_DB");
	if (env && *env)
		return 0;
	char *plain = app_resolve_db(NULL, &app->cfg);
	int same = strcmp(plain, app->db_path) == 0;
	free(plain);
	return same;
}

int cmd_init(struct app *app, int argc, char **argv)
{
	int demo = 0;
	int rc = cli_parse(app, &init_spec, argc, argv, &demo);
	if (rc >= 0 || (rc = cli_end(app, "init", argc, argv)) != 0)
		return rc;
	if (host_shared() && getuid() != 0) {
		struct perr se = {0};
		perr_set(&se, P_REFUSED, _("on a shared host the database is created by root (sudo ptce init), who then adds the reviewers; see ptce(8)"));
		return cli_report(app, &se);
	}

	struct perr e = {0};
	char login[64];
	if (app->store) {
		/* From the interface's ':' line: a database is open already. */
		perr_set(&e, P_REFUSED, _("init creates a new database; run it from the shell (ptce --db PATH init), not from inside ptce."));
		return cli_report(app, &e);
	}
	if (actor_unix_login(login, sizeof login, &e) < 0 || make_default_folder(app, &e) < 0 ||
	    create_db(app, login, demo, &e) < 0)
		return cli_report(app, &e);
	fprintf(app->out, _("Created %s; you (%s) are %s.\n"), app->db_path, login,
		demo ? _("admin and coordinateur") : _("admin"));
	if (demo && opens_plain(app))
		fprintf(app->out, "%s", _("Demonstration data loaded. Open the interface with: ptce\n"));
	else if (demo)
		fprintf(app->out, _("Demonstration data loaded. Open the interface with: ptce --db '%s'\n"),
			app->db_path);
	else
		fprintf(app->out, "%s", _("Next: add reviewers (ptce reviewer add LOGIN --name NAME --role instructeur) and import dossiers (ptce import FILE.csv).\n"));
	return 0;
}
