/* editor.h - a text being typed (struct editor of ui.h): the multi-line
 * comment editor of the scoring panel and the prompt line share it. */
#ifndef PTCE_UI_EDITOR_H
#define PTCE_UI_EDITOR_H

#include <stddef.h>

#include "ui.h"

/* editor_clear - free the text; ed is empty again. */
void editor_clear(struct editor *ed);
/* editor_set - start from text (NULL: empty), the cursor at its end. */
void editor_set(struct editor *ed, const char *text);
/* editor_insert - insert n bytes at the cursor, which moves after them. */
void editor_insert(struct editor *ed, const char *bytes, size_t n);
/* editor_delete - remove bytes [from, to); the cursor goes to from. */
void editor_delete(struct editor *ed, size_t from, size_t to);
/* editor_prev - the byte offset of the character before the cursor. */
size_t editor_prev(const struct editor *ed);
/* editor_next - the byte offset of the character after the cursor. */
size_t editor_next(const struct editor *ed);
/* editor_key - a key of the multi-line editor: arrows, Home/End (C-a C-e),
 * Backspace, Delete (C-d), C-k, C-u, Enter, and the clean characters. */
void editor_key(struct editor *ed, int code);
/* editor_draw - the text wrapped in h rows of w columns at y, x, scrolled
 * to show the cursor (reverse video). */
void editor_draw(struct editor *ed, int y, int x, int h, int w);

#endif
