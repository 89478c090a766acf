/* test_zipread.c - io/zipread: reading entries whole and streamed, names
 * checked as paths, and hostile archives (duplicates, bombs, lying sizes,
 * garbage) refused with the archive and the entry named. The archives are
 * written at test time by tests/data/sheets/make.py. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "io/zipread.h"

static char dir[64];
static int have_fixtures;

static int make_fixtures(void **state)
{
	(void)state;
	if (system("/usr/bin/python3 -c 'import openpyxl, odf' 2>/dev/null") != 0)
		return 0;	/* each test then says it is skipped */
	strcpy(dir, "/tmp/ptce-zipread.XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	char cmd[256];
	snprintf(cmd, sizeof cmd, "/usr/bin/python3 %s/tests/data/sheets/make.py %s",
		 getenv("PTCE_SRC") ? getenv("PTCE_SRC") : ".", dir);
	if (system(cmd) != 0)
		return -1;
	have_fixtures = 1;
	return 0;
}

static int drop_fixtures(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return dir[0] && system(cmd) != 0 ? -1 : 0;
}

static const char *fixture(const char *name)
{
	static char path[160];
	if (!have_fixtures)
		skip();
	snprintf(path, sizeof path, "%s/%s", dir, name);
	return path;
}

static struct zipread *opened(const char *name)
{
	struct zipread *z;
	struct perr e = {0};
	if (zipread_open(fixture(name), &z, &e) < 0)
		fail_msg("%s", e.msg);
	return z;
}

static void test_read_entries(void **state)
{
	(void)state;
	struct zipread *z = opened("ok.zip");
	assert_int_equal(zipread_count(z), 4);
	int i = zipread_find(z, "dossier-1/f.pdf");
	assert_true(i >= 0);
	assert_string_equal(zipread_name(z, (size_t)i), "dossier-1/f.pdf");
	assert_int_equal(zipread_size(z, (size_t)i), strlen("content of dossier-1/f.pdf"));
	assert_int_equal(zipread_find(z, "dossier-9/f.pdf"), -1);
	assert_int_equal(zipread_find(z, "dossier-1"), -1);
	assert_true(zipread_find(z, "dossier-2/") >= 0);
	char *buf;
	size_t len;
	struct perr e = {0};
	assert_int_equal(zipread_read(z, (size_t)i, 1000, &buf, &len, &e), 0);
	assert_string_equal(buf, "content of dossier-1/f.pdf");
	assert_int_equal(len, strlen(buf));
	free(buf);
	/* max is a cap on the declared size too. */
	assert_int_equal(zipread_read(z, (size_t)i, 5, &buf, &len, &e), -1);
	assert_int_equal(e.status, P_INVALID);
	assert_non_null(strstr(e.msg, "dossier-1/f.pdf"));
	assert_non_null(strstr(e.msg, "ok.zip"));
	zipread_close(z);
}

static void test_stream(void **state)
{
	(void)state;
	struct zipread *z = opened("ok.zip");
	int i = zipread_find(z, "dossier-0/f.pdf");
	struct zipread_file *f;
	struct perr e = {0};
	assert_int_equal(zipread_fopen(z, (size_t)i, 1000, &f, &e), 0);
	char out[64] = "", chunk[3];
	long n;
	while ((n = zipread_fread(f, chunk, sizeof chunk)) > 0)
		strncat(out, chunk, (size_t)n);
	assert_int_equal(n, 0);
	assert_null(zipread_ferror(f));
	assert_string_equal(out, "content of dossier-0/f.pdf");
	zipread_fclose(f);
	/* The libxml2 callback shape reads the same bytes. */
	assert_int_equal(zipread_fopen(z, (size_t)i, 1000, &f, &e), 0);
	char buf[64];
	assert_int_equal(zipread_io_read(f, buf, sizeof buf), strlen(out));
	zipread_fclose(f);
	zipread_close(z);
}

