/* queue_panel.c - the queue panel: one row per dossier (number, PTCE,
 * région, state, days, my review, mean total, flags), views, sort, filters,
 * search and tags. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "base/fmt.h"
#include "base/geo.h"
#include "base/i18n.h"
#include "base/text.h"
#include "dossier_panel.h"
#include "panel.h"
#include "procedure/procedure.h"
#include "prompt.h"
#include "queue_panel.h"
#include "queue_rows.h"
#include "screen.h"
#include "views.h"

/* Column widths for a panel width. */
struct cols {
	int tag, number, name, region, state, days, mine, total, flags;
	int wide;
};

static void layout(int w, struct cols *c)
{
	c->wide = w >= 120;
	c->tag = 2;	/* '>' on the cursor's row (visible without colours), '*' tagged */
	c->number = 9;
	c->region = c->wide ? 22 : 6;
	c->state = c->wide ? 20 : 12;
	c->days = 5;
	c->mine = 9;
	c->total = 6;
	c->flags = 5;
	int fixed = c->tag + c->number + c->region + c->state + c->days + c->mine + c->total +
		    c->flags + 8;
	c->name = w - fixed;
	if (c->name < 8)
		c->name = 8;
}

static const char *mine_label(int mine)
{
	switch (mine) {
	case RS_DRAFT: return C_("review", "draft");
	case RS_SUBMITTED: return C_("review", "submitted");
	case RS_CONFLICT: return _("conflict");
	}
	return "—";
}

static int state_index(const char *name)
{
	const struct state_def *d = state_find(name);
	return d ? (int)(d - procedure_states) : -1;
}

static void header(struct ui *u, int y, int x, const struct cols *c)
{
	static const enum queue_col order[] = {
		QC_NUMBER, QC_NAME, QC_REGION, QC_STATE, QC_DAYS, QC_MINE, QC_TOTAL, QC_FLAGS
	};
	const int widths[] = {c->number, c->name, c->region, c->state, c->days, c->mine,
			      c->total, c->flags};
	int attr = ui_attr(u, UC_HEADER);
	int cx = x;
	ui_put(y, cx, c->tag + 1, "", attr);
	cx += c->tag + 1;
	for (int i = 0; i < 8; i++) {
		char t[64];
		const char *mark = u->q.spec.sort == order[i] ? (u->q.spec.desc ? "↓" : "↑") : "";
		snprintf(t, sizeof t, "%s%s", queue_col_label(order[i]), mark);
		ui_put(y, cx, widths[i], t, attr);
		if (i < 7)
			ui_put(y, cx + widths[i], 1, "", attr);
		cx += widths[i] + 1;
	}
}

static void draw_row(struct ui *u, int y, int x, int w, const struct cols *c,
		     const struct queue_row *r, int selected)
{
	int base = selected ? ui_attr(u, UC_CURSOR) : 0;
	int tagged = queue_is_tagged(u, r->id);
	int cx = x;
	ui_put(y, x, w, "", base);
	char mark[4] = {selected ? '>' : ' ', tagged ? '*' : ' ', '\0'};
	ui_put(y, cx, c->tag + 1, mark, tagged && !selected ? ui_attr(u, UC_TAGGED) : base);
	cx += c->tag + 1;
	ui_put(y, cx, c->number, r->ds_number, base);
	cx += c->number + 1;
	ui_put(y, cx, c->name, r->ptce_name, base);
	cx += c->name + 1;
	char reg[96];
	if (c->wide) {
		const char *rn = geo_region_name(r->region_code);
		snprintf(reg, sizeof reg, "%s / %s", rn ? rn : r->region_code, r->departement_code);
	} else {
		snprintf(reg, sizeof reg, "%s/%s", r->region_code, r->departement_code);
	}
	ui_put(y, cx, c->region, reg, base);
	cx += c->region + 1;
	ui_put(y, cx, c->state, c->wide ? state_label(r->state) : state_short_label(r->state), base);
	cx += c->state + 1;
	char days[16];
	snprintf(days, sizeof days, "%4d", r->days_in_state);
	int si = state_index(r->state);
	int limit = si >= 0 && si < 16 ? u->app->cfg.overdue_days[si] : 0;
	int overdue = limit > 0 && r->days_in_state > limit;
	ui_put(y, cx, c->days, days, overdue && !selected ? ui_attr(u, UC_OVERDUE) :
				   (overdue ? base | (int)A_BOLD : base));
	cx += c->days + 1;
	ui_put(y, cx, c->mine, mine_label(r->mine), base);
	cx += c->mine + 1;
	char tot[16] = "";
	if (r->has_total && r->visible) {
		char num[24];
		snprintf(tot, sizeof tot, "%5s", fmt_decimal(FMT_READER, r->mean_total, 1, num, sizeof num));
	}
	else if (r->n_submitted && !r->visible)
		snprintf(tot, sizeof tot, "  ···");
	else if (r->verdict != GV_NONE)
		snprintf(tot, sizeof tot, "%s", gate_verdict_label((enum gate_verdict)r->verdict));
	ui_put(y, cx, c->total, tot, base);
	cx += c->total + 1;
	/* One letter each, translated: the French session reads R (retard)
	 * and F (forcé) where the English one reads L (late) and O. */
	char flags[32];
	snprintf(flags, sizeof flags, "%s%s%s",
		 r->divergent && r->visible ? C_("queue flag", "D") : " ",
		 r->late ? C_("queue flag", "L") : r->complements ? C_("queue flag", "C") : " ",
		 r->override ? C_("queue flag", "O") : " ");
	ui_put(y, cx, x + w - cx, flags, selected ? base : ui_attr(u, UC_FLAG));
}

