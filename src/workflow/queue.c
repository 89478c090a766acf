/* queue.c - the queue model: one WHERE and ORDER BY built from a spec, then
 * LIMIT/OFFSET so only the visible rows are read, even with 100 000 dossiers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/geo.h"
#include "base/i18n.h"
#include "base/text.h"
#include "procedure/access.h"
#include "procedure/actor.h"
#include "procedure/dossier.h"
#include "procedure/procedure.h"
#include "review/review.h"
#include "workflow/queue.h"

static const char *const col_names[QC_COUNT] = {
	"number", "name", "region", "state", "days", "mine", "total", "flags"
};

const char *queue_col_name(enum queue_col c)
{
	return c < QC_COUNT ? col_names[c] : "?";
}

const char *queue_col_label(enum queue_col c)
{
	switch (c) {
	case QC_NUMBER: return _("Number");
	case QC_NAME: return _("PTCE");
	case QC_REGION: return _("Region");
	case QC_STATE: return _("State");
	case QC_DAYS: return _("Days");
	case QC_MINE: return _("My review");
	case QC_TOTAL: return _("Total");
	case QC_FLAGS: return _("Flags");
	case QC_COUNT: break;
	}
	return "?";
}

int queue_col_find(const char *name)
{
	for (int i = 0; i < QC_COUNT; i++)
		if (strcasecmp(name, col_names[i]) == 0)
			return i;
	return -1;
}

const char *queue_view_label(enum queue_view v)
{
	switch (v) {
	case QV_ALL: return _("tous");
	case QV_TODO: return _("à instruire");
	case QV_MINE: return _("mes dossiers");
	case QV_REVIEW: return _("à revoir par moi");
	case QV_PHASE2: return _("phase 2");
	case QV_COUNT: break;
	}
	return "?";
}

void queue_spec_init(struct queue_spec *q, const char *login)
{
	memset(q, 0, sizeof *q);
	q->view = QV_ALL;
	q->sort = QC_NUMBER;
	snprintf(q->login, sizeof q->login, "%s", login ? login : "");
}

void queue_spec_done(struct queue_spec *q)
{
	free(q->state);
	free(q->region);
	free(q->assignee);
	free(q->search);
	free(q->only_ids);
	q->state = q->region = q->assignee = q->search = NULL;
	q->only_ids = NULL;
	q->n_only = 0;
}

/* A region given as a code or (part of) a name. */
static const char *region_resolve(const char *v)
{
	for (size_t i = 0; geo_regions[i].code; i++)
		if (strcmp(geo_regions[i].code, v) == 0)
			return geo_regions[i].code;
	for (size_t i = 0; geo_regions[i].code; i++)
		if (text_contains_fold(geo_regions[i].name, v))
			return geo_regions[i].code;
	return NULL;
}

/* A state given as its name or (part of) its label. */
static const char *state_resolve(const char *v)
{
	const struct state_def *sd = state_find(v);
	if (sd)
		return sd->name;
	for (size_t i = 0; i < procedure_n_states; i++) {
		const struct state_def *d = &procedure_states[i];
		if (text_contains_fold(state_label(d->name), v) ||
		    text_contains_fold(d->label_fr, v))
			return d->name;
	}
	return NULL;
}

static int filter_apply(struct queue_spec *q, const char *key, const char *val, struct perr *e)
{
	if (!*val)
		return perr_set(e, P_INVALID, _("'%s=' needs a value, e.g. state=phase1"),
				key ? key : "");
	if (!key || !*key) {
		const char *st = state_resolve(val), *rg = region_resolve(val);
		if (st) {
			free(q->state);
			q->state = xstrdup(st);
		} else if (rg) {
			free(q->region);
			q->region = xstrdup(rg);
		} else {
			return perr_set(e, P_INVALID, _("'%s' is neither a state nor a region; "
							"write state=..., region=... or assignee=..."), val);
		}
	} else if (strcmp(key, "state") == 0) {
		const char *st = state_resolve(val);
		if (!st)
			return perr_set(e, P_INVALID, _("unknown state '%s'; the states are "
							"submitted, phase1, bouquet, phase2, funded, rejected, withdrawn"), val);
		free(q->state);
		q->state = xstrdup(st);
	} else if (strcmp(key, "region") == 0) {
		const char *rg = region_resolve(val);
		if (!rg)
			return perr_set(e, P_INVALID, _("unknown region '%s'; give its INSEE code "
							"(e.g. 44) or its name"), val);
		free(q->region);
		q->region = xstrdup(rg);
	} else if (strcmp(key, "assignee") == 0) {
		free(q->assignee);
		q->assignee = xstrdup(val);
	} else {
		return perr_set(e, P_INVALID, _("unknown filter '%s'; use state=, region= or assignee="), key);
	}
	return 0;
}

