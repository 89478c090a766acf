/* cmd_core.h - the core subcommands: init, list, show, history, move, assign,
 * complements, reviewer, whoami. */
#ifndef PTCE_CMD_CORE_H
#define PTCE_CMD_CORE_H

#include "cli/app.h"

int cmd_init(struct app *app, int argc, char **argv);
int cmd_list(struct app *app, int argc, char **argv);
int cmd_show(struct app *app, int argc, char **argv);
int cmd_history(struct app *app, int argc, char **argv);
int cmd_move(struct app *app, int argc, char **argv);
int cmd_assign(struct app *app, int argc, char **argv);
int cmd_complements(struct app *app, int argc, char **argv);
int cmd_reviewer(struct app *app, int argc, char **argv);
int cmd_whoami(struct app *app, int argc, char **argv);

#endif
