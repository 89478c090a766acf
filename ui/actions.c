/* actions.c - what the interface does to dossiers: score, move, assign,
 * declare a conflict, request compléments, history, export; on the tagged
 * dossiers when some are tagged in the queue (each still passes its own
 * checks). One table says what each action needs before it runs. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "base/fmt.h"
#include "base/i18n.h"
#include "cli/cmd_export.h"
#include "fiche_action.h"
#include "io/export.h"
#include "pager.h"
#include "panel.h"
#include "procedure/actor.h"
#include "procedure/assignment.h"
#include "procedure/history_text.h"
#include "procedure/permission.h"
#include "procedure/procedure.h"
#include "picker.h"
#include "prompt.h"
#include "review_actions.h"
#include "scoring_panel.h"
#include "screen.h"
#include "tlines.h"
#include "workflow/move.h"

/* The dossiers an action is given. */
struct targets {
	long long *ids;
	size_t n;
	int batch;		/* the tagged ones */
};

/* What an action needs before it runs. */
enum need {
	NEED_NOTHING,		/* works on the queue as it is */
	NEED_CURRENT,		/* the dossier under the cursor or open; tags ignored */
	NEED_ONE,		/* that dossier; refused while some are tagged */
	NEED_TAGGED,		/* the tagged dossiers, else that dossier */
};

