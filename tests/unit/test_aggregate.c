/* test_aggregate.c - totals, bands, elimination, per criterion statistics,
 * divergence and the classement's order, on hand-computed cases. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "review/aggregate.h"

#define near(x, y) assert_true(fabs((x) - (y)) < 1e-6)

static struct checklist *grid(const char *path)
{
	struct perr e = {0};
	struct checklist *g = NULL;
	if (checklist_load_file(path, &g, &e) < 0)
		fail_msg("%s", e.msg);
	return g;
}

/* A review of g from "A=3 B=2 ..." with its total computed as ptce does. */
static struct review *mk(const struct checklist *g, const char *who, int submitted, const char *spec)
{
	struct review *r = xcalloc(1, sizeof *r);
	r->reviewer = xstrdup(who);
	r->submitted = submitted;
	r->n_answers = g->n_crit;
	r->answers = xcalloc(g->n_crit, sizeof *r->answers);
	for (size_t i = 0; i < g->n_crit; i++)
		r->answers[i].criterion = xstrdup(g->crit[i].id);
	char *copy = xstrdup(spec), *save = NULL;
	for (char *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		char *eq = strchr(w, '=');
		*eq = '\0';
		int i = checklist_index(g, w);
		assert_true(i >= 0);
		r->answers[i].value = xstrdup(eq + 1);
		r->answers[i].points = criterion_points(&g->crit[i], eq + 1);
	}
	free(copy);
	struct review_score sc;
	review_compute(g, r, &sc);
	r->total = sc.total;
	r->eliminated = sc.eliminated;
	return r;
}

static void test_review_totals(void **state)
{
	(void)state;
	struct checklist *g = grid("config/checklists/phase2.yaml");
	struct review_score sc;
	/* A 3/4 of 20 = 15, B 10, C 11.25, D 11.25, E 7.5, F 7.5, G 5 */
	struct review *r = mk(g, "alice", 1, "A=3 B=2 C=3 D=3 E=2 F=3 G=4");
	review_compute(g, r, &sc);
	near(sc.total, 67.5);
	assert_false(sc.eliminated);
	assert_string_equal(sc.band->id, "favourable");
	review_free(&r);
	/* A=1 gives 5 points < 8: eliminated even though the total is 65 */
	r = mk(g, "bob", 1, "A=1 B=4 C=1 D=3 E=4 F=2 G=4");
	review_compute(g, r, &sc);
	near(sc.total, 65.0);
	assert_true(sc.eliminated);
	assert_string_equal(sc.eliminated_by, "A");
	assert_string_equal(sc.band->id, "favourable");
	review_free(&r);
	/* B=1 eliminates too, A=2 (10 points) does not */
	r = mk(g, "x", 1, "A=2 B=1 C=4 D=4 E=4 F=4 G=4");
	review_compute(g, r, &sc);
	near(sc.total, 10 + 5 + 15 + 15 + 15 + 10 + 5);
	assert_string_equal(sc.eliminated_by, "B");
	review_free(&r);
	/* bands at their edges */
	assert_string_equal(checklist_band(g, 65)->id, "favourable");
	assert_string_equal(checklist_band(g, 64.99)->id, "reserve");
	assert_string_equal(checklist_band(g, 50)->id, "reserve");
	assert_string_equal(checklist_band(g, 49.99)->id, "defavourable");
	assert_string_equal(checklist_band(g, 0)->id, "defavourable");
	/* an unanswered criterion weighs nothing and eliminates nothing */
	r = mk(g, "y", 0, "C=4");
	review_compute(g, r, &sc);
	near(sc.total, 15);
	assert_false(sc.eliminated);
	review_free(&r);
	checklist_free(&g);
}

