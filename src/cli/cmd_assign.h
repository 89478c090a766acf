/* cmd_assign.h - 'ptce assign': put reviewers on a dossier, or take them
 * off. */
#ifndef PTCE_CMD_ASSIGN_H
#define PTCE_CMD_ASSIGN_H

#include "cli/app.h"

/* cmd_assign - ptce assign ID LOGIN... [--remove]. */
int cmd_assign(struct app *app, int argc, char **argv);

#endif
