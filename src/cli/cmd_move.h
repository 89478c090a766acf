/* cmd_move.h - 'ptce move': move a dossier to another state of the
 * procedure. */
#ifndef PTCE_CMD_MOVE_H
#define PTCE_CMD_MOVE_H

#include "cli/app.h"

/* cmd_move - ptce move ID STATE [--reason TEXT] [--override] [funding options]. */
int cmd_move(struct app *app, int argc, char **argv);

#endif
