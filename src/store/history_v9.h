/* history_v9.h - migration 9: the history's English sentences (the detail
 * column) rewritten as parameters (base/kv.h) that are put into words in
 * the reader's language, the rewritten rows sealed anew in the audit chain. */
#ifndef PTCE_HISTORY_V9_H
#define PTCE_HISTORY_V9_H

#include "base/err.h"
#include "store/store.h"

/* history_v9_params - the parameters of an English detail of kind (fresh);
 * a sentence not recognised is kept whole as text=. */
char *history_v9_params(const char *kind, const char *detail);
/* history_v9_apply - rewrite every detail, with the append-only and audit
 * triggers of history set aside and re-created within the transaction. */
int history_v9_apply(struct store *s, struct perr *e);

#endif
