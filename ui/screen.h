/* screen.h - the terminal under the interface: set-up, colours, keys (from
 * the terminal or a script), text and box lines drawn at a place, the
 * message line and the screen dump. */
#ifndef PTCE_UI_SCREEN_H
#define PTCE_UI_SCREEN_H

#include "ui.h"

/* screen_init - start curses (or script mode with PTCE_SCRIPT), colours and
 * signals; 0 on success, -1 with a message on u->app->err. */
int screen_init(struct ui *u);
/* screen_done - give the terminal back. */
void screen_done(void);
/* ui_getkey - the next key (enum key_code space): from the script when
 * scripting, else the terminal; K_NONE on an idle timeout. Sets u->quit on
 * SIGHUP/SIGTERM or at the end of the script. */
int ui_getkey(struct ui *u, int timeout_ms);
/* ui_busy_hook - the store's hook while a write waits for another
 * session's (store_busy_hook, arg the struct ui): from 0.3 s the message
 * line says so; Esc gives up the wait, other keys are kept for ui_getkey. */
int ui_busy_hook(void *arg, unsigned waited_ms);
/* ui_attr - the curses attribute of a colour role. */
int ui_attr(struct ui *u, int color);
/* ui_put - draw s (cleaned) at y,x in exactly w columns (cut with …, padded). */
void ui_put(int y, int x, int w, const char *s, int attr);
/* ui_put_raw - draw a string already clean, cut to w columns, no padding;
 * the columns used. */
int ui_put_raw(int y, int x, int w, const char *s, int attr);
/* ui_hline - a horizontal line of w box characters (text, not ACS). */
void ui_hline(int y, int x, int w, int attr);
/* ui_vline - a vertical line of h box characters. */
void ui_vline(int y, int x, int h, int attr);
/* ui_box - a frame of h rows and w columns. */
void ui_box(int top, int left, int h, int w, int attr);
/* ui_message - set the message line (color UC_ERROR for errors). */
void ui_message(struct ui *u, int color, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* ui_layout - read the terminal's size: too small, wide. */
void ui_layout(struct ui *u);
/* ui_save_screen - dump the screen text to path (one line per row, trailing
 * blanks trimmed). */
int ui_save_screen(const char *path);

#endif
