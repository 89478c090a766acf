/* config.c - reading ptce.yaml. The system file gives the defaults of the
 * host, the user's file overrides them key by key. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/host.h"
#include "base/i18n.h"
#include "base/ydoc.h"
#include "cli/config.h"
#include "procedure/procedure.h"

#ifndef SYSCONFDIR
#define SYSCONFDIR "/etc"
#endif
#ifndef PKGDATADIR
#define PKGDATADIR "/usr/local/share/ptce"
#endif

static int exists(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0;
}

/* The source tree the running binary was built in, if any: ./ptce or
 * build/asan/ptce inside a checkout. Lets `make run` and the tests use the
 * tree's config/ and share/ without installing. */
static const char *tree_root(void)
{
	static char root[PATH_MAX];
	static int done;
	if (done)
		return root[0] ? root : NULL;
	done = 1;
	if (host_setgid())
		return NULL;	/* an installed, setgid ptce reads only the host's files */
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	for (int up = 0; up < 3; up++) {
		char *slash = strrchr(exe, '/');
		if (!slash)
			break;
		*slash = '\0';
		char probe[PATH_MAX + 32];
		snprintf(probe, sizeof probe, "%s/src/cli/app.h", exe);
		if (exists(probe)) {
			snprintf(root, sizeof root, "%s", exe);
			return root;
		}
	}
	return NULL;
}

char *config_data_path(const char *rel)
{
	const char *root = tree_root();
	if (root)
		return xasprintf("%s/share/%s", root, rel);
	return xasprintf("%s/%s", PKGDATADIR, rel);
}

void config_defaults(struct config *c)
{
	memset(c, 0, sizeof *c);
	c->colors = 1;
	c->refresh_seconds = 1;
	const char *root = tree_root();
	c->checklists_dir = root ? xasprintf("%s/config/checklists", root)
				 : xstrdup(SYSCONFDIR "/ptce/checklists");
	/* Days a dossier may stay in a state before it is shown as overdue. */
	static const struct { const char *state; int days; } overdue[] = {
		{"submitted", 15}, {"phase1", 45}, {"bouquet", 90}, {"phase2", 60},
	};
	for (size_t i = 0; i < sizeof overdue / sizeof overdue[0]; i++)
		for (size_t s = 0; s < procedure_n_states; s++)
			if (strcmp(procedure_states[s].name, overdue[i].state) == 0)
				c->overdue_days[s] = overdue[i].days;
}

static void free_campaigns(struct config *c)
{
	for (size_t i = 0; i < c->n_campaigns; i++)
		free(c->campaigns[i].name);
	free(c->campaigns);
	c->campaigns = NULL;
	c->n_campaigns = 0;
}

void config_done(struct config *c)
{
	free(c->files[0]);
	free(c->files[1]);
	free(c->database);
	free(c->checklists_dir);
	free(c->mapping);
	free(c->keys);
	free(c->region);
	free_campaigns(c);
	memset(c, 0, sizeof *c);
}

/* A path from the file: absolute, ~/..., or relative to the file's folder. */
static char *resolve(const char *file, const char *p)
{
	if (p[0] == '/')
		return xstrdup(p);
	if (p[0] == '~' && p[1] == '/') {
		const char *home = getenv("HOME");
		return xasprintf("%s/%s", home ? home : "", p + 2);
	}
	const char *slash = strrchr(file, '/');
	if (!slash)
		return xstrdup(p);
	return xasprintf("%.*s/%s", (int)(slash - file), file, p);
}

static int set_path(const struct ydoc *d, const struct ynode *n, const char *what,
		    char **dst, struct perr *e)
{
	const char *v;
	if (ydoc_string(d, n, what, &v, e) < 0)
		return -1;
	if (!*v)
		return ydoc_fail(d, n, e, _("%s is empty; give a path or remove the line"), what);
	free(*dst);
	*dst = resolve(d->path, v);
	return 0;
}

