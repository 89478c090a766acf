/* dossier_panel.h - the dossier panel: one dossier's fields, members,
 * pièces, reviews, opinions and history. */
#ifndef PTCE_UI_DOSSIER_PANEL_H
#define PTCE_UI_DOSSIER_PANEL_H

#include "ui.h"

/* dossier_panel - its operations, for the panel table. */
extern const struct panel_ops dossier_panel;

/* dossier_panel_show - load dossier id (again); keeps the scroll when same id. */
void dossier_panel_show(struct ui *u, long long id);

#endif
