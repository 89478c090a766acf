/* procedure.h - the AMI PTCE procedure as data: one table of states, one of
 * transitions (from, to, labels, roles, motivation, guard). Tests walk them. */
#ifndef PTCE_PROCEDURE_H
#define PTCE_PROCEDURE_H

#include <stddef.h>

#include "err.h"
#include "store.h"

/* Roles are bits: a person may hold several. */
enum role {
	ROLE_INSTRUCTEUR = 1 << 0,
	ROLE_COORDINATEUR = 1 << 1,
	ROLE_EXPERT = 1 << 2,
	ROLE_LECTEUR = 1 << 3,
	ROLE_ADMIN = 1 << 4,
};
#define ROLE_COUNT 5

/* role_name - "instructeur", ... for one bit; NULL for anything else. */
const char *role_name(unsigned role);
/* role_parse - bit of a role name, 0 if unknown. */
unsigned role_parse(const char *name);
/* roles_format - "coordinateur, admin" into buf. */
char *roles_format(unsigned roles, char *buf, size_t len);
extern const char *const role_names[ROLE_COUNT + 1];

struct state_def {
	const char *name;	/* stored in the database */
	const char *label_en;
	const char *label_fr;
	int open;		/* a dossier here can still move or be withdrawn */
	const char *short_en;	/* for narrow columns (at most 10 columns in French too) */
};

extern const struct state_def procedure_states[];
extern const size_t procedure_n_states;
/* state_find - definition of a state name, or NULL. */
const struct state_def *state_find(const char *name);
/* state_label - the state's label in the current language. */
const char *state_label(const char *name);
/* state_short_label - a short label for narrow columns, translated. */
const char *state_short_label(const char *name);

struct actor;
struct move_request;

/* A guard checks what a transition requires beyond roles and motivation
 * (reviews, validation, envelope). Returns 0 when met; otherwise fills e
 * with the reason and returns -1. Runs inside the move's transaction.
 * The status in e says whether a coordinateur may override the refusal:
 *   P_REFUSED - a judgement (not enough reviews, a gate not met, under the
 *               favourable band): --override with a motivation decides
 *               otherwise, and history records the override;
 *   P_INVALID - a hard requirement (no national validation reference, no
 *               room in the envelope): never overridden;
 *   P_DB / P_INTERNAL - the check itself failed: reported as is. */
typedef int (*guard_fn)(struct store *s, long long dossier_id,
			const struct actor *a, const struct move_request *req,
			struct perr *e);

struct transition_def {
	const char *from, *to;
	const char *label_en, *label_fr;
	unsigned roles;			/* who may */
	int motivation_required;
	const char *guard_name;		/* shown in docs and stored in SQLite */
	guard_fn guard;			/* NULL: nothing more to check */
};

extern const struct transition_def procedure_transitions[];
extern const size_t procedure_n_transitions;

/* What a person asks when moving a dossier. */
struct move_request {
	const char *reason;		/* motivation */
	int override;			/* decide against a failing guard (needs reason) */
	const char *validation_ref;	/* phase2 -> funded: national validation */
	const char *validation_date;
	long long amount_per_year;	/* phase2 -> funded: 0 = campaign default */
	int years;			/* 0 = campaign default */
	const char *at;			/* backdate (demo data only); NULL = now */
	long long expect_revision;	/* refuse if the dossier changed; 0 = don't check */
};

/* procedure_find - the transition from -> to, or NULL. */
const struct transition_def *procedure_find(const char *from, const char *to);
/* procedure_allowed - transitions from state that roles may take; fills out
 * (up to max) and returns how many. */
size_t procedure_allowed(const char *from, unsigned roles,
			 const struct transition_def **out, size_t max);
/* procedure_check - would this move be allowed (roles, motivation, guard)?
 * Read-only; e says why not and lists the allowed moves. */
int procedure_check(struct store *s, const struct actor *a, long long dossier_id,
		    const char *to, const struct move_request *req, struct perr *e);
/* procedure_move - check and record the move in one transaction: a history
 * entry (who, real account, when in UTC, from, to, motivation, override);
 * the dossier's state follows from it. A refused move changes nothing. */
int procedure_move(struct store *s, const struct actor *a, long long dossier_id,
		   const char *to, const struct move_request *req, struct perr *e);
/* procedure_sync - write the states and transitions tables into SQLite so
 * that the database itself refuses a move the procedure does not know. */
int procedure_sync(struct store *s, struct perr *e);

/* Guards, in guards.c (they read reviews and the campaign's envelope). */
int guard_phase1_retained(struct store *s, long long dossier_id, const struct actor *a,
			  const struct move_request *req, struct perr *e);
int guard_phase2_funded(struct store *s, long long dossier_id, const struct actor *a,
			const struct move_request *req, struct perr *e);
/* guard_after_move - run after a successful move in the same transaction
 * (e.g. record the funding decision). */
int guard_after_move(struct store *s, long long dossier_id, const struct actor *a,
		     const struct transition_def *t, const struct move_request *req,
		     const char *at, struct perr *e);

#endif
