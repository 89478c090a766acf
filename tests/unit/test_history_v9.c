/* test_history_v9.c - migration 9: the English sentences of a version 8
 * history read back as parameters, the audit chain still whole after the
 * upgrade. With "--make-v8 PATH [LOGIN]" it writes such a version 8
 * database (LOGIN its admin and coordinateur) for
 * tests/cli/history-lang.sh (the languages are shown by the binary). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/kv.h"
#include "procedure/history_text.h"
#include "procedure/procedure.h"
#include "store/audit_verify.h"
#include "store/history_v9.h"
#include "store/open.h"
#include "store/schema.h"
#include "store/stmt.h"

/* kind, the English detail ptce up to version 8 wrote, the parameters. */
static const char *const cases[][3] = {
	{"create", "imported", "source=imported"},
	{"create", "imported from the platform", "source=platform"},
	{"assign", "alice", "login=alice"},
	{"assign", "bob (imported from the platform)", "login=bob\nsource=platform"},
	{"unassign", "bob", "login=bob"},
	{"review", "review submitted on grid phase1 (version afddcac8923577b1)",
	 "action=submitted\ngrid=phase1\nversion=afddcac8923577b1"},
	{"review", "review submitted on grid phase1 (version afddcac8923577b1); changed since reopened: C1 (2 → 3)",
	 "action=submitted\ngrid=phase1\nversion=afddcac8923577b1\nchanges=C1 (2 → 3)"},
	{"review", "review reopened on grid phase1", "action=reopened\ngrid=phase1"},
	{"opinion", "opinion 3 asked of carol", "action=asked\nid=3\nexpert=carol"},
	{"opinion", "opinion 3 answered: defavourable", "action=answered\nid=3\nverdict=defavourable"},
	{"opinion", "dan@example.org (imported from the platform)",
	 "action=imported\nexpert=dan@example.org\nsource=platform"},
	{"conflict", "conflict of interest: bob", "person=bob"},
	{"conflict-withdrawn", "conflict of interest withdrawn: bob", "person=bob"},
	{"complements", "due 2026-12-01", "due=2026-12-01"},
	{"complements", "cleared", "action=cleared"},
	{"document", "budget, v2.pdf, 1.4 kB, pdf", "file=budget, v2.pdf\nsize=1.4 kB\ntype=pdf"},
	{"document", "3 from pieces.zip", "count=3\narchive=pieces.zip"},
	{"update", "ptce_name, members", "field=ptce_name\nfield=members"},
	{"update", "ptce_name: \"Old; x\" → \"New\"; budget_eur: (empty) → \"1000\"; members: 2 → 3",
	 "field=ptce_name\nold=Old; x\nnew=New\nfield=budget_eur\nold=\nnew=1000\nfield=members\nold=2\nnew=3"},
	{"update", "a\nsentence nobody wrote", "text=a\\nsentence nobody wrote"},
};
#define N_CASES (sizeof cases / sizeof cases[0])

static void params_of_english(void **state)
{
	(void)state;
	for (size_t i = 0; i < N_CASES; i++) {
		char *p = history_v9_params(cases[i][0], cases[i][1]);
		assert_string_equal(p, cases[i][2]);
		free(p);
	}
}

static void kv_round_trip(void **state)
{
	(void)state;
	char *p = NULL, *k, *v;
	kv_add(&p, "a", "x=y\\z\nw");
	kv_add(&p, "b", "");
	kv_add(&p, "c", NULL);
	assert_string_equal(p, "a=x=y\\\\z\\nw\nb=");
	assert_true(kv_is(p));
	const char *q = kv_next(p, &k, &v);
	assert_string_equal(k, "a");
	assert_string_equal(v, "x=y\\z\nw");
	free(k);
	free(v);
	q = kv_next(q, &k, &v);
	assert_string_equal(k, "b");
	assert_string_equal(v, "");
	free(k);
	free(v);
	assert_null(kv_next(q, &k, &v));
	free(p);
	assert_false(kv_is("review submitted on grid x"));
}

/* A database at version 8 (migrations 1 to 8, as an older ptce left it),
 * one dossier whose history holds every sentence of cases[] and a move
 * recorded for someone else. */
