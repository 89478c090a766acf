/* queue_sql.c - the WHERE and ORDER BY of a queue spec, and the keyset
 * queries on them: a row's place in the order, the row at a place. The
 * phases of states come from the procedure's table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/geo.h"
#include "base/i18n.h"
#include "procedure/access.h"
#include "procedure/actor.h"
#include "procedure/procedure.h"
#include "review/visibility.h"
#include "store/schema.h"
#include "store/sort_v11.h"
#include "store/stmt.h"
#include "workflow/queue_sql.h"

/* access_sql names its parameter: far above the others. */
#define EXPERT_PARAM 60

/* Add a condition; its bare '?' becomes the numbered parameter of bind (if
 * any), so that the clause can be repeated in one statement and still bind
 * the same value. */
static void where_add(struct queue_sql *w, const char *cond, const char *bind)
{
	xappendf(&w->where, "%s(", w->where ? " AND " : "");
	for (const char *p = cond; *p;) {
		size_t n = strcspn(p, "?");
		xappendf(&w->where, "%.*s", (int)n, p);
		p += n;
		if (!*p)
			break;
		if (p[1] >= '0' && p[1] <= '9')
			xappendf(&w->where, "?");
		else
			xappendf(&w->where, "?%d", w->nb + 1);
		p++;
	}
	xappendf(&w->where, ")");
	if (bind)
		w->binds[w->nb++] = bind;
}

/* Add a condition built from the procedure's table; frees cond. */
static void where_add_free(struct queue_sql *w, char *cond, const char *bind)
{
	where_add(w, cond, bind);
	free(cond);
}

/* Whether a table of the scoring work exists (migration 2). */
static int has_table(struct store *s, const char *name)
{
	struct perr ignored;
	int yes = 0;
	stmt_exists(s, &yes, &ignored, "", "SELECT 1 FROM sqlite_master WHERE name = ?", "t", name);
	return yes;
}

/* À revoir par moi: assigned to me, in a state where reviews are written,
 * my review of its phase not submitted, no conflict declared. */
static void where_to_review(struct store *s, const struct queue_spec *q, struct queue_sql *w)
{
	where_add_free(w, procedure_phase_in_sql("d.state", 0, 0), NULL);
	where_add(w, "EXISTS (SELECT 1 FROM assignments a WHERE a.dossier_id = d.id AND a.login = ?)", q->login);
	if (has_table(s, "reviews")) {
		char *phase = procedure_phase_sql("d", 0);
		where_add_free(w, xasprintf("NOT EXISTS (SELECT 1 FROM reviews r WHERE r.dossier_id = d.id"
					    " AND r.reviewer = ? AND r.status = 'submitted'"
					    " AND r.phase = %s)", phase), q->login);
		free(phase);
	}
	if (has_table(s, "conflicts"))
		where_add(w, "NOT EXISTS (SELECT 1 FROM conflicts c WHERE c.dossier_id = d.id"
			  " AND c.reviewer = ?)", q->login);
}

static void where_view(struct store *s, const struct queue_spec *q, struct queue_sql *w)
{
	switch (q->view) {
	case QV_ALL:
	case QV_COUNT:
		break;
	case QV_TODO:
		where_add_free(w, procedure_phase_in_sql("d.state", 1, 0), NULL);
		break;
	case QV_MINE:
		where_add(w, "EXISTS (SELECT 1 FROM assignments a WHERE a.dossier_id = d.id AND a.login = ?)",
			  q->login);
		break;
	case QV_REVIEW:
		where_to_review(s, q, w);
		break;
	case QV_PHASE2:
		where_add_free(w, procedure_phase_in_sql("d.state", 2, 0), NULL);
		break;
	case QV_OVERDUE:
		where_add(w, QUEUE_LATE_SQL, NULL);
		break;
	}
}

