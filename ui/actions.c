/* actions.c - what the interface does to dossiers: move, assign, declare a
 * conflict, request compléments, history, export; on the tagged dossiers
 * when some are tagged in the queue (each still passes its own checks). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "io/export.h"
#include "procedure/actor.h"
#include "procedure/assignment.h"
#include "procedure/procedure.h"
#include "ui.h"
#include "workflow/move.h"

void ui_report(struct ui *u, const struct perr *e)
{
	if (strchr(e->msg, '\n') || text_width(e->msg) > (size_t)u->cols) {
		ui_pager_text(u, e->status == P_CONFLICT ? _("Changed meanwhile") : _("Refused"), e->msg);
		u->msg[0] = '\0';
	} else {
		ui_message(u, UC_ERROR, "%s", e->msg);
	}
	if (e->status == P_CONFLICT) {
		/* Someone else was first: show the fresh data. */
		queue_panel_reload(u);
		u->dt.stale = 1;
	}
}

/* The dossiers an action applies to: the tagged ones from the queue, else
 * the one under the cursor or open. *batch says which. */
static size_t targets(struct ui *u, long long **ids, int *batch)
{
	*batch = 0;
	if (u->focus == F_QUEUE && u->q.n_tags) {
		*ids = xmalloc(u->q.n_tags * sizeof **ids);
		memcpy(*ids, u->q.tags, u->q.n_tags * sizeof **ids);
		*batch = 1;
		return u->q.n_tags;
	}
	long long id = u->focus == F_QUEUE ? queue_current(u) : (u->sc.grid && u->focus == F_SCORING
								  ? u->sc.dossier_id : u->dt.id);
	if (!id)
		id = queue_current(u);
	if (!id) {
		*ids = NULL;
		return 0;
	}
	*ids = xmalloc(sizeof **ids);
	(*ids)[0] = id;
	return 1;
}

static void result_line(struct tlines *t, const char *ds, const char *what, int ok)
{
	char *line = xasprintf("%s  %s", ds, what);
	tl_add_wrapped(t, ok ? UC_OK : UC_ERROR, line, t->width ? t->width : 78, 0);
	free(line);
}

