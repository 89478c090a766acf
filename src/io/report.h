/* report.h - the report for the CRA meeting: counts per state and région,
 * overdue dossiers and compléments, the phase 2 classement, the envelope,
 * the decisions of the period and the reviews still missing by reviewer. */
#ifndef PTCE_REPORT_H
#define PTCE_REPORT_H

#include "base/err.h"
#include "io/doc.h"
#include "procedure/actor.h"
#include "store/store.h"

/* What the report covers. */
struct report_opts {
	const char *campaign;		/* a campaign's name, or NULL for all */
	const char *region;		/* a région INSEE code, or NULL for all */
	const char *since;		/* decisions from this day on (YYYY-MM-DD) */
	const int *overdue_days;	/* per index of procedure_states; 0: never overdue */
};

/* report_build - the report as a may read it (an expert, who sees only the
 * dossiers they were asked about, is refused), in language l, into *out.
 * An unknown campaign is P_NOTFOUND naming the known ones. */
int report_build(struct store *s, const struct actor *a, const struct report_opts *o,
		 enum fmt_lang l, struct doc **out, struct perr *e);

#endif
