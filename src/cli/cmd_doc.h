/* cmd_doc.h - 'ptce doc': list, read, save and attach the pièces jointes of
 * a dossier. */
#ifndef PTCE_CMD_DOC_H
#define PTCE_CMD_DOC_H

#include "cli/app.h"

/* cmd_doc - ptce doc list ID | show ID N | save ID N FILE | attach ID FILE. */
int cmd_doc(struct app *app, int argc, char **argv);

#endif
