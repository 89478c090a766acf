/* access.c - the rule of who may see which dossier, as SQL for listings and
 * as a check for one dossier. */
#include <stdio.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "procedure/access.h"
#include "store/stmt.h"

int access_sees_all(const struct actor *a)
{
	return actor_has(a, ROLE_INSTRUCTEUR | ROLE_COORDINATEUR | ROLE_LECTEUR | ROLE_ADMIN);
}

char *access_sql(const struct actor *a, const char *d, int n)
{
	if (!a || access_sees_all(a))
		return NULL;
	return xasprintf("(EXISTS (SELECT 1 FROM assignments xa WHERE xa.dossier_id = %s AND xa.login = ?%d)"
			 " OR EXISTS (SELECT 1 FROM opinions xo WHERE xo.dossier_id = %s AND xo.expert = ?%d))",
			 d, n, d, n);
}

void access_bind(sqlite3_stmt *st, const struct actor *a, int n)
{
	if (a && !access_sees_all(a))
		sqlite3_bind_text(st, n, a->login, -1, SQLITE_TRANSIENT);
}

int access_may_see(struct store *s, const struct actor *a, long long dossier_id, int *yes,
		   struct perr *e)
{
	char *cond = access_sql(a, "?1", 2);
	*yes = 1;
	if (!cond)
		return 0;
	char *sql = xasprintf("SELECT %s", cond);
	long long may = 0;
	/* cond is set only for someone who does not see everything: ?2 is their login. */
	int rc = stmt_int(s, &may, 0, e, _("reading who may see the dossier"), sql, "It",
			  dossier_id, a->login);
	free(sql);
	free(cond);
	*yes = may != 0;
	return rc;
}

int access_require(struct store *s, const struct actor *a, long long dossier_id,
		   const char *ref, struct perr *e)
{
	int ok = 0;
	if (access_may_see(s, a, dossier_id, &ok, e) < 0)
		return -1;
	if (!ok)
		return perr_set(e, P_REFUSED, _("as an expert you see only the dossiers you were asked about; %s is not one of them."),
				ref);
	return 0;
}
