/* cmd_complements.h - 'ptce complements': flag or clear compléments
 * demandés on a dossier. */
#ifndef PTCE_CMD_COMPLEMENTS_H
#define PTCE_CMD_COMPLEMENTS_H

#include "cli/app.h"

/* cmd_complements - ptce complements ID (--due DATE [--note TEXT] | --clear). */
int cmd_complements(struct app *app, int argc, char **argv);

#endif