static void queue_draw(struct ui *u, int y, int x, int h, int w)
{
	struct queue_state *q = &u->q;
	struct cols c;
	layout(w, &c);
	header(u, y, x, &c);
	int rows = h - 1;
	queue_clamp(u);
	queue_rows_fetch(u, rows);
	if (q->count == 0) {
		ui_put(y + 2, x + 2, w - 4, _("No dossier here. Press 5 for every dossier, F to clear "
					      "the filters, : to run a command (e.g. :import)."), 0);
		return;
	}
	for (int i = 0; i < rows && (size_t)i < q->n_rows; i++) {
		const struct queue_row *r = &q->rows[i];
		int sel = q->rows_off + i == q->cur;
		if (sel)
			q->cur_id = r->id;
		draw_row(u, y + 1 + i, x, w, &c, r, sel);
		if (sel && panel_focused(u) != &queue_panel)
			mvchgat(y + 1 + i, x + c.tag + 1, w - c.tag - 1, A_BOLD | A_UNDERLINE, 0, NULL);
	}
}

/* Show every dossier: the hit of a search is not in the view. */
static void show_all(struct ui *u)
{
	struct queue_state *q = &u->q;
	q->spec.view = QV_ALL;
	queue_filter_clear(&q->spec);
	q->n_tags = 0;
	queue_rows_reload(u);
}

/* The hit of a search over every dossier the person may see: the cursor
 * goes to it, in the view when it is there, else in "tous". */
static void search_step(struct ui *u, int dir, int fresh)
{
	struct queue_state *q = &u->q;
	if (!q->search || !*q->search) {
		ui_message(u, UC_ERROR, "%s", _("No search yet: press / to search."));
		return;
	}
	struct queue_hit hit;
	struct perr e = {0};
	if (queue_search_all(u->app->store, &q->spec, q->search, fresh ? 0 : queue_current(u), dir,
			     &q->memo, &hit, &e)) {
		ui_message(u, UC_ERROR, "%s", e.msg);
		return;
	}
	if (!hit.id) {
		ui_message(u, UC_ERROR, _("Not found: %s"), q->search);
		return;
	}
	long long pos = -1;
	char moved[256] = "";
	/* Walked to from the cursor in the same order: its place is known. */
	int walked = hit.steps > 0 && queue_search_same_rows(&q->spec) &&
		     (fresh ? dir > 0 : q->cur_id == queue_current(u));
	if (walked)
		pos = fresh ? hit.steps - 1 : q->cur + (dir >= 0 ? hit.steps : -hit.steps);
	else if (queue_position(u->app->store, &q->spec, hit.id, &pos, &e) == 0 && pos < 0) {
		snprintf(moved, sizeof moved, _(" · not in '%s', view '%s'"),
			 queue_view_label(q->spec.view), queue_view_label(QV_ALL));
		show_all(u);
		queue_position(u->app->store, &q->spec, hit.id, &pos, &e);
	}
	if (pos < 0)
		pos = 0;
	/* The rows held are still the data's: the page is read again only
	 * where the cursor takes it (queue_rows_fetch). */
	q->cur = pos;
	q->cur_id = hit.id;
	queue_clamp(u);
	const char *wrap = !hit.wrapped ? "" : dir > 0 ? _(" · past the last hit, back to the first")
						      : _(" · past the first hit, back to the last");
	char idx[32], tot[32];
	fmt_number(FMT_READER, hit.index, idx, sizeof idx);
	fmt_number(FMT_READER, hit.total, tot, sizeof tot);
	enum ui_color c = hit.wrapped ? UC_FLAG : UC_NORMAL;
	if (!hit.capped)
		ui_message(u, c, _("%s: hit %s/%s (n next, N previous)%s%s"), q->search, idx, tot, wrap, moved);
	else if (hit.index)
		ui_message(u, c, _("%s: hit %s of more than %s (n next, N previous)%s%s"), q->search, idx,
			   tot, wrap, moved);
	else
		ui_message(u, c, _("%s: a hit among more than %s (n next, N previous)%s%s"), q->search, tot,
			   wrap, moved);
}

