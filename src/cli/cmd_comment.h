/* cmd_comment.h - 'ptce comment': the reviewers' discussion of a dossier. */
#ifndef PTCE_CMD_COMMENT_H
#define PTCE_CMD_COMMENT_H

#include <stdio.h>

#include "cli/app.h"

/* cmd_comment - ptce comment add ID TEXT... | ptce comment list ID. */
int cmd_comment(struct app *app, int argc, char **argv);
/* comment_print_thread - the thread of dossier id that the actor may see,
 * under a "Discussion" title (for ptce show and ptce comment list). */
int comment_print_thread(struct app *app, FILE *f, long long id);

#endif
