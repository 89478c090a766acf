/* letter.c - drafting a decision letter: the last decision decides the
 * template; the template is checked whole before anything is filled, so an
 * unknown field is refused with its line, never printed half-replaced.
 * Letters go to applicants in French: values are written the French way
 * whatever the reader's session. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/file.h"
#include "base/geo.h"
#include "base/i18n.h"
#include "base/text.h"
#include "io/letter.h"
#include "procedure/access.h"
#include "procedure/dossier.h"
#include "procedure/procedure.h"
#include "store/stmt.h"

const char *const letter_fields[] = {
	"date", "region", "departement", "campaign", "dossier", "ptce", "lead", "lead_address",
	"legal_rep", "contact", "contact_email", "bouquet_needs", "decision_date", "motivation",
	"amount_per_year", "years", "amount_total", "validation_ref", "validation_date",
	"signatory", "signatory_org", NULL
};

enum { TEMPLATE_MAX = 256 * 1024 };

/* The letter's template for each decision (from -> to). */
static const struct {
	const char *from, *to, *name;
} letter_kinds[] = {
	{"phase1", "bouquet", "retained-phase1"},
	{"phase1", "rejected", "not-retained"},
	{"submitted", "rejected", "not-retained"},
	{"phase2", "bouquet", "not-retained-phase2"},
	{"phase2", "funded", "laureate"},
};

/* The last decision of a dossier. */
struct decision {
	char *from, *to, *at, *motivation;
};

static void decision_clear(struct decision *d)
{
	free(d->from);
	free(d->to);
	free(d->at);
	free(d->motivation);
}

static int last_decision(struct store *s, long long id, struct decision *d, struct perr *e)
{
	memset(d, 0, sizeof *d);
	sqlite3_stmt *st = stmt_query(s, e,
		"SELECT from_state, to_state, at, motivation FROM history WHERE dossier_id = ?"
		" AND from_state IS NOT NULL AND to_state IS NOT NULL ORDER BY id DESC LIMIT 1", "I", id);
	if (!st)
		return -1;
	int rc = stmt_next(s, &st, e, _("reading the last decision"));
	if (rc == 1) {
		stmt_columns(st, "tttn", &d->from, &d->to, &d->at, &d->motivation);
		stmt_done(&st);
	}
	return rc;
}

int letter_template_name(struct store *s, long long id, const char **name, struct perr *e)
{
	struct decision d;
	int rc = last_decision(s, id, &d, e);
	if (rc < 0)
		return -1;
	*name = NULL;
	for (size_t i = 0; rc == 1 && i < sizeof letter_kinds / sizeof letter_kinds[0]; i++)
		if (strcmp(letter_kinds[i].from, d.from) == 0 && strcmp(letter_kinds[i].to, d.to) == 0)
			*name = letter_kinds[i].name;
	if (!*name && rc == 1)
		perr_set(e, P_REFUSED, _("the last decision on this dossier (%s → %s) is notified by no letter; letters notify a phase 1 decision, a phase 2 refusal and a funding"),
			 state_label(d.from), state_label(d.to));
	else if (!*name)
		perr_set(e, P_REFUSED, "%s", _("no decision has been taken on this dossier yet: there is nothing to notify"));
	decision_clear(&d);
	return *name ? 0 : -1;
}

/* ---- the template ---- */

static int field_index(const char *name, size_t len)
{
	for (int i = 0; letter_fields[i]; i++)
		if (strlen(letter_fields[i]) == len && strncmp(letter_fields[i], name, len) == 0)
			return i;
	return -1;
}

/* Check every {{field}} of text (the file path, for messages). */
static int check_text(const char *path, const char *text, struct perr *e)
{
	int line = 1;
	const char *bol = text;
	for (const char *p = text; *p; p++) {
		if (*p == '\n') {
			line++;
			bol = p + 1;
			continue;
		}
		if (p == bol && *p == '#') {
			/* a comment: skipped up to its newline */
			p += strcspn(p, "\n") - 1;
			continue;
		}
		if (strncmp(p, "{{", 2) != 0)
			continue;
		const char *end = strstr(p + 2, "}}"), *nl = strchr(p + 2, '\n');
		size_t col = text_nwidth(bol, (size_t)(p - bol)) + 1;
		if (!end || (nl && nl < end))
			return perr_set(e, P_INVALID, _("%s:%d:%zu: '{{' is not closed by '}}' on its line"), path, line, col);
		const char *n = p + 2;
		size_t len = (size_t)(end - n);
		while (len && *n == ' ')
			n++, len--;
		while (len && n[len - 1] == ' ')
			len--;
		if (field_index(n, len) < 0) {
			char known[1024];
			text_join_all(known, sizeof known, ", ", letter_fields);
			return perr_set(e, P_INVALID, _("%s:%d:%zu: unknown field '{{%.*s}}'; the fields are: %s (see ptce-letter(5))"),
					path, line, col, (int)len, n, known);
		}
		p = end + 1;
	}
	return 0;
}