/* The tagged dossiers, as a JSON array bound to json_each. */
static void where_tagged(const struct queue_spec *q, struct queue_sql *w)
{
	size_t cap = q->n_only * 21 + 3, l = 0;
	w->json = xmalloc(cap);
	w->json[l++] = '[';
	for (size_t i = 0; i < q->n_only; i++)
		l += (size_t)snprintf(w->json + l, cap - l, "%s%lld", i ? "," : "", q->only_ids[i]);
	snprintf(w->json + l, cap - l, "]");
	where_add(w, "d.id IN (SELECT value FROM json_each(?))", w->json);
}

/* The comma-separated values of list as SQL literals, each between pre
 * and post ("'84', '11'" or "('84'), ('11')"); NULL when none. */
static char *literals(const char *list, const char *pre, const char *post)
{
	char *lits = NULL, *copy = xstrdup(list), *save = NULL;
	for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		char *lit = sqlite3_mprintf("%Q", t);
		xappendf(&lits, "%s%s%s%s", lits ? ", " : "", pre, lit, post);
		sqlite3_free(lit);
	}
	free(copy);
	return lits;
}

/* "head IN (the values of list)tail": a filter's values (either of them)
 * as quoted SQL literals. key >= 0: head is that key of the
 * région order, whose values are kept for its ties (w->keyed), and a NULL
 * that matches nothing keeps one value an IN, which SQLite 3.40 reads
 * through the index in its order (an equality on an indexed expression
 * makes it sort the rows). */
static void where_in(struct queue_sql *w, const char *head, const char *list, const char *tail,
		     int key)
{
	char *lits = literals(list, "", "");
	char *c = xasprintf("%s IN (%s%s)%s", head, lits ? lits : "NULL", key >= 0 ? ", NULL" : "", tail);
	free(lits);
	where_add_free(w, c, NULL);
	if (key >= 0 && !w->keyed[key])
		w->keyed[key] = literals(list, "(", ")");
}

/* Ordered by région and filtered on régions or départements, the
 * conditions are written on the order's keys, coalesce(d.region_code, '')
 * and coalesce(d.departement_code, ''), which are the same for any code
 * (only a dossier without one differs, and no filter names ''), so that
 * the order's index seeks them instead of being read from its start up to
 * them (with a bound LIMIT SQLite reads the order's index rather than
 * sort, and a condition on the bare column cannot seek it). Filtered on
 * départements alone: their régions too. */
static void where_region_seek(const struct queue_spec *q, struct queue_sql *w)
{
	char *list = NULL, *copy = xstrdup(q->departement), *save = NULL;
	for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		const char *r = geo_dept_region(t);
		xappendf(&list, "%s%s", list ? "," : "", r ? r : "");
	}
	free(copy);
	where_in(w, "coalesce(d.region_code, '')", list, "", 0);
	free(list);
}

static void where_build(struct store *s, const struct queue_spec *q, struct queue_sql *w)
{
	where_view(s, q, w);
	if (q->state)
		where_in(w, "d.state", q->state, "", -1);
	/* Ordered by région: on the order's own keys (where_region_seek). */
	int by_region = q->sort == QC_REGION;
	if (q->region)
		where_in(w, by_region ? "coalesce(d.region_code, '')" : "d.region_code", q->region, "",
			 by_region ? 0 : -1);
	if (q->departement)
		where_in(w, by_region ? "coalesce(d.departement_code, '')" : "d.departement_code",
			 q->departement, "", by_region ? 1 : -1);
	if (by_region && q->departement && !q->region)
		where_region_seek(q, w);
	if (q->assignee)
		where_in(w, "EXISTS (SELECT 1 FROM assignments a2 WHERE a2.dossier_id = d.id"
			 " AND a2.login", q->assignee, ")", -1);
	if (q->only_ids)
		where_tagged(q, w);
	/* An expert sees only the dossiers they were asked about (last: the
	 * numbered parameter must follow every plain one). */
	char *cond = access_sql(q->actor, "d.id", EXPERT_PARAM);
	if (cond) {
		where_add_free(w, cond, NULL);
		w->viewer = q->actor;
	}
	if (!w->where)
		w->where = xstrdup("1");
}

