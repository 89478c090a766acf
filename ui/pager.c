/* pager.c - an overlay that shows lines of text (help, history, command
 * output, refusals) and scrolls them until q or Esc; the report of a
 * refusal, there or on the message line. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "frame.h"
#include "pager.h"
#include "panel.h"
#include "screen.h"
#include "tlines.h"

void ui_pager(struct ui *u, const char *title, struct tlines *t)
{
	long long top = 0;
	for (;;) {
		ui_draw(u);
		if (!u->too_small) {
			int y = 1, h = u->rows - 3;
			for (int i = 0; i < h; i++)
				ui_put(y + i, 0, u->cols, "", A_NORMAL);
			char head[512];
			snprintf(head, sizeof head, " %s", title);
			ui_put(y, 0, u->cols, head, ui_attr(u, UC_TITLE));
			int body = h - 1;
			if (top > (long long)t->n - body)
				top = (long long)t->n - body;
			if (top < 0)
				top = 0;
			tl_draw(u, t, top, y + 1, 1, body, u->cols - 2);
			ui_put(u->rows - 1, 0, u->cols,
			       t->n > (size_t)body ? _("j/k, PgUp/PgDn to scroll · q or Esc to close")
						   : _("q or Esc to close"), ui_attr(u, UC_DIM));
			refresh();
		}
		int k = ui_getkey(u, -1);
		if (u->quit)
			return;
		int body = u->rows - 4;
		enum key_action a = keymap_lookup(&u->km, KP_PAGER, k);
		if (a == KA_QUIT)
			u->quit = 1;
		if (a == KA_BACK || a == KA_QUIT)
			return;
		if (!tl_scroll(a, &top, body, t->n) && k == K_ENTER)
			return;
	}
}

void ui_pager_text(struct ui *u, const char *title, const char *text)
{
	struct tlines t = {0};
	tl_add_wrapped(&t, UC_NORMAL, text, u->cols - 2, 0);
	/* A trailing newline makes an empty last line: drop it. */
	if (t.n > 1 && t.v[t.n - 1].text[0] == '\0') {
		free(t.v[t.n - 1].text);
		t.n--;
	}
	ui_pager(u, title, &t);
	tl_clear(&t);
}

void ui_pager_lines(struct ui *u, const char *title, const char *text)
{
	struct tlines t = {0};
	const char *p = text;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char *line = xstrndup(p, len);
		tl_add(&t, UC_NORMAL, 0, "%s", line);
		free(line);
		p += len;
		if (*p)
			p++;
	}
	ui_pager(u, title, &t);
	tl_clear(&t);
}

void ui_report(struct ui *u, const struct perr *e)
{
	if (strchr(e->msg, '\n') || text_width(e->msg) > (size_t)u->cols) {
		ui_pager_text(u, e->status == P_CONFLICT ? _("Changed meanwhile") : _("Refused"), e->msg);
		u->msg[0] = '\0';
	} else {
		ui_message(u, UC_ERROR, "%s", e->msg);
	}
	if (e->status == P_CONFLICT)
		panel_reload_all(u);	/* someone else was first: show the fresh data */
}
