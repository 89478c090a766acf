/* test_spill.c - the spill store through its buffers: strings of every size
 * put in memory, then in the file (written through a buffer, or at once
 * when larger), read back in order (read ahead), scattered, and while the
 * last ones are still in the buffer; a short file is named. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "io/spill.h"

enum { N = 3000 };

/* String k: its length and bytes, both from k (a few bytes to beyond the
 * buffer, most of them small as a sheet's rows are). */
static size_t len_of(size_t k)
{
	if (k % 997 == 5)
		return 3 * SPILL_BUF + k;
	if (k % 101 == 7)
		return SPILL_BUF - 1 - k % 13;
	return 1 + (k * 7919) % 600;
}

static void fill(size_t k, char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (char)('a' + (k * 31 + i * 17) % 26);
}

static void check_get(struct spill *s, uint64_t off, size_t k)
{
	size_t n = len_of(k);
	char *want = malloc(n), *got = malloc(n);
	struct perr e = {0};
	fill(k, want, n);
	memset(got, 0, n);
	assert_int_equal(spill_get(s, off, got, n, &e), 0);
	assert_memory_equal(got, want, n);
	free(want);
	free(got);
}

static void run(const char *mem)
{
	setenv("PTCE_SPILL_MEM", mem, 1);
	struct spill s;
	spill_init(&s);
	unsetenv("PTCE_SPILL_MEM");
	uint64_t *off = malloc(N * sizeof *off);
	struct perr e = {0};
	for (size_t k = 0; k < N; k++) {
		size_t n = len_of(k);
		char *p = malloc(n);
		fill(k, p, n);
		assert_int_equal(spill_put(&s, p, n, &off[k], &e), 0);
		free(p);
		/* The last one (still in the write buffer), one before. */
		if (k % 50 == 0) {
			check_get(&s, off[k], k);
			check_get(&s, off[k / 2], k / 2);
		}
	}
	for (size_t k = 0; k < N; k++)		/* in order: read ahead */
		check_get(&s, off[k], k);
	for (size_t k = 0; k < N; k++)		/* scattered */
		check_get(&s, off[(k * 1543) % N], (k * 1543) % N);
	for (size_t k = N; k-- > 0;)		/* backwards */
		check_get(&s, off[k], k);
	/* Parts of a string, in order: the ahead window serves them. */
	char part[8];
	assert_int_equal(spill_get(&s, off[10], part, 4, &e), 0);
	assert_int_equal(spill_get(&s, off[10] + 4, part + 4, 4, &e), 0);
	char want[8];
	fill(10, want, 8);
	assert_memory_equal(part, want, len_of(10) < 8 ? len_of(10) : 8);
	/* Past the end: refused. */
	assert_int_equal(spill_get(&s, off[N - 1] + len_of(N - 1), part, 1, &e), -1);
	if (s.fd >= 0) {	/* a file cut short is named */
		e = (struct perr){0};
		assert_int_equal(ftruncate(s.fd, 10), 0);
		s.r_at = s.n_r = 0;
		assert_int_equal(spill_get(&s, off[N - 2], part, 1, &e), -1);
		assert_non_null(strstr(e.msg, "shorter than written"));
	}
	spill_done(&s);
	free(off);
}

static void test_all_in_file(void **state)
{
	(void)state;
	run("0");
}

static void test_memory_then_file(void **state)
{
	(void)state;
	run("100000");
}

static void test_all_in_memory(void **state)
{
	(void)state;
	run("1000000000");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_all_in_file),
		cmocka_unit_test(test_memory_then_file),
		cmocka_unit_test(test_all_in_memory),
	};
	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