/* Who changed a dossier last, for a refusal because it changed meanwhile. */
static int last_entry(const struct history_entry *h, void *arg)
{
	char *buf = arg;
	snprintf(buf, 256, _("last change: %.16s by %s (%s%s%s)"), h->at, h->actor, h->kind,
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

static void after_change(struct ui *u)
{
	queue_panel_reload(u);
	u->dt.stale = 1;
}

static void do_move(struct ui *u)
{
	long long *ids;
	int batch;
	size_t n = targets(u, &ids, &batch);
	if (!n) {
		ui_message(u, UC_ERROR, "%s", _("No dossier to move."));
		return;
	}
	struct perr e = {0};
	struct dossier **ds = xcalloc(n, sizeof *ds);
	/* The target states open to me from any of the dossiers' states. */
	const char *tos[16];
	const char *labels[16];
	char *label_buf[16] = {0};
	int nt = 0, need_motivation = 0;
	for (size_t i = 0; i < n; i++) {
		if (dossier_load(u->app->store, ids[i], &ds[i], &e)) {
			ui_report(u, &e);
			goto out;
		}
		const struct transition_def *al[16];
		size_t na = procedure_allowed(ds[i]->state, u->app->actor.roles, al, 16);
		for (size_t k = 0; k < na; k++) {
			int seen = 0;
			for (int j = 0; j < nt; j++)
				if (strcmp(tos[j], al[k]->to) == 0)
					seen = 1;
			if (!seen && nt < 16) {
				tos[nt] = al[k]->to;
				label_buf[nt] = batch
					? xasprintf("→ %s", state_label(al[k]->to))
					: xasprintf("→ %s: %s", state_label(al[k]->to), _(al[k]->label_en));
				labels[nt] = label_buf[nt];
				nt++;
			}
		}
	}
	if (nt == 0) {
		char roles[128];
		roles_format(u->app->actor.roles, roles, sizeof roles);
		ui_message(u, UC_ERROR, _("No move from '%s' is open to you (%s)."),
			   state_label(ds[0]->state), roles);
		goto out;
	}
	char title[256];
	if (batch)
		snprintf(title, sizeof title, P_("Move %zu tagged dossier to", "Move %zu tagged dossiers to", n), n);
	else
		snprintf(title, sizeof title, _("Move %s to"), ds[0]->f[DF_DS_NUMBER]);
	int c = ui_menu(u, title, labels, nt);
	if (c < 0)
		goto out;
	const char *to = tos[c];
	for (size_t i = 0; i < n; i++) {
		const struct transition_def *t = procedure_find(ds[i]->state, to);
		if (t && t->motivation_required)
			need_motivation = 1;
	}
	char *reason = NULL, *vref = NULL, *vdate = NULL;
	if (need_motivation) {
		if (ui_prompt(u, _("Motivation (required): "), "", &reason) || !*reason) {
			ui_message(u, UC_ERROR, "%s", _("Move cancelled: this move needs a motivation."));
			free(reason);
			goto out;
		}
	}
	if (strcmp(to, "funded") == 0) {
		if (ui_prompt(u, _("National validation reference: "), "", &vref) ||
		    ui_prompt(u, _("National validation date (YYYY-MM-DD): "), "", &vdate)) {
			free(reason);
			free(vref);
			goto out;
		}
	}
	struct tlines res = {0};
	res.width = u->cols - 2;
	int ok_count = 0;
	for (size_t i = 0; i < n; i++) {
		struct move_request req = {0};
		req.reason = reason && *reason ? reason : NULL;
		req.validation_ref = vref && *vref ? vref : NULL;
		req.validation_date = vdate && *vdate ? vdate : NULL;
		req.expect_revision = ds[i]->revision;
		perr_clear(&e);
		const char *num = ds[i]->f[DF_DS_NUMBER];
		if (!procedure_find(ds[i]->state, to)) {
			char *m = xasprintf(_("refused: no move from '%s' to '%s'"),
					    state_label(ds[i]->state), state_label(to));
			result_line(&res, num, m, 0);
			free(m);
			continue;
		}
		if (move_apply(u->app->store, &u->app->actor, ds[i]->id, to, &req, &e) == 0) {
			char *m = xasprintf(_("moved to %s"), state_label(to));
			result_line(&res, num, m, 1);
			free(m);
			ok_count++;
			continue;
		}
		/* A failing guard: a coordinateur may decide against it, motivated. */
		const struct transition_def *t = procedure_find(ds[i]->state, to);
		if (!batch && e.status == P_REFUSED && t && t->guard &&
		    actor_has(&u->app->actor, ROLE_COORDINATEUR)) {
			char *q = xasprintf(_("%s\n\nDecide against this check (override)? It is "
					      "recorded in the history with your motivation."), e.msg);
			int yes = ui_confirm(u, _("Refused"), q);
			free(q);
			if (yes) {
				if (!reason || !*reason) {
					free(reason);
					reason = NULL;
					if (ui_prompt(u, _("Motivation of the override: "), "", &reason) ||
					    !*reason) {
						result_line(&res, num, _("cancelled: an override needs a motivation"), 0);
						continue;
					}
				}
				req.reason = reason;
				req.override = 1;
				perr_clear(&e);
				if (move_apply(u->app->store, &u->app->actor, ds[i]->id, to, &req, &e) == 0) {
					char *m = xasprintf(_("moved to %s (override)"), state_label(to));
					result_line(&res, num, m, 1);
					free(m);
					ok_count++;
					continue;
				}
			}
		}
		if (e.status == P_CONFLICT)
			add_last_change(u, ds[i]->id, &e);
		char *m = xasprintf(_("refused: %s"), e.msg);
		result_line(&res, num, m, 0);
		free(m);
	}
	after_change(u);
	if (!batch && ok_count) {
		ui_message(u, UC_OK, "%s", res.v[0].text);
	} else if (!batch && res.n == 1) {
		ui_message(u, UC_ERROR, "%s", res.v[0].text);
	} else if (!batch) {
		u->msg[0] = '\0';
		ui_pager(u, _("Move refused"), &res);
	} else {
		ui_message(u, UC_NORMAL, _("%d of %zu dossiers moved."), ok_count, n);
		ui_pager(u, _("Move: results"), &res);
	}
	tl_clear(&res);
	free(reason);
	free(vref);
	free(vdate);
out:
	for (int j = 0; j < nt; j++)
		free(label_buf[j]);
	for (size_t i = 0; i < n; i++)
		dossier_free(&ds[i]);
	free(ds);
	free(ids);
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

static void do_assign(struct ui *u)
{
	long long *ids;
	int batch;
	size_t n = targets(u, &ids, &batch);
	if (!n)
		return;
	char *line = NULL;
	if (ui_prompt(u, _("Assign (logins; -login removes): "), "", &line) || !*line) {
		free(line);
		free(ids);
		return;
	}
	struct tlines res = {0};
	res.width = u->cols - 2;
	int ok = 0, bad = 0;
	for (size_t i = 0; i < n; i++) {
		char *num = number_of(u, ids[i]);
		char *copy = xstrdup(line), *save = NULL;
		for (char *w = strtok_r(copy, " ,", &save); w; w = strtok_r(NULL, " ,", &save)) {
			int on = *w != '-';
			const char *login = on ? w : w + 1;
			struct perr e = {0};
			if (assignment_set(u->app->store, &u->app->actor, ids[i], login, on, &e)) {
				char *m = xasprintf(_("refused: %s"), e.msg);
				result_line(&res, num, m, 0);
				free(m);
				bad++;
			} else {
				char *m = on ? xasprintf(_("assigned to %s"), login)
					     : xasprintf(_("%s unassigned"), login);
				result_line(&res, num, m, 1);
				free(m);
				ok++;
			}
		}
		free(copy);
		free(num);
	}
	after_change(u);
	if (!batch && !bad) {
		char *num = number_of(u, ids[0]);
		ui_message(u, UC_OK, _("%s: assignments saved (%s)"), num, line);
		free(num);
	} else {
		ui_pager(u, _("Assign: results"), &res);
	}
	tl_clear(&res);
	free(line);
	free(ids);
}

static void do_conflict(struct ui *u)
{
	long long *ids;
	int batch;
	size_t n = targets(u, &ids, &batch);
	if (!n)
		return;
	if (batch) {
		ui_message(u, UC_ERROR, "%s", _("Declare conflicts one dossier at a time (untag with T)."));
		free(ids);
		return;
	}
	char *reason = NULL;
	if (ui_prompt(u, _("Conflict of interest, reason: "), "", &reason) || !*reason) {
		free(reason);
		free(ids);
		return;
	}
	struct perr e = {0};
	if (conflict_declare(u->app->store, &u->app->actor, ids[0], NULL, reason, NULL, &e))
		ui_report(u, &e);
	else
		ui_message(u, UC_OK, "%s", _("Conflict of interest recorded; your review of it counts nowhere."));
	after_change(u);
	free(reason);
	free(ids);
}

static void do_complements(struct ui *u)
{
	long long *ids;
	int batch;
	size_t n = targets(u, &ids, &batch);
	if (!n)
		return;
	char *due = NULL, *note = NULL;
	if (ui_prompt(u, _("Compléments due (YYYY-MM-DD; empty clears the flag): "), "", &due)) {
		free(ids);
		return;
	}
	if (*due && ui_prompt(u, _("What is missing: "), "", &note)) {
		free(due);
		free(ids);
		return;
	}
	struct tlines res = {0};
	res.width = u->cols - 2;
	int bad = 0;
	for (size_t i = 0; i < n; i++) {
		struct perr e = {0};
		char *num = number_of(u, ids[i]);
		if (complements_set(u->app->store, &u->app->actor, ids[i], *due ? due : NULL,
				    note && *note ? note : NULL, &e)) {
			char *m = xasprintf(_("refused: %s"), e.msg);
			result_line(&res, num, m, 0);
			free(m);
			bad++;
		} else {
			result_line(&res, num, *due ? _("compléments demandés") : _("compléments flag cleared"), 1);
		}
		free(num);
	}
	after_change(u);
	if (!batch && !bad)
		ui_message(u, UC_OK, "%s", res.v[0].text);
	else
		ui_pager(u, _("Compléments: results"), &res);
	tl_clear(&res);
	free(due);
	free(note);
	free(ids);
}

static int hist_line(const struct history_entry *h, void *arg)
{
	struct tlines *t = arg;
	if (h->to_state)
		tl_add(t, UC_NORMAL, 1, "%s  %s  %s → %s%s", h->at, h->actor,
		       h->from_state ? state_label(h->from_state) : "", state_label(h->to_state),
		       h->override ? _(" (override)") : "");
	else
		tl_add(t, UC_NORMAL, 0, "%s  %s  %s  %s", h->at, h->actor, h->kind,
		       h->detail ? h->detail : "");
	if (strcmp(h->actor, h->real_actor) != 0)
		tl_add(t, UC_DIM, 0, _("    recorded by %s"), h->real_actor);
	if (h->motivation && *h->motivation)
		tl_add(t, UC_DIM, 0, "    « %s »", h->motivation);
	return 0;
}

static void do_history(struct ui *u)
{
	long long *ids;
	int batch;
	size_t n = targets(u, &ids, &batch);
	if (!n)
		return;
	long long id = u->focus == F_QUEUE ? queue_current(u) : ids[0];
	struct tlines t = {0};
	struct perr e = {0};
	if (history_list(u->app->store, id, hist_line, &t, &e))
		ui_report(u, &e);
	else {
		char *num = number_of(u, id);
		char title[128];
		snprintf(title, sizeof title, _("History of %s"), num);
		free(num);
		ui_pager(u, title, &t);
	}
	tl_clear(&t);
	free(ids);
}

static void do_export(struct ui *u)
{
	char *path = NULL;
	if (ui_prompt(u, _("Export to CSV file: "), "ptce-export.csv", &path) || !*path) {
		free(path);
		return;
	}
	long long *ids = NULL;
	size_t n = 0;
	struct perr e = {0};
	if (u->q.n_tags) {
		/* Tagged dossiers, in the queue's order. */
		struct queue_spec s = u->q.spec;
		s.only_ids = u->q.tags;
		s.n_only = u->q.n_tags;
		s.search = NULL;
		if (queue_ids(u->app->store, &s, &ids, &n, &e)) {
			ui_report(u, &e);
			free(path);
			return;
		}
	} else if (queue_ids(u->app->store, &u->q.spec, &ids, &n, &e)) {
		ui_report(u, &e);
		free(path);
		return;
	}
	FILE *f = fopen(path, "w");
	if (!f) {
		ui_message(u, UC_ERROR, _("cannot write %s: %s"), path, strerror(errno));
	} else if (n == 0) {
		fclose(f);
		ui_message(u, UC_ERROR, "%s", _("Nothing to export: the queue is empty."));
	} else if (export_rows(u->app->store, f, EXPORT_CSV, 0, ids, n, &e)) {
		fclose(f);
		ui_report(u, &e);
	} else if (fclose(f)) {
		ui_message(u, UC_ERROR, _("cannot write %s: %s"), path, strerror(errno));
	} else {
		ui_message(u, UC_OK, P_("%zu dossier written to %s", "%zu dossiers written to %s", n),
			   n, path);
	}
	free(ids);
	free(path);
}

int action_run(struct ui *u, enum key_action a)
{
	switch (a) {
	case KA_MOVE: do_move(u); break;
	case KA_ASSIGN: do_assign(u); break;
	case KA_CONFLICT: do_conflict(u); break;
	case KA_COMPLEMENTS: do_complements(u); break;
	case KA_HISTORY: do_history(u); break;
	case KA_EXPORT: do_export(u); break;
	case KA_SCORE: {
		long long id = u->focus == F_QUEUE ? queue_current(u) : u->dt.id;
		if (!id)
			id = queue_current(u);
		if (id && scoring_open(u, id) == 0) {
			u->focus = F_SCORING;
			u->right_open = 1;
		}
		break;
	}
	default:
		return H_UNHANDLED;
	}
	return H_REDRAW;
}
