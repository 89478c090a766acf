/* procedure.h - the AMI PTCE procedure as data: one table of states (with
 * the review phase each one takes), one of transitions (from, to, labels,
 * roles, motivation, guard by id, the inputs a move needs). Nothing here
 * performs a move: workflow/move.c does, and tests walk these tables. */
#ifndef PTCE_PROCEDURE_H
#define PTCE_PROCEDURE_H

#include <stddef.h>

#include "base/err.h"
#include "procedure/role.h"
#include "store/open.h"
#include "store/store.h"

struct state_def {
	const char *name;	/* stored in the database */
	const char *label_en;	/* N_(): translate with _() when shown */
	const char *label_fr;	/* mirrored into the database for sqlite3 readers */
	int open;		/* a dossier here can still move or be withdrawn */
	const char *short_en;	/* for narrow columns (at most 10 columns in French too) */
	int review_phase;	/* the grid phase (1, 2) reviews are written in here; 0: none */
	int figures_phase;	/* the phase whose reviews describe a dossier here (queue
				 * figures, classement); 0: the last phase reviewed */
};

extern const struct state_def procedure_states[];
extern const size_t procedure_n_states;
/* state_find - definition of a state name, or NULL. */
const struct state_def *state_find(const char *name);
/* state_named - "déposé (submitted)": the state's short label in the
 * reader's language and, when it differs, the code typed on the command
 * line; in buf. */
const char *state_named(const char *name, char *buf, size_t len);
/* state_from_words - the state's code from its code or its label or short
 * label in the reader's language, case and accents aside ("Financé"
 * gives funded); NULL when none matches. */
const char *state_from_words(const char *text);
/* state_label - the state's label in the current language. */
const char *state_label(const char *name);
/* state_short_label - a short label for narrow columns, translated. */
const char *state_short_label(const char *name);
/* state_review_phase - the grid phase reviews are written in, in this state
 * (0: none, also for an unknown state). */
int state_review_phase(const char *name);
/* state_figures_phase - the phase whose reviews describe a dossier in this
 * state; 0 when that is the last phase reviewed (or for an unknown state). */
int state_figures_phase(const char *name);
/* procedure_state_names - "submitted, phase1, ...": every state, in order,
 * for messages that list them; a static string. */
const char *procedure_state_names(void);
/* procedure_phase_states - "submitted, phase1": the states whose review phase
 * is phase, for messages; a static string. */
const char *procedure_phase_states(int phase);
/* procedure_phase_in_sql - "col IN ('submitted', 'phase1')": the states whose
 * review phase (with figures 1: figures phase) is phase, 0 meaning any phase,
 * from the states table; a fresh string. */
char *procedure_phase_in_sql(const char *col, int phase, int figures);
/* procedure_phase_sql - the SQL expression of the phase of the dossier row d
 * (its alias), from the states table: with figures 0 its review phase (the
 * grid phase reviews are written in, 0 for none, as state_review_phase);
 * with figures 1 its figures phase (as state_figures_phase, a 0 there being
 * the last phase reviewed: the highest phase of the dossier's reviews, 0 when
 * none). A fresh string, for queries that sort or filter on reviews. */
char *procedure_phase_sql(const char *d, int figures);

/* What a transition requires beyond roles and motivation is checked by a
 * guard, named here by id; workflow/guards.c holds the checks. */
enum guard_id {
	GUARD_NONE,
	GUARD_PHASE1_RETAINED,	/* enough phase 1 reviews, every blocking gate met */
	GUARD_PHASE2_FUNDED,	/* phase 2 reviews, favourable band, validation, envelope */
	GUARD_COUNT
};
/* guard_name - the guard's stored name ("phase2_funded"), NULL for GUARD_NONE. */
const char *guard_name(enum guard_id id);

/* What a person must give to take a transition, besides a motivation. */
enum move_input {
	MOVE_IN_VALIDATION = 1 << 0,	/* the national validation: reference and date */
	MOVE_IN_AMOUNT = 1 << 1,	/* the amount per year and the years funded */
};

/* What a person asks when moving a dossier. */
struct move_request {
	const char *reason;		/* motivation */
	int override;			/* decide against a failing guard (needs reason) */
	const char *validation_ref;	/* MOVE_IN_VALIDATION: national validation */
	const char *validation_date;
	long long amount_per_year;	/* MOVE_IN_AMOUNT: 0 = campaign default */
	int years;			/* 0 = campaign default */
	const char *at;			/* backdate (demo data only); NULL = now */
	long long expect_revision;	/* refuse if the dossier changed; 0 = don't check */
};

struct transition_def {
	const char *from, *to;
	const char *label_en, *label_fr;
	unsigned roles;			/* who may (enum role bits) */
	int motivation_required;
	enum guard_id guard;		/* GUARD_NONE: nothing more to check */
	unsigned inputs;		/* enum move_input bits */
};

extern const struct transition_def procedure_transitions[];
extern const size_t procedure_n_transitions;

/* guard_transition - the transition whose guard is id (its inputs and the
 * review phase of its from state are what the guard checks), or NULL. */
const struct transition_def *guard_transition(enum guard_id id);
/* procedure_find - the transition from -> to, or NULL. */
const struct transition_def *procedure_find(const char *from, const char *to);
/* procedure_allowed - transitions from state that roles may take; fills out
 * (up to max) and returns how many. */
size_t procedure_allowed(const char *from, unsigned roles,
			 const struct transition_def **out, size_t max);

/* procedure_mirror - write the tables above into the database's states and
 * transitions tables (inside the caller's transaction), so that the
 * database itself refuses a move the procedure does not know. */
int procedure_mirror(struct store *s, struct perr *e);
/* procedure_open - store_open, with procedure_mirror run in the migrations'
 * transaction whenever the file is created or upgraded: what every program
 * and test opens a database with. A change to the tables above therefore
 * comes with a new migration (its SQL may be empty). */
int procedure_open(const char *path, enum store_mode mode, struct store **out, struct perr *e);

#endif