static int read_template(const char *path, char **text, struct perr *e)
{
	size_t len;
	int rc = file_read(path, TEMPLATE_MAX, text, &len, e);
	if (rc == -2)
		return perr_set(e, P_INVALID, _("%s: a letter template is at most %d kB"), path, TEMPLATE_MAX / 1024);
	if (rc < 0)
		return -1;
	/* Saved on Windows: CR LF line ends read as LF. */
	char *w = *text;
	for (const char *r = *text; r < *text + len; r++)
		if (*r != '\r' || r[1] != '\n')
			*w++ = *r;
	*w = '\0';
	len = (size_t)(w - *text);
	if (strlen(*text) != len || !text_is_clean(*text, TEXT_KEEP_NEWLINES | TEXT_KEEP_TABS)) {
		free(*text);
		*text = NULL;
		return perr_set(e, P_INVALID, _("%s: a letter template is UTF-8 text without control characters"), path);
	}
	if (check_text(path, *text, e) < 0) {
		free(*text);
		*text = NULL;
		return -1;
	}
	return 0;
}

int letter_check(const char *path, struct perr *e)
{
	char *text = NULL;
	int rc = read_template(path, &text, e);
	free(text);
	return rc;
}

/* ---- the values ---- */

/* The funding of a laureate: its latest decision. */
static int funding(struct store *s, long long id, char **vals, struct perr *e)
{
	sqlite3_stmt *st = stmt_query(s, e,
		"SELECT amount_per_year_eur, years, validation_ref, validation_date FROM funding_decisions"
		" WHERE dossier_id = ? ORDER BY id DESC LIMIT 1", "I", id);
	if (!st)
		return -1;
	int rc = stmt_next(s, &st, e, _("reading the funding decision"));
	if (rc != 1)
		return rc;
	long long amount = sqlite3_column_int64(st, 0);
	int years = sqlite3_column_int(st, 1);
	char b[64];
	vals[field_index("amount_per_year", 15)] = xstrdup(fmt_amount(FMT_FR, amount, b, sizeof b));
	vals[field_index("years", 5)] = xasprintf("%d", years);
	vals[field_index("amount_total", 12)] = xstrdup(fmt_amount(FMT_FR, amount * years, b, sizeof b));
	vals[field_index("validation_ref", 14)] = xstrdup((const char *)sqlite3_column_text(st, 2));
	vals[field_index("validation_date", 15)] =
		xstrdup(fmt_date(FMT_FR, (const char *)sqlite3_column_text(st, 3), b, sizeof b));
	stmt_done(&st);
	return 0;
}

static void set(char **vals, const char *name, const char *v)
{
	int i = field_index(name, strlen(name));
	free(vals[i]);
	vals[i] = xstrdup(v ? v : "");
}

