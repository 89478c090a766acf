/* text.h - display width and cleaning of text that came from outside.
 * Every column, truncation and wrap in ptce measures with text_width(). */
#ifndef PTCE_TEXT_H
#define PTCE_TEXT_H

#include <stddef.h>
#include <stdio.h>

enum {
	TEXT_KEEP_NEWLINES = 1,	/* keep \n (long texts); otherwise it becomes a space */
	TEXT_KEEP_TABS = 2	/* keep \t; otherwise it becomes a space */
};

/* text_clean - copy of s with control characters, escape sequences and bidi
 * overrides removed and invalid UTF-8 replaced by U+FFFD. Never NULL. */
char *text_clean(const char *s, int flags);
/* text_is_clean - true when text_clean(s, flags) would return s unchanged. */
int text_is_clean(const char *s, int flags);
/* text_width - display columns of a UTF-8 string (invalid bytes count 1). */
size_t text_width(const char *s);
/* text_nwidth - display columns of the first n bytes of s. */
size_t text_nwidth(const char *s, size_t n);
/* text_fit - bytes of s that fit in cols columns, whole characters only;
 * *used gets the columns they take (may be NULL). */
size_t text_fit(const char *s, size_t cols, size_t *used);
/* text_pad - print s cleaned, cut or padded with spaces to exactly cols
 * columns; a cut string ends with "…". */
void text_pad(FILE *f, const char *s, size_t cols);
/* text_pad_right - like text_pad, but aligned right in its columns. */
void text_pad_right(FILE *f, const char *s, size_t cols);
/* text_put - print s cleaned on one line (for CLI output). */
void text_put(FILE *f, const char *s);
/* text_wrap - break s (already clean) into lines of at most cols columns at
 * word boundaries; returns the number of lines, *starts and *lens are allocated
 * arrays of byte offsets and lengths. Explicit newlines are kept. */
size_t text_wrap(const char *s, size_t cols, size_t **starts, size_t **lens);
/* text_contains_fold - substring test ignoring case, accents and the kind of
 * apostrophe (' and ’ match). */
int text_contains_fold(const char *hay, const char *needle);
/* text_join - append word to the string in buf (len bytes), after sep unless
 * buf is empty; cut to fit. Returns buf. */
char *text_join(char *buf, size_t len, const char *sep, const char *word);
/* text_join_all - the NULL-terminated words joined by sep into buf (len
 * bytes), cut to fit: "a, b, c" for messages that list what is accepted. */
char *text_join_all(char *buf, size_t len, const char *sep, const char *const *words);

#endif