static int read_campaigns(struct config *c, const struct ydoc *d, const struct ynode *seq,
			  struct perr *e)
{
	static const char *const keys[] = {"name", "envelope", "amount_per_year", "years", "current", NULL};
	if (ydoc_expect(d, seq, Y_SEQ, _("'campaigns'"), e) < 0)
		return -1;
	free_campaigns(c);
	int currents = 0;
	for (size_t i = 0; i < seq->n; i++) {
		const struct ynode *m = seq->vals[i];
		if (ydoc_expect(d, m, Y_MAP, _("a campaign"), e) < 0 ||
		    ydoc_check_keys(d, m, keys, _("a campaign"), e) < 0)
			return -1;
		struct campaign_conf cc = {0};
		const char *name;
		long long v;
		if (!ydoc_get(m, "name"))
			return ydoc_fail(d, m, e, _("a campaign needs a name (its millésime, e.g. \"AMI PTCE 2025\")"));
		if (ydoc_string(d, ydoc_get(m, "name"), _("'name'"), &name, e) < 0)
			return -1;
		if (!ydoc_get(m, "envelope"))
			return ydoc_fail(d, m, e, _("campaign '%s' needs an envelope (EUR)"), name);
		if (ydoc_int(d, ydoc_get(m, "envelope"), _("'envelope'"), 0, 1000000000LL, &v, e) < 0)
			return -1;
		cc.envelope = v;
		cc.amount_per_year = 50000;
		cc.years = 2;
		if (ydoc_get(m, "amount_per_year")) {
			if (ydoc_int(d, ydoc_get(m, "amount_per_year"), _("'amount_per_year'"), 0, 100000000LL, &v, e) < 0)
				return -1;
			cc.amount_per_year = v;
		}
		if (ydoc_get(m, "years")) {
			if (ydoc_int(d, ydoc_get(m, "years"), _("'years'"), 1, 5, &v, e) < 0)
				return -1;
			cc.years = (int)v;
		}
		if (ydoc_get(m, "current") &&
		    ydoc_bool(d, ydoc_get(m, "current"), _("'current'"), &cc.current, e) < 0)
			return -1;
		if (cc.current && ++currents > 1)
			return ydoc_fail(d, ydoc_key_node(m, "current"), e,
					 _("only one campaign can be current"));
		for (size_t j = 0; j < c->n_campaigns; j++)
			if (strcmp(c->campaigns[j].name, name) == 0)
				return ydoc_fail(d, ydoc_get(m, "name"), e,
						 _("campaign '%s' is listed twice"), name);
		cc.name = xstrdup(name);
		c->campaigns = xrealloc(c->campaigns, (c->n_campaigns + 1) * sizeof *c->campaigns);
		c->campaigns[c->n_campaigns++] = cc;
	}
	return 0;
}

static int read_overdue(struct config *c, const struct ydoc *d, const struct ynode *m,
			struct perr *e)
{
	const char *names[16];
	size_t k = 0;
	for (size_t s = 0; s < procedure_n_states && k < 15; s++)
		names[k++] = procedure_states[s].name;
	names[k] = NULL;
	if (ydoc_expect(d, m, Y_MAP, _("'overdue_days'"), e) < 0 ||
	    ydoc_check_keys(d, m, names, _("'overdue_days' (keys are states)"), e) < 0)
		return -1;
	for (size_t i = 0; i < m->n; i++) {
		long long v;
		if (ydoc_int(d, m->vals[i], _("a number of days"), 0, 3650, &v, e) < 0)
			return -1;
		for (size_t s = 0; s < procedure_n_states; s++)
			if (strcmp(procedure_states[s].name, m->keys[i]->scalar) == 0)
				c->overdue_days[s] = (int)v;
	}
	return 0;
}

/* Who wrote a configuration file decides what it may change. */
enum scope { SCOPE_SYSTEM, SCOPE_USER, SCOPE_USER_SHARED };

/* A key a person's own file may not set: the grids always come from the
 * administrator, and on a shared host (ptce(8)) only display preferences
 * and keys are the person's. */
static int user_may_set(enum scope sc, const char *key)
{
	static const char *const display[] = {"keys", "colors", "refresh_seconds", NULL};
	if (sc == SCOPE_SYSTEM)
		return 1;
	if (strcmp(key, "checklists") == 0 || strcmp(key, "shared") == 0)
		return 0;
	if (sc == SCOPE_USER)
		return 1;
	for (const char *const *k = display; *k; k++)
		if (strcmp(key, *k) == 0)
			return 1;
	return 0;
}

static int check_scope(const struct ydoc *d, const struct ynode *r, enum scope sc, struct perr *e)
{
	for (size_t i = 0; i < r->n; i++)
		if (!user_may_set(sc, r->keys[i]->scalar))
			return ydoc_fail(d, r->keys[i], e, sc == SCOPE_USER_SHARED
				? _("'%s' is read only from the system configuration (%s) on a shared host; your own file may set colors, keys and refresh_seconds")
				: _("'%s' is read only from the system configuration (%s): review grids come from the administrator"),
				r->keys[i]->scalar, SYSCONFDIR "/ptce/ptce.yaml");
	return 0;
}

