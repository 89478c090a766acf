/* cmd_import.h - 'ptce import': create or update dossiers from a Démarches
 * Simplifiées export, all or nothing. */
#ifndef PTCE_CMD_IMPORT_H
#define PTCE_CMD_IMPORT_H

#include "cli/app.h"

/* cmd_import - ptce import FILE.csv [--members FILE.csv] [--mapping FILE.yaml]
 * [--dry-run] [--verbose]. */
int cmd_import(struct app *app, int argc, char **argv);

#endif
