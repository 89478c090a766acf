/* cmd_init.c - 'ptce init': create the database file (and the default
 * location's folder), record the configured campaigns and the admin; with
 * --demo, fill it with the demonstration data. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/host.h"
#include "base/i18n.h"
#include "cli/cli.h"
#include "cli/cmd_init.h"
#include "demo/demo.h"
#include "procedure/procedure.h"
#include "store/backup.h"
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

/* The name is free and its folder exists: init never replaces a file,
 * not even an empty one. */
static int check_target(const char *path, struct perr *e)
{
	struct stat st;
	if (lstat(path, &st) == 0)
		return perr_set(e, P_REFUSED, _("%s already exists; ptce init never overwrites a database. Remove it yourself or choose another path with --db."),
				path);
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	int rc = 0;
	if (slash && slash != dir) {
		*slash = '\0';
		if (stat(dir, &st) != 0)
			rc = perr_set(e, P_IO, _("the folder %s does not exist; create it first (mkdir -p %s) or choose another path with --db."),
				      dir, dir);
	}
	free(dir);
	return rc;
}

/* What an init killed part way left beside path (.NAME.init-*, whose lock
 * no running init holds): removed, so that the folder does not fill up. */
static void remove_stale_temps(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path)) : xstrdup(".");
	char *prefix = xasprintf(".%s.init-", slash ? slash + 1 : path);
	DIR *d = opendir(dir);
	struct dirent *de;
	while (d && (de = readdir(d))) {
		const char *n = de->d_name;
		size_t len = strlen(n);
		if (strncmp(n, prefix, strlen(prefix)) != 0)
			continue;
		char *f = xasprintf("%s/%s", dir, n);
		size_t side = len > 4 && (strcmp(n + len - 4, "-wal") == 0 || strcmp(n + len - 4, "-shm") == 0) ? 4
			    : len > 8 && strcmp(n + len - 8, "-journal") == 0 ? 8 : 0;
		if (side) {
			/* A side file whose database is gone (killed between the two
			 * removals): nobody can hold it, it goes. */
			char *main_file = xstrndup(f, strlen(f) - side);
			struct stat st;
			if (stat(main_file, &st) != 0)
				unlink(f);
			free(main_file);
			free(f);
			continue;
		}
		int fd = open(f, O_RDONLY | O_CLOEXEC);
		if (fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0)
			store_remove_files(f);
		if (fd >= 0)
			close(fd);
		free(f);
	}
	if (d)
		closedir(d);
	free(prefix);
	free(dir);
}

/* Hold a lock on the file being built for as long as this init runs: the
 * next init knows a file nobody holds was left by a killed one. */
static int lock_temp(const char *tmp)
{
	int fd = open(tmp, O_RDONLY | O_CLOEXEC);
	if (fd >= 0)
		flock(fd, LOCK_EX | LOCK_NB);
	return fd;
}

/* Fill the new file tmp: campaigns, the admin login, the demo. */
static int fill_db(struct app *app, const char *login, int demo, struct perr *e)
{
	unsigned roles = ROLE_ADMIN | (demo ? ROLE_COORDINATEUR : 0);
	char name[128];
	gecos_name(name, sizeof name);
	int ok = store_begin(app->store, e) == 0 && seed_campaigns(app->store, &app->cfg, e) == 0 &&
		 store_commit(app->store, e) == 0;
	if (!ok)
		store_rollback(app->store);
	return ok && reviewer_add(app->store, NULL, login, name[0] ? name : NULL, NULL, NULL, roles, e) == 0 &&
	       actor_load(app->store, login, &app->actor, e) == 0 &&
	       (!demo || demo_fill(app->store, &app->actor, app->cfg.checklists_dir, app->err, e) == 0) ? 0 : -1;
}

/* Create the database with its campaigns and admin login (and the demo) in
 * a file of its own beside the target, which takes the target's name only
 * when complete: a killed init leaves no database, never half of one. */
static int create_db(struct app *app, const char *login, int demo, struct perr *e)
{
	if (check_target(app->db_path, e) < 0)
		return -1;
	remove_stale_temps(app->db_path);
	char *tmp = store_temp_file(app->db_path, "init", 0666, e);
	if (!tmp)
		return -1;
	int lock = lock_temp(tmp);
	int rc = procedure_open(tmp, STORE_CREATE, &app->store, e);
	if (rc == 0)
		rc = fill_db(app, login, demo, e);
	/* The last close folds the -wal into the file and removes it. */
	store_close(&app->store);
	if (rc == 0 && link(tmp, app->db_path) < 0)
		rc = perr_set(e, errno == EEXIST ? P_REFUSED : P_IO, _("cannot create %s: %s"), app->db_path, strerror(errno));
	/* SQLite makes the file 0644 less the umask; on a shared host the
	 * group must write it, and -wal and -shm take its mode (ptce(8)). */
	if (rc == 0 && host_shared())
		share_with_group(app->db_path);
	store_remove_files(tmp);
	if (lock >= 0)
		close(lock);
	free(tmp);
	if (rc < 0) {
		perr_append(e, _(" (%s was not created)"), app->db_path);
		return -1;
	}
	store_sync_dir_of(app->db_path);
	return 0;
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
