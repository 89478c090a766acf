/* prompt.h - questions at the bottom of the screen and in small boxes: a
 * line of text, a choice among items, a yes / no confirmation. */
#ifndef PTCE_UI_PROMPT_H
#define PTCE_UI_PROMPT_H

#include "ui.h"

/* ui_prompt - read one line at the bottom; 0 with *out (fresh), -1 when
 * cancelled with Esc. */
int ui_prompt(struct ui *u, const char *label, const char *initial, char **out);
/* ui_prompt_again - ui_prompt with why (an error, NULL: none) shown above
 * the line: what was typed is offered again to be corrected, never lost. */
int ui_prompt_again(struct ui *u, const char *why, const char *label, const char *initial,
		    char **out);
/* ui_menu - choose one of n items (letters or digits pick); -1 cancelled. */
int ui_menu(struct ui *u, const char *title, const char *const *items, int n);
/* ui_confirm - y / n question; 1 for yes. text may hold several lines. */
int ui_confirm(struct ui *u, const char *title, const char *text);

#endif
