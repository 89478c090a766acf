/* opinion.c - asking experts for opinions, their answers, and who sees them. */
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/kv.h"
#include "base/text.h"
#include "procedure/dossier.h"
#include "procedure/permission.h"
#include "review/conflict.h"
#include "review/opinion.h"
#include "review/rows.h"
#include "store/stmt.h"

int opinion_ask(struct store *s, const struct actor *a, long long dossier_id,
		const char *expert, const char *question, const char *at, long long *id,
		struct perr *e)
{
	char now[21];
	struct request q = {.s = s, .a = a, .dossier_id = dossier_id, .person = expert,
			    .at = at ? at : now_utc(now)};
	if (!permission_allows(a, OP_OPINION_ASK))
		return perr_set(e, P_REFUSED, _("asking an expert for an opinion is for coordinateurs; you are %s."), a->login);
	/* The expert's own conflict is said below, with what to do instead. */
	if (permission_dossier(s, a, OP_OPINION_ASK, dossier_id, NULL, e) < 0)
		return -1;
	if (!question || !*question)
		return perr_set(e, P_INVALID, _("an opinion request needs a question: add --question \"...\"."));
	if (request_begin(&q, e) < 0)
		return -1;
	if (!(q.roles & ROLE_EXPERT)) {
		perr_set(e, P_REFUSED, _("%s does not hold the role expert; give it first (ptce reviewer set-role %s ...,expert)."),
			 expert, expert);
		return request_fail(&q);
	}
	if (q.conflicted) {
		perr_set(e, P_REFUSED, _("%s is in conflict of interest on dossier %s; ask another expert."), expert, q.b.ds_number);
		return request_fail(&q);
	}
	char *text = text_clean(question, TEXT_KEEP_NEWLINES);
	int rc = request_insert(&q, "INSERT INTO opinions(dossier_id, expert, question, asked_by, asked_at)"
				" VALUES (?,?,?,?,?)", text, _("recording the opinion request"), e);
	if (rc < 0) {
		request_fail(&q);
	} else {
		char *detail = NULL;
		kv_add(&detail, "action", "asked");
		kv_addll(&detail, "id", q.id);
		kv_add(&detail, "expert", expert);
		rc = request_end(&q, "opinion", text, detail, e);
		free(detail);
	}
	free(text);
	if (rc == 0 && id)
		*id = q.id;
	return rc;
}

/* Record the answer to request id and its history entry (in the caller's
 * transaction), once its expert and state are checked. */
static int answer_record(struct store *s, const struct actor *a, long long id,
			 long long dossier_id, int favourable, const char *text, const char *at,
			 struct perr *e)
{
	const char *verdict = favourable ? "favourable" : "defavourable";
	char *t = text_clean(text, TEXT_KEEP_NEWLINES);
	int rc = stmt_run(s, e, _("recording the opinion"),
			  "UPDATE opinions SET verdict = ?, answer = ?, answered_at = ? WHERE id = ?",
			  "tttI", verdict, t, at, id);
	if (rc == 0) {
		char *detail = NULL;
		kv_add(&detail, "action", "answered");
		kv_addll(&detail, "id", id);
		kv_add(&detail, "verdict", verdict);
		rc = history_add(s, dossier_id, at, a->login, a->real_login, "opinion", t, detail, e);
		free(detail);
	}
	free(t);
	return rc;
}

/* Only the expert asked answers, and only once: st's row is the request
 * (dossier, expert, answered_at). */
static int may_answer(sqlite3_stmt *st, const struct actor *a, long long id, struct perr *e)
{
	const char *expert = (const char *)sqlite3_column_text(st, 1);
	const char *answered = (const char *)sqlite3_column_text(st, 2);
	if (strcmp(expert, a->login) != 0)
		return perr_set(e, P_REFUSED, _("opinion request %lld was made to %s; only they may answer it."), id, expert);
	if (answered)
		return perr_set(e, P_REFUSED, _("opinion request %lld was already answered on %s; an answer is final (a coordinateur may ask again)."),
				id, answered);
	return 0;
}

