/* picker.c - the reviewer picker of the assign action: candidates with
 * their roles, open assignments and conflicts, filtered by the login being
 * typed, completed with Tab. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "editor.h"
#include "frame.h"
#include "picker.h"
#include "procedure/candidate.h"
#include "procedure/role.h"
#include "screen.h"

struct picker {
	struct candidate *c;
	size_t n;
	struct editor ed;	/* the logins typed */
	size_t *shown;		/* indexes of c matching the word being typed */
	size_t n_shown, cur;
};

/* The word being typed (the last one), without a leading '-'. */
static const char *last_word(const struct picker *p)
{
	const char *w = p->ed.buf ? p->ed.buf : "";
	const char *sp = strrchr(w, ' ');
	w = sp ? sp + 1 : w;
	return *w == '-' ? w + 1 : w;
}

static void keep_matching(struct picker *p)
{
	const char *w = last_word(p);
	size_t l = strlen(w);
	p->n_shown = 0;
	for (size_t i = 0; i < p->n; i++)
		if (strncmp(p->c[i].login, w, l) == 0)
			p->shown[p->n_shown++] = i;
	if (p->cur >= p->n_shown)
		p->cur = p->n_shown ? p->n_shown - 1 : 0;
}

/* Tab: the word being typed becomes the highlighted login. */
static void complete(struct picker *p)
{
	if (!p->n_shown)
		return;
	const char *w = last_word(p);
	const char *login = p->c[p->shown[p->cur]].login;
	size_t have = strlen(w);
	p->ed.cur = p->ed.len;
	editor_insert(&p->ed, login + have, strlen(login) - have);
	editor_insert(&p->ed, " ", 1);
	keep_matching(p);
}

/* One candidate in columns: login, name, roles, load, then conflict or
 * assigned. */
static void draw_candidate(struct ui *u, int y, int x, int w, const struct candidate *c, int here)
{
	char roles[64], load[32];
	roles_format(c->roles, roles, sizeof roles);
	snprintf(load, sizeof load, P_("%d open", "%d open", c->load), c->load);
	int attr = here ? ui_attr(u, UC_CURSOR) : 0;
	/* the load's column holds "11 en cours" */
	int rw = w - 11 - 19 - 12 - 10;
	ui_put(y, x, 11, c->login, attr);
	ui_put(y, x + 11, 19, c->name, attr);
	ui_put(y, x + 30, rw - 1, roles, attr);	/* a blank before the load */
	int pad = c->load >= 0 && c->load < 10;	/* the counts' units in one column */
	ui_put(y, x + 30 + rw + pad, 12 - pad, load, attr);
	ui_put(y, x + 42 + rw, 10, c->conflict ? _("conflict") : c->assigned ? _("assigned") : "",
	       here || !c->conflict ? attr : ui_attr(u, UC_ERROR));
}

static void draw(struct ui *u, const char *title, struct picker *p)
{
	ui_draw(u);
	if (u->too_small)
		return;
	int w = u->cols - 4 > 90 ? 90 : u->cols - 4;
	int rows = (int)p->n_shown < u->rows - 10 ? (int)p->n_shown : u->rows - 10;
	if (rows < 1)
		rows = 1;
	int h = rows + 6, top = (u->rows - h) / 2, left = (u->cols - w) / 2;
	for (int i = 0; i < h; i++)
		ui_put(top + i, left, w, "", A_NORMAL);
	ui_box(top, left, h, w, ui_attr(u, UC_HEADER));
	char t[256];
	snprintf(t, sizeof t, " %s ", title);
	ui_put(top, left + 2, (int)text_width(t) < w - 4 ? (int)text_width(t) : w - 4, t,
	       ui_attr(u, UC_HEADER));
	size_t first = p->cur >= (size_t)rows ? p->cur - (size_t)rows + 1 : 0;
	for (int i = 0; i < rows && first + (size_t)i < p->n_shown; i++)
		draw_candidate(u, top + 1 + i, left + 2, w - 4, &p->c[p->shown[first + (size_t)i]],
			       first + (size_t)i == p->cur);
	if (!p->n_shown)
		ui_put(top + 1, left + 2, w - 4, _("No reviewer's login starts so."), ui_attr(u, UC_DIM));
	char *typed = text_clean(p->ed.buf ? p->ed.buf : "", 0);
	char line[512];
	snprintf(line, sizeof line, "%s %s", _("Logins:"), typed);
	free(typed);
	ui_put(top + h - 3, left + 2, w - 4, line, ui_attr(u, UC_NORMAL));
	ui_put(top + h - 2, left + 2, w - 4, _("Tab complete · Enter assign · -login removes · Esc cancel"),
	       ui_attr(u, UC_DIM));
	refresh();
}

/* One key; 1 when the picker is done (*rc says how). */
static int key(struct picker *p, int k, int *rc)
{
	if (k == K_ESC) {
		*rc = -1;
		return 1;
	}
	if (k == K_ENTER) {
		*rc = 0;
		return 1;
	}
	if (k == K_UP && p->cur > 0)
		p->cur--;
	else if (k == K_DOWN && p->cur + 1 < p->n_shown)
		p->cur++;
	else if (k == K_TAB)
		complete(p);
	else if (k == K_BACKSPACE) {
		p->ed.cur = p->ed.len;
		editor_delete(&p->ed, editor_prev(&p->ed), p->ed.cur);
		keep_matching(p);
	} else if (k == K_SPACE || (k >= 0x20 && k < 0x110000)) {
		char b[5];
		size_t n = key_utf8(k == K_SPACE ? ' ' : k, b);
		p->ed.cur = p->ed.len;
		editor_insert(&p->ed, b, n);
		keep_matching(p);
	}
	return 0;
}

/* A copy of s without blanks around it. */
static char *trimmed(const char *s)
{
	while (*s == ' ')
		s++;
	size_t n = strlen(s);
	while (n && s[n - 1] == ' ')
		n--;
	return xstrndup(s, n);
}

/* What Enter gives: the line typed, else the highlighted login. */
static char *result(const struct picker *p)
{
	char *t = trimmed(p->ed.buf ? p->ed.buf : "");
	if (!*t && p->n_shown) {
		free(t);
		return xstrdup(p->c[p->shown[p->cur]].login);
	}
	return t;
}

int ui_pick_reviewers(struct ui *u, long long dossier_id, const char *title, char **out)
{
	struct picker p = {0};
	struct perr e = {0};
	*out = NULL;
	if (candidate_list(u->app->store, dossier_id, &p.c, &p.n, &e) < 0) {
		ui_message(u, UC_ERROR, "%s", e.msg);
		return -1;
	}
	if (!p.n) {
		ui_message(u, UC_ERROR, "%s", _("Nobody may review: add an instructeur or an expert first "
						"(ptce reviewer add)."));
		return -1;
	}
	p.shown = xcalloc(p.n, sizeof *p.shown);
	editor_set(&p.ed, "");
	keep_matching(&p);
	int rc = -1;
	for (;;) {
		draw(u, title, &p);
		int k = ui_getkey(u, -1);
		if (u->quit)
			break;
		if (key(&p, k, &rc))
			break;
	}
	if (rc == 0)
		*out = result(&p);
	editor_clear(&p.ed);
	free(p.shown);
	candidate_list_free(&p.c, p.n);
	return rc;
}
