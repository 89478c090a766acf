/* fixture.h - what the unit tests on a real database share: fail on an
 * error with its message, run SQL, read one number. Linked into every unit
 * test (UNIT_SUPPORT in the Makefile). */
#ifndef PTCE_TEST_FIXTURE_H
#define PTCE_TEST_FIXTURE_H

#include "base/err.h"
#include "store/store.h"

/* must - fail the test with e's message when rc < 0. */
void must(int rc, const struct perr *e);
/* sql - run q on s; fail the test on an error. */
void sql(struct store *s, const char *q);
/* sql_int - the first column of q's first row, -1 without a row. */
long long sql_int(struct store *s, const char *q);

#endif
