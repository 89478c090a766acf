/* scoring.c - the scoring panel: my review of a dossier as a form on its
 * grid. One key sets a value and saves it at once; comments are written in a
 * small multi-line editor saved while typing; submit names what is missing. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "procedure/procedure.h"
#include "review/aggregate.h"
#include "ui.h"

static int grid_phase_of(const char *state)
{
	if (strcmp(state, "submitted") == 0 || strcmp(state, "phase1") == 0)
		return 1;
	if (strcmp(state, "phase2") == 0)
		return 2;
	return 0;
}

static void editor_clear(struct editor *ed)
{
	free(ed->buf);
	memset(ed, 0, sizeof *ed);
}

static void editor_set(struct editor *ed, const char *text)
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

void scoring_close(struct ui *u)
{
	struct scoring_state *sc = &u->sc;
	scoring_flush(u);
	review_free(&sc->rev);
	checklist_free(&sc->grid);
	editor_clear(&sc->ed);
	free(sc->ds_number);
	free(sc->ptce_name);
	memset(sc, 0, sizeof *sc);
}

static const struct criterion *cur_crit(struct ui *u)
{
	struct scoring_state *sc = &u->sc;
	if (!sc->grid || sc->cur >= sc->grid->n_crit)
		return NULL;
	return &sc->grid->crit[sc->cur];
}

/* Reload my review after a change (mine or another session's). */
void scoring_reload(struct ui *u)
{
	struct scoring_state *sc = &u->sc;
	if (!sc->rev)
		return;
	struct review *r = NULL;
	struct perr e = {0};
	if (review_load(u->app->store, sc->rev->id, &r, &e)) {
		ui_message(u, UC_ERROR, "%s", e.msg);
		return;
	}
	review_free(&sc->rev);
	sc->rev = r;
	sc->revision = r->revision;
}

int scoring_open(struct ui *u, long long id)
{
	struct scoring_state *sc = &u->sc;
	struct perr e = {0};
	struct dossier *d = NULL;
	if (dossier_load(u->app->store, id, &d, &e)) {
		ui_report(u, &e);
		return -1;
	}
	int phase = grid_phase_of(d->state);
	if (!phase) {
		ui_message(u, UC_ERROR, _("%s is in state '%s': there is no review to write "
					  "(reviews are written in submitted, phase 1 and phase 2)."),
			   d->f[DF_DS_NUMBER], state_label(d->state));
		dossier_free(&d);
		return -1;
	}
	char name[16];
	snprintf(name, sizeof name, "phase%d", phase);
	struct checklist *g = NULL;
	if (!u->app->cfg.checklists_dir ||
	    checklist_load_named(u->app->cfg.checklists_dir, name, &g, &e)) {
		if (!e.msg[0])
			perr_set(&e, P_NOTFOUND, "%s", _("no checklists directory in the configuration"));
		ui_report(u, &e);
		dossier_free(&d);
		return -1;
	}
	struct review *r = NULL;
	if (review_open(u->app->store, &u->app->actor, id, g, NULL, &r, &e)) {
		ui_report(u, &e);
		checklist_free(&g);
		dossier_free(&d);
		return -1;
	}
	scoring_close(u);
	/* A review keeps the grid version it was begun on. */
	if (r->grid_hash && g->hash && strcmp(r->grid_hash, g->hash) != 0) {
		struct checklist *old = NULL;
		if (grid_version_load(u->app->store, r->grid_version_id, &old, &e) == 0) {
			checklist_free(&g);
			g = old;
			ui_message(u, UC_FLAG, "%s", _("This review keeps the grid version it was begun "
						       "on; the grid file has changed since."));
		}
	}
	sc->dossier_id = id;
	sc->grid = g;
	sc->rev = r;
	sc->revision = r->revision;
	sc->ds_number = xstrdup(d->f[DF_DS_NUMBER] ? d->f[DF_DS_NUMBER] : "");
	sc->ptce_name = xstrdup(d->f[DF_PTCE_NAME] ? d->f[DF_PTCE_NAME] : "");
	dossier_free(&d);
	/* Start on the first unanswered criterion. */
	for (size_t i = 0; i < g->n_crit; i++) {
		const struct answer *a = review_answer(r, g->crit[i].id);
		if (!a || !a->value) {
			sc->cur = i;
			break;
		}
	}
	return 0;
}

