/* cmd_opinion.h - 'ptce opinion': expert opinions (avis) asked for, given
 * and listed. */
#ifndef PTCE_CMD_OPINION_H
#define PTCE_CMD_OPINION_H

#include "cli/app.h"

/* cmd_opinion - ptce opinion ask|answer|list ... */
int cmd_opinion(struct app *app, int argc, char **argv);

#endif
