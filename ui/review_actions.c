/* review_actions.c - compare, discuss, withdraw a conflict, answer an
 * opinion, reopen a review: each from one key on the dossier in focus. A
 * text refused by the core is kept and offered again at the next try, so
 * that nothing typed is lost. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "matrix_panel.h"
#include "pager.h"
#include "panel.h"
#include "procedure/role.h"
#include "prompt.h"
#include "review/note.h"
#include "review/review.h"
#include "review_actions.h"
#include "screen.h"

/* A text refused by the core, kept for the next try on the same thing. */
static struct {
	char *text;
	long long id;
	enum key_action action;
} kept;

void review_actions_done(void)
{
	free(kept.text);
	memset(&kept, 0, sizeof kept);
}

/* The text to start a prompt from: the one kept for this action and id. */
static const char *kept_for(enum key_action a, long long id)
{
	return kept.text && kept.action == a && kept.id == id ? kept.text : "";
}

/* Keep text (taken) after a refusal, or forget it after a success. */
static void keep(enum key_action a, long long id, char *text, int refused)
{
	review_actions_done();
	if (refused) {
		kept.text = text;
		kept.id = id;
		kept.action = a;
	} else {
		free(text);
	}
}

/* A refusal, saying the text is kept. */
static void refused(struct ui *u, const struct perr *e, enum key_action a)
{
	struct perr k = *e;
	char key[16] = "";
	key_format(u->km.codes[a][0], key, sizeof key);
	perr_append(&k, _(" Your text is kept: press %s to try again."), key);
	ui_report(u, &k);
}

static void discuss(struct ui *u, long long id)
{
	char *text = NULL;
	if (ui_prompt(u, _("Comment for the other reviewers: "), kept_for(KA_DISCUSS, id), &text))
		return;
	if (!*text) {
		free(text);
		ui_message(u, UC_ERROR, "%s", _("Nothing written: no comment added."));
		return;
	}
	struct perr e = {0};
	int rc = note_add(u->app->store, &u->app->actor, id, text, NULL, NULL, &e);
	keep(KA_DISCUSS, id, text, rc < 0);
	if (rc < 0) {
		refused(u, &e, KA_DISCUSS);
		return;
	}
	panel_reload_all(u);
	ui_message(u, UC_OK, "%s", _("Comment added to the discussion."));
}

/* The conflict to withdraw: one's own, or for a coordinateur a choice; -1
 * when there is none for this person, -2 when the choice was cancelled. */
static int pick_conflict(struct ui *u, const struct conflict *c, size_t n)
{
	int own = -1;
	for (size_t i = 0; i < n; i++)
		if (strcmp(c[i].reviewer, u->app->actor.login) == 0)
			own = (int)i;
	if (!actor_has(&u->app->actor, ROLE_COORDINATEUR))
		return own;
	if (n == 1)
		return 0;
	char **items = xcalloc(n, sizeof *items);
	for (size_t i = 0; i < n; i++)
		items[i] = xasprintf(_("%s — %s (declared by %s)"), c[i].reviewer, c[i].reason,
				     c[i].declared_by);
	int k = ui_menu(u, _("Withdraw which conflict of interest?"), (const char *const *)items, (int)n);
	for (size_t i = 0; i < n; i++)
		free(items[i]);
	free(items);
	return k < 0 ? -2 : k;
}

static void withdraw(struct ui *u, long long id)
{
	struct conflict *c = NULL;
	size_t n = 0;
	struct perr e = {0};
	if (conflict_list(u->app->store, id, &c, &n, &e) < 0) {
		ui_report(u, &e);
		return;
	}
	int k = n ? pick_conflict(u, c, n) : -1;
	if (k < 0) {
		if (k == -1)
			ui_message(u, UC_ERROR, "%s", n ? _("You have no conflict of interest on this dossier.")
						      : _("No conflict of interest is declared on this dossier."));
		conflict_list_free(&c, n);
		return;
	}
	char *why = NULL;
	char *label = xasprintf(_("Withdraw the conflict of %s; why (optional): "), c[k].reviewer);
	int rc = ui_prompt(u, label, "", &why);
	free(label);
	if (rc == 0 && conflict_withdraw(u->app->store, &u->app->actor, id, c[k].reviewer, why, NULL, &e) < 0)
		ui_report(u, &e);
	else if (rc == 0)
		ui_message(u, UC_OK, _("Conflict of interest of %s withdrawn (recorded in the history)."),
			   c[k].reviewer);
	free(why);
	conflict_list_free(&c, n);
	panel_reload_all(u);
}

