/* geo.h - INSEE codes of the régions and départements, with their names:
 * imports validate against them and every listing shows names next to codes. */
#ifndef PTCE_GEO_H
#define PTCE_GEO_H

#include <stddef.h>

struct geo_region {
	const char *code, *name;
};

struct geo_dept {
	const char *code, *name, *region;
};

/* The 18 régions (2016 map) and 101 départements, NULL-terminated. */
extern const struct geo_region geo_regions[];
extern const struct geo_dept geo_depts[];
/* How many régions and départements the tables hold (the NULL row aside). */
extern const size_t geo_n_regions, geo_n_depts;

/* geo_region_name - name of a région code, or NULL. */
const char *geo_region_name(const char *code);
/* geo_dept_name - name of a département code, or NULL. */
const char *geo_dept_name(const char *code);
/* geo_dept_region - region code of a département, or NULL. */
const char *geo_dept_region(const char *dept);

#endif
