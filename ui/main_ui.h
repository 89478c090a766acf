/* main_ui.h - the interface: what ptce opens when no subcommand is given. */
#ifndef PTCE_UI_MAIN_UI_H
#define PTCE_UI_MAIN_UI_H

#include "cli/app.h"

/* ui_main - run the interface on an open app; the exit code. */
int ui_main(struct app *app);

#endif
