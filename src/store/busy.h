/* busy.h - waiting while another session holds the write lock: a busy
 * handler that sleeps in short steps up to PTCE_BUSY_WAIT seconds (default
 * 600), and a hook through which the caller shows the wait or gives up. */
#ifndef PTCE_BUSY_H
#define PTCE_BUSY_H

#include <sqlite3.h>

#include "base/err.h"

/* BUSY_WAIT_DEFAULT, BUSY_WAIT_MAX - PTCE_BUSY_WAIT's default and largest
 * value, in seconds. */
#define BUSY_WAIT_DEFAULT 600
#define BUSY_WAIT_MAX 86400

/* busy_hook_fn - called at each step of a wait with the time waited so far
 * (0 at the first step of each wait); nonzero gives up the wait. */
typedef int (*busy_hook_fn)(void *arg, unsigned waited_ms);

/* One connection's waiting: its limit, the caller's hook, and how the last
 * wait ended (read by store_fail to say why a write was not made). */
struct busy_wait {
	unsigned limit_ms;
	busy_hook_fn hook;
	void *arg;
	long long start_ms;	/* monotonic time the current wait began */
	unsigned waited_ms;	/* length of the last wait */
	int gave_up;		/* the last wait ended by the hook */
};

/* busy_wait_limit - PTCE_BUSY_WAIT in seconds (BUSY_WAIT_DEFAULT when
 * unset), or -1 with e filled when it is not a whole number from 1 to
 * BUSY_WAIT_MAX. */
int busy_wait_limit(unsigned *secs, struct perr *e);
/* busy_install - make db wait through w (its limit from PTCE_BUSY_WAIT);
 * w must live as long as db. */
int busy_install(sqlite3 *db, struct busy_wait *w, struct perr *e);

#endif