int queue_set_filter(struct queue_spec *q, const char *text, struct perr *e)
{
	struct queue_spec n = *q;
	n.state = n.region = n.assignee = NULL;
	char *copy = xstrdup(text ? text : "");
	char *key = NULL, val[256] = "";
	int rc = 0, pending = 0;
	char *save = NULL;
	for (char *tok = strtok_r(copy, " \t", &save); tok && rc == 0;
	     tok = strtok_r(NULL, " \t", &save)) {
		char *eq = strchr(tok, '=');
		if (eq) {
			if (pending)
				rc = filter_apply(&n, key, val, e);
			*eq = '\0';
			key = tok;
			snprintf(val, sizeof val, "%s", eq + 1);
			pending = 1;
		} else if (key) {
			size_t l = strlen(val);
			snprintf(val + l, sizeof val - l, "%s%s", l ? " " : "", tok);
		} else {
			rc = filter_apply(&n, NULL, tok, e);
		}
	}
	if (rc == 0 && pending)
		rc = filter_apply(&n, key, val, e);
	free(copy);
	if (rc) {
		free(n.state);
		free(n.region);
		free(n.assignee);
		return -1;
	}
	free(q->state);
	free(q->region);
	free(q->assignee);
	q->state = n.state;
	q->region = n.region;
	q->assignee = n.assignee;
	return 0;
}

char *queue_describe(const struct queue_spec *q)
{
	char buf[512];
	size_t l = 0;
	l += (size_t)snprintf(buf + l, sizeof buf - l, "%s", queue_view_label(q->view));
	if (q->state && l < sizeof buf)
		l += (size_t)snprintf(buf + l, sizeof buf - l, ", %s", state_label(q->state));
	if (q->region && l < sizeof buf) {
		const char *rn = geo_region_name(q->region);
		l += (size_t)snprintf(buf + l, sizeof buf - l, ", %s", rn ? rn : q->region);
	}
	if (q->assignee && l < sizeof buf)
		l += (size_t)snprintf(buf + l, sizeof buf - l, ", %s %s", _("assigned to"), q->assignee);
	if (q->n_only && l < sizeof buf)
		l += (size_t)snprintf(buf + l, sizeof buf - l, ", %s", _("tagged"));
	if (l < sizeof buf)
		snprintf(buf + l, sizeof buf - l, ", %s %s%s", _("by"),
			 queue_col_label(q->sort), q->desc ? " ↓" : " ↑");
	return xstrdup(buf);
}

/* ---- SQL building ------------------------------------------------------ */

#define MAX_BINDS 12

struct qsql {
	char where[2048];
	const char *binds[MAX_BINDS];
	int nb;
	char *json;	/* tagged ids as a JSON array */
	const struct actor *viewer;	/* access_sql's login is bound as ?EXPERT_PARAM */
};

/* access_sql names its parameter: far above the others. */
#define EXPERT_PARAM 60

/* Add a condition; each bare '?' becomes a numbered parameter (the value is
 * pushed to binds right after), so the clause can be repeated in one
 * statement and still bind the same values. */
static void where_add(struct qsql *w, const char *cond)
{
	size_t l = strlen(w->where);
	l += (size_t)snprintf(w->where + l, sizeof w->where - l, "%s(", l ? " AND " : "");
	int k = 0;
	for (const char *p = cond; *p && l + 8 < sizeof w->where; p++) {
		if (*p == '?' && !(p[1] >= '0' && p[1] <= '9'))
			l += (size_t)snprintf(w->where + l, sizeof w->where - l, "?%d", w->nb + 1 + k++);
		else
			w->where[l++] = *p;
	}
	snprintf(w->where + l, sizeof w->where - l, ")");
}

