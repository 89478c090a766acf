/* dossier_panel.c - the dossier panel: one dossier laid out as lines
 * (dossier_text.c) and scrolled, section by section with [ and ]; beside
 * the queue on wide screens, where it follows the queue's cursor. */
#include <stdio.h>

#include "base/i18n.h"
#include "base/text.h"
#include "document_view.h"
#include "dossier_panel.h"
#include "dossier_text.h"
#include "panel.h"
#include "screen.h"
#include "tlines.h"

static void dossier_done(struct ui *u)
{
	document_list_free(&u->dt.docs, u->dt.n_docs);
	u->dt.n_docs = 0;
	dossier_free(&u->dt.d);
	tl_clear(&u->dt.lines);
	u->dt.id = 0;
}

void dossier_panel_show(struct ui *u, long long id)
{
	struct dossier_state *dt = &u->dt;
	if (id != dt->id) {
		dt->top = 0;
		dt->doc_cur = 0;
	}
	dossier_free(&dt->d);
	document_list_free(&dt->docs, dt->n_docs);
	dt->n_docs = 0;
	dt->id = id;
	dt->width = 0;
	if (!id)
		return;
	struct perr e = {0};
	if (dossier_load(u->app->store, id, &dt->d, &e) ||
	    document_list(u->app->store, &u->app->actor, id, &dt->docs, &dt->n_docs, &e))
		ui_message(u, UC_ERROR, "%s", e.msg);
	if (dt->doc_cur >= dt->n_docs)
		dt->doc_cur = dt->n_docs ? dt->n_docs - 1 : 0;
}

/* Lay the dossier out for width columns; its head is the lines before the
 * first blank one (title, state, assignees, compléments). */
static void layout(struct ui *u, int width)
{
	struct dossier_state *dt = &u->dt;
	tl_clear(&dt->lines);
	dt->width = width;
	dt->head = 0;
	if (dt->d)
		dossier_text(u, &dt->lines, dt->d, width);
	else
		tl_add(&dt->lines, UC_DIM, 0, "%s", _("No dossier selected."));
	while ((size_t)dt->head < dt->lines.n && dt->lines.v[dt->head].text[0])
		dt->head++;
	if ((size_t)dt->head >= dt->lines.n)
		dt->head = 0;
}

static void dossier_draw(struct ui *u, int y, int x, int h, int w)
{
	struct dossier_state *dt = &u->dt;
	/* Beside the queue, the panel follows the queue's cursor. */
	long long want = panel_dossier(u);
	if (want != dt->id || dt->stale) {
		dossier_panel_show(u, want);
		dt->stale = 0;
	}
	if (dt->width != w - 1)
		layout(u, w - 1);
	/* A long dossier keeps its last row for where we are in it; its head
	 * stays in place while the rest scrolls. */
	int body = dt->lines.n > (size_t)h ? h - 1 : h;
	int head = dt->head < body / 2 ? dt->head : 0;
	long long rest = (long long)dt->lines.n - head;
	if (dt->top > rest - (body - head))
		dt->top = rest - (body - head);
	if (dt->doc_follow && dt->doc_line >= 0)
		tl_follow(&dt->top, dt->doc_line + (long long)dt->doc_cur - head, body - head, 2);
	dt->doc_follow = 0;
	if (dt->top < 0)
		dt->top = 0;
	dt->shown = body - head;
	tl_draw(u, &dt->lines, 0, y, x + 1, head, w - 1);
	tl_draw(u, &dt->lines, head + dt->top, y + head, x + 1, body - head, w - 1);
	if (body < h) {
		char pos[64];
		long long pct = (head + dt->top + body - head) * 100 / (long long)dt->lines.n;
		snprintf(pos, sizeof pos, _(" %lld%% · ] next section "), pct);
		int pw = (int)text_width(pos) + 1;
		ui_hline(y + h - 1, x + 1, w - 1 - pw, ui_attr(u, UC_DIM));
		ui_put(y + h - 1, x + w - pw, pw, pos, ui_attr(u, UC_DIM));
	}
}

