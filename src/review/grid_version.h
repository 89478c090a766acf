/* grid_version.h - the grid versions reviews are given on: each grid file a
 * review was opened with is stored (its text and hash), and old reviews are
 * read on the stored text, never on the file as it is today. */
#ifndef PTCE_GRID_VERSION_H
#define PTCE_GRID_VERSION_H

#include "base/err.h"
#include "review/checklist.h"
#include "store/store.h"

/* grid_version_store - record grid g (its text and hash) in grid_versions if
 * it is not there yet and return its id. Inside or outside a transaction. */
int grid_version_store(struct store *s, const struct checklist *g, const char *at,
		       long long *version_id, struct perr *e);
/* grid_version_load - the grid of a stored version, parsed from its stored
 * text (never from the file on disk, so old reviews keep their meaning).
 * The parsed grid is shared with the next callers: free it with
 * checklist_free as any other. */
int grid_version_load(struct store *s, long long version_id, struct checklist **g,
		      struct perr *e);

#endif
