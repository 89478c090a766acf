/* frame.c - the screen around the panels: title, status line, message or
 * the focused panel's key hints, and where the panels go (side by side from
 * UI_WIDE_COLS columns, else the focused one alone). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "batch.h"
#include "frame.h"
#include "panel.h"
#include "procedure/role.h"
#include "screen.h"

/* One line centred on row y, cut to the screen's width. */
static void put_centred(struct ui *u, int y, const char *text, int attr)
{
	int w = (int)text_width(text);
	ui_put(y, w < u->cols ? (u->cols - w) / 2 : 0, u->cols < w ? u->cols : w, text, attr);
}

static void draw_too_small(struct ui *u)
{
	erase();
	char line[160];
	snprintf(line, sizeof line, _("terminal too small (need %d×%d, have %d×%d)"),
		 UI_MIN_COLS, UI_MIN_ROWS, u->cols, u->rows);
	int y = u->rows / 2 - 1;
	if (y < 0)
		y = 0;
	put_centred(u, y, line, ui_attr(u, UC_ERROR));
	if (y + 1 < u->rows)
		put_centred(u, y + 1, _("enlarge the window, or press Q to quit"), 0);
	refresh();
}

static void draw_status(struct ui *u)
{
	const struct actor *a = &u->app->actor;
	char roles[128], line[512];
	roles_format(a->roles, roles, sizeof roles);
	const char *name = a->display_name[0] ? a->display_name : a->login;
	const char *db = u->app->db_path ? u->app->db_path : "";
	if (a->impersonated)
		snprintf(line, sizeof line, " %s (%s, %s %s) · %s · %s", name, a->login, _("as"),
			 a->real_login, roles, db);
	else
		snprintf(line, sizeof line, " %s (%s) · %s · %s", name, a->login, roles, db);
	char right[64];
	snprintf(right, sizeof right, _("? help  Q quit "));
	int rw = (int)text_width(right);
	int lw = u->cols - rw;
	ui_put(u->rows - 2, 0, lw, line, ui_attr(u, UC_STATUS));
	ui_put(u->rows - 2, lw, rw, right, ui_attr(u, UC_STATUS));
	if (u->msg[0]) {
		ui_put(u->rows - 1, 0, u->cols, u->msg, ui_attr(u, u->msg_color));
	} else {
		/* The main keys of the panel in focus, from the keys in effect:
		 * a new user needs no manual. */
		char hint[512] = "";
		panel_focused(u)->hints(u, hint, sizeof hint);
		ui_put(u->rows - 1, 0, u->cols, hint, ui_attr(u, UC_DIM));
	}
}

/* Title: what the queue shows. */
static void draw_title(struct ui *u)
{
	char *desc = queue_describe(&u->q.spec);
	char title[512];
	char count[64];
	snprintf(count, sizeof count, P_("%lld dossier", "%lld dossiers", u->q.count), u->q.count);
	snprintf(title, sizeof title, " ptce · %s · %s", desc, count);
	if (u->q.n_tags) {
		size_t l = strlen(title);
		snprintf(title + l, sizeof title - l, " · %zu %s", u->q.n_tags, _("tagged"));
	}
	free(desc);
	ui_put(0, 0, u->cols, title, ui_attr(u, UC_TITLE));
}

void ui_draw(struct ui *u)
{
	ui_layout(u);
	if (u->too_small) {
		draw_too_small(u);
		return;
	}
	/* One snapshot for the whole screen: the queue's rows and the dossier
	 * beside them agree, and SQLite opens a read once, not per query. */
	int reading = store_read_begin(u->app->store);
	erase();
	draw_title(u);
	const struct panel_ops *p = panel_focused(u);
	int h = u->rows - 3, y = 1;
	if (u->wide) {
		int lw = u->cols / 2;
		enum ui_focus left = p->left, right = p->right;
		if (p->pair)
			p->pair(u, &left, &right);
		u->panels[left]->draw(u, y, 0, h, lw);
		ui_vline(y, lw, h, ui_attr(u, UC_DIM));
		u->panels[right]->draw(u, y, lw + 1, h, u->cols - lw - 1);
	} else {
		p->draw(u, y, 0, h, u->cols);
	}
	draw_status(u);
	store_read_end(u->app->store, reading);
	batch_refresh();
}
