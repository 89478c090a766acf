/* cmd_checklist.h - 'ptce checklist': validate review grid files, or show
 * one grid. */
#ifndef PTCE_CMD_CHECKLIST_H
#define PTCE_CMD_CHECKLIST_H

#include "cli/app.h"

/* cmd_checklist - ptce checklist check FILE... | show NAME. */
int cmd_checklist(struct app *app, int argc, char **argv);

#endif
