/* app.h - what a running ptce holds: configuration, the open store, who is
 * acting, and where command output goes (a terminal, or the interface's
 * command line capturing it). */
#ifndef PTCE_APP_H
#define PTCE_APP_H

#include <stdio.h>

#include "actor.h"
#include "config.h"
#include "store.h"

struct app {
	struct config cfg;
	char *config_path;	/* --config */
	char *db_path;		/* resolved database path */
	char *as_login;		/* --as (admin impersonation) */
	struct store *store;	/* NULL until app_open */
	struct actor actor;
	FILE *out, *err;	/* command output */
	int interactive;	/* running inside the interface */
};

/* app_resolve_db - --db, else PTCE_DB, else the configuration's database,
 * else $XDG_DATA_HOME/ptce/ptce.db (~/.local/share/ptce/ptce.db). */
char *app_resolve_db(const char *opt, const struct config *c);
/* app_open - open the store and identify the actor (with --as if given). */
int app_open(struct app *app, struct perr *e);
/* app_close - close the store. */
void app_close(struct app *app);

/* A subcommand. run gets argv[0] = the subcommand name. */
struct command {
	const char *name;
	int (*run)(struct app *app, int argc, char **argv);
	const char *args;	/* synopsis after the name, untranslated */
	const char *summary;	/* N_() */
	unsigned flags;
};
enum {
	CMD_NO_DB = 1,		/* runs without opening the database */
	CMD_HIDDEN = 2,		/* not listed in --help (internal) */
};

extern const struct command commands[];
/* command_find - by exact name, or NULL. */
const struct command *command_find(const char *name);

/* cli_main - parse global options and run a subcommand, or ui when there is
 * none (ui may be NULL for tests). Returns the exit code. */
int cli_main(int argc, char **argv, int (*ui)(struct app *app));
/* cli_dispatch - run one subcommand line on an already open app (used by
 * the interface's ':' line). Returns the exit code. */
int cli_dispatch(struct app *app, int argc, char **argv);
/* cli_report - print e to app->err as "ptce: message" and return the exit code. */
int cli_report(struct app *app, const struct perr *e);
/* cli_usage_error - print a usage error with a hint to --help; returns 2. */
int cli_usage_error(struct app *app, const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
struct option;
/* cli_next_opt - getopt_long for a subcommand: the next option, -1 at the
 * end, or -2 after printing a usage error (the caller returns 2). */
int cli_next_opt(struct app *app, const char *cmd, int argc, char **argv,
		 const char *shorts, const struct option *longs);
/* cli_help - print a subcommand's --help from its table entry and the
 * options text; returns 0. */
int cli_help(struct app *app, const char *cmd, const char *options_text);

/* The subcommands, each in its cmd_*.c file. */
int cmd_init(struct app *, int, char **);
int cmd_import(struct app *, int, char **);
int cmd_list(struct app *, int, char **);
int cmd_show(struct app *, int, char **);
int cmd_history(struct app *, int, char **);
int cmd_move(struct app *, int, char **);
int cmd_assign(struct app *, int, char **);
int cmd_complements(struct app *, int, char **);
int cmd_reviewer(struct app *, int, char **);
int cmd_export(struct app *, int, char **);
int cmd_score(struct app *, int, char **);
int cmd_scores(struct app *, int, char **);
int cmd_conflict(struct app *, int, char **);
int cmd_opinion(struct app *, int, char **);
int cmd_ranking(struct app *, int, char **);
int cmd_checklist(struct app *, int, char **);
int cmd_campaign(struct app *, int, char **);
int cmd_whoami(struct app *, int, char **);
int cmd_doc(struct app *, int, char **);

/* demo_fill - the demo data of 'ptce init --demo' (demo.c). */
int demo_fill(struct app *app, struct perr *e);

#endif
