/* procedure.c - the AMI PTCE procedure's tables: states, transitions and who
 * may take them, and their mirror in the database. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "procedure/procedure.h"
#include "store/stmt.h"

/* Order is the order of the procedure; it is also the order of display. */
const struct state_def procedure_states[] = {
	{"submitted", N_("submitted"), "déposé", 1, N_("submitted"), 1, 1},
	{"phase1", N_("phase 1 instruction"), "instruction phase 1", 1, N_("phase 1"), 1, 1},
	{"bouquet", N_("bouquet de services"), "bouquet de services", 1, N_("bouquet"), 0, 0},
	{"phase2", N_("phase 2 instruction"), "instruction phase 2", 1, N_("phase 2"), 2, 2},
	{"funded", N_("funded"), "financé", 0, N_("funded"), 0, 2},
	{"rejected", N_("rejected"), "non retenu", 0, N_("rejected"), 0, 0},
	{"withdrawn", N_("withdrawn"), "retiré", 0, N_("withdrawn"), 0, 0},
};
const size_t procedure_n_states = sizeof procedure_states / sizeof procedure_states[0];

#define COORD ROLE_COORDINATEUR
#define INSTR ROLE_INSTRUCTEUR

const struct transition_def procedure_transitions[] = {
	{"submitted", "phase1", N_("open phase 1 instruction"), "ouvrir l’instruction phase 1",
	 INSTR | COORD, 0, GUARD_NONE, 0},
	{"phase1", "bouquet", N_("retain in phase 1 (bouquet de services)"), "retenir en phase 1 (bouquet de services)",
	 COORD, 0, GUARD_PHASE1_RETAINED, 0},
	{"phase1", "rejected", N_("not retained in phase 1"), "non retenu en phase 1",
	 COORD, 1, GUARD_NONE, 0},
	{"bouquet", "phase2", N_("orient to phase 2"), "orienter vers la phase 2",
	 COORD, 0, GUARD_NONE, 0},
	{"phase2", "funded", N_("retain for funding"), "retenir pour financement",
	 COORD, 0, GUARD_PHASE2_FUNDED, MOVE_IN_VALIDATION | MOVE_IN_AMOUNT},
	{"phase2", "bouquet", N_("not retained in phase 2 (keeps the bouquet)"), "non retenu en phase 2 (garde le bouquet)",
	 COORD, 1, GUARD_NONE, 0},
	{"submitted", "withdrawn", N_("withdrawn by the applicant"), "retiré par le porteur", COORD, 1, GUARD_NONE, 0},
	{"phase1", "withdrawn", N_("withdrawn by the applicant"), "retiré par le porteur", COORD, 1, GUARD_NONE, 0},
	{"bouquet", "withdrawn", N_("withdrawn by the applicant"), "retiré par le porteur", COORD, 1, GUARD_NONE, 0},
	{"phase2", "withdrawn", N_("withdrawn by the applicant"), "retiré par le porteur", COORD, 1, GUARD_NONE, 0},
};
const size_t procedure_n_transitions = sizeof procedure_transitions / sizeof procedure_transitions[0];

static const char *const guard_names[GUARD_COUNT] = {NULL, "phase1_retained", "phase2_funded"};

const char *guard_name(enum guard_id id)
{
	return id < GUARD_COUNT ? guard_names[id] : NULL;
}

const struct transition_def *guard_transition(enum guard_id id)
{
	for (size_t i = 0; id != GUARD_NONE && i < procedure_n_transitions; i++)
		if (procedure_transitions[i].guard == id)
			return &procedure_transitions[i];
	return NULL;
}

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

const char *state_named(const char *name, char *buf, size_t len)
{
	const char *l = state_short_label(name);
	if (strcmp(l, name) == 0)
		snprintf(buf, len, "%s", name);
	else
		snprintf(buf, len, "%s (%s)", l, name);
	return buf;
}

/* a and b the same words but for case and accents. */
static int same_words(const char *a, const char *b)
{
	return text_contains_fold(a, b) && text_contains_fold(b, a);
}

const char *state_from_words(const char *text)
{
	for (size_t i = 0; text && i < procedure_n_states; i++) {
		const struct state_def *d = &procedure_states[i];
		if (strcmp(d->name, text) == 0 || same_words(_(d->label_en), text) ||
		    same_words(_(d->short_en), text))
			return d->name;
	}
	return NULL;
}

