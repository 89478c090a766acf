/* cmd_tables.h - the hidden 'tables' subcommand that prints the program's
 * tables for the manual pages. */
#ifndef PTCE_CMD_TABLES_H
#define PTCE_CMD_TABLES_H

#include "cli/app.h"

/* cmd_tables - ptce tables [--mdoc] keys|commands|states|transitions. */
int cmd_tables(struct app *app, int argc, char **argv);

#endif