/* The request made to me on the dossier that waits for my answer. */
static int pick_request(struct ui *u, const struct opinion *o, size_t n)
{
	size_t mine = 0;
	int last = -1;
	for (size_t i = 0; i < n; i++)
		if (strcmp(o[i].expert, u->app->actor.login) == 0)
			mine++, last = (int)i;
	if (mine <= 1)
		return last;
	char **items = xcalloc(n, sizeof *items);
	int *idx = xcalloc(n, sizeof *idx), m = 0;
	for (size_t i = 0; i < n; i++)
		if (strcmp(o[i].expert, u->app->actor.login) == 0) {
			items[m] = o[i].question;
			idx[m++] = (int)i;
		}
	int k = ui_menu(u, _("Answer which question?"), (const char *const *)items, m);
	int r = k < 0 ? -2 : idx[k];
	free(items);
	free(idx);
	return r;
}

static void answer(struct ui *u, long long id)
{
	struct opinion *o = NULL;
	size_t n = 0;
	struct perr e = {0};
	if (opinion_list(u->app->store, &u->app->actor, id, 1, &o, &n, &e) < 0) {
		ui_report(u, &e);
		return;
	}
	int k = pick_request(u, o, n);
	if (k == -1)
		ui_message(u, UC_ERROR, "%s", _("No opinion request waits for your answer on this dossier."));
	if (k < 0) {
		opinion_list_free(&o, n);
		return;
	}
	static const char *const verdicts[] = {N_("favourable"), N_("défavorable")};
	const char *items[] = {_(verdicts[0]), _(verdicts[1])};
	char *title = xasprintf(_("Your opinion: %s"), o[k].question);
	int v = ui_menu(u, title, items, 2);
	free(title);
	char *text = NULL;
	if (v >= 0 && ui_prompt(u, _("Your opinion, in a few words: "), kept_for(KA_OPINION_ANSWER, id), &text) == 0) {
		int rc = opinion_answer(u->app->store, &u->app->actor, o[k].id, v == 0, text, NULL, &e);
		keep(KA_OPINION_ANSWER, id, text, rc < 0);
		if (rc < 0)
			refused(u, &e, KA_OPINION_ANSWER);
		else
			ui_message(u, UC_OK, _("Opinion recorded: %s."), items[v]);
	}
	opinion_list_free(&o, n);
	panel_reload_all(u);
}

/* u in the scoring form: my submitted review becomes a draft again. */
static void reopen(struct ui *u)
{
	struct scoring_state *sc = &u->sc;
	if (!sc->rev)
		return;
	if (!sc->rev->submitted) {
		ui_message(u, UC_ERROR, "%s", _("This review is a draft already: change it, then S to submit."));
		return;
	}
	char *q = xasprintf(_("Reopen your review of %s as a draft? It counts nowhere until you "
			      "submit it again."), sc->ds_number);
	int yes = ui_confirm(u, _("Reopen"), q);
	free(q);
	if (!yes)
		return;
	struct perr e = {0};
	long long rev = sc->revision;
	if (review_reopen(u->app->store, &u->app->actor, sc->rev->id, NULL, &rev, &e) < 0) {
		ui_report(u, &e);
		return;
	}
	sc->revision = rev;
	panel_reload_all(u);
	ui_message(u, UC_OK, _("Review of %s reopened as a draft."), sc->ds_number);
}

int review_action_run(struct ui *u, enum key_action a)
{
	if (a == KA_REOPEN) {
		reopen(u);
		return H_REDRAW;
	}
	if (a != KA_MATRIX && a != KA_DISCUSS && a != KA_CONFLICT_WITHDRAW && a != KA_OPINION_ANSWER)
		return H_UNHANDLED;
	long long id = panel_dossier(u);
	if (!id) {
		ui_message(u, UC_ERROR, "%s", _("No dossier here."));
		return H_REDRAW;
	}
	switch (a) {
	case KA_MATRIX: ui_matrix(u, id); break;
	case KA_DISCUSS: discuss(u, id); break;
	case KA_CONFLICT_WITHDRAW: withdraw(u, id); break;
	default: answer(u, id); break;
	}
	return H_REDRAW;
}
