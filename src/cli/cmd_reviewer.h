/* cmd_reviewer.h - 'ptce reviewer': the roster of reviewers and their
 * roles. */
#ifndef PTCE_CMD_REVIEWER_H
#define PTCE_CMD_REVIEWER_H

#include "cli/app.h"

/* cmd_reviewer - ptce reviewer add|list|set-role|remove ... */
int cmd_reviewer(struct app *app, int argc, char **argv);

#endif
