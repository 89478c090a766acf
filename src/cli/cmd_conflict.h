/* cmd_conflict.h - 'ptce conflict': declare a conflict of interest on a
 * dossier. */
#ifndef PTCE_CMD_CONFLICT_H
#define PTCE_CMD_CONFLICT_H

#include "cli/app.h"

/* cmd_conflict - ptce conflict ID --reason TEXT [--reviewer LOGIN], or
 * ptce conflict withdraw ID [--reviewer LOGIN] [--reason TEXT]. */
int cmd_conflict(struct app *app, int argc, char **argv);

#endif
