/* fmt.c - CSV and JSON output helpers shared by list, export and ranking. */
#include <csv.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/fmt.h"
#include "base/text.h"

void fmt_csv_text(FILE *f, const char *s, int flags, char sep, int first)
{
	char *c = text_clean(s ? s : "", flags & (TEXT_KEEP_NEWLINES | TEXT_KEEP_TABS));
	if (!first)
		fputc(sep, f);
	/* Quote whenever the field could be misread: separator, quote, newline
	 * or leading/trailing space. */
	if ((flags & FMT_CSV_QUOTE_ALL) || strpbrk(c, "\",;\n\r") || (c[0] == ' ') ||
	    (c[0] && c[strlen(c) - 1] == ' '))
		csv_fwrite(f, c, strlen(c));
	else
		fputs(c, f);
	free(c);
}

void fmt_csv_field(FILE *f, const char *s, char sep, int first)
{
	fmt_csv_text(f, s, TEXT_KEEP_NEWLINES, sep, first);
}

void fmt_json_text(FILE *f, const char *s, int flags)
{
	char *c = text_clean(s ? s : "", flags);
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)c; *p; p++) {
		switch (*p) {
		case '"': fputs("\\\"", f); break;
		case '\\': fputs("\\\\", f); break;
		case '\n': fputs("\\n", f); break;
		case '\t': fputs("\\t", f); break;
		default:
			/* Cleaning leaves no other control character (no CR, DEL
			 * or C1 either); this keeps the literal valid JSON should
			 * that ever change. */
			if (*p < 0x20)
				fprintf(f, "\\u%04x", *p);
			else
				fputc(*p, f);
		}
	}
	fputc('"', f);
	free(c);
}

void fmt_json_string(FILE *f, const char *s)
{
	fmt_json_text(f, s, TEXT_KEEP_NEWLINES | TEXT_KEEP_TABS);
}

char *fmt_local_time(const char *utc, char *buf, size_t len)
{
	struct tm tm = {0};
	const char *end = utc ? strptime(utc, "%Y-%m-%dT%H:%M:%SZ", &tm) : NULL;
	if (!end || *end) {
		snprintf(buf, len, "%s", utc ? utc : "");
		return buf;
	}
	time_t t = timegm(&tm);
	struct tm lt;
	localtime_r(&t, &lt);
	strftime(buf, len, "%Y-%m-%d %H:%M", &lt);
	return buf;
}

char *fmt_grouped(long long v, const char *sep, char *buf, size_t len)
{
	char digits[24];
	/* The magnitude as unsigned: -LLONG_MIN does not fit a long long. */
	unsigned long long m = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
	int n = snprintf(digits, sizeof digits, "%llu", m);
	size_t o = 0, sl = strlen(sep);
	if (v < 0 && o + 1 < len)
		buf[o++] = '-';
	for (int j = 0; j < n && o + sl + 1 < len; j++) {
		if (j && (n - j) % 3 == 0) {
			memcpy(buf + o, sep, sl);
			o += sl;
		}
		buf[o++] = digits[j];
	}
	buf[o] = '\0';
	return buf;
}
