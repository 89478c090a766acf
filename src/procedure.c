/* procedure.c - the AMI PTCE procedure: states, transitions and who may take
 * them, as tables; moving a dossier checks them and appends to history. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actor.h"
#include "dossier.h"
#include "i18n.h"
#include "procedure.h"

const char *const role_names[ROLE_COUNT + 1] = {
	"instructeur", "coordinateur", "expert", "lecteur", "admin", NULL
};

const char *role_name(unsigned role)
{
	for (int i = 0; i < ROLE_COUNT; i++)
		if (role == (1u << i))
			return role_names[i];
	return NULL;
}

unsigned role_parse(const char *name)
{
	for (int i = 0; i < ROLE_COUNT; i++)
		if (strcmp(name, role_names[i]) == 0)
			return 1u << i;
	return 0;
}

char *roles_format(unsigned roles, char *buf, size_t len)
{
	buf[0] = '\0';
	for (int i = 0; i < ROLE_COUNT; i++) {
		if (!(roles & (1u << i)))
			continue;
		if (buf[0])
			strncat(buf, ", ", len - strlen(buf) - 1);
		strncat(buf, role_names[i], len - strlen(buf) - 1);
	}
	return buf;
}

/* Order is the order of the procedure; it is also the order of display. */
const struct state_def procedure_states[] = {
	{"submitted", N_("submitted"), "déposé", 1, N_("submitted")},
	{"phase1", N_("phase 1 instruction"), "instruction phase 1", 1, N_("phase 1")},
	{"bouquet", N_("bouquet de services"), "bouquet de services", 1, N_("bouquet")},
	{"phase2", N_("phase 2 instruction"), "instruction phase 2", 1, N_("phase 2")},
	{"funded", N_("funded"), "financé", 0, N_("funded")},
	{"rejected", N_("rejected"), "non retenu", 0, N_("rejected")},
	{"withdrawn", N_("withdrawn"), "retiré", 0, N_("withdrawn")},
};
const size_t procedure_n_states = sizeof procedure_states / sizeof procedure_states[0];

#define COORD ROLE_COORDINATEUR
#define INSTR ROLE_INSTRUCTEUR

const struct transition_def procedure_transitions[] = {
	{"submitted", "phase1", N_("open phase 1 instruction"), "ouvrir l'instruction phase 1",
	 INSTR | COORD, 0, NULL, NULL},
	{"phase1", "bouquet", N_("retain in phase 1 (bouquet de services)"), "retenir en phase 1 (bouquet de services)",
	 COORD, 0, "phase1_retained", guard_phase1_retained},
	{"phase1", "rejected", N_("not retained in phase 1"), "non retenu en phase 1",
	 COORD, 1, NULL, NULL},
	{"bouquet", "phase2", N_("orient to phase 2"), "orienter vers la phase 2",
	 COORD, 0, NULL, NULL},
	{"phase2", "funded", N_("retain for funding"), "retenir pour financement",
	 COORD, 0, "phase2_funded", guard_phase2_funded},
	{"phase2", "bouquet", N_("not retained in phase 2 (keeps the bouquet)"), "non retenu en phase 2 (garde le bouquet)",
	 COORD, 1, NULL, NULL},
	{"submitted", "withdrawn", N_("withdrawn by the applicant"), "retiré par le porteur", COORD, 1, NULL, NULL},
	{"phase1", "withdrawn", N_("withdrawn by the applicant"), "retiré par le porteur", COORD, 1, NULL, NULL},
	{"bouquet", "withdrawn", N_("withdrawn by the applicant"), "retiré par le porteur", COORD, 1, NULL, NULL},
	{"phase2", "withdrawn", N_("withdrawn by the applicant"), "retiré par le porteur", COORD, 1, NULL, NULL},
};
const size_t procedure_n_transitions = sizeof procedure_transitions / sizeof procedure_transitions[0];

const struct state_def *state_find(const char *name)
{
	for (size_t i = 0; name && i < procedure_n_states; i++)
		if (strcmp(procedure_states[i].name, name) == 0)
			return &procedure_states[i];
	return NULL;
}

const char *state_label(const char *name)
{
	const struct state_def *s = state_find(name);
	return s ? _(s->label_en) : name;
}

const char *state_short_label(const char *name)
{
	const struct state_def *s = state_find(name);
	return s ? _(s->short_en) : name;
}