/* The dossier of request id, once a may answer it. */
static int answer_check(struct store *s, const struct actor *a, long long id,
			long long *dossier_id, struct perr *e)
{
	sqlite3_stmt *st = stmt_query(s, e, "SELECT dossier_id, expert, answered_at FROM opinions WHERE id = ?",
				      "I", id);
	int rc = st ? stmt_next(s, &st, e, _("reading opinions")) : -1;
	if (rc == 0)
		return perr_set(e, P_NOTFOUND, _("no opinion request number %lld (see ptce opinion list)"), id);
	if (rc > 0) {
		*dossier_id = sqlite3_column_int64(st, 0);
		rc = may_answer(st, a, id, e);
	}
	stmt_done(&st);
	if (rc == 0 && permission_dossier(s, a, OP_OPINION_ANSWER, *dossier_id, NULL, e) < 0)
		return -1;
	return rc;
}

int opinion_answer(struct store *s, const struct actor *a, long long id, int favourable,
		   const char *text, const char *at, struct perr *e)
{
	char now[21];
	long long dossier_id = 0;
	if (!at)
		at = now_utc(now);
	if (!text || !*text)
		return perr_set(e, P_INVALID, _("an opinion needs a text: add --text \"...\"."));
	if (store_begin(s, e) < 0)
		return -1;
	if (answer_check(s, a, id, &dossier_id, e) < 0 ||
	    answer_record(s, a, id, dossier_id, favourable, text, at, e) < 0 ||
	    store_commit(s, e) < 0) {
		store_rollback(s);
		return -1;
	}
	return 0;
}

/* Columns in the order of the query of opinion_list. */
static const struct col opinion_cols[] = {
	COL(struct opinion, id, COL_I64), COL(struct opinion, dossier_id, COL_I64),
	COL(struct opinion, ds_number, COL_TEXT), COL(struct opinion, ptce_name, COL_TEXT),
	COL(struct opinion, expert, COL_TEXT), COL(struct opinion, expert_name, COL_TEXT),
	COL(struct opinion, question, COL_TEXT), COL(struct opinion, asked_by, COL_TEXT),
	COL(struct opinion, asked_at, COL_TEXT), COL(struct opinion, answered, COL_INT),
	COL(struct opinion, favourable, COL_INT), COL(struct opinion, answer, COL_TEXT_NULL),
	COL(struct opinion, answered_at, COL_TEXT_NULL), COL(struct opinion, age_days, COL_INT),
};
static const struct row_type opinion_row = ROW_TYPE(struct opinion, opinion_cols);

int opinion_list(struct store *s, const struct actor *a, long long dossier_id,
		 int pending_only, struct opinion **out, size_t *n, struct perr *e)
{
	/* An expert with no other role sees only what was asked of them. */
	int only_mine = !actor_has(a, ROLE_COORDINATEUR | ROLE_INSTRUCTEUR | ROLE_LECTEUR);
	/* One dossier's: "o.dossier_id = ?1" alone, so that its index is
	 * used (an OR with the parameter would read every opinion). */
	char *sql = xasprintf(
		"SELECT o.id, o.dossier_id, d.ds_number, d.ptce_name, o.expert, COALESCE(p.display_name, o.expert),"
		" o.question, o.asked_by, o.asked_at, o.verdict IS NOT NULL, COALESCE(o.verdict = 'favourable', 0),"
		" o.answer, o.answered_at,"
		" CAST(julianday('now') - julianday(o.asked_at) AS INTEGER)"
		" FROM opinions o JOIN dossiers d ON d.id = o.dossier_id"
		" LEFT JOIN reviewers p ON p.login = o.expert"
		" WHERE %s AND (?2 = 0 OR o.answered_at IS NULL)"
		" AND (?3 = 0 OR o.expert = ?4)"
		" AND (o.expert = ?4 OR NOT EXISTS (SELECT 1 FROM conflicts c WHERE c.dossier_id = o.dossier_id AND c.reviewer = ?4))"
		" ORDER BY o.asked_at, o.id", dossier_id ? "o.dossier_id = ?1" : "?1 = 0");
	sqlite3_stmt *st = stmt_query(s, e, sql, "Iiit", dossier_id, pending_only, only_mine, a->login);
	free(sql);
	return rows_read(s, st, out, n, &opinion_row, _("reading opinions"), e);
}

void opinion_list_free(struct opinion **o, size_t n)
{
	rows_free(o, n, &opinion_row);
}
