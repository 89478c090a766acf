/* fiche_action.h - the interface's key for the fiche d'instruction: save
 * the dossier's fiche as an A4 PDF, ready to print. */
#ifndef PTCE_UI_FICHE_ACTION_H
#define PTCE_UI_FICHE_ACTION_H

#include "ui.h"

/* fiche_action_save - ask for a file name (fiche-NUMBER.pdf offered), then
 * write the fiche of dossier id there as the person may read it; what
 * happened on the message line. */
void fiche_action_save(struct ui *u, long long id);

#endif