/* The bouquet themes asked for, as their labels. */
static char *themes(const char *codes)
{
	char *out = NULL, *copy = xstrdup(codes ? codes : ""), *save = NULL;
	for (char *w = strtok_r(copy, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
		while (*w == ' ')
			w++;
		xappendf(&out, "%s%s", out ? ", " : "", choice_label(w));
	}
	free(copy);
	return out ? out : xstrdup("");
}

static void dossier_values(const struct dossier *d, const struct actor *a, const struct decision *dec,
			   char **vals)
{
	char b[64];
	set(vals, "date", fmt_today(FMT_FR, b, sizeof b));
	set(vals, "region", d->f[DF_REGION] ? geo_region_name(d->f[DF_REGION]) : NULL);
	set(vals, "departement", d->f[DF_DEPARTEMENT] ? geo_dept_name(d->f[DF_DEPARTEMENT]) : NULL);
	set(vals, "campaign", d->campaign_name);
	set(vals, "dossier", d->f[DF_DS_NUMBER]);
	set(vals, "ptce", d->f[DF_PTCE_NAME]);
	set(vals, "lead", d->f[DF_LEAD_NAME]);
	set(vals, "lead_address", d->f[DF_LEAD_ADDRESS]);
	set(vals, "legal_rep", d->f[DF_LEGAL_REP]);
	set(vals, "contact", d->f[DF_CONTACT_NAME]);
	set(vals, "contact_email", d->f[DF_CONTACT_EMAIL]);
	char *t = themes(d->f[DF_BOUQUET_NEEDS]);
	set(vals, "bouquet_needs", t);
	free(t);
	set(vals, "decision_date", fmt_date(FMT_FR, dec->at, b, sizeof b));
	set(vals, "motivation", dec->motivation);
	set(vals, "signatory", a->display_name);
	set(vals, "signatory_org", a->organisation);
}

/* ---- filling ---- */

/* line with its fields replaced (a fresh string). */
static char *fill(const char *line, size_t len, char *const *vals)
{
	char *out = NULL;
	const char *p = line, *stop = line + len;
	xappendf(&out, "%s", "");
	while (p < stop) {
		const char *o = strstr(p, "{{");
		if (!o || o >= stop) {
			xappendf(&out, "%.*s", (int)(stop - p), p);
			break;
		}
		const char *c = strstr(o, "}}"), *n = o + 2;
		size_t l = (size_t)(c - n);
		while (l && *n == ' ')
			n++, l--;
		while (l && n[l - 1] == ' ')
			l--;
		int i = field_index(n, l);
		xappendf(&out, "%.*s%s", (int)(o - p), p, i >= 0 && vals[i] ? vals[i] : "");
		p = c + 2;
	}
	return out;
}

/* The template's lines as blocks: '#' a comment, '|' a line kept as
 * written, '>' one aligned right, other lines joined into paragraphs that
 * blank lines end; a blank line after kept lines is a blank line. */
enum last_block { LAST_NONE, LAST_PARA, LAST_LINE };

static void flush(struct doc *d, char **para, enum last_block *last)
{
	if (!*para)
		return;
	doc_para(d, *para, 0);
	free(*para);
	*para = NULL;
	*last = LAST_PARA;
}

static void render(struct doc *d, const char *text, char *const *vals)
{
	char *para = NULL;
	enum last_block last = LAST_NONE;
	int space = 0;		/* a blank line after kept lines, not written yet */
	for (const char *p = text; *p;) {
		size_t len = strcspn(p, "\n");
		const char *next = p + len + (p[len] == '\n');
		if (*p == '#') {
			/* a comment */
		} else if (strspn(p, " \t") >= len) {
			space = !para && last == LAST_LINE;
			flush(d, &para, &last);
		} else if (*p == '|' || *p == '>') {
			flush(d, &para, &last);
			if (last == LAST_PARA || space)
				doc_line(d, "", 0);
			char *l = fill(p + 1, len - 1, vals);
			doc_line(d, l[0] == ' ' ? l + 1 : l, *p == '>');
			free(l);
			last = LAST_LINE;
			space = 0;
		} else {
			char *l = fill(p, len, vals);
			xappendf(&para, "%s%s", para ? " " : "", l);
			free(l);
			space = 0;
		}
		p = next;
	}
	flush(d, &para, &last);
}

int letter_build(struct store *s, const struct actor *a, long long id, const char *ref,
		 const char *path, struct doc **out, struct perr *e)
{
	*out = NULL;
	struct dossier *dos = NULL;
	struct decision dec = {0};
	char *text = NULL, *vals[32] = {0};
	int rc = -1;
	if (access_require(s, a, id, ref, e) < 0 || read_template(path, &text, e) < 0 ||
	    dossier_load(s, id, &dos, e) < 0)
		goto done;
	int found = last_decision(s, id, &dec, e);
	if (found < 0)
		goto done;
	if (found == 0) {
		perr_set(e, P_REFUSED, "%s", _("no decision has been taken on this dossier yet: there is nothing to notify"));
		goto done;
	}
	dossier_values(dos, a, &dec, vals);
	if (strcmp(dec.to, "funded") == 0 && funding(s, id, vals, e) < 0)
		goto done;
	/* No title in the footer: the letter goes to the applicant. */
	*out = doc_new("", FMT_FR);
	render(*out, text, vals);
	rc = 0;
done:
	for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++)
		free(vals[i]);
	decision_clear(&dec);
	dossier_free(&dos);
	free(text);
	return rc;
}
