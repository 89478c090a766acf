/* busy.c - the busy handler: another session's write (a large import holds
 * the lock for minutes) is waited for, not failed after a few seconds; the
 * caller's hook says so to the person and lets them give up. */
#include <stdlib.h>
#include <time.h>

#include "base/i18n.h"
#include "store/busy.h"

int busy_wait_limit(unsigned *secs, struct perr *e)
{
	const char *v = getenv("PTCE_BUSY_WAIT");
	*secs = BUSY_WAIT_DEFAULT;
	if (!v)
		return 0;
	unsigned long n = 0;
	const char *p = v;
	for (; *p >= '0' && *p <= '9' && n <= BUSY_WAIT_MAX; p++)
		n = n * 10 + (unsigned long)(*p - '0');
	if (p == v || *p || n < 1 || n > BUSY_WAIT_MAX)
		return perr_set(e, P_USAGE, _("PTCE_BUSY_WAIT=%s is not a number of seconds: give a whole number from 1 to %d (how long a write waits for another session's write to end; %d when unset)."),
				v, BUSY_WAIT_MAX, BUSY_WAIT_DEFAULT);
	*secs = (unsigned)n;
	return 0;
}

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* SQLite's busy handler: count is 0 at the first call of each wait. Steps
 * of 20 ms double up to 200 ms, never past the limit. */
static int busy_handler(void *arg, int count)
{
	struct busy_wait *w = arg;
	long long now = now_ms();
	if (count == 0) {
		w->start_ms = now;
		w->gave_up = 0;
	}
	w->waited_ms = (unsigned)(now - w->start_ms);
	if (w->hook && w->hook(w->arg, w->waited_ms)) {
		w->gave_up = 1;
		return 0;
	}
	if (w->waited_ms >= w->limit_ms)
		return 0;
	unsigned step = count < 4 ? 20u << count : 200u;
	if (step > w->limit_ms - w->waited_ms)
		step = w->limit_ms - w->waited_ms;
	sqlite3_sleep((int)step);
	return 1;
}

int busy_install(sqlite3 *db, struct busy_wait *w, struct perr *e)
{
	unsigned secs;
	if (busy_wait_limit(&secs, e) < 0)
		return -1;
	w->limit_ms = secs * 1000u;
	sqlite3_busy_handler(db, busy_handler, w);
	return 0;
}
