/* checklist.c - finding grids by name and criteria, bands by total. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/i18n.h"
#include "base/text.h"
#include "review/checklist.h"

int checklist_id_valid(const char *id)
{
	size_t n = strlen(id);
	return n > 0 && n < 64 && id[0] != '-' && id[0] != '.' &&
	       strspn(id, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") == n;
}

int checklist_id_check(const char *id, struct perr *e)
{
	if (checklist_id_valid(id))
		return 0;
	char *c = text_clean(id, 0);
	perr_set(e, P_INVALID, _("'%s' is not a grid id: --grid names an installed grid (e.g. phase1, phase2), never a file; an admin installs a grid file with 'ptce checklist install FILE'."),
		 c);
	free(c);
	return -1;
}

int checklist_load_named(const char *dir, const char *name, struct checklist **out,
			 struct perr *e)
{
	*out = NULL;
	if (checklist_id_check(name, e) < 0)
		return -1;
	if (!dir)
		return perr_set(e, P_NOTFOUND, _("no grid named '%s': the host has no system grid directory"), name);
	char *path = xasprintf("%s/%s.yaml", dir, name);
	int rc = checklist_load_file(path, out, e);
	if (rc == 0)
		(*out)->origin = GRID_SYSTEM;
	if (rc < 0 && e->status == P_NOTFOUND) {
		char list[512] = "";
		DIR *dh = opendir(dir);
		struct dirent *de;
		while (dh && (de = readdir(dh))) {
			size_t l = strlen(de->d_name);
			if (l <= 5 || strcmp(de->d_name + l - 5, ".yaml") != 0)
				continue;
			char grid[256];
			snprintf(grid, sizeof grid, "%.*s", (int)(l - 5), de->d_name);	/* without .yaml */
			text_join(list, sizeof list, ", ", grid);
		}
		if (dh)
			closedir(dh);
		perr_set(e, P_NOTFOUND, _("no grid named '%s' (looked for %s); grids in %s: %s"),
			 name, path, dir, *list ? list : _("none"));
	}
	free(path);
	return rc;
}

int checklist_index(const struct checklist *g, const char *id)
{
	for (size_t i = 0; i < g->n_crit; i++)
		if (strcmp(g->crit[i].id, id) == 0)
			return (int)i;
	for (size_t i = 0; i < g->n_crit; i++)
		if (strcasecmp(g->crit[i].id, id) == 0)
			return (int)i;
	return -1;
}

const struct criterion *checklist_find(const struct checklist *g, const char *id)
{
	int i = checklist_index(g, id);
	return i < 0 ? NULL : &g->crit[i];
}

const struct band *checklist_band(const struct checklist *g, double total)
{
	for (size_t i = 0; i < g->n_bands; i++)
		if (total + 1e-9 >= g->bands[i].min)
			return &g->bands[i];
	return g->n_bands ? &g->bands[g->n_bands - 1] : NULL;
}

const struct band *checklist_band_by_id(const struct checklist *g, const char *id)
{
	for (size_t i = 0; id && i < g->n_bands; i++)
		if (strcmp(g->bands[i].id, id) == 0)
			return &g->bands[i];
	return NULL;
}
