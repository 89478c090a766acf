/* cmd_check.h - 'ptce check': is the database whole, and is its record
 * intact? */
#ifndef PTCE_CMD_CHECK_H
#define PTCE_CMD_CHECK_H

#include "cli/app.h"

/* cmd_check - ptce check [FILE] [--head SEQ:HASH]. */
int cmd_check(struct app *app, int argc, char **argv);

#endif
