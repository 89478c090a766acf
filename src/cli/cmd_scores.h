/* cmd_scores.h - 'ptce scores': the reviews of a dossier one may see, their
 * aggregate, conflicts and expert opinions. */
#ifndef PTCE_CMD_SCORES_H
#define PTCE_CMD_SCORES_H

#include "cli/app.h"

/* cmd_scores - ptce scores ID [--grid G]. */
int cmd_scores(struct app *app, int argc, char **argv);

#endif
