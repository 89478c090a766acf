/* candidate.c - who may be assigned to a dossier, with what a coordinateur
 * weighs: roles, open assignments, conflicts declared. */
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "procedure/candidate.h"
#include "procedure/role.h"
#include "store/stmt.h"

static int read_candidate(sqlite3_stmt *st, void *arg)
{
	struct candidate *c = xarray_add(arg);
	char *roles = NULL;
	stmt_columns(st, "ttttiii", &c->login, &c->name, &c->organisation, &roles, &c->load,
		     &c->conflict, &c->assigned);
	char *save = NULL;
	for (char *r = strtok_r(roles, ",", &save); r; r = strtok_r(NULL, ",", &save))
		c->roles |= role_parse(r);
	free(roles);
	return 0;
}

int candidate_list(struct store *s, long long dossier_id, struct candidate **out, size_t *n,
		   struct perr *e)
{
	struct xarray b = {NULL, 0, 0, sizeof **out};
	sqlite3_stmt *st = stmt_query(s, e,
		"SELECT p.login, p.display_name, coalesce(p.organisation, ''),"
		" (SELECT group_concat(role, ',') FROM reviewer_roles r WHERE r.login = p.login),"
		" (SELECT count(*) FROM assignments a JOIN dossiers d ON d.id = a.dossier_id"
		"   JOIN states st ON st.name = d.state WHERE a.login = p.login AND st.is_open = 1) AS load,"
		" EXISTS (SELECT 1 FROM conflicts c WHERE c.dossier_id = ?1 AND c.reviewer = p.login),"
		" EXISTS (SELECT 1 FROM assignments a WHERE a.dossier_id = ?1 AND a.login = p.login)"
		" FROM reviewers p WHERE p.active = 1 AND EXISTS (SELECT 1 FROM reviewer_roles r"
		"   WHERE r.login = p.login AND r.role IN ('instructeur', 'coordinateur', 'expert'))"
		" ORDER BY load, p.login", "I", dossier_id);
	int rc = stmt_rows(s, st, e, _("reading the reviewers"), read_candidate, &b);
	*out = b.v;
	*n = b.n;
	if (rc < 0)
		candidate_list_free(out, *n);
	return rc;
}

char *candidate_complete(const struct candidate *list, size_t n, const char *prefix,
			 const char **unique)
{
	char *all = xstrdup("");
	size_t len = strlen(prefix), found = 0;
	const char *one = NULL;
	for (size_t i = 0; i < n; i++) {
		if (strncmp(list[i].login, prefix, len) != 0)
			continue;
		xappendf(&all, "%s%s", found++ ? ", " : "", list[i].login);
		one = list[i].login;
	}
	if (unique)
		*unique = found == 1 ? one : NULL;
	return all;
}

void candidate_list_free(struct candidate **c, size_t n)
{
	for (size_t i = 0; *c && i < n; i++) {
		free((*c)[i].login);
		free((*c)[i].name);
		free((*c)[i].organisation);
	}
	free(*c);
	*c = NULL;
}