const struct transition_def *procedure_find(const char *from, const char *to)
{
	for (size_t i = 0; i < procedure_n_transitions; i++)
		if (strcmp(procedure_transitions[i].from, from) == 0 &&
		    strcmp(procedure_transitions[i].to, to) == 0)
			return &procedure_transitions[i];
	return NULL;
}

size_t procedure_allowed(const char *from, unsigned roles,
			 const struct transition_def **out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < procedure_n_transitions; i++) {
		const struct transition_def *t = &procedure_transitions[i];
		if (strcmp(t->from, from) == 0 && (t->roles & roles)) {
			if (n < max)
				out[n] = t;
			n++;
		}
	}
	return n;
}

/* Append "Allowed moves from X for you: ..." to e. */
static void append_allowed(struct perr *e, const char *from, unsigned roles)
{
	const struct transition_def *t[16];
	size_t n = procedure_allowed(from, roles, t, 16);
	if (n == 0) {
		perr_append(e, _(" No move is open to you from '%s'."), from);
		return;
	}
	perr_append(e, _(" Moves open to you from '%s':"), from);
	for (size_t i = 0; i < n && i < 16; i++)
		perr_append(e, " %s (%s)%s", t[i]->to, _(t[i]->label_en),
			    i + 1 < n ? "," : ".");
}

/* Roles allowed for a transition, as words. */
static char *roles_of(const struct transition_def *t, char *buf, size_t len)
{
	return roles_format(t->roles, buf, len);
}

static int current_state(struct store *s, long long id, char **state, long long *rev,
			 struct perr *e)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT state, revision, ds_number FROM dossiers WHERE id = ?", e);
	if (!st)
		return -1;
	if (dossier_step_row(s, st, id, e) < 0)
		return -1;
	*state = col_text(st, 0);
	if (rev)
		*rev = sqlite3_column_int64(st, 1);
	sqlite3_finalize(st);
	return 0;
}

/* The checks common to procedure_check and procedure_move. *overridden is
 * set when a guard said no and the person overrode it with a motivation. */
static int check(struct store *s, const struct actor *a, long long id, const char *from,
		 const char *to, const struct move_request *req, int *overridden,
		 struct perr *e)
{
	char roles[128];
	*overridden = 0;
	if (!state_find(to)) {
		perr_set(e, P_INVALID, _("'%s' is not a state of the procedure; states are:"), to);
		for (size_t i = 0; i < procedure_n_states; i++)
			perr_append(e, " %s%s", procedure_states[i].name,
				    i + 1 < procedure_n_states ? "," : ".");
		return -1;
	}
	const struct transition_def *t = procedure_find(from, to);
	if (!t) {
		if (strcmp(from, to) == 0)
			perr_set(e, P_REFUSED, _("the dossier is already in state '%s'."), from);
		else
			perr_set(e, P_REFUSED, _("the procedure has no move from '%s' to '%s'."), from, to);
		append_allowed(e, from, a->roles);
		return -1;
	}
	if (!(t->roles & a->roles)) {
		perr_set(e, P_REFUSED, _("moving from '%s' to '%s' (%s) is for: %s; you are %s (%s)."),
			 from, to, _(t->label_en), roles_of(t, roles, sizeof roles), a->login,
			 a->roles ? roles_format(a->roles, (char[128]){0}, 128) : _("no role"));
		append_allowed(e, from, a->roles);
		return -1;
	}
	int has_reason = req && req->reason && *req->reason;
	if (t->motivation_required && !has_reason) {
		perr_set(e, P_REFUSED, _("moving from '%s' to '%s' (%s) needs a written motivation: add --reason \"...\"."),
			 from, to, _(t->label_en));
		return -1;
	}
	if (req && req->override && !has_reason) {
		perr_set(e, P_REFUSED, _("an override must be motivated: add --reason \"...\"."));
		return -1;
	}
	if (t->guard) {
		struct perr ge = {0};
		if (t->guard(s, id, a, req, &ge) < 0) {
			if (ge.status == P_DB || ge.status == P_INTERNAL) {
				*e = ge;
				return -1;
			}
			int overridable = ge.status == P_REFUSED;
			if (overridable && req && req->override && has_reason &&
			    (a->roles & ROLE_COORDINATEUR)) {
				*overridden = 1;
				return 0;
			}
			perr_set(e, P_REFUSED, _("moving from '%s' to '%s' (%s) is refused: %s"),
				 from, to, _(t->label_en), ge.msg);
			if (overridable && (a->roles & ROLE_COORDINATEUR))
				perr_append(e, _(" A coordinateur may decide otherwise with --override --reason \"...\"; the override is recorded."));
			return -1;
		}
	}
	return 0;
}

