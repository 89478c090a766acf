/* conflict.c - declaring and listing conflicts of interest, and the
 * transaction they share with opinion requests. */
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/kv.h"
#include "base/text.h"
#include "procedure/dossier.h"
#include "procedure/permission.h"
#include "review/conflict.h"
#include "review/rows.h"
#include "store/stmt.h"

int conflict_check(struct store *s, long long dossier_id, const char *login, int *yes,
		   struct perr *e)
{
	return stmt_exists(s, yes, e, _("reading conflicts of interest"),
			   "SELECT 1 FROM conflicts WHERE dossier_id = ? AND reviewer = ?", "It",
			   dossier_id, login);
}

/* The roles of an active reviewer; P_NOTFOUND when login is none. */
static int person_roles(struct store *s, const char *login, unsigned *roles, struct perr *e)
{
	*roles = 0;
	sqlite3_stmt *st = stmt_query(s, e, "SELECT role FROM reviewer_roles r JOIN reviewers p ON p.login = r.login"
				      " WHERE r.login = ? AND p.active = 1", "t", login);
	if (!st)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW)
		*roles |= role_parse((const char *)sqlite3_column_text(st, 0));
	stmt_done(&st);
	int yes;
	if (stmt_exists(s, &yes, e, _("reading the reviewers"),
			"SELECT 1 FROM reviewers WHERE login = ? AND active = 1", "t", login) < 0)
		return -1;
	if (!yes)
		return perr_set(e, P_NOTFOUND, _("no active reviewer '%s' (see ptce reviewer list)"), login);
	return 0;
}

int request_begin(struct request *q, struct perr *e)
{
	memset(&q->b, 0, sizeof q->b);
	if (store_begin(q->s, e) < 0)
		return -1;
	if (dossier_brief(q->s, q->dossier_id, &q->b, e) < 0 ||
	    person_roles(q->s, q->person, &q->roles, e) < 0 ||
	    conflict_check(q->s, q->dossier_id, q->person, &q->conflicted, e) < 0)
		return request_fail(q);
	return 0;
}

int request_insert(struct request *q, const char *sql, const char *text, const char *what,
		   struct perr *e)
{
	if (stmt_run(q->s, e, what, sql, "Itttt", q->dossier_id, q->person, text, q->a->login,
		     q->at) < 0)
		return -1;
	q->id = sqlite3_last_insert_rowid(q->s->db);
	return 0;
}

int request_end(struct request *q, const char *kind, const char *motivation,
		const char *detail, struct perr *e)
{
	if (history_add(q->s, q->dossier_id, q->at, q->a->login, q->a->real_login, kind,
			motivation, detail, e) < 0 || store_commit(q->s, e) < 0)
		return request_fail(q);
	brief_clear(&q->b);
	return 0;
}

int request_fail(struct request *q)
{
	store_rollback(q->s);
	brief_clear(&q->b);
	return -1;
}

int conflict_declare(struct store *s, const struct actor *a, long long dossier_id,
		     const char *reviewer, const char *reason, const char *at,
		     struct perr *e)
{
	char now[21];
	struct request q = {.s = s, .a = a, .dossier_id = dossier_id,
			    .person = reviewer && *reviewer ? reviewer : a->login,
			    .at = at ? at : now_utc(now)};
	if (!reason || !*reason)
		return perr_set(e, P_INVALID, _("a conflict of interest needs a reason: add --reason \"...\"."));
	int other = strcmp(q.person, a->login) != 0;
	if (other && !permission_allows(a, OP_CONFLICT_OTHER))
		return perr_set(e, P_REFUSED, _("only a coordinateur may declare a conflict of interest for someone else; you are %s."),
				a->login);
	if (permission_dossier(s, a, other ? OP_CONFLICT_OTHER : OP_CONFLICT, dossier_id, q.person, e) < 0)
		return -1;
	if (request_begin(&q, e) < 0)
		return -1;
	if (q.conflicted) {
		perr_set(e, P_INVALID, _("%s is already in conflict of interest on dossier %s."), q.person,
			 q.b.ds_number);
		return request_fail(&q);
	}
	char *clean = text_clean(reason, 0);
	char *detail = NULL;
	kv_add(&detail, "person", q.person);
	int rc;
	if (request_insert(&q, "INSERT INTO conflicts(dossier_id, reviewer, reason, declared_by, declared_at)"
			   " VALUES (?,?,?,?,?)", clean, _("recording the conflict of interest"), e) < 0)
		rc = request_fail(&q);
	else
		rc = request_end(&q, "conflict", clean, detail, e);
	free(detail);
	free(clean);
	return rc;
}

static const struct col conflict_cols[] = {
	COL(struct conflict, id, COL_I64), COL(struct conflict, dossier_id, COL_I64),
	COL(struct conflict, reviewer, COL_TEXT), COL(struct conflict, reason, COL_TEXT),
	COL(struct conflict, declared_by, COL_TEXT), COL(struct conflict, declared_at, COL_TEXT),
};
static const struct row_type conflict_row = ROW_TYPE(struct conflict, conflict_cols);

int conflict_list(struct store *s, long long dossier_id, struct conflict **out, size_t *n,
		  struct perr *e)
{
	sqlite3_stmt *st = stmt_query(s, e, "SELECT id, dossier_id, reviewer, reason, declared_by, declared_at"
				      " FROM conflicts WHERE ?1 = 0 OR dossier_id = ?1 ORDER BY id", "I", dossier_id);
	return rows_read(s, st, out, n, &conflict_row, _("reading conflicts of interest"), e);
}

void conflict_list_free(struct conflict **c, size_t n)
{
	rows_free(c, n, &conflict_row);
}

/* May a withdraw the conflict declared by declared_by for person? */
static int may_withdraw(const struct actor *a, const char *declared_by, const char *person,
			struct perr *e)
{
	if (strcmp(declared_by, a->login) == 0 || actor_has(a, ROLE_COORDINATEUR))
		return 0;
	return perr_set(e, P_REFUSED, _("only %s, who declared the conflict of interest of %s, or a "
					"coordinateur may withdraw it."), declared_by, person);
}

int conflict_withdraw(struct store *s, const struct actor *a, long long dossier_id,
		      const char *reviewer, const char *why, const char *at, struct perr *e)
{
	char now[21];
	struct request q = {.s = s, .a = a, .dossier_id = dossier_id,
			    .person = reviewer && *reviewer ? reviewer : a->login,
			    .at = at ? at : now_utc(now)};
	if (request_begin(&q, e) < 0)
		return -1;
	char *by = NULL;
	if (stmt_text(s, &by, e, _("reading conflicts of interest"),
		      "SELECT declared_by FROM conflicts WHERE dossier_id = ? AND reviewer = ?", "It",
		      dossier_id, q.person) < 0)
		return request_fail(&q);
	int rc = -1;
	if (!by)
		perr_set(e, P_NOTFOUND, _("%s has no conflict of interest on dossier %s."), q.person,
			 q.b.ds_number);
	else if (may_withdraw(a, by, q.person, e) == 0 &&
		 stmt_run(s, e, _("withdrawing the conflict of interest"),
			  "DELETE FROM conflicts WHERE dossier_id = ? AND reviewer = ?", "It",
			  dossier_id, q.person) == 0)
		rc = 0;
	free(by);
	if (rc < 0)
		return request_fail(&q);
	char *clean = why && *why ? text_clean(why, 0) : NULL;
	char *detail = NULL;
	kv_add(&detail, "person", q.person);
	rc = request_end(&q, "conflict-withdrawn", clean, detail, e);
	free(detail);
	free(clean);
	return rc;
}
