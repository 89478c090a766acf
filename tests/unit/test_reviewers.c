/* test_reviewers.c - what reviewers use beside scoring: saved queue views,
 * the overdue compléments view, the phase 1 verdict, the matrix of reviews,
 * conflicts withdrawn, assignment candidates and refusals. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "fixture.h"
#include "procedure/actor.h"
#include "procedure/assignment.h"
#include "procedure/candidate.h"
#include "procedure/procedure.h"
#include "review/matrix.h"
#include "review/review.h"
#include "review/review_row.h"
#include "store/open.h"
#include "workflow/move.h"
#include "workflow/queue.h"
#include "workflow/queue_views.h"

struct fx {
	char dir[64];
	struct store *s;
	struct checklist *p1, *p2;
	struct actor coord, alice, bob, lect;
	long long d1, d2;	/* d1 in phase2, d2 in phase1 */
};

static void who(struct actor *a, const char *login, unsigned roles)
{
	memset(a, 0, sizeof *a);
	snprintf(a->login, sizeof a->login, "%s", login);
	snprintf(a->real_login, sizeof a->real_login, "%s", login);
	snprintf(a->display_name, sizeof a->display_name, "%s", login);
	a->roles = roles;
}

static void move(struct fx *f, long long id, const char *to, int override)
{
	struct perr e = {0};
	struct move_request req = {0};
	req.reason = "test";
	req.override = override;
	must(move_apply(f->s, &f->coord, id, to, &req, &e), &e);
}

static int setup(void **state)
{
	struct fx *f = xcalloc(1, sizeof *f);
	struct perr e = {0};
	snprintf(f->dir, sizeof f->dir, "/tmp/ptce-test-reviewers-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	char *path = xasprintf("%s/t.db", f->dir);
	must(procedure_open(path, STORE_CREATE, &f->s, &e), &e);
	free(path);
	must(checklist_load_named("config/checklists", "phase1", &f->p1, &e), &e);
	must(checklist_load_named("config/checklists", "phase2", &f->p2, &e), &e);
	sql(f->s,
	    "INSERT INTO campaigns(name, envelope_eur, amount_per_year_eur, years, is_current, created_at)"
	    "  VALUES ('AMI test', 150000, 50000, 2, 1, '2025-01-01T00:00:00Z');"
	    "INSERT INTO reviewers(login, display_name, created_at) VALUES"
	    " ('coord', 'Coord', 'x'), ('alice', 'Alice', 'x'), ('bob', 'Bob', 'x'), ('lect', 'Lect', 'x');"
	    "INSERT INTO reviewer_roles VALUES ('coord', 'coordinateur'), ('alice', 'instructeur'),"
	    " ('bob', 'instructeur'), ('lect', 'lecteur');"
	    "INSERT INTO dossiers(ds_number, campaign_id, state_since, lead_name, ptce_name, territory_type,"
	    " region_code, deposited_at, created_at, updated_at) VALUES"
	    " ('7001', 1, 'x', 'Lead 1', 'PTCE Un', 'rural', '44', '2025-02-01', 'x', 'x'),"
	    " ('7002', 1, 'x', 'Lead 2', 'PTCE Deux', 'urbain', '44', '2025-02-02', 'x', 'x');");
	f->d1 = 1;
	f->d2 = 2;
	who(&f->coord, "coord", ROLE_COORDINATEUR);
	who(&f->alice, "alice", ROLE_INSTRUCTEUR);
	who(&f->bob, "bob", ROLE_INSTRUCTEUR);
	who(&f->lect, "lect", ROLE_LECTEUR);
	move(f, f->d1, "phase1", 0);
	move(f, f->d1, "bouquet", 1);
	move(f, f->d1, "phase2", 0);
	move(f, f->d2, "phase1", 0);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	char *cmd = xasprintf("rm -rf '%s'", f->dir);
	store_close(&f->s);
	if (system(cmd) != 0)
		fprintf(stderr, "# could not remove %s\n", f->dir);
	free(cmd);
	checklist_free(&f->p1);
	checklist_free(&f->p2);
	free(f);
	return 0;
}

/* Write (and submit) a review from "A=3 B=2 ..." on grid g. */
static void score(struct fx *f, const struct actor *a, long long id, const struct checklist *g,
		  const char *spec)
{
	struct review_input in[24];
	size_t n = 0;
	struct perr e = {0};
	char *copy = xstrdup(spec), *save = NULL;
	for (char *w = strtok_r(copy, " ", &save); w && n < 23; w = strtok_r(NULL, " ", &save)) {
		char *eq = strchr(w, '=');
		*eq = '\0';
		in[n].criterion = w;
		in[n].value = eq + 1;
		in[n++].comment = "Motif";
	}
	must(review_write(f->s, a, id, g, in, n, 1, NULL, NULL, NULL, &e), &e);
	free(copy);
}

static void test_saved_views(void **state)
{
	struct fx *f = *state;
	struct perr e = {0};
	struct queue_spec q;
	queue_spec_init(&q, "alice");
	q.view = QV_TODO;
	q.sort = QC_TOTAL;
	q.desc = 1;
	must(queue_set_filter(&q, "state=phase1 region=44", &e), &e);
	must(queue_view_save(f->s, "alice", "Grand Est", &q, &e), &e);
	must(queue_view_save(f->s, "alice", "Grand Est", &q, &e), &e);	/* replaced, not doubled */
	queue_spec_done(&q);
	struct saved_view *v = NULL;
	size_t n = 0;
	must(queue_view_list(f->s, "alice", &v, &n, &e), &e);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].filter, "state=phase1 region=44");
	queue_view_list_free(&v, n);
	must(queue_view_list(f->s, "bob", &v, &n, &e), &e);
	assert_int_equal(n, 0);		/* per reviewer */
	struct saved_view one;
	must(queue_view_find(f->s, "alice", "Grand Est", &one, &e), &e);
	queue_spec_init(&q, "alice");
	must(queue_view_apply(&one, &q, &e), &e);
	assert_int_equal(q.view, QV_TODO);
	assert_int_equal(q.sort, QC_TOTAL);
	assert_int_equal(q.desc, 1);
	assert_string_equal(q.state, "phase1");
	assert_string_equal(q.region, "44");
	long long count = 0;
	must(queue_count(f->s, &q, &count, &e), &e);
	assert_int_equal(count, 1);
	queue_spec_done(&q);
	saved_view_clear(&one);
	assert_int_equal(queue_view_find(f->s, "alice", "nope", &one, &e), -1);
	assert_int_equal(e.status, P_NOTFOUND);
	assert_non_null(strstr(e.msg, "Grand Est"));
	must(queue_view_delete(f->s, "alice", "Grand Est", &e), &e);
	assert_int_equal(queue_view_delete(f->s, "alice", "Grand Est", &e), -1);
}