/* A line of results: the dossier's number, what happened to it. */
static void result_line(struct tlines *t, const char *ds, int ok, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void result_line(struct tlines *t, const char *ds, int ok, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *what = tl_vformat(fmt, ap);
	va_end(ap);
	char *line = xasprintf("%s  %s", ds, what);
	tl_add_wrapped(t, ok ? UC_OK : UC_ERROR, line, t->width ? t->width : 78, 0);
	free(line);
	free(what);
}

/* Results are wrapped for the pager's width. */
static struct tlines results(struct ui *u)
{
	struct tlines res = {0};
	res.width = u->cols - 2;
	return res;
}

/* The platform number of a dossier for messages. */
static char *number_of(struct ui *u, long long id)
{
	struct dossier *d = NULL;
	struct perr e = {0};
	if (dossier_load(u->app->store, id, &d, &e))
		return xasprintf("#%lld", id);
	char *s = xstrdup(d->f[DF_DS_NUMBER] ? d->f[DF_DS_NUMBER] : "");
	dossier_free(&d);
	return s;
}

/* ---- move ---- */

#define MOVE_MAX 16	/* target states offered at most */

/* A move being made: the dossiers, the states open to them, the answers. */
struct move {
	const struct targets *t;
	struct dossier **ds;
	const char *tos[MOVE_MAX];
	char *labels[MOVE_MAX];
	int nt;
	const char *to;
	char *reason, *vref, *vdate;
	struct tlines res;
	int ok;
};

/* Who changed a dossier last, for a refusal because it changed meanwhile. */
static int last_entry(const struct history_entry *h, void *arg)
{
	char *buf = arg, when[32];
	fmt_datetime(FMT_READER, h->at, when, sizeof when);
	snprintf(buf, 256, _("last change: %.16s by %s (%s%s%s)"), when, h->actor, history_kind_label(h->kind),
		 h->to_state ? " → " : "", h->to_state ? state_label(h->to_state) : "");
	return 0;
}

static void add_last_change(struct ui *u, long long id, struct perr *e)
{
	char buf[256] = "";
	struct perr e2 = {0};
	history_list(u->app->store, id, last_entry, buf, &e2);
	if (buf[0])
		perr_append(e, " (%s)", buf);
}

/* A motivation typed for a move refused because someone changed the dossier
 * first: kept, and offered again at the next move of that dossier. */
static struct {
	long long id;
	char *text;
} kept;

static void keep_motivation(long long id, const char *text)
{
	free(kept.text);
	kept.id = text && *text ? id : 0;
	kept.text = text && *text ? xstrdup(text) : NULL;
}

/* The motivation to offer for dossier id: the one kept for it, else "". */
static const char *kept_motivation(long long id)
{
	return kept.text && kept.id == id ? kept.text : "";
}

/* Load the dossiers and gather the target states open to me from any of
 * their states; -1 when one cannot be read (reported). */
static int move_choices(struct ui *u, struct move *m)
{
	const struct targets *t = m->t;
	for (size_t i = 0; i < t->n; i++) {
		struct perr e = {0};
		if (dossier_load(u->app->store, t->ids[i], &m->ds[i], &e)) {
			ui_report(u, &e);
			return -1;
		}
		const struct transition_def *al[MOVE_MAX];
		size_t na = procedure_allowed(m->ds[i]->state, u->app->actor.roles, al, MOVE_MAX);
		for (size_t k = 0; k < na; k++) {
			int seen = 0;
			for (int j = 0; j < m->nt; j++)
				if (strcmp(m->tos[j], al[k]->to) == 0)
					seen = 1;
			if (seen || m->nt >= MOVE_MAX)
				continue;
			m->tos[m->nt] = al[k]->to;
			m->labels[m->nt++] = t->batch
				? xasprintf("→ %s", state_label(al[k]->to))
				/* TRANSLATORS: a move's target state, then what the move means. */
				: xasprintf(_("→ %s: %s"), state_label(al[k]->to), _(al[k]->label_en));
		}
	}
	return 0;
}

/* The target state, then the motivation and the national validation when
 * the move needs them; -1 when there is none or it was cancelled. */
static int move_ask(struct ui *u, struct move *m)
{
	size_t n = m->t->n;
	if (m->nt == 0) {
		char roles[128];
		roles_format(u->app->actor.roles, roles, sizeof roles);
		ui_message(u, UC_ERROR, _("No move from '%s' is open to you (%s)."),
			   state_label(m->ds[0]->state), roles);
		return -1;
	}
	char title[256];
	if (m->t->batch)
		snprintf(title, sizeof title, P_("Move %zu tagged dossier to", "Move %zu tagged dossiers to", n), n);
	else
		snprintf(title, sizeof title, _("Move %s to"), m->ds[0]->f[DF_DS_NUMBER]);
	int c = ui_menu(u, title, (const char *const *)m->labels, m->nt);
	if (c < 0)
		return -1;
	m->to = m->tos[c];
	int need_motivation = 0;
	unsigned inputs = 0;
	for (size_t i = 0; i < n; i++) {
		const struct transition_def *t = procedure_find(m->ds[i]->state, m->to);
		if (t && t->motivation_required)
			need_motivation = 1;
		if (t)
			inputs |= t->inputs;
	}
	const char *offer = m->t->batch ? "" : kept_motivation(m->ds[0]->id);
	if (need_motivation &&
	    (ui_prompt(u, _("Motivation (required): "), offer, &m->reason) || !*m->reason)) {
		ui_message(u, UC_ERROR, "%s", _("Move cancelled: this move needs a motivation."));
		return -1;
	}
	if ((inputs & MOVE_IN_VALIDATION) &&
	    (ui_prompt(u, _("National validation reference: "), "", &m->vref) ||
	     ui_prompt(u, _("National validation date (YYYY-MM-DD): "), "", &m->vdate)))
		return -1;
	return 0;
}

/* A failing guard: a coordinateur may decide against it, motivated. 1 when
 * moved so, -1 when the override was cancelled (said), 0 otherwise. */
static int move_override(struct ui *u, struct move *m, size_t i, struct move_request *req,
			 struct perr *e)
{
	const struct dossier *d = m->ds[i];
	const struct transition_def *t = procedure_find(d->state, m->to);
	if (m->t->batch || e->status != P_REFUSED || !t || !t->guard ||
	    !permission_override(&u->app->actor))
		return 0;
	char *q = xasprintf(_("%s\n\nDecide against this check (override)? It is "
			      "recorded in the history with your motivation."), e->msg);
	int yes = ui_confirm(u, _("Refused"), q);
	free(q);
	if (!yes)
		return 0;
	if (!m->reason || !*m->reason) {
		free(m->reason);
		m->reason = NULL;
		if (ui_prompt(u, _("Motivation of the override: "), "", &m->reason) || !*m->reason) {
			result_line(&m->res, d->f[DF_DS_NUMBER], 0, "%s",
				    _("cancelled: an override needs a motivation"));
			return -1;
		}
	}
	req->reason = m->reason;
	req->override = 1;
	perr_clear(e);
	if (move_apply(u->app->store, &u->app->actor, d->id, m->to, req, e))
		return 0;
	result_line(&m->res, d->f[DF_DS_NUMBER], 1, _("moved to %s (override)"), state_label(m->to));
	return 1;
}

/* Move dossier i, its result in m->res. */
static void move_one(struct ui *u, struct move *m, size_t i)
{
	const struct dossier *d = m->ds[i];
	const char *num = d->f[DF_DS_NUMBER];
	struct move_request req = {0};
	req.reason = m->reason && *m->reason ? m->reason : NULL;
	req.validation_ref = m->vref && *m->vref ? m->vref : NULL;
	req.validation_date = m->vdate && *m->vdate ? m->vdate : NULL;
	req.expect_revision = d->revision;
	if (!procedure_find(d->state, m->to)) {
		result_line(&m->res, num, 0, _("refused: no move from '%s' to '%s'"),
			    state_label(d->state), state_label(m->to));
		return;
	}
	struct perr e = {0};
	if (move_apply(u->app->store, &u->app->actor, d->id, m->to, &req, &e) == 0) {
		result_line(&m->res, num, 1, _("moved to %s"), state_label(m->to));
		if (kept.id == d->id)
			keep_motivation(0, NULL);
		m->ok++;
		return;
	}
	int o = move_override(u, m, i, &req, &e);
	if (o > 0)
		m->ok++;
	if (o)
		return;
	if (e.status == P_CONFLICT)
		add_last_change(u, d->id, &e);
	if (e.status == P_CONFLICT && m->reason && *m->reason) {
		/* Nothing typed is lost: the next move of it offers it again. */
		keep_motivation(d->id, m->reason);
		perr_append(&e, "%s", _(" Your motivation is kept: press m to move it again."));
	}
	result_line(&m->res, num, 0, _("refused: %s"), e.msg);
}

/* One dossier: its result on the message line (the refusals in the pager
 * when there are several); tagged ones: a count and the pager. */
static void move_report(struct ui *u, struct move *m)
{
	if (m->t->batch) {
		ui_message(u, UC_NORMAL, _("%d of %zu dossiers moved."), m->ok, m->t->n);
		ui_pager(u, _("Move: results"), &m->res);
	} else if (m->ok) {
		ui_message(u, UC_OK, "%s", m->res.v[0].text);
	} else if (m->res.n == 1) {
		ui_message(u, UC_ERROR, "%s", m->res.v[0].text);
	} else {
		u->msg[0] = '\0';
		ui_pager(u, _("Move refused"), &m->res);
	}
}

static void do_move(struct ui *u, const struct targets *t)
{
	struct move m = {.t = t, .res = results(u)};
	m.ds = xcalloc(t->n, sizeof *m.ds);
	if (move_choices(u, &m) == 0 && move_ask(u, &m) == 0) {
		for (size_t i = 0; i < t->n; i++)
			move_one(u, &m, i);
		panel_reload_all(u);
		move_report(u, &m);
	}
	tl_clear(&m.res);
	free(m.reason);
	free(m.vref);
	free(m.vdate);
	for (int j = 0; j < m.nt; j++)
		free(m.labels[j]);
	for (size_t i = 0; i < t->n; i++)
		dossier_free(&m.ds[i]);
	free(m.ds);
}

/* ---- the other actions ---- */

/* After an action on dossiers: fresh data, then the results in the pager
 * unless one dossier went through (1: the caller says so on the message
 * line). */
static int show_results(struct ui *u, const struct targets *t, struct tlines *res, int bad,
			const char *title)
{
	panel_reload_all(u);
	int one = !t->batch && !bad;
	if (!one)
		ui_pager(u, title, res);
	return one;
}

/* Each login of line on dossier id ("-login" removes); the refusals. */
static int assign_logins(struct ui *u, struct tlines *res, long long id, const char *line)
{
	int bad = 0;
	char *num = number_of(u, id);
	char *copy = xstrdup(line), *save = NULL;
	for (char *w = strtok_r(copy, " ,", &save); w; w = strtok_r(NULL, " ,", &save)) {
		int on = *w != '-';
		const char *login = on ? w : w + 1;
		struct perr e = {0};
		if (assignment_set(u->app->store, &u->app->actor, id, login, on, &e)) {
			result_line(res, num, 0, _("refused: %s"), e.msg);
			bad++;
		} else if (on) {
			result_line(res, num, 1, _("assigned to %s"), login);
		} else {
			result_line(res, num, 1, _("%s unassigned"), login);
		}
	}
	free(copy);
	free(num);
	return bad;
}

static void do_assign(struct ui *u, const struct targets *t)
{
	char *line = NULL, title[128];
	char *first = number_of(u, t->ids[0]);
	if (t->batch)
		snprintf(title, sizeof title, P_("Assign reviewers to %zu tagged dossier",
						 "Assign reviewers to %zu tagged dossiers", t->n), t->n);
	else
		snprintf(title, sizeof title, _("Assign reviewers to %s"), first);
	free(first);
	if (ui_pick_reviewers(u, t->ids[0], title, &line) || !*line) {
		free(line);
		return;
	}
	struct tlines res = results(u);
	int bad = 0;
	for (size_t i = 0; i < t->n; i++)
		bad += assign_logins(u, &res, t->ids[i], line);
	if (show_results(u, t, &res, bad, _("Assign: results"))) {
		char *num = number_of(u, t->ids[0]);
		ui_message(u, UC_OK, _("%s: assignments saved (%s)"), num, line);
		free(num);
	}
	tl_clear(&res);
	free(line);
}

static void do_conflict(struct ui *u, const struct targets *t)
{
	char *reason = NULL;
	if (ui_prompt(u, _("Conflict of interest, reason: "), "", &reason) || !*reason) {
		free(reason);
		return;
	}
	struct perr e = {0};
	if (conflict_declare(u->app->store, &u->app->actor, t->ids[0], NULL, reason, NULL, &e))
		ui_report(u, &e);
	else
		ui_message(u, UC_OK, "%s", _("Conflict of interest recorded; your review of it counts nowhere."));
	panel_reload_all(u);
	free(reason);
}

/* The deadline, checked as soon as it is typed (before the note is asked)
 * and offered again to correct; "" clears the flag. -1 cancelled. */
static int ask_due(struct ui *u, char **due)
{
	struct perr e = {0};
	char *typed = NULL;
	for (;;) {
		int rc = ui_prompt_again(u, e.msg[0] ? e.msg : NULL,
					 _("Compléments due (YYYY-MM-DD; empty clears the flag): "),
					 typed ? typed : "", due);
		free(typed);
		if (rc)
			return -1;
		perr_clear(&e);
		if (!**due || complements_check_due(*due, &e) == 0)
			return 0;
		typed = *due;
		*due = NULL;
	}
}

static void do_complements(struct ui *u, const struct targets *t)
{
	char *due = NULL, *note = NULL;
	if (ask_due(u, &due))
		return;
	if (*due && ui_prompt(u, _("What is missing: "), "", &note)) {
		free(due);
		return;
	}
	struct tlines res = results(u);
	int bad = 0;
	for (size_t i = 0; i < t->n; i++) {
		struct perr e = {0};
		char *num = number_of(u, t->ids[i]);
		if (complements_set(u->app->store, &u->app->actor, t->ids[i], *due ? due : NULL,
				    note && *note ? note : NULL, &e)) {
			result_line(&res, num, 0, _("refused: %s"), e.msg);
			bad++;
		} else {
			result_line(&res, num, 1, "%s",
				    *due ? _("compléments demandés") : _("compléments flag cleared"));
		}
		free(num);
	}
	if (show_results(u, t, &res, bad, _("Compléments: results")))
		ui_message(u, UC_OK, "%s", res.v[0].text);
	tl_clear(&res);
	free(due);
	free(note);
}

static int hist_line(const struct history_entry *h, void *arg)
{
	struct tlines *t = arg;
	char when[32];
	fmt_datetime(FMT_READER, h->at, when, sizeof when);
	char *detail = history_detail_text(h);
	if (h->to_state)
		tl_add(t, UC_NORMAL, 1, "%s  %s  %s → %s%s", when, h->actor,
		       h->from_state ? state_label(h->from_state) : "", state_label(h->to_state),
		       h->override ? _(" (override)") : "");
	else
		tl_add(t, UC_NORMAL, 0, "%s  %s  %s  %s", when, h->actor, history_kind_label(h->kind),
		       detail ? detail : "");
	free(detail);
	if (strcmp(h->actor, h->real_actor) != 0)
		tl_add(t, UC_DIM, 0, _("    recorded by %s"), h->real_actor);
	if (h->motivation && *h->motivation)
		tl_add(t, UC_DIM, 0, "    « %s »", h->motivation);
	return 0;
}

static void do_history(struct ui *u, const struct targets *t)
{
	long long id = t->ids[0];
	struct tlines lines = {0};
	struct perr e = {0};
	if (history_list(u->app->store, id, hist_line, &lines, &e)) {
		ui_report(u, &e);
	} else {
		char *num = number_of(u, id);
		char title[128];
		snprintf(title, sizeof title, _("History of %s"), num);
		free(num);
		ui_pager(u, title, &lines);
	}
	tl_clear(&lines);
}

static void do_score(struct ui *u, const struct targets *t)
{
	if (scoring_open(u, t->ids[0]) == 0)
		u->focus = F_SCORING;
}

/* Write the dossiers ids to path as CSV, by the one rule of file exports
 * (cmd_export.h: 0600, an existing file replaced only when confirmed); what
 * happened on the message line. */
static void export_to(struct ui *u, const char *path, const long long *ids, size_t n)
{
	struct perr e = {0};
	if (n == 0) {
		ui_message(u, UC_ERROR, "%s", _("Nothing to export: the queue is empty."));
		return;
	}
	int rc = export_write_file(u->app, path, 0, EXPORT_CSV, 0, ids, n, &e);
	if (rc < 0 && e.status == P_REFUSED) {
		char *q = xasprintf(_("%s exists already. Replace it?"), path);
		int yes = ui_confirm(u, _("Export"), q);
		free(q);
		if (!yes) {
			ui_message(u, UC_NORMAL, _("Nothing written: %s kept as it was."), path);
			return;
		}
		perr_clear(&e);
		rc = export_write_file(u->app, path, 1, EXPORT_CSV, 0, ids, n, &e);
	}
	if (rc < 0)
		ui_report(u, &e);
	else
		ui_message(u, UC_OK, P_("%zu dossier written to %s", "%zu dossiers written to %s", n),
			   n, path);
}

/* What the queue shows, or the tagged dossiers in the queue's order. */
static void do_export(struct ui *u, const struct targets *t)
{
	(void)t;
	char *path = NULL;
	if (ui_prompt(u, _("Export to CSV file: "), "ptce-export.csv", &path) || !*path) {
		free(path);
		return;
	}
	struct queue_spec s = u->q.spec;
	if (u->q.n_tags) {
		s.only_ids = u->q.tags;
		s.n_only = u->q.n_tags;
		s.search = NULL;
	}
	long long *ids = NULL;
	size_t n = 0;
	struct perr e = {0};
	if (queue_ids(u->app->store, &s, &ids, &n, &e))
		ui_report(u, &e);
	else
		export_to(u, path, ids, n);
	free(ids);
	free(path);
}

static void do_print_fiche(struct ui *u, const struct targets *t)
{
	fiche_action_save(u, t->ids[0]);
}

/* ---- the table ---- */

static const struct action_def {
	enum key_action action;
	void (*run)(struct ui *u, const struct targets *t);
	enum need need;
	/* The role it needs, as the core checks it (procedure/permission.h):
	 * refused at once, before anything is asked. NULL: any role (a move
	 * offers only the transitions the person's roles may take). */
	int (*may)(const struct actor *a, struct perr *e);
	const char *none;	/* N_(): said when there is no dossier (NULL: nothing) */
	const char *tagged;	/* N_(): said when NEED_ONE finds tagged dossiers */
} action_defs[] = {
	{KA_SCORE, do_score, NEED_CURRENT, permission_score, NULL, NULL},
	{KA_MOVE, do_move, NEED_TAGGED, NULL, N_("No dossier to move."), NULL},
	{KA_ASSIGN, do_assign, NEED_TAGGED, permission_assign, NULL, NULL},
	{KA_CONFLICT, do_conflict, NEED_ONE, NULL, NULL,
	 N_("Declare conflicts one dossier at a time (untag with T).")},
	{KA_COMPLEMENTS, do_complements, NEED_TAGGED, permission_complements, NULL, NULL},
	{KA_HISTORY, do_history, NEED_CURRENT, NULL, NULL, NULL},
	{KA_PRINT_FICHE, do_print_fiche, NEED_CURRENT, NULL, NULL, NULL},
	{KA_EXPORT, do_export, NEED_NOTHING, NULL, NULL, NULL},
};

/* The dossiers def needs, into t; 0 (said when the table says so) when
 * they are not there. */
static int targets_of(struct ui *u, const struct action_def *def, struct targets *t)
{
	int tagged = panel_focused(u)->tags && u->q.n_tags;
	if (tagged && def->need == NEED_ONE) {
		ui_message(u, UC_ERROR, "%s", _(def->tagged));
		return 0;
	}
	if (tagged && def->need == NEED_TAGGED) {
		t->n = u->q.n_tags;
		t->ids = xmalloc(t->n * sizeof *t->ids);
		memcpy(t->ids, u->q.tags, t->n * sizeof *t->ids);
		t->batch = 1;
		return 1;
	}
	long long id = panel_dossier(u);
	if (!id) {
		if (def->none)
			ui_message(u, UC_ERROR, "%s", _(def->none));
		return 0;
	}
	t->ids = xmalloc(sizeof *t->ids);
	t->ids[0] = id;
	t->n = 1;
	return 1;
}

int action_run(struct ui *u, enum key_action a)
{
	for (size_t i = 0; i < sizeof action_defs / sizeof action_defs[0]; i++) {
		const struct action_def *def = &action_defs[i];
		if (def->action != a)
			continue;
		struct perr e = {0};
		if (def->may && def->may(&u->app->actor, &e) < 0) {
			ui_report(u, &e);
			return H_REDRAW;
		}
		struct targets t = {0};
		if (def->need == NEED_NOTHING || targets_of(u, def, &t))
			def->run(u, &t);
		free(t.ids);
		return H_REDRAW;
	}
	return review_action_run(u, a);
}
