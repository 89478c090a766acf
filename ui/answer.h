/* answer.h - a criterion's answer as the interface shows it: gate answers
 * and option labels in the reader's language, a box of fixed width cut with
 * "…", the keys that answer a gate. */
#ifndef PTCE_UI_ANSWER_H
#define PTCE_UI_ANSWER_H

#include <stddef.h>

#include "keys/keys.h"
#include "review/checklist.h"
#include "review/review.h"

/* answer_box_width - the columns of the answer box for grid g: 8 at least,
 * the widest gate answer or option label, at most 16. */
int answer_box_width(const struct checklist *g);
/* answer_box - "[oui]", "[3/4]", "[ ]" in exactly w columns into buf: a
 * label too long ends with "…" inside the brackets. */
void answer_box(const struct criterion *c, const struct answer *a, int w, char *buf, size_t len);
/* answer_gate_keys - the keys answering a gate, yes no check, as "y n ?"
 * ("o n ?" in French, where "o" is bound with "y"); returns buf. */
const char *answer_gate_keys(const struct keymap *km, char *buf, size_t len);

#endif