static void test_overdue(void **state)
{
	struct fx *f = *state;
	struct perr e = {0};
	sql(f->s, "UPDATE dossiers SET complements_due = date('now', '-3 days') WHERE id = 1;"
		  "UPDATE dossiers SET complements_due = date('now', '+3 days') WHERE id = 2;");
	struct queue_spec q;
	queue_spec_init(&q, "alice");
	q.view = QV_OVERDUE;
	long long count = 0;
	must(queue_count(f->s, &q, &count, &e), &e);
	assert_int_equal(count, 1);
	q.view = QV_ALL;
	struct queue_row *rows = NULL;
	size_t n = 0;
	must(queue_fetch(f->s, &q, 0, 10, &rows, &n, &e), &e);
	assert_int_equal(n, 2);
	assert_int_equal(rows[0].complements, 1);
	assert_int_equal(rows[0].late, 1);
	assert_int_equal(rows[1].complements, 1);
	assert_int_equal(rows[1].late, 0);
	queue_rows_free(&rows, n);
	queue_spec_done(&q);
}

static void test_verdict(void **state)
{
	struct fx *f = *state;
	struct perr e = {0};
	struct review_row rr;
	must(review_row_fill(f->s, &f->coord, f->d2, &rr, &e), &e);
	assert_int_equal(review_row_verdict(&rr), GV_NONE);
	score(f, &f->alice, f->d2, f->p1, "R1=yes R2=yes R3=yes R4=yes R5=yes R6=yes R7=check R8=yes"
	      " R9=yes R10=yes R11=yes observations=ok");
	must(review_row_fill(f->s, &f->coord, f->d2, &rr, &e), &e);
	assert_int_equal(review_row_verdict(&rr), GV_CHECK);
	score(f, &f->bob, f->d2, f->p1, "R1=yes R2=no R3=yes R4=yes R5=yes R6=yes R7=yes R8=yes"
	      " R9=yes R10=yes R11=yes observations=ok");
	must(review_row_fill(f->s, &f->coord, f->d2, &rr, &e), &e);
	assert_int_equal(review_row_verdict(&rr), GV_BLOCKED);
	must(review_row_fill(f->s, &f->lect, f->d2, &rr, &e), &e);
	assert_int_equal(review_row_verdict(&rr), GV_BLOCKED);	/* a lecteur sees submitted ones */
}

