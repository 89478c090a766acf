/* grid_version.h - the grid versions reviews are given on: each grid file a
 * review was opened with is stored (its text and hash), and old reviews are
 * read on the stored text, never on the file as it is today. */
#ifndef PTCE_GRID_VERSION_H
#define PTCE_GRID_VERSION_H

#include "base/err.h"
#include "procedure/actor.h"
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

/* grid_install - an admin installs grid g (read from a file): its version
 * becomes the one reviews on g->id are given on from now; the installation
 * is recorded (who, when, which file), never rewritten. */
int grid_install(struct store *s, const struct actor *a, struct checklist *g, const char *at,
		 long long *version_id, struct perr *e);
/* grid_current - the grid grid_id as reviews are given on it now: the
 * version an admin installed last, else the system directory's file
 * (system_dir/<id>.yaml). A name that is not a grid id is refused. */
int grid_current(struct store *s, const char *system_dir, const char *grid_id,
		 struct checklist **g, struct perr *e);
/* grid_for_review - the stored version a new review on g is given on: the
 * latest installed version of g->id, else g itself when it comes from the
 * system directory (stored if new); a grid read from any other file is
 * refused. Inside the caller's transaction. */
int grid_for_review(struct store *s, const struct checklist *g, const char *at, long long *vid,
		    struct perr *e);

/* One installation, as listed. */
struct grid_install_row {
	const char *grid_id, *hash, *by, *real_by, *at, *source;
	double points;
	int current;		/* the latest installation of its grid */
};
/* grid_install_list - every installation, by grid then in order. */
int grid_install_list(struct store *s, int (*fn)(const struct grid_install_row *r, void *arg),
		      void *arg, struct perr *e);

#endif
