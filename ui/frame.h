/* frame.h - the whole screen: the title (what the queue shows), the panels
 * the focus puts side by side or alone, the status line and the message or
 * key hints. */
#ifndef PTCE_UI_FRAME_H
#define PTCE_UI_FRAME_H

#include "ui.h"

/* ui_draw - draw the screen as it is now (overlays draw on top of it). */
void ui_draw(struct ui *u);

#endif
