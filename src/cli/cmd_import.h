/* cmd_import.h - import and export of dossiers. */
#ifndef PTCE_CMD_IMPORT_H
#define PTCE_CMD_IMPORT_H

#include "cli/app.h"

int cmd_import(struct app *app, int argc, char **argv);
int cmd_export(struct app *app, int argc, char **argv);

#endif
