/* queue_sql.h - the queue's SQL, built from a spec: one WHERE (the view,
 * the filters, the tagged rows, what the person may see) and one ORDER BY
 * as a tuple of keys ending with a unique one, so that a row's place can be
 * counted (keyset) and only the visible rows are read. */
#ifndef PTCE_QUEUE_SQL_H
#define PTCE_QUEUE_SQL_H

#include "base/err.h"
#include "store/store.h"
#include "workflow/queue_spec.h"

#define QUEUE_SQL_BINDS 12
/* At most this many keys in an order (région, département, id: three). */
#define QUEUE_SQL_KEYS 4

/* Compléments demandés whose deadline has passed (local date), on "d". */
#define QUEUE_LATE_SQL "d.complements_due IS NOT NULL AND d.complements_due < date('now', 'localtime')"

/* An order whose first key is stored per person (migration 11: "my
 * review", total): the rows are two arms, each read in order through an
 * index and merged. The base arm is every dossier the reader has no row
 * of sort_readers for, keyed by a column of sort_totals "t"; the reader's
 * arm is their rows of sort_readers "x", keyed by one of its columns. */
struct queue_arms {
	const char *base_key;	/* "t.open_key" ... */
	const char *reader_key;	/* "x.instr_key" ... */
	char *login;		/* the reader, an SQL literal */
};

/* The WHERE and ORDER BY of a spec, on the dossiers as "d". */
struct queue_sql {
	char *where;			/* "(cond) AND (cond)", "1" when none */
	const char *binds[QUEUE_SQL_BINDS];	/* ?1, ?2, ... of where */
	int nb;
	char *json;			/* tagged ids as a JSON array */
	const struct actor *viewer;	/* bound where access_sql asks */
	char *keys;			/* the order: "k1, k2, d.id" */
	int desc;			/* the whole tuple descends */
	struct queue_arms *arms;	/* NULL: one SELECT on dossiers */
	/* Ordered by région and filtered on régions or départements: the
	 * values the filter leaves to the order's first two keys, as a
	 * VALUES list ("('84'), ('11')"); NULL when the key is free. */
	char *keyed[2];
};

/* queue_sql_build - the WHERE and the order of q; queue_sql_done frees them. */
void queue_sql_build(struct store *s, const struct queue_spec *q, struct queue_sql *w);
/* queue_sql_done - free what queue_sql_build allocated. */
void queue_sql_done(struct queue_sql *w);
/* queue_sql_order_by - "k1 DESC, k2 DESC" (reverse: the other way round); fresh. */
char *queue_sql_order_by(const struct queue_sql *w, int reverse);
/* queue_sql_first_key - the first key of the order (fresh). */
char *queue_sql_first_key(const struct queue_sql *w);
/* queue_sql_after - " AND keys CMP (keys of dossier ?param)", with the
 * first key also compared alone so that an index seeks (fresh). */
char *queue_sql_after(const struct queue_sql *w, const char *cmp, int param);
/* queue_sql_select - "SELECT cols FROM dossiers d WHERE ... ORDER BY ... tail";
 * a fresh string. */
char *queue_sql_select(const struct queue_sql *w, const char *cols, const char *tail);
/* queue_sql_rows - "SELECT cols ..." in the order (reverse: the other way
 * round; ordered 0: no ORDER BY), past the row of dossier ?param when param
 * is not 0 (compared as queue_sql_after does), then tail ("LIMIT ...").
 * Orders with arms read each arm through its index. A fresh string. */
char *queue_sql_rows(const struct queue_sql *w, const char *cols, const char *cmp, int param,
		     int reverse, int ordered, const char *tail);
/* queue_sql_tie_arms - in how many SELECTs, read one after the other, a
 * page past an anchor is read: one per key of a plain order (its ties on
 * the first keys, then past it on the next), else one. */
size_t queue_sql_tie_arms(const struct queue_sql *w);
/* queue_sql_tie_arm - arm (0 .. queue_sql_tie_arms - 1, the nearest rows
 * first) of a page past dossier ?param, in the order (reverse: the other
 * way round), then tail. A fresh string. */
char *queue_sql_tie_arm(const struct queue_sql *w, const char *cols, const char *cmp, int param,
			int reverse, size_t arm, const char *tail);
/* queue_sql_prepare - prepare sql and bind where's parameters (the first
 * nb, and the viewer's). */
sqlite3_stmt *queue_sql_prepare(struct store *s, const char *sql, const struct queue_sql *w,
				struct perr *e);

/* queue_position - index of dossier id in the spec's order, or -1 when it
 * is not shown (*pos). */
int queue_position(struct store *s, const struct queue_spec *q, long long id,
		   long long *pos, struct perr *e);
/* queue_position_near - the index of dossier id in the spec's order when
 * it is among the first or the last cap rows (count: rows in all), at
 * most cap rows counted from either end whatever the queue's length; -1
 * when it is not shown, -2 when it is farther than cap from both ends. */
int queue_position_near(struct store *s, const struct queue_spec *q, long long id,
			long long count, long long cap, long long *pos, struct perr *e);
/* queue_id_at - the id of the row at pos in the spec's order; 0 when there
 * is none (or it cannot be read). */
long long queue_id_at(struct store *s, const struct queue_spec *q, long long pos, struct perr *e);

#endif