/* The mean total of the reviews of the figures phase, but only where this
 * person may see it (the rules of review_visibility): otherwise the order
 * itself would tell a blind or conflicted reviewer how the others scored.
 * Each dossier's own key, when the stored keys cannot be trusted. */
static char *total_keys(const struct queue_spec *q)
{
	char *phase = procedure_phase_sql("d", 1);
	char *may = visibility_figures_sql(q->actor, "d.id", phase);
	char *keys = xasprintf("coalesce(CASE WHEN %s THEN (SELECT avg(r.total) FROM reviews r"
			       " WHERE r.dossier_id = d.id AND r.status = 'submitted' AND r.phase = %s)"
			       " END, -1), d.id", may, phase);
	free(may);
	free(phase);
	return keys;
}

/* Whether STORE_FIGURES_PHASE, from which migration 11 stores the keys of
 * the total, is the procedure's figures phase. */
static int figures_phase_agrees(void)
{
	static int agrees = -1;
	if (agrees < 0) {
		char *mine = procedure_phase_sql("d", 1);
		agrees = strcmp(mine, STORE_FIGURES_PHASE("d")) == 0;
		free(mine);
	}
	return agrees;
}

/* The same orders from migration 11's stored keys: a dossier's key is the
 * reader's row of sort_readers if any, else the base (0 for "my review";
 * the total as this reader may see it where they have no review and no
 * conflict: every total for a coordinateur or a lecteur, the ones not on a
 * blind grid for an instructeur). Pages read the two arms by index. */
static void stored_keys(const struct queue_spec *q, struct queue_sql *w)
{
	enum figures_reader r = visibility_figures_reader(q->actor);
	if (q->sort == QC_TOTAL && r == FR_NONE) {
		w->keys = xstrdup("d.id");	/* every key -1: by id alone */
		return;
	}
	struct queue_arms *a = xcalloc(1, sizeof *a);
	const char *login = q->sort == QC_MINE ? q->login : q->actor ? q->actor->login : "";
	char *lit = sqlite3_mprintf("%Q", login);
	a->login = xstrdup(lit);
	sqlite3_free(lit);
	if (q->sort == QC_MINE) {
		a->base_key = "t.no_review";
		a->reader_key = "x.mine";
	} else {
		a->base_key = r == FR_ALL ? "t.total_key" : "t.open_key";
		a->reader_key = r == FR_ALL ? "x.all_key" : "x.instr_key";
	}
	w->keys = xasprintf("coalesce((SELECT %s FROM sort_readers x WHERE x.login = %s AND"
			    " x.dossier_id = d.id), (SELECT %s FROM sort_totals t WHERE t.dossier_id"
			    " = d.id), -1), d.id", a->reader_key, a->login, a->base_key);
	w->arms = a;
}

/* Whether STORE_STATE_POS, the expression migration 7 indexes, gives each
 * state of the procedure its place (the states table's position): then
 * the state order is read from that index, else from the states table. */
static int state_pos_agrees(void)
{
	static int agrees = -1;
	if (agrees < 0) {
		char *mine = xstrdup("CASE d.state");
		for (size_t i = 0; i < procedure_n_states; i++)
			xappendf(&mine, " WHEN '%s' THEN %zu", procedure_states[i].name, i);
		xappendf(&mine, " ELSE 0 END");
		agrees = strcmp(mine, STORE_STATE_POS("d.state")) == 0;
		free(mine);
	}
	return agrees;
}

/* The order of the spec as a key tuple, always ending with a unique key so
 * that pages never overlap and a row's place can be counted (keyset). NULLs
 * are turned into values so that row-value comparisons hold. */
