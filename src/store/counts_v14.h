/* counts_v14.h - migration 14: how many dossiers are in each state, région
 * and département, kept by triggers in the transaction of the write that
 * changes it, so that the queue counts what a view or a filter on them
 * shows from a few hundred rows, not from every dossier. */
#ifndef PTCE_COUNTS_V14_H
#define PTCE_COUNTS_V14_H

/* counts_v14_sql - the table queue_counts(state, region_code,
 * departement_code, n) (no région or département: ''), its triggers on
 * dossiers and the counts of the dossiers already there. */
extern const char counts_v14_sql[];

#endif