static void search(struct ui *u)
{
	char *s = NULL;
	if (ui_prompt(u, _("Search: "), u->q.search, &s) == 0) {
		free(u->q.search);
		u->q.search = s;
		search_step(u, 1, 1);
	}
}

static void search_next(struct ui *u)
{
	search_step(u, 1, 0);
}

static void search_prev(struct ui *u)
{
	search_step(u, -1, 0);
}

static void choose_sort(struct ui *u)
{
	const char *items[QC_COUNT];
	for (int i = 0; i < QC_COUNT; i++)
		items[i] = queue_col_label((enum queue_col)i);
	int c = ui_menu(u, _("Sort the queue by"), items, QC_COUNT);
	if (c < 0)
		return;
	if ((int)u->q.spec.sort == c)
		u->q.spec.desc = !u->q.spec.desc;
	else
		u->q.spec.desc = c == QC_DAYS || c == QC_TOTAL;
	u->q.spec.sort = (enum queue_col)c;
	queue_rows_resort(u);
}

static void sort_reverse(struct ui *u)
{
	u->q.spec.desc = !u->q.spec.desc;
	queue_rows_resort(u);
}

static void set_filter(struct ui *u)
{
	struct queue_state *q = &u->q;
	char *s = NULL;
	if (ui_prompt(u, _("Filter (state=… region=… departement=… assignee=…, empty clears): "), "", &s))
		return;
	struct perr e = {0};
	if (queue_set_filter(&q->spec, s, &e)) {
		ui_message(u, UC_ERROR, "%s", e.msg);
	} else {
		q->cur = q->top = 0;
		queue_rows_reload(u);
		ui_message(u, UC_NORMAL, _("%lld dossiers"), q->count);
	}
	free(s);
}

static void filter_clear(struct ui *u)
{
	struct queue_state *q = &u->q;
	queue_filter_clear(&q->spec);
	free(q->search);
	q->search = NULL;
	q->spec.view = QV_ALL;
	queue_rows_reload(u);
	ui_message(u, UC_NORMAL, "%s", _("Filters cleared."));
}

static void tag(struct ui *u)
{
	long long id = queue_current(u);
	if (id) {
		queue_tag_toggle(u, id);
		u->q.cur++;
	}
}

static void tag_clear(struct ui *u)
{
	u->q.n_tags = 0;
	ui_message(u, UC_NORMAL, "%s", _("No dossier tagged."));
}

/* The cursor keys; 0 when a is none of them. */
static int move_cursor(struct ui *u, enum key_action a)
{
	struct queue_state *q = &u->q;
	int h = queue_height(u);
	switch (a) {
	case KA_UP: q->cur--; break;
	case KA_DOWN: q->cur++; break;
	case KA_PAGE_UP: q->cur -= h; q->top -= h; break;
	case KA_PAGE_DOWN:
		q->cur += h;
		q->top += h;
		if (q->top > q->count - h)
			q->top = q->count - h;
		break;
	case KA_FIRST: q->cur = 0; break;
	case KA_LAST: q->cur = q->count - 1; break;
	default:
		return 0;
	}
	return 1;
}

