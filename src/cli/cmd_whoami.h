/* cmd_whoami.h - 'ptce whoami': who ptce takes you for, your roles and the
 * database. */
#ifndef PTCE_CMD_WHOAMI_H
#define PTCE_CMD_WHOAMI_H

#include "cli/app.h"

/* cmd_whoami - ptce whoami. */
int cmd_whoami(struct app *app, int argc, char **argv);

#endif
