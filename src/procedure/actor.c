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
#include "store/stmt.h"

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
	struct perr ignored;
	sqlite3_stmt *st = stmt_query(s, &ignored, "SELECT r.login FROM reviewers r JOIN reviewer_roles x"
				      " ON x.login = r.login AND x.role = 'admin' WHERE r.active = 1"
				      " ORDER BY r.login LIMIT 5", NULL);
	buf[0] = '\0';
	while (st && stmt_next(s, &st, &ignored, "") > 0)
		text_join(buf, len, ", ", (const char *)sqlite3_column_text(st, 0));
}

/* An account that is not (unknown) or no longer a reviewer: whom to ask. */
static int not_a_reviewer(struct store *s, const char *login, int unknown, struct perr *e)
{
	char who[256];
	admins(s, who, sizeof who);
	return perr_set(e, P_REFUSED, unknown
			? _("the account '%s' is not a reviewer of this database (%s). Ask an admin (%s) to run: ptce reviewer add %s --name \"First Last\" --role instructeur")
			: _("the account '%s' was removed from the reviewers of this database (%s). Ask an admin (%s) to run: ptce reviewer add %s --name \"First Last\" --role instructeur"),
			login, s->path, who[0] ? who : _("the operator"), login);
}

static int load_roles(struct store *s, struct actor *a, struct perr *e)
{
	sqlite3_stmt *st = stmt_query(s, e, "SELECT role FROM reviewer_roles WHERE login = ?", "t", a->login);
	int rc = st ? 1 : -1;
	while (st && (rc = stmt_next(s, &st, e, _("reading the reviewers"))) > 0)
		a->roles |= role_parse((const char *)sqlite3_column_text(st, 0));
	return rc;
}

int actor_load(struct store *s, const char *login, struct actor *a, struct perr *e)
{
	memset(a, 0, sizeof *a);
	sqlite3_stmt *st = stmt_query(s, e, "SELECT display_name, organisation, active FROM reviewers"
				      " WHERE login = ?", "t", login);
	int rc = st ? stmt_next(s, &st, e, _("reading the reviewers")) : -1;
	if (rc < 0)
		return -1;
	int active = rc > 0 && sqlite3_column_int(st, 2);
	if (rc > 0) {
		const unsigned char *n = sqlite3_column_text(st, 0), *o = sqlite3_column_text(st, 1);
		snprintf(a->display_name, sizeof a->display_name, "%s", n ? (const char *)n : login);
		snprintf(a->organisation, sizeof a->organisation, "%s", o ? (const char *)o : "");
		stmt_done(&st);
	}
	if (!active)
		return not_a_reviewer(s, login, rc == 0, e);
	snprintf(a->login, sizeof a->login, "%s", login);
	snprintf(a->real_login, sizeof a->real_login, "%s", login);
	return load_roles(s, a, e);
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
	if (!role_may(a->roles, OP_IMPERSONATE))
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
	if (by && !role_may(by->roles, OP_ROSTER))
		return perr_set(e, P_REFUSED, _("managing reviewers is for admins; you are %s. Ask an admin."),
				by->login);
	return 0;
}

/* Roll back the transaction under way; returns rc (for "return undo(...)"). */
static int undo(struct store *s, int rc)
{
	store_rollback(s);
	return rc;
}

static void bind_role(sqlite3_stmt *st, size_t i, const void *arg)
{
	const char *const *row = arg;
	stmt_bind(st, "tt", row[0], row[1 + i]);
}

static int write_roles(struct store *s, const char *login, unsigned roles, struct perr *e)
{
	if (stmt_run(s, e, _("saving roles"), "DELETE FROM reviewer_roles WHERE login = ?", "t", login) < 0)
		return -1;
	/* The login, then the names of the roles held. */
	const char *row[1 + ROLE_COUNT] = {login};
	size_t n = 0;
	for (int i = 0; i < ROLE_COUNT; i++)
		if (roles & (1u << i))
			row[1 + n++] = role_names[i];
	return stmt_each(s, e, _("saving roles"), "INSERT INTO reviewer_roles(login, role) VALUES (?, ?)",
			 n, bind_role, row);
}

