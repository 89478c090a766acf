/* normalize.c - cells of an export into stored values: what DS and spreadsheets
 * write ("100 000 €", "12/03/2024", "Grand Est") becomes what fields accept. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

/* The yes/no words the platform writes: "Oui"/"Non" (yes/no fields),
 * "true"/"false" (its own columns), "on"/"off" (checkboxes). */
static const char *platform_bool(const char *v)
{
	static const char *const yes[] = {"oui", "true", "on", "1", "yes", NULL};
	static const char *const no[] = {"non", "false", "off", "0", "no", NULL};
	for (size_t i = 0; yes[i]; i++)
		if (fold_eq(v, yes[i]))
			return "1";
	for (size_t i = 0; no[i]; i++)
		if (fold_eq(v, no[i]))
			return "0";
	return NULL;
}

/* The platform writes a number left blank as 0: stored as empty. */
static char *blank_zero(char *v)
{
	char *end;
	if (*v && strtod(v, &end) == 0 && !*end && strspn(v, "0.") == strlen(v)) {
		free(v);
		return NULL;
	}
	return v;
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
	/* The platform writes "88 – Vosges" with an en dash; people a hyphen. */
	const char *dash = strstr(v, " - ");
	if (!dash)
		dash = strstr(v, " \xE2\x80\x93 ");
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
	if (!code && fd->type == FT_BOOL)
		code = platform_bool(v);
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
		/* "100000,00" or "95000.0": a whole number written with cents;
		 * "47500.5": euros with cents, kept to the nearest euro. */
		char *dot = strpbrk(v, ",.");
		if (dot && dot > v && strspn(dot + 1, "0") == strlen(dot + 1))
			*dot = '\0';
		else if (dot && dot > v && dot[1] && strspn(dot + 1, "0123456789") == strlen(dot + 1) &&
			 strspn(v, "0123456789") == (size_t)(dot - v) && dot - v < 16) {
			long long whole = strtoll(v, NULL, 10) + (dot[1] >= '5');
			snprintf(v, strlen(v) + 1, "%lld", whole);
		}
		return blank_zero(v);
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
		return blank_zero(v);
	}
	default:
		return v;
	}
}

/* -------------------------------------------------------------- times --- */

/* The zone mktime reads while an import runs, and TZ as it was before. */
static struct {
	int switched;
	char *saved;
	char zone[128];
} tzs;

static void zone_use(const char *zone)
{
	if (tzs.switched && strcmp(tzs.zone, zone) == 0)
		return;
	if (!tzs.switched) {
		const char *old = getenv("TZ");
		tzs.saved = old ? xstrdup(old) : NULL;
		tzs.switched = 1;
	}
	snprintf(tzs.zone, sizeof tzs.zone, "%s", zone);
	setenv("TZ", zone, 1);
	tzset();
}

void import_zone_restore(void)
{
	if (!tzs.switched)
		return;
	if (tzs.saved)
		setenv("TZ", tzs.saved, 1);
	else
		unsetenv("TZ");
	tzset();
	free(tzs.saved);
	memset(&tzs, 0, sizeof tzs);
}

/* n digits at p as a number, or -1. */
static int digits(const char *p, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '9')
			return -1;
		v = v * 10 + (p[i] - '0');
	}
	return v;
}

/* The date at the start of p: "YYYY-MM-DD" or "DD/MM/YYYY"; the length read
 * or 0. */
static int read_date(const char *p, struct tm *tm)
{
	int y, m, d;
	if ((y = digits(p, 4)) >= 0 && p[4] == '-' && (m = digits(p + 5, 2)) >= 0 && p[7] == '-' &&
	    (d = digits(p + 8, 2)) >= 0)
		;
	else if ((d = digits(p, 2)) >= 0 && p[2] == '/' && (m = digits(p + 3, 2)) >= 0 &&
		 p[5] == '/' && (y = digits(p + 6, 4)) >= 0)
		;
	else
		return 0;
	static const int days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > days[m - 1] ||
	    (m == 2 && d == 29 && !leap))
		return 0;	/* 31/02 is no day, whatever mktime would make of it */
	tm->tm_year = y - 1900;
	tm->tm_mon = m - 1;
	tm->tm_mday = d;
	return 10;
}

/* " 10:31", " 10:31:00", "T10:31:00.123": the length read, 0 for none, -1
 * for a malformed time. */
static int read_clock(const char *p, struct tm *tm)
{
	if (*p != ' ' && *p != 'T')
		return 0;
	int h = digits(p + 1, 2), mi = p[3] == ':' ? digits(p + 4, 2) : -1, sec = 0, n = 6;
	if (h < 0 || mi < 0 || h > 23 || mi > 59)
		return -1;
	if (p[6] == ':') {
		if ((sec = digits(p + 7, 2)) < 0 || sec > 60)
			return -1;
		n = 9;
		if (p[9] == '.' || p[9] == ',')
			for (n = 10; p[n] >= '0' && p[n] <= '9'; n++)
				;
	}
	tm->tm_hour = h;
	tm->tm_min = mi;
	tm->tm_sec = sec;
	return n;
}

/* What follows the clock: " +0100", "+01:00", "Z", " UTC": *offset in
 * seconds east of UTC; 1 with an offset, 0 without, -1 for anything else. */
static int read_offset(const char *p, long *offset)
{
	if (*p == ' ')
		p++;
	if (!*p)
		return 0;
	if (!strcmp(p, "Z") || !strcmp(p, "UTC") || !strcmp(p, "GMT")) {
		*offset = 0;
		return 1;
	}
	if (*p != '+' && *p != '-')
		return -1;
	int h = digits(p + 1, 2), m = p[3] == ':' ? digits(p + 4, 2) : digits(p + 3, 2);
	size_t len = p[3] == ':' ? 6 : 5;
	if (h < 0 || m < 0 || h > 14 || m > 59 || strlen(p) != len)
		return -1;
	*offset = (h * 3600L + m * 60L) * (*p == '-' ? -1 : 1);
	return 1;
}

int import_timestamp(const char *raw, const char *zone, char out[21])
{
	char *v = csv_trimmed(raw ? raw : "");
	struct tm tm = {0};
	long offset = 0;
	int rc = -1, n = read_date(v, &tm), c = n ? read_clock(v + n, &tm) : -1;
	int has = c >= 0 ? read_offset(v + n + c, &offset) : -1;
	time_t t = (time_t)-1;
	if (has == 1) {
		t = timegm(&tm) - offset;
	} else if (has == 0) {
		zone_use(zone ? zone : "Europe/Paris");
		tm.tm_isdst = -1;
		t = mktime(&tm);
	}
	struct tm u;
	if (t != (time_t)-1 && gmtime_r(&t, &u) &&
	    strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &u) == 20)
		rc = 0;
	free(v);
	return rc;
}

size_t import_split_files(const char *cell, char ***out)
{
	*out = NULL;
	size_t n = 0;
	char *v = csv_trimmed(cell ? cell : "");
	/* The platform joins the names of a piece's files with ", ". */
	for (char *p = v, *next; p && *p; p = next) {
		char *sep = strstr(p, ", ");
		next = sep ? sep + 2 : NULL;
		if (sep)
			*sep = '\0';
		char *name = csv_trimmed(p);
		for (size_t l = strlen(name); l && name[l - 1] == ','; l--)
			name[l - 1] = '\0';
		if (!*name) {
			free(name);
			continue;
		}
		*out = xrealloc(*out, (n + 1) * sizeof **out);
		(*out)[n++] = name;
	}
	free(v);
	return n;
}