static const struct {
	enum key_action action;
	enum queue_view view;
} view_keys[] = {
	{KA_VIEW_TODO, QV_TODO}, {KA_VIEW_MINE, QV_MINE}, {KA_VIEW_REVIEW, QV_REVIEW},
	{KA_VIEW_PHASE2, QV_PHASE2}, {KA_VIEW_ALL, QV_ALL}, {KA_VIEW_OVERDUE, QV_OVERDUE},
};

static const struct {
	enum key_action action;
	void (*run)(struct ui *u);
} queue_keys[] = {
	{KA_SORT, choose_sort}, {KA_SORT_REVERSE, sort_reverse}, {KA_SEARCH, search},
	{KA_SEARCH_NEXT, search_next}, {KA_SEARCH_PREV, search_prev}, {KA_FILTER, set_filter},
	{KA_FILTER_CLEAR, filter_clear}, {KA_TAG, tag}, {KA_TAG_CLEAR, tag_clear},
	{KA_VIEWS, ui_views_menu},
};

/* The queue's own keys; 0 when a is none of them. */
static int queue_key_run(struct ui *u, enum key_action a)
{
	for (size_t i = 0; i < sizeof view_keys / sizeof view_keys[0]; i++)
		if (view_keys[i].action == a) {
			ui_show_view(u, view_keys[i].view);
			return 1;
		}
	for (size_t i = 0; i < sizeof queue_keys / sizeof queue_keys[0]; i++)
		if (queue_keys[i].action == a) {
			queue_keys[i].run(u);
			return 1;
		}
	return move_cursor(u, a);
}

/* Open the dossier under the cursor in the dossier panel. */
static void queue_open(struct ui *u)
{
	long long id = queue_current(u);
	if (!id)
		return;
	dossier_panel_show(u, id);
	u->focus = F_DOSSIER;
}

static int queue_key(struct ui *u, enum key_action a, int code)
{
	(void)code;
	if (a == KA_OPEN) {
		queue_open(u);
		return H_REDRAW;
	}
	if (!queue_key_run(u, a))
		return H_UNHANDLED;
	/* A page that moved is read at the draw: only its new rows when it
	 * moved by fewer rows than it holds (queue_rows_fetch). */
	queue_clamp(u);
	return H_REDRAW;
}

static void queue_hints(struct ui *u, char *buf, size_t len)
{
	static const struct panel_hint first[] = {
		{KA_OPEN, N_("open")}, {KA_SCORE, N_("score")}, {KA_MOVE, N_("move")},
		{KA_SEARCH, N_("search")},
	};
	static const struct panel_hint then[] = {{KA_TAG, N_("tag")}, {KA_COMMAND, N_("command")}};
	panel_hints(u, buf, len, first, sizeof first / sizeof first[0]);
	size_t l = strlen(buf);
	/* The quick views' keys as a range when they are the digits in a row. */
	int first_view = u->km.codes[KA_VIEW_TODO][0], last_view = u->km.codes[KA_VIEW_OVERDUE][0];
	if (u->km.codes[KA_SEARCH][0] && first_view == '1' && last_view == '1' + (KA_VIEW_OVERDUE - KA_VIEW_TODO) &&
	    l < len)
		snprintf(buf + l, len - l, " · %c-%c %s", first_view, last_view, _("views"));
	panel_hints(u, buf, len, then, sizeof then / sizeof then[0]);
}

/* Tab: to the review being written, else into the dossier. */
static void queue_next(struct ui *u)
{
	if (u->sc.grid)
		u->focus = F_SCORING;
	else
		queue_open(u);
}

/* q quits from the queue; Esc and Left never do. */
static void queue_back(struct ui *u, int code)
{
	if (code != K_ESC && code != K_LEFT)
		u->quit = 1;
}

const struct panel_ops queue_panel = {
	.keys = KP_QUEUE, .tags = 1, .left = F_QUEUE, .right = F_DOSSIER,
	.draw = queue_draw, .key = queue_key, .reload = queue_rows_reload, .done = queue_rows_done,
	.hints = queue_hints, .dossier = queue_current, .next = queue_next, .back = queue_back,
};