static void test_aggregate_stats(void **state)
{
	(void)state;
	struct checklist *g = grid("config/checklists/phase2.yaml");
	struct review *list[4];
	list[0] = mk(g, "alice", 1, "A=3 B=2 C=3 D=3 E=2 F=3 G=4");	/* 67.5 */
	list[1] = mk(g, "bob", 1, "A=1 B=4 C=1 D=3 E=4 F=2 G=4");	/* 65 */
	list[2] = mk(g, "carol", 1, "A=2 B=2 C=2 D=2 E=2 F=2 G=2");	/* 50 */
	list[3] = mk(g, "dan", 0, "A=0 B=0 C=0 D=0 E=0 F=0 G=0");	/* draft: ignored */
	struct aggregate ag;
	aggregate_compute(g, list, 4, &ag);
	assert_int_equal(ag.n_submitted, 3);
	assert_int_equal(ag.n_draft, 1);
	assert_int_equal(ag.required, 2);
	assert_true(ag.has_total);
	near(ag.mean_total, (67.5 + 65 + 50) / 3);	/* 60.8333 */
	near(ag.min_total, 50);
	near(ag.max_total, 67.5);
	assert_string_equal(ag.band->id, "reserve");
	assert_false(ag.eliminated);		/* A averages 10 points */
	const struct crit_stats *a = &ag.crit[checklist_index(g, "A")];
	assert_int_equal(a->n, 3);
	near(a->mean, 2);
	near(a->min, 1);
	near(a->max, 3);
	near(a->sd, sqrt(2.0 / 3.0));		/* population: ((1)^2 + (-1)^2 + 0) / 3 */
	near(a->mean_points, 10);
	assert_true(a->divergent);		/* 3 - 1 = 2 >= divergence 2 */
	const struct crit_stats *b = &ag.crit[checklist_index(g, "B")];
	near(b->mean, 8.0 / 3.0);
	near(b->sd, sqrt((2 * (2 - 8.0 / 3) * (2 - 8.0 / 3) + (4 - 8.0 / 3) * (4 - 8.0 / 3)) / 3));
	const struct crit_stats *d = &ag.crit[checklist_index(g, "D")];
	assert_false(d->divergent);		/* 3, 3, 2 */
	assert_false(ag.crit[checklist_index(g, "F")].divergent);	/* 3, 2, 2 */
	assert_true(ag.divergent);
	assert_string_equal(ag.divergent_on, "A (1..3), B (2..4), C (1..3), E (2..4), G (2..4)");
	assert_true(ag.gates_met);
	aggregate_done(&ag);
	for (int i = 0; i < 4; i++)
		review_free(&list[i]);

	/* The dossier is eliminated when a criterion's mean points fall under
	 * the rule: A = 1, 1, 2 gives (5 + 5 + 10) / 3 = 6.67 < 8. */
	list[0] = mk(g, "a", 1, "A=1 B=4 C=4 D=4 E=4 F=4 G=4");
	list[1] = mk(g, "b", 1, "A=1 B=4 C=4 D=4 E=4 F=4 G=4");
	list[2] = mk(g, "c", 1, "A=2 B=4 C=4 D=4 E=4 F=4 G=4");
	aggregate_compute(g, list, 3, &ag);
	assert_true(ag.eliminated);
	assert_string_equal(ag.eliminated_by, "A");
	near(ag.crit[0].mean_points, 20.0 / 3);
	assert_false(ag.divergent);		/* 2 - 1 = 1 < 2 */
	assert_null(ag.divergent_on);
	aggregate_done(&ag);
	for (int i = 0; i < 3; i++)
		review_free(&list[i]);

	/* No submitted review: nothing to average. */
	list[0] = mk(g, "a", 0, "A=4");
	aggregate_compute(g, list, 1, &ag);
	assert_int_equal(ag.n_submitted, 0);
	assert_false(ag.has_total);
	assert_null(ag.band);
	aggregate_done(&ag);
	review_free(&list[0]);
	checklist_free(&g);
}

