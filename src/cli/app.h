/* app.h - what a running ptce holds: configuration, the open store, who is
 * acting, and where command output goes (a terminal, or the interface's
 * command line capturing it). */
#ifndef PTCE_APP_H
#define PTCE_APP_H

#include <stdio.h>

#include "cli/config.h"
#include "procedure/actor.h"
#include "store/store.h"

struct command;

struct app {
	struct config cfg;
	char *config_path;	/* --config */
	char *db_path;		/* resolved database path */
	char *as_login;		/* --as (admin impersonation) */
	struct store *store;	/* NULL until app_open */
	struct actor actor;
	FILE *out, *err;	/* command output */
	int interactive;	/* running inside the interface */
	int busy_told;		/* the wait for another session's write was said */
	const struct command *commands;	/* the subcommands' table (NULL-terminated) */
};

/* app_db_allowed - 0, or P_REFUSED when the database is chosen by --db
 * (opt) or PTCE_DB on a shared host, where only the system configuration's
 * database (else STATEDIR/ptce.db) is opened (ptce(8)). */
int app_db_allowed(const char *opt, struct perr *e);
/* app_resolve_db - on a shared host the system configuration's database;
 * otherwise --db, else PTCE_DB, else the configuration's database,
 * else $XDG_DATA_HOME/ptce/ptce.db (~/.local/share/ptce/ptce.db). */
char *app_resolve_db(const char *opt, const struct config *c);
/* app_open - open the store and identify the actor (with --as if given). */
int app_open(struct app *app, struct perr *e);
/* app_close - close the store. */
void app_close(struct app *app);

#endif