int procedure_check(struct store *s, const struct actor *a, long long dossier_id,
		    const char *to, const struct move_request *req, struct perr *e)
{
	char *from = NULL;
	int overridden;
	if (current_state(s, dossier_id, &from, NULL, e) < 0)
		return -1;
	int rc = check(s, a, dossier_id, from, to, req, &overridden, e);
	free(from);
	return rc;
}

int procedure_move(struct store *s, const struct actor *a, long long dossier_id,
		   const char *to, const struct move_request *req, struct perr *e)
{
	char *from = NULL;
	long long rev = 0;
	int overridden = 0;
	char now[21];
	const char *at = req && req->at ? req->at : now_utc(now);

	if (store_begin(s, e) < 0)
		return -1;
	/* Read the state inside the write transaction: another session may have
	 * moved it since the caller looked. */
	if (current_state(s, dossier_id, &from, &rev, e) < 0)
		goto fail;
	if (req && req->expect_revision && req->expect_revision != rev) {
		perr_set(e, P_CONFLICT, _("the dossier changed since you opened it (it is now in state '%s'); nothing was moved. Look at it again, then decide."),
			 from);
		goto fail;
	}
	if (check(s, a, dossier_id, from, to, req, &overridden, e) < 0)
		goto fail;

	sqlite3_stmt *st = store_prepare(s,
		"INSERT INTO history(dossier_id, at, actor, real_actor, kind, from_state, to_state,"
		" motivation, override, detail) VALUES (?, ?, ?, ?, 'move', ?, ?, ?, ?, ?)", e);
	if (!st)
		goto fail;
	sqlite3_bind_int64(st, 1, dossier_id);
	sqlite3_bind_text(st, 2, at, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, a->login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, a->real_login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, from, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, to, -1, SQLITE_TRANSIENT);
	bind_text_or_null(st, 7, req ? req->reason : NULL);
	sqlite3_bind_int(st, 8, overridden);
	char detail[160] = "";
	if (a->impersonated)
		snprintf(detail, sizeof detail, "recorded by %s acting as %s", a->real_login, a->login);
	bind_text_or_null(st, 9, detail);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		store_fail(s, e, _("recording the move"));
		goto fail;
	}
	if (guard_after_move(s, dossier_id, a, procedure_find(from, to), req, at, e) < 0)
		goto fail;
	free(from);
	return store_commit(s, e);
fail:
	free(from);
	store_rollback(s);
	return -1;
}

int procedure_sync(struct store *s, struct perr *e)
{
	if (store_exec(s, "DELETE FROM transitions; DELETE FROM states;", e) < 0)
		return -1;
	sqlite3_stmt *st = store_prepare(s,
		"INSERT INTO states(name, label_en, label_fr, is_open, position) VALUES (?,?,?,?,?)", e);
	if (!st)
		return -1;
	for (size_t i = 0; i < procedure_n_states; i++) {
		const struct state_def *d = &procedure_states[i];
		sqlite3_bind_text(st, 1, d->name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, d->label_en, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, d->label_fr, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 4, d->open);
		sqlite3_bind_int(st, 5, (int)i);
		if (sqlite3_step(st) != SQLITE_DONE) {
			sqlite3_finalize(st);
			return store_fail(s, e, "states");
		}
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	st = store_prepare(s, "INSERT INTO transitions(from_state, to_state, label_en, label_fr, roles,"
			   " motivation_required, guard) VALUES (?,?,?,?,?,?,?)", e);
	if (!st)
		return -1;
	for (size_t i = 0; i < procedure_n_transitions; i++) {
		const struct transition_def *t = &procedure_transitions[i];
		char roles[128];
		sqlite3_bind_text(st, 1, t->from, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, t->to, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, t->label_en, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, t->label_fr, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, roles_format(t->roles, roles, sizeof roles), -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(st, 6, t->motivation_required);
		bind_text_or_null(st, 7, t->guard_name);
		if (sqlite3_step(st) != SQLITE_DONE) {
			sqlite3_finalize(st);
			return store_fail(s, e, "transitions");
		}
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return 0;
}
