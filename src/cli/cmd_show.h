/* cmd_show.h - 'ptce show': one dossier in full, field by field, with its
 * members and pièces. */
#ifndef PTCE_CMD_SHOW_H
#define PTCE_CMD_SHOW_H

#include "cli/app.h"

/* cmd_show - ptce show ID. */
int cmd_show(struct app *app, int argc, char **argv);

#endif
