/* cmd_backup.c - 'ptce backup FILE' copies the database while others keep
 * working; 'ptce restore FILE' checks a copy (integrity, schema version,
 * audit record) and only then puts it back. Both are for admins: a copy
 * holds every review. */
#include <stdio.h>

#include "base/i18n.h"
#include "cli/cli.h"
#include "cli/cmd_backup.h"
#include "procedure/role.h"
#include "store/backup.h"
#include "store/open.h"
#include "store/stmt.h"

int cmd_backup(struct app *app, int argc, char **argv)
{
	static const struct cli_spec spec = {"backup", "h", NULL, NULL};
	int rc = cli_parse(app, &spec, argc, argv, NULL);
	if (rc >= 0)
		return rc;
	const char *file = cli_arg(argc, argv);
	if (!file)
		return cli_usage_error(app, "backup", "%s", _("where to? give the new file's name"));
	if ((rc = cli_end(app, "backup", argc, argv)) != 0)
		return rc;
	struct perr e = {0};
	if (!(app->actor.roles & ROLE_ADMIN)) {
		perr_set(&e, P_REFUSED, "%s", _("a backup holds every review and decision: it is for admins."));
		return cli_report(app, &e);
	}
	if (store_backup(app->store, file, &e) < 0)
		return cli_report(app, &e);
	fprintf(app->out, _("Backed up %s to %s (mode 0600; checked: integrity ok).\n"), app->db_path, file);
	return 0;
}

/* Whether login is an active admin in the database at path: 1, 0, or -1
 * when the file cannot tell (damaged or missing). */
static int admin_in(const char *path, const char *login)
{
	struct store *s = NULL;
	struct perr e = {0};
	int yes = 0;
	if (store_open_raw(path, 1, &s, &e) < 0)
		return -1;
	int rc = stmt_exists(s, &yes, &e, "admin",
			     "SELECT 1 FROM reviewer_roles r JOIN reviewers v ON v.login = r.login"
			     " WHERE r.login = ? AND r.role = 'admin' AND v.active = 1", "t", login);
	store_close(&s);
	return rc < 0 ? -1 : yes;
}

int cmd_restore(struct app *app, int argc, char **argv)
{
	static const struct cli_spec spec = {"restore", "h", NULL, NULL};
	int rc = cli_parse(app, &spec, argc, argv, NULL);
	if (rc >= 0)
		return rc;
	const char *file = cli_arg(argc, argv);
	if (!file)
		return cli_usage_error(app, "restore", "%s", _("restore which backup? give its file name"));
	if ((rc = cli_end(app, "restore", argc, argv)) != 0)
		return rc;
	struct perr e = {0};
	char login[64];
	if (app->store) {
		perr_set(&e, P_REFUSED, "%s", _("restore replaces the database; run it from the shell (ptce restore FILE), not from inside ptce."));
		return cli_report(app, &e);
	}
	if (actor_unix_login(login, sizeof login, &e) < 0 || store_check_backup(file, &e) < 0)
		return cli_report(app, &e);
	/* An admin of the copy, and of the current file when it can still say. */
	if (admin_in(file, login) != 1 || admin_in(app->db_path, login) == 0) {
		perr_set(&e, P_REFUSED, _("restoring is for admins, and %s is not an admin of %s; nothing was changed."),
			 login, admin_in(file, login) != 1 ? file : app->db_path);
		return cli_report(app, &e);
	}
	if (store_restore(app->db_path, file, &e) < 0) {
		perr_append(&e, "%s", _(" (the database was left as it was)"));
		return cli_report(app, &e);
	}
	fprintf(app->out, _("Restored %s from %s (checked: integrity, schema version, audit record).\n"),
		app->db_path, file);
	return 0;
}
