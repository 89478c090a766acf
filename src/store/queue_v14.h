/* queue_v14.h - migration 14: what the queue reads, kept small. How many
 * dossiers are in each state, région and département, kept by triggers in
 * the transaction of the write that changes it, so that the queue counts
 * what a view or a filter on them shows from a few hundred rows, not from
 * every dossier; and the forced moves indexed apart, so that a row's
 * "forced" flag is one probe of a small index, not a read of its whole
 * history. */
#ifndef PTCE_QUEUE_V14_H
#define PTCE_QUEUE_V14_H

/* queue_v14_sql - the table queue_counts(state, region_code,
 * departement_code, n) (no région or département: ''), its triggers on
 * dossiers and the counts of the dossiers already there; the index
 * history_override (workflow/queue.c names it). */
extern const char queue_v14_sql[];

#endif