static void test_matrix(void **state)
{
	struct fx *f = *state;
	struct perr e = {0};
	score(f, &f->alice, f->d1, f->p2, "A=4 B=3 C=2 D=2 E=2 F=2 G=2 synthese=x");
	score(f, &f->bob, f->d1, f->p2, "A=1 B=3 C=3 D=2 E=2 F=2 G=2 synthese=y");
	struct review **list = NULL;
	size_t n = 0;
	int hidden = 0;
	must(review_list_visible(f->s, &f->coord, f->d1, "phase2", &list, &n, &hidden, &e), &e);
	assert_int_equal(n, 2);
	struct review_matrix m;
	review_matrix_build(f->p2, list, n, &m);
	assert_int_equal(m.n_rows, f->p2->n_crit);
	assert_string_equal(m.rows[0].crit->id, "A");
	assert_int_equal(m.rows[0].min, 1);
	assert_int_equal(m.rows[0].max, 4);
	assert_int_equal(m.rows[0].divergent, 1);
	assert_int_equal(m.rows[1].divergent, 0);	/* B: 3 and 3 */
	assert_int_equal(m.rows[2].divergent, 0);	/* C: 2 and 3, under the grid's 2 */
	assert_int_equal(m.n_divergent, 1);
	review_matrix_free(&m);
	review_list_free(&list, n);
}

static void test_conflict_withdraw(void **state)
{
	struct fx *f = *state;
	struct perr e = {0};
	must(conflict_declare(f->s, &f->alice, f->d2, NULL, "Ancienne administratrice", NULL, &e), &e);
	assert_int_equal(assignment_set(f->s, &f->coord, f->d2, "alice", 1, &e), -1);
	assert_int_equal(e.status, P_REFUSED);
	assert_non_null(strstr(e.msg, "conflict of interest"));
	struct candidate *c = NULL;
	size_t n = 0;
	must(candidate_list(f->s, f->d2, &c, &n, &e), &e);
	assert_int_equal(n, 3);			/* not the lecteur */
	assert_string_equal(c[0].login, "alice");
	assert_int_equal(c[0].conflict, 1);
	const char *unique = NULL;
	char *all = candidate_complete(c, n, "b", &unique);
	assert_string_equal(all, "bob");
	assert_string_equal(unique, "bob");
	free(all);
	all = candidate_complete(c, n, "", &unique);
	assert_string_equal(all, "alice, bob, coord");
	assert_null(unique);
	free(all);
	candidate_list_free(&c, n);
	perr_clear(&e);
	assert_int_equal(conflict_withdraw(f->s, &f->bob, f->d2, "alice", NULL, NULL, &e), -1);
	assert_int_equal(e.status, P_REFUSED);
	must(conflict_withdraw(f->s, &f->alice, f->d2, NULL, "déclaré par erreur", NULL, &e), &e);
	assert_int_equal(sql_int(f->s, "SELECT count(*) FROM history WHERE kind = 'conflict-withdrawn'"
				 " AND actor = 'alice' AND motivation = 'déclaré par erreur'"), 1);
	assert_int_equal(conflict_withdraw(f->s, &f->alice, f->d2, NULL, NULL, NULL, &e), -1);
	assert_int_equal(e.status, P_NOTFOUND);
	must(assignment_set(f->s, &f->coord, f->d2, "alice", 1, &e), &e);
	must(candidate_list(f->s, f->d2, &c, &n, &e), &e);
	assert_string_equal(c[n - 1].login, "alice");	/* most loaded last */
	assert_int_equal(c[n - 1].load, 1);
	assert_int_equal(c[n - 1].assigned, 1);
	candidate_list_free(&c, n);
	/* A coordinateur withdraws one declared by someone else. */
	must(conflict_declare(f->s, &f->bob, f->d1, NULL, "Parent", NULL, &e), &e);
	must(conflict_withdraw(f->s, &f->coord, f->d1, "bob", NULL, NULL, &e), &e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_saved_views, setup, teardown),
		cmocka_unit_test_setup_teardown(test_overdue, setup, teardown),
		cmocka_unit_test_setup_teardown(test_verdict, setup, teardown),
		cmocka_unit_test_setup_teardown(test_matrix, setup, teardown),
		cmocka_unit_test_setup_teardown(test_conflict_withdraw, setup, teardown),
	};
	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
