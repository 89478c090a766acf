/* assignment.c - the small decisions around a dossier that are not state
 * changes: assigning reviewers and flagging compléments demandés. */
#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "procedure/actor.h"
#include "procedure/assignment.h"
#include "procedure/dossier.h"
#include "procedure/procedure.h"

int assignment_set(struct store *s, const struct actor *by, long long dossier_id,
		   const char *login, int on, struct perr *e)
{
	char now[21];
	if (!actor_has(by, ROLE_COORDINATEUR))
		return perr_set(e, P_REFUSED, _("assigning reviewers is for a coordinateur; you are %s."), by->login);
	struct actor who;
	if (on && actor_load(s, login, &who, e) < 0)
		return -1;
	if (on && !actor_has(&who, ROLE_INSTRUCTEUR | ROLE_COORDINATEUR | ROLE_EXPERT))
		return perr_set(e, P_REFUSED, _("%s cannot review (roles: lecteur or admin only); give them the instructeur or expert role first."), login);
	if (store_begin(s, e) < 0)
		return -1;
	sqlite3_stmt *st = store_prepare(s, on
		? "INSERT OR IGNORE INTO assignments(dossier_id, login, assigned_by, assigned_at) VALUES (?,?,?,?)"
		: "DELETE FROM assignments WHERE dossier_id = ? AND login = ?", e);
	if (!st)
		goto fail;
	sqlite3_bind_int64(st, 1, dossier_id);
	sqlite3_bind_text(st, 2, login, -1, SQLITE_TRANSIENT);
	if (on) {
		sqlite3_bind_text(st, 3, by->login, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, now_utc(now), -1, SQLITE_TRANSIENT);
	}
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		store_fail(s, e, _("saving the assignment"));
		goto fail;
	}
	if (sqlite3_changes(s->db) == 0) {
		store_rollback(s);
		return 0;	/* already so: nothing to record */
	}
	if (history_add(s, dossier_id, now_utc(now), by->login, by->real_login,
			on ? "assign" : "unassign", NULL, login, e) < 0)
		goto fail;
	return store_commit(s, e);
fail:
	store_rollback(s);
	return -1;
}

int assignment_list(struct store *s, long long dossier_id, char *buf, size_t len, struct perr *e)
{
	buf[0] = '\0';
	sqlite3_stmt *st = store_prepare(s, "SELECT login FROM assignments WHERE dossier_id = ? ORDER BY login", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, dossier_id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (buf[0])
			strncat(buf, ", ", len - strlen(buf) - 1);
		strncat(buf, (const char *)sqlite3_column_text(st, 0), len - strlen(buf) - 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, e, _("reading the assignments"));
	return 0;
}

int complements_set(struct store *s, const struct actor *by, long long dossier_id,
		    const char *due, const char *note, struct perr *e)
{
	char now[21], why[256];
	if (!actor_has(by, ROLE_INSTRUCTEUR | ROLE_COORDINATEUR))
		return perr_set(e, P_REFUSED, _("requesting compléments is for an instructeur or a coordinateur; you are %s."), by->login);
	static const struct field_def date_def = {"due", N_("Deadline"), SEC_PLATFORM, FT_DATE, 1, NULL, 0, 0};
	if (due && field_validate(&date_def, due, why, sizeof why) < 0)
		return perr_set(e, P_INVALID, "%s", why);
	if (store_begin(s, e) < 0)
		return -1;
	sqlite3_stmt *st = store_prepare(s, "UPDATE dossiers SET complements_due = ?, complements_note = ?,"
					 " revision = revision + 1, updated_at = ? WHERE id = ?", e);
	if (!st)
		goto fail;
	bind_text_or_null(st, 1, due);
	bind_text_or_null(st, 2, due ? note : NULL);
	sqlite3_bind_text(st, 3, now_utc(now), -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 4, dossier_id);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		store_fail(s, e, _("saving the compléments flag"));
		goto fail;
	}
	char detail[64];
	snprintf(detail, sizeof detail, due ? "due %s" : "cleared", due ? due : "");
	if (history_add(s, dossier_id, now, by->login, by->real_login, "complements", note, detail, e) < 0)
		goto fail;
	return store_commit(s, e);
fail:
	store_rollback(s);
	return -1;
}
