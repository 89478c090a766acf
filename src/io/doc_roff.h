/* doc_roff.h - a document as groff source (the ms macros and tbl) for an
 * A4 PDF: titles, aligned fields, tables that repeat their heading on each
 * page, signature boxes, the title and page number in the footer. */
#ifndef PTCE_DOC_ROFF_H
#define PTCE_DOC_ROFF_H

#include <stdio.h>

#include "io/doc.h"

/* doc_write_roff - d as UTF-8 groff source for groff -k -ms -t: every text
 * escaped (no request or escape from a dossier ever reaches groff), the
 * no-break spaces of French typography kept unbreakable. */
void doc_write_roff(FILE *f, const struct doc *d);
/* roff_put - s escaped for a text line of groff (a leading dot or quote
 * neutralised, backslashes doubled, U+00A0 and U+202F as unbreakable
 * spaces). */
void roff_put(FILE *f, const char *s);

#endif