static void test_name_safe(void **state)
{
	(void)state;
	const char *good[] = { "dossier-1/a.pdf", "dossier-1/", "export/dossier-2/été ü.pdf",
			       "a..b/c", "..a", "x" };
	const char *bad[] = { "", "/etc/passwd", "../x", "a/../b", "a/..", "..", "./a",
			      "a//b", "a\\b", "C:/x", "c:x", "a\x01" "b", "a\x7f", "bad\xC3\x28",
			      "\xC0\xAF", "\xED\xA0\x80", "trunc\xE2\x82" };
	for (size_t i = 0; i < sizeof good / sizeof *good; i++)
		if (!zipread_name_safe(good[i]))
			fail_msg("refused a safe name: %s", good[i]);
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		if (zipread_name_safe(bad[i]))
			fail_msg("accepted an unsafe name: %s", bad[i]);
}

static void test_hostile_names(void **state)
{
	(void)state;
	const char *files[] = { "dotdot.zip", "absolute.zip", "backslash.zip", "drive.zip" };
	for (size_t k = 0; k < sizeof files / sizeof *files; k++) {
		struct zipread *z = opened(files[k]);
		assert_int_equal(zipread_count(z), 1);
		assert_false(zipread_name_safe(zipread_name(z, 0)));
		zipread_close(z);
	}
}

static void refused_open(const char *name, enum pstatus st, const char *needle)
{
	struct zipread *z = (struct zipread *)1;
	struct perr e = {0};
	const char *path = fixture(name);
	assert_int_equal(zipread_open(path, &z, &e), -1);
	assert_null(z);
	assert_int_equal(e.status, st);
	if (!strstr(e.msg, needle) || !strstr(e.msg, name))
		fail_msg("%s: %s", name, e.msg);
}

static void test_refused_archives(void **state)
{
	(void)state;
	refused_open("dup.zip", P_INVALID, "two entries named \"dossier-1/a.pdf\"");
	refused_open("garbage.zip", P_INVALID, "not a readable zip archive");
	refused_open("absent.zip", P_IO, "cannot open");
}

static void refused_read(const char *name, const char *entry, size_t max, const char *needle)
{
	struct zipread *z = opened(name);
	int i = zipread_find(z, entry);
	assert_true(i >= 0);
	char *buf = (char *)1;
	size_t len;
	struct perr e = {0};
	assert_int_equal(zipread_read(z, (size_t)i, max, &buf, &len, &e), -1);
	assert_null(buf);
	assert_int_equal(e.status, P_INVALID);
	if (!strstr(e.msg, needle) || !strstr(e.msg, entry) || !strstr(e.msg, name))
		fail_msg("%s %s: %s", name, entry, e.msg);
	zipread_close(z);
}

static void test_bombs_and_sizes(void **state)
{
	(void)state;
	/* 64 MB of zeros in 64 KB: the ratio stops it long before the cap. */
	refused_read("bomb.zip", "dossier-1/zeros.txt", 512u << 20, "zip bomb");
	refused_read("bomb.zip", "dossier-1/zeros.txt", 1u << 20, "larger than");
	/* A header patched to say 3 GB: refused without reading. */
	struct zipread *z = opened("huge.zip");
	assert_int_equal(zipread_size(z, 0), 3LL << 30);
	zipread_close(z);
	refused_read("huge.zip", "dossier-1/huge.bin", 1u << 30, "larger than");
	/* A header saying 100 bytes over 200 000: the bytes count, not the header. */
	refused_read("liar.zip", "dossier-1/liar.txt", 1000, "larger than");
	refused_read("liar.zip", "dossier-1/liar.txt", 1u << 20, "declares 100 bytes but holds 200000");
	refused_read("huge.zip", "dossier-1/huge.bin", 4000000000u, "holds 1000");
	/* The sound entry next to the bomb still reads. */
	z = opened("bomb.zip");
	char *buf;
	size_t len;
	struct perr e = {0};
	assert_int_equal(zipread_read(z, (size_t)zipread_find(z, "dossier-1/small.txt"), 100,
				      &buf, &len, &e), 0);
	assert_string_equal(buf, "small");
	free(buf);
	zipread_close(z);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_read_entries),
		cmocka_unit_test(test_stream),
		cmocka_unit_test(test_name_safe),
		cmocka_unit_test(test_hostile_names),
		cmocka_unit_test(test_refused_archives),
		cmocka_unit_test(test_bombs_and_sizes),
	};
	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests(tests, make_fixtures, drop_fixtures);
}
