/* queue_bench.h - generated dossiers for measuring the queue (make bench)
 * and for the tests that need many rows. */
#ifndef PTCE_QUEUE_BENCH_H
#define PTCE_QUEUE_BENCH_H

#include "base/err.h"
#include "store/store.h"

/* queue_bench_fill - insert n generated dossiers (for make bench and tests);
 * one transaction. */
int queue_bench_fill(struct store *s, long long n, struct perr *e);

#endif