static int load_scoped(struct config *c, const char *path, enum scope sc, struct perr *e)
{
	static const char *const keys[] = {
		"database", "checklists", "mapping", "keys", "region", "colors",
		"overdue_days", "refresh_seconds", "campaigns", "shared", NULL
	};
	struct ydoc *d = NULL;
	/* A person's file is read with their own rights only (base/host.h). */
	if (sc != SCOPE_SYSTEM)
		host_user_begin();
	int rc = ydoc_load_file(path, &d, e);
	if (sc != SCOPE_SYSTEM)
		host_user_end();
	if (rc < 0)
		return -1;
	rc = -1;
	const struct ynode *r = d->root;
	if (!r) {
		rc = 0;	/* an empty file changes nothing */
		goto out;
	}
	if (ydoc_expect(d, r, Y_MAP, _("the configuration"), e) < 0 ||
	    ydoc_check_keys(d, r, keys, _("the configuration"), e) < 0 ||
	    check_scope(d, r, sc, e) < 0)
		goto out;
	const struct ynode *n;
	int shared = 0;
	if ((n = ydoc_get(r, "shared"))) {
		if (ydoc_bool(d, n, _("'shared'"), &shared, e) < 0)
			goto out;
		host_set_shared(shared);
	}
	if ((n = ydoc_get(r, "database")) && set_path(d, n, _("'database'"), &c->database, e) < 0)
		goto out;
	if ((n = ydoc_get(r, "checklists")) && set_path(d, n, _("'checklists'"), &c->checklists_dir, e) < 0)
		goto out;
	if ((n = ydoc_get(r, "mapping")) && set_path(d, n, _("'mapping'"), &c->mapping, e) < 0)
		goto out;
	if ((n = ydoc_get(r, "keys")) && set_path(d, n, _("'keys'"), &c->keys, e) < 0)
		goto out;
	if ((n = ydoc_get(r, "region"))) {
		const char *v;
		if (ydoc_string(d, n, _("'region'"), &v, e) < 0)
			goto out;
		free(c->region);
		c->region = xstrdup(v);
	}
	if ((n = ydoc_get(r, "colors")) && ydoc_bool(d, n, _("'colors'"), &c->colors, e) < 0)
		goto out;
	if ((n = ydoc_get(r, "refresh_seconds"))) {
		long long v;
		if (ydoc_int(d, n, _("'refresh_seconds'"), 1, 60, &v, e) < 0)
			goto out;
		c->refresh_seconds = (int)v;
	}
	if ((n = ydoc_get(r, "overdue_days")) && read_overdue(c, d, n, e) < 0)
		goto out;
	if ((n = ydoc_get(r, "campaigns")) && read_campaigns(c, d, n, e) < 0)
		goto out;
	rc = 0;
out:
	ydoc_free(&d);
	return rc;
}

int config_load_file(struct config *c, const char *path, struct perr *e)
{
	return load_scoped(c, path, SCOPE_SYSTEM, e);
}

int config_load(struct config *c, const char *explicit_path, struct perr *e)
{
	config_defaults(c);
	if (explicit_path && host_shared())
		return perr_set(e, P_REFUSED, _("--config is refused on a shared host: ptce reads its configuration from %s (see ptce(8))"),
				SYSCONFDIR "/ptce/ptce.yaml");
	if (explicit_path) {
		if (!exists(explicit_path))
			return perr_set(e, P_NOTFOUND, _("%s: no such configuration file (given with --config)"),
					explicit_path);
		c->files[0] = xstrdup(explicit_path);
		return config_load_file(c, explicit_path, e);
	}
	const char *root = tree_root();
	char *sys = root ? xasprintf("%s/config/ptce.yaml", root) : xstrdup(SYSCONFDIR "/ptce/ptce.yaml");
	if (exists(sys)) {
		c->files[0] = sys;
		if (config_load_file(c, sys, e) < 0)
			return -1;
	} else {
		free(sys);
	}
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	char *user = NULL;
	if (xdg && *xdg)
		user = xasprintf("%s/ptce/ptce.yaml", xdg);
	else if (home && *home)
		user = xasprintf("%s/.config/ptce/ptce.yaml", home);
	if (user && exists(user)) {
		c->files[1] = user;
		return load_scoped(c, user, host_shared() ? SCOPE_USER_SHARED : SCOPE_USER, e);
	}
	free(user);
	return 0;
}