/* Save one answer at once; a conflict shows who changed what, then the
 * fresh review. */
static void save_answer(struct ui *u, const char *value)
{
	struct scoring_state *sc = &u->sc;
	const struct criterion *c = cur_crit(u);
	if (!c)
		return;
	struct perr e = {0};
	long long rev = sc->revision;
	if (review_set_answer(u->app->store, &u->app->actor, sc->rev->id, c->id, value, NULL,
			      &rev, &e)) {
		ui_report(u, &e);
		scoring_reload(u);
		return;
	}
	sc->revision = rev;
	scoring_reload(u);
	char *label = value && *value ? criterion_value_label(c, value) : xstrdup(_("cleared"));
	ui_message(u, UC_OK, _("%s: %s (saved)"), c->id, label);
	free(label);
	if (value && *value && sc->cur + 1 < sc->grid->n_crit && !criterion_needs_comment(c, value))
		sc->cur++;
}

/* Save the text being written; 0 when saved or nothing to save. */
static int save_text(struct ui *u, struct perr *e)
{
	struct scoring_state *sc = &u->sc;
	if (!sc->editing || !sc->ed.dirty || !sc->rev)
		return 0;
	const struct criterion *c = cur_crit(u);
	if (!c)
		return 0;
	long long rev = sc->revision;
	int rc = c->type == CRIT_TEXT
		? review_set_answer(u->app->store, &u->app->actor, sc->rev->id, c->id, sc->ed.buf,
				    NULL, &rev, e)
		: review_set_comment(u->app->store, &u->app->actor, sc->rev->id, c->id, sc->ed.buf,
				     NULL, &rev, e);
	if (rc)
		return -1;
	sc->revision = rev;
	sc->ed.dirty = 0;
	if (sc->rev)
		sc->rev->revision = rev;
	return 0;
}

void scoring_flush(struct ui *u)
{
	/* Idle and exit saves: a refusal stays dirty and is shown when the
	 * person leaves the editor, not every second. */
	struct perr e = {0};
	save_text(u, &e);
}

/* ---- drawing ---- */

static void value_box(const struct criterion *c, const struct answer *a, char *buf, size_t len)
{
	const char *v = a ? a->value : NULL;
	if (!v) {
		snprintf(buf, len, "[ ]");
		return;
	}
	switch (c->type) {
	case CRIT_SCALE:
		snprintf(buf, len, "[%s/%d]", v, c->max);
		break;
	case CRIT_GATE:
		snprintf(buf, len, "[%s]", strcmp(v, "yes") == 0 ? _("yes") :
			 strcmp(v, "no") == 0 ? _("no") : _("check"));
		break;
	case CRIT_CHOICE:
		snprintf(buf, len, "[%s]", v);
		break;
	case CRIT_TEXT:
		snprintf(buf, len, "[%s]", _("text"));
		break;
	}
}

static const char *crit_label(const struct criterion *c)
{
	/* French labels are the grid's own; English ones when the interface is
	 * not in French and the grid gives them. */
	const char *lang = getenv("LANGUAGE");
	int fr = lang && strncmp(lang, "fr", 2) == 0;
	if (!fr && c->label_en)
		return c->label_en;
	return c->label;
}

