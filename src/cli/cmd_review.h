/* cmd_review.h - review subcommands: score, scores, conflict, opinion, ranking,
 * checklist, campaign. */
#ifndef PTCE_CMD_REVIEW_H
#define PTCE_CMD_REVIEW_H

#include "cli/app.h"

int cmd_score(struct app *app, int argc, char **argv);
int cmd_scores(struct app *app, int argc, char **argv);
int cmd_conflict(struct app *app, int argc, char **argv);
int cmd_opinion(struct app *app, int argc, char **argv);
int cmd_ranking(struct app *app, int argc, char **argv);
int cmd_checklist(struct app *app, int argc, char **argv);
int cmd_campaign(struct app *app, int argc, char **argv);

#endif
