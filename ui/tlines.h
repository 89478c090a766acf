/* tlines.h - lines of text laid out for a width (the dossier panel, the
 * pager): cleaned, wrapped at word boundaries by display width, drawn and
 * scrolled. */
#ifndef PTCE_UI_TLINES_H
#define PTCE_UI_TLINES_H

#include <stdarg.h>

#include "ui.h"

/* tl_clear - free the lines; t is empty again. */
void tl_clear(struct tlines *t);
/* tl_vformat - the formatted text, fresh (dies when out of memory). */
char *tl_vformat(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
/* tl_add - add one line (cleaned, not wrapped). */
void tl_add(struct tlines *t, int color, int bold, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* tl_add_wrapped - add text cleaned and wrapped at width, each line
 * prefixed by indent spaces. */
void tl_add_wrapped(struct tlines *t, int color, const char *text, int width, int indent);
/* tl_add_field - "label: value" with the value wrapped under itself. */
void tl_add_field(struct tlines *t, const char *label, int label_w, const char *value, int width);
/* tl_draw - draw h lines from top into the rectangle at y, x of width w. */
void tl_draw(struct ui *u, const struct tlines *t, long long top, int y, int x, int h, int w);
/* tl_scroll - move *top for a moving key (up, down, page, first, last) over
 * n lines, page lines a page; 0 when a is not one of them. */
int tl_scroll(enum key_action a, long long *top, long long page, size_t n);
/* tl_follow - scroll *top so that line cur shows in h rows, with margin
 * lines above it when it can. */
void tl_follow(long long *top, long long cur, int h, int margin);

/* ui_grid_text - a grid's text in the interface's language: the grid's own
 * (French) text, or its English one when the interface is not in French
 * and the grid gives it. */
const char *ui_grid_text(const char *fr_text, const char *en_text);

#endif
