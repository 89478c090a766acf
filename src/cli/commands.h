/* commands.h - the command line's entry points: parse the global options and
 * run a subcommand (or the interface), or run one subcommand line inside the
 * interface. */
#ifndef PTCE_COMMANDS_H
#define PTCE_COMMANDS_H

#include "cli/cli.h"

/* command_find - by exact name, or NULL. */
const struct command *command_find(const char *name);

/* cli_main - parse global options and run a subcommand, or ui when there is
 * none (ui may be NULL for tests). Returns the exit code. */
int cli_main(int argc, char **argv, int (*ui)(struct app *app));
/* cli_dispatch - run one subcommand line on an already open app (used by
 * the interface's ':' line). Returns the exit code. */
int cli_dispatch(struct app *app, int argc, char **argv);
#endif
