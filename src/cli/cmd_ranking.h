/* cmd_ranking.h - 'ptce ranking': the classement of a phase, as a table or
 * as CSV for the national cell. */
#ifndef PTCE_CMD_RANKING_H
#define PTCE_CMD_RANKING_H

#include "cli/app.h"

/* cmd_ranking - ptce ranking --phase 1|2 [--region R] [--format table|csv]. */
int cmd_ranking(struct app *app, int argc, char **argv);

#endif
