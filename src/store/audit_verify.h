/* audit_verify.h - checking the tamper-evident record: the chain itself,
 * every audited row against its last entry, the triggers, and an earlier
 * head kept outside the database. */
#ifndef PTCE_AUDIT_VERIFY_H
#define PTCE_AUDIT_VERIFY_H

#include "base/err.h"
#include "store/store.h"

/* One thing found wrong; seq is the chain entry concerned (0 when none,
 * e.g. a row no entry records). */
struct audit_problem {
	long long seq;
	char *table;	/* the audited table, or "audit" / "schema" */
	char *key;	/* the row's key ("" when none) */
	char *what;	/* what happened, for a person (translated) */
};

struct audit_report {
	long long entries;		/* chain entries read */
	long long rows;			/* audited rows compared */
	struct audit_problem *p;	/* sorted: chain order, then rows no entry records */
	size_t n;
};

/* audit_head - the chain's last entry: *seq (0 for an empty chain) and
 * *hash (fresh; "" for an empty chain). */
int audit_head(struct store *s, long long *seq, char **hash, struct perr *e);
/* audit_verify - check everything; head, when not NULL, is an earlier head
 * ("SEQ:HASH" or "HASH") that must still be in the chain. 0 when the check
 * could run (r->n problems found), -1 when it could not (e says why). */
int audit_verify(struct store *s, const char *head, struct audit_report *r, struct perr *e);
/* audit_report_done - free the problems. */
void audit_report_done(struct audit_report *r);

#endif