/* The top line for [ (dir -1) or ] (dir 1): the previous or next section. */
static long long section_from(const struct dossier_state *dt, int dir)
{
	for (long long i = dt->head + dt->top + dir; i >= dt->head && (size_t)i < dt->lines.n; i += dir)
		if (dt->lines.v[i].section)
			return i - dt->head;
	return dt->top;
}

static int dossier_key(struct ui *u, enum key_action a, int code)
{
	(void)code;
	struct dossier_state *dt = &u->dt;
	if (a == KA_SECTION_NEXT || a == KA_SECTION_PREV) {
		dt->top = section_from(dt, a == KA_SECTION_NEXT ? 1 : -1);
		return H_REDRAW;
	}
	if (a == KA_PIECE_NEXT || a == KA_PIECE_PREV) {
		if (a == KA_PIECE_NEXT && dt->doc_cur + 1 < dt->n_docs)
			dt->doc_cur++;
		else if (a == KA_PIECE_PREV && dt->doc_cur > 0)
			dt->doc_cur--;
		dt->width = 0;	/* lay out again with the new mark */
		dt->doc_follow = 1;
		return H_REDRAW;
	}
	if (a == KA_OPEN_DOCUMENT || a == KA_SAVE_DOCUMENT) {
		/* Enter away from the pièces first brings them into view. */
		long long line = dt->doc_line + (long long)dt->doc_cur - dt->head;
		if (a == KA_OPEN_DOCUMENT && dt->doc_line >= 0 &&
		    (line < dt->top || line >= dt->top + dt->shown)) {
			dt->doc_follow = 1;
			return H_REDRAW;
		}
		if (a == KA_OPEN_DOCUMENT)
			document_view_open(u);
		else
			document_view_save(u);
		return H_REDRAW;
	}
	size_t rest = dt->lines.n - (size_t)dt->head;
	return tl_scroll(a, &dt->top, u->rows - 3 - 1 - dt->head, rest) ? H_REDRAW : H_UNHANDLED;
}

static void dossier_reload(struct ui *u)
{
	u->dt.stale = 1;
}

static void dossier_hints(struct ui *u, char *buf, size_t len)
{
	static const struct panel_hint hints[] = {
		{KA_DOWN, N_("scroll")}, {KA_SCORE, N_("score")}, {KA_MOVE, N_("move")},
		{KA_HISTORY, N_("history")}, {KA_BACK, N_("back")},
	};
	/* With pièces, how to read and save them comes before back. */
	static const struct panel_hint with_docs[] = {
		{KA_DOWN, N_("scroll")}, {KA_SCORE, N_("score")}, {KA_MOVE, N_("move")},
		{KA_HISTORY, N_("history")}, {KA_OPEN_DOCUMENT, N_("pièce")},
		{KA_SAVE_DOCUMENT, N_("save")}, {KA_BACK, N_("back")},
	};
	if (u->dt.n_docs)
		panel_hints(u, buf, len, with_docs, sizeof with_docs / sizeof with_docs[0]);
	else
		panel_hints(u, buf, len, hints, sizeof hints / sizeof hints[0]);
}

static long long dossier_current(struct ui *u)
{
	return u->dt.id;
}

/* Wide screens: beside the review being written on this dossier (read
 * while scoring), else beside the queue. */
static void dossier_pair(struct ui *u, enum ui_focus *left, enum ui_focus *right)
{
	if (u->sc.grid && u->sc.dossier_id == u->dt.id) {
		*left = F_DOSSIER;
		*right = F_SCORING;
	} else {
		*left = F_QUEUE;
		*right = F_DOSSIER;
	}
}

/* Tab: to the review being written, else back to the queue. */
static void dossier_next(struct ui *u)
{
	u->focus = u->sc.grid ? F_SCORING : F_QUEUE;
}

static void dossier_back(struct ui *u, int code)
{
	(void)code;
	u->focus = F_QUEUE;
}

const struct panel_ops dossier_panel = {
	.keys = KP_DOSSIER, .left = F_QUEUE, .right = F_DOSSIER, .pair = dossier_pair,
	.draw = dossier_draw, .key = dossier_key, .reload = dossier_reload,
	.done = dossier_done, .hints = dossier_hints, .dossier = dossier_current,
	.next = dossier_next, .back = dossier_back,
};
