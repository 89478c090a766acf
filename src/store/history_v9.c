/* history_v9.c - migration 9: the English sentences ptce wrote in
 * history.detail up to version 8, read back into parameters. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/kv.h"
#include "store/audit.h"
#include "store/history_v9.h"
#include "store/stmt.h"

#define FROM_PLATFORM "imported from the platform"
#define RECORDED FROM_PLATFORM ": recorded as the platform says, no guard checked"

static const char *after(const char *s, const char *prefix)
{
	size_t n = strlen(prefix);
	return strncmp(s, prefix, n) == 0 ? s + n : NULL;
}

/* A field name (lowercase, digits, '_') followed by ": ", at p. */
static size_t field_at(const char *p)
{
	size_t n = strspn(p, "abcdefghijklmnopqrstuvwxyz0123456789_");
	return n && p[n] == ':' && p[n + 1] == ' ' ? n : 0;
}

/* A value of an update at *p: (empty), "quoted" (ended by end, the quote
 * before the arrow, or before "; field: "), or digits. */
static char *update_value(const char **p, int last)
{
	const char *s = *p, *r;
	if ((r = after(s, "(empty)"))) {
		*p = r;
		return xstrdup("");
	}
	if (*s == '"') {
		for (const char *q = s + 1; (q = strchr(q, '"')); q++) {
			int end = last ? q[1] == '\0' || (q[1] == ';' && q[2] == ' ' && field_at(q + 3))
				       : after(q + 1, " → ") != NULL;
			if (end) {
				*p = q + 1;
				return xasprintf("%.*s", (int)(q - s - 1), s + 1);
			}
		}
		return NULL;
	}
	size_t n = strspn(s, "0123456789");
	if (!n)
		return NULL;
	*p = s + n;
	return xasprintf("%.*s", (int)n, s);
}

/* "name: "old" → "new"; members: 2 → 3" (an import) or "a, b" (a save). */
static char *update_params(const char *d)
{
	char *out = NULL;
	const char *p = d;
	if (field_at(p)) {
		while (*p) {
			size_t n = field_at(p);
			if (!n)
				goto bad;
			char *name = xasprintf("%.*s", (int)n, p), *old = NULL, *new = NULL;
			p += n + 2;
			if ((old = update_value(&p, 0)) && (p = after(p, " → ")) && (new = update_value(&p, 1))) {
				kv_add(&out, "field", name);
				kv_add(&out, "old", old);
				kv_add(&out, "new", new);
			}
			int ok = old && p && new;
			free(name);
			free(old);
			free(new);
			if (!ok)
				goto bad;
			if (*p && !(p = after(p, "; ")))
				goto bad;
		}
		return out;
	}
	for (; *p; p += *p ? 2 : 0) {
		size_t n = strspn(p, "abcdefghijklmnopqrstuvwxyz0123456789_");
		if (!n || (p[n] && !after(p + n, ", ")))
			goto bad;
		char *name = xasprintf("%.*s", (int)n, p);
		kv_add(&out, "field", name);
		free(name);
		p += n;
	}
	return out;
bad:
	free(out);
	return NULL;
}

/* "X (version Y)" or "X": the grid and its version. */
static char *review_params(const char *d)
{
	char *out = NULL;
	const char *r;
	if ((r = after(d, "review reopened on grid "))) {
		kv_add(&out, "action", "reopened");
		kv_add(&out, "grid", r);
		return out;
	}
	if (!(r = after(d, "review submitted on grid ")))
		return NULL;
	const char *v = strstr(r, " (version "), *end = v ? strchr(v, ')') : NULL;
	if (!v || !end)
		return NULL;
	char *grid = xasprintf("%.*s", (int)(v - r), r);
	char *ver = xasprintf("%.*s", (int)(end - v - 10), v + 10);
	kv_add(&out, "action", "submitted");
	kv_add(&out, "grid", grid);
	kv_add(&out, "version", ver);
	free(grid);
	free(ver);
	const char *ch = after(end + 1, "; changed since reopened: ");
	if (ch)
		kv_add(&out, "changes", ch);
	else if (end[1]) {
		free(out);
		return NULL;
	}
	return out;
}

static char *opinion_params(const char *d)
{
	char *out = NULL;
	size_t dn = strlen(d), m = strlen(" (" FROM_PLATFORM ")");
	if (dn > m && strcmp(d + dn - m, " (" FROM_PLATFORM ")") == 0) {
		char *ex = xasprintf("%.*s", (int)(dn - m), d);
		kv_add(&out, "action", "imported");
		kv_add(&out, "expert", ex);
		kv_add(&out, "source", "platform");
		free(ex);
		return out;
	}
	const char *r = after(d, "opinion ");
	size_t n = r ? strspn(r, "0123456789") : 0;
	if (!n)
		return NULL;
	char *id = xasprintf("%.*s", (int)n, r);
	const char *x;
	if ((x = after(r + n, " asked of "))) {
		kv_add(&out, "action", "asked");
		kv_add(&out, "id", id);
		kv_add(&out, "expert", x);
	} else if ((x = after(r + n, " answered: "))) {
		kv_add(&out, "action", "answered");
		kv_add(&out, "id", id);
		kv_add(&out, "verdict", x);
	}
	free(id);
	return out;
}

/* "file.pdf, 1.4 kB, pdf": the file name may hold ", ", the last two not;
 * or "3 from pieces.zip" (an archive of pièces). */
