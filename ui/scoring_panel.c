/* scoring_panel.c - the scoring panel: my review of a dossier as a form on
 * its grid. One key sets a value and saves it at once; comments are written
 * in a small multi-line editor (editor.c) saved while typing; submit names
 * what is missing. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "base/fmt.h"
#include "base/i18n.h"
#include "base/text.h"
#include "dossier_panel.h"
#include "dossier_text.h"
#include "editor.h"
#include "pager.h"
#include "panel.h"
#include "procedure/permission.h"
#include "procedure/procedure.h"
#include "prompt.h"
#include "review/aggregate.h"
#include "scoring_panel.h"
#include "screen.h"
#include "tlines.h"

static void scoring_close(struct ui *u)
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
static void scoring_reload(struct ui *u)
{
	struct scoring_state *sc = &u->sc;
	if (!sc->rev)
		return;
	struct review *r = NULL;
	struct perr e = {0};
	if (!sc->rev->id) {
		/* Not stored yet: another of my sessions may have begun it. */
		if (review_find(u->app->store, sc->dossier_id, u->app->actor.login, sc->grid->id,
				&r, &e) == 0 && r) {
			review_free(&sc->rev);
			sc->rev = r;
			sc->revision = r->revision;
		}
		return;
	}
	if (review_load(u->app->store, sc->rev->id, &r, &e)) {
		ui_message(u, UC_ERROR, "%s", e.msg);
		return;
	}
	review_free(&sc->rev);
	sc->rev = r;
	sc->revision = r->revision;
}

/* My stored review of d on g, else a blank one held here (id 0) once the
 * core's checks for writing one pass: a draft exists from the first answer,
 * never from merely opening the form. */
static int find_or_blank(struct ui *u, const struct dossier *d, const struct checklist *g,
			 struct review **out, struct perr *e)
{
	const struct actor *a = &u->app->actor;
	if (review_find(u->app->store, d->id, a->login, g->id, out, e))
		return -1;
	if (*out)
		return 0;
	int conflicted = 0;
	if (permission_score(a, e) < 0 ||
	    conflict_check(u->app->store, d->id, a->login, &conflicted, e) < 0)
		return -1;
	if (conflicted)
		return perr_set(e, P_REFUSED, _("you declared a conflict of interest on dossier %s (or a coordinateur did for you); you may not review it."),
				d->f[DF_DS_NUMBER]);
	struct review *r = xcalloc(1, sizeof *r);
	r->dossier_id = d->id;
	r->reviewer = xstrdup(a->login);
	r->grid_id = xstrdup(g->id);
	r->grid_hash = g->hash ? xstrdup(g->hash) : NULL;
	r->phase = g->phase;
	*out = r;
	return 0;
}

/* The first answer (or comment, or submit) of a review not stored yet
 * creates it with that answer in one write; 1 when it did (sc->rev is then
 * the stored review), 0 when the review already exists, -1 refused. */
