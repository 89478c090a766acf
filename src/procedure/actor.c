/* actor.c - identifying the person (Unix account) and managing the roster
 * of reviewers and their roles. */
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/text.h"
#include "procedure/actor.h"

int actor_unix_login(char *buf, size_t len, struct perr *e)
{
	/* Never $USER or $LOGNAME: anybody can set those. */
	struct passwd *pw = getpwuid(getuid());
	if (!pw || !pw->pw_name)
		return perr_set(e, P_REFUSED, _("your Unix account (uid %u) has no name in the password database; ask the operator."),
				(unsigned)getuid());
	snprintf(buf, len, "%s", pw->pw_name);
	return 0;
}

int actor_has(const struct actor *a, unsigned roles)
{
	return (a->roles & roles) != 0;
}

/* Logins of active admins, for "ask ..." messages. */
static void admins(struct store *s, char *buf, size_t len)
{
	sqlite3_stmt *st = NULL;
	buf[0] = '\0';
	if (sqlite3_prepare_v2(s->db, "SELECT r.login FROM reviewers r JOIN reviewer_roles x"
			       " ON x.login = r.login AND x.role = 'admin' WHERE r.active = 1"
			       " ORDER BY r.login LIMIT 5", -1, &st, NULL) != SQLITE_OK)
		return;
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (buf[0])
			strncat(buf, ", ", len - strlen(buf) - 1);
		strncat(buf, (const char *)sqlite3_column_text(st, 0), len - strlen(buf) - 1);
	}
	sqlite3_finalize(st);
}

int actor_load(struct store *s, const char *login, struct actor *a, struct perr *e)
{
	memset(a, 0, sizeof *a);
	sqlite3_stmt *st = store_prepare(s, "SELECT display_name, organisation, active FROM reviewers"
					 " WHERE login = ?", e);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, login, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	int active = rc == SQLITE_ROW ? sqlite3_column_int(st, 2) : 0;
	if (rc == SQLITE_ROW) {
		const unsigned char *n = sqlite3_column_text(st, 0), *o = sqlite3_column_text(st, 1);
		snprintf(a->display_name, sizeof a->display_name, "%s", n ? (const char *)n : login);
		snprintf(a->organisation, sizeof a->organisation, "%s", o ? (const char *)o : "");
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, e, _("reading the reviewers"));
	if (rc == SQLITE_DONE || !active) {
		char who[256];
		admins(s, who, sizeof who);
		perr_set(e, P_REFUSED, rc == SQLITE_DONE
			 ? _("the account '%s' is not a reviewer of this database (%s). Ask an admin (%s) to run: ptce reviewer add %s --name \"First Last\" --role instructeur")
			 : _("the account '%s' was removed from the reviewers of this database (%s). Ask an admin (%s) to run: ptce reviewer add %s --name \"First Last\" --role instructeur"),
			 login, s->path, who[0] ? who : _("the operator"), login);
		return -1;
	}
	snprintf(a->login, sizeof a->login, "%s", login);
	snprintf(a->real_login, sizeof a->real_login, "%s", login);
	st = store_prepare(s, "SELECT role FROM reviewer_roles WHERE login = ?", e);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, login, -1, SQLITE_TRANSIENT);
	while (sqlite3_step(st) == SQLITE_ROW)
		a->roles |= role_parse((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return 0;
}

int actor_from_process(struct store *s, struct actor *a, struct perr *e)
{
	char login[64];
	if (actor_unix_login(login, sizeof login, e) < 0)
		return -1;
	return actor_load(s, login, a, e);
}

int actor_impersonate(struct store *s, struct actor *a, const char *login, struct perr *e)
{
	if (!actor_has(a, ROLE_ADMIN))
		return perr_set(e, P_REFUSED, _("--as is for admins only (it is recorded in history); you are %s."),
				a->login);
	char real[64];
	snprintf(real, sizeof real, "%s", a->real_login);
	struct actor other;
	if (actor_load(s, login, &other, e) < 0)
		return -1;
	*a = other;
	snprintf(a->real_login, sizeof a->real_login, "%s", real);
	a->impersonated = strcmp(a->login, a->real_login) != 0;
	return 0;
}

static int need_admin(const struct actor *by, struct perr *e)
{
	if (by && !actor_has(by, ROLE_ADMIN))
		return perr_set(e, P_REFUSED, _("managing reviewers is for admins; you are %s. Ask an admin."),
				by->login);
	return 0;
}

static int write_roles(struct store *s, const char *login, unsigned roles, struct perr *e)
{
	sqlite3_stmt *st = store_prepare(s, "DELETE FROM reviewer_roles WHERE login = ?", e);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, login, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, e, _("saving roles"));
	st = store_prepare(s, "INSERT INTO reviewer_roles(login, role) VALUES (?, ?)", e);
	if (!st)
		return -1;
	for (int i = 0; i < ROLE_COUNT; i++) {
		if (!(roles & (1u << i)))
			continue;
		sqlite3_bind_text(st, 1, login, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, role_names[i], -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE) {
			sqlite3_finalize(st);
			return store_fail(s, e, _("saving roles"));
		}
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return 0;
}

static int count_admins_except(struct store *s, const char *login)
{
	sqlite3_stmt *st = NULL;
	int n = 0;
	if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM reviewers r JOIN reviewer_roles x"
			       " ON x.login = r.login AND x.role = 'admin'"
			       " WHERE r.active = 1 AND r.login <> ?", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, login, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int(st, 0);
	}
	sqlite3_finalize(st);
	return n;
}