static char *document_params(const char *d)
{
	size_t digits = strspn(d, "0123456789");
	if (digits && after(d + digits, " from ")) {
		char *out = NULL, *n = xasprintf("%.*s", (int)digits, d);
		kv_add(&out, "count", n);
		kv_add(&out, "archive", d + digits + 6);
		free(n);
		return out;
	}
	const char *b = strrchr(d, ','), *a = NULL;
	for (const char *q = d; b && (q = strstr(q, ", ")) && q < b; q++)
		a = q;
	if (!a || b[1] != ' ')
		return NULL;
	char *out = NULL, *file = xasprintf("%.*s", (int)(a - d), d);
	char *size = xasprintf("%.*s", (int)(b - a - 2), a + 2);
	kv_add(&out, "file", file);
	kv_add(&out, "size", size);
	kv_add(&out, "type", b + 2);
	free(file);
	free(size);
	return out;
}

static char *single(const char *key, const char *value)
{
	char *out = NULL;
	kv_add(&out, key, value);
	return out;
}

static char *known_params(const char *kind, const char *d)
{
	const char *r;
	char *out = NULL;
	if (strcmp(kind, "create") == 0)
		return single("source", strcmp(d, FROM_PLATFORM) == 0 ? "platform"
				       : strcmp(d, "imported") == 0 ? "imported" : NULL);
	if (strcmp(kind, "move") == 0) {
		if (strcmp(d, RECORDED) == 0)
			return single("source", "platform");
		const char *as = (r = after(d, "recorded by ")) ? strstr(r, " acting as ") : NULL;
		if (!as)
			return NULL;
		char *by = xasprintf("%.*s", (int)(as - r), r);
		kv_add(&out, "by", by);
		kv_add(&out, "for", as + 11);
		free(by);
		return out;
	}
	if (strcmp(kind, "assign") == 0 || strcmp(kind, "unassign") == 0) {
		size_t n = strlen(d), m = strlen(" (" FROM_PLATFORM ")");
		if (n > m && strcmp(d + n - m, " (" FROM_PLATFORM ")") == 0) {
			char *login = xasprintf("%.*s", (int)(n - m), d);
			kv_add(&out, "login", login);
			kv_add(&out, "source", "platform");
			free(login);
			return out;
		}
		return strchr(d, ' ') ? NULL : single("login", d);
	}
	if (strcmp(kind, "review") == 0)
		return review_params(d);
	if (strcmp(kind, "opinion") == 0)
		return opinion_params(d);
	if (strcmp(kind, "conflict") == 0 && (r = after(d, "conflict of interest: ")))
		return single("person", r);
	if (strcmp(kind, "conflict-withdrawn") == 0 && (r = after(d, "conflict of interest withdrawn: ")))
		return single("person", r);
	if (strcmp(kind, "complements") == 0)
		return (r = after(d, "due ")) ? single("due", r)
			: strcmp(d, "cleared") == 0 ? single("action", "cleared") : NULL;
	if (strcmp(kind, "document") == 0)
		return document_params(d);
	if (strcmp(kind, "update") == 0)
		return update_params(d);
	return NULL;
}

char *history_v9_params(const char *kind, const char *detail)
{
	char *p = known_params(kind, detail);
	return p ? p : single("text", detail);
}

/* The append-only trigger of migration 1, as it was written. */
static const char append_only_u[] =
	"CREATE TRIGGER history_is_append_only_u BEFORE UPDATE ON history BEGIN"
	"  SELECT RAISE(ABORT, 'history is append-only: record a correction as a new entry'); END;";

static int convert_rows(struct store *s, struct perr *e)
{
	sqlite3_stmt *st = stmt_query(s, e, "SELECT id, kind, detail FROM history"
				      " WHERE detail <> '' ORDER BY id", NULL);
	int rc;
	while ((rc = stmt_next(s, &st, e, _("reading history"))) > 0) {
		long long id;
		char *kind, *detail;
		stmt_columns(st, "Itt", &id, &kind, &detail);
		char *p = history_v9_params(kind, detail);
		int err = stmt_run(s, e, _("converting history"), "UPDATE history SET detail = ? WHERE id = ?",
				   "tI", p, id) < 0 || audit_seal_row(s, 9, "history", id, e) < 0;
		free(kind);
		free(detail);
		free(p);
		if (err) {
			stmt_done(&st);
			return -1;
		}
	}
	return rc < 0 ? -1 : 0;
}

int history_v9_apply(struct store *s, struct perr *e)
{
	char *name = NULL, *sql = NULL, *audit_u = NULL;
	for (size_t i = 0; !audit_u && audit_trigger_sql(i, &name, &sql) == 0; i++) {
		if (strcmp(name, "audit_history_u") == 0) {
			audit_u = sql;
			sql = NULL;
		}
		free(name);
		free(sql);
		name = sql = NULL;
	}
	int rc = audit_u && store_exec(s, "DROP TRIGGER history_is_append_only_u;"
				      " DROP TRIGGER audit_history_u;", e) == 0
		 && convert_rows(s, e) == 0 && store_exec(s, append_only_u, e) == 0
		 && store_exec(s, audit_u, e) == 0 ? 0 : -1;
	free(audit_u);
	if (rc < 0)
		perr_append(e, _(" (while upgrading the database to version %d)"), 9);
	return rc;
}
