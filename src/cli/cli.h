/* cli.h - what a subcommand is, and the helpers every cmd_<noun>.c uses to
 * report errors, read its options and print its --help. The table of
 * subcommands is in commands.c. */
#ifndef PTCE_CLI_H
#define PTCE_CLI_H

#include "cli/app.h"

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

#endif