/* Whether a table of the scoring work exists (migration 2). */
static int has_table(struct store *s, const char *name)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "SELECT 1 FROM sqlite_master WHERE name = ?", -1, &st, NULL))
		return 0;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	int yes = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return yes;
}

static void build_where(struct store *s, const struct queue_spec *q, struct qsql *w)
{
	memset(w, 0, sizeof *w);
	switch (q->view) {
	case QV_ALL:
	case QV_COUNT:
		break;
	case QV_TODO:
		where_add(w, "d.state IN ('submitted', 'phase1')");
		break;
	case QV_MINE:
		where_add(w, "EXISTS (SELECT 1 FROM assignments a WHERE a.dossier_id = d.id AND a.login = ?)");
		w->binds[w->nb++] = q->login;
		break;
	case QV_REVIEW:
		where_add(w, "d.state IN ('submitted', 'phase1', 'phase2')");
		where_add(w, "EXISTS (SELECT 1 FROM assignments a WHERE a.dossier_id = d.id AND a.login = ?)");
		w->binds[w->nb++] = q->login;
		if (has_table(s, "reviews")) {
			where_add(w, "NOT EXISTS (SELECT 1 FROM reviews r WHERE r.dossier_id = d.id"
				     " AND r.reviewer = ? AND r.status = 'submitted'"
				     " AND r.phase = CASE d.state WHEN 'phase2' THEN 2 ELSE 1 END)");
			w->binds[w->nb++] = q->login;
		}
		if (has_table(s, "conflicts")) {
			where_add(w, "NOT EXISTS (SELECT 1 FROM conflicts c WHERE c.dossier_id = d.id"
				     " AND c.reviewer = ?)");
			w->binds[w->nb++] = q->login;
		}
		break;
	case QV_PHASE2:
		where_add(w, "d.state = 'phase2'");
		break;
	}
	if (q->state) {
		where_add(w, "d.state = ?");
		w->binds[w->nb++] = q->state;
	}
	if (q->region) {
		where_add(w, "d.region_code = ?");
		w->binds[w->nb++] = q->region;
	}
	if (q->assignee) {
		where_add(w, "EXISTS (SELECT 1 FROM assignments a2 WHERE a2.dossier_id = d.id AND a2.login = ?)");
		w->binds[w->nb++] = q->assignee;
	}
	if (q->only_ids) {
		size_t cap = q->n_only * 21 + 3, l = 0;
		w->json = xmalloc(cap);
		w->json[l++] = '[';
		for (size_t i = 0; i < q->n_only; i++)
			l += (size_t)snprintf(w->json + l, cap - l, "%s%lld", i ? "," : "", q->only_ids[i]);
		snprintf(w->json + l, cap - l, "]");
		where_add(w, "d.id IN (SELECT value FROM json_each(?))");
		w->binds[w->nb++] = w->json;
	}
	/* An expert sees only the dossiers they were asked about (last: the
	 * numbered parameter must follow every plain one). */
	char *cond = access_sql(q->actor, "d.id", EXPERT_PARAM);
	if (cond) {
		where_add(w, cond);
		w->viewer = q->actor;
		free(cond);
	}
	if (!w->where[0])
		snprintf(w->where, sizeof w->where, "1");
}

/* The order of the spec as a key tuple, always ending with a unique key so
 * that pages never overlap and a row's place can be counted (keyset). NULLs are
 * turned into values so that row-value comparisons hold. */
struct order {
	char *keys;	/* "k1, k2, d.id" */
	int desc;	/* the whole tuple descends */
};