static int create_with(struct ui *u, const struct review_input *in, size_t n, int submit,
		       struct perr *e)
{
	struct scoring_state *sc = &u->sc;
	if (sc->rev->id)
		return 0;
	long long rev = 0;
	struct review *r = NULL;
	int rc = review_write(u->app->store, &u->app->actor, sc->dossier_id, sc->grid, in, n,
			      submit, NULL, &rev, &r, e);
	if (r) {
		review_free(&sc->rev);
		sc->rev = r;
		sc->revision = r->revision;
	}
	return rc < 0 ? -1 : 1;
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
	int phase = state_review_phase(d->state);
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
	if (find_or_blank(u, d, g, &r, &e)) {
		ui_report(u, &e);
		checklist_free(&g);
		dossier_free(&d);
		return -1;
	}
	scoring_close(u);
	/* A review keeps the grid version it was begun on. */
	if (r->grid_hash && g->hash && strcmp(r->grid_hash, g->hash) != 0) {
		struct checklist *old = NULL;
		if (review_grid(u->app->store, r, &old, &e) == 0) {
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

/* Say why a write was refused and show the review as stored now (after a
 * conflict ui_report has already read every panel again). */
static void refused(struct ui *u, const struct perr *e)
{
	ui_report(u, e);
	if (e->status != P_CONFLICT)
		scoring_reload(u);
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
	struct review_input in = {c->id, value, NULL};
	int made = value && *value ? create_with(u, &in, 1, 0, &e) : 0;
	if (made < 0 || (!made && sc->rev->id &&
			 review_set_answer(u->app->store, &u->app->actor, sc->rev->id, c->id, value,
					   NULL, &rev, &e))) {
		if (e.status == P_BUSY)
			ui_message(u, UC_ERROR, _("%s: not saved (another session's write); press the key again."),
				   c->id);
		else
			refused(u, &e);
		return;
	}
	if (!made)
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
	struct review_input in = {c->id, c->type == CRIT_TEXT ? sc->ed.buf : NULL,
				  c->type == CRIT_TEXT ? NULL : sc->ed.buf};
	int made = sc->ed.len ? create_with(u, &in, 1, 0, e) : 0;
	if (made < 0)
		return -1;
	if (made) {
		sc->ed.dirty = 0;
		return 0;
	}
	if (!sc->rev->id) {	/* nothing written on a review not stored */
		sc->ed.dirty = 0;
		return 0;
	}
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
	if (u->sc.busy_hold || save_text(u, &e) == 0 || e.status != P_BUSY)
		return;
	/* Another session's write outlasted the wait (or it was given up):
	 * no more idle saves until the person types or saves. */
	u->sc.busy_hold = 1;
	ui_message(u, UC_ERROR, "%s", _("Not saved (another session's write); your text is kept: Esc saves again."));
}

/* ---- drawing ---- */

/* A grid's text: French labels and help are the grid's own; the English
 * ones when the interface is not in French and the grid gives them. */
static const char *grid_text(const char *fr_text, const char *en_text)
{
	return ui_grid_text(fr_text, en_text);
}

/* A band's label in the reader's language, its id when it has none. */
static const char *band_text(const struct band *b)
{
	const char *l = grid_text(b->label, b->label_en);
	return l ? l : b->id;
}

/* The title, then the state of the review: total, band, what is missing. */
static void draw_head(struct ui *u, int y, int x, int w)
{
	struct scoring_state *sc = &u->sc;
	const struct checklist *g = sc->grid;
	char line[1024];
	const char *title = grid_text(g->title, g->title_en);
	snprintf(line, sizeof line, " %s · %s · %s", sc->ds_number, sc->ptce_name,
		 title ? title : g->id);
	ui_put(y, x, w, line, ui_attr(u, UC_TITLE));
	struct review_score score;
	review_compute(g, sc->rev, &score);
	char **missing = review_missing(g, sc->rev);
	size_t n_missing = 0;
	while (missing && missing[n_missing])
		n_missing++;
	char tot[128] = "";
	if (g->points_sum > 0) {
		char a[48], b[48];
		snprintf(tot, sizeof tot, _("total %s / %s"), fmt_decimal(FMT_READER, score.total, 2, a, sizeof a),
			 fmt_decimal(FMT_READER, g->total > 0 ? g->total : g->points_sum, 0, b, sizeof b));
	}
	size_t l = (size_t)snprintf(line, sizeof line, " %s",
				    sc->rev->submitted ? C_("review", "submitted") : C_("review", "draft"));
	if (tot[0])
		l += (size_t)snprintf(line + l, sizeof line - l, " · %s", tot);
	/* No band before the first answer: an empty draft is not "défavorable". */
	int any = 0;
	for (size_t i = 0; i < sc->rev->n_answers; i++)
		any |= sc->rev->answers[i].value != NULL;
	if (score.band && any && l < sizeof line)
		l += (size_t)snprintf(line + l, sizeof line - l, " · %s", band_text(score.band));
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
}

/* A row of the form: a section title (crit < 0) or a criterion. */
struct form_row {
	int crit;
	int section;
};

/* The rows, a section title before its first criterion; *cur_row gets the
 * current criterion's. */
static struct form_row *form_rows(const struct checklist *g, size_t cur, size_t *nr,
				  size_t *cur_row)
{
	struct form_row *rows = xcalloc(g->n_crit * 2 + 1, sizeof *rows);
	int last_sec = -1;
	*nr = *cur_row = 0;
	for (size_t i = 0; i < g->n_crit; i++) {
		if (g->crit[i].section != last_sec && g->n_sections) {
			rows[*nr].crit = -1;
			rows[(*nr)++].section = g->crit[i].section;
			last_sec = g->crit[i].section;
		}
		if (i == cur)
			*cur_row = *nr;
		rows[*nr].crit = (int)i;
		rows[(*nr)++].section = g->crit[i].section;
	}
	return rows;
}

/* One criterion's row: cursor, required mark, id, answer, label, points. */
static void draw_criterion(struct ui *u, int y, int x, int w, const struct criterion *c, int here)
{
	int idw = 4;	/* ids in one column; a longer one pushes its own line only */
	const struct answer *a = review_answer(u->sc.rev, c->id);
	char line[1024], box[320], pts[32] = "";
	answer_box(c, a, answer_box_width(u->sc.grid), box, sizeof box);
	if (c->type == CRIT_SCALE && c->points > 0 && a && a->value) {
		char num[24];
		/* right-aligned in 6 columns ("100.00"), the reader's decimal mark */
		snprintf(pts, sizeof pts, "%6s",
			 fmt_decimal(FMT_READER, criterion_points(c, a->value), 2, num, sizeof num));
	}
	int need = a && a->value && criterion_needs_comment(c, a->value) &&
		   !(a->comment && *a->comment);
	if (c->type == CRIT_TEXT && a && a->value) {
		/* A free text shows itself, on one line, after its label. */
		char *flat = xstrdup(a->value);
		for (char *p = flat; *p; p++)
			if (*p == '\n' || *p == '\t')
				*p = ' ';
		/* TRANSLATORS: a criterion's label, then its free text answer. */
		char *shown = xasprintf(_("%s: %s"), grid_text(c->label, c->label_en), flat);
		snprintf(line, sizeof line, "%s%s%-*s %s", here ? ">" : " ", c->required ? "*" : " ",
			 idw, c->id, shown);
		free(shown);
		free(flat);
	} else {
		snprintf(line, sizeof line, "%s%s%-*s %s %s%s", here ? ">" : " ",
			 c->required ? "*" : " ", idw, c->id, box, grid_text(c->label, c->label_en),
			 need ? _("  (comment needed)") : (a && a->comment ? "  ✎" : ""));
	}
	int attr = here ? ui_attr(u, UC_CURSOR) : 0;
	ui_put(y, x, w - 6, line, attr);
	ui_put(y, x + w - 6, 6, pts, attr);
}

/* The criteria in h rows, scrolled to keep the current one in view. */
static void draw_criteria(struct ui *u, int y, int x, int h, int w)
{
	struct scoring_state *sc = &u->sc;
	const struct checklist *g = sc->grid;
	size_t nr, cur_row;
	struct form_row *rows = form_rows(g, sc->cur, &nr, &cur_row);
	tl_follow(&sc->top, (long long)cur_row, h, 1);	/* its section title above it */
	for (int i = 0; i < h; i++) {
		size_t k = (size_t)(sc->top + i);
		if (k >= nr)
			break;
		if (rows[k].crit < 0) {
			const struct section *s = &g->sections[rows[k].section];
			const char *title = grid_text(s->title, s->title_en);
			ui_put(y + i, x + 1, w - 1, title ? title : s->id, ui_attr(u, UC_SECTION));
			continue;
		}
		draw_criterion(u, y + i, x, w, &g->crit[rows[k].crit], (size_t)rows[k].crit == sc->cur);
	}
	free(rows);
}

/* What the current criterion accepts, and the keys that give it. */
static void draw_accepts(struct ui *u, int y, int x, int w, const struct criterion *c)
{
	char line[1024];
	char *acc = criterion_accepts(c);
	if (c->type == CRIT_CHOICE) {
		/* Digits pick the options: say which. */
		/* TRANSLATORS: %s is a criterion's id; the digit keys follow. */
		size_t o = (size_t)snprintf(line, sizeof line, _("%s · keys:"), c->id);
		for (size_t i = 0; i < c->n_options && i < 9 && o < sizeof line; i++)
			o += (size_t)snprintf(line + o, sizeof line - o, "%s %zu %s", i ? " ·" : "", i + 1,
					      criterion_answer_label(c, c->options[i].id));
	} else if (c->type == CRIT_GATE) {
		char keys[64];
		/* TRANSLATORS: %s are the keys that answer a gate ("o n ?"). */
		snprintf(line, sizeof line, _("%s · answer %s, %s or %s (keys %s)"), c->id, _("yes"),
			 _("no"), _("check"), answer_gate_keys(&u->km, keys, sizeof keys));
	} else {
		/* TRANSLATORS: a criterion's id, what it accepts ("0..4"), then
		 * " (digit keys)" or " (Enter to write)". */
		snprintf(line, sizeof line, _("%s · accepts: %s%s"), c->id, acc,
			 c->type == CRIT_SCALE ? _(" (digit keys)") : _(" (Enter to write)"));
	}
	free(acc);
	ui_put(y, x, w, line, ui_attr(u, UC_LABEL));
}

/* Below the form: the current criterion, its help and comment, or the
 * comment being written. */
static void draw_current(struct ui *u, int y, int x, int h, int w)
{
	struct scoring_state *sc = &u->sc;
	ui_hline(y, x, w, ui_attr(u, UC_DIM));
	const struct criterion *c = cur_crit(u);
	if (!c)
		return;
	draw_accepts(u, y + 1, x + 1, w - 1, c);
	if (sc->editing) {
		ui_put(y + 2, x + 1, w - 1, c->type == CRIT_TEXT ? _("Text (Esc when done, saved as you type):")
				  : _("Comment (Esc when done, saved as you type):"), ui_attr(u, UC_HEADER));
		editor_draw(&sc->ed, y + 3, x + 1, h - 3, w - 2);
		return;
	}
	const struct answer *a = review_answer(sc->rev, c->id);
	struct tlines t = {0};
	const char *help = grid_text(c->help, c->help_en);
	if (help)
		tl_add_wrapped(&t, UC_DIM, help, w - 2, 0);
	/* The form's row cuts a long label: here it is whole. */
	if (text_width(grid_text(c->label, c->label_en)) + 8 + (size_t)answer_box_width(sc->grid) >
	    (size_t)(w - 6))
		tl_add_wrapped(&t, UC_HEADER, grid_text(c->label, c->label_en), w - 2, 0);
	if (c->type == CRIT_CHOICE && a && a->value) {
		/* The box may cut an option's label: here it is whole. */
		char *ans = xasprintf(_("Answer: %s"), criterion_answer_label(c, a->value));
		tl_add_wrapped(&t, UC_NORMAL, ans, w - 2, 0);
		free(ans);
	}
	if (c->type == CRIT_TEXT && a && a->value) {
		tl_add(&t, UC_HEADER, 0, "%s", _("Text:"));
		tl_add_wrapped(&t, UC_NORMAL, a->value, w - 2, 2);
	} else if (a && a->comment && *a->comment) {
		tl_add(&t, UC_HEADER, 0, "%s", _("Comment:"));
		tl_add_wrapped(&t, UC_NORMAL, a->comment, w - 2, 2);
	} else {
		tl_add(&t, UC_DIM, 0, "%s", c->type == CRIT_TEXT
		       ? _("Enter: write the text · S: submit · r: other reviews")
		       : _("Enter: write a comment · S: submit · r: other reviews"));
	}
	tl_draw(u, &t, 0, y + 2, x + 1, h - 2, w - 2);
	tl_clear(&t);
}

static void scoring_draw(struct ui *u, int y, int x, int h, int w)
{
	struct scoring_state *sc = &u->sc;
	if (!sc->grid || !sc->rev) {
		ui_put(y + 1, x + 1, w - 2, _("No review open."), 0);
		return;
	}
	draw_head(u, y, x, w);
	int detail_h = h / 3;
	if (detail_h < 6)
		detail_h = 6;
	int list_h = h - 2 - detail_h - 1;
	draw_criteria(u, y + 2, x, list_h, w);
	draw_current(u, y + 2 + list_h, x, detail_h, w);
}

/* ---- keys ---- */

/* The comment editor has the keyboard: its done key saves, the others edit. */
static int scoring_grab(struct ui *u, int code)
{
	struct scoring_state *sc = &u->sc;
	if (!sc->editing)
		return H_UNHANDLED;
	sc->busy_hold = 0;
	if (keymap_lookup(&u->km, KP_EDITOR, code) != KA_EDITOR_DONE) {
		editor_key(&sc->ed, code);
		return H_REDRAW;
	}
	struct perr e = {0};
	if (save_text(u, &e) < 0 && e.status == P_BUSY) {
		/* Nothing changed: the text stays in the editor to save again. */
		ui_message(u, UC_ERROR, "%s", _("Not saved (another session's write); your text is kept: Esc saves again."));
		return H_REDRAW;
	}
	if (e.status != P_OK) {
		/* Refused (the dossier moved on, or someone changed the review):
		 * show the text so it can be copied, never lose it silently. */
		char *text = text_clean(sc->ed.buf, TEXT_KEEP_NEWLINES);
		perr_append(&e, _("\n\nYour text was NOT saved; copy it from here:\n\n%s"), text);
		free(text);
		sc->editing = 0;
		refused(u, &e);
		return H_REDRAW;
	}
	sc->editing = 0;
	scoring_reload(u);
	ui_message(u, UC_OK, "%s", _("Comment saved."));
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
		int ns = rr.n_submitted;
		if (rr.has_total) {
			char mean[48];
			tl_add(&t, UC_HEADER, 1, P_("Mean total %s over %d submitted review%s",
						    "Mean total %s over %d submitted reviews%s", ns),
			       fmt_decimal(FMT_READER, rr.mean_total, 2, mean, sizeof mean), ns,
			       rr.divergent ? _(" · DIVERGENT") : "");
		}
		else
			tl_add(&t, UC_HEADER, 1, P_("%d submitted review%s", "%d submitted reviews%s", ns),
			       ns, rr.divergent ? _(" · DIVERGENT") : "");
	}
	for (size_t i = 0; i < n; i++) {
		tl_add(&t, UC_NORMAL, 0, "%s", "");
		dossier_text_review(u, &t, list[i], w);
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

/* The confirmation text, naming the gates still answered "to check": a
 * review submitted so must not surprise its author. Fresh. */
static char *with_gates_to_check(const struct scoring_state *sc, const char *text)
{
	char *list = NULL;
	size_t n = 0;
	for (size_t i = 0; i < sc->grid->n_crit; i++) {
		const struct criterion *c = &sc->grid->crit[i];
		const struct answer *a = review_answer(sc->rev, c->id);
		if (c->type != CRIT_GATE || !a || !a->value || strcmp(a->value, "check") != 0)
			continue;
		xappendf(&list, "%s%s (%s)", n++ ? ", " : "", c->id, grid_text(c->label, c->label_en));
	}
	if (!n)
		return xstrdup(text);
	char *full = xasprintf(P_("%s\n\nStill to check (%zu gate): %s.",
				 "%s\n\nStill to check (%zu gates): %s.", n),
			       text, n, list);
	free(list);
	return full;
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
	char text[512], num[48];
	fmt_decimal(FMT_READER, score.total, 2, num, sizeof num);
	if (sc->grid->points_sum > 0)
		snprintf(text, sizeof text, _("Submit your review of %s with a total of %s%s%s? "
					      "Others will see it."), sc->ds_number, num,
			 score.band ? " · " : "", score.band ? band_text(score.band) : "");
	else
		snprintf(text, sizeof text, _("Submit your review of %s? Others will see it."),
			 sc->ds_number);
	char *full = with_gates_to_check(sc, text);
	int yes = ui_confirm(u, _("Submit"), full);
	free(full);
	if (!yes)
		return;
	struct perr e = {0};
	long long rev = sc->revision;
	char **miss = NULL;
	int made = create_with(u, NULL, 0, 1, &e);
	if (made < 0 || (!made && review_submit(u->app->store, &u->app->actor, sc->rev->id, NULL,
						&rev, &miss, &e))) {
		review_strv_free(&miss);
		refused(u, &e);
		return;
	}
	review_strv_free(&miss);
	if (!made)
		sc->revision = rev;
	scoring_reload(u);
	ui_message(u, UC_OK, _("Review of %s submitted."), sc->ds_number);
}

/* The cursor keys over the criteria; 0 when a is none of them. */
static int move_criterion(struct scoring_state *sc, enum key_action a)
{
	size_t n = sc->grid->n_crit;
	switch (a) {
	case KA_UP:
		if (sc->cur > 0)
			sc->cur--;
		break;
	case KA_DOWN:
		if (sc->cur + 1 < n)
			sc->cur++;
		break;
	case KA_PAGE_UP: sc->cur = sc->cur > 10 ? sc->cur - 10 : 0; break;
	case KA_PAGE_DOWN: sc->cur = sc->cur + 10 < n ? sc->cur + 10 : n - 1; break;
	case KA_FIRST: sc->cur = 0; break;
	case KA_LAST: sc->cur = n - 1; break;
	default:
		return 0;
	}
	return 1;
}

static int is_value_key(enum key_action a)
{
	return (a >= KA_VALUE_0 && a <= KA_VALUE_9) || a == KA_GATE_YES || a == KA_GATE_NO ||
	       a == KA_GATE_CHECK;
}

/* The value a key gives the criterion c ("" clears) into *value (digit
 * holds a digit's text); 0 when a gives none, -1 refused with a message. */
static int value_of(struct ui *u, const struct criterion *c, enum key_action a, char digit[4],
		    const char **value)
{
	static const struct {
		enum key_action action;
		const char *value;
	} fixed[] = {
		{KA_GATE_YES, "yes"}, {KA_GATE_NO, "no"}, {KA_GATE_CHECK, "check"},
		{KA_VALUE_CLEAR, ""},
	};
	if (c->type == CRIT_TEXT && is_value_key(a)) {
		ui_message(u, UC_ERROR, _("%s is free text: press Enter to write it."), c->id);
		return -1;
	}
	for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
		if (fixed[i].action == a) {
			*value = fixed[i].value;
			return 1;
		}
	if (a < KA_VALUE_0 || a > KA_VALUE_9)
		return 0;
	int dgt = (int)(a - KA_VALUE_0);
	if (c->type != CRIT_CHOICE) {
		snprintf(digit, 4, "%d", dgt);
		*value = digit;
		return 1;
	}
	if (dgt < 1 || (size_t)dgt > c->n_options) {
		ui_message(u, UC_ERROR, _("%s: choose 1 to %zu"), c->id, c->n_options);
		return -1;
	}
	*value = c->options[dgt - 1].id;
	return 1;
}

/* A value key on the current criterion: checked here so a wrong key says
 * what is accepted, then saved. */
static int answer_key(struct ui *u, const struct criterion *c, enum key_action a)
{
	const char *value = NULL;
	char digit[4];
	int r = value_of(u, c, a, digit, &value);
	if (r <= 0)
		return r < 0 ? H_REDRAW : H_UNHANDLED;
	if (u->sc.rev->submitted) {
		ui_message(u, UC_ERROR, "%s", _("This review is submitted: it cannot change."));
		return H_REDRAW;
	}
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

/* Enter: write the comment (the text of a free-text criterion). */
static void start_comment(struct ui *u, const struct criterion *c)
{
	struct scoring_state *sc = &u->sc;
	if (sc->rev->submitted) {
		ui_message(u, UC_ERROR, "%s", _("This review is submitted: it cannot change."));
		return;
	}
	const struct answer *ans = review_answer(sc->rev, c->id);
	editor_set(&sc->ed, c->type == CRIT_TEXT ? (ans ? ans->value : NULL)
						 : (ans ? ans->comment : NULL));
	sc->editing = 1;
}

static int scoring_key(struct ui *u, enum key_action a, int code)
{
	(void)code;
	struct scoring_state *sc = &u->sc;
	if (!sc->grid)
		return H_UNHANDLED;
	if (move_criterion(sc, a))
		return H_REDRAW;
	if (a == KA_OTHERS) {
		show_others(u);
		return H_REDRAW;
	}
	if (a == KA_SUBMIT) {
		if (sc->rev->submitted)
			ui_message(u, UC_ERROR, "%s", _("This review is already submitted: u reopens it "
							"as a draft."));
		else
			submit(u);
		return H_REDRAW;
	}
	const struct criterion *c = cur_crit(u);
	if (!c)
		return H_UNHANDLED;
	if (a == KA_COMMENT) {
		start_comment(u, c);
		return H_REDRAW;
	}
	return answer_key(u, c, a);
}

static void scoring_panel_reload(struct ui *u)
{
	if (!u->sc.editing)
		scoring_reload(u);
}

static void scoring_hints(struct ui *u, char *buf, size_t len)
{
	static const struct panel_hint hints[] = {
		{KA_COMMENT, N_("comment")}, {KA_SUBMIT, N_("submit")},
		{KA_OTHERS, N_("others")}, {KA_BACK, N_("back")},
	};
	if (u->sc.editing) {
		snprintf(buf, len, "%s", _("Type the comment; arrows move; Esc when done (saved as you type)"));
		return;
	}
	if (u->sc.rev && u->sc.rev->submitted) {
		static const struct panel_hint done[] = {
			{KA_REOPEN, N_("reopen")}, {KA_OTHERS, N_("others")}, {KA_MATRIX, N_("compare")},
			{KA_NEXT_PANEL, N_("dossier")}, {KA_BACK, N_("back")},
		};
		panel_hints(u, buf, len, done, sizeof done / sizeof done[0]);
		return;
	}
	char keys[64];
	/* TRANSLATORS: %s are the keys that answer a gate ("o n ?"). */
	snprintf(buf, len, _("0-9 %s: answer"), answer_gate_keys(&u->km, keys, sizeof keys));
	panel_hints(u, buf, len, hints, sizeof hints / sizeof hints[0]);
}

static long long scoring_dossier(struct ui *u)
{
	return u->sc.dossier_id;
}

/* Tab: to the dossier's text (beside the form from UI_WIDE_COLS), both
 * keeping their places; Tab there comes back. */
static void scoring_next(struct ui *u)
{
	if (u->dt.id != u->sc.dossier_id)
		dossier_panel_show(u, u->sc.dossier_id);
	u->focus = F_DOSSIER;
}

/* Back to the dossier: the review is closed, what it changed shown. */
static void scoring_back(struct ui *u, int code)
{
	(void)code;
	/* The dossier just scored, never the one opened before it. */
	long long id = u->sc.dossier_id;
	scoring_close(u);
	if (id)
		dossier_panel_show(u, id);
	u->focus = F_DOSSIER;
	panel_reload_all(u);
}

const struct panel_ops scoring_panel = {
	.keys = KP_SCORING, .left = F_DOSSIER, .right = F_SCORING,
	.draw = scoring_draw, .key = scoring_key, .grab = scoring_grab,
	.reload = scoring_panel_reload, .done = scoring_close, .hints = scoring_hints,
	.dossier = scoring_dossier, .next = scoring_next, .back = scoring_back,
};