static void draw_editor(struct ui *u, int y, int x, int h, int w)
{
	struct editor *ed = &u->sc.ed;
	size_t *starts = NULL, *lens = NULL;
	size_t n = text_wrap(ed->buf, (size_t)(w > 2 ? w - 1 : 1), &starts, &lens);
	size_t cl = 0;
	for (size_t i = 0; i < n; i++)
		if (ed->cur >= starts[i] && ed->cur <= starts[i] + lens[i])
			cl = i;
	if ((long long)cl < ed->top)
		ed->top = (long long)cl;
	if ((long long)cl >= ed->top + h)
		ed->top = (long long)cl - h + 1;
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

void scoring_draw(struct ui *u, int y, int x, int h, int w)
{
	struct scoring_state *sc = &u->sc;
	if (!sc->grid || !sc->rev) {
		ui_put(y + 1, x + 1, w - 2, _("No review open."), 0);
		return;
	}
	const struct checklist *g = sc->grid;
	char line[1024];
	snprintf(line, sizeof line, " %s · %s · %s", sc->ds_number, sc->ptce_name,
		 g->title ? g->title : g->id);
	ui_put(y, x, w, line, ui_attr(u, UC_TITLE));

	struct review_score score;
	review_compute(g, sc->rev, &score);
	char **missing = review_missing(g, sc->rev);
	size_t n_missing = 0;
	while (missing && missing[n_missing])
		n_missing++;
	char tot[128] = "";
	if (g->points_sum > 0)
		snprintf(tot, sizeof tot, _("total %.1f / %.0f"), score.total,
			 g->total > 0 ? g->total : g->points_sum);
	size_t l = (size_t)snprintf(line, sizeof line, " %s",
				    sc->rev->submitted ? C_("review", "submitted") : C_("review", "draft"));
	if (tot[0])
		l += (size_t)snprintf(line + l, sizeof line - l, " · %s", tot);
	if (score.band && l < sizeof line)
		l += (size_t)snprintf(line + l, sizeof line - l, " · %s",
				      score.band->label ? score.band->label : score.band->id);
	if (score.eliminated && l < sizeof line)
		l += (size_t)snprintf(line + l, sizeof line - l, " · %s", _("eliminated"));
	if (l < sizeof line) {
		if (n_missing)
			snprintf(line + l, sizeof line - l, " · %zu %s", n_missing,
				 P_("thing missing", "things missing", n_missing));
		else
			snprintf(line + l, sizeof line - l, " · %s", _("complete"));
	}
	ui_put(y + 1, x, w, line, ui_attr(u, score.eliminated ? UC_ERROR : UC_HEADER));
	review_strv_free(&missing);

	int idw = 4;	/* ids in one column; a longer one pushes its own line only */
	int detail_h = h / 3;
	if (detail_h < 6)
		detail_h = 6;
	int list_h = h - 2 - detail_h - 1;
	/* Rows: a section title before its first criterion. */
	struct row { int crit; int section; } *rows = xcalloc(g->n_crit * 2 + 1, sizeof *rows);
	size_t nr = 0, cur_row = 0;
	int last_sec = -1;
	for (size_t i = 0; i < g->n_crit; i++) {
		if (g->crit[i].section != last_sec && g->n_sections) {
			rows[nr].crit = -1;
			rows[nr++].section = g->crit[i].section;
			last_sec = g->crit[i].section;
		}
		if (i == sc->cur)
			cur_row = nr;
		rows[nr].crit = (int)i;
		rows[nr++].section = g->crit[i].section;
	}
	if ((long long)cur_row < sc->top + 1)
		sc->top = cur_row > 0 ? (long long)cur_row - 1 : 0;
	if ((long long)cur_row >= sc->top + list_h)
		sc->top = (long long)cur_row - list_h + 1;
	for (int i = 0; i < list_h; i++) {
		size_t k = (size_t)(sc->top + i);
		if (k >= nr)
			break;
		int yy = y + 2 + i;
		if (rows[k].crit < 0) {
			const struct section *s = &g->sections[rows[k].section];
			ui_put(yy, x + 1, w - 1, s->title ? s->title : s->id, ui_attr(u, UC_SECTION));
			continue;
		}
		const struct criterion *c = &g->crit[rows[k].crit];
		const struct answer *a = review_answer(sc->rev, c->id);
		char box[64], pts[32] = "";
		value_box(c, a, box, sizeof box);
		if (c->type == CRIT_SCALE && c->points > 0 && a && a->value)
			snprintf(pts, sizeof pts, "%5.1f", criterion_points(c, a->value));
		int need = a && a->value && criterion_needs_comment(c, a->value) &&
			   !(a->comment && *a->comment);
		int here = (size_t)rows[k].crit == sc->cur;
		snprintf(line, sizeof line, "%s%s%-*s %-8s %s%s", here ? ">" : " ",
			 c->required ? "*" : " ", idw, c->id, box,
			 crit_label(c), need ? _("  (comment needed)") : (a && a->comment ? "  ✎" : ""));
		int attr = here ? ui_attr(u, UC_CURSOR) : 0;
		ui_put(yy, x, w - 6, line, attr);
		ui_put(yy, x + w - 6, 6, pts, attr);
	}
	free(rows);

	/* The current criterion: what it accepts, its help, its comment. */
	int dy = y + 2 + list_h;
	ui_hline(dy, x, w, ui_attr(u, UC_DIM));
	const struct criterion *c = cur_crit(u);
	if (!c)
		return;
	char *acc = criterion_accepts(c);
	if (c->type == CRIT_CHOICE) {
		/* Digits pick the options: say which. */
		size_t o = (size_t)snprintf(line, sizeof line, "%s · %s:", c->id, _("keys"));
		for (size_t i = 0; i < c->n_options && i < 9 && o < sizeof line; i++)
			o += (size_t)snprintf(line + o, sizeof line - o, " %zu %s", i + 1, c->options[i].id);
	} else {
		snprintf(line, sizeof line, "%s · %s: %s%s", c->id, _("accepts"), acc,
			 c->type == CRIT_GATE ? _(" (keys y n ?)") : c->type == CRIT_SCALE ? _(" (digit keys)")
			 : _(" (Enter to write)"));
	}
	free(acc);
	ui_put(dy + 1, x + 1, w - 1, line, ui_attr(u, UC_LABEL));
	const struct answer *a = review_answer(sc->rev, c->id);
	if (sc->editing) {
		ui_put(dy + 2, x + 1, w - 1, c->type == CRIT_TEXT ? _("Text (Esc when done, saved as you type):")
				  : _("Comment (Esc when done, saved as you type):"), ui_attr(u, UC_HEADER));
		draw_editor(u, dy + 3, x + 1, detail_h - 3, w - 2);
		return;
	}
	struct tlines t = {0};
	const char *help = c->help;
	const char *lang = getenv("LANGUAGE");
	if (!(lang && strncmp(lang, "fr", 2) == 0) && c->help_en)
		help = c->help_en;
	if (help)
		tl_add_wrapped(&t, UC_DIM, help, w - 2, 0);
	if (a && a->comment && *a->comment) {
		tl_add(&t, UC_HEADER, 0, "%s", _("Comment:"));
		tl_add_wrapped(&t, UC_NORMAL, a->comment, w - 2, 2);
	} else {
		tl_add(&t, UC_DIM, 0, "%s", c->type == CRIT_TEXT
		       ? _("Enter: write the text · S: submit · r: other reviews")
		       : _("Enter: write a comment · S: submit · r: other reviews"));
	}
	tl_draw(u, &t, 0, dy + 2, x + 1, detail_h - 2, w - 2);
	tl_clear(&t);
}

/* ---- editor keys ---- */

static size_t prev_char(const char *s, size_t i)
{
	if (i == 0)
		return 0;
	i--;
	while (i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80)
		i--;
	return i;
}

static size_t next_char(const char *s, size_t len, size_t i)
{
	if (i >= len)
		return len;
	i++;
	while (i < len && ((unsigned char)s[i] & 0xc0) == 0x80)
		i++;
	return i;
}

static void ed_insert(struct editor *ed, const char *bytes, size_t n)
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

static void ed_delete(struct editor *ed, size_t from, size_t to)
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
static void ed_vertical(struct editor *ed, int dir)
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

static int editor_key(struct ui *u, int code)
{
	struct editor *ed = &u->sc.ed;
	enum key_action a = keymap_lookup(&u->km, KP_EDITOR, code);
	if (a == KA_EDITOR_DONE) {
		struct perr e = {0};
		if (save_text(u, &e) < 0) {
			/* Refused (the dossier moved on, or someone changed the
			 * review): show the text so it can be copied, never lose it
			 * silently. */
			char *text = text_clean(ed->buf, TEXT_KEEP_NEWLINES);
			perr_append(&e, _("\n\nYour text was NOT saved; copy it from here:\n\n%s"), text);
			free(text);
			u->sc.editing = 0;
			ui_report(u, &e);
			scoring_reload(u);
			return H_REDRAW;
		}
		u->sc.editing = 0;
		scoring_reload(u);
		ui_message(u, UC_OK, "%s", _("Comment saved."));
		return H_REDRAW;
	}
	switch (code) {
	case K_LEFT: ed->cur = prev_char(ed->buf, ed->cur); break;
	case K_RIGHT: ed->cur = next_char(ed->buf, ed->len, ed->cur); break;
	case K_UP: ed_vertical(ed, -1); break;
	case K_DOWN: ed_vertical(ed, 1); break;
	case K_HOME: case 1: ed->cur = line_start(ed, ed->cur); break;
	case K_END: case 5: ed->cur = line_end(ed, ed->cur); break;
	case K_BACKSPACE: ed_delete(ed, prev_char(ed->buf, ed->cur), ed->cur); break;
	case K_DELETE: case 4: ed_delete(ed, ed->cur, next_char(ed->buf, ed->len, ed->cur)); break;
	case 11: /* C-k */ {
		size_t le = line_end(ed, ed->cur);
		ed_delete(ed, ed->cur, le == ed->cur && le < ed->len ? le + 1 : le);
		break;
	}
	case 21: /* C-u */ {
		size_t ls = line_start(ed, ed->cur);
		ed_delete(ed, ls, ed->cur);
		break;
	}
	case K_ENTER: ed_insert(ed, "\n", 1); break;
	case K_SPACE: ed_insert(ed, " ", 1); break;
	case K_TAB: ed_insert(ed, " ", 1); break;
	default:
		if (code >= 0x20 && code < 0x110000 && code != 0x7f) {
			char b[4];
			size_t n;
			if (code < 0x80) {
				b[0] = (char)code;
				n = 1;
			} else if (code < 0x800) {
				b[0] = (char)(0xc0 | (code >> 6));
				b[1] = (char)(0x80 | (code & 0x3f));
				n = 2;
			} else if (code < 0x10000) {
				b[0] = (char)(0xe0 | (code >> 12));
				b[1] = (char)(0x80 | ((code >> 6) & 0x3f));
				b[2] = (char)(0x80 | (code & 0x3f));
				n = 3;
			} else {
				b[0] = (char)(0xf0 | (code >> 18));
				b[1] = (char)(0x80 | ((code >> 12) & 0x3f));
				b[2] = (char)(0x80 | ((code >> 6) & 0x3f));
				b[3] = (char)(0x80 | (code & 0x3f));
				n = 4;
			}
			/* C1 controls and bidi overrides would reach the terminal
			 * through the editor's own drawing: not inserted. */
			char one[5];
			memcpy(one, b, n);
			one[n] = '\0';
			if (text_is_clean(one, 0))
				ed_insert(ed, b, n);
		}
		break;
	}
	return H_REDRAW;
}

static void show_others(struct ui *u)
{
	struct scoring_state *sc = &u->sc;
	struct review **list = NULL;
	size_t n = 0;
	int hidden = 0;
	struct perr e = {0};
	if (review_list_visible(u->app->store, &u->app->actor, sc->dossier_id, sc->grid->id, &list,
				&n, &hidden, &e)) {
		ui_report(u, &e);
		return;
	}
	struct tlines t = {0};
	int w = u->cols - 4;
	struct review_row rr;
	memset(&rr, 0, sizeof rr);
	if (review_row_fill(u->app->store, &u->app->actor, sc->dossier_id, &rr, &e) == 0 && rr.visible) {
		if (rr.has_total)
			tl_add(&t, UC_HEADER, 1, _("Mean total %.1f over %d submitted reviews%s"),
			       rr.mean_total, rr.n_submitted, rr.divergent ? _(" · DIVERGENT") : "");
		else
			tl_add(&t, UC_HEADER, 1, _("%d submitted reviews%s"), rr.n_submitted,
			       rr.divergent ? _(" · DIVERGENT") : "");
	}
	for (size_t i = 0; i < n; i++) {
		const struct review *r = list[i];
		tl_add(&t, UC_NORMAL, 0, "%s", "");
		tl_add(&t, UC_SECTION, 1, "%s (%s) · %s%s", r->reviewer_name, r->reviewer,
		       r->submitted ? C_("review", "submitted") : C_("review", "draft"), r->submitted ? "" : "");
		for (size_t k = 0; k < r->n_answers; k++) {
			const struct answer *a = &r->answers[k];
			char *s = xasprintf("%-4s %-8s %s", a->criterion, a->value ? a->value : "—",
					    a->comment ? a->comment : "");
			tl_add_wrapped(&t, UC_NORMAL, s, w, 2);
			free(s);
		}
	}
	if (hidden)
		tl_add(&t, UC_DIM, 0, P_("%d review is hidden from you for now (blind grid or conflict).",
					 "%d reviews are hidden from you for now (blind grid or conflict).",
					 hidden), hidden);
	if (n == 0 && !hidden)
		tl_add(&t, UC_DIM, 0, "%s", _("No review yet."));
	review_list_free(&list, n);
	ui_pager(u, _("Reviews of this dossier"), &t);
	tl_clear(&t);
}

static void submit(struct ui *u)
{
	struct scoring_state *sc = &u->sc;
	char **missing = review_missing(sc->grid, sc->rev);
	if (missing && missing[0]) {
		struct tlines t = {0};
		tl_add(&t, UC_ERROR, 1, "%s", _("The review cannot be submitted yet; missing:"));
		for (size_t i = 0; missing[i]; i++) {
			char *m = xasprintf("• %s", missing[i]);
			tl_add_wrapped(&t, UC_NORMAL, m, u->cols - 2, 2);
			free(m);
		}
		review_strv_free(&missing);
		ui_pager(u, _("Submit"), &t);
		tl_clear(&t);
		return;
	}
	review_strv_free(&missing);
	struct review_score score;
	review_compute(sc->grid, sc->rev, &score);
	char text[512];
	if (sc->grid->points_sum > 0)
		snprintf(text, sizeof text, _("Submit your review of %s with a total of %.1f%s%s? "
					      "Others will see it."), sc->ds_number, score.total,
			 score.band ? " · " : "", score.band ? (score.band->label ? score.band->label : score.band->id) : "");
	else
		snprintf(text, sizeof text, _("Submit your review of %s? Others will see it."),
			 sc->ds_number);
	if (!ui_confirm(u, _("Submit"), text))
		return;
	struct perr e = {0};
	long long rev = sc->revision;
	char **miss = NULL;
	if (review_submit(u->app->store, &u->app->actor, sc->rev->id, NULL, &rev, &miss, &e)) {
		review_strv_free(&miss);
		ui_report(u, &e);
		scoring_reload(u);
		return;
	}
	review_strv_free(&miss);
	sc->revision = rev;
	scoring_reload(u);
	ui_message(u, UC_OK, _("Review of %s submitted."), sc->ds_number);
}

int scoring_key(struct ui *u, enum key_action a, int code)
{
	struct scoring_state *sc = &u->sc;
	if (!sc->grid)
		return H_UNHANDLED;
	if (sc->editing)
		return editor_key(u, code);
	const struct criterion *c = cur_crit(u);
	int submitted = sc->rev && sc->rev->submitted;
	switch (a) {
	case KA_UP:
		if (sc->cur > 0)
			sc->cur--;
		return H_REDRAW;
	case KA_DOWN:
		if (sc->cur + 1 < sc->grid->n_crit)
			sc->cur++;
		return H_REDRAW;
	case KA_PAGE_UP:
		sc->cur = sc->cur > 10 ? sc->cur - 10 : 0;
		return H_REDRAW;
	case KA_PAGE_DOWN:
		sc->cur = sc->cur + 10 < sc->grid->n_crit ? sc->cur + 10 : sc->grid->n_crit - 1;
		return H_REDRAW;
	case KA_FIRST: sc->cur = 0; return H_REDRAW;
	case KA_LAST: sc->cur = sc->grid->n_crit - 1; return H_REDRAW;
	case KA_OTHERS: show_others(u); return H_REDRAW;
	case KA_SUBMIT:
		if (submitted) {
			ui_message(u, UC_ERROR, "%s", _("This review is already submitted (reopen it with "
							":score --reopen if the grid allows)."));
			return H_REDRAW;
		}
		submit(u);
		return H_REDRAW;
	default:
		break;
	}
	if (!c)
		return H_UNHANDLED;
	if (c->type == CRIT_TEXT && a != KA_COMMENT && a != KA_VALUE_CLEAR &&
	    ((a >= KA_VALUE_0 && a <= KA_VALUE_9) || a == KA_GATE_YES || a == KA_GATE_NO ||
	     a == KA_GATE_CHECK)) {
		ui_message(u, UC_ERROR, _("%s is free text: press Enter to write it."), c->id);
		return H_REDRAW;
	}
	const char *value = NULL;
	char digit[4];
	if (a >= KA_VALUE_0 && a <= KA_VALUE_9) {
		int dgt = (int)(a - KA_VALUE_0);
		if (c->type == CRIT_CHOICE) {
			if (dgt < 1 || (size_t)dgt > c->n_options) {
				ui_message(u, UC_ERROR, _("%s: choose 1 to %zu"), c->id, c->n_options);
				return H_REDRAW;
			}
			value = c->options[dgt - 1].id;
		} else {
			snprintf(digit, sizeof digit, "%d", dgt);
			value = digit;
		}
	} else if (a == KA_GATE_YES) {
		value = "yes";
	} else if (a == KA_GATE_NO) {
		value = "no";
	} else if (a == KA_GATE_CHECK) {
		value = "check";
	} else if (a == KA_VALUE_CLEAR) {
		value = "";
	} else if (a == KA_COMMENT) {
		if (submitted) {
			ui_message(u, UC_ERROR, "%s", _("This review is submitted: it cannot change."));
			return H_REDRAW;
		}
		const struct answer *ans = review_answer(sc->rev, c->id);
		editor_set(&sc->ed, c->type == CRIT_TEXT ? (ans ? ans->value : NULL)
							 : (ans ? ans->comment : NULL));
		sc->editing = 1;
		return H_REDRAW;
	} else {
		return H_UNHANDLED;
	}
	if (submitted) {
		ui_message(u, UC_ERROR, "%s", _("This review is submitted: it cannot change."));
		return H_REDRAW;
	}
	/* Check the value here so a wrong key says what is accepted. */
	if (*value) {
		struct perr e = {0};
		char *norm = NULL;
		if (criterion_normalize(c, value, &norm, &e)) {
			ui_message(u, UC_ERROR, "%s", e.msg);
			return H_REDRAW;
		}
		free(norm);
	}
	save_answer(u, value);
	return H_REDRAW;
}
