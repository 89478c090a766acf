/* test_search.c - the queue's search words as the index's exact terms
 * (queue_terms.h), and a search with more hits than are counted: found by
 * asking the index about the rows that follow, ranked by stepping. */
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
#include "workflow/queue_terms.h"

struct fx {
	struct store *s;
	char path[256];
	long long *ids;		/* every dossier, by number */
	size_t n;
};

/* Give dossiers ids[from, to) the word. */
static void mark(struct fx *f, size_t from, size_t to, const char *word)
{
	sql(f->s, "BEGIN");
	for (size_t i = from; i < to; i++) {
		char *q = sqlite3_mprintf("UPDATE dossiers SET description = description || ' ' || %Q"
					  " WHERE id = %lld", word, f->ids[i]);
		sql(f->s, q);
		sqlite3_free(q);
	}
	sql(f->s, "COMMIT");
}

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	f->s = fixture_db_open(f->path, sizeof f->path);
	struct perr e = {0};
	if (queue_bench_fill(f->s, QUEUE_FEW_HITS + 300, &e))
		fail_msg("fill: %s", e.msg);
	struct queue_spec q;
	queue_spec_init(&q, "nobody");
	if (queue_ids(f->s, &q, &f->ids, &f->n, &e))
		fail_msg("ids: %s", e.msg);
	queue_spec_done(&q);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	fixture_db_close(&f->s, f->path);
	free(f->ids);
	free(f);
	return 0;
}

static long long count_match(struct store *s, const char *fq)
{
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(s->db, "SELECT count(*) FROM dossier_fts WHERE dossier_fts MATCH ?1",
					    -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, fq, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long long n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* Words fold as the index's tokenizer does; a prefix becomes its terms,
 * matching what the prefix matches. */
static void test_terms(void **state)
{
	struct fx *f = *state;
	struct perr e = {0};
	char *t = queue_terms_fold(f->s, "Écologie");
	assert_string_equal(t, "ecologie");
	free(t);
	assert_null(queue_terms_fold(f->s, "saint-jean"));
	assert_null(queue_terms_fold(f->s, "  "));
	mark(f, 0, 10, "xylographie");
	mark(f, 5, 20, "Xylophone");
	mark(f, 30, 31, "xylème");
	char **terms = NULL;
	size_t n = 0;
	assert_int_equal(queue_terms_prefix(f->s, "xylo", 8, &terms, &n, &e), 0);
	assert_int_equal(n, 2);
	assert_string_equal(terms[0], "xylographie");
	assert_string_equal(terms[1], "xylophone");
	queue_terms_free(terms, n);
	assert_int_equal(queue_terms_prefix(f->s, "xyl", 2, &terms, &n, &e), 1);
	assert_int_equal(n, 0);
	char *fq = queue_terms_query(f->s, "  XYLO  xylème", &e);
	assert_string_equal(fq, "(\"xylographie\" OR \"xylophone\") AND (\"xyleme\")");
	assert_int_equal(count_match(f->s, fq), 0);	/* none has both */
	free(fq);
	const char *words[] = {"xylo", "Xylé", "meun", "l'éco", "zzzz", "a", "\"x"};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
		fq = queue_terms_query(f->s, words[i], &e);
		char *pq = queue_fts_query(words[i]);
		assert_non_null(fq);
		assert_int_equal(count_match(f->s, fq), count_match(f->s, pq));
		free(fq);
		free(pq);
	}
	assert_null(queue_terms_query(f->s, " \t ", &e));
}

/* More hits than are counted: total capped, each next hit walked to (its
 * steps), ranks known by stepping from the first, a gap wider than a walk
 * crossed, the wrap; backward from the start the rank is unknown. */
static void test_many_hits(void **state)
{
	struct fx *f = *state;
	struct perr e = {0};
	size_t gap0 = 500, gap1 = gap0 + QUEUE_PROBE_ROWS + 36;
	mark(f, 0, gap0, "zinzolin");
	mark(f, gap1, f->n, "zinzolines");
	struct queue_spec q;
	queue_spec_init(&q, "nobody");
	struct queue_search_memo m = {0};
	struct queue_hit h;
	long long want_n = (long long)(gap0 + f->n - gap1);
	assert_true(want_n > QUEUE_FEW_HITS);
	long long from = 0;
	int written = sqlite3_total_changes(f->s->db);
	for (long long k = 0; k <= want_n; k++) {
		assert_int_equal(queue_search_all(f->s, &q, "Zinzol", from, 1, &m, &h, &e), 0);
		size_t i = (size_t)(k % want_n);
		size_t at = i < gap0 ? i : i - gap0 + gap1;
		assert_int_equal(h.id, f->ids[at]);
		assert_int_equal(h.capped, 1);
		assert_int_equal(h.total, QUEUE_FEW_HITS);
		assert_int_equal(h.index, (long long)i + 1);
		assert_int_equal(h.wrapped, k == want_n);
		/* Walked: one row on; the gap is walked too, among the hits
		 * read once the index was asked about a walk's rows; none
		 * after the wrap. */
		if (k == want_n)
			assert_int_equal(h.steps, 0);
		else
			assert_int_equal(h.steps, at == gap1 ? (long long)(gap1 - gap0 + 1) : 1);
		from = h.id;
	}
	assert_int_equal(sqlite3_total_changes(f->s->db), written);
	/* Backward from the start: the last hit, its rank unknown. */
	assert_int_equal(queue_search_all(f->s, &q, "zinzol", 0, -1, NULL, &h, &e), 0);
	assert_int_equal(h.id, f->ids[f->n - 1]);
	assert_int_equal(h.index, 0);
	/* From a row that is no hit, forward: the next, rank unknown. */
	assert_int_equal(queue_search_all(f->s, &q, "zinzol", f->ids[gap0 + 3], 1, NULL, &h, &e), 0);
	assert_int_equal(h.id, f->ids[gap1]);
	assert_int_equal(h.index, 0);
	/* A change of the data: the memo is not trusted, the count again. */
	mark(f, gap0, gap0 + 1, "zinzolin");
	assert_int_equal(queue_search_all(f->s, &q, "zinzol", f->ids[gap0 - 1], 1, &m, &h, &e), 0);
	assert_int_equal(h.id, f->ids[gap0]);
	assert_int_equal(h.steps, 1);
	queue_search_memo_done(&m);
	queue_spec_done(&q);
}

int main(void)
{
	cmocka_set_message_output(CM_OUTPUT_TAP);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_terms, setup, teardown),
		cmocka_unit_test_setup_teardown(test_many_hits, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