static void order_build(struct store *s, const struct queue_spec *q, struct order *o)
{
	int reviews = (q->sort == QC_MINE || q->sort == QC_TOTAL) && has_table(s, "reviews");
	o->desc = q->desc;
	switch (q->sort) {
	case QC_NAME:
		o->keys = xstrdup("d.ptce_name COLLATE NOCASE, d.id");
		return;
	case QC_REGION:
		o->keys = xstrdup("coalesce(d.region_code, ''), coalesce(d.departement_code, ''), d.id");
		return;
	case QC_STATE:
		o->keys = xstrdup("coalesce((SELECT position FROM states st WHERE st.name = d.state), 0), d.id");
		return;
	case QC_DAYS:
		/* More days is an older state_since. */
		o->keys = xstrdup("d.state_since, d.id");
		o->desc = !q->desc;
		return;
	case QC_MINE:
		if (reviews) {
			char *lit = sqlite3_mprintf("%Q", q->login);
			o->keys = xasprintf("coalesce((SELECT max(CASE r.status WHEN 'submitted' THEN 2 ELSE 1 END)"
					    " FROM reviews r WHERE r.dossier_id = d.id AND r.reviewer = %s), 0), d.id",
					    lit);
			sqlite3_free(lit);
			return;
		}
		break;
	case QC_TOTAL:
		if (reviews) {
			/* Sort only on totals this person may see (the rules of
			 * review_visibility): otherwise the order itself would tell
			 * a blind or conflicted reviewer how the others scored. */
			const struct actor *a = q->actor;
			int all = !a || actor_has(a, ROLE_COORDINATEUR | ROLE_LECTEUR);
			int instr = a && actor_has(a, ROLE_INSTRUCTEUR);
			char *lit = sqlite3_mprintf("%Q", a ? a->login : "");
			const char *phase = "CASE d.state WHEN 'phase2' THEN 2 WHEN 'funded' THEN 2 ELSE 1 END";
			char *may = xasprintf(
				"NOT EXISTS (SELECT 1 FROM conflicts c WHERE c.dossier_id = d.id AND c.reviewer = %s)"
				" AND (%d OR (%d AND (NOT EXISTS (SELECT 1 FROM reviews rb JOIN grid_versions g"
				"   ON g.id = rb.grid_version_id WHERE rb.dossier_id = d.id AND g.blind = 1"
				"   AND rb.phase = %s)"
				" OR EXISTS (SELECT 1 FROM reviews ro WHERE ro.dossier_id = d.id AND ro.reviewer = %s"
				"   AND ro.status = 'submitted' AND ro.phase = %s))))",
				lit, all, instr, phase, lit, phase);
			o->keys = xasprintf("coalesce(CASE WHEN %s THEN (SELECT avg(r.total) FROM reviews r"
					    " WHERE r.dossier_id = d.id AND r.status = 'submitted' AND r.phase = %s)"
					    " END, -1), d.id", may, phase);
			free(may);
			sqlite3_free(lit);
			return;
		}
		break;
	case QC_FLAGS:
		o->keys = xstrdup("(d.complements_due IS NOT NULL), d.id");
		return;
	case QC_NUMBER:
	case QC_COUNT:
		break;
	}
	/* The platform number is unique: alone, it lets SQLite count and seek
	 * through its index. */
	o->keys = xstrdup("d.ds_number");
}

/* "k1 DESC, k2 DESC" (reverse: the other way round). */
static char *order_by(const struct order *o, int reverse)
{
	const char *dir = o->desc != reverse ? " DESC" : " ASC";
	size_t cap = strlen(o->keys) * 2 + 64, l = 0;
	char *out = xmalloc(cap);
	int depth = 0;
	for (const char *p = o->keys; *p; p++) {
		if (*p == '(')
			depth++;
		else if (*p == ')')
			depth--;
		if (*p == ',' && depth == 0)
			l += (size_t)snprintf(out + l, cap - l, "%s", dir);
		out[l++] = *p;
	}
	snprintf(out + l, cap - l, "%s", dir);
	return out;
}

static char *order_sql(struct store *s, const struct queue_spec *q)
{
	struct order o;
	order_build(s, q, &o);
	char *r = order_by(&o, 0);
	free(o.keys);
	return r;
}

/* Prepare sql and bind the spec's parameters from index 1. */
static sqlite3_stmt *prepare_bound(struct store *s, const char *sql, const struct qsql *w,
				   struct perr *e)
{
	sqlite3_stmt *st = store_prepare(s, sql, e);
	if (!st)
		return NULL;
	for (int i = 0; i < w->nb; i++)
		sqlite3_bind_text(st, 1 + i, w->binds[i], -1, SQLITE_TRANSIENT);
	access_bind(st, w->viewer, EXPERT_PARAM);
	return st;
}