static void order_build(const struct queue_spec *q, struct queue_sql *w)
{
	static const char *const plain[QC_COUNT] = {
		[QC_NAME] = "d.ptce_name COLLATE NOCASE, d.id",
		[QC_REGION] = "coalesce(d.region_code, ''), coalesce(d.departement_code, ''), d.id",
		[QC_STATE] = "coalesce((SELECT position FROM states st WHERE st.name = d.state), 0), d.id",
		/* (QC_STATE: STORE_STATE_POS instead when it agrees, see state_keys.) */
		/* More days is an older state_since: the other way round. */
		[QC_DAYS] = "d.state_since, d.id",
		[QC_FLAGS] = "(d.complements_due IS NOT NULL), d.id",
	};
	w->desc = q->sort == QC_DAYS ? !q->desc : q->desc;
	if (q->sort == QC_STATE && state_pos_agrees())
		w->keys = xstrdup(STORE_STATE_POS("d.state") ", d.id");
	else if (q->sort < QC_COUNT && plain[q->sort])
		w->keys = xstrdup(plain[q->sort]);
	else if (q->sort == QC_MINE || (q->sort == QC_TOTAL && figures_phase_agrees()))
		stored_keys(q, w);
	else if (q->sort == QC_TOTAL)
		w->keys = total_keys(q);
	else
		/* The platform number is unique: alone, it lets SQLite count
		 * and seek through its index. */
		w->keys = xstrdup("d.ds_number");
}

void queue_sql_build(struct store *s, const struct queue_spec *q, struct queue_sql *w)
{
	memset(w, 0, sizeof *w);
	where_build(s, q, w);
	order_build(q, w);
}

void queue_sql_done(struct queue_sql *w)
{
	free(w->where);
	free(w->json);
	free(w->keys);
	free(w->keyed[0]);
	free(w->keyed[1]);
	if (w->arms)
		free(w->arms->login);
	free(w->arms);
	memset(w, 0, sizeof *w);
}

