/* prompt.c - questions at the bottom of the screen and in small boxes: a
 * line of text, a choice among items, a yes / no confirmation. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "editor.h"
#include "frame.h"
#include "prompt.h"
#include "screen.h"

/* The prompt line: label, then the text with the end kept in view. */
static void prompt_draw(struct ui *u, const char *label, const struct editor *ed)
{
	int lw = (int)text_width(label);
	ui_put(u->rows - 1, 0, u->cols, label, ui_attr(u, UC_HEADER));
	int room = u->cols - lw - 1;
	size_t from = 0;
	while (text_nwidth(ed->buf + from, ed->cur - from) >= (size_t)room && from < ed->cur)
		from++;
	while (from < ed->len && ((unsigned char)ed->buf[from] & 0xc0) == 0x80)
		from++;
	char *c = text_clean(ed->buf + from, 0);
	ui_put_raw(u->rows - 1, lw, room, c, A_NORMAL);
	free(c);
	int col = lw + (int)text_nwidth(ed->buf + from, ed->cur - from);
	if (col < u->cols)
		mvchgat(u->rows - 1, col, 1, A_REVERSE, 0, NULL);
	refresh();
}

/* One key of the prompt line (one line: no up, down or Enter). */
static void prompt_key(struct editor *ed, int k)
{
	switch (k) {
	case K_BACKSPACE: editor_delete(ed, editor_prev(ed), ed->cur); break;
	case K_LEFT: ed->cur = editor_prev(ed); break;
	case K_RIGHT: ed->cur = editor_next(ed); break;
	case K_HOME: case 1: ed->cur = 0; break;
	case K_END: case 5: ed->cur = ed->len; break;
	case 21: /* C-u */ editor_delete(ed, 0, ed->cur); break;
	default: {
		if (k == K_SPACE)
			k = ' ';
		char b[5];
		size_t n = k >= 0x20 ? key_utf8(k, b) : 0;
		if (n)
			editor_insert(ed, b, n);
	}
	}
}

int ui_prompt(struct ui *u, const char *label, const char *initial, char **out)
{
	return ui_prompt_again(u, NULL, label, initial, out);
}

int ui_prompt_again(struct ui *u, const char *why, const char *label, const char *initial,
		    char **out)
{
	struct editor ed = {0};
	editor_set(&ed, initial);
	*out = NULL;
	for (;;) {
		ui_draw(u);
		if (why && !u->too_small)
			ui_put(u->rows - 2, 0, u->cols, why, ui_attr(u, UC_ERROR));
		if (!u->too_small)
			prompt_draw(u, label, &ed);
		int k = ui_getkey(u, -1);
		if (u->quit || k == K_ESC) {
			editor_clear(&ed);
			return -1;
		}
		if (k == K_ENTER) {
			*out = ed.buf;
			return 0;
		}
		prompt_key(&ed, k);
	}
}

/* A centred box with a title and lines; returns its top row and left column. */
static void draw_box(struct ui *u, const char *title, int h, int w, int *top, int *left)
{
	*top = (u->rows - h) / 2;
	*left = (u->cols - w) / 2;
	for (int i = 0; i < h; i++)
		ui_put(*top + i, *left, w, "", A_NORMAL);
	ui_box(*top, *left, h, w, ui_attr(u, UC_HEADER));
	char t[256];
	snprintf(t, sizeof t, " %s ", title);
	/* Titles carry dossier numbers and names: cleaned like any dossier text. */
	char *ct = text_clean(t, 0);
	ui_put_raw(*top, *left + 2, w - 4, ct, ui_attr(u, UC_HEADER));
	free(ct);
}

int ui_menu(struct ui *u, const char *title, const char *const *items, int n)
{
	int cur = 0;
	for (;;) {
		ui_draw(u);
		if (!u->too_small) {
			int w = (int)text_width(title) + 8;
			for (int i = 0; i < n; i++) {
				int iw = (int)text_width(items[i]) + 8;
				if (iw > w)
					w = iw;
			}
			if (w > u->cols - 4)
				w = u->cols - 4;
			int h = n + 4, top, left;
			if (h > u->rows - 2)
				h = u->rows - 2;
			draw_box(u, title, h, w, &top, &left);
			for (int i = 0; i < n && i < h - 4; i++) {
				char line[512];
				snprintf(line, sizeof line, "%c  %s", (char)(i < 9 ? '1' + i : 'a' + i - 9), items[i]);
				ui_put(top + 1 + i, left + 2, w - 4, line,
				       i == cur ? ui_attr(u, UC_CURSOR) : 0);
			}
			ui_put(top + h - 2, left + 2, w - 4, _("Enter choose · Esc cancel"), ui_attr(u, UC_DIM));
			refresh();
		}
		int k = ui_getkey(u, -1);
		if (u->quit || k == K_ESC || k == 'q')
			return -1;
		if (k == K_ENTER)
			return cur;
		if (k == K_UP || k == 'k')
			cur = cur > 0 ? cur - 1 : n - 1;
		else if (k == K_DOWN || k == 'j')
			cur = cur + 1 < n ? cur + 1 : 0;
		else if (k >= '1' && k <= '9' && k - '1' < n)
			return k - '1';
		else if (k >= 'a' && k <= 'z' && k - 'a' + 9 < n && k != 'j' && k != 'k' && k != 'q')
			return k - 'a' + 9;
	}
}

int ui_confirm(struct ui *u, const char *title, const char *text)
{
	for (;;) {
		ui_draw(u);
		if (!u->too_small) {
			int w = u->cols - 10 > 70 ? 70 : u->cols - 10;
			size_t *starts = NULL, *lens = NULL;
			char *c = text_clean(text, TEXT_KEEP_NEWLINES);
			size_t n = text_wrap(c, (size_t)w - 4, &starts, &lens);
			int h = (int)n + 4, top, left;
			draw_box(u, title, h, w, &top, &left);
			for (size_t i = 0; i < n; i++) {
				char *line = xstrndup(c + starts[i], lens[i]);
				ui_put_raw(top + 1 + (int)i, left + 2, w - 4, line, A_NORMAL);
				free(line);
			}
			ui_put(top + h - 2, left + 2, w - 4, _("y: yes · n or Esc: no"), ui_attr(u, UC_HEADER));
			free(starts);
			free(lens);
			free(c);
			refresh();
		}
		int k = ui_getkey(u, -1);
		if (u->quit)
			return 0;
		if (k == 'y' || k == 'Y' || k == 'o' || k == 'O')
			return 1;
		if (k == 'n' || k == 'N' || k == K_ESC || k == 'q')
			return 0;
	}
}
