/* audit_verify.c - proving the record was not rewritten: each entry's hash
 * recomputed and linked to the one before, each audited row compared with
 * its last entry, each trigger present as written, and an earlier head. */
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "store/audit.h"
#include "store/audit_verify.h"
#include "store/stmt.h"

static void problem(struct audit_report *r, long long seq, const char *table, const char *key,
		    char *what)
{
	r->p = xrealloc(r->p, (r->n + 1) * sizeof *r->p);
	r->p[r->n++] = (struct audit_problem){seq, xstrdup(table), xstrdup(key ? key : ""), what};
}

int audit_head(struct store *s, long long *seq, char **hash, struct perr *e)
{
	*seq = 0;
	*hash = NULL;
	sqlite3_stmt *st = stmt_query(s, e, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1", NULL);
	int rc = stmt_next(s, &st, e, _("reading the audit chain"));
	if (rc > 0)
		stmt_columns(st, "It", seq, hash);
	stmt_done(&st);
	if (rc >= 0 && !*hash)
		*hash = xstrdup("");
	return rc < 0 ? -1 : 0;
}

/* audit_last, what the next entry follows, against the chain's last entry
 * (seq, hash): a next entry would not follow the chain. */
static int check_last(struct store *s, long long seq, const char *hash, struct audit_report *r,
		      struct perr *e)
{
	sqlite3_stmt *st = stmt_query(s, e, "SELECT seq, hash FROM audit_last WHERE one = 1", NULL);
	int rc = stmt_next(s, &st, e, _("reading the audit chain"));
	long long have = -1;
	char *h = NULL;
	if (rc > 0)
		stmt_columns(st, "It", &have, &h);
	stmt_done(&st);
	if (rc == 0)
		problem(r, 0, "audit_last", "", xstrdup(_("audit_last is missing: the next entry could not be recorded")));
	else if (rc > 0 && have != seq)
		problem(r, 0, "audit_last", "", xasprintf(_("audit_last names entry %lld, the chain ends at entry %lld: it was edited, and the next entry would not follow the chain"),
							  have, seq));
	else if (rc > 0 && strcmp(h ? h : "", hash) != 0)
		problem(r, 0, "audit_last", "", xasprintf(_("audit_last holds another hash than entry %lld's: it was edited, and the next entry would not follow the chain"),
							  seq));
	free(h);
	return rc < 0 ? -1 : 0;
}

/* The chain: consecutive numbers, each entry linked to the previous hash,
 * each hash matching its entry. */
static int check_chain(struct store *s, struct audit_report *r, struct perr *e)
{
	sqlite3_stmt *st = stmt_query(s, e,
				      "SELECT seq, tbl, key, prev, hash, ptce_sha256(prev, seq, tbl, key, op, digest)"
				      " FROM audit ORDER BY seq", NULL);
	long long want = 1;
	char *last = xstrdup("");
	int rc;
	while ((rc = stmt_next(s, &st, e, _("reading the audit chain"))) > 0) {
		long long seq;
		char *tbl, *key, *prev, *hash, *again;
		stmt_columns(st, "Ittttt", &seq, &tbl, &key, &prev, &hash, &again);
		r->entries++;
		if (seq != want)
			problem(r, want, "audit", "",
				xasprintf(_("entries %lld to %lld are missing from the chain (deleted)"), want, seq - 1));
		else if (strcmp(hash, again) != 0)
			problem(r, seq, tbl, key, xasprintf(_("chain entry %lld was altered or reordered (its hash does not match what it records)"), seq));
		else if (strcmp(prev, last) != 0)
			problem(r, seq, tbl, key, xasprintf(_("chain entry %lld does not follow entry %lld (an entry was inserted, removed or reordered)"), seq, seq - 1));
		want = seq + 1;
		free(last);
		last = hash;
		free(tbl);
		free(key);
		free(prev);
		free(again);
	}
	if (rc >= 0)
		rc = check_last(s, want - 1, last, r, e);
	free(last);
	return rc < 0 ? -1 : 0;
}

/* The rows of table t against their last entries, both ways. */
static const char compare_sql[] =
	"WITH cur(k, d) AS (SELECT %s, %s FROM %s t),"
	" last(seq, k, op, d) AS (SELECT a.seq, a.key, a.op, a.digest FROM audit a"
	"  WHERE a.tbl = '%s' AND a.seq = (SELECT max(b.seq) FROM audit b WHERE b.tbl = a.tbl AND b.key = a.key))"
	" SELECT l.seq, l.k, CASE WHEN c.k IS NULL THEN 1 WHEN l.op = 'delete' THEN 3 ELSE 2 END"
	"  FROM last l LEFT JOIN cur c ON c.k = l.k"
	"  WHERE CASE WHEN l.op = 'delete' THEN c.d IS NOT NULL ELSE c.k IS NULL OR c.d IS NOT l.d END"
	" UNION ALL SELECT 0, c.k, 3 FROM cur c WHERE c.d IS NOT NULL"
	"  AND NOT EXISTS (SELECT 1 FROM audit a WHERE a.tbl = '%s' AND a.key = c.k)";

/* A table whose rows are only inserted: any other entry records a change
 * made with the append-only trigger out of the way. */
static int check_append_only(struct store *s, const struct audit_table *t, struct audit_report *r,
			     struct perr *e)
{
	sqlite3_stmt *st = stmt_query(s, e, "SELECT seq, key, op FROM audit WHERE tbl = ? AND op <> 'insert'",
				      "t", t->name);
	int rc;
	while ((rc = stmt_next(s, &st, e, _("comparing the audited rows"))) > 0)
		problem(r, sqlite3_column_int64(st, 0), t->name, (const char *)sqlite3_column_text(st, 1),
			xasprintf(strcmp((const char *)sqlite3_column_text(st, 2), "delete") == 0
				  ? _("deleted from an append-only table (chain entry %lld)")
				  : _("rewritten in an append-only table (chain entry %lld)"),
				  sqlite3_column_int64(st, 0)));
	return rc < 0 ? -1 : 0;
}

static int check_table(struct store *s, const struct audit_table *t, struct audit_report *r,
		       struct perr *e)
{
	char *key = audit_expand(t->key, "t"), *dig = audit_digest_sql(t, "t");
	char *d = dig;
	if (t->cond) {
		char *c = audit_expand(t->cond, "t");
		d = xasprintf("CASE WHEN %s THEN %s END", c, dig);
		free(c);
	}
	char *sql = xasprintf(compare_sql, key, d, t->name, t->name, t->name);
	sqlite3_stmt *st = stmt_query(s, e, sql, NULL);
	int rc;
	while ((rc = stmt_next(s, &st, e, _("comparing the audited rows"))) > 0) {
		long long seq = sqlite3_column_int64(st, 0);
		const char *k = (const char *)sqlite3_column_text(st, 1);
		int how = sqlite3_column_int(st, 2);
		char *what = how == 1 ? xasprintf(_("deleted after it was recorded (chain entry %lld)"), seq)
			: how == 2 ? xasprintf(_("edited after it was recorded (chain entry %lld)"), seq)
			: xstrdup(_("written outside ptce (no chain entry records it)"));
		problem(r, seq, t->name, k, what);
	}
	if (rc == 0 && t->append_only)
		rc = check_append_only(s, t, r, e);
	long long n = 0;
	if (rc == 0) {
		char *count = xasprintf("SELECT count(*) FROM %s", t->name);
		rc = stmt_int(s, &n, 0, e, _("comparing the audited rows"), count, NULL);
		free(count);
	}
	r->rows += n;
	if (d != dig)
		free(d);
	free(dig);
	free(key);
	free(sql);
	return rc < 0 ? -1 : 0;
}

/* Every trigger that keeps the record, as this ptce wrote it, and the
 * append-only ones of the earlier migrations. */
static int check_triggers(struct store *s, struct audit_report *r, struct perr *e)
{
	static const char *const append_only[] = {
		"history_is_append_only_u", "history_is_append_only_d", "review_changes_append_only_u",
		"review_changes_append_only_d", "funding_decisions_append_only_u",
		"funding_decisions_append_only_d", "grid_installs_append_only_u",
		"grid_installs_append_only_d", NULL};
	char *name, *sql, *have;
	int rc = 0;
	for (size_t i = 0; rc == 0 && audit_trigger_sql(i, &name, &sql) == 0; i++) {
		rc = stmt_text(s, &have, e, _("reading the schema"),
			       "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", "t", name);
		if (rc == 0 && (!have || strcmp(have, sql) != 0))
			problem(r, 0, "schema", name, xstrdup(have ? _("the trigger was changed") : _("the trigger is missing")));
		free(have);
		free(name);
		free(sql);
	}
	for (size_t i = 0; rc == 0 && append_only[i]; i++) {
		int yes = 0;
		rc = stmt_exists(s, &yes, e, _("reading the schema"),
				 "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?", "t", append_only[i]);
		if (rc == 0 && !yes)
			problem(r, 0, "schema", append_only[i], xstrdup(_("the trigger is missing")));
	}
	return rc;
}

/* An earlier head must still be in the chain, with the same hash. */
static int check_head(struct store *s, const char *head, struct audit_report *r, struct perr *e)
{
	const char *colon = strchr(head, ':');
	const char *hash = colon ? colon + 1 : head;
	long long seq = colon ? strtoll(head, NULL, 10) : 0;
	char *have = NULL;
	int rc = colon ? stmt_text(s, &have, e, _("reading the audit chain"),
				   "SELECT hash FROM audit WHERE seq = ?", "I", seq)
		       : stmt_text(s, &have, e, _("reading the audit chain"),
				   "SELECT seq FROM audit WHERE hash = ?", "t", hash);
	if (rc < 0)
		return -1;
	if (colon && seq == 0 && !*hash)
		; /* the head of an empty chain is in every chain */
	else if (!have)
		problem(r, colon ? seq : 0, "audit", "", colon
			? xasprintf(_("the chain has no entry %lld any more: the record was truncated or rewritten since that head was taken"), seq)
			: xasprintf(_("no chain entry has the hash %s: the record was rewritten since that head was taken (or it comes from another database)"), hash));
	else if (colon && strcmp(have, hash) != 0)
		problem(r, seq, "audit", "", xasprintf(_("chain entry %lld has the hash %s, the head kept says %s: the record was rewritten at or before that entry"),
						       seq, have, hash));
	free(have);
	return 0;
}

static int by_seq(const void *a, const void *b)
{
	const struct audit_problem *x = a, *y = b;
	long long sx = x->seq ? x->seq : (1LL << 62), sy = y->seq ? y->seq : (1LL << 62);
	if (sx != sy)
		return sx < sy ? -1 : 1;
	int c = strcmp(x->table, y->table);
	return c ? c : strcmp(x->key, y->key);
}

int audit_verify(struct store *s, const char *head, struct audit_report *r, struct perr *e)
{
	*r = (struct audit_report){0};
	int yes = 0;
	if (stmt_exists(s, &yes, e, _("reading the schema"),
			"SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit'", NULL) < 0)
		return -1;
	if (!yes)
		return perr_set(e, P_DB, _("%s has no audit record; open it once with this ptce to create it."), s->path);
	if (check_chain(s, r, e) < 0 || check_triggers(s, r, e) < 0)
		return -1;
	for (size_t i = 0; i < audit_n_tables; i++)
		if (check_table(s, &audit_tables[i], r, e) < 0)
			return -1;
	if (head && check_head(s, head, r, e) < 0)
		return -1;
	if (r->n > 1)
		qsort(r->p, r->n, sizeof *r->p, by_seq);
	return 0;
}

void audit_report_done(struct audit_report *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->p[i].table);
		free(r->p[i].key);
		free(r->p[i].what);
	}
	free(r->p);
	*r = (struct audit_report){0};
}
