/* cmd_init.h - 'ptce init': create a new database, its admin and campaigns,
 * and with --demo the demonstration data. */
#ifndef PTCE_CMD_INIT_H
#define PTCE_CMD_INIT_H

#include "cli/app.h"

/* cmd_init - ptce init [--demo]; the account running it becomes admin. */
int cmd_init(struct app *app, int argc, char **argv);

#endif
