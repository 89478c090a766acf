/* normalize.h - a cell of an export turned into the form ptce stores: labels
 * into codes, French dates and numbers, region and département names. */
#ifndef PTCE_NORMALIZE_H
#define PTCE_NORMALIZE_H

#include <stddef.h>

#include "io/mapping.h"
#include "procedure/dossier.h"

/* import_normalize - a raw cell turned into the stored form of field fd:
 * translated through vals (and bools for yes/no fields), dates to
 * YYYY-MM-DD, region and département names to INSEE codes, blanks and
 * thousands separators out of numbers. Returns a new string or NULL (empty). */
char *import_normalize(const struct field_def *fd, int field,
		       const struct map_value *vals, size_t n_vals,
		       const struct map_value *bools, size_t n_bools,
		       const char *raw);

#endif
