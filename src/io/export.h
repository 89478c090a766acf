/* export.h - dossiers out as CSV (plain, or as French spreadsheets expect) or
 * JSON, with stable machine headers: the field column names of dossier.h. */
#ifndef PTCE_EXPORT_H
#define PTCE_EXPORT_H

#include <stddef.h>
#include <stdio.h>

#include "base/err.h"
#include "procedure/dossier.h"
#include "store/store.h"

enum export_format { EXPORT_CSV, EXPORT_JSON };


/* export_ids - internal ids of the dossiers matching f (NULL: all), in the
 * order of dossier_list (platform number). *ids is allocated, never NULL. */
int export_ids(struct store *s, const struct dossier_filter *f,
	       long long **ids, size_t *n_ids, struct perr *e);

/* export_rows - write the dossiers ids (in that order; NULL: every dossier)
 * to out: one CSV row or JSON object per dossier. Columns: ds_number, state,
 * state_since, days_in_state, the other fields in dossier_fields[] order,
 * campaign, complements_due. excel (CSV only): UTF-8 BOM, ';' and CRLF,
 * and a cell that a spreadsheet would run as a formula starts with "'".
 * Text is cleaned of control characters; long texts keep their newlines. */
int export_rows(struct store *s, FILE *out, enum export_format fmt, int excel,
		const long long *ids, size_t n_ids, struct perr *e);

#endif
