/* audit.c - the tamper-evident record's machinery: the ptce_sha256() SQL
 * function (nettle's SHA-256), the audited tables, the triggers that chain
 * every write to them, and the first chain of an upgraded database. */
#include <nettle/sha2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "store/audit.h"
#include "store/stmt.h"

/* Past every migration: the tables and columns as they are now. */
#define AUDIT_LATEST 1000000

/* The answers of a review, digested in the order of their criterion: a
 * submitted review is recorded with what it said. */
#define REVIEW_ANSWERS \
	"(SELECT group_concat(x, ',') FROM (SELECT ptce_sha256(a.criterion, a.kind, a.blocking," \
	" a.value, a.comment, a.points, a.updated_at, a.updated_by) AS x FROM review_answers a" \
	" WHERE a.review_id = @.id ORDER BY a.criterion))"

/* grid_versions' columns from migration 6 to 9 (origin came with 8). */
#define GRID_COLS_V6 \
	"id, grid_id, hash, phase, title, version_label, source_path, reviews_required, blind," \
	" divergence, points_total, content, first_used_at"

/* A released list: changing a column here changes every digest, so a new
 * column is recorded by a new migration that seals the rows anew: it
 * appends an 'insert' entry with the row's new digest (audit_seal_row),
 * the last entry of a row being the one verify compares it with. */
const struct audit_table audit_tables[] = {
	{"reviewers", "@.login", "login, display_name, organisation, email, active, created_at", NULL, NULL, 0, 6, NULL, 0},
	{"reviewer_roles", "@.login || '/' || @.role", "login, role", NULL, NULL, 0, 6, NULL, 0},
	{"grid_versions", "CAST(@.id AS TEXT)",
	 "id, grid_id, hash, phase, title, version_label, source_path, reviews_required, blind,"
	 " divergence, points_total, content, first_used_at, origin", NULL, NULL, 0, 6,
	 GRID_COLS_V6, 10},
	{"history", "CAST(@.id AS TEXT)",
	 "id, dossier_id, at, actor, real_actor, kind, from_state, to_state, motivation, override, detail",
	 NULL, NULL, 1, 6, NULL, 0},
	{"assignments", "CAST(@.dossier_id AS TEXT) || '/' || @.login",
	 "dossier_id, login, assigned_by, assigned_at", NULL, NULL, 0, 6, NULL, 0},
	{"conflicts", "CAST(@.id AS TEXT)", "id, dossier_id, reviewer, reason, declared_by, declared_at",
	 NULL, NULL, 0, 6, NULL, 0},
	{"reviews", "CAST(@.id AS TEXT)",
	 "id, dossier_id, reviewer, grid_id, grid_version_id, phase, status, revision, total, band,"
	 " eliminated_by, created_at, updated_at, updated_by, submitted_at", REVIEW_ANSWERS,
	 "@.status = 'submitted'", 0, 6, NULL, 0},
	{"review_changes", "CAST(@.id AS TEXT)",
	 "id, review_id, at, actor, real_actor, what, criterion, old_value, new_value", NULL, NULL, 1, 6, NULL, 0},
	{"opinions", "CAST(@.id AS TEXT)",
	 "id, dossier_id, expert, expert_email, question, asked_by, asked_at, verdict, answer,"
	 " answered_at, yes_no_question, source", NULL, NULL, 0, 6, NULL, 0},
	{"funding_decisions", "CAST(@.id AS TEXT)",
	 "id, dossier_id, campaign_id, amount_per_year_eur, years, validation_ref, validation_date,"
	 " decided_by, real_actor, decided_at, overridden", NULL, NULL, 1, 6, NULL, 0},
	{"notes", "CAST(@.id AS TEXT)",
	 "id, dossier_id, source, author, author_label, field, body, at, real_actor", NULL, NULL, 0, 6, NULL, 0},
	{"documents", "CAST(@.id AS TEXT)",
	 "id, dossier_id, kind, title, received_on, folder, file_name, size, mime, sha256", NULL, NULL, 0, 6, NULL, 0},
	{"grid_installs", "CAST(@.id AS TEXT)",
	 "id, grid_id, version_id, installed_by, real_installed_by, installed_at, source_file",
	 NULL, NULL, 1, 10, NULL, 0},
};
const size_t audit_n_tables = sizeof audit_tables / sizeof audit_tables[0];