/* Active admins other than login (0 when the count fails: the caller refuses). */
static long long count_admins_except(struct store *s, const char *login)
{
	struct perr ignored;
	long long n = 0;
	stmt_int(s, &n, 0, &ignored, "", "SELECT count(*) FROM reviewers r JOIN reviewer_roles x"
		 " ON x.login = r.login AND x.role = 'admin'"
		 " WHERE r.active = 1 AND r.login <> ?", "t", login);
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
	if (stmt_run(s, e, _("adding the reviewer"),
		     "INSERT INTO reviewers(login, display_name, organisation, email, active, created_at)"
		     " VALUES (?1, coalesce(?2, ?1), ?3, ?4, 1, ?5)"
		     " ON CONFLICT(login) DO UPDATE SET active = 1,"
		     "  display_name = coalesce(?2, display_name), organisation = coalesce(?3, organisation),"
		     "  email = coalesce(?4, email)", "tnnnt", login, name, org, email, now_utc(now)) < 0 ||
	    write_roles(s, login, roles, e) < 0)
		return undo(s, -1);
	return store_commit(s, e);
}

/* Whether login is an active reviewer (a failed read counts as no). */
static int active_reviewer(struct store *s, const char *login)
{
	struct perr ignored;
	long long active = 0;
	stmt_int(s, &active, 0, &ignored, "", "SELECT active FROM reviewers WHERE login = ?", "t", login);
	return active != 0;
}

int reviewer_set_roles(struct store *s, const struct actor *by, const char *login,
		       unsigned roles, struct perr *e)
{
	if (need_admin(by, e) < 0)
		return -1;
	if (!roles)
		return perr_set(e, P_INVALID, _("give at least one role; to take someone off the roster use 'ptce reviewer remove %s'."), login);
	if (store_begin(s, e) < 0)
		return -1;
	if (!active_reviewer(s, login))
		return undo(s, perr_set(e, P_NOTFOUND, _("'%s' is not an active reviewer; 'ptce reviewer list' shows them, 'ptce reviewer add' adds one."), login));
	if (!(roles & ROLE_ADMIN) && count_admins_except(s, login) == 0)
		return undo(s, perr_set(e, P_REFUSED, _("'%s' is the last admin; give the admin role to someone else first."), login));
	if (write_roles(s, login, roles, e) < 0)
		return undo(s, -1);
	return store_commit(s, e);
}

int reviewer_remove(struct store *s, const struct actor *by, const char *login, struct perr *e)
{
	struct perr ignored;
	int is_admin = 0;
	if (need_admin(by, e) < 0)
		return -1;
	if (store_begin(s, e) < 0)
		return -1;
	if (!active_reviewer(s, login))
		return undo(s, perr_set(e, P_NOTFOUND, _("'%s' is not an active reviewer; 'ptce reviewer list' shows them."), login));
	if (count_admins_except(s, login) == 0)
		stmt_exists(s, &is_admin, &ignored, "",
			    "SELECT 1 FROM reviewer_roles WHERE login = ? AND role = 'admin'", "t", login);
	if (is_admin)
		return undo(s, perr_set(e, P_REFUSED, _("'%s' is the last admin; give the admin role to someone else first."), login));
	if (stmt_run(s, e, _("removing the reviewer"), "UPDATE reviewers SET active = 0 WHERE login = ?",
		     "t", login) < 0)
		return undo(s, -1);
	return store_commit(s, e);
}

int reviewer_list(struct store *s, int all,
		  int (*fn)(const struct reviewer *r, void *arg), void *arg, struct perr *e)
{
	sqlite3_stmt *st = stmt_query(s, e, "SELECT login, display_name, organisation, email, active,"
				      " (SELECT group_concat(role) FROM reviewer_roles x WHERE x.login = r.login)"
				      " FROM reviewers r WHERE ?1 OR active = 1 ORDER BY login", "i", all);
	int rc = st ? 0 : -1, stop = 0;
	while (st && !stop && (rc = stmt_next(s, &st, e, _("listing reviewers"))) > 0) {
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
	stmt_done(&st);
	return rc < 0 ? -1 : 0;
}
