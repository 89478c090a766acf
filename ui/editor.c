/* editor.c - a text being typed, in UTF-8 with a cursor by byte offset:
 * inserting, deleting and moving by whole characters; the comment editor's
 * keys and drawing (logical lines up and down by display column). */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "editor.h"
#include "screen.h"
#include "tlines.h"

void editor_clear(struct editor *ed)
{
	free(ed->buf);
	memset(ed, 0, sizeof *ed);
}

void editor_set(struct editor *ed, const char *text)
{
	editor_clear(ed);
	ed->len = text ? strlen(text) : 0;
	ed->cap = ed->len + 64;
	ed->buf = xmalloc(ed->cap);
	if (ed->len)
		memcpy(ed->buf, text, ed->len);
	ed->buf[ed->len] = '\0';
	ed->cur = ed->len;
}

size_t editor_prev(const struct editor *ed)
{
	size_t i = ed->cur;
	if (i == 0)
		return 0;
	i--;
	while (i > 0 && ((unsigned char)ed->buf[i] & 0xc0) == 0x80)
		i--;
	return i;
}

size_t editor_next(const struct editor *ed)
{
	size_t i = ed->cur;
	if (i >= ed->len)
		return ed->len;
	i++;
	while (i < ed->len && ((unsigned char)ed->buf[i] & 0xc0) == 0x80)
		i++;
	return i;
}

void editor_insert(struct editor *ed, const char *bytes, size_t n)
{
	if (ed->len + n + 1 > ed->cap) {
		ed->cap = (ed->len + n + 1) * 2;
		ed->buf = xrealloc(ed->buf, ed->cap);
	}
	memmove(ed->buf + ed->cur + n, ed->buf + ed->cur, ed->len - ed->cur + 1);
	memcpy(ed->buf + ed->cur, bytes, n);
	ed->len += n;
	ed->cur += n;
	ed->dirty = 1;
}

void editor_delete(struct editor *ed, size_t from, size_t to)
{
	if (to <= from)
		return;
	memmove(ed->buf + from, ed->buf + to, ed->len - to + 1);
	ed->len -= to - from;
	ed->cur = from;
	ed->dirty = 1;
}

static size_t line_start(const struct editor *ed, size_t i)
{
	while (i > 0 && ed->buf[i - 1] != '\n')
		i--;
	return i;
}

static size_t line_end(const struct editor *ed, size_t i)
{
	while (i < ed->len && ed->buf[i] != '\n')
		i++;
	return i;
}

/* Move to the same display column on the previous/next logical line. */
static void vertical(struct editor *ed, int dir)
{
	size_t ls = line_start(ed, ed->cur);
	size_t col = text_nwidth(ed->buf + ls, ed->cur - ls);
	size_t target;
	if (dir < 0) {
		if (ls == 0)
			return;
		target = line_start(ed, ls - 1);
	} else {
		size_t le = line_end(ed, ed->cur);
		if (le >= ed->len)
			return;
		target = le + 1;
	}
	size_t te = line_end(ed, target);
	char *tmp = xstrndup(ed->buf + target, te - target);
	size_t fit = text_fit(tmp, col, NULL);
	free(tmp);
	ed->cur = target + fit;
}

/* A typed character; C1 controls and bidi overrides would reach the
 * terminal through the editor's own drawing: not inserted. */
static void insert_char(struct editor *ed, int code)
{
	char b[5];
	size_t n = key_utf8(code, b);
	if (n && text_is_clean(b, 0))
		editor_insert(ed, b, n);
}

void editor_key(struct editor *ed, int code)
{
	switch (code) {
	case K_LEFT: ed->cur = editor_prev(ed); break;
	case K_RIGHT: ed->cur = editor_next(ed); break;
	case K_UP: vertical(ed, -1); break;
	case K_DOWN: vertical(ed, 1); break;
	case K_HOME: case 1: ed->cur = line_start(ed, ed->cur); break;
	case K_END: case 5: ed->cur = line_end(ed, ed->cur); break;
	case K_BACKSPACE: editor_delete(ed, editor_prev(ed), ed->cur); break;
	case K_DELETE: case 4: editor_delete(ed, ed->cur, editor_next(ed)); break;
	case 11: /* C-k */ {
		size_t le = line_end(ed, ed->cur);
		editor_delete(ed, ed->cur, le == ed->cur && le < ed->len ? le + 1 : le);
		break;
	}
	case 21: /* C-u */ editor_delete(ed, line_start(ed, ed->cur), ed->cur); break;
	case K_ENTER: editor_insert(ed, "\n", 1); break;
	case K_SPACE: editor_insert(ed, " ", 1); break;
	case K_TAB: editor_insert(ed, " ", 1); break;
	default:
		if (code >= 0x20 && code < 0x110000 && code != 0x7f)
			insert_char(ed, code);
		break;
	}
}

void editor_draw(struct editor *ed, int y, int x, int h, int w)
{
	size_t *starts = NULL, *lens = NULL;
	size_t n = text_wrap(ed->buf, (size_t)(w > 2 ? w - 1 : 1), &starts, &lens);
	size_t cl = 0;
	for (size_t i = 0; i < n; i++)
		if (ed->cur >= starts[i] && ed->cur <= starts[i] + lens[i])
			cl = i;
	tl_follow(&ed->top, (long long)cl, h, 0);
	for (int i = 0; i < h; i++) {
		size_t k = (size_t)(ed->top + i);
		if (k >= n)
			break;
		char *line = xstrndup(ed->buf + starts[k], lens[k]);
		ui_put_raw(y + i, x, w, line, A_NORMAL);
		if (k == cl) {
			int col = (int)text_nwidth(ed->buf + starts[k], ed->cur - starts[k]);
			if (col < w)
				mvchgat(y + i, x + col, 1, A_REVERSE, 0, NULL);
		}
		free(line);
	}
	if (n == 0)
		mvchgat(y, x, 1, A_REVERSE, 0, NULL);
	free(starts);
	free(lens);
}
