/* queue.c (interface) - the queue panel: one row per dossier, only the
 * visible rows fetched from the core's queue model, cursor kept on its dossier. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "base/geo.h"
#include "base/i18n.h"
#include "base/text.h"
#include "procedure/procedure.h"
#include "ui.h"

void queue_panel_init(struct ui *u)
{
	queue_spec_init(&u->q.spec, u->app->actor.login);
	u->q.spec.actor = &u->app->actor;
	u->q.stale = 1;
	queue_panel_reload(u);
}

void queue_panel_done(struct ui *u)
{
	queue_rows_free(&u->q.rows, u->q.n_rows);
	queue_spec_done(&u->q.spec);
	free(u->q.tags);
	free(u->q.search);
	u->q.tags = NULL;
	u->q.search = NULL;
}

int queue_height(struct ui *u)
{
	int h = u->rows - 3 - 1;	/* frame, then the column titles */
	return h > 1 ? h : 1;
}

static void clamp(struct ui *u)
{
	struct queue_state *q = &u->q;
	int h = queue_height(u);
	if (q->cur >= q->count)
		q->cur = q->count - 1;
	if (q->cur < 0)
		q->cur = 0;
	if (q->top > q->cur)
		q->top = q->cur;
	if (q->cur >= q->top + h)
		q->top = q->cur - h + 1;
	if (q->top < 0)
		q->top = 0;
}

void queue_panel_reload(struct ui *u)
{
	struct queue_state *q = &u->q;
	struct perr e = {0};
	if (queue_count(u->app->store, &q->spec, &q->count, &e)) {
		ui_message(u, UC_ERROR, "%s", e.msg);
		q->count = 0;
	}
	if (q->cur_id) {
		long long pos = -1;
		if (queue_position(u->app->store, &q->spec, q->cur_id, &pos, &e) == 0 && pos >= 0)
			q->cur = pos;
	}
	q->stale = 1;
	clamp(u);
}

/* Make sure rows [top, top + h) are in the cache. */
static void fetch(struct ui *u, int h)
{
	struct queue_state *q = &u->q;
	if (!q->stale && q->rows_off == q->top && q->n_rows >= (size_t)h)
		return;
	if (!q->stale && q->rows_off == q->top && q->rows_off + (long long)q->n_rows >= q->count)
		return;
	queue_rows_free(&q->rows, q->n_rows);
	q->n_rows = 0;
	struct perr e = {0};
	if (queue_fetch(u->app->store, &q->spec, q->top, h, &q->rows, &q->n_rows, &e))
		ui_message(u, UC_ERROR, "%s", e.msg);
	q->rows_off = q->top;
	q->stale = 0;
}

const struct queue_row *queue_current_row(struct ui *u)
{
	struct queue_state *q = &u->q;
	if (q->count == 0)
		return NULL;
	fetch(u, queue_height(u));
	long long i = q->cur - q->rows_off;
	if (i < 0 || (size_t)i >= q->n_rows) {
		/* The cursor left the cached page (moved without a draw). */
		q->top = q->cur;
		q->stale = 1;
		clamp(u);
		fetch(u, queue_height(u));
		i = q->cur - q->rows_off;
		if (i < 0 || (size_t)i >= q->n_rows)
			return NULL;
	}
	return &q->rows[i];
}

long long queue_current(struct ui *u)
{
	const struct queue_row *r = queue_current_row(u);
	return r ? r->id : 0;
}

int queue_is_tagged(struct ui *u, long long id)
{
	for (size_t i = 0; i < u->q.n_tags; i++)
		if (u->q.tags[i] == id)
			return 1;
	return 0;
}

static void tag_toggle(struct ui *u, long long id)
{
	struct queue_state *q = &u->q;
	for (size_t i = 0; i < q->n_tags; i++)
		if (q->tags[i] == id) {
			q->tags[i] = q->tags[--q->n_tags];
			return;
		}
	if (q->n_tags == q->cap_tags) {
		q->cap_tags = q->cap_tags ? q->cap_tags * 2 : 16;
		q->tags = xrealloc(q->tags, q->cap_tags * sizeof *q->tags);
	}
	q->tags[q->n_tags++] = id;
}

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
	for (size_t i = 0; i < procedure_n_states; i++)
		if (strcmp(procedure_states[i].name, name) == 0)
			return (int)i;
	return -1;
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
	if (r->has_total && r->visible)
		snprintf(tot, sizeof tot, "%5.1f", r->mean_total);
	else if (r->n_submitted && !r->visible)
		snprintf(tot, sizeof tot, "  ···");
	ui_put(y, cx, c->total, tot, base);
	cx += c->total + 1;
	char flags[8];
	snprintf(flags, sizeof flags, "%c%c%c", r->divergent && r->visible ? 'D' : ' ',
		 r->complements ? 'C' : ' ', r->override ? 'O' : ' ');
	ui_put(y, cx, x + w - cx, flags, selected ? base : ui_attr(u, UC_FLAG));
}