/* n in decimal at the end of buf (at least 21 bytes); its first byte. */
static char *decimal(char *end, unsigned long long n)
{
	do
		*--end = (char)('0' + n % 10);
	while (n /= 10);
	return end;
}

/* What snprintf("%c%lld%c") writes, without its cost: this runs for every
 * argument of every row a write chains (a 100 000-dossier import: millions). */
static size_t tag_int(char *tag, char kind, long long v, char end)
{
	char num[24], *p = decimal(num + sizeof num, v < 0 ? 0ULL - (unsigned long long)v
							       : (unsigned long long)v);
	size_t n = 0;
	tag[n++] = kind;
	if (v < 0)
		tag[n++] = '-';
	size_t len = (size_t)(num + sizeof num - p);
	memcpy(tag + n, p, len);
	n += len;
	tag[n++] = end;
	return n;
}

/* Each argument goes in typed and length-prefixed, so that ("ab", "c") and
 * ("a", "bc") differ; a real number by its bits, never through the locale. */
static void sha256_value(struct sha256_ctx *h, sqlite3_value *v)
{
	static const char hexd[] = "0123456789abcdef";
	char tag[48];
	size_t n = 0;
	double d;
	uint64_t bits;
	switch (sqlite3_value_type(v)) {
	case SQLITE_NULL:
		memcpy(tag, "N;", n = 2);
		break;
	case SQLITE_INTEGER:
		n = tag_int(tag, 'I', (long long)sqlite3_value_int64(v), ';');
		break;
	case SQLITE_FLOAT:
		d = sqlite3_value_double(v);
		memcpy(&bits, &d, sizeof bits);
		tag[n++] = 'R';
		for (int i = 60; i >= 0; i -= 4)
			tag[n++] = hexd[(bits >> i) & 15];
		tag[n++] = ';';
		break;
	default: {
		int blob = sqlite3_value_type(v) == SQLITE_BLOB;
		const void *p = blob ? sqlite3_value_blob(v) : (const void *)sqlite3_value_text(v);
		int len = sqlite3_value_bytes(v);
		n = tag_int(tag, blob ? 'B' : 'T', len, ':');
		sha256_update(h, n, (const uint8_t *)tag);
		if (len > 0 && p)
			sha256_update(h, (size_t)len, p);
		memcpy(tag, ";", n = 1);
	}
	}
	sha256_update(h, n, (const uint8_t *)tag);
}

static void sql_sha256(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	static const char hexd[] = "0123456789abcdef";
	struct sha256_ctx h;
	uint8_t d[SHA256_DIGEST_SIZE];
	char hex[2 * SHA256_DIGEST_SIZE];
	sha256_init(&h);
	for (int i = 0; i < argc; i++)
		sha256_value(&h, argv[i]);
	sha256_digest(&h, sizeof d, d);
	for (size_t i = 0; i < sizeof d; i++) {
		hex[2 * i] = hexd[d[i] >> 4];
		hex[2 * i + 1] = hexd[d[i] & 15];
	}
	sqlite3_result_text(ctx, hex, 2 * SHA256_DIGEST_SIZE, SQLITE_TRANSIENT);
}

