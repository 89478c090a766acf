/* cmd_history.h - 'ptce history': every entry of a dossier's history,
 * oldest first. */
#ifndef PTCE_CMD_HISTORY_H
#define PTCE_CMD_HISTORY_H

#include "cli/app.h"

/* cmd_history - ptce history ID. */
int cmd_history(struct app *app, int argc, char **argv);

#endif