void queue_panel_draw(struct ui *u, int y, int x, int h, int w)
{
	struct queue_state *q = &u->q;
	struct cols c;
	layout(w, &c);
	header(u, y, x, &c);
	int rows = h - 1;
	clamp(u);
	fetch(u, rows);
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
		if (sel && u->focus != F_QUEUE)
			mvchgat(y + 1 + i, x + c.tag + 1, w - c.tag - 1, A_BOLD | A_UNDERLINE, 0, NULL);
	}
}

static void set_view(struct ui *u, enum queue_view v)
{
	u->q.spec.view = v;
	u->q.cur = 0;
	u->q.top = 0;
	queue_panel_reload(u);
	ui_message(u, UC_NORMAL, _("View: %s (%lld)"), queue_view_label(v), u->q.count);
}

static void search_step(struct ui *u, int dir, int fresh)
{
	struct queue_state *q = &u->q;
	if (!q->search || !*q->search) {
		ui_message(u, UC_ERROR, "%s", _("No search yet: press / to search."));
		return;
	}
	long long pos = -1;
	struct perr e = {0};
	long long from = fresh ? q->cur - (dir > 0 ? 1 : -1) : q->cur;
	if (queue_search(u->app->store, &q->spec, q->search, from, dir, &pos,
			 fresh ? &q->hits : NULL, &e)) {
		ui_message(u, UC_ERROR, "%s", e.msg);
		return;
	}
	if (pos < 0) {
		ui_message(u, UC_ERROR, _("Not found: %s"), q->search);
		return;
	}
	q->cur = pos;
	q->stale = 1;
	clamp(u);
	ui_message(u, UC_NORMAL, P_("%s: %lld dossier matches (n next, N previous)",
				    "%s: %lld dossiers match (n next, N previous)", q->hits),
		   q->search, q->hits);
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
	queue_panel_reload(u);
}

int queue_panel_key(struct ui *u, enum key_action a)
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
	case KA_VIEW_TODO: set_view(u, QV_TODO); break;
	case KA_VIEW_MINE: set_view(u, QV_MINE); break;
	case KA_VIEW_REVIEW: set_view(u, QV_REVIEW); break;
	case KA_VIEW_PHASE2: set_view(u, QV_PHASE2); break;
	case KA_VIEW_ALL: set_view(u, QV_ALL); break;
	case KA_SORT: choose_sort(u); break;
	case KA_SORT_REVERSE:
		q->spec.desc = !q->spec.desc;
		queue_panel_reload(u);
		break;
	case KA_SEARCH: {
		char *s = NULL;
		if (ui_prompt(u, _("Search: "), q->search, &s) == 0) {
			free(q->search);
			q->search = s;
			search_step(u, 1, 1);
		}
		break;
	}
	case KA_SEARCH_NEXT: search_step(u, 1, 0); break;
	case KA_SEARCH_PREV: search_step(u, -1, 0); break;
	case KA_FILTER: {
		char *s = NULL;
		if (ui_prompt(u, _("Filter (state=… region=… assignee=…, empty clears): "), "", &s) == 0) {
			struct perr e = {0};
			if (queue_set_filter(&q->spec, s, &e))
				ui_message(u, UC_ERROR, "%s", e.msg);
			else {
				q->cur = q->top = 0;
				queue_panel_reload(u);
				ui_message(u, UC_NORMAL, _("%lld dossiers"), q->count);
			}
			free(s);
		}
		break;
	}
	case KA_FILTER_CLEAR:
		free(q->spec.state);
		free(q->spec.region);
		free(q->spec.assignee);
		q->spec.state = q->spec.region = q->spec.assignee = NULL;
		free(q->search);
		q->search = NULL;
		q->spec.view = QV_ALL;
		queue_panel_reload(u);
		ui_message(u, UC_NORMAL, "%s", _("Filters cleared."));
		break;
	case KA_TAG: {
		long long id = queue_current(u);
		if (id) {
			tag_toggle(u, id);
			q->cur++;
		}
		break;
	}
	case KA_TAG_CLEAR:
		q->n_tags = 0;
		ui_message(u, UC_NORMAL, "%s", _("No dossier tagged."));
		break;
	default:
		return H_UNHANDLED;
	}
	clamp(u);
	if (q->top != q->rows_off)
		q->stale = 1;
	return H_REDRAW;
}
