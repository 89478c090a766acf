/* checklist_load.h - a review grid (checklist) as read from its YAML file:
 * sections, criteria, rules, bands and tie-break. A grid is immutable once
 * loaded, so stored versions share one copy (see checklist_free). */
#ifndef PTCE_CHECKLIST_LOAD_H
#define PTCE_CHECKLIST_LOAD_H

#include <stddef.h>

#include "base/err.h"
#include "review/criterion.h"

struct section {
	char *id;
	char *title, *title_en;
};

struct band {
	char *id;		/* favourable, reserve, defavourable */
	char *label, *label_en;
	double min;		/* total at or above which a total falls in this band */
};

/* Where a loaded grid comes from: reviews are given only on an installed
 * one (review/grid_version.h). */
enum grid_origin {
	GRID_FILE = 0,		/* any file (ptce checklist check): never reviewed on */
	GRID_SYSTEM,		/* the host's system grid directory */
	GRID_INSTALLED,		/* a version an admin installed, from the database */
};

/* The most points a grid may weigh in all: a larger (or non-finite) total
 * is a mistake or a forgery, refused with where it comes from. */
#define CHECKLIST_MAX_POINTS 1000.0

struct checklist {
	char *path;		/* the file it came from (or a name) */
	enum grid_origin origin;
	char *id;		/* "phase2" */
	char *version;		/* free text given by the author, or NULL */
	char *title, *title_en;
	int phase;		/* 1 or 2 */
	int reviews_required;	/* submitted reviews a decision needs (>= 1) */
	int blind;		/* others' reviews hidden until you submitted yours */
	double divergence;	/* scale steps (max - min) that flag a divergence; 0 = off */
	double total;		/* declared total of points; 0 when not declared */
	double points_sum;	/* sum of the criteria's points */
	struct section *sections;
	size_t n_sections;
	struct criterion *crit;	/* every criterion, in file order */
	size_t n_crit;
	struct band *bands;	/* highest min first; the last has min 0 */
	size_t n_bands;
	int favourable;		/* index of the band phase2 -> funded needs; -1 none */
	char **tie_territories;	/* territory_type codes that come first (NULL-terminated) */
	char **tie_criteria;	/* then higher mean on these criteria (NULL-terminated) */
	char *hash;		/* 16 hex digits: FNV-1a 64 of the file's bytes */
	char *text;		/* the file's bytes (stored with each grid version) */
	int shared;		/* holders besides the first (a stored version handed
				 * out again, grid_version.h); checklist_free counts down */
};

/* checklist_load_file - read and validate one grid file. On any error
 * nothing is returned and e says "file:line:col: what was found, what was
 * expected". */
int checklist_load_file(const char *path, struct checklist **out, struct perr *e);
/* checklist_load_string - the same from memory (a stored grid version);
 * name is used in messages. */
int checklist_load_string(const char *name, const char *text, size_t len,
			  struct checklist **out, struct perr *e);
/* checklist_free - drop the caller's hold on a grid and NULL the pointer;
 * the grid is freed when its last holder drops it. */
void checklist_free(struct checklist **g);

/* checklist_hash - FNV-1a 64-bit of the bytes as 16 lowercase hex digits
 * into buf[17]. Not cryptographic: it identifies a version, it does not
 * protect it. */
char *checklist_hash(const char *text, size_t len, char buf[static 17]);

#endif
