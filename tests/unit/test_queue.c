/* test_queue.c - the queue model (paging, sort, views, filters, full-text
 * search kept in sync by triggers). */
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
#include "procedure/procedure.h"
#include "store/open.h"
#include "store/sort_v11.h"
#include "store/stmt.h"
#include "store/store.h"
#include "workflow/queue.h"

static void exec_ok(struct store *s, const char *sql)
{
	char *err = NULL;
	if (sqlite3_exec(s->db, sql, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s: %s", sql, err);
}

static void add(struct store *s, const char *num, const char *name, const char *region,
		const char *dept, int days, const char *desc)
{
	char *sql = sqlite3_mprintf(
		"INSERT INTO dossiers(ds_number, state_since, lead_name, ptce_name, region_code,"
		" departement_code, description, created_at, updated_at) VALUES (%Q,"
		" strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', 'now', '-%d days', '-1 hour'), 'Asso', %Q, %Q, %Q, %Q,"
		" '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')", num, days, name, region, dept, desc);
	exec_ok(s, sql);
	sqlite3_free(sql);
}

static int setup(void **state)
{
	fixture_db_setup(state);
	struct fixture_db *f = *state;
	add(f->s, "1001", "Coopérative Énergie Sud", "76", "31", 3, "Rénovation énergétique.");
	add(f->s, "1002", "Filière vélo du Grand Paris", "11", "93", 12, "Réemploi de vélos.");
	add(f->s, "1003", "Tiers-lieu Station A", "76", "12", 40, "Un tiers-lieu rural.");
	add(f->s, "1004", "Réuniverre", "04", "974", 8, "Réemploi du verre.");
	return 0;
}

static void numbers(struct store *s, const struct queue_spec *q, long long off, int lim, char *out)
{
	struct queue_row *rows = NULL;
	size_t n = 0;
	struct perr e = {0};
	assert_int_equal(queue_fetch(s, q, off, lim, &rows, &n, &e), 0);
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		strcat(out, rows[i].ds_number);
		if (i + 1 < n)
			strcat(out, ",");
	}
	queue_rows_free(&rows, n);
}

static void test_count_and_pages(void **state)
{
	struct fixture_db *f = *state;
	struct queue_spec q;
	queue_spec_init(&q, "nobody");
	long long n = 0;
	struct perr e = {0};
	assert_int_equal(queue_count(f->s, &q, &n, &e), 0);
	assert_int_equal(n, 4);
	char got[256];
	numbers(f->s, &q, 0, 2, got);
	assert_string_equal(got, "1001,1002");
	numbers(f->s, &q, 2, 2, got);
	assert_string_equal(got, "1003,1004");
	numbers(f->s, &q, 4, 2, got);
	assert_string_equal(got, "");
	queue_spec_done(&q);
}

static void test_sort(void **state)
{
	struct fixture_db *f = *state;
	struct queue_spec q;
	queue_spec_init(&q, "nobody");
	char got[256];
	q.sort = QC_NAME;
	numbers(f->s, &q, 0, 10, got);
	assert_string_equal(got, "1001,1002,1004,1003");
	q.desc = 1;
	numbers(f->s, &q, 0, 10, got);
	assert_string_equal(got, "1003,1004,1002,1001");
	q.sort = QC_DAYS;	/* most days first when descending */
	numbers(f->s, &q, 0, 10, got);
	assert_string_equal(got, "1003,1002,1004,1001");
	q.sort = QC_REGION;
	q.desc = 0;
	numbers(f->s, &q, 0, 10, got);
	assert_string_equal(got, "1004,1002,1003,1001");
	for (int c = 0; c < QC_COUNT; c++) {
		q.sort = (enum queue_col)c;
		numbers(f->s, &q, 0, 10, got);
		assert_int_equal(strlen(got), 19);	/* every column sorts all rows */
	}
	queue_spec_done(&q);
}

static void test_filters(void **state)
{
	struct fixture_db *f = *state;
	struct queue_spec q;
	queue_spec_init(&q, "nobody");
	struct perr e = {0};
	char got[256];
	assert_int_equal(queue_set_filter(&q, "region=76", &e), 0);
	numbers(f->s, &q, 0, 10, got);
	assert_string_equal(got, "1001,1003");
	assert_int_equal(queue_set_filter(&q, "region=Île-de-France", &e), 0);
	numbers(f->s, &q, 0, 10, got);
	assert_string_equal(got, "1002");
	assert_int_equal(queue_set_filter(&q, "occitanie", &e), 0);
	assert_string_equal(q.region, "76");
	assert_int_equal(queue_set_filter(&q, "state=phase9", &e), -1);
	assert_int_equal(e.status, P_INVALID);
	assert_non_null(strstr(e.msg, "phase9"));
	assert_string_equal(q.region, "76");	/* a refused filter changes nothing */
	assert_int_equal(queue_set_filter(&q, "colour=red", &e), -1);
	assert_non_null(strstr(e.msg, "state=, region=, departement= or assignee="));
	assert_int_equal(queue_set_filter(&q, "", &e), 0);
	assert_null(q.region);
	q.view = QV_TODO;
	numbers(f->s, &q, 0, 10, got);
	assert_string_equal(got, "1001,1002,1003,1004");
	q.view = QV_PHASE2;
	numbers(f->s, &q, 0, 10, got);
	assert_string_equal(got, "");
	q.view = QV_ALL;
	long long ids[] = {4, 2};
	q.only_ids = malloc(sizeof ids);
	memcpy(q.only_ids, ids, sizeof ids);
	q.n_only = 2;
	numbers(f->s, &q, 0, 10, got);
	assert_string_equal(got, "1002,1004");
	char *d = queue_describe(&q);
	assert_non_null(strstr(d, "tagged"));
	free(d);
	queue_spec_done(&q);
}

static void test_search(void **state)
{
	struct fixture_db *f = *state;
	struct queue_spec q;
	queue_spec_init(&q, "nobody");
	struct perr e = {0};
	long long pos, hits;
	/* Accents and case ignored; words are prefixes. */
	assert_int_equal(queue_search(f->s, &q, "REEMPL", -1, 1, &pos, &hits, &e), 0);
	assert_int_equal(hits, 2);
	assert_int_equal(pos, 1);
	assert_int_equal(queue_search(f->s, &q, "reemploi", pos, 1, &pos, &hits, &e), 0);
	assert_int_equal(pos, 3);
	/* Wraps around. */
	assert_int_equal(queue_search(f->s, &q, "reemploi", pos, 1, &pos, &hits, &e), 0);
	assert_int_equal(pos, 1);
	assert_int_equal(queue_search(f->s, &q, "reemploi", pos, -1, &pos, &hits, &e), 0);
	assert_int_equal(pos, 3);
	assert_int_equal(queue_search(f->s, &q, "introuvable", 0, 1, &pos, &hits, &e), 0);
	assert_int_equal(pos, -1);
	assert_int_equal(hits, 0);
	/* Quotes and FTS syntax typed by a person are words, not syntax. */
	assert_int_equal(queue_search(f->s, &q, "\"a\" OR NEAR(", 0, 1, &pos, &hits, &e), 0);
	/* The index follows edits and members. */
	exec_ok(f->s, "UPDATE dossiers SET ptce_name = 'Pôle Cartoucherie' WHERE ds_number = '1003'");
	assert_int_equal(queue_search(f->s, &q, "cartoucherie", -1, 1, &pos, &hits, &e), 0);
	assert_int_equal(pos, 2);
	exec_ok(f->s, "INSERT INTO members(dossier_id, position, name, category) VALUES"
		      " ((SELECT id FROM dossiers WHERE ds_number = '1001'), 1, 'Mairie de Tulle', 'collectivite')");
	assert_int_equal(queue_search(f->s, &q, "tulle", -1, 1, &pos, &hits, &e), 0);
	assert_int_equal(pos, 0);
	exec_ok(f->s, "DELETE FROM members");
	assert_int_equal(queue_search(f->s, &q, "tulle", -1, 1, &pos, &hits, &e), 0);
	assert_int_equal(hits, 0);
	/* A move does not touch the index (state is not searched). */
	long long p2;
	assert_int_equal(queue_position(f->s, &q, 3, &p2, &e), 0);
	assert_int_equal(p2, 2);
	assert_int_equal(queue_position(f->s, &q, 999, &p2, &e), 0);
	assert_int_equal(p2, -1);
	char *fq = queue_fts_query("  l'éco  \"x\" ");
	assert_string_equal(fq, "\"l'éco\"* \"\"\"x\"\"\"*");
	free(fq);
	assert_null(queue_fts_query("   "));
	/* One-letter words and lone quotes: the longest output per byte typed
	 * (issue 10: "/a a a ..." wrote past the buffer). */
	char *many = xmalloc(6001), *quotes = xmalloc(6001);
	for (int i = 0; i < 3000; i++) {
		memcpy(many + 2 * i, "a ", 2);
		memcpy(quotes + 2 * i, "\" ", 2);
	}
	many[5999] = quotes[5999] = '\0';
	fq = queue_fts_query(many);
	assert_int_equal(strlen(fq), 3000 * 5 - 1);
	assert_memory_equal(fq, "\"a\"* \"a\"* ", 10);
	free(fq);
	fq = queue_fts_query(quotes);
	assert_int_equal(strlen(fq), 3000 * 6 - 1);
	free(fq);
	assert_int_equal(queue_search(f->s, &q, many, 1, 0, &pos, &hits, &e), 0);
	free(many);
	free(quotes);
	queue_spec_done(&q);
}

/* A key given twice means either value; départements by code or name;
 * the search runs over every dossier, whatever the view and filters, and
 * says when it wraps around (issue 12). */
static void test_either_and_search_all(void **state)
{
	struct fixture_db *f = *state;
	struct queue_spec q;
	queue_spec_init(&q, "nobody");
	struct perr e = {0};
	char got[256];
	assert_int_equal(queue_set_filter(&q, "region=76 region=Île-de-France", &e), 0);
	assert_string_equal(q.region, "76,11");
	numbers(f->s, &q, 0, 10, got);
	assert_string_equal(got, "1001,1002,1003");
	assert_int_equal(queue_set_filter(&q, "departement=Aveyron departement=31", &e), 0);
	assert_string_equal(q.departement, "12,31");
	numbers(f->s, &q, 0, 10, got);
	assert_string_equal(got, "1001,1003");
	assert_int_equal(queue_set_filter(&q, "departement=Atlantide", &e), -1);
	assert_string_equal(q.departement, "12,31");	/* refused: unchanged */
	/* The filter keeps only 1001 and 1003; the hits are 1002 and 1004. */
	struct queue_hit h;
	assert_int_equal(queue_search_all(f->s, &q, "reemploi", 0, 1, NULL, &h, &e), 0);
	assert_int_equal(h.total, 2);
	assert_int_equal(h.index, 1);
	assert_int_equal(h.wrapped, 0);
	long long id1002 = h.id, pos;
	assert_int_equal(queue_position(f->s, &q, id1002, &pos, &e), 0);
	assert_int_equal(pos, -1);	/* not in the filtered queue */
	assert_int_equal(queue_search_all(f->s, &q, "reemploi", id1002, 1, NULL, &h, &e), 0);
	assert_int_equal(h.index, 2);
	assert_int_equal(h.wrapped, 0);
	assert_int_equal(queue_search_all(f->s, &q, "reemploi", h.id, 1, NULL, &h, &e), 0);
	assert_int_equal(h.index, 1);
	assert_int_equal(h.wrapped, 1);
	assert_int_equal(h.id, id1002);
	assert_int_equal(queue_search_all(f->s, &q, "introuvable", 0, 1, NULL, &h, &e), 0);
	assert_int_equal(h.id, 0);
	assert_int_equal(h.total, 0);
	queue_spec_done(&q);
}

static void test_filtered_positions(void **state)
{
	struct fixture_db *f = *state;
	struct queue_spec q;
	queue_spec_init(&q, "nobody");
	struct perr e = {0};
	long long pos, hits;
	/* The filter's values are bound wherever the clause is repeated. */
	assert_int_equal(queue_set_filter(&q, "region=76", &e), 0);
	assert_int_equal(queue_position(f->s, &q, 3, &pos, &e), 0);
	assert_int_equal(pos, 1);
	assert_int_equal(queue_position(f->s, &q, 2, &pos, &e), 0);
	assert_int_equal(pos, -1);
	assert_int_equal(queue_search(f->s, &q, "rural", -1, 1, &pos, &hits, &e), 0);
	assert_int_equal(pos, 1);
	assert_int_equal(hits, 1);
	assert_int_equal(queue_search(f->s, &q, "reemploi", -1, 1, &pos, &hits, &e), 0);
	assert_int_equal(pos, -1);
	q.sort = QC_NAME;
	q.desc = 1;
	assert_int_equal(queue_position(f->s, &q, 1, &pos, &e), 0);
	assert_int_equal(pos, 1);
	queue_spec_done(&q);
}

static void test_expert_sees_assigned_only(void **state)
{
	struct fixture_db *f = *state;
	exec_ok(f->s, "INSERT INTO reviewers(login, display_name, created_at) VALUES"
		      " ('xp', 'Expert', '2025-01-01T00:00:00Z')");
	exec_ok(f->s, "INSERT INTO assignments(dossier_id, login, assigned_by, assigned_at)"
		      " VALUES (2, 'xp', 'root', '2025-01-01T00:00:00Z')");
	struct actor a;
	memset(&a, 0, sizeof a);
	snprintf(a.login, sizeof a.login, "xp");
	a.roles = ROLE_EXPERT;
	struct queue_spec q;
	queue_spec_init(&q, "xp");
	q.actor = &a;
	struct perr e = {0};
	char got[256];
	numbers(f->s, &q, 0, 10, got);
	assert_string_equal(got, "1002");
	long long n, pos, hits;
	assert_int_equal(queue_count(f->s, &q, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_int_equal(queue_search(f->s, &q, "reemploi", -1, 1, &pos, &hits, &e), 0);
	assert_int_equal(hits, 1);
	assert_int_equal(pos, 0);
	a.roles = ROLE_INSTRUCTEUR;
	assert_int_equal(queue_count(f->s, &q, &n, &e), 0);
	assert_int_equal(n, 4);
	queue_spec_done(&q);
}

static void test_bench_fill(void **state)
{
	struct fixture_db *f = *state;
	struct perr e = {0};
	assert_int_equal(queue_bench_fill(f->s, 500, &e), 0);
	struct queue_spec q;
	queue_spec_init(&q, "nobody");
	long long n = 0, pos, hits;
	assert_int_equal(queue_count(f->s, &q, &n, &e), 0);
	assert_int_equal(n, 504);
	assert_int_equal(queue_search(f->s, &q, "meunerie", -1, 1, &pos, &hits, &e), 0);
	assert_true(hits > 0 && hits < 500);
	long long *ids = NULL;
	size_t ni = 0;
	assert_int_equal(queue_ids(f->s, &q, &ids, &ni, &e), 0);
	assert_int_equal(ni, 504);
	free(ids);
	queue_spec_done(&q);
}

/* Rows [off, off + lim) read near the anchors are ids' own (n of them);
 * two anchors become the page's first and last rows. */
static void check_page(struct store *s, const struct queue_spec *q, const long long *ids,
		       long long n, long long off, int lim, struct queue_anchor *near, size_t n_near)
{
	struct perr e = {0};
	struct queue_row *rows = NULL;
	size_t got = 0;
	assert_int_equal(queue_fetch_near(s, q, off, lim, n, near, n_near, &rows, &got, &e), 0);
	assert_int_equal((long long)got, off + lim <= n ? lim : n - off);
	for (size_t i = 0; i < got; i++)
		assert_int_equal(rows[i].id, ids[off + (long long)i]);
	if (n_near == 2 && got) {
		near[0] = (struct queue_anchor){ off, rows[0].id };
		near[1] = (struct queue_anchor){ off + (long long)got - 1, rows[got - 1].id };
	}
	queue_rows_free(&rows, got);
}

/* Pages read by keyset from the page before (forward and back) or from
 * the end are the same rows as the order read whole, for every plain
 * sort, both ways, with ties on the first key. */
static void check_pages(struct store *s, const struct queue_spec *q, const long long *ids,
			long long n)
{
	enum { H = 7 };
	struct perr e = {0};
	struct queue_anchor near[2] = {{-1, 0}, {-1, 0}};
	/* Forward from the start, each page after the one before. */
	for (long long off = 0; off < n; off += H)
		check_page(s, q, ids, n, off, H, near, 2);
	/* Back from the last page, each page before the one after. */
	near[0] = near[1] = (struct queue_anchor){ -1, 0 };
	for (long long off = n - H; off > -H; off -= H)
		check_page(s, q, ids, n, off < 0 ? 0 : off, off < 0 ? (int)(H + off) : H, near, 2);
	/* A row known inside the page (the cursor's, found after a new
	 * order): the rows before it read back from it, the others on. */
	for (long long i = 3; i < n; i += 29) {
		struct queue_anchor in[1] = {{ i, ids[i] }};
		check_page(s, q, ids, n, i - 3, H, in, 1);
	}
	/* A place counted, and a place read, agree with the order. */
	for (long long i = 0; i < n; i += 37) {
		long long pos = -1;
		assert_int_equal(queue_position(s, q, ids[i], &pos, &e), 0);
		assert_int_equal(pos, i);
	}
	/* Near an end, the place is the same; farther, -2 (unknown). */
	for (long long i = 0; i < n; i += 11) {
		long long pos = -1;
		assert_int_equal(queue_position_near(s, q, ids[i], n, 20, &pos, &e), 0);
		assert_int_equal(pos, i < 20 || n - 1 - i < 20 ? i : -2);
	}
}

/* check_pages on the order c (desc: the other way round) as login sees
 * it (a: the person, NULL for none). */
static void check_order(struct store *s, const char *login, const struct actor *a,
			enum queue_col c, int desc)
{
	struct perr e = {0};
	struct queue_spec q;
	queue_spec_init(&q, login);
	q.actor = a;
	q.sort = c;
	q.desc = desc;
	long long *ids = NULL, n = 0;
	size_t ni = 0;
	assert_int_equal(queue_ids(s, &q, &ids, &ni, &e), 0);
	assert_int_equal(queue_count(s, &q, &n, &e), 0);
	assert_int_equal((long long)ni, n);
	check_pages(s, &q, ids, n);
	free(ids);
	queue_spec_done(&q);
}

static void test_keyset_pages(void **state)
{
	struct fixture_db *f = *state;
	struct perr e = {0};
	assert_int_equal(queue_bench_fill(f->s, 300, &e), 0);
	exec_ok(f->s, "INSERT INTO history(dossier_id, at, actor, real_actor, kind, from_state, to_state)"
		      " SELECT id, '2025-02-01T00:00:00Z', 'a', 'a', 'move', 'submitted', 'phase1'"
		      " FROM dossiers WHERE id % 3 = 0;"
		      "UPDATE dossiers SET state = 'phase1' WHERE id % 3 = 0;"
		      "UPDATE dossiers SET complements_due = '2025-03-01' WHERE id % 5 = 0;"
		      "UPDATE dossiers SET ptce_name = 'Même nom' WHERE id % 7 = 0;");
	for (int c = 0; c < QC_COUNT; c++) {
		if (c == QC_TOTAL)
			continue;	/* needs an actor: its keys are the same kind as QC_MINE's */
		for (int desc = 0; desc < 2; desc++)
			check_order(f->s, "nobody", NULL, (enum queue_col)c, desc);
	}
}

/* Counts the SQLite VM's steps (by tens) of the statements run meanwhile. */
static int tick(void *arg)
{
	++*(long long *)arg;
	return 0;
}

/* The VM steps of finding dossier id near an end of q's order. */
static long long near_cost(struct store *s, const struct queue_spec *q, long long id,
			   long long n, long long *pos)
{
	struct perr e = {0};
	long long ticks = 0;
	sqlite3_progress_handler(s->db, 10, tick, &ticks);
	assert_int_equal(queue_position_near(s, q, id, n, 20, pos, &e), 0);
	sqlite3_progress_handler(s->db, 0, NULL, NULL);
	return ticks;
}

/* After a new order the cursor's dossier is looked for near the ends
 * only: what it costs does not grow with the queue (the same dossier, in
 * the middle of 300 rows and then of 1 200), for every order. */
static void test_position_near_flat(void **state)
{
	struct fixture_db *f = *state;
	struct perr e = {0};
	assert_int_equal(queue_bench_fill(f->s, 300, &e), 0);
	struct actor a = {0};
	snprintf(a.login, sizeof a.login, "rev1");
	a.roles = ROLE_INSTRUCTEUR;
	long long small[QC_COUNT], mid[QC_COUNT];
	for (int round = 0; round < 2; round++) {
		for (int c = 0; c < QC_COUNT; c++) {
			struct queue_spec q;
			queue_spec_init(&q, a.login);
			q.actor = &a;
			q.sort = (enum queue_col)c;
			long long n = 0, pos = 0, *ids = NULL;
			size_t ni = 0;
			assert_int_equal(queue_count(f->s, &q, &n, &e), 0);
			assert_int_equal(queue_ids(f->s, &q, &ids, &ni, &e), 0);
			if (round == 0)
				mid[c] = ids[ni / 2];
			long long cost = near_cost(f->s, &q, mid[c], n, &pos);
			if (pos != -2)
				fail_msg("order %d: pos %lld of %lld, id %lld", c, pos, n, mid[c]);
			if (round == 0)
				small[c] = cost;
			else if (cost > 2 * small[c] + 50)
				fail_msg("order %d: %lld steps at %lld rows, %lld at 304", c, cost, n, small[c]);
			free(ids);
			queue_spec_done(&q);
		}
		if (round == 0) {
			/* 900 more, their numbers after the first ones'. */
			exec_ok(f->s, "UPDATE dossiers SET ds_number = 'A' || substr(ds_number, 2)");
			assert_int_equal(queue_bench_fill(f->s, 900, &e), 0);
		}
	}
}

/* Mark the dossiers at order places [from, to) of ids with word. */
static void mark(struct store *s, const long long *ids, size_t from, size_t to, const char *word)
{
	for (size_t i = from; i < to; i++) {
		char *sql = sqlite3_mprintf("UPDATE dossiers SET description = description || ' ' || %Q"
					    " WHERE id = %lld", word, ids[i]);
		exec_ok(s, sql);
		sqlite3_free(sql);
	}
}

/* Step through every hit of word both ways, with and without a memo, and
 * check each hit, its rank and the wrap against places of the order; then
 * give dossier extra (placed between the first and the last hits) the
 * word too. */
static void check_steps(struct store *s, const struct queue_spec *q, const char *word,
			const long long *want, long long n, long long extra)
{
	struct perr e = {0};
	for (int with_memo = 0; with_memo < 2; with_memo++) {
		struct queue_search_memo m = {0};
		struct queue_search_memo *mp = with_memo ? &m : NULL;
		struct queue_hit h;
		int written = sqlite3_total_changes(s->db);
		for (int dir = 1; dir >= -1; dir -= 2) {
			long long from = 0;
			for (long long k = 0; k <= n; k++) {
				assert_int_equal(queue_search_all(s, q, word, from, dir, mp, &h, &e), 0);
				long long i = dir > 0 ? k % n : n - 1 - k % n;
				assert_int_equal(h.id, want[i]);
				assert_int_equal(h.index, i + 1);
				assert_int_equal(h.total, n);
				assert_int_equal(h.wrapped, k == n);
				from = h.id;
			}
		}
		/* A search writes nothing (its hits are held in memory, in
		 * the memo for the next steps). */
		assert_int_equal(sqlite3_total_changes(s->db), written);
		if (mp)
			assert_true(m.hits && m.n_hits >= (size_t)n);
		/* A new hit before the last one: the memo is not trusted
		 * any more, and the previous hit's rank counts it. */
		if (mp) {
			assert_int_equal(m.last_id, want[n - 1]);
			mark(s, &extra, 0, 1, word);
			assert_int_equal(queue_search_all(s, q, word, want[n - 1], -1, mp, &h, &e), 0);
			assert_int_equal(h.id, want[n - 2]);
			assert_int_equal(h.total, n + 1);
			assert_int_equal(h.index, n);
		}
		queue_search_memo_done(&m);
	}
}

/* Many hits (found by walking the order, over a gap longer than a walk)
 * and few (found among the hits), in two orders. */
static void test_search_steps(void **state)
{
	struct fixture_db *f = *state;
	struct perr e = {0};
	assert_int_equal(queue_bench_fill(f->s, 600, &e), 0);
	for (int c = 0; c < 2; c++) {
		struct queue_spec q;
		queue_spec_init(&q, "nobody");
		q.sort = c ? QC_NAME : QC_NUMBER;
		q.desc = c;
		long long *ids = NULL;
		size_t ni = 0;
		assert_int_equal(queue_ids(f->s, &q, &ids, &ni, &e), 0);
		assert_int_equal(ni, 604);
		const char *many = c ? "zythologie" : "xylographie";
		const char *few = c ? "quenouille" : "oxymel";
		mark(f->s, ids, 0, 150, many);
		mark(f->s, ids, 450, 604, many);
		mark(f->s, ids, 7, 8, few);
		mark(f->s, ids, 300, 301, few);
		mark(f->s, ids, 590, 591, few);
		long long want[304];
		size_t nw = 0;
		for (size_t i = 0; i < 604; i++)
			if (i < 150 || i >= 450)
				want[nw++] = ids[i];
		check_steps(f->s, &q, many, want, (long long)nw, ids[200]);
		long long rare[] = {ids[7], ids[300], ids[590]};
		check_steps(f->s, &q, few, rare, 3, ids[200]);
		free(ids);
		queue_spec_done(&q);
	}
}

/* Reviews by three people (drafts, submitted, ties on the total, a blind
 * grid on one dossier in four) and conflicts of one of them. */
static const char reviews_sql[] =
	"INSERT INTO reviewers(login, display_name, created_at) VALUES ('rev1', 'R1', 'x'),"
	" ('rev2', 'R2', 'x'), ('rev3', 'R3', 'x');"
	"INSERT INTO grid_versions(id, grid_id, hash, phase, title, reviews_required, blind,"
	" divergence, points_total, content, first_used_at) VALUES"
	" (1, 'g1', 'h1', 1, 'G1', 2, 0, 0, 100, 'x', 'x'), (2, 'g2', 'h2', 1, 'G2', 2, 1, 0, 100, 'x', 'x');"
	"INSERT INTO reviews(dossier_id, reviewer, grid_id, grid_version_id, phase, status, total,"
	" created_at, updated_at, updated_by)"
	" SELECT d.id, r.login, CASE WHEN d.id % 4 = 0 THEN 'g2' ELSE 'g1' END,"
	"  CASE WHEN d.id % 4 = 0 THEN 2 ELSE 1 END, 1,"
	"  CASE WHEN (d.id + length(r.login)) % 3 = 0 THEN 'draft' ELSE 'submitted' END,"
	"  (d.id * 7 + unicode(substr(r.login, -1))) % 20, 'x', 'x', r.login"
	" FROM dossiers d, (SELECT 'rev1' AS login UNION ALL SELECT 'rev2' UNION ALL SELECT 'rev3') r"
	" WHERE (d.id + unicode(substr(r.login, -1))) % 3 <> 0;"
	"INSERT INTO conflicts(dossier_id, reviewer, reason, declared_by, declared_at)"
	" SELECT id, 'rev2', 'x', 'rev2', 'x' FROM dossiers WHERE id % 11 = 0;";

/* The orders by "my review" and by total read from migration 11's stored
 * keys: two arms merged by index, the same rows as the order read whole,
 * for each kind of reader, both ways; the figures phase they are stored
 * from is the procedure's. */
static void test_stored_sort_pages(void **state)
{
	struct fixture_db *f = *state;
	struct perr e = {0};
	char *phase = procedure_phase_sql("d", 1);
	assert_string_equal(phase, STORE_FIGURES_PHASE("d"));
	free(phase);
	assert_int_equal(queue_bench_fill(f->s, 300, &e), 0);
	exec_ok(f->s, reviews_sql);
	const struct {
		const char *login;
		unsigned roles;
	} readers[] = {{"rev1", ROLE_INSTRUCTEUR}, {"rev2", ROLE_COORDINATEUR | ROLE_INSTRUCTEUR},
		       {"rev3", ROLE_LECTEUR}, {"nobody", ROLE_INSTRUCTEUR}};
	const enum queue_col cols[] = {QC_MINE, QC_TOTAL};
	for (size_t r = 0; r < sizeof readers / sizeof readers[0]; r++)
		for (int c = 0; c < 2; c++)
			for (int desc = 0; desc < 2; desc++) {
				struct actor a = {0};
				snprintf(a.login, sizeof a.login, "%s", readers[r].login);
				a.roles = readers[r].roles;
				check_order(f->s, a.login, &a, cols[c], desc);
			}
}

/* How many rows of sort_totals the statement sql rewrote (a temporary
 * trigger counts them). */
static long long totals_rewritten(struct store *s, const char *sql)
{
	exec_ok(s, "CREATE TEMP TABLE IF NOT EXISTS fired(n);"
		   "DELETE FROM temp.fired;"
		   "CREATE TEMP TRIGGER IF NOT EXISTS count_totals AFTER INSERT ON main.sort_totals"
		   " BEGIN INSERT INTO fired VALUES (1); END;");
	exec_ok(s, sql);
	struct perr e = {0};
	long long n = -1;
	assert_int_equal(stmt_int(s, &n, 0, &e, "", "SELECT count(*) FROM temp.fired", NULL), 0);
	return n;
}

/* Migration 12: a draft saved again (its total changed) leaves the stored
 * keys alone; a submitted review's total, a draft submitted, and a draft's
 * grid change them. */
static void test_sort_keys_follow_what_matters(void **state)
{
	struct fixture_db *f = *state;
	struct perr e = {0};
	assert_int_equal(queue_bench_fill(f->s, 30, &e), 0);
	exec_ok(f->s, reviews_sql);
	long long draft = 0, done = 0;
	assert_int_equal(stmt_int(f->s, &draft, 0, &e, "", "SELECT min(id) FROM reviews"
				    " WHERE status = 'draft'", NULL), 0);
	assert_int_equal(stmt_int(f->s, &done, 0, &e, "", "SELECT min(id) FROM reviews"
				    " WHERE status = 'submitted'", NULL), 0);
	char sql[256];
	snprintf(sql, sizeof sql, "UPDATE reviews SET total = total + 1, updated_at = 'y' WHERE id = %lld", draft);
	assert_int_equal(totals_rewritten(f->s, sql), 0);
	snprintf(sql, sizeof sql, "UPDATE reviews SET total = total WHERE id = %lld", done);
	assert_int_equal(totals_rewritten(f->s, sql), 0);
	snprintf(sql, sizeof sql, "UPDATE reviews SET total = total + 1 WHERE id = %lld", done);
	assert_true(totals_rewritten(f->s, sql) > 0);
	snprintf(sql, sizeof sql, "UPDATE reviews SET grid_version_id = 3 - grid_version_id WHERE id = %lld", draft);
	assert_true(totals_rewritten(f->s, sql) > 0);
	snprintf(sql, sizeof sql, "UPDATE reviews SET status = 'submitted' WHERE id = %lld", draft);
	assert_true(totals_rewritten(f->s, sql) > 0);
}

/* Migration 13: a move within a phase's group of states (submitted →
 * phase1, phase2 → funded) leaves the stored keys alone; a move to
 * another group (phase1 → bouquet → phase2) recomputes them. */
static long long move_rewrites(struct store *s, long long id, const char *from, const char *to)
{
	char sql[512];
	snprintf(sql, sizeof sql,
		 "INSERT INTO history(dossier_id, at, actor, real_actor, kind, from_state, to_state)"
		 " VALUES (%lld, '2026-01-01T00:00:00Z', 'rev1', 'rev1', 'move', '%s', '%s')",
		 id, from, to);
	return totals_rewritten(s, sql);
}

static void test_sort_keys_follow_phase_changes(void **state)
{
	struct fixture_db *f = *state;
	struct perr e = {0};
	assert_int_equal(queue_bench_fill(f->s, 30, &e), 0);
	exec_ok(f->s, reviews_sql);
	long long id = 0;
	assert_int_equal(stmt_int(f->s, &id, 0, &e, "", "SELECT min(id) FROM dossiers"
				    " WHERE state = 'submitted'", NULL), 0);
	assert_true(id > 0);
	assert_int_equal(move_rewrites(f->s, id, "submitted", "phase1"), 0);
	assert_true(move_rewrites(f->s, id, "phase1", "bouquet") > 0);
	assert_true(move_rewrites(f->s, id, "bouquet", "phase2") > 0);
	assert_int_equal(move_rewrites(f->s, id, "phase2", "funded"), 0);
	long long ok = 0;
	assert_int_equal(stmt_int(f->s, &ok, 0, &e, "", "SELECT count(*) FROM sort_totals t"
				    " JOIN dossiers d ON d.id = t.dossier_id WHERE d.id = ?1", "I", id), 0);
	assert_int_equal(ok, 1);
}

int main(void)
{
	cmocka_set_message_output(CM_OUTPUT_TAP);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_count_and_pages, setup, fixture_db_teardown),
		cmocka_unit_test_setup_teardown(test_sort, setup, fixture_db_teardown),
		cmocka_unit_test_setup_teardown(test_filters, setup, fixture_db_teardown),
		cmocka_unit_test_setup_teardown(test_search, setup, fixture_db_teardown),
		cmocka_unit_test_setup_teardown(test_either_and_search_all, setup, fixture_db_teardown),
		cmocka_unit_test_setup_teardown(test_filtered_positions, setup, fixture_db_teardown),
		cmocka_unit_test_setup_teardown(test_expert_sees_assigned_only, setup, fixture_db_teardown),
		cmocka_unit_test_setup_teardown(test_bench_fill, setup, fixture_db_teardown),
		cmocka_unit_test_setup_teardown(test_keyset_pages, setup, fixture_db_teardown),
		cmocka_unit_test_setup_teardown(test_search_steps, setup, fixture_db_teardown),
		cmocka_unit_test_setup_teardown(test_stored_sort_pages, setup, fixture_db_teardown),
		cmocka_unit_test_setup_teardown(test_position_near_flat, setup, fixture_db_teardown),
		cmocka_unit_test_setup_teardown(test_sort_keys_follow_what_matters, setup, fixture_db_teardown),
		cmocka_unit_test_setup_teardown(test_sort_keys_follow_phase_changes, setup, fixture_db_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
