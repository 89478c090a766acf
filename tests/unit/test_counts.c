/* test_counts.c - migration 14's counts of the dossiers by state, région
 * and département: kept by the triggers through inserts, moves, changes
 * of place and deletes, and the queue's counts read from them are the
 * dossiers' own, for every view and filter they serve and the others. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "fixture.h"
#include "procedure/procedure.h"
#include "store/store.h"
#include "workflow/queue.h"
#include "workflow/queue_bench.h"
#include "workflow/queue_sql.h"

/* Move the dossiers where cond holds to state, each with its history
 * entry (a state changes only with one). */
static void move(struct store *s, const char *cond, const char *to)
{
	char *q = sqlite3_mprintf(
		"INSERT INTO history(dossier_id, at, actor, real_actor, kind, from_state, to_state)"
		" SELECT id, '2026-01-01T00:00:00Z', 'a', 'a', 'move', state, %Q FROM dossiers WHERE %s;"
		"UPDATE dossiers SET state = %Q WHERE %s;", to, cond, to, cond);
	sql(s, q);
	sqlite3_free(q);
}

/* The stored counts are the dossiers' own, group by group. */
static void check_table(struct store *s)
{
	assert_int_equal(sql_int(s, "SELECT count(*) FROM ("
			     " SELECT state, coalesce(region_code, '') r, coalesce(departement_code, '') d,"
			     "  count(*) n FROM dossiers GROUP BY 1, 2, 3"
			     " EXCEPT SELECT state, region_code, departement_code, n FROM queue_counts)"), 0);
	assert_int_equal(sql_int(s, "SELECT count(*) FROM queue_counts q WHERE n <> (SELECT count(*)"
			     " FROM dossiers d WHERE d.state = q.state AND coalesce(d.region_code, '') ="
			     " q.region_code AND coalesce(d.departement_code, '') = q.departement_code)"), 0);
}

/* The queue's count of a view and a filter against the dossiers counted
 * one by one (queue_ids), in an order. */
static long long check_queue(struct store *s, enum queue_view v, const char *filter, enum queue_col c)
{
	struct perr e = {0};
	struct queue_spec q;
	queue_spec_init(&q, "nobody");
	q.view = v;
	q.sort = c;
	assert_int_equal(queue_set_filter(&q, filter, &e), 0);
	long long n = -1, *ids = NULL;
	size_t ni = 0;
	assert_int_equal(queue_count(s, &q, &n, &e), 0);
	assert_int_equal(queue_ids(s, &q, &ids, &ni, &e), 0);
	if (n != (long long)ni)
		fail_msg("view %d, filter '%s', order %d: counted %lld, shown %zu", (int)v, filter, (int)c, n, ni);
	free(ids);
	queue_spec_done(&q);
	return n;
}

static void test_counts(void **state)
{
	struct fixture_db *f = *state;
	struct perr e = {0};
	assert_int_equal(queue_bench_fill(f->s, 700, &e), 0);
	check_table(f->s);
	/* Moves, a change of place, a dossier without région, deletes. */
	move(f->s, "id % 3 = 0", "phase1");
	move(f->s, "id % 6 = 0", "bouquet");
	move(f->s, "id % 12 = 0", "phase2");
	move(f->s, "id % 6 = 3 AND id % 5 = 1", "rejected");
	sql(f->s, "UPDATE dossiers SET region_code = '84', departement_code = '69' WHERE id % 5 = 0");
	sql(f->s, "UPDATE dossiers SET region_code = NULL, departement_code = NULL WHERE id % 13 = 0");
	sql(f->s, "UPDATE dossiers SET ptce_name = ptce_name || ' bis' WHERE id % 4 = 0");
	sql(f->s, "PRAGMA foreign_keys = OFF");
	sql(f->s, "DELETE FROM dossiers WHERE id % 17 = 0");
	check_table(f->s);
	const char *filters[] = {"", "region=84", "state=phase1", "state=phase1 state=phase2",
				 "departement=69", "region=84 state=rejected", "region=11 departement=75",
				 "assignee=nobody"};
	const enum queue_view views[] = {QV_ALL, QV_TODO, QV_PHASE2, QV_OVERDUE, QV_MINE};
	for (size_t v = 0; v < sizeof views / sizeof *views; v++)
		for (size_t i = 0; i < sizeof filters / sizeof *filters; i++)
			/* The région order writes the filters apart: the same rows. */
			assert_int_equal(check_queue(f->s, views[v], filters[i], QC_NUMBER),
					 check_queue(f->s, views[v], filters[i], QC_REGION));
}

/* Ordered by région and filtered on régions or départements (the filters
 * written on the order's keys, their ties sought value by value): every
 * row's place found near the ends is its place in the queue, both ways. */
static void test_near_keyed(void **state)
{
	struct fixture_db *f = *state;
	struct perr e = {0};
	assert_int_equal(queue_bench_fill(f->s, 700, &e), 0);
	sql(f->s, "UPDATE dossiers SET region_code = '84', departement_code = CASE id % 3"
		      " WHEN 0 THEN '69' WHEN 1 THEN '38' ELSE '01' END WHERE id % 4 = 0");
	sql(f->s, "UPDATE dossiers SET region_code = NULL, departement_code = NULL WHERE id % 13 = 0");
	const char *filters[] = {"region=84", "departement=69", "region=84 region=11", "departement=69 departement=75",
				 "region=84 departement=38", "region=11"};
	for (size_t i = 0; i < sizeof filters / sizeof *filters; i++)
		for (int desc = 0; desc < 2; desc++) {
			struct queue_spec q;
			queue_spec_init(&q, "nobody");
			q.sort = QC_REGION;
			q.desc = desc;
			assert_int_equal(queue_set_filter(&q, filters[i], &e), 0);
			long long n = 0, *ids = NULL;
			size_t ni = 0;
			assert_int_equal(queue_count(f->s, &q, &n, &e), 0);
			assert_int_equal(queue_ids(f->s, &q, &ids, &ni, &e), 0);
			assert_int_equal(n, (long long)ni);
			assert_true(ni > 10);
			for (size_t k = 0; k < ni; k++) {
				long long pos = -3;
				assert_int_equal(queue_position_near(f->s, &q, ids[k], n, 1000, &pos, &e), 0);
				if (pos != (long long)k)
					fail_msg("'%s' %s: row %zu found at %lld", filters[i],
						 desc ? "descending" : "ascending", k, pos);
			}
			free(ids);
			queue_spec_done(&q);
		}
}

int main(void)
{
	cmocka_set_message_output(CM_OUTPUT_TAP);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_counts, fixture_db_setup, fixture_db_teardown),
		cmocka_unit_test_setup_teardown(test_near_keyed, fixture_db_setup, fixture_db_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
