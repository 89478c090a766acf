/* help.h - the help overlay: every key in effect, panel by panel. */
#ifndef PTCE_UI_HELP_H
#define PTCE_UI_HELP_H

#include "ui.h"

/* ui_help - show the keys in effect and the command line's use in the pager. */
void ui_help(struct ui *u);

#endif
