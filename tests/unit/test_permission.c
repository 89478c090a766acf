/* test_permission.c - the table of who may do what, walked cell by cell:
 * for every operation and every role (and no role), the core write itself
 * is called on a fresh database, and it is accepted exactly when the
 * expected matrix below (written apart from the table) says so. Then each
 * conflict rule binds, and a coordinateur in conflict cannot move while
 * another one can. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixture.h"
#include "procedure/assignment.h"
#include "procedure/permission.h"
#include "procedure/procedure.h"
#include "review/review.h"
#include "store/open.h"
#include "store/stmt.h"
#include "workflow/move.h"

/* Who may do what, by role initial (Instructeur, Coordinateur, Expert,
 * Lecteur, Admin): the intended rights, not a copy of the table. */
static const struct { enum permission_op op; const char *may; } expected[] = {
	{OP_MOVE, "IC"}, {OP_OVERRIDE, "C"}, {OP_ASSIGN, "C"}, {OP_UNASSIGN, "C"},
	{OP_COMPLEMENTS, "IC"}, {OP_SCORE, "IC"}, {OP_CONFLICT, "ICE"},
	{OP_CONFLICT_OTHER, "C"}, {OP_OPINION_ASK, "C"}, {OP_OPINION_ANSWER, "E"},
	{OP_IMPORT, "A"}, {OP_ROSTER, "A"}, {OP_IMPERSONATE, "A"}, {OP_GRID_INSTALL, "A"},
};
static const char role_letters[] = "ICELA";	/* in enum role bit order */

struct cell {
	char dir[64];
	struct store *s;
	struct checklist *p1;
	long long d1, d2;	/* d1 in phase1, d2 submitted */
};

static void who(struct actor *a, const char *login, unsigned roles)
{
	memset(a, 0, sizeof *a);
	snprintf(a->login, sizeof a->login, "%s", login);
	snprintf(a->real_login, sizeof a->real_login, "%s", login);
	a->roles = roles;
}

/* A fresh database: the person under test ("cell", with roles), a
 * coordinateur-admin, an instructeur, an expert; d1 in phase 1, d2 submitted. */
static void cell_open(struct cell *c, unsigned roles)
{
	struct perr e = {0};
	memset(c, 0, sizeof *c);
	snprintf(c->dir, sizeof c->dir, "/tmp/ptce-test-perm-XXXXXX");
	assert_non_null(mkdtemp(c->dir));
	char *path = xasprintf("%s/t.db", c->dir);
	must(procedure_open(path, STORE_CREATE, &c->s, &e), &e);
	free(path);
	must(checklist_load_named("config/checklists", "phase1", &c->p1, &e), &e);
	sql(c->s,
	    "INSERT INTO campaigns(name, envelope_eur, amount_per_year_eur, years, is_current, created_at)"
	    "  VALUES ('AMI test', 150000, 50000, 2, 1, '2025-01-01T00:00:00Z');"
	    "INSERT INTO reviewers(login, display_name, created_at) VALUES"
	    " ('cell', 'Cell', 'x'), ('coord', 'Coord', 'x'), ('coord2', 'Coord2', 'x'),"
	    " ('instr', 'Instr', 'x'), ('exp', 'Expert', 'x');"
	    "INSERT INTO reviewer_roles VALUES ('coord', 'coordinateur'), ('coord', 'admin'),"
	    " ('coord2', 'coordinateur'), ('instr', 'instructeur'), ('exp', 'expert');"
	    "INSERT INTO dossiers(ds_number, campaign_id, state_since, lead_name, ptce_name, territory_type,"
	    " region_code, deposited_at, created_at, updated_at) VALUES"
	    " ('8001', 1, 'x', 'Lead 1', 'PTCE Un', 'rural', '44', '2025-02-01', 'x', 'x'),"
	    " ('8002', 1, 'x', 'Lead 2', 'PTCE Deux', 'rural', '44', '2025-02-02', 'x', 'x');");
	for (int i = 0; i < ROLE_COUNT; i++)
		if (roles & (1u << i)) {
			char *q = xasprintf("INSERT INTO reviewer_roles VALUES ('cell', '%s')", role_names[i]);
			sql(c->s, q);
			free(q);
		}
	c->d1 = 1;
	c->d2 = 2;
	struct actor coord;
	who(&coord, "coord", ROLE_COORDINATEUR | ROLE_ADMIN);
	struct move_request req = {.reason = "test"};
	must(move_apply(c->s, &coord, c->d1, "phase1", &req, &e), &e);
	/* What some operations act on: an assignment to take off, a request
	 * made to the person under test. */
	sql(c->s, "INSERT INTO assignments(dossier_id, login, assigned_by, assigned_at) VALUES (1, 'coord2', 'coord', 'x');"
		  "INSERT INTO opinions(dossier_id, expert, question, asked_by, asked_at) VALUES (1, 'cell', 'Q ?', 'coord', 'x');");
}

