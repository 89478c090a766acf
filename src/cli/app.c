/* app.c - opening what a command works on: the database (found from --db,
 * PTCE_DB or the configuration) and the person acting. */
#include <stdlib.h>

#include "base/host.h"
#include "base/i18n.h"

#include "cli/app.h"
#include "procedure/procedure.h"

#ifndef SYSCONFDIR
#define SYSCONFDIR "/etc"
#endif
#ifndef STATEDIR
#define STATEDIR "/var/lib/ptce"
#endif

int app_db_allowed(const char *opt, struct perr *e)
{
	const char *env = getenv("PTCE_DB");
	if (!host_shared())
		return 0;
	if (opt)
		return perr_set(e, P_REFUSED, _("--db is refused on a shared host: ptce opens only the database of the system configuration (%s); see ptce(8)"),
				SYSCONFDIR "/ptce/ptce.yaml");
	if (env && *env)
		return perr_set(e, P_REFUSED, _("PTCE_DB is refused on a shared host: ptce opens only the database of the system configuration (%s); unset it (see ptce(8))"),
				SYSCONFDIR "/ptce/ptce.yaml");
	return 0;
}

char *app_resolve_db(const char *opt, const struct config *c)
{
	if (host_shared())
		return xstrdup(c->database ? c->database : STATEDIR "/ptce.db");
	if (opt && *opt)
		return xstrdup(opt);
	const char *env = getenv("PTCE_DB");
	if (env && *env)
		return xstrdup(env);
	if (c->database)
		return xstrdup(c->database);
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	if (xdg && *xdg)
		return xasprintf("%s/ptce/ptce.db", xdg);
	return xasprintf("%s/.local/share/ptce/ptce.db", home && *home ? home : ".");
}

/* The command line's wait for another session's write: said once, after a
 * second, on stderr (the interface sets its own hook). */
static int cli_busy_hook(void *arg, unsigned waited_ms)
{
	int *told = arg;
	if (waited_ms < 1000)
		*told = 0;
	else if (!*told) {
		fprintf(stderr, "%s\n", _("waiting for another session's write to end (an import?)… (Ctrl-C to give up)"));
		*told = 1;
	}
	return 0;
}

int app_open(struct app *app, struct perr *e)
{
	if (procedure_open(app->db_path, STORE_EXISTING, &app->store, e) < 0)
		return -1;
	store_busy_hook(app->store, cli_busy_hook, &app->busy_told);
	if (actor_from_process(app->store, &app->actor, e) < 0)
		goto fail;
	if (app->as_login && actor_impersonate(app->store, &app->actor, app->as_login, e) < 0)
		goto fail;
	return 0;
fail:
	store_close(&app->store);
	return -1;
}

void app_close(struct app *app)
{
	store_close(&app->store);
}

