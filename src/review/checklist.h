/* checklist.h - review grids (checklists): loading one by name, finding its
 * criteria and bands. Includes the grid's types (checklist_load.h) and the
 * criteria's answers (criterion.h), so that this one header serves callers. */
#ifndef PTCE_CHECKLIST_H
#define PTCE_CHECKLIST_H

#include <stddef.h>

#include "base/err.h"
#include "review/checklist_load.h"
#include "review/criterion.h"

/* checklist_id_valid - id is a grid id (letters, digits, '_', '-'), so
 * never a path. */
int checklist_id_valid(const char *id);
/* checklist_id_check - 0, or P_INVALID saying that a grid is named by its
 * id, never by a file, and how an admin installs one. */
int checklist_id_check(const char *id, struct perr *e);
/* checklist_load_named - the grid id from the system grid directory dir
 * ("<dir>/<id>.yaml", origin GRID_SYSTEM); a name that is not an id is
 * refused; a missing file is P_NOTFOUND listing the grids present in dir. */
int checklist_load_named(const char *dir, const char *name, struct checklist **out,
			 struct perr *e);

/* checklist_find - criterion by id (exact, then case-insensitive), or NULL. */
const struct criterion *checklist_find(const struct checklist *g, const char *id);
/* checklist_index - index of a criterion id, or -1. */
int checklist_index(const struct checklist *g, const char *id);
/* checklist_band - band a total falls in, or NULL when the grid has none. */
const struct band *checklist_band(const struct checklist *g, double total);
/* checklist_band_by_id - band by id, or NULL. */
const struct band *checklist_band_by_id(const struct checklist *g, const char *id);

#endif
