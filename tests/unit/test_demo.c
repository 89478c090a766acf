/* test_demo.c - demo_fill on its own: with the tree's grids every guard is
 * met; without grids nor campaigns the demo is still made, overrides motivated. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "cli/app.h"
#include "demo/demo.h"
#include "demo/dossiers_data.h"
#include "procedure/procedure.h"
#include "store/open.h"

struct fixture {
	char dir[64];
	char *db;
	struct app app;
	char *errbuf;
	size_t errlen;
};

static long long count(struct store *s, const char *sql)
{
	sqlite3_stmt *st = NULL;
	long long n = -1;
	assert_int_equal(sqlite3_prepare_v2(s->db, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* A fresh database with one admin + coordinateur, as 'ptce init' leaves it
 * (campaigns only when with_campaign). */
static void open_fixture(struct fixture *f, const char *name, int with_grids, int with_campaign)
{
	struct perr e = {0};
	config_defaults(&f->app.cfg);
	/* Tests run from the top of the tree (tests/run-all.sh); the sanitized
	 * build lives too deep for the in-tree lookup of config_defaults. */
	free(f->app.cfg.checklists_dir);
	f->app.cfg.checklists_dir = with_grids ? xstrdup("config/checklists")
				    : xasprintf("%s/no-grids-here", f->dir);
	f->db = xasprintf("%s/%s", f->dir, name);
	assert_int_equal(procedure_open(f->db, STORE_CREATE, &f->app.store, &e), 0);
	if (with_campaign)
		assert_int_equal(store_exec(f->app.store,
			"INSERT INTO campaigns(name, envelope_eur, amount_per_year_eur, years, is_current, created_at)"
			" VALUES ('AMI PTCE 2025', 500000, 50000, 2, 1, '2025-01-01T00:00:00Z')", &e), 0);
	assert_int_equal(store_exec(f->app.store,
		"INSERT INTO reviewers(login, display_name, created_at) VALUES ('operator', 'Opérateur', '2025-01-01T00:00:00Z');"
		"INSERT INTO reviewer_roles VALUES ('operator', 'admin'), ('operator', 'coordinateur');", &e), 0);
	assert_int_equal(actor_load(f->app.store, "operator", &f->app.actor, &e), 0);
	f->app.out = stdout;
	f->app.err = open_memstream(&f->errbuf, &f->errlen);
	assert_non_null(f->app.err);
}

static void close_fixture(struct fixture *f)
{
	store_close(&f->app.store);
	fclose(f->app.err);
	free(f->errbuf);
	config_done(&f->app.cfg);
	free(f->db);
}

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);
	snprintf(f->dir, sizeof f->dir, "/tmp/ptce-demo.XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	char *cmd = xasprintf("rm -rf '%s'", f->dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(f);
	return 0;
}

static void common_checks(struct store *s)
{
	assert_true(count(s, "SELECT count(*) FROM dossiers") >= 24);
	assert_int_equal(count(s, "SELECT count(DISTINCT state) FROM dossiers"), 7);
	assert_int_equal(count(s, "SELECT count(*) FROM dossiers d WHERE d.state IS NOT"
			       " (SELECT to_state FROM history h WHERE h.dossier_id = d.id"
			       "  AND h.to_state IS NOT NULL ORDER BY h.id DESC LIMIT 1)"), 0);
	assert_int_equal(count(s, "SELECT count(*) FROM reviewers WHERE active = 1"), 9);
	assert_int_equal(count(s, "SELECT count(*) FROM dossiers WHERE state = 'funded'"), 3);
}

static void test_with_grids(void **state)
{
	struct fixture *f = *state;
	struct perr e = {0};
	if (access("config/checklists/phase1.yaml", R_OK) != 0 ||
	    access("config/checklists/phase2.yaml", R_OK) != 0)
		fail_msg("run from the top of the tree: config/checklists/phase1.yaml and phase2.yaml are needed");
	open_fixture(f, "grids.db", 1, 1);
	assert_int_equal(demo_fill(f->app.store, &f->app.actor, f->app.cfg.checklists_dir, f->app.err, &e), 0);
	fflush(f->app.err);
	assert_string_equal(f->errbuf ? f->errbuf : "", "");
	common_checks(f->app.store);
	/* Reviews were written before every guarded move: nothing overridden. */
	assert_int_equal(count(f->app.store, "SELECT count(*) FROM history WHERE override = 1"), 0);
	assert_true(count(f->app.store, "SELECT count(*) FROM reviews WHERE status = 'submitted'") >= 40);
	assert_int_equal(count(f->app.store, "SELECT count(*) FROM funding_decisions"), 3);
	assert_int_equal(count(f->app.store, "SELECT count(*) FROM campaigns"), 1);
	/* The account running it keeps its own roles and is not duplicated. */
	assert_int_equal(count(f->app.store, "SELECT count(*) FROM reviewer_roles WHERE login = 'operator'"), 2);
	close_fixture(f);
}

