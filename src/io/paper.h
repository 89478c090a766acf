/* paper.h - what the printed documents share: the reader's labels of grid
 * texts, the foot of each document with the head of the audit hash chain. */
#ifndef PTCE_PAPER_H
#define PTCE_PAPER_H

#include "base/fmt.h"
#include "procedure/actor.h"
#include "review/checklist.h"
#include "store/store.h"

/* paper_footer - "Printed on 21/11/2026 14:05 by Claire Martin (cmartin)",
 * then "; audit chain head: SEQ:HASH" (ptce audit head); fresh. */
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
