/* assignment.c - the small decisions around a dossier that are not state
 * changes: assigning reviewers and flagging compléments demandés. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/i18n.h"
#include "base/kv.h"
#include "procedure/actor.h"
#include "procedure/assignment.h"
#include "procedure/field.h"
#include "procedure/history.h"
#include "procedure/permission.h"
#include "procedure/procedure.h"
#include "store/stmt.h"

int assignment_set(struct store *s, const struct actor *by, long long dossier_id,
		   const char *login, int on, struct perr *e)
{
	char now[21];
	if (permission_dossier(s, by, on ? OP_ASSIGN : OP_UNASSIGN, dossier_id, login, e) < 0)
		return -1;
	struct actor who;
	if (on && actor_load(s, login, &who, e) < 0)
		return -1;
	if (on && !actor_has(&who, ROLE_INSTRUCTEUR | ROLE_COORDINATEUR | ROLE_EXPERT))
		return perr_set(e, P_REFUSED, _("%s cannot review (roles: lecteur or admin only); give them the instructeur or expert role first."), login);
	if (store_begin(s, e) < 0)
		return -1;
	int conflicted = 0;
	if (on && stmt_exists(s, &conflicted, e, _("reading conflicts of interest"),
			      "SELECT 1 FROM conflicts WHERE dossier_id = ? AND reviewer = ?", "It",
			      dossier_id, login) < 0)
		goto fail;
	if (conflicted) {
		perr_set(e, P_REFUSED, _("%s declared a conflict of interest on this dossier and may "
					 "not review it (ptce conflict withdraw if it was a mistake)."), login);
		goto fail;
	}
	int rc = on ? stmt_run(s, e, _("saving the assignment"),
			       "INSERT OR IGNORE INTO assignments(dossier_id, login, assigned_by, assigned_at)"
			       " VALUES (?,?,?,?)", "Ittt", dossier_id, login, by->login, now_utc(now))
		    : stmt_run(s, e, _("saving the assignment"),
			       "DELETE FROM assignments WHERE dossier_id = ? AND login = ?", "It", dossier_id, login);
	if (rc < 0)
		goto fail;
	if (sqlite3_changes(s->db) == 0) {
		store_rollback(s);
		return 0;	/* already so: nothing to record */
	}
	char *detail = NULL;
	kv_add(&detail, "login", login);
	rc = history_add(s, dossier_id, now_utc(now), by->login, by->real_login,
			 on ? "assign" : "unassign", NULL, detail, e);
	free(detail);
	if (rc < 0)
		goto fail;
	return store_commit(s, e);
fail:
	store_rollback(s);
	return -1;
}

int assignment_logins(struct store *s, long long dossier_id, char **out, struct perr *e)
{
	return stmt_text(s, out, e, _("reading the assignments"),
			 "SELECT group_concat(login, ', ') FROM"
			 " (SELECT login FROM assignments WHERE dossier_id = ? ORDER BY login)", "I", dossier_id);
}

int assignment_list(struct store *s, long long dossier_id, char *buf, size_t len, struct perr *e)
{
	char *all = NULL;
	buf[0] = '\0';
	if (assignment_logins(s, dossier_id, &all, e) < 0)
		return -1;
	snprintf(buf, len, "%s", all ? all : "");
	free(all);
	return 0;
}

int complements_check_due(const char *due, struct perr *e)
{
	char why[256], today[16];
	static const struct field_def date_def = {"due", N_("Deadline"), SEC_PLATFORM, FT_DATE, 1, NULL, 0, 0};
	if (field_validate(&date_def, due, why, sizeof why) < 0)
		return perr_set(e, P_INVALID, "%s", why);
	/* A deadline is a day to come (today at the earliest), in local time. */
	time_t t = time(NULL);
	struct tm lt;
	localtime_r(&t, &lt);
	strftime(today, sizeof today, "%Y-%m-%d", &lt);
	if (strcmp(due, today) < 0)
		return perr_set(e, P_INVALID, _("the deadline %s is already past (today is %s); give a day to come, as YYYY-MM-DD."),
				due, today);
	return 0;
}

int complements_set(struct store *s, const struct actor *by, long long dossier_id,
		    const char *due, const char *note, struct perr *e)
{
	char now[21];
	if (permission_dossier(s, by, OP_COMPLEMENTS, dossier_id, NULL, e) < 0)
		return -1;
	if (due && complements_check_due(due, e) < 0)
		return -1;
	if (store_begin(s, e) < 0)
		return -1;
	if (stmt_run(s, e, _("saving the compléments flag"),
		     "UPDATE dossiers SET complements_due = ?, complements_note = ?,"
		     " revision = revision + 1, updated_at = ? WHERE id = ?",
		     "nntI", due, due ? note : NULL, now_utc(now), dossier_id) < 0)
		goto fail;
	char detail[64];
	snprintf(detail, sizeof detail, due ? "due=%s" : "action=cleared", due ? due : "");
	if (history_add(s, dossier_id, now, by->login, by->real_login, "complements", note, detail, e) < 0)
		goto fail;
	return store_commit(s, e);
fail:
	store_rollback(s);
	return -1;
}