static void test_without_grids_nor_campaign(void **state)
{
	struct fixture *f = *state;
	struct perr e = {0};
	open_fixture(f, "bare.db", 0, 0);
	assert_int_equal(demo_fill(f->app.store, &f->app.actor, f->app.cfg.checklists_dir, f->app.err, &e), 0);
	fflush(f->app.err);
	assert_non_null(f->errbuf);
	assert_non_null(strstr(f->errbuf, "reviews left out"));
	common_checks(f->app.store);
	/* The guarded moves are recorded as motivated overrides, and a demo
	 * round was declared so that laureates have an envelope. */
	assert_true(count(f->app.store, "SELECT count(*) FROM history WHERE override = 1") >= 5);
	assert_int_equal(count(f->app.store, "SELECT count(*) FROM history WHERE override = 1"
			       " AND length(motivation) < 20"), 0);
	assert_int_equal(count(f->app.store, "SELECT count(*) FROM campaigns WHERE is_current = 1"), 1);
	assert_int_equal(count(f->app.store, "SELECT count(*) FROM reviews"), 0);
	close_fixture(f);
}

static int is_person(const char *login)
{
	for (size_t p = 0; p < demo_n_people; p++)
		if (strcmp(demo_people[p].login, login) == 0)
			return 1;
	return 0;
}

static int path_has(enum demo_path path, enum demo_step_kind kind, int own_reason)
{
	const struct demo_step *st = demo_paths[path].steps;
	for (size_t j = 0; j < DEMO_MAX_STEPS && st[j].kind != STEP_END; j++)
		if (st[j].kind == kind && (!own_reason || !st[j].reason))
			return 1;
	return 0;
}

/* The story is data: each path's events come in time order, and every
 * dossier gives what its path takes from it. */
static void test_tables(void **state)
{
	(void)state;
	for (int p = 0; p < PATH_COUNT; p++) {
		const struct demo_step *st = demo_paths[p].steps;
		double last = 1.0;
		assert_non_null(demo_paths[p].ds_status);
		for (size_t j = 0; j < DEMO_MAX_STEPS && st[j].kind != STEP_END; j++) {
			if (st[j].kind == STEP_EXTRAS)
				continue;
			double first = st[j].validated > 0 ? st[j].validated : st[j].at;
			assert_true(first <= last && st[j].at > 0 && st[j].at <= first);
			last = st[j].at;
			if (st[j].kind == STEP_OPEN || st[j].kind == STEP_MOVE)
				assert_non_null(st[j].to);
			if (st[j].kind == STEP_OPEN)
				assert_true(st[j].n >= 1 && st[j].n <= 2);
		}
	}
	assert_true(demo_n_dossiers >= 24);
	for (size_t i = 0; i < demo_n_dossiers; i++) {
		const struct demo_dossier *dd = &demo_dossiers[i];
		const struct demo_fate *f = &dd->fate;
		assert_true(f->path >= 0 && f->path < PATH_COUNT);
		if (path_has(f->path, STEP_MOVE, 1))
			assert_true(f->decision && strlen(f->decision) >= 40);
		if (path_has(f->path, STEP_REVIEWS2, 0))
			assert_true(f->p2_answers[0] && f->p2_answers[1]);
		if (f->p1_plan)
			assert_true(strlen(f->p1_plan) == 2 && strspn(f->p1_plan, "SD-") == 2);
		for (int j = 0; j < 2; j++)
			if (f->reviewers[j])
				assert_true(is_person(f->reviewers[j]));
		if (f->conflict.login)
			assert_true(is_person(f->conflict.login) && f->conflict.text);
		if (f->opinion.expert)
			assert_true(is_person(f->opinion.expert) && f->opinion.question);
		if (f->complements.note)
			assert_true(is_person(f->complements.by));
		assert_true(dd->members[2] != NULL);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_with_grids, setup, teardown),
		cmocka_unit_test_setup_teardown(test_without_grids_nor_campaign, setup, teardown),
		cmocka_unit_test(test_tables),
	};
	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
