/* command.h - the ':' line of the interface. */
#ifndef PTCE_UI_COMMAND_H
#define PTCE_UI_COMMAND_H

#include "ui.h"

/* ui_command - the ':' line: ui-internal commands (save-screen, quit, help)
 * or a ptce subcommand, its output shown. */
void ui_command(struct ui *u, const char *line);

#endif
