/* fmt.c - CSV and JSON output helpers shared by list, export and ranking. */
#include <csv.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/fmt.h"
#include "base/i18n.h"
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

/* ---- values for a reader ---- */

#define NNBSP "\xe2\x80\xaf"	/* U+202F narrow no-break space: groups of digits */
#define NBSP "\xc2\xa0"		/* U+00A0 no-break space: before the euro sign */

enum fmt_lang fmt_reader_lang(void)
{
	/* TRANSLATORS: the code of this catalogue's language ("fr"): ptce writes
	 * dates, numbers and amounts the way that language does. */
	const char *code = C_("language code", "en");
	return strncmp(code, "fr", 2) == 0 ? FMT_FR : FMT_EN;
}

static enum fmt_lang lang_of(enum fmt_lang l)
{
	return l == FMT_READER ? fmt_reader_lang() : l;
}

/* s as a UTC time (*utc 1) or a bare date (*utc 0) into tm; 0, or -1 when
 * it is neither. */
static int parse_when(const char *s, struct tm *tm, int *utc)
{
	static const char *const utc_forms[] = {"%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%dT%H:%MZ",
		"%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", NULL};
	if (!s)
		return -1;
	for (int i = 0; utc_forms[i]; i++) {
		memset(tm, 0, sizeof *tm);
		const char *end = strptime(s, utc_forms[i], tm);
		if (end && !*end) {
			/* The forms without Z are local times already. */
			*utc = i < 2;
			return 0;
		}
	}
	memset(tm, 0, sizeof *tm);
	const char *end = strptime(s, "%Y-%m-%d", tm);
	*utc = 0;
	return end && !*end && strlen(s) == 10 ? 0 : -1;
}

/* tm, read as UTC when utc, as local time when not. */
static struct tm local_of(struct tm tm, int utc)
{
	if (!utc)
		return tm;
	time_t t = timegm(&tm);
	struct tm lt;
	localtime_r(&t, &lt);
	return lt;
}

char *fmt_date(enum fmt_lang l, const char *s, char *buf, size_t len)
{
	struct tm tm;
	int utc;
	if (parse_when(s, &tm, &utc) < 0) {
		snprintf(buf, len, "%s", s ? s : "");
		return buf;
	}
	tm = local_of(tm, utc);
	strftime(buf, len, lang_of(l) == FMT_FR ? "%d/%m/%Y" : "%Y-%m-%d", &tm);
	return buf;
}

char *fmt_datetime(enum fmt_lang l, const char *s, char *buf, size_t len)
{
	struct tm tm;
	int utc;
	if (parse_when(s, &tm, &utc) < 0 || strlen(s) == 10)
		return fmt_date(l, s, buf, len);
	tm = local_of(tm, utc);
	strftime(buf, len, lang_of(l) == FMT_FR ? "%d/%m/%Y %H:%M" : "%Y-%m-%d %H:%M", &tm);
	return buf;
}

char *fmt_today(enum fmt_lang l, char *buf, size_t len)
{
	time_t now = time(NULL);
	struct tm lt;
	localtime_r(&now, &lt);
	strftime(buf, len, lang_of(l) == FMT_FR ? "%d/%m/%Y" : "%Y-%m-%d", &lt);
	return buf;
}

char *fmt_number(enum fmt_lang l, long long v, char *buf, size_t len)
{
	return fmt_grouped(v, lang_of(l) == FMT_FR ? NNBSP : ",", buf, len);
}

char *fmt_eur(enum fmt_lang l, long long eur, int grouped, char *buf, size_t len)
{
	if (lang_of(l) == FMT_FR)
		return fmt_amount(l, eur, buf, len);
	char digits[48];
	if (grouped)
		fmt_grouped(eur, " ", digits, sizeof digits);
	else
		snprintf(digits, sizeof digits, "%lld", eur);
	snprintf(buf, len, "%s EUR", digits);
	return buf;
}

char *fmt_short(enum fmt_lang l, double v, char *buf, size_t len)
{
	snprintf(buf, len, "%g", v);
	char *dot = strchr(buf, '.');
	if (dot && lang_of(l) == FMT_FR)
		*dot = ',';
	return buf;
}

char *fmt_decimal(enum fmt_lang l, double v, int decimals, char *buf, size_t len)
{
	l = lang_of(l);
	if (decimals < 0)
		decimals = 0;
	if (decimals > 6)
		decimals = 6;
	/* Rounded as printf rounds (the same digits as "%.2f" in English), then
	 * whole digits and decimals apart: no locale, no "-0,00". */
	char raw[64];
	snprintf(raw, sizeof raw, "%.*f", decimals, isfinite(v) ? fabs(v) : 0.0);
	size_t nw = strspn(raw, "0123456789");
	const char *frac = raw[nw] ? raw + nw + 1 : "";
	char whole[48];
	fmt_number(l, strtoll(raw, NULL, 10), whole, sizeof whole);
	const char *sign = v < 0 && strspn(raw, "0.,") < strlen(raw) ? "-" : "";
	if (!decimals)
		snprintf(buf, len, "%s%s", sign, whole);
	else
		snprintf(buf, len, "%s%s%c%s", sign, whole, l == FMT_FR ? ',' : '.', frac);
	return buf;
}

char *fmt_amount(enum fmt_lang l, long long eur, char *buf, size_t len)
{
	char n[48];
	l = lang_of(l);
	fmt_number(l, eur, n, sizeof n);
	if (l == FMT_FR)
		snprintf(buf, len, "%s" NBSP "\xe2\x82\xac", n);
	else
		snprintf(buf, len, "\xe2\x82\xac%s", n);
	return buf;
}
