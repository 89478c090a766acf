/* paper.h - what the printed documents share: the reader's labels of grid
 * texts, the foot of each document, and the hook that prints the head of
 * the audit hash chain once the audit module exists. */
#ifndef PTCE_PAPER_H
#define PTCE_PAPER_H

#include "base/fmt.h"
#include "procedure/actor.h"
#include "review/checklist.h"
#include "store/store.h"

/* paper_audit_head - the head of the audit hash chain as a fresh string, or
 * NULL when there is none. NULL until the audit module sets it (one line
 * where the program starts: paper_audit_head = audit_head_text;); the fiche
 * and the report then print it in their foot. */
extern char *(*paper_audit_head)(struct store *s);

/* paper_footer - "Printed on 21/11/2026 14:05 by Claire Martin (cmartin)",
 * plus the audit chain head when paper_audit_head gives one; fresh. */
char *paper_footer(struct store *s, const struct actor *a, enum fmt_lang l);
/* paper_crit_label - a criterion's label in l (French label, English one
 * when l is English and the grid has it). */
const char *paper_crit_label(const struct criterion *c, enum fmt_lang l);
/* paper_band_label - the same for a band (NULL: NULL). */
const char *paper_band_label(const struct band *b, enum fmt_lang l);
/* paper_grid_title - the same for a grid's title. */
const char *paper_grid_title(const struct checklist *g, enum fmt_lang l);
/* paper_region - "Grand Est (44)", the code alone when unknown, "—" for none. */
char *paper_region(const char *code, char *buf, size_t len);

#endif
