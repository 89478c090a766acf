/* panel.h - calls through the panel table of struct ui: the panel in focus,
 * a change every panel reads again, the dossier acted on, the key hints. */
#ifndef PTCE_UI_PANEL_H
#define PTCE_UI_PANEL_H

#include <stddef.h>

#include "ui.h"

/* panel_focused - the operations of the panel that has the keyboard. */
const struct panel_ops *panel_focused(const struct ui *u);
/* panel_reload_all - the data changed: every panel reads it again. */
void panel_reload_all(struct ui *u);
/* panel_dossier - the dossier the focused panel is about, else the one under
 * the queue's cursor; 0 when there is none. */
long long panel_dossier(struct ui *u);

/* One key hint of the message line: an action and what it does (N_()). */
struct panel_hint {
	enum key_action action;
	const char *label;
};

/* panel_hints - append "key label" for each hint whose action has a key,
 * separated by " · ", to the text in buf. */
void panel_hints(struct ui *u, char *buf, size_t len, const struct panel_hint *h, size_t n);

#endif