const char *state_short_label(const char *name)
{
	const struct state_def *s = state_find(name);
	return s ? _(s->short_en) : name;
}

int state_review_phase(const char *name)
{
	const struct state_def *s = state_find(name);
	return s ? s->review_phase : 0;
}

int state_figures_phase(const char *name)
{
	const struct state_def *s = state_find(name);
	return s ? s->figures_phase : 0;
}

const char *procedure_state_names(void)
{
	static char text[256];
	if (!*text)
		for (size_t i = 0; i < procedure_n_states; i++)
			text_join(text, sizeof text, ", ", procedure_states[i].name);
	return text;
}

const char *procedure_phase_states(int phase)
{
	static char text[2][128];
	if (phase != 1 && phase != 2)
		return "";
	char *buf = text[phase - 1];
	if (!*buf)
		for (size_t i = 0; i < procedure_n_states; i++)
			if (procedure_states[i].review_phase == phase)
				snprintf(buf + strlen(buf), sizeof text[0] - strlen(buf), "%s%s",
					 *buf ? ", " : "", procedure_states[i].name);
	return buf;
}

char *procedure_phase_in_sql(const char *col, int phase, int figures)
{
	char *sql = xasprintf("%s IN (", col);
	const char *sep = "";
	for (size_t i = 0; i < procedure_n_states; i++) {
		const struct state_def *d = &procedure_states[i];
		int p = figures ? d->figures_phase : d->review_phase;
		if (phase ? p == phase : p != 0) {
			xappendf(&sql, "%s'%s'", sep, d->name);
			sep = ", ";
		}
	}
	xappendf(&sql, ")");
	return sql;
}

char *procedure_phase_sql(const char *d, int figures)
{
	char *sql = xasprintf("CASE %s.state", d);
	for (size_t i = 0; i < procedure_n_states; i++) {
		const struct state_def *st = &procedure_states[i];
		int phase = figures ? st->figures_phase : st->review_phase;
		if (phase)
			xappendf(&sql, " WHEN '%s' THEN %d", st->name, phase);
	}
	if (figures)
		xappendf(&sql, " ELSE coalesce((SELECT max(rp.phase) FROM reviews rp"
			 " WHERE rp.dossier_id = %s.id), 0) END", d);
	else
		xappendf(&sql, " ELSE 0 END");
	return sql;
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

/* ---- the mirror in the database ------------------------------------------ */

static void bind_state(sqlite3_stmt *st, size_t i, const void *arg)
{
	const struct state_def *d = &procedure_states[i];
	(void)arg;
	stmt_bind(st, "tttii", d->name, d->label_en, d->label_fr, d->open, (int)i);
}

static void bind_transition(sqlite3_stmt *st, size_t i, const void *arg)
{
	const struct transition_def *t = &procedure_transitions[i];
	char roles[128];
	(void)arg;
	stmt_bind(st, "tttttin", t->from, t->to, t->label_en, t->label_fr,
		  roles_format(t->roles, roles, sizeof roles), t->motivation_required,
		  guard_name(t->guard));
}

static int mirror_states(struct store *s, struct perr *e)
{
	return stmt_each(s, e, "states",
			 "INSERT INTO states(name, label_en, label_fr, is_open, position) VALUES (?,?,?,?,?)"
			 " ON CONFLICT(name) DO UPDATE SET label_en = excluded.label_en, label_fr = excluded.label_fr,"
			 " is_open = excluded.is_open, position = excluded.position",
			 procedure_n_states, bind_state, NULL);
}

static int mirror_transitions(struct store *s, struct perr *e)
{
	if (store_exec(s, "DELETE FROM transitions", e) < 0)
		return -1;
	return stmt_each(s, e, "transitions",
			 "INSERT INTO transitions(from_state, to_state, label_en, label_fr, roles,"
			 " motivation_required, guard) VALUES (?,?,?,?,?,?,?)",
			 procedure_n_transitions, bind_transition, NULL);
}

int procedure_mirror(struct store *s, struct perr *e)
{
	return mirror_states(s, e) < 0 || mirror_transitions(s, e) < 0 ? -1 : 0;
}

int procedure_open(const char *path, enum store_mode mode, struct store **out, struct perr *e)
{
	return store_open_seeded(path, mode, procedure_mirror, out, e);
}
