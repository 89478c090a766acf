/* cmd_score.h - 'ptce score': answer, submit, reopen or show one's review of
 * a dossier on a grid. */
#ifndef PTCE_CMD_SCORE_H
#define PTCE_CMD_SCORE_H

#include "cli/app.h"

/* cmd_score - ptce score ID --grid G [CRIT=VALUE...] [--comment CRIT=TEXT]
 * [--submit | --reopen] | --edit ID --grid G. */
int cmd_score(struct app *app, int argc, char **argv);

#endif
