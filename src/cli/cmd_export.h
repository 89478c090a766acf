/* cmd_export.h - 'ptce export': dossiers as CSV or JSON for a spreadsheet or
 * another tool. */
#ifndef PTCE_CMD_EXPORT_H
#define PTCE_CMD_EXPORT_H

#include "cli/app.h"

/* cmd_export - ptce export [--format csv|json] [--excel] [--state S]
 * [--region R] [--output FILE]. */
int cmd_export(struct app *app, int argc, char **argv);

#endif