static int valid_login(const char *login, struct perr *e)
{
	size_t n = strlen(login);
	if (n == 0 || n >= 64 || strspn(login, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") != n ||
	    login[0] == '-') {
		char *c = text_clean(login, 0);
		perr_set(e, P_INVALID, _("'%s' is not a Unix login (letters, digits, '.', '_', '-'; at most 63)."), c);
		free(c);
		return -1;
	}
	return 0;
}

int reviewer_add(struct store *s, const struct actor *by, const char *login,
		 const char *name, const char *org, const char *email, unsigned roles,
		 struct perr *e)
{
	char now[21];
	if (need_admin(by, e) < 0 || valid_login(login, e) < 0)
		return -1;
	if (!roles)
		return perr_set(e, P_INVALID, _("give at least one role with --role (instructeur, coordinateur, expert, lecteur, admin)."));
	if (store_begin(s, e) < 0)
		return -1;
	sqlite3_stmt *st = store_prepare(s,
		"INSERT INTO reviewers(login, display_name, organisation, email, active, created_at)"
		" VALUES (?1, coalesce(?2, ?1), ?3, ?4, 1, ?5)"
		" ON CONFLICT(login) DO UPDATE SET active = 1,"
		"  display_name = coalesce(?2, display_name), organisation = coalesce(?3, organisation),"
		"  email = coalesce(?4, email)", e);
	if (!st)
		goto fail;
	sqlite3_bind_text(st, 1, login, -1, SQLITE_TRANSIENT);
	bind_text_or_null(st, 2, name);
	bind_text_or_null(st, 3, org);
	bind_text_or_null(st, 4, email);
	sqlite3_bind_text(st, 5, now_utc(now), -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		store_fail(s, e, _("adding the reviewer"));
		goto fail;
	}
	if (write_roles(s, login, roles, e) < 0)
		goto fail;
	return store_commit(s, e);
fail:
	store_rollback(s);
	return -1;
}

static int reviewer_exists(struct store *s, const char *login, int *active)
{
	sqlite3_stmt *st = NULL;
	int found = 0;
	if (sqlite3_prepare_v2(s->db, "SELECT active FROM reviewers WHERE login = ?", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, login, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(st) == SQLITE_ROW) {
			found = 1;
			*active = sqlite3_column_int(st, 0);
		}
	}
	sqlite3_finalize(st);
	return found;
}

int reviewer_set_roles(struct store *s, const struct actor *by, const char *login,
		       unsigned roles, struct perr *e)
{
	int active = 0;
	if (need_admin(by, e) < 0)
		return -1;
	if (!roles)
		return perr_set(e, P_INVALID, _("give at least one role; to take someone off the roster use 'ptce reviewer remove %s'."), login);
	if (store_begin(s, e) < 0)
		return -1;
	if (!reviewer_exists(s, login, &active) || !active) {
		store_rollback(s);
		return perr_set(e, P_NOTFOUND, _("'%s' is not an active reviewer; 'ptce reviewer list' shows them, 'ptce reviewer add' adds one."), login);
	}
	if (!(roles & ROLE_ADMIN) && count_admins_except(s, login) == 0) {
		store_rollback(s);
		return perr_set(e, P_REFUSED, _("'%s' is the last admin; give the admin role to someone else first."), login);
	}
	if (write_roles(s, login, roles, e) < 0) {
		store_rollback(s);
		return -1;
	}
	return store_commit(s, e);
}

int reviewer_remove(struct store *s, const struct actor *by, const char *login, struct perr *e)
{
	int active = 0;
	if (need_admin(by, e) < 0)
		return -1;
	if (store_begin(s, e) < 0)
		return -1;
	if (!reviewer_exists(s, login, &active) || !active) {
		store_rollback(s);
		return perr_set(e, P_NOTFOUND, _("'%s' is not an active reviewer; 'ptce reviewer list' shows them."), login);
	}
	if (count_admins_except(s, login) == 0) {
		sqlite3_stmt *st = NULL;
		int is_admin = 0;
		if (sqlite3_prepare_v2(s->db, "SELECT 1 FROM reviewer_roles WHERE login = ? AND role = 'admin'",
				       -1, &st, NULL) == SQLITE_OK) {
			sqlite3_bind_text(st, 1, login, -1, SQLITE_TRANSIENT);
			is_admin = sqlite3_step(st) == SQLITE_ROW;
		}
		sqlite3_finalize(st);
		if (is_admin) {
			store_rollback(s);
			return perr_set(e, P_REFUSED, _("'%s' is the last admin; give the admin role to someone else first."), login);
		}
	}
	sqlite3_stmt *st = store_prepare(s, "UPDATE reviewers SET active = 0 WHERE login = ?", e);
	if (!st) {
		store_rollback(s);
		return -1;
	}
	sqlite3_bind_text(st, 1, login, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		store_fail(s, e, _("removing the reviewer"));
		store_rollback(s);
		return -1;
	}
	return store_commit(s, e);
}

int reviewer_list(struct store *s, int all,
		  int (*fn)(const struct reviewer *r, void *arg), void *arg, struct perr *e)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT login, display_name, organisation, email, active,"
					 " (SELECT group_concat(role) FROM reviewer_roles x WHERE x.login = r.login)"
					 " FROM reviewers r WHERE ?1 OR active = 1 ORDER BY login", e);
	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, all);
	int rc, stop = 0;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct reviewer r = {
			.login = col_text(st, 0), .display_name = col_text(st, 1),
			.organisation = col_text(st, 2), .email = col_text(st, 3),
			.active = sqlite3_column_int(st, 4),
		};
		char *roles = col_text(st, 5), *save = NULL;
		for (char *w = strtok_r(roles, ",", &save); w; w = strtok_r(NULL, ",", &save))
			r.roles |= role_parse(w);
		free(roles);
		stop = fn(&r, arg);
		free(r.login); free(r.display_name); free(r.organisation); free(r.email);
	}
	if (!stop && rc != SQLITE_DONE) {
		sqlite3_finalize(st);
		return store_fail(s, e, _("listing reviewers"));
	}
	sqlite3_finalize(st);
	return 0;
}
