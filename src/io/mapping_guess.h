/* mapping_guess.h - headers compared as a person reads them (case, accents,
 * dashes and blanks aside): the closest headers of a file for a column it
 * lacks, and a starting mapping written from a file's headers. */
#ifndef PTCE_MAPPING_GUESS_H
#define PTCE_MAPPING_GUESS_H

#include <stddef.h>
#include <stdio.h>

#include "io/book.h"
#include "io/csv.h"
#include "io/mapping.h"

/* mapping_same_header - a and b are the same words, case, accents, dashes
 * and repeated blanks aside. */
int mapping_same_header(const char *a, const char *b);
/* mapping_closest - up to three headers of the tables nearest to want (edit
 * distance on folded text), quoted and joined by ", "; NULL when none is
 * near. A fresh string. */
char *mapping_closest(const char *want, const struct csv_table *const *tables, size_t n);
/* mapping_init_write - a starting mapping for the headers of every sheet of
 * b: a header that is (or nearly is) one known mapping uses becomes that
 * entry, marked "# guessed"; every other is written commented out. */
void mapping_init_write(FILE *out, const struct book *b, const struct import_mapping *known);

#endif