static void cell_close(struct cell *c)
{
	char *cmd = xasprintf("rm -rf '%s'", c->dir);
	store_close(&c->s);
	checklist_free(&c->p1);
	if (system(cmd) != 0)
		fprintf(stderr, "# could not remove %s\n", c->dir);
	free(cmd);
}

/* Call the core write that op names, as a. */
static int run_op(struct cell *c, enum permission_op op, const struct actor *a, struct perr *e)
{
	struct move_request req = {.reason = "motivation"};
	struct review *r = NULL;
	struct actor other = *a;
	int rc;
	switch (op) {
	case OP_MOVE:
		return move_apply(c->s, a, c->d2, "phase1", &req, e);
	case OP_OVERRIDE:
		req.override = 1;	/* no review: the guard says no */
		return move_apply(c->s, a, c->d1, "bouquet", &req, e);
	case OP_ASSIGN:
		return assignment_set(c->s, a, c->d1, "instr", 1, e);
	case OP_UNASSIGN:
		return assignment_set(c->s, a, c->d1, "coord2", 0, e);
	case OP_COMPLEMENTS:
		return complements_set(c->s, a, c->d1, "2026-12-15", "Statuts signés", e);
	case OP_SCORE:
		rc = review_open(c->s, a, c->d1, c->p1, NULL, &r, e);
		review_free(&r);
		return rc;
	case OP_CONFLICT:
		return conflict_declare(c->s, a, c->d1, NULL, "Administratrice", NULL, e);
	case OP_CONFLICT_OTHER:
		return conflict_declare(c->s, a, c->d1, "instr", "Salarié d'un membre", NULL, e);
	case OP_OPINION_ASK:
		return opinion_ask(c->s, a, c->d1, "exp", "Modèle économique ?", NULL, NULL, e);
	case OP_OPINION_ANSWER:
		return opinion_answer(c->s, a, 1, 1, "Favorable", NULL, e);
	case OP_IMPORT:
		return permission_import(a, e);	/* import_run's first check */
	case OP_ROSTER:
		return reviewer_add(c->s, a, "newbie", NULL, NULL, NULL, ROLE_LECTEUR, e);
	case OP_IMPERSONATE:
		return actor_impersonate(c->s, &other, "instr", e);
	case OP_GRID_INSTALL:
		return grid_install(c->s, a, c->p1, NULL, NULL, e);
	case OP_COUNT:
		break;
	}
	return perr_set(e, P_INTERNAL, "no test for operation %d", (int)op);
}

static const char *may_of(enum permission_op op)
{
	for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++)
		if (expected[i].op == op)
			return expected[i].may;
	return NULL;
}

/* Every operation has its expected row, and the table says the same. */
static void test_table_matches_expected(void **state)
{
	(void)state;
	for (int op = 0; op < OP_COUNT; op++) {
		const char *may = may_of((enum permission_op)op);
		if (!may)
			fail_msg("operation %s has no expected row in this test", permission_table[op].name);
		for (int r = 0; r < ROLE_COUNT; r++) {
			int want = strchr(may, role_letters[r]) != NULL;
			if (role_may(1u << r, (enum permission_op)op) != want)
				fail_msg("table: %s for %s says %d", permission_table[op].name, role_names[r], !want);
		}
	}
	/* A move's roles per transition are within the move row. */
	for (size_t i = 0; i < procedure_n_transitions; i++)
		assert_int_equal(procedure_transitions[i].roles & ~permission_table[OP_MOVE].roles, 0);
}

/* Every cell: the core write is accepted exactly when the role may. */
static void test_every_cell(void **state)
{
	(void)state;
	int cells = 0;
	for (int op = 0; op < OP_COUNT; op++) {
		const char *may = may_of((enum permission_op)op);
		assert_non_null(may);
		for (int r = -1; r < ROLE_COUNT; r++) {	/* -1: no role at all */
			unsigned roles = r < 0 ? 0 : 1u << r;
			int want = r >= 0 && strchr(may, role_letters[r]) != NULL;
			struct cell c;
			struct actor a;
			struct perr e = {0};
			cell_open(&c, roles);
			who(&a, "cell", roles);
			int rc = run_op(&c, (enum permission_op)op, &a, &e);
			if (want && rc < 0)
				fail_msg("%s as %s: refused: %s", permission_table[op].name,
					 r < 0 ? "no role" : role_names[r], e.msg);
			if (!want && (rc == 0 || e.status != P_REFUSED))
				fail_msg("%s as %s: not refused (rc %d, status %d: %s)", permission_table[op].name,
					 r < 0 ? "no role" : role_names[r], rc, (int)e.status, e.msg);
			cell_close(&c);
			cells++;
		}
	}
	assert_int_equal(cells, OP_COUNT * (ROLE_COUNT + 1));
}