int audit_register(sqlite3 *db)
{
	return sqlite3_create_function(db, "ptce_sha256", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
				       sql_sha256, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

char *audit_expand(const char *tmpl, const char *alias)
{
	char *out = NULL;
	xappendf(&out, "%s", "");
	for (const char *p = tmpl; *p; p++) {
		if (*p == '@')
			xappendf(&out, "%s", alias);
		else
			xappendf(&out, "%c", *p);
	}
	return out;
}

char *audit_digest_sql(const struct audit_table *t, const char *alias)
{
	char *out = xstrdup("ptce_sha256(");
	const char *p = t->cols;
	while (*p) {
		p += strspn(p, " ,");
		size_t n = strcspn(p, " ,");
		if (n)
			xappendf(&out, "%s%s.%.*s", out[12] ? ", " : "", alias, (int)n, p);
		p += n;
	}
	if (t->extra) {
		char *x = audit_expand(t->extra, alias);
		xappendf(&out, ", %s", x);
		free(x);
	}
	xappendf(&out, ")");
	return out;
}

/* The migration from which a new entry takes its number and the hash it
 * follows from audit_last instead of the chain itself. */
#define AUDIT_LAST_SINCE 15

/* What the next entry follows: the last one (a no-op when the entry before
 * was not appended, its WHERE false). */
static const char audit_last_sql[] =
	" UPDATE audit_last SET (seq, hash) = (SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1)"
	" WHERE one = 1;";

/* One chain entry for table tbl, appended after the last one: key and
 * digest are SQL expressions, from and where what they need; version is
 * the migration the statement is written for. Before AUDIT_LAST_SINCE the
 * entry read the chain's last entry from audit, which makes SQLite stage an
 * INSERT ... SELECT in a temporary b-tree (as it does for a table with
 * insert triggers: so audit_last is kept by the statement after, not by a
 * trigger on audit). OFFSET 0 keeps SQLite from flattening the inner query
 * into the outer one (its flattener leaves a subquery with an OFFSET
 * alone), which would compute the digest twice, for its column and for the
 * hash. */
static void insert_sql(char **sql, int version, const char *tbl, const char *op, const char *key,
		       const char *digest, const char *from, const char *where)
{
	const char *last = version < AUDIT_LAST_SINCE
		? "SELECT coalesce(max(seq), 0) + 1 AS s, coalesce((SELECT hash FROM audit"
		  " ORDER BY seq DESC LIMIT 1), '') AS p FROM audit"
		: "SELECT max(seq) + 1 AS s, max(hash) AS p FROM audit_last";
	xappendf(sql,
		 " INSERT INTO audit(seq, tbl, key, op, digest, prev, hash)"
		 " SELECT s, '%s', k, '%s', d, p, ptce_sha256(p, s, '%s', k, '%s', d) FROM"
		 " (SELECT n.s AS s, n.p AS p, %s AS k, %s AS d FROM (%s) n%s%s%s LIMIT -1 OFFSET 0);",
		 tbl, op, tbl, op, key, digest, last, from ? " CROSS JOIN " : "", from ? from : "",
		 where ? where : "");
}

/* The entry and, from AUDIT_LAST_SINCE, audit_last kept. */
static void append_sql(char **sql, int version, const char *tbl, const char *op, const char *key,
		       const char *digest, const char *from, const char *where)
{
	insert_sql(sql, version, tbl, op, key, digest, from, where);
	if (version >= AUDIT_LAST_SINCE)
		xappendf(sql, "%s", audit_last_sql);
}

/* The triggers of an audited table: 0 insert, 1 update, 2 delete. */
static void table_trigger(const struct audit_table *t, int version, int kind, char **name,
			  char **sql)
{
	static const char *const suffix[] = {"i", "u", "d"}, *const event[] = {"INSERT", "UPDATE", "DELETE"};
	const char *alias = kind == 2 ? "OLD" : "NEW";
	char *key = audit_expand(t->key, alias), *dig = audit_digest_sql(t, alias);
	char *cnew = t->cond ? audit_expand(t->cond, "NEW") : NULL;
	char *cold = t->cond ? audit_expand(t->cond, "OLD") : NULL;
	*name = xasprintf("audit_%s_%s", t->name, suffix[kind]);
	*sql = xasprintf("CREATE TRIGGER %s AFTER %s ON %s", *name, event[kind], t->name);
	if (t->cond)
		xappendf(sql, " WHEN %s%s%s", kind == 2 ? cold : cnew, kind == 1 ? " OR " : "",
			 kind == 1 ? cold : "");
	xappendf(sql, " BEGIN");
	if (kind == 0) {
		append_sql(sql, version, t->name, "insert", key, dig, NULL, NULL);
	} else if (kind == 2) {
		append_sql(sql, version, t->name, "delete", key, "NULL", NULL, NULL);
	} else {
		char *okey = audit_expand(t->key, "OLD");
		char *w = xasprintf(" WHERE %s IS NOT %s", okey, key);
		append_sql(sql, version, t->name, "delete", okey, "NULL", NULL, w);
		free(w);
		free(okey);
		char *d = t->cond ? xasprintf("CASE WHEN %s THEN %s END", cnew, dig) : xstrdup(dig);
		append_sql(sql, version, t->name, "update", key, d, NULL, NULL);
		free(d);
	}
	xappendf(sql, " END");
	free(key);
	free(dig);
	free(cnew);
	free(cold);
}

/* A change to an answer of a submitted review records the review again. */
static void answers_trigger(int version, int kind, char **name, char **sql)
{
	static const char *const suffix[] = {"i", "u", "d"}, *const event[] = {"INSERT", "UPDATE", "DELETE"};
	const struct audit_table *rv = NULL;
	for (size_t i = 0; i < audit_n_tables; i++)
		if (strcmp(audit_tables[i].name, "reviews") == 0)
			rv = &audit_tables[i];
	char *key = audit_expand(rv->key, "r"), *dig = audit_digest_sql(rv, "r");
	char *cond = audit_expand(rv->cond, "r");
	char *where = xasprintf(" WHERE r.id = %s.review_id AND %s", kind == 2 ? "OLD" : "NEW", cond);
	*name = xasprintf("audit_review_answers_%s", suffix[kind]);
	*sql = xasprintf("CREATE TRIGGER %s AFTER %s ON review_answers BEGIN", *name, event[kind]);
	append_sql(sql, version, "reviews", "update", key, dig, "reviews r", where);
	xappendf(sql, " END");
	free(key);
	free(dig);
	free(cond);
	free(where);
}

/* Table i as the migration version left it: 0, or 1 when it was not
 * audited yet. */
static int table_at(size_t i, int version, struct audit_table *out)
{
	*out = audit_tables[i];
	if (out->since > version)
		return 1;
	if (out->cols_before && version < out->cols_since)
		out->cols = out->cols_before;
	return 0;
}

/* The i-th trigger as of migration version: 0, 1 when its table was not
 * audited yet, -1 past the last. */
static int trigger_sql_at(size_t i, int version, char **name, char **sql)
{
	if (i < 3 * audit_n_tables) {
		struct audit_table t;
		if (table_at(i / 3, version, &t))
			return 1;
		table_trigger(&t, version, (int)(i % 3), name, sql);
		return 0;
	}
	i -= 3 * audit_n_tables;
	if (i < 3) {
		answers_trigger(version, (int)i, name, sql);
		return 0;
	}
	if (i < 5) {
		*name = xstrdup(i == 3 ? "audit_is_append_only_u" : "audit_is_append_only_d");
		*sql = xasprintf("CREATE TRIGGER %s BEFORE %s ON audit BEGIN"
				 " SELECT RAISE(ABORT, 'the audit record is append-only'); END",
				 *name, i == 3 ? "UPDATE" : "DELETE");
		return 0;
	}
	if (i == 5 && version >= AUDIT_LAST_SINCE) {
		*name = xstrdup("audit_last_is_kept");
		*sql = xasprintf("CREATE TRIGGER %s BEFORE DELETE ON audit_last BEGIN"
				 " SELECT RAISE(ABORT, 'audit_last is kept by the audit record'); END", *name);
		return 0;
	}
	return i == 5 ? 1 : -1;
}

int audit_trigger_sql(size_t i, char **name, char **sql)
{
	int rc;
	while ((rc = trigger_sql_at(i, AUDIT_LATEST, name, sql)) == 1)
		i++;	/* never: every table is audited at the latest version */
	return rc;
}

static const char audit_table_sql[] =
	/* seq orders the chain; hash = ptce_sha256(prev, seq, tbl, key, op,
	 * digest), prev being the entry before's hash ('' for the first). */
	"CREATE TABLE audit ("
	"  seq INTEGER PRIMARY KEY,"
	"  tbl TEXT NOT NULL, key TEXT NOT NULL,"
	"  op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),"
	"  digest TEXT, prev TEXT NOT NULL, hash TEXT NOT NULL);"
	"CREATE INDEX audit_row ON audit(tbl, key, seq);"
	/* 'PTCE': tells a ptce database from any other SQLite file. */
	"PRAGMA application_id = 1347699525;";

/* The rows already there, each as an insert, table after table. */
static int seal_existing(struct store *s, int version, const struct audit_table *t,
			 struct perr *e)
{
	char *key = audit_expand(t->key, "t"), *dig = audit_digest_sql(t, "t");
	char *cond = t->cond ? audit_expand(t->cond, "t") : xstrdup("1");
	char *sel = xasprintf("SELECT %s, %s FROM %s t WHERE %s ORDER BY 1", key, dig, t->name, cond);
	char *ins = NULL;
	insert_sql(&ins, version, t->name, "insert", "?1", "?2", NULL, NULL);
	sqlite3_stmt *rows = stmt_query(s, e, sel, NULL), *add = store_prepare(s, ins, e);
	/* audit_last kept by a statement of its own (one is prepared at once). */
	sqlite3_stmt *last = version >= AUDIT_LAST_SINCE ? store_prepare(s, audit_last_sql, e) : NULL;
	int rc = rows && add && (last || version < AUDIT_LAST_SINCE) ? 0 : -1, more = 0;
	while (rc == 0 && (more = stmt_next(s, &rows, e, _("recording the audit chain"))) > 0) {
		sqlite3_bind_value(add, 1, sqlite3_column_value(rows, 0));
		sqlite3_bind_value(add, 2, sqlite3_column_value(rows, 1));
		rc = stmt_step_reset(s, add, e, _("recording the audit chain"));
		if (rc == 0 && last)
			rc = stmt_step_reset(s, last, e, _("recording the audit chain"));
	}
	if (rc == 0 && more < 0)
		rc = -1;
	stmt_done(&rows);
	stmt_done(&add);
	stmt_done(&last);
	free(key);
	free(dig);
	free(cond);
	free(sel);
	free(ins);
	return rc;
}

int audit_seal_row(struct store *s, int version, const char *table, long long rowid,
		   struct perr *e)
{
	const struct audit_table *t = NULL;
	for (size_t i = 0; i < audit_n_tables; i++)
		if (strcmp(audit_tables[i].name, table) == 0)
			t = &audit_tables[i];
	if (!t)
		return perr_set(e, P_DB, _("%s is not an audited table (sealing a row)"), table);
	char *key = audit_expand(t->key, "t"), *dig = audit_digest_sql(t, "t");
	char *sql = NULL;
	/* The row joins the counter of append_sql's FROM. */
	char *from = xasprintf("%s t", t->name), *w = xasprintf(" WHERE t.rowid = %lld", rowid);
	append_sql(&sql, version, t->name, "insert", key, dig, from, w);
	int rc = store_exec(s, sql, e);
	free(key);
	free(dig);
	free(from);
	free(w);
	free(sql);
	return rc < 0 ? -1 : 0;
}

/* Create the triggers as of version: all of them, or (only) those of one
 * table, dropping each first when replace. */
static int make_triggers(struct store *s, int version, const char *only, int replace,
			 struct perr *e)
{
	char *name, *sql;
	int rc = 0, got;
	for (size_t i = 0; rc == 0 && (got = trigger_sql_at(i, version, &name, &sql)) >= 0; i++) {
		if (got)
			continue;
		if (!only || (i < 3 * audit_n_tables && strcmp(audit_tables[i / 3].name, only) == 0)) {
			char *drop = replace ? xasprintf("DROP TRIGGER %s", name) : NULL;
			rc = drop ? store_exec(s, drop, e) : 0;
			if (rc == 0)
				rc = store_exec(s, sql, e);
			free(drop);
		}
		free(name);
		free(sql);
	}
	return rc < 0 ? -1 : 0;
}

int audit_install(struct store *s, struct perr *e)
{
	if (store_exec(s, audit_table_sql, e) < 0)
		return -1;
	struct audit_table t;
	for (size_t i = 0; i < audit_n_tables; i++)
		if (table_at(i, 6, &t) == 0 && seal_existing(s, 6, &t, e) < 0)
			return -1;
	return make_triggers(s, 6, NULL, 0, e);
}

int audit_v10_apply(struct store *s, struct perr *e)
{
	static const char *const grid[] = {"grid_versions", "grid_installs"};
	for (size_t g = 0; g < 2; g++) {
		if (make_triggers(s, 10, grid[g], g == 0, e) < 0)
			goto fail;
		for (size_t i = 0; i < audit_n_tables; i++)
			if (strcmp(audit_tables[i].name, grid[g]) == 0 &&
			    seal_existing(s, 10, &audit_tables[i], e) < 0)
				goto fail;
	}
	return 0;
fail:
	perr_append(e, _(" (while upgrading the database to version %d)"), 10);
	return -1;
}

/* Migration 15: the audit table as it was, but for a check SQLite makes
 * without a temporary b-tree (its IN of three values builds one for each
 * entry), and audit_last, the last entry's number and hash. */
static const char audit_v15_sql[] =
	"DROP INDEX audit_row;"
	"ALTER TABLE audit RENAME TO audit_v14;"
	"CREATE TABLE audit ("
	"  seq INTEGER PRIMARY KEY,"
	"  tbl TEXT NOT NULL, key TEXT NOT NULL,"
	"  op TEXT NOT NULL CHECK (op = 'insert' OR op = 'update' OR op = 'delete'),"
	"  digest TEXT, prev TEXT NOT NULL, hash TEXT NOT NULL);"
	"INSERT INTO audit SELECT seq, tbl, key, op, digest, prev, hash FROM audit_v14 ORDER BY seq;"
	"DROP TABLE audit_v14;"
	"CREATE INDEX audit_row ON audit(tbl, key, seq);"
	/* One row: what a new entry follows (0 and '' before the first). */
	"CREATE TABLE audit_last ("
	"  one INTEGER PRIMARY KEY CHECK (one = 1),"
	"  seq INTEGER NOT NULL, hash TEXT NOT NULL);"
	"INSERT INTO audit_last SELECT 1, coalesce(max(seq), 0),"
	"  coalesce((SELECT hash FROM audit ORDER BY seq DESC LIMIT 1), '') FROM audit;";

int audit_v15_apply(struct store *s, struct perr *e)
{
	char *name, *sql;
	int rc = 0, got;
	/* Every trigger of version 14 goes first: they name audit, which is
	 * renamed and dropped. */
	for (size_t i = 0; rc == 0 && (got = trigger_sql_at(i, 14, &name, &sql)) >= 0; i++) {
		if (got)
			continue;
		char *drop = xasprintf("DROP TRIGGER %s", name);
		rc = store_exec(s, drop, e) < 0 ? -1 : 0;
		free(drop);
		free(name);
		free(sql);
	}
	if (rc == 0)
		rc = store_exec(s, audit_v15_sql, e) < 0 ? -1 : 0;
	if (rc == 0)
		rc = make_triggers(s, AUDIT_LAST_SINCE, NULL, 0, e);
	if (rc < 0)
		perr_append(e, _(" (while upgrading the database to version %d)"), AUDIT_LAST_SINCE);
	return rc;
}
