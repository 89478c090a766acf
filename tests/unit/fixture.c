/* fixture.c - see fixture.h. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "fixture.h"
#include "procedure/procedure.h"
#include "store/open.h"

void must(int rc, const struct perr *e)
{
	if (rc < 0)
		fail_msg("%s", e->msg);
}

void sql(struct store *s, const char *q)
{
	struct perr e = {0};
	must(store_exec(s, q, &e), &e);
}

long long sql_int(struct store *s, const char *q)
{
	sqlite3_stmt *st = NULL;
	long long v = -1;
	assert_int_equal(sqlite3_prepare_v2(s->db, q, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

struct store *fixture_db_open(char *path, size_t len)
{
	char dir[] = "/tmp/ptce-unit-XXXXXX";
	assert_non_null(mkdtemp(dir));
	snprintf(path, len, "%s/t.db", dir);
	struct store *s = NULL;
	struct perr e = {0};
	if (procedure_open(path, STORE_CREATE, &s, &e))
		fail_msg("procedure_open %s: %s", path, e.msg);
	return s;
}

void fixture_db_close(struct store **s, const char *path)
{
	store_close(s);
	char side[4096];
	const char *suffix[] = {"", "-wal", "-shm", "-journal"};
	for (size_t i = 0; i < sizeof suffix / sizeof *suffix; i++) {
		snprintf(side, sizeof side, "%s%s", path, suffix[i]);
		unlink(side);
	}
	snprintf(side, sizeof side, "%s", path);
	char *slash = strrchr(side, '/');
	if (slash) {
		*slash = '\0';
		rmdir(side);
	}
}

int fixture_db_setup(void **state)
{
	struct fixture_db *f = calloc(1, sizeof *f);
	assert_non_null(f);
	f->s = fixture_db_open(f->path, sizeof f->path);
	*state = f;
	return 0;
}

int fixture_db_teardown(void **state)
{
	struct fixture_db *f = *state;
	fixture_db_close(&f->s, f->path);
	free(f);
	return 0;
}
