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

/* Values for a reader: dates, amounts and decimals the way the reader's
 * language writes them. Every date, amount and decimal a person reads on
 * paper goes through these (never "%.2f" or strftime by hand). */
enum fmt_lang {
	FMT_READER = -1,	/* the language of the catalogue in use */
	FMT_EN = 0,		/* ISO-like dates, decimal point */
	FMT_FR = 1		/* 21/11/2026, 100 000 €, 83,75 */
};

/* fmt_reader_lang - FMT_FR when the French catalogue answers (a French
 * session: LANGUAGE, LC_MESSAGES or LANG fr), else FMT_EN: values follow
 * the language the words are read in. */
enum fmt_lang fmt_reader_lang(void);
/* fmt_date - a date "YYYY-MM-DD" (kept as the day it names) or a UTC time
 * "YYYY-MM-DDTHH:MM:SSZ" (its local day) as "21/11/2026" in French,
 * "2026-11-21" in English; other text is copied. Returns buf. */
char *fmt_date(enum fmt_lang l, const char *s, char *buf, size_t len);
/* fmt_datetime - a UTC time as local "21/11/2026 14:05" ("2026-11-21 14:05"
 * in English); a bare date as fmt_date; other text is copied. */
char *fmt_datetime(enum fmt_lang l, const char *s, char *buf, size_t len);
/* fmt_today - today's local date as fmt_date writes it. */
char *fmt_today(enum fmt_lang l, char *buf, size_t len);
/* fmt_number - an integer with grouped digits: "12 345" (narrow no-break
 * space U+202F) in French, "12,345" in English. */
char *fmt_number(enum fmt_lang l, long long v, char *buf, size_t len);
/* fmt_decimal - v rounded to decimals places, digits grouped as
 * fmt_number, with a decimal comma in French ("83,75"), a point in
 * English; the C locale's LC_NUMERIC plays no part. */
char *fmt_decimal(enum fmt_lang l, double v, int decimals, char *buf, size_t len);
/* fmt_eur - euros in a message of the command line: fmt_amount in French,
 * "100 000 EUR" (grouped) or "100000 EUR" in English, as it always read. */
char *fmt_eur(enum fmt_lang l, long long eur, int grouped, char *buf, size_t len);
/* fmt_short - v in as few digits as "%g" writes it ("2.5", "100"), with a
 * decimal comma in French ("2,5"): points of a grid, weights. */
char *fmt_short(enum fmt_lang l, double v, char *buf, size_t len);
/* fmt_amount - euros: "100 000 €" (U+202F between groups, U+00A0 before
 * the sign) in French, "€100,000" in English. */
char *fmt_amount(enum fmt_lang l, long long eur, char *buf, size_t len);

#endif
