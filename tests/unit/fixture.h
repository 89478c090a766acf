/* fixture.h - what the unit tests on a real database share: fail on an
 * error with its message, run SQL, read one number. Linked into every unit
 * test (UNIT_SUPPORT in the Makefile). */
#ifndef PTCE_TEST_FIXTURE_H
#define PTCE_TEST_FIXTURE_H

#include "base/err.h"
#include <stddef.h>

#include "store/store.h"

/* must - fail the test with e's message when rc < 0. */
void must(int rc, const struct perr *e);
/* sql - run q on s; fail the test on an error. */
void sql(struct store *s, const char *q);
/* sql_int - the first column of q's first row, -1 without a row. */
long long sql_int(struct store *s, const char *q);
/* fixture_db_open - a fresh database of the procedure (procedure_open,
 * created) in a directory of its own under /tmp, its path into path. */
struct store *fixture_db_open(char *path, size_t len);
/* fixture_db_close - close *s and remove its database, the WAL's files
 * and their directory. */
void fixture_db_close(struct store **s, const char *path);

/* A test's fresh database, for cmocka's setup and teardown. */
struct fixture_db {
	struct store *s;
	char path[256];
};
/* fixture_db_setup - *state a struct fixture_db, its database open. */
int fixture_db_setup(void **state);
/* fixture_db_teardown - its database closed and removed, *state freed. */
int fixture_db_teardown(void **state);

#endif