char *queue_sql_order_by(const struct queue_sql *w, int reverse)
{
	const char *dir = w->desc != reverse ? " DESC" : " ASC";
	size_t cap = strlen(w->keys) * 2 + 64, l = 0;
	char *out = xmalloc(cap);
	int depth = 0;
	for (const char *p = w->keys; *p; p++) {
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

char *queue_sql_first_key(const struct queue_sql *w)
{
	int depth = 0;
	const char *p = w->keys;
	for (; *p; p++) {
		if (*p == '(')
			depth++;
		else if (*p == ')')
			depth--;
		else if (*p == ',' && depth == 0)
			break;
	}
	return xasprintf("%.*s", (int)(p - w->keys), w->keys);
}

char *queue_sql_after(const struct queue_sql *w, const char *cmp, int param)
{
	char *k1 = queue_sql_first_key(w);
	/* The first key alone, compared loosely, lets an index seek to the
	 * anchor; the whole tuple then compares exactly. */
	const char *loose = cmp[0] == '<' ? "<=" : ">=";
	char *sql = xasprintf(" AND %s %s (SELECT %s FROM dossiers d WHERE d.id = ?%d)"
			      " AND (%s) %s (SELECT %s FROM dossiers d WHERE d.id = ?%d)",
			      k1, loose, k1, param, w->keys, cmp, w->keys, param);
	free(k1);
	return sql;
}

/* " AND (key, id) CMP the anchor's" for one arm of w (key, id: the arm's
 * columns), the anchor being dossier ?param. */
static char *arm_after(const struct queue_sql *w, const char *key, const char *id,
		       const char *cmp, int param)
{
	char *k1 = queue_sql_first_key(w);
	char *ak = xasprintf("(SELECT %s FROM dossiers d WHERE d.id = ?%d)", k1, param);
	/* The row value alone: the arms' indexes end with dossier_id as a
	 * column, so SQLite seeks to it (a looser first-key term, as
	 * queue_sql_after adds, would be chosen instead). */
	char *sql = xasprintf(" AND (%s, %s) %s (%s, ?%d)", key, id, cmp, ak, param);
	free(ak);
	free(k1);
	return sql;
}

/* The two arms of an order with arms, each "SELECT cols, key AS qk, id AS
 * qid", past the anchor when param is not 0. */
static char *arms_select(const struct queue_sql *w, const char *cols, const char *cmp, int param)
{
	const struct queue_arms *a = w->arms;
	char *after_b = param ? arm_after(w, a->base_key, "t.dossier_id", cmp, param) : xstrdup("");
	char *after_r = param ? arm_after(w, a->reader_key, "x.dossier_id", cmp, param) : xstrdup("");
	/* CROSS JOIN: the stored keys' index first, then each dossier. */
	char *sql = xasprintf(
		"SELECT %s, %s AS qk, t.dossier_id AS qid FROM sort_totals t CROSS JOIN dossiers d"
		" ON d.id = t.dossier_id WHERE %s AND NOT EXISTS (SELECT 1 FROM sort_readers x"
		" WHERE x.login = %s AND x.dossier_id = t.dossier_id)%s"
		" UNION ALL SELECT %s, %s AS qk, x.dossier_id AS qid FROM sort_readers x CROSS JOIN"
		" dossiers d ON d.id = x.dossier_id WHERE x.login = %s AND %s%s",
		cols, a->base_key, w->where, a->login, after_b,
		cols, a->reader_key, a->login, w->where, after_r);
	free(after_b);
	free(after_r);
	return sql;
}

/* The keys of w at their top-level commas, at most max; the count. */
static size_t keys_split(const char *keys, char **out, size_t max)
{
	size_t n = 0;
	int depth = 0;
	const char *start = keys;
	for (const char *p = keys;; p++) {
		if (*p == '(')
			depth++;
		else if (*p == ')')
			depth--;
		if ((*p == ',' && depth == 0) || !*p) {
			while (*start == ' ')
				start++;
			if (n < max)
				out[n++] = xasprintf("%.*s", (int)(p - start), start);
			start = p + 1;
		}
		if (!*p)
			return n;
	}
}

/* The rows past the anchor ?param in a plain order of several keys,
 * unordered (to count them), as arms: the rows with the anchor's first i
 * keys and a greater (or smaller) next one, for each i. Each arm seeks its
 * index to the anchor's ties and past them; one row value would seek the
 * first key only, then step through every tie (SQLite does not seek on the
 * rowid within them). NULL when one arm would do. */
static char *ties_select(const struct queue_sql *w, const char *cols, const char *cmp, int param)
{
	char *k[QUEUE_SQL_KEYS];
	size_t n = keys_split(w->keys, k, QUEUE_SQL_KEYS);
	char *sql = NULL;
	if (n >= 2) {
		const char *strict = cmp[0] == '>' ? ">" : "<";
		for (size_t j = n; j-- > 0;) {
			const char *op = j == n - 1 ? cmp : strict;
			xappendf(&sql, "%sSELECT %s FROM ", sql ? " UNION ALL " : "", cols);
			/* Past the anchor on a key the filter holds to a few
			 * values: first whether any of them is past it, a row
			 * or none that the dossiers are joined to (else the
			 * filter's IN is sought, and every row of the anchor's
			 * value read and refused). */
			if (j < 2 && w->keyed[j])
				xappendf(&sql, "(SELECT 1 WHERE EXISTS (SELECT 1 FROM (VALUES %s) WHERE column1 %s"
					 " (SELECT %s FROM dossiers d WHERE d.id = ?%d))) AS past CROSS JOIN ",
					 w->keyed[j], op, k[j], param);
			xappendf(&sql, "dossiers d WHERE %s", w->where);
			for (size_t i = 0; i <= j; i++)
				xappendf(&sql, " AND %s %s (SELECT %s FROM dossiers d WHERE d.id = ?%d)", k[i],
					 i < j ? "=" : op, k[i], param);
		}
	}
	for (size_t i = 0; i < n; i++)
		free(k[i]);
	return sql;
}

/* Prepare sql (w's bindings, the dossier id as ?pid), free sql and w, and
 * step once: stmt_next's answer, *st holding the row when it is 1. */
static int position_step(struct store *s, char *sql, struct queue_sql *w, int pid, long long id,
			 sqlite3_stmt **st, struct perr *e)
{
	*st = queue_sql_prepare(s, sql, w, e);
	free(sql);
	queue_sql_done(w);
	if (!*st)
		return -1;
	sqlite3_bind_int64(*st, pid, id);
	return stmt_next(s, st, e, _("finding the dossier in the queue"));
}

/* How many rows come before dossier ?param in an order with arms when
 * nothing filters, as an SQL expression counted in the indexes alone:
 * every sort_totals row before it (the triggers keep one per dossier),
 * less those of the reader's rows, plus the reader's rows before it. A
 * count of the base arm would look up each of its rows in sort_readers. */
static char *arms_count_before(const struct queue_sql *w, const char *cmp, int param)
{
	const struct queue_arms *a = w->arms;
	char *after_b = arm_after(w, a->base_key, "t.dossier_id", cmp, param);
	char *after_r = arm_after(w, a->reader_key, "x.dossier_id", cmp, param);
	char *sql = xasprintf(
		"((SELECT count(*) FROM sort_totals t WHERE 1%s)"
		" - (SELECT count(*) FROM sort_readers x CROSS JOIN sort_totals t"
		"    ON t.dossier_id = x.dossier_id WHERE x.login = %s%s)"
		" + (SELECT count(*) FROM sort_readers x WHERE x.login = %s%s))",
		after_b, a->login, after_b, a->login, after_r);
	free(after_b);
	free(after_r);
	return sql;
}

size_t queue_sql_tie_arms(const struct queue_sql *w)
{
	char *k[QUEUE_SQL_KEYS];
	size_t n = w->arms ? 1 : keys_split(w->keys, k, QUEUE_SQL_KEYS);
	for (size_t i = 0; !w->arms && i < n; i++)
		free(k[i]);
	return n ? n : 1;
}

char *queue_sql_tie_arm(const struct queue_sql *w, const char *cols, const char *cmp, int param,
			int reverse, size_t arm, const char *tail)
{
	char *k[QUEUE_SQL_KEYS];
	size_t n = keys_split(w->keys, k, QUEUE_SQL_KEYS);
	/* Arm 0: the anchor's ties on every key but the last; arm i: on
	 * the first n - 1 - i keys, past it on the next. */
	size_t j = n - 1 - arm;
	const char *strict = cmp[0] == '>' ? ">" : "<";
	const char *dir = w->desc != reverse ? " DESC" : " ASC";
	char *sql = xasprintf("SELECT %s FROM dossiers d WHERE %s", cols, w->where);
	for (size_t i = 0; i <= j; i++)
		xappendf(&sql, " AND %s %s (SELECT %s FROM dossiers d WHERE d.id = ?%d)", k[i],
			 i < j ? "=" : j == n - 1 ? cmp : strict, k[i], param);
	/* The tied keys are left out of the order: SQLite would sort
	 * rather than see them constant in an index on expressions. */
	for (size_t i = j; i < n; i++)
		xappendf(&sql, "%s%s%s", i == j ? " ORDER BY " : ", ", k[i], dir);
	xappendf(&sql, "%s", tail);
	for (size_t i = 0; i < n; i++)
		free(k[i]);
	return sql;
}

char *queue_sql_rows(const struct queue_sql *w, const char *cols, const char *cmp, int param,
		     int reverse, int ordered, const char *tail)
{
	char *sql = param && !ordered && !w->arms ? ties_select(w, cols, cmp, param) : NULL;
	if (sql) {
		xappendf(&sql, "%s", tail);
		return sql;
	}
	if (w->arms) {
		char *arms = arms_select(w, cols, cmp, param);
		const char *dir = w->desc != reverse ? "DESC" : "ASC";
		sql = ordered ? xasprintf("%s ORDER BY qk %s, qid %s%s", arms, dir, dir, tail)
			      : xasprintf("%s%s", arms, tail);
		free(arms);
		return sql;
	}
	char *after = param ? queue_sql_after(w, cmp, param) : xstrdup("");
	char *order = ordered ? queue_sql_order_by(w, reverse) : NULL;
	sql = xasprintf("SELECT %s FROM dossiers d WHERE %s%s%s%s%s", cols, w->where, after,
			order ? " ORDER BY " : "", order ? order : "", tail);
	free(order);
	free(after);
	return sql;
}

char *queue_sql_select(const struct queue_sql *w, const char *cols, const char *tail)
{
	char *order = queue_sql_order_by(w, 0);
	char *sql = xasprintf("SELECT %s FROM dossiers d WHERE %s ORDER BY %s%s", cols, w->where, order, tail);
	free(order);
	return sql;
}

sqlite3_stmt *queue_sql_prepare(struct store *s, const char *sql, const struct queue_sql *w,
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

int queue_position(struct store *s, const struct queue_spec *q, long long id,
		   long long *pos, struct perr *e)
{
	struct queue_sql w;
	queue_sql_build(s, q, &w);
	/* Rows before it in the order, counted through the order's index. */
	int pid = 1 + w.nb;
	const char *cmp = w.desc ? ">" : "<";
	char *before;
	if (w.arms && strcmp(w.where, "1") == 0) {
		before = arms_count_before(&w, cmp, pid);
	} else {
		char *rows = queue_sql_rows(&w, "1", cmp, pid, 0, 0, "");
		before = xasprintf("(SELECT count(*) FROM (%s))", rows);
		free(rows);
	}
	char *sql = xasprintf("SELECT %s WHERE EXISTS (SELECT 1 FROM dossiers d WHERE %s AND d.id = ?%d)",
			      before, w.where, pid);
	free(before);
	sqlite3_stmt *st;
	*pos = -1;
	int rc = position_step(s, sql, &w, pid, id, &st, e);
	if (rc > 0) {
		*pos = sqlite3_column_int64(st, 0);
		stmt_done(&st);
	}
	return rc < 0 ? -1 : 0;
}

int queue_position_near(struct store *s, const struct queue_spec *q, long long id,
			long long count, long long cap, long long *pos, struct perr *e)
{
	struct queue_sql w;
	queue_sql_build(s, q, &w);
	int pid = 1 + w.nb;
	/* The rows before it and after it, each read through the order's
	 * index from the dossier and stopped at cap. */
	char *tail = xasprintf(" LIMIT %lld", cap);
	char *before = queue_sql_rows(&w, "1", w.desc ? ">" : "<", pid, 0, 0, tail);
	char *after = queue_sql_rows(&w, "1", w.desc ? "<" : ">", pid, 0, 0, tail);
	char *sql = xasprintf("SELECT (SELECT count(*) FROM (%s)), (SELECT count(*) FROM (%s))"
			      " WHERE EXISTS (SELECT 1 FROM dossiers d WHERE %s AND d.id = ?%d)",
			      before, after, w.where, pid);
	free(before);
	free(after);
	free(tail);
	sqlite3_stmt *st;
	*pos = -1;
	int rc = position_step(s, sql, &w, pid, id, &st, e);
	if (rc > 0) {
		long long nb = sqlite3_column_int64(st, 0), na = sqlite3_column_int64(st, 1);
		*pos = nb < cap ? nb : na < cap && count > na ? count - 1 - na : -2;
		stmt_done(&st);
	}
	return rc < 0 ? -1 : 0;
}

long long queue_id_at(struct store *s, const struct queue_spec *q, long long pos, struct perr *e)
{
	if (pos < 0)
		return 0;
	struct queue_sql w;
	queue_sql_build(s, q, &w);
	char *tail = xasprintf(" LIMIT 1 OFFSET %lld", pos);
	char *sql = queue_sql_select(&w, "d.id", tail);
	sqlite3_stmt *st = queue_sql_prepare(s, sql, &w, e);
	free(tail);
	free(sql);
	queue_sql_done(&w);
	long long id = 0;
	if (st && stmt_next(s, &st, e, _("reading the queue")) > 0) {
		id = sqlite3_column_int64(st, 0);
		stmt_done(&st);
	}
	return id;
}