int queue_count(struct store *s, const struct queue_spec *q, long long *n, struct perr *e)
{
	struct qsql w;
	build_where(s, q, &w);
	char *sql = xasprintf("SELECT count(*) FROM dossiers d WHERE %s", w.where);
	sqlite3_stmt *st = prepare_bound(s, sql, &w, e);
	free(sql);
	free(w.json);
	if (!st)
		return -1;
	int rc = sqlite3_step(st);
	*n = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return store_fail(s, e, _("counting the queue"));
	return 0;
}

static int fetch(struct store *s, const struct queue_spec *q, long long offset, int limit,
		 int with_reviews, struct queue_row **rows, size_t *n, struct perr *e)
{
	*rows = NULL;
	*n = 0;
	struct qsql w;
	build_where(s, q, &w);
	char *order = order_sql(s, q);
	char *sql = xasprintf(
		"SELECT d.id, d.revision, d.ds_number, d.ptce_name, d.region_code,"
		" d.departement_code, d.state, d.state_since,"
		" CAST(julianday('now') - julianday(d.state_since) AS INTEGER),"
		" d.complements_due IS NOT NULL,"
		" EXISTS (SELECT 1 FROM history h WHERE h.dossier_id = d.id AND h.override = 1)"
		" FROM dossiers d WHERE %s ORDER BY %s LIMIT %d OFFSET %lld",
		w.where, order, limit, offset);
	free(order);
	sqlite3_stmt *st = prepare_bound(s, sql, &w, e);
	free(sql);
	free(w.json);
	if (!st)
		return -1;
	size_t cap = limit > 0 ? (size_t)limit : 1;
	struct queue_row *r = xcalloc(cap, sizeof *r);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap *= 2;
			r = xrealloc(r, cap * sizeof *r);
		}
		struct queue_row *x = &r[*n];
		memset(x, 0, sizeof *x);
		x->id = sqlite3_column_int64(st, 0);
		x->revision = sqlite3_column_int64(st, 1);
		x->ds_number = col_text(st, 2);
		x->ptce_name = col_text(st, 3);
		x->region_code = col_text(st, 4);
		x->departement_code = col_text(st, 5);
		x->state = col_text(st, 6);
		x->state_since = col_text(st, 7);
		x->days_in_state = sqlite3_column_int(st, 8);
		x->complements = sqlite3_column_int(st, 9);
		x->override = sqlite3_column_int(st, 10);
		(*n)++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		queue_rows_free(&r, *n);
		*n = 0;
		return store_fail(s, e, _("reading the queue"));
	}
	/* The review figures: a few indexed queries per visible row. */
	if (q->actor && with_reviews)
		for (size_t i = 0; i < *n; i++) {
			struct review_row rr;
			memset(&rr, 0, sizeof rr);
			if (review_row_fill(s, q->actor, r[i].id, &rr, e)) {
				queue_rows_free(&r, *n);
				*n = 0;
				return -1;
			}
			r[i].mine = (int)rr.mine;
			r[i].visible = rr.visible;
			r[i].has_total = rr.has_total;
			r[i].mean_total = rr.mean_total;
			r[i].divergent = rr.divergent;
			r[i].n_submitted = rr.n_submitted;
		}
	*rows = r;
	return 0;
}

int queue_fetch(struct store *s, const struct queue_spec *q, long long offset, int limit,
		struct queue_row **rows, size_t *n, struct perr *e)
{
	return fetch(s, q, offset, limit, 1, rows, n, e);
}

void queue_rows_free(struct queue_row **rows, size_t n)
{
	if (!rows || !*rows)
		return;
	for (size_t i = 0; i < n; i++) {
		struct queue_row *x = &(*rows)[i];
		free(x->ds_number);
		free(x->ptce_name);
		free(x->region_code);
		free(x->departement_code);
		free(x->state);
		free(x->state_since);
	}
	free(*rows);
	*rows = NULL;
}

