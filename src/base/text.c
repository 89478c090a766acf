/* text.c - UTF-8 decoding, display width and sanitising. Dossier text is
 * hostile until cleaned: no escape sequence may reach a terminal. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "base/err.h"
#include "base/text.h"

#define REPLACEMENT 0xFFFD

/* Decode one UTF-8 sequence; returns its byte length (>=1) and the code point
 * in *cp, or U+FFFD for an invalid or truncated sequence of length 1. */
static size_t utf8_decode(const unsigned char *s, size_t avail, uint32_t *cp)
{
	unsigned char c = s[0];
	size_t len;
	uint32_t v, min;

	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xC2 && c <= 0xDF) {
		len = 2; v = c & 0x1F; min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3; v = c & 0x0F; min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4; v = c & 0x07; min = 0x10000;
	} else {
		*cp = REPLACEMENT;
		return 1;
	}
	if (avail < len) {
		*cp = REPLACEMENT;
		return 1;
	}
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*cp = REPLACEMENT;
			return 1;
		}
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
		*cp = REPLACEMENT;
		return 1;
	}
	*cp = v;
	return len;
}

static size_t utf8_encode(uint32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	} else if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	} else if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Characters that change how a terminal lays out text: C0, DEL, C1, bidi
 * embeddings/overrides/isolates and marks, line/paragraph separators. */
static int is_dangerous(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) ||
	       cp == 0x061C || cp == 0x200E || cp == 0x200F ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	       cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF;
}

/* Process one code point for cleaning: returns what to emit, or 0 to drop. */
static uint32_t clean_cp(uint32_t cp, int flags)
{
	if (cp == '\n')
		return (flags & TEXT_KEEP_NEWLINES) ? '\n' : ' ';
	if (cp == '\t')
		return (flags & TEXT_KEEP_TABS) ? '\t' : ' ';
	if (cp == '\r')
		return 0;
	if (is_dangerous(cp))
		return 0;
	return cp;
}

char *text_clean(const char *s, int flags)
{
	if (!s)
		return xstrdup("");
	size_t n = strlen(s);
	char *out = xmalloc(n * 3 + 1);	/* one bad byte becomes 3 bytes of U+FFFD */
	size_t o = 0;
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		uint32_t cp;
		/* Printable ASCII is kept as it is: most of a French text,
		 * copied without decoding it. */
		if (p[i] >= 0x20 && p[i] < 0x7F) {
			out[o++] = (char)p[i++];
			continue;
		}
		/* An ESC starts a sequence: drop the CSI/OSC parameters too, so
		 * "\e[31m" does not leave "[31m" behind. */
		if (p[i] == 0x1B) {
			i++;
			if (i < n && p[i] == '[') {
				i++;
				while (i < n && p[i] >= 0x20 && p[i] <= 0x3F)
					i++;
				if (i < n && p[i] >= 0x40 && p[i] <= 0x7E)
					i++;
			} else if (i < n && p[i] == ']') {
				while (i < n && p[i] != 0x07 && p[i] != 0x1B)
					i++;
				if (i < n && p[i] == 0x07)
					i++;
				else if (i + 1 < n && p[i] == 0x1B && p[i + 1] == '\\')
					i += 2;
			} else if (i < n && p[i] >= 0x40 && p[i] <= 0x5F) {
				i++;
			}
			continue;
		}
		size_t len = utf8_decode(p + i, n - i, &cp);
		i += len;
		cp = clean_cp(cp, flags);
		if (cp)
			o += utf8_encode(cp, out + o);
	}
	out[o] = '\0';
	return out;
}

int text_is_clean(const char *s, int flags)
{
	char *c = text_clean(s, flags);
	int same = strcmp(c, s ? s : "") == 0;
	free(c);
	return same;
}

static int cp_width(uint32_t cp)
{
	/* Printable ASCII is one column in every locale: most of a French
	 * text, measured without the C library's tables. */
	if ((cp >= 0x20 && cp < 0x7F) || cp == '\t')
		return 1;
	int w = wcwidth((wchar_t)cp);
	if (w < 0)
		return cp == REPLACEMENT ? 1 : 0;
	return w;
}

size_t text_nwidth(const char *s, size_t n)
{
	size_t w = 0, i = 0;
	const unsigned char *p = (const unsigned char *)s;
	while (i < n && p[i]) {
		uint32_t cp;
		if (p[i] >= 0x20 && p[i] < 0x7F) {
			i++;	/* printable ASCII: one column */
			w++;
			continue;
		}
		i += utf8_decode(p + i, n - i, &cp);
		w += (size_t)cp_width(cp);
	}
	return w;
}

size_t text_width(const char *s)
{
	return s ? text_nwidth(s, strlen(s)) : 0;
}

size_t text_fit(const char *s, size_t cols, size_t *used)
{
	size_t w = 0, i = 0, n = strlen(s);
	const unsigned char *p = (const unsigned char *)s;
	while (i < n) {
		uint32_t cp;
		size_t len = utf8_decode(p + i, n - i, &cp);
		size_t cw = (size_t)cp_width(cp);
		if (w + cw > cols)
			break;
		w += cw;
		i += len;
	}
	if (used)
		*used = w;
	return i;
}

void text_pad(FILE *f, const char *s, size_t cols)
{
	char *c = text_clean(s, 0);
	size_t used;
	if (text_width(c) <= cols) {
		fputs(c, f);
		used = text_width(c);
	} else if (cols > 0) {
		size_t b = text_fit(c, cols - 1, &used);
		fwrite(c, 1, b, f);
		fputs("\xe2\x80\xa6", f);	/* … */
		used++;
	} else {
		used = 0;
	}
	for (; used < cols; used++)
		fputc(' ', f);
	free(c);
}

