/* pager.h - an overlay of lines scrolled until q or Esc (help, history,
 * command output), and the report of a refusal. */
#ifndef PTCE_UI_PAGER_H
#define PTCE_UI_PAGER_H

#include "base/err.h"
#include "ui.h"

/* ui_pager - show lines in an overlay until q / Esc. */
void ui_pager(struct ui *u, const char *title, struct tlines *t);
/* ui_pager_text - the same for a block of (untrusted) text, wrapped. */
void ui_pager_text(struct ui *u, const char *title, const char *text);
/* ui_pager_lines - command output: one screen line per line, cut, not wrapped. */
void ui_pager_lines(struct ui *u, const char *title, const char *text);
/* ui_report - show e (a refusal, a conflict: in the pager when it is long)
 * and, for P_CONFLICT, read every panel's data again. */
void ui_report(struct ui *u, const struct perr *e);

#endif