int queue_position(struct store *s, const struct queue_spec *q, long long id,
		   long long *pos, struct perr *e)
{
	*pos = -1;
	struct qsql w;
	build_where(s, q, &w);
	struct order o;
	order_build(s, q, &o);
	/* Rows before it in the order, counted through the order's index. */
	int pid = 1 + w.nb;
	char *sql = xasprintf(
		"SELECT (SELECT count(*) FROM dossiers d WHERE %s AND (%s) %s"
		"  (SELECT %s FROM dossiers d WHERE d.id = ?%d))"
		" WHERE EXISTS (SELECT 1 FROM dossiers d WHERE %s AND d.id = ?%d)",
		w.where, o.keys, o.desc ? ">" : "<", o.keys, pid, w.where, pid);
	free(o.keys);
	sqlite3_stmt *st = prepare_bound(s, sql, &w, e);
	free(sql);
	free(w.json);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, pid, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*pos = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, e, _("finding the dossier in the queue"));
	return 0;
}

/* The id of the row at pos in the spec's order, or 0. */
static long long id_at(struct store *s, const struct queue_spec *q, long long pos, struct perr *e)
{
	if (pos < 0)
		return 0;
	struct queue_row *rows = NULL;
	size_t n = 0;
	if (fetch(s, q, pos, 1, 0, &rows, &n, e) || n == 0)
		return 0;
	long long id = rows[0].id;
	queue_rows_free(&rows, n);
	return id;
}

char *queue_fts_query(const char *text)
{
	if (!text)
		return NULL;
	size_t cap = strlen(text) * 2 + 16, l = 0;
	char *out = xmalloc(cap);
	const char *p = text;
	int words = 0;
	while (*p) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		if (words++)
			out[l++] = ' ';
		out[l++] = '"';
		while (*p && *p != ' ' && *p != '\t') {
			if (*p == '"')
				out[l++] = '"';
			out[l++] = *p++;
		}
		out[l++] = '"';
		out[l++] = '*';
	}
	out[l] = '\0';
	if (!words) {
		free(out);
		return NULL;
	}
	return out;
}

int queue_search(struct store *s, const struct queue_spec *q, const char *text,
		 long long from, int dir, long long *pos, long long *hits, struct perr *e)
{
	*pos = -1;
	if (hits)
		*hits = 0;
	char *fq = queue_fts_query(text);
	if (!fq)
		return 0;
	long long id0 = id_at(s, q, from, e);
	struct qsql w;
	build_where(s, q, &w);
	struct order o;
	order_build(s, q, &o);
	int pm = 1 + w.nb, pid = pm + 1;
	/* Forward in the queue is "greater" when ascending. */
	const char *cmp = (dir >= 0) != (o.desc != 0) ? ">" : "<";
	char *ob = order_by(&o, dir < 0);
	char *after = id0 ? xasprintf(" AND (%s) %s (SELECT %s FROM dossiers d WHERE d.id = ?%d)",
				      o.keys, cmp, o.keys, pid) : xstrdup("");
	/* The first hit past the cursor, else wrap to the first from the other end. */
	/* Counting the hits costs a pass over them: only when asked. */
	char *count = hits ? xasprintf(", (SELECT count(*) FROM dossiers d WHERE %s AND d.id IN"
				       " (SELECT rowid FROM dossier_fts WHERE dossier_fts MATCH ?%d))",
				       w.where, pm) : xstrdup("");
	char *sql = xasprintf(
		"SELECT coalesce("
		" (SELECT d.id FROM dossiers d WHERE %s AND d.id IN (SELECT rowid FROM dossier_fts"
		"   WHERE dossier_fts MATCH ?%d)%s ORDER BY %s LIMIT 1),"
		" (SELECT d.id FROM dossiers d WHERE %s AND d.id IN (SELECT rowid FROM dossier_fts"
		"   WHERE dossier_fts MATCH ?%d) ORDER BY %s LIMIT 1))%s",
		w.where, pm, after, ob, w.where, pm, ob, count);
	free(count);
	free(after);
	free(ob);
	free(o.keys);
	sqlite3_stmt *st = prepare_bound(s, sql, &w, e);
	free(sql);
	free(w.json);
	if (!st) {
		free(fq);
		return -1;
	}
	sqlite3_bind_text(st, pm, fq, -1, SQLITE_TRANSIENT);
	if (id0)
		sqlite3_bind_int64(st, pid, id0);
	free(fq);
	int rc = sqlite3_step(st);
	long long hit = 0;
	if (rc == SQLITE_ROW) {
		hit = sqlite3_column_int64(st, 0);
		if (hits)
			*hits = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return store_fail(s, e, _("searching the dossiers"));
	if (hit)
		return queue_position(s, q, hit, pos, e);
	return 0;
}

int queue_ids(struct store *s, const struct queue_spec *q, long long **ids, size_t *n,
	      struct perr *e)
{
	*ids = NULL;
	*n = 0;
	struct qsql w;
	build_where(s, q, &w);
	char *order = order_sql(s, q);
	char *sql = xasprintf("SELECT d.id FROM dossiers d WHERE %s ORDER BY %s", w.where, order);
	free(order);
	sqlite3_stmt *st = prepare_bound(s, sql, &w, e);
	free(sql);
	free(w.json);
	if (!st)
		return -1;
	size_t cap = 64;
	long long *v = xmalloc(cap * sizeof *v);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap *= 2;
			v = xrealloc(v, cap * sizeof *v);
		}
		v[(*n)++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(v);
		*n = 0;
		return store_fail(s, e, _("reading the queue"));
	}
	*ids = v;
	return 0;
}

