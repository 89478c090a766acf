/* actor.h - who is acting: the Unix account running the process, looked up
 * in the reviewers table. Never $USER or $LOGNAME. */
#ifndef PTCE_ACTOR_H
#define PTCE_ACTOR_H

#include "base/err.h"
#include "procedure/role.h"
#include "store/store.h"

struct actor {
	char login[64];		/* whom actions are attributed to */
	char real_login[64];	/* the Unix account that ran ptce */
	char display_name[128];
	char organisation[128];
	unsigned roles;		/* enum role bits */
	int impersonated;	/* login != real_login (admin's --as) */
};

/* actor_unix_login - login of getuid() via getpwuid; fills buf. */
int actor_unix_login(char *buf, size_t len, struct perr *e);
/* actor_load - fill a for login from the reviewers table; an unknown or
 * removed account is refused with whom to ask. */
int actor_load(struct store *s, const char *login, struct actor *a, struct perr *e);
/* actor_from_process - actor_load for the Unix account running ptce. */
int actor_from_process(struct store *s, struct actor *a, struct perr *e);
/* actor_impersonate - act as login; only an admin may, and history records
 * both accounts. */
int actor_impersonate(struct store *s, struct actor *a, const char *login, struct perr *e);
/* actor_has - a holds any of the role bits. */
int actor_has(const struct actor *a, unsigned roles);

/* A reviewer, as listed. */
struct reviewer {
	char *login, *display_name, *organisation, *email;
	unsigned roles;
	int active;
};

/* reviewer_add - insert or reactivate a reviewer with roles. In a transaction. */
int reviewer_add(struct store *s, const struct actor *by, const char *login,
		 const char *name, const char *org, const char *email, unsigned roles,
		 struct perr *e);
/* reviewer_set_roles - replace the roles of a reviewer. */
int reviewer_set_roles(struct store *s, const struct actor *by, const char *login,
		       unsigned roles, struct perr *e);
/* reviewer_remove - deactivate (history keeps the login); refuses to remove
 * the last admin. */
int reviewer_remove(struct store *s, const struct actor *by, const char *login, struct perr *e);
/* reviewer_list - every reviewer (inactive ones too when all). */
int reviewer_list(struct store *s, int all,
		  int (*fn)(const struct reviewer *r, void *arg), void *arg, struct perr *e);

#endif
