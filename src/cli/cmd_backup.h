/* cmd_backup.h - 'ptce backup FILE' and 'ptce restore FILE': a copy made
 * while others work, and one put back after it is checked. */
#ifndef PTCE_CMD_BACKUP_H
#define PTCE_CMD_BACKUP_H

#include "cli/app.h"

/* cmd_backup - ptce backup FILE. */
int cmd_backup(struct app *app, int argc, char **argv);
/* cmd_restore - ptce restore FILE (runs without opening the database: it
 * may be the damaged one). */
int cmd_restore(struct app *app, int argc, char **argv);

#endif