static int make_v8(const char *path, const char *login)
{
	struct store *s = NULL;
	struct perr e = {0};
	FILE *f = fopen(path, "w");
	if (!f || fclose(f) != 0 || store_open_raw_new(path, &s, &e) < 0 || store_begin(s, &e) < 0)
		goto fail;
	for (size_t i = 0; i < store_n_migrations && store_migrations[i].version <= 8; i++) {
		const struct migration *m = &store_migrations[i];
		char sql[48];
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d", m->version);
		if ((m->sql && store_exec(s, m->sql, &e) < 0) || (m->apply && m->apply(s, &e) < 0) ||
		    store_exec(s, sql, &e) < 0)
			goto fail;
	}
	const char *at = "2026-06-26T11:52:00Z";
	if (procedure_mirror(s, &e) < 0 ||
	    stmt_run(s, &e, "reviewer", "INSERT INTO reviewers(login, display_name, created_at)"
		     " VALUES ('alice', 'Alice', ?), ('coord', 'Coord', ?)", "tt", at, at) < 0 ||
	    stmt_run(s, &e, "dossier", "INSERT INTO dossiers(id, ds_number, state, state_since, lead_name,"
		     " ptce_name, created_at, updated_at) VALUES (1, '1001', 'submitted', ?, 'Lead', 'PTCE',"
		     " ?, ?)", "ttt", at, at, at) < 0 ||
	    /* an installed grid: its version and installation are sealed by
	     * migration 10 (origin among the digested columns) */
	    stmt_run(s, &e, "grid", "INSERT INTO grid_versions(id, grid_id, hash, phase, title,"
		     " reviews_required, blind, divergence, points_total, content, first_used_at, origin)"
		     " VALUES (1, 'phase1', 'afddcac8923577b1', 1, 'Phase 1', 1, 0, 2, 0, 'id: phase1', ?,"
		     " 'install')", "t", at) < 0 ||
	    stmt_run(s, &e, "install", "INSERT INTO grid_installs(grid_id, version_id, installed_by,"
		     " real_installed_by, installed_at, source_file) VALUES ('phase1', 1, 'alice', 'alice',"
		     " ?, '/etc/ptce/checklists/phase1.yaml')", "t", at) < 0)
		goto fail;
	if (login && (stmt_run(s, &e, "operator", "INSERT INTO reviewers(login, display_name, created_at)"
			       " VALUES (?, 'Operator', ?)", "tt", login, at) < 0 ||
		      stmt_run(s, &e, "roles", "INSERT INTO reviewer_roles(login, role) VALUES (?, 'admin'),"
			       " (?, 'coordinateur')", "tt", login, login) < 0))
		goto fail;
	for (size_t i = 0; i < N_CASES; i++)
		if (stmt_run(s, &e, "history", "INSERT INTO history(dossier_id, at, actor, real_actor, kind,"
			     " detail) VALUES (1, ?, 'alice', 'alice', ?, ?)", "ttt", at, cases[i][0],
			     cases[i][1]) < 0)
			goto fail;
	if (stmt_run(s, &e, "move", "INSERT INTO history(dossier_id, at, actor, real_actor, kind, from_state,"
		     " to_state, motivation, detail) VALUES (1, ?, 'coord', 'alice', 'move', 'submitted', 'phase1',"
		     " 'complete', 'recorded by alice acting as coord')", "t", at) < 0 ||
	    store_commit(s, &e) < 0)
		goto fail;
	store_close(&s);
	return 0;
fail:
	fprintf(stderr, "make_v8: %s\n", e.msg);
	store_close(&s);
	return 1;
}

static void upgrade_keeps_the_chain(void **state)
{
	(void)state;
	char path[] = "/tmp/ptce-v9-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(make_v8(path, NULL), 0);
	struct store *s = NULL;
	struct perr e = {0};
	assert_int_equal(store_open(path, STORE_EXISTING, &s, &e), 0);
	long long v = 0, n = 0;
	assert_int_equal(stmt_int(s, &v, 0, &e, "version", "PRAGMA user_version", NULL), 0);
	assert_int_equal(v, store_schema_version());
	struct audit_report r;
	assert_int_equal(audit_verify(s, NULL, &r, &e), 0);
	for (size_t i = 0; i < r.n; i++)
		fprintf(stderr, "# %s %s: %s\n", r.p[i].table, r.p[i].key, r.p[i].what);
	assert_int_equal(r.n, 0);
	audit_report_done(&r);
	for (size_t i = 0; i < N_CASES; i++) {
		long long yes = 0;
		assert_int_equal(stmt_int(s, &yes, 0, &e, "case", "SELECT count(*) FROM history WHERE id = ?"
					  " AND detail = ?", "It", (long long)i + 1, cases[i][2]), 0);
		assert_int_equal(yes, 1);
	}
	assert_int_equal(stmt_int(s, &n, 0, &e, "move", "SELECT count(*) FROM history WHERE kind = 'move'"
				  " AND detail = 'by=alice' || char(10) || 'for=coord'", NULL), 0);
	assert_int_equal(n, 1);
	/* Still append-only, still chained. */
	assert_int_equal(stmt_run(s, &e, "rewrite", "UPDATE history SET detail = 'x'", NULL), -1);
	store_close(&s);
	unlink(path);
}

/* The sentences in English are the ones ptce wrote before. */
static void english_as_before(void **state)
{
	(void)state;
	for (size_t i = 0; i < N_CASES; i++) {
		struct history_entry h = {.kind = (char *)cases[i][0], .detail = (char *)cases[i][2]};
		char *t = history_detail_text(&h);
		const char *want = cases[i][1];
		if (strncmp(want, "ptce_name: ", 11) == 0)
			want = "ptce_name: \"Old; x\" → \"New\"; budget_eur: (empty) → \"1000\"; members: \"2\" → \"3\"";
		else if (strstr(want, "defavourable"))
			want = "opinion 3 answered: unfavourable";	/* the code was shown */
		assert_string_equal(t, want);
		free(t);
	}
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "C.UTF-8");
	if (argc >= 3 && strcmp(argv[1], "--make-v8") == 0)
		return make_v8(argv[2], argc > 3 ? argv[3] : NULL);
	cmocka_set_message_output(CM_OUTPUT_TAP);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(kv_round_trip),
		cmocka_unit_test(params_of_english),
		cmocka_unit_test(english_as_before),
		cmocka_unit_test(upgrade_keeps_the_chain),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
