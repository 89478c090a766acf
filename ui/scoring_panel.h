/* scoring_panel.h - the scoring panel: my review of a dossier as a form. */
#ifndef PTCE_UI_SCORING_PANEL_H
#define PTCE_UI_SCORING_PANEL_H

#include "ui.h"

/* scoring_panel - its operations, for the panel table. */
extern const struct panel_ops scoring_panel;

/* scoring_open - open (or create) my review of dossier id; 0 on success. */
int scoring_open(struct ui *u, long long id);
/* scoring_flush - save the comment being written (idle, leaving). */
void scoring_flush(struct ui *u);

#endif
