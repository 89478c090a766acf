/* cmd_doc.h - the hidden 'doc' subcommand that prints the program's tables
 * for the manual pages. */
#ifndef PTCE_CMD_DOC_H
#define PTCE_CMD_DOC_H

#include "cli/app.h"

/* cmd_doc - ptce doc [--mdoc] keys|commands|states|transitions. */
int cmd_doc(struct app *app, int argc, char **argv);

#endif
