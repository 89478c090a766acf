/* actions.h - the interface's actions on dossiers (score, move, assign,
 * conflict, compléments, history, export), run through one table. */
#ifndef PTCE_UI_ACTIONS_H
#define PTCE_UI_ACTIONS_H

#include "ui.h"

/* action_run - run a dossier action, once what it needs is there (the
 * dossier in focus or the tagged ones); H_UNHANDLED when a is none. */
int action_run(struct ui *u, enum key_action a);

#endif
