/* review_actions.h - the reviewers' actions on the dossier in focus that
 * need no tagging: compare the reviews, write in the discussion, withdraw a
 * conflict of interest, answer an opinion request, reopen a review. */
#ifndef PTCE_UI_REVIEW_ACTIONS_H
#define PTCE_UI_REVIEW_ACTIONS_H

#include "ui.h"

/* review_action_run - run action a on the dossier in focus; H_UNHANDLED
 * when a is none of these. */
int review_action_run(struct ui *u, enum key_action a);
/* review_actions_done - free the texts kept after a refusal. */
void review_actions_done(void);

#endif
