/* audit.h - the tamper-evident record: every write to the tables that carry
 * the procedure (history, submitted reviews, decisions, assignments...) is
 * chained by SHA-256 in the audit table, in the same transaction. */
#ifndef PTCE_AUDIT_H
#define PTCE_AUDIT_H

#include "base/err.h"
#include "store/store.h"

/* One audited table: how a row is named and digested. Expressions use the
 * placeholder '@' for the row's alias (NEW, OLD or a table alias). */
struct audit_table {
	const char *name;	/* the table */
	const char *key;	/* the row's key as text, e.g. "CAST(@.id AS TEXT)" */
	const char *cols;	/* the columns digested, in this order */
	const char *extra;	/* one more digested expression, or NULL */
	const char *cond;	/* rows outside the record while false (NULL: all) */
	int append_only;	/* rows are only ever inserted */
	int since;		/* the migration that made it audited */
	const char *cols_before; /* the columns digested before cols_since */
	int cols_since;		/* the migration that set cols (with cols_before) */
};

/* audit_tables - every audited table, in the order a new chain records them. */
extern const struct audit_table audit_tables[];
extern const size_t audit_n_tables;

/* audit_expand - tmpl with every '@' replaced by alias (a fresh string). */
char *audit_expand(const char *tmpl, const char *alias);
/* audit_digest_sql - the digest expression of t's row alias (fresh). */
char *audit_digest_sql(const struct audit_table *t, const char *alias);

/* audit_register - define the SQL function ptce_sha256(...) on db: the
 * SHA-256 (nettle) of its arguments, each typed and length-prefixed, as 64
 * lowercase hex digits. Every connection ptce opens has it; a bare sqlite3
 * shell does not, so its writes to an audited table fail. */
int audit_register(sqlite3 *db);

/* audit_trigger_sql - the CREATE TRIGGER statement of the i-th expected
 * trigger into *name and *sql (fresh strings); 0, or -1 past the last. */
int audit_trigger_sql(size_t i, char **name, char **sql);

/* audit_seal_row - append a chain entry recording the row rowid of table as
 * it is now ('insert', the table's digest): how a migration that rewrote
 * rows of an append-only table, its triggers set aside, seals them anew.
 * version: that migration's (the entry is written as its triggers are). */
int audit_seal_row(struct store *s, int version, const char *table, long long rowid,
		   struct perr *e);

/* audit_install - create the audit table and its triggers, and record the
 * rows already there as the chain's first entries (migration 6), with the
 * tables and columns of that version. */
int audit_install(struct store *s, struct perr *e);

/* audit_v10_apply - migration 10: grid installations join the record, and
 * a grid version's origin is digested with its other columns: the grid
 * tables' triggers made anew and their rows sealed as they are now. */
int audit_v10_apply(struct store *s, struct perr *e);

/* audit_v15_apply - migration 15: an entry appended without a temporary
 * b-tree. The audit table rebuilt with a check written as comparisons, the
 * table audit_last (the last entry's number and hash, kept by a trigger on
 * audit) from which every trigger now chains, every trigger made anew. The
 * entries are copied as they are: the chain and its head do not change. */
int audit_v15_apply(struct store *s, struct perr *e);

#endif
