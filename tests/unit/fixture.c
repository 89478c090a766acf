/* fixture.c - see fixture.h. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "fixture.h"

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
