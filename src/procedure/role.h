/* role.h - the roles a reviewer may hold, as bits (a person may hold
 * several), and the table of what each role may do; moves have theirs in
 * the procedure's transitions too. Never in the interface alone. */
#ifndef PTCE_ROLE_H
#define PTCE_ROLE_H

#include <stddef.h>

enum role {
	ROLE_INSTRUCTEUR = 1 << 0,
	ROLE_COORDINATEUR = 1 << 1,
	ROLE_EXPERT = 1 << 2,
	ROLE_LECTEUR = 1 << 3,
	ROLE_ADMIN = 1 << 4,
};
#define ROLE_COUNT 5

/* role_names - the stored name of each bit, in bit order, NULL-terminated. */
extern const char *const role_names[ROLE_COUNT + 1];

/* role_parse - bit of a role name, 0 if unknown. */
unsigned role_parse(const char *name);
/* roles_format - "coordinateur, admin" into buf. */
char *roles_format(unsigned roles, char *buf, size_t len);
/* roles_sql - "'instructeur', 'coordinateur'": the names of the roles as an
 * SQL list, for role IN (...); a fresh string. */
char *roles_sql(unsigned roles);

/* Who may do what: every write of the core, in the order of the table
 * ptce(8) shows (ptce doc permissions prints it), with the roles that may
 * do it and how a declared conflict of interest binds it. The checks that
 * apply it to a person are permission.h's. */
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
/* role_may - roles (enum role bits) hold one that may do op. */
int role_may(unsigned roles, enum permission_op op);

#endif
