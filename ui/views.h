/* views.h - the queue's views: the built-in ones and those a reviewer
 * saved (":view save NAME"), chosen from a menu or by name. */
#ifndef PTCE_UI_VIEWS_H
#define PTCE_UI_VIEWS_H

#include "ui.h"

/* ui_views_menu - the v key: the built-in views, then the saved ones. */
void ui_views_menu(struct ui *u);
/* ui_view_command - ":view save NAME", ":view delete NAME", ":view NAME",
 * ":view" (the menu); av[0] is "view". */
void ui_view_command(struct ui *u, int argc, char **av);
/* ui_show_view - make the queue show quick view v (cursor at the top). */
void ui_show_view(struct ui *u, enum queue_view v);

#endif
