/* queue_panel.h - the queue panel: one row per dossier. */
#ifndef PTCE_UI_QUEUE_PANEL_H
#define PTCE_UI_QUEUE_PANEL_H

#include "ui.h"

/* queue_panel - its operations, for the panel table. */
extern const struct panel_ops queue_panel;

#endif
