/* normalize.c - cells of an export into stored values: what DS and spreadsheets
 * write ("100 000 €", "12/03/2024", "Grand Est") becomes what fields accept. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "base/geo.h"
#include "base/text.h"
#include "io/csv.h"
#include "io/normalize.h"

/* Equal ignoring case and accents ("oui" = "OUI", "emergent" = "Émergent"). */
static int fold_eq(const char *a, const char *b)
{
	return text_contains_fold(a, b) && text_contains_fold(b, a);
}

/* The code of a label: exact match first, then ignoring case and accents. */
static const char *translate(const struct map_value *vals, size_t n, int field, const char *v)
{
	for (size_t i = 0; i < n; i++)
		if (vals[i].field == field && strcmp(vals[i].label, v) == 0)
			return vals[i].code;
	for (size_t i = 0; i < n; i++)
		if (vals[i].field == field && fold_eq(vals[i].label, v))
			return vals[i].code;
	return NULL;
}

/* Remove blanks, no-break spaces (U+00A0, U+202F) and a euro sign: DS and
 * spreadsheets write "100 000 €". */
static void strip_number(char *s)
{
	char *o = s;
	for (char *p = s; *p;) {
		if (*p == ' ' || *p == '\t')
			p++;
		else if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0)
			p += 2;
		else if ((unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
			 (unsigned char)p[2] == 0xAF)
			p += 3;
		else if ((unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x82 &&
			 (unsigned char)p[2] == 0xAC)
			p += 3;
		else
			*o++ = *p++;
	}
	*o = '\0';
}

static int all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* "2024-03-12 10:31:00 +0100", "2024-03-12T10:31:00+01:00" and "12/03/2024"
 * (day first, French) become "2024-03-12"; anything else is left for
 * field_validate to refuse. The date is the one written, not moved to UTC:
 * a dossier deposited late on the 12th in Paris was deposited on the 12th. */
static char *normalize_date(char *v)
{
	size_t n = strlen(v);
	if (n >= 10 && all_digits(v, 4) && v[4] == '-' && all_digits(v + 5, 2) && v[7] == '-' &&
	    all_digits(v + 8, 2) && (n == 10 || v[10] == ' ' || v[10] == 'T')) {
		v[10] = '\0';
		return v;
	}
	if (n >= 10 && all_digits(v, 2) && v[2] == '/' && all_digits(v + 3, 2) && v[5] == '/' &&
	    all_digits(v + 6, 4) && (n == 10 || v[10] == ' ')) {
		char *out = xasprintf("%.4s-%.2s-%.2s", v + 6, v + 3, v);
		free(v);
		return out;
	}
	return v;
}

static const char *geo_name(const char *code, int dept)
{
	return dept ? geo_dept_name(code) : geo_region_name(code);
}

/* The code of the département (or région) named v, case and accents aside. */
static const char *geo_code_named(const char *v, int dept)
{
	if (dept) {
		for (size_t i = 0; geo_depts[i].code; i++)
			if (fold_eq(geo_depts[i].name, v))
				return geo_depts[i].code;
	} else {
		for (size_t i = 0; geo_regions[i].code; i++)
			if (fold_eq(geo_regions[i].name, v))
				return geo_regions[i].code;
	}
	return NULL;
}

/* "44", "44 - Grand Est" or "Grand Est" -> "44"; same for départements
 * ("67 - Bas-Rhin", "Bas-Rhin"). DS writes names, people write codes. */
static char *normalize_geo(char *v, int dept)
{
	const char *dash = strstr(v, " - ");
	if (dash) {
		char *code = xstrndup(v, (size_t)(dash - v));
		if (geo_name(code, dept)) {
			free(v);
			return code;
		}
		free(code);
	}
	if (geo_name(v, dept))
		return v;
	const char *code = geo_code_named(v, dept);
	if (!code)
		return v;
	free(v);
	return xstrdup(code);
}

static int is_list_sep(char c)
{
	return c == ',' || c == ';' || c == '\n';
}

/* A DS multiple choice ("Ingénierie de projet, Modèles économiques et
 * financement") into "ingenierie,modele-economique". Known labels are matched
 * first as whole prefixes, since a label may itself contain a comma. */
static char *normalize_list(const struct map_value *vals, size_t n_vals, int field, const char *v)
{
	size_t cap = strlen(v) * 2 + 16, len = 0;
	char *out = xmalloc(cap);
	out[0] = '\0';
	const char *p = v;
	for (;;) {
		while (*p && (is_list_sep(*p) || csv_is_blank(*p)))
			p++;
		if (!*p)
			break;
		const char *code = NULL;
		size_t used = 0;
		for (size_t i = 0; i < n_vals; i++) {
			size_t l = strlen(vals[i].label);
			if (vals[i].field == field && l > used && strncmp(p, vals[i].label, l) == 0 &&
			    (!p[l] || is_list_sep(p[l]) || csv_is_blank(p[l]))) {
				code = vals[i].code;
				used = l;
			}
		}
		char *item = NULL;
		if (!code) {
			while (p[used] && !is_list_sep(p[used]))
				used++;
			char *raw = xstrndup(p, used);
			item = csv_trimmed(raw);
			free(raw);
			code = translate(vals, n_vals, field, item);
			if (!code)
				code = item;
		}
		size_t cl = strlen(code);
		if (len + cl + 2 > cap) {
			cap = (len + cl + 2) * 2;
			out = xrealloc(out, cap);
		}
		if (len)
			out[len++] = ',';
		memcpy(out + len, code, cl + 1);
		len += cl;
		free(item);
		p += used;
	}
	if (!len) {
		free(out);
		return NULL;
	}
	return out;
}

char *import_normalize(const struct field_def *fd, int field,
		       const struct map_value *vals, size_t n_vals,
		       const struct map_value *bools, size_t n_bools,
		       const char *raw)
{
	char *v = csv_trimmed(raw ? raw : "");
	if (!*v) {
		free(v);
		return NULL;
	}
	if (fd->type == FT_LIST) {
		char *out = normalize_list(vals, n_vals, field, v);
		free(v);
		return out;
	}
	const char *code = translate(vals, n_vals, field, v);
	if (!code && fd->type == FT_BOOL)
		code = translate(bools, n_bools, -1, v);
	if (code) {
		free(v);
		return xstrdup(code);
	}
	switch (fd->type) {
	case FT_DATE:
		return normalize_date(v);
	case FT_REGION:
		return normalize_geo(v, 0);
	case FT_DEPT:
		return normalize_geo(v, 1);
	case FT_SIRET:
		strip_number(v);
		return v;
	case FT_INT: {
		strip_number(v);
		/* "100000,00" or "100000.00": a whole number written with cents. */
		char *dot = strpbrk(v, ",.");
		if (dot && dot > v && strspn(dot + 1, "0") == strlen(dot + 1))
			*dot = '\0';
		return v;
	}
	case FT_REAL: {
		strip_number(v);
		for (char *p = v; *p; p++)
			if (*p == ',')
				*p = '.';
		/* Store the number as SQLite will read it back ("2" -> "2.0"), so
		 * that re-importing the same file changes nothing. */
		char *end;
		errno = 0;
		double d = strtod(v, &end);
		if (*v && !*end && !errno) {
			char *s = sqlite3_mprintf("%!.15g", d);
			if (s) {
				free(v);
				v = xstrdup(s);
				sqlite3_free(s);
			}
		}
		return v;
	}
	default:
		return v;
	}
}