int queue_assignees(struct store *s, long long id, char **out, struct perr *e)
{
	*out = NULL;
	sqlite3_stmt *st = store_prepare(s,
		"SELECT group_concat(login, ', ') FROM"
		" (SELECT login FROM assignments WHERE dossier_id = ? ORDER BY login)", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = col_text(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return store_fail(s, e, _("reading the assignments"));
	return 0;
}

/* Generated dossiers: names and texts from word lists so that searches find
 * some rows and not others, régions and départements taken from the
 * geography tables. */
int queue_bench_fill(struct store *s, long long n, struct perr *e)
{
	static const char sql[] =
		"WITH RECURSIVE"
		" seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ?1),"
		" dep AS (SELECT code, region_code, row_number() OVER (ORDER BY code) - 1 AS k"
		"         FROM departements),"
		" nd AS (SELECT count(*) AS c FROM departements),"
		" w1(k, w) AS (VALUES (0,'Coopérative'),(1,'Pôle'),(2,'Filière'),(3,'Tiers-lieu'),"
		"   (4,'Fabrique'),(5,'Cluster'),(6,'Atelier'),(7,'Maison'),(8,'Réseau'),(9,'Plateforme'),"
		"   (10,'Collectif'),(11,'Ressourcerie'),(12,'Territoire')),"
		" w2(k, w) AS (VALUES (0,'vélo'),(1,'textile'),(2,'alimentation'),(3,'réemploi'),"
		"   (4,'énergie'),(5,'bois'),(6,'numérique'),(7,'mobilité'),(8,'habitat'),(9,'culture'),"
		"   (10,'santé'),(11,'meunerie'))"
		" INSERT INTO dossiers(ds_number, state, state_since, deposited_at, lead_name,"
		"   region_code, departement_code, ptce_name, description, created_at, updated_at)"
		" SELECT printf('B%07d', i), 'submitted',"
		"   strftime('%Y-%m-%dT%H:%M:%SZ', '2025-01-01', '+' || (i % 300) || ' days'),"
		"   strftime('%Y-%m-%d', '2025-01-01', '+' || (i % 300) || ' days'),"
		"   'Association ' || (SELECT w FROM w2 WHERE k = i % 12) || ' ' || i,"
		"   dep.region_code, dep.code,"
		"   (SELECT w FROM w1 WHERE k = i % 13) || ' ' || (SELECT w FROM w2 WHERE k = (i / 13) % 12)"
		"     || ' ' || i,"
		"   'Projet de coopération économique autour du ' || (SELECT w FROM w2 WHERE k = (i / 7) % 12)"
		"     || ' et de l''économie sociale et solidaire.',"
		"   '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z'"
		" FROM seq JOIN dep ON dep.k = seq.i % (SELECT c FROM nd)";
	if (store_begin(s, e))
		return -1;
	sqlite3_stmt *st = store_prepare(s, sql, e);
	if (!st) {
		store_rollback(s);
		return -1;
	}
	sqlite3_bind_int64(st, 1, n);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		store_fail(s, e, _("generating dossiers"));
		store_rollback(s);
		return -1;
	}
	return store_commit(s, e);
}
