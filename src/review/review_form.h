/* review_form.h - the $EDITOR form: a plain-text rendering of a review that
 * a person edits and that is read back. */
#ifndef PTCE_REVIEW_FORM_H
#define PTCE_REVIEW_FORM_H

#include <stddef.h>
#include <stdio.h>

#include "base/err.h"
#include "review/checklist.h"
#include "review/review_read.h"
#include "review/review_write.h"

/* review_form_write - print r on grid g as an editable form to f. */
void review_form_write(FILE *f, const struct checklist *g, const struct review *r,
		       const char *ds_number, const char *ptce_name);
/* review_form_parse - read a form back: *in gets one input per criterion
 * found (strings point into a copy owned by *buf), *submit whether the
 * "submit: yes" line is set. An error names the line (P_INVALID). */
int review_form_parse(const struct checklist *g, const char *text, char **buf,
		      struct review_input **in, size_t *n, int *submit, struct perr *e);

#endif