static void test_gates(void **state)
{
	(void)state;
	struct checklist *g = grid("config/checklists/phase1.yaml");
	const char *all_yes = "R1=yes R2=yes R3=yes R4=yes R5=yes R6=yes R7=yes R8=yes R9=no R10=yes R11=yes";
	struct review *list[2];
	list[0] = mk(g, "alice", 1, all_yes);
	list[1] = mk(g, "bob", 1, "R1=yes R2=no R3=yes R4=yes R5=check R6=yes R7=yes R8=yes R9=no R10=no R11=yes");
	struct aggregate ag;
	aggregate_compute(g, list, 1, &ag);
	assert_true(ag.gates_met);		/* R9 "no" does not block */
	assert_false(ag.has_total);
	assert_false(ag.divergent);
	aggregate_done(&ag);
	aggregate_compute(g, list, 2, &ag);
	assert_false(ag.gates_met);
	assert_string_equal(ag.gates_failed, "R2 (bob)");	/* R10 "no" is not blocking */
	assert_true(ag.gates_to_check);		/* R5 */
	const struct crit_stats *r2 = &ag.crit[checklist_index(g, "R2")];
	assert_int_equal(r2->yes, 1);
	assert_int_equal(r2->no, 1);
	assert_true(r2->divergent);		/* yes and no on a blocking gate */
	assert_false(ag.crit[checklist_index(g, "R10")].divergent);	/* not blocking */
	assert_string_equal(ag.divergent_on, "R2 (yes and no)");
	aggregate_done(&ag);
	review_free(&list[0]);
	review_free(&list[1]);
	checklist_free(&g);
}

static struct rank_row row(const char *num, double mean, int priority, double tie_a,
			   const char *deposited)
{
	struct rank_row r = {0};
	r.ds_number = xstrdup(num);
	r.visible = 1;
	r.n_submitted = 2;
	r.gates_met = 1;
	r.has_total = 1;
	r.mean_total = mean;
	r.priority = priority;
	r.n_tie = 1;
	r.tie_means = xcalloc(1, sizeof *r.tie_means);
	r.tie_means[0] = tie_a;
	r.deposited_at = deposited ? xstrdup(deposited) : NULL;
	return r;
}

static void test_ranking_order(void **state)
{
	(void)state;
	struct rank_row *rows = xcalloc(8, sizeof *rows);
	rows[0] = row("101", 70, 0, 3, "2025-01-01");	/* urban */
	rows[1] = row("102", 70, 1, 2, "2025-01-05");	/* rural: before 101 */
	rows[2] = row("103", 70, 1, 3, "2025-01-09");	/* rural, better on A: before 102 */
	rows[3] = row("104", 80, 0, 4, "2025-01-01");
	rows[3].eliminated = 1;				/* eliminated: after every other reviewed one */
	rows[4] = row("105", 60, 1, 4, "2025-01-01");
	rows[5] = row("106", 60, 1, 4, "2024-12-31");	/* same as 105, deposited earlier */
	rows[6] = row("107", 99, 1, 4, "2025-01-01");
	rows[6].visible = 0;				/* hidden figures: last */
	rows[7] = row("9", 60, 1, 4, "2024-12-31");	/* same as 106: platform number 9 < 106 */
	ranking_sort(rows, 8);
	const char *order[] = {"103", "102", "101", "9", "106", "105", "104", "107"};
	for (int i = 0; i < 8; i++) {
		assert_string_equal(rows[i].ds_number, order[i]);
		assert_int_equal(rows[i].rank, i + 1);
	}
	assert_null(rows[0].tie_reason);
	assert_string_equal(rows[1].tie_reason, "higher mean on a tie-break criterion");
	assert_string_equal(rows[2].tie_reason, "priority territory (tie-break)");
	assert_null(rows[3].tie_reason);		/* 60 after 70: no tie */
	assert_string_equal(rows[4].tie_reason, "platform number");
	assert_string_equal(rows[5].tie_reason, "earlier deposit");
	assert_null(rows[6].tie_reason);
	ranking_free(&rows, 8);
	assert_null(rows);
}

static void test_gates_rank_before_total(void **state)
{
	(void)state;
	struct rank_row *rows = xcalloc(3, sizeof *rows);
	rows[0] = row("1", 90, 0, 0, NULL);
	rows[0].gates_met = 0;
	rows[1] = row("2", 10, 0, 0, NULL);
	rows[2] = row("3", 0, 0, 0, NULL);
	rows[2].n_submitted = 0;
	rows[2].has_total = 0;
	ranking_sort(rows, 3);
	assert_string_equal(rows[0].ds_number, "2");
	assert_string_equal(rows[1].ds_number, "1");
	assert_string_equal(rows[2].ds_number, "3");
	ranking_free(&rows, 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_review_totals),
		cmocka_unit_test(test_aggregate_stats),
		cmocka_unit_test(test_gates),
		cmocka_unit_test(test_ranking_order),
		cmocka_unit_test(test_gates_rank_before_total),
	};
	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
