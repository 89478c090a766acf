/* cmd_list.h - 'ptce list': the dossiers one may see, as a table or as TSV,
 * CSV or JSON for other tools. */
#ifndef PTCE_CMD_LIST_H
#define PTCE_CMD_LIST_H

#include "cli/app.h"

/* cmd_list - ptce list [--state S] [--region R] [--assignee LOGIN] [--format F]. */
int cmd_list(struct app *app, int argc, char **argv);

#endif
