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

/* import_timestamp - a time as the platform or a spreadsheet writes it into
 * UTC "YYYY-MM-DDTHH:MM:SSZ" (out has 21 bytes): "2025-03-12 10:31:00 +0100",
 * "2025-03-12T10:31:00+01:00", "... UTC"; without an offset
 * ("2025-03-12 10:31:00" from xlsx/ods, "12/03/2025 10:31", a bare date at
 * midnight) it is local time of zone (Europe/Paris when NULL), summer time
 * included. 0, or -1 when raw is not a time. */
int import_timestamp(const char *raw, const char *zone, char out[21]);
/* import_zone_restore - put TZ back as it was before import_timestamp read
 * local times (call once the import's times are read). */
void import_zone_restore(void);
/* import_split_files - the file names of a pièce justificative cell (joined
 * by ", " on the platform) as fresh strings in *out; how many. */
size_t import_split_files(const char *cell, char ***out);

#endif