void text_pad_right(FILE *f, const char *s, size_t cols)
{
	char *c = text_clean(s, 0);
	size_t w = text_width(c);
	if (w > cols) {
		text_pad(f, c, cols);	/* too wide: cut like text_pad */
	} else {
		for (; w < cols; w++)
			fputc(' ', f);
		fputs(c, f);
	}
	free(c);
}

void text_put(FILE *f, const char *s)
{
	char *c = text_clean(s, 0);
	fputs(c, f);
	free(c);
}

size_t text_wrap(const char *s, size_t cols, size_t **starts, size_t **lens)
{
	size_t cap = 8, nl = 0, n = strlen(s);
	size_t *st = xmalloc(cap * sizeof *st), *ln = xmalloc(cap * sizeof *ln);
	size_t i = 0;
	if (cols == 0)
		cols = 1;

	for (;;) {
		/* one line starting at i */
		size_t line_start = i, w = 0, last_break = (size_t)-1, j = i;
		int hard = 0;
		while (j < n) {
			if (s[j] == '\n') {
				hard = 1;
				break;
			}
			uint32_t cp = (unsigned char)s[j];
			/* Printable ASCII: one byte, one column, not decoded. */
			size_t len = 1, cw = 1;
			if (cp < 0x20 || cp >= 0x7F) {
				len = utf8_decode((const unsigned char *)s + j, n - j, &cp);
				cw = (size_t)cp_width(cp);
			}
			if (w + cw > cols)
				break;
			if (cp == ' ')
				last_break = j;
			w += cw;
			j += len;
		}
		size_t end = j, next = j;
		if (hard) {
			next = j + 1;
		} else if (j < n) {
			if (s[j] == ' ') {
				next = j + 1;
			} else if (last_break != (size_t)-1 && last_break > line_start) {
				end = last_break;
				next = last_break + 1;
			} else if (j == line_start) {
				/* a character wider than the line: take it anyway */
				uint32_t cp;
				next = end = j + utf8_decode((const unsigned char *)s + j, n - j, &cp);
			}
		}
		if (nl == cap) {
			cap *= 2;
			st = xrealloc(st, cap * sizeof *st);
			ln = xrealloc(ln, cap * sizeof *ln);
		}
		/* trailing spaces do not count */
		while (end > line_start && s[end - 1] == ' ')
			end--;
		st[nl] = line_start;
		ln[nl] = end - line_start;
		nl++;
		i = next;
		if (i >= n && !hard)
			break;
		if (i >= n && hard) {
			/* text ending in a newline: keep the empty last line only if
			 * the newline was explicit in the middle */
			break;
		}
	}
	*starts = st;
	*lens = ln;
	return nl;
}

/* Fold a code point for search: lower case, Latin accents stripped. */
static uint32_t fold_cp(uint32_t cp)
{
	static const struct { uint32_t from, to; } map[] = {
		{0xE0, 'a'}, {0xE1, 'a'}, {0xE2, 'a'}, {0xE3, 'a'}, {0xE4, 'a'}, {0xE5, 'a'},
		{0xE7, 'c'}, {0xE8, 'e'}, {0xE9, 'e'}, {0xEA, 'e'}, {0xEB, 'e'},
		{0xEC, 'i'}, {0xED, 'i'}, {0xEE, 'i'}, {0xEF, 'i'}, {0xF1, 'n'},
		{0xF2, 'o'}, {0xF3, 'o'}, {0xF4, 'o'}, {0xF5, 'o'}, {0xF6, 'o'},
		{0xF9, 'u'}, {0xFA, 'u'}, {0xFB, 'u'}, {0xFC, 'u'}, {0xFD, 'y'}, {0xFF, 'y'},
		{0x153, 'o'},
		/* The platform writes "Côte d'Azur", French typography "Côte d’Azur". */
		{0x2018, '\''}, {0x2019, '\''}, {0x2BC, '\''},
	};
	cp = (uint32_t)towlower((wint_t)cp);
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (map[i].from == cp)
			return map[i].to;
	return cp;
}

static uint32_t *fold_string(const char *s, size_t *out_n)
{
	size_t n = strlen(s), k = 0, i = 0;
	uint32_t *v = xmalloc((n + 1) * sizeof *v);
	while (i < n) {
		uint32_t cp;
		i += utf8_decode((const unsigned char *)s + i, n - i, &cp);
		v[k++] = fold_cp(cp);
	}
	*out_n = k;
	return v;
}

int text_contains_fold(const char *hay, const char *needle)
{
	size_t hn, nn;
	if (!needle || !*needle)
		return 1;
	if (!hay)
		return 0;
	uint32_t *h = fold_string(hay, &hn), *q = fold_string(needle, &nn);
	int found = 0;
	for (size_t i = 0; !found && i + nn <= hn; i++)
		if (memcmp(h + i, q, nn * sizeof *q) == 0)
			found = 1;
	free(h);
	free(q);
	return found;
}

char *text_join(char *buf, size_t len, const char *sep, const char *word)
{
	if (*buf)
		strncat(buf, sep, len - strlen(buf) - 1);
	strncat(buf, word, len - strlen(buf) - 1);
	return buf;
}

char *text_join_all(char *buf, size_t len, const char *sep, const char *const *words)
{
	buf[0] = '\0';
	for (size_t i = 0; words[i]; i++)
		text_join(buf, len, sep, words[i]);
	return buf;
}
