/* history_text.h - a history entry shown in the reader's language: the
 * stored codes and parameters (base/kv.h) put into words at display time. */
#ifndef PTCE_HISTORY_TEXT_H
#define PTCE_HISTORY_TEXT_H

#include "procedure/history.h"

/* history_kind_label - the kind of an entry in the reader's language. */
const char *history_kind_label(const char *kind);
/* history_detail_text - what the entry's parameters say, as a sentence in
 * the reader's language (fresh), or NULL when it has none. */
char *history_detail_text(const struct history_entry *h);

#endif
