/* permission.h - who may do what: one table of operations, each with the
 * roles that may do it and how a conflict of interest binds it. Every write
 * of the core consults it before it writes; the interface asks it before it
 * asks anything; ptce(8)'s table is printed from it (ptce doc permissions). */
#ifndef PTCE_PERMISSION_H
#define PTCE_PERMISSION_H

#include "base/err.h"
#include "procedure/actor.h"
#include "store/store.h"

/* How a declared conflict of interest on the dossier binds an operation. */
enum {
	PC_NONE = 0,
	PC_ACTOR = 1 << 0,	/* the person acting may not be in conflict */
	PC_TARGET = 1 << 1,	/* nor the person the operation is about */
};

/* Every write, in the order of the table ptce(8) shows: id, name, the roles
 * that may do it, the conflict rule, what it is (for the man page). */
#define PERMISSION_OPS(X) \
	X(OP_MOVE, "move", ROLE_INSTRUCTEUR | ROLE_COORDINATEUR, PC_ACTOR, \
	  N_("move a dossier (each transition names its roles: ptce-procedure(7))")) \
	X(OP_OVERRIDE, "override", ROLE_COORDINATEUR, PC_ACTOR, \
	  N_("decide against a guard's judgement, with a motivation")) \
	X(OP_ASSIGN, "assign", ROLE_COORDINATEUR, PC_ACTOR | PC_TARGET, \
	  N_("assign a reviewer to a dossier")) \
	X(OP_UNASSIGN, "unassign", ROLE_COORDINATEUR, PC_NONE, \
	  N_("take a reviewer off a dossier")) \
	X(OP_COMPLEMENTS, "complements", ROLE_INSTRUCTEUR | ROLE_COORDINATEUR, PC_ACTOR, \
	  N_("request compléments or clear the request")) \
	X(OP_SCORE, "score", ROLE_INSTRUCTEUR | ROLE_COORDINATEUR, PC_ACTOR, \
	  N_("write, submit or reopen one's own review")) \
	X(OP_CONFLICT, "conflict", ROLE_INSTRUCTEUR | ROLE_COORDINATEUR | ROLE_EXPERT, PC_NONE, \
	  N_("declare one's own conflict of interest")) \
	X(OP_CONFLICT_OTHER, "conflict-for", ROLE_COORDINATEUR, PC_NONE, \
	  N_("declare someone else's conflict of interest")) \
	X(OP_OPINION_ASK, "opinion-ask", ROLE_COORDINATEUR, PC_ACTOR | PC_TARGET, \
	  N_("ask an expert for an opinion")) \
	X(OP_OPINION_ANSWER, "opinion-answer", ROLE_EXPERT, PC_ACTOR, \
	  N_("answer an opinion request made to oneself")) \
	X(OP_IMPORT, "import", ROLE_ADMIN, PC_NONE, \
	  N_("import dossiers from the platform")) \
	X(OP_ROSTER, "roster", ROLE_ADMIN, PC_NONE, \
	  N_("add, change or remove reviewers and their roles")) \
	X(OP_IMPERSONATE, "as", ROLE_ADMIN, PC_NONE, \
	  N_("act for someone else with --as (both are recorded)")) \
	X(OP_GRID_INSTALL, "grid-install", ROLE_ADMIN, PC_NONE, \
	  N_("install a review grid version"))

#define PERMISSION_ENUM(id, name, roles, conflict, help) id,
enum permission_op { PERMISSION_OPS(PERMISSION_ENUM) OP_COUNT };
#undef PERMISSION_ENUM

struct permission_def {
	enum permission_op op;
	const char *name;
	unsigned roles;		/* enum role bits; one of them suffices */
	unsigned conflict;	/* PC_* */
	const char *help;	/* N_() */
};

/* permission_table - the table, indexed by enum permission_op. */
extern const struct permission_def permission_table[OP_COUNT];

/* permission_allows - a holds a role that may do op (no conflict check). */
int permission_allows(const struct actor *a, enum permission_op op);
/* permission_check - 0 when a holds a role that may do op; otherwise
 * P_REFUSED naming the roles that may and those a holds. */
int permission_check(const struct actor *a, enum permission_op op, struct perr *e);
/* permission_dossier - permission_check, then op's conflict rule on
 * dossier_id: a refused when in conflict (PC_ACTOR), target (a login, or
 * NULL) refused when in conflict (PC_TARGET); the refusal gives the reason
 * declared. Reads inside the caller's transaction if any. */
int permission_dossier(struct store *s, const struct actor *a, enum permission_op op,
		       long long dossier_id, const char *target, struct perr *e);

/* The per-operation checks the interface's action table names (ui/actions.c). */
int permission_assign(const struct actor *a, struct perr *e);
int permission_complements(const struct actor *a, struct perr *e);
int permission_score(const struct actor *a, struct perr *e);
int permission_import(const struct actor *a, struct perr *e);
/* permission_override - true when a may decide against a guard's judgement
 * (with a motivation, recorded). A guard's hard requirement is never
 * overridden, whoever asks. */
int permission_override(const struct actor *a);
/* The roles that write reviews: guards count the reviews owed by the
 * assigned reviewers who hold one of them. */
#define PERMISSION_SCORE_ROLES (ROLE_INSTRUCTEUR | ROLE_COORDINATEUR)

#endif