/* The first role that may do op. */
static unsigned first_role(enum permission_op op)
{
	for (int r = 0; r < ROLE_COUNT; r++)
		if (role_may(1u << r, op))
			return 1u << r;
	return 0;
}

/* Each conflict rule binds: the person acting (PC_ACTOR), the person the
 * operation is about (PC_TARGET), refused with the reason declared. */
static void test_conflict_rules(void **state)
{
	(void)state;
	static const struct { enum permission_op op; const char *target; long long dossier; } targets[] = {
		{OP_ASSIGN, "instr", 1}, {OP_OPINION_ASK, "exp", 1},
	};
	for (int op = 0; op < OP_COUNT; op++) {
		if (!(permission_table[op].conflict & PC_ACTOR))
			continue;
		struct cell c;
		struct actor a;
		struct perr e = {0};
		unsigned roles = first_role((enum permission_op)op);
		cell_open(&c, roles);
		who(&a, "cell", roles);
		long long d = op == OP_MOVE ? c.d2 : c.d1;
		char *q = xasprintf("INSERT INTO conflicts(dossier_id, reviewer, reason, declared_by, declared_at)"
				    " VALUES (%lld, 'cell', 'Parent du porteur', 'cell', 'x')", d);
		sql(c.s, q);
		free(q);
		assert_int_equal(run_op(&c, (enum permission_op)op, &a, &e), -1);
		assert_int_equal(e.status, P_REFUSED);
		if (!strstr(e.msg, "conflict of interest") || !strstr(e.msg, "Parent du porteur"))
			fail_msg("%s in conflict: %s", permission_table[op].name, e.msg);
		cell_close(&c);
	}
	for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++) {
		assert_true(permission_table[targets[i].op].conflict & PC_TARGET);
		struct cell c;
		struct actor a;
		struct perr e = {0};
		cell_open(&c, ROLE_COORDINATEUR);
		who(&a, "cell", ROLE_COORDINATEUR);
		char *q = xasprintf("INSERT INTO conflicts(dossier_id, reviewer, reason, declared_by, declared_at)"
				    " VALUES (%lld, '%s', 'Associé', 'coord', 'x')", targets[i].dossier, targets[i].target);
		sql(c.s, q);
		free(q);
		assert_int_equal(run_op(&c, targets[i].op, &a, &e), -1);
		assert_int_equal(e.status, P_REFUSED);
		assert_non_null(strstr(e.msg, "conflict of interest"));
		cell_close(&c);
	}
}

/* A coordinateur in conflict sees the move refused with the reason (also
 * when only checking, as the interface does); another coordinateur decides. */
static void test_coordinateur_in_conflict(void **state)
{
	(void)state;
	struct cell c;
	struct actor co1, co2;
	struct perr e = {0};
	cell_open(&c, ROLE_COORDINATEUR);
	who(&co1, "cell", ROLE_COORDINATEUR);
	who(&co2, "coord2", ROLE_COORDINATEUR);
	must(conflict_declare(c.s, &co1, c.d1, NULL, "Administratrice de la structure porteuse", NULL, &e), &e);
	struct move_request req = {.reason = "Pas d'acteur de la recherche"};
	assert_int_equal(move_check(c.s, &co1, c.d1, "rejected", &req, &e), -1);
	assert_non_null(strstr(e.msg, "Administratrice de la structure porteuse"));
	assert_int_equal(move_apply(c.s, &co1, c.d1, "rejected", &req, &e), -1);
	assert_int_equal(e.status, P_REFUSED);
	assert_non_null(strstr(e.msg, "conflict of interest on dossier 8001"));
	must(move_apply(c.s, &co2, c.d1, "rejected", &req, &e), &e);
	/* nor can they be assigned it, or score it */
	struct actor boss;
	who(&boss, "coord2", ROLE_COORDINATEUR);
	assert_int_equal(assignment_set(c.s, &boss, c.d1, "cell", 1, &e), -1);
	assert_non_null(strstr(e.msg, "cell is in conflict of interest"));
	cell_close(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_matches_expected),
		cmocka_unit_test(test_every_cell),
		cmocka_unit_test(test_conflict_rules),
		cmocka_unit_test(test_coordinateur_in_conflict),
	};
	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
