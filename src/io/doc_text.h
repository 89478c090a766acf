/* doc_text.h - a document as plain text that fits a width (80 columns on
 * paper and in a terminal: long texts and labels wrap, nothing is cut),
 * and its tables as CSV for a spreadsheet. */
#ifndef PTCE_DOC_TEXT_H
#define PTCE_DOC_TEXT_H

#include <stdio.h>

#include "io/doc.h"

/* doc_write_text - d as text no line of which is wider than width columns
 * (measured with text_width). */
void doc_write_text(FILE *f, const struct doc *d, size_t width);
/* doc_write_csv - every table of d as CSV lines: the section (the heading
 * above it), then the machine form of each cell (ISO dates, decimal point);
 * one heading line per table. */
void doc_write_csv(FILE *f, const struct doc *d);

#endif
