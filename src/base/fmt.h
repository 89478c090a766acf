/* fmt.h - writing values: CSV fields (quoted by libcsv) and JSON strings
 * (text cleaned of control characters first), grouped digits, local times. */
#ifndef PTCE_FMT_H
#define PTCE_FMT_H

#include <stdio.h>

/* With the TEXT_KEEP_* flags of base/text.h: quote every CSV field, not only
 * those a reader could misread (what the export and the ranking write). */
enum { FMT_CSV_QUOTE_ALL = 0x100 };

/* fmt_csv_text - s cleaned by text_clean(s, flags & TEXT_KEEP_*) as one CSV
 * field, preceded by sep unless first; quoted (libcsv doubles the quotes)
 * when flags has FMT_CSV_QUOTE_ALL or the field could be misread. */
void fmt_csv_text(FILE *f, const char *s, int flags, char sep, int first);
/* fmt_csv_field - one CSV field, quoted when needed, preceded by sep unless first. */
void fmt_csv_field(FILE *f, const char *s, char sep, int first);
/* fmt_json_text - s cleaned by text_clean(s, flags) as a JSON string literal. */
void fmt_json_text(FILE *f, const char *s, int flags);
/* fmt_json_string - s as a JSON string literal (cleaned, newlines kept as \n). */
void fmt_json_string(FILE *f, const char *s);

/* fmt_grouped - v with its digits in groups of three joined by sep ("140 000"
 * with " ", or a no-break space), into buf; returns buf. */
char *fmt_grouped(long long v, const char *sep, char *buf, size_t len);

/* fmt_local_time - "YYYY-MM-DDTHH:MM:SSZ" (UTC) as local "YYYY-MM-DD HH:MM";
 * other text is copied. */
char *fmt_local_time(const char *utc, char *buf, size_t len);

#endif
