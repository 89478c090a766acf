/* fmt.h - writing values: CSV fields (quoted by libcsv) and JSON strings
 * (text cleaned of control characters first), grouped digits, local times. */
#ifndef PTCE_FMT_H
#define PTCE_FMT_H

#include <stdio.h>

/* fmt_csv_field - one CSV field, quoted when needed, preceded by sep unless first. */
void fmt_csv_field(FILE *f, const char *s, char sep, int first);
/* fmt_json_string - s as a JSON string literal (cleaned, newlines kept as \n). */
void fmt_json_string(FILE *f, const char *s);

/* fmt_grouped - v with its digits in groups of three joined by sep ("140 000"
 * with " ", or a no-break space), into buf; returns buf. */
char *fmt_grouped(long long v, const char *sep, char *buf, size_t len);

/* fmt_local_time - "YYYY-MM-DDTHH:MM:SSZ" (UTC) as local "YYYY-MM-DD HH:MM";
 * other text is copied. */
char *fmt_local_time(const char *utc, char *buf, size_t len);

#endif
