/* field.c - dossier and member fields as data, and the check of a value
 * against its field's definition (type, choices, bounds). */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/fmt.h"
#include "base/geo.h"
#include "base/i18n.h"
#include "base/text.h"
#include "procedure/field.h"

static const char *const stages[] = {"emergent", "existant", NULL};
static const char *const territory_types[] = {"rural", "urbain", "qpv", "outre-mer", NULL};
static const char *const phases[] = {"P1", "P2", "P1+P2", NULL};
const char *const bouquet_themes[] = {
	"mobilisation", "ingenierie", "recherche", "modele-economique", "cooperation-collectivites", NULL
};
const char *const member_categories[] = {
	"ess", "entreprise", "collectivite-epci", "recherche-enseignement", "formation",
	"citoyens", "autre", NULL
};
static const char *const commitments[] = {"lettre", "convention", "instance", NULL};

/* Shorthands: a field of type t, optional (OPT) or required (REQ); optional
 * free text; a choice among the codes of list. */
#define OPT(col, lbl, sec, t) {col, lbl, sec, t, 0, NULL, 0, 0}
#define REQ(col, lbl, sec, t) {col, lbl, sec, t, 1, NULL, 0, 0}
#define TXT(col, lbl, sec) OPT(col, lbl, sec, FT_TEXT)
#define CHOICE(col, lbl, sec, req, list) {col, lbl, sec, FT_CHOICE, req, list, 0, 0}

const struct field_def dossier_fields[DF_COUNT] = {
	[DF_DS_NUMBER] = REQ("ds_number", N_("Dossier number"), SEC_PLATFORM, FT_TEXT),
	[DF_DS_STATUS] = TXT("ds_status", N_("Platform status"), SEC_PLATFORM),
	[DF_DEPOSITED_AT] = OPT("deposited_at", N_("Submitted on"), SEC_PLATFORM, FT_DATE),
	[DF_LEAD_NAME] = REQ("lead_name", N_("Lead structure"), SEC_LEAD, FT_TEXT),
	[DF_LEAD_SIRET] = REQ("lead_siret", N_("SIRET"), SEC_LEAD, FT_SIRET),
	[DF_LEAD_LEGAL_FORM] = TXT("lead_legal_form", N_("Legal form"), SEC_LEAD),
	[DF_LEAD_ESUS] = OPT("lead_esus", N_("ESUS approval"), SEC_LEAD, FT_BOOL),
	[DF_LEAD_ADDRESS] = TXT("lead_address", N_("Address"), SEC_LEAD),
	[DF_REGION] = REQ("region_code", N_("Région"), SEC_LEAD, FT_REGION),
	[DF_DEPARTEMENT] = REQ("departement_code", N_("Département"), SEC_LEAD, FT_DEPT),
	[DF_LEGAL_REP] = TXT("legal_rep", N_("Legal representative"), SEC_LEAD),
	[DF_CONTACT_NAME] = TXT("contact_name", N_("Contact"), SEC_LEAD),
	[DF_CONTACT_EMAIL] = OPT("contact_email", N_("Contact e-mail"), SEC_LEAD, FT_EMAIL),
	[DF_CONTACT_PHONE] = OPT("contact_phone", N_("Contact phone"), SEC_LEAD, FT_PHONE),
	[DF_PTCE_NAME] = REQ("ptce_name", N_("PTCE name"), SEC_PTCE, FT_TEXT),
	[DF_STAGE] = CHOICE("stage", N_("Stage"), SEC_PTCE, 0, stages),
	[DF_TERRITORY] = TXT("territory", N_("Territory (EPCI, communes)"), SEC_PTCE),
	[DF_TERRITORY_TYPE] = CHOICE("territory_type", N_("Territory type"), SEC_PTCE, 0, territory_types),
	[DF_SECTORS] = TXT("sectors", N_("Sectors"), SEC_PTCE),
	[DF_THEMES] = TXT("themes", N_("Themes"), SEC_PTCE),
	[DF_PHASE_APPLIED] = CHOICE("phase_applied", N_("Phase applied for"), SEC_PTCE, 0, phases),
	[DF_BOUQUET_NEEDS] = {"bouquet_needs", N_("Bouquet needs"), SEC_PTCE, FT_LIST, 0, bouquet_themes, 0, 0},
	[DF_DESCRIPTION] = OPT("description", N_("Description"), SEC_PROJECT, FT_LONGTEXT),
	[DF_DIAGNOSIS] = OPT("diagnosis", N_("Territorial diagnosis"), SEC_PROJECT, FT_LONGTEXT),
	[DF_GOVERNANCE] = OPT("governance", N_("Governance"), SEC_PROJECT, FT_LONGTEXT),
	[DF_STAFF_FTE] = OPT("staff_fte", N_("Facilitation staff (FTE)"), SEC_PROJECT, FT_REAL),
	[DF_INDICATORS] = OPT("indicators", N_("Indicators"), SEC_PROJECT, FT_LONGTEXT),
	[DF_BUDGET] = {"budget_eur", N_("Budget (EUR)"), SEC_FINANCE, FT_INT, 0, NULL, 0, 100000000},
	[DF_AMOUNT_REQUESTED] = {"amount_requested_eur", N_("Amount requested (EUR)"), SEC_FINANCE, FT_INT, 0, NULL, 0, 100000000},
	[DF_COFUNDING] = OPT("cofunding", N_("Co-funding"), SEC_FINANCE, FT_LONGTEXT),
};

const struct field_def member_fields[MF_COUNT] = {
	[MF_NAME] = REQ("name", N_("Member"), SEC_PTCE, FT_TEXT),
	[MF_SIRET] = OPT("siret", N_("SIRET"), SEC_PTCE, FT_SIRET),
	[MF_CATEGORY] = CHOICE("category", N_("Category"), SEC_PTCE, 1, member_categories),
	[MF_ROLE] = TXT("role", N_("Role"), SEC_PTCE),
	[MF_COMMITMENT] = CHOICE("commitment", N_("Commitment"), SEC_PTCE, 0, commitments),
};

const char *section_label(enum dossier_section s)
{
	switch (s) {
	case SEC_PLATFORM: return _("Dossier");
	case SEC_LEAD: return _("Structure porteuse");
	case SEC_PTCE: return _("PTCE and territoire");
	case SEC_PROJECT: return _("Projet");
	case SEC_FINANCE: return _("Finances");
	case SEC_COUNT: break;
	}
	return "";
}

static const struct { const char *code, *label; } choice_labels[] = {
	{"emergent", N_("émergent")}, {"existant", N_("existant")},
	{"rural", N_("rural")}, {"urbain", N_("urbain")}, {"qpv", N_("QPV")},
	{"outre-mer", N_("outre-mer")}, {"P1", N_("phase 1")}, {"P2", N_("phase 2")},
	{"P1+P2", N_("phases 1 and 2")},
	{"mobilisation", N_("mobilisation et animation du territoire")},
	{"ingenierie", N_("ingénierie de projet")},
	{"recherche", N_("recherche et développement territorial")},
	{"modele-economique", N_("modèles économiques et financement")},
	{"cooperation-collectivites", N_("coopération avec les collectivités et EPCI")},
	{"ess", N_("ESS")}, {"entreprise", N_("entreprise")},
	{"collectivite-epci", N_("collectivité / EPCI")},
	{"recherche-enseignement", N_("recherche / enseignement")},
	{"formation", N_("formation")}, {"citoyens", N_("citoyens")}, {"autre", N_("autre")},
	{"lettre", N_("letter of commitment")}, {"convention", N_("agreement")},
	{"instance", N_("member of the governing body")},
};

const char *choice_label(const char *code)
{
	for (size_t i = 0; code && i < sizeof choice_labels / sizeof choice_labels[0]; i++)
		if (strcmp(choice_labels[i].code, code) == 0)
			return _(choice_labels[i].label);
	return code ? code : "";
}

/* Codes separated by commas, each by its label, joined by sep. */
static void list_labels(const char *v, const char *sep, char *buf, size_t len)
{
	buf[0] = '\0';
	char *copy = xstrdup(v), *save = NULL;
	for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		while (*t == ' ')
			t++;
		size_t l = strlen(buf);
		snprintf(buf + l, len - l, "%s%s", l ? sep : "", choice_label(t));
	}
	free(copy);
}

const char *field_show(const struct field_def *fd, const char *v, char *buf, size_t len)
{
	if (!v || !*v)
		return "";
	size_t n = strlen(fd->column);
	const char *name;
	switch (fd->type) {
	case FT_REGION:
	case FT_DEPT:
		name = fd->type == FT_REGION ? geo_region_name(v) : geo_dept_name(v);
		snprintf(buf, len, "%s (%s)", name ? name : v, v);
		return buf;
	case FT_BOOL:
		return strcmp(v, "1") == 0 || strcmp(v, "yes") == 0 ? _("yes") : _("no");
	case FT_CHOICE:
		return choice_label(v);
	case FT_LIST:
		list_labels(v, ", ", buf, len);
		return buf;
	case FT_INT:
		/* Amounts (a column in _eur) and counts the reader's way. */
		return n > 4 && strcmp(fd->column + n - 4, "_eur") == 0
			? fmt_amount(FMT_READER, strtoll(v, NULL, 10), buf, len)
			: fmt_number(FMT_READER, strtoll(v, NULL, 10), buf, len);
	case FT_REAL:
		return fmt_short(FMT_READER, strtod(v, NULL), buf, len);
	case FT_DATE:
		return fmt_date(FMT_READER, v, buf, len);
	default:
		return v;
	}
}

int dossier_field_by_column(const char *column)
{
	for (int i = 0; i < DF_COUNT; i++)
		if (strcmp(dossier_fields[i].column, column) == 0)
			return i;
	return -1;
}

int member_field_by_column(const char *column)
{
	for (int i = 0; i < MF_COUNT; i++)
		if (strcmp(member_fields[i].column, column) == 0)
			return i;
	return -1;
}

char *dossier_field_columns(void)
{
	char *cols = NULL;
	for (int i = 0; i < DF_COUNT; i++)
		xappendf(&cols, "%s%s", i ? ", " : "", dossier_fields[i].column);
	return cols;
}

/* The Luhn sum of the first n digits of s (-1 if one is not a digit): every
 * second digit from the right of a 14-digit SIRET doubled, i.e. the digits
 * at even positions from the left. */
static int luhn_sum(const char *s, int n)
{
	int sum = 0;
	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		int d = (s[i] - '0') * (i % 2 == 0 ? 2 : 1);
		sum += d > 9 ? d - 9 : d;
	}
	return sum;
}

int siret_valid(const char *s)
{
	int sum = s && strlen(s) == 14 ? luhn_sum(s, 14) : -1;
	return sum >= 0 && sum % 10 == 0;
}

char siret_check_digit(const char *s)
{
	int sum = luhn_sum(s, 13);
	return sum < 0 ? '?' : (char)('0' + (10 - sum % 10) % 10);
}

/* ---- validation ------------------------------------------------------- */

/* Write why, a translated message about the field's label and the value v,
 * and fail: the message of every check but bounds and choices. */
#define REFUSE(msg) (snprintf(why, whylen, msg, _(fd->label), v), -1)

static int check_int(const struct field_def *fd, const char *v, char *why, size_t whylen)
{
	char *end;
	errno = 0;
	long long n = strtoll(v, &end, 10);
	if (*end || errno)
		return REFUSE(_("%s must be a whole number, found '%s'"));
	if (fd->max > fd->min && (n < fd->min || n > fd->max)) {
		snprintf(why, whylen, _("%s must be between %lld and %lld, found %lld"),
			 _(fd->label), fd->min, fd->max, n);
		return -1;
	}
	return 0;
}

static int positive_number(const char *v)
{
	char *end;
	errno = 0;
	double d = strtod(v, &end);
	return !*end && !errno && !(d < 0);
}

static int valid_email(const char *v)
{
	const char *at = strchr(v, '@');
	return at && at != v && strchr(at, '.') && !strchr(v, ' ');
}

static int valid_date(const char *v)
{
	int y, m, d;
	char extra;
	if (strlen(v) < 10 || sscanf(v, "%4d-%2d-%2d%c", &y, &m, &d, &extra) < 3)
		return 0;
	return y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31 &&
	       (v[10] == '\0' || v[10] == 'T' || v[10] == ' ');
}

static int check_choice(const struct field_def *fd, const char *v, char *why, size_t whylen)
{
	char words[512] = "";
	for (size_t i = 0; fd->choices[i]; i++)
		if (strcmp(v, fd->choices[i]) == 0)
			return 0;
	for (size_t i = 0; fd->choices[i]; i++)
		text_join(words, sizeof words, ", ", fd->choices[i]);
	snprintf(why, whylen, _("%s: '%s' is not one of %s"), _(fd->label), v, words);
	return -1;
}

/* Comma-separated choices, each with spaces around it. */
static int check_list(const struct field_def *fd, const char *v, char *why, size_t whylen)
{
	char *copy = xstrdup(v), *save = NULL;
	int rc = 0;
	for (char *w = strtok_r(copy, ",", &save); w && rc == 0; w = strtok_r(NULL, ",", &save)) {
		while (*w == ' ')
			w++;
		char *end = w + strlen(w);
		while (end > w && end[-1] == ' ')
			*--end = '\0';
		rc = check_choice(fd, w, why, whylen);
	}
	free(copy);
	return rc;
}

/* A value that is not empty, against its type. */
static int check_value(const struct field_def *fd, const char *v, char *why, size_t whylen)
{
	switch (fd->type) {
	case FT_TEXT:
	case FT_LONGTEXT: return 0;
	case FT_INT: return check_int(fd, v, why, whylen);
	case FT_REAL: return positive_number(v) ? 0 : REFUSE(_("%s must be a positive number (use a dot: 1.5), found '%s'"));
	case FT_BOOL: return !strcmp(v, "0") || !strcmp(v, "1") ? 0 : REFUSE(_("%s must be 0 or 1, found '%s'"));
	case FT_SIRET:
		if (strlen(v) != 14 || strspn(v, "0123456789") != 14)
			return REFUSE(_("%s must be 14 digits, found '%s'"));
		return siret_valid(v) ? 0 : REFUSE(_("%s %s has a wrong checksum (Luhn); check it on the SIRENE notice"));
	case FT_EMAIL: return valid_email(v) ? 0 : REFUSE(_("%s is not an e-mail address: '%s'"));
	case FT_PHONE:
		return strspn(v, "0123456789 +.-()") == strlen(v) ? 0 : REFUSE(_("%s is not a phone number: '%s'"));
	case FT_CHOICE: return check_choice(fd, v, why, whylen);
	case FT_LIST: return check_list(fd, v, why, whylen);
	case FT_REGION:
		return geo_region_name(v) ? 0 : REFUSE(_("%s: '%s' is not an INSEE region code (e.g. 44 for Grand Est, 76 for Occitanie)"));
	case FT_DEPT:
		return geo_dept_name(v) ? 0 : REFUSE(_("%s: '%s' is not an INSEE département code (e.g. 67, 2A, 974)"));
	case FT_DATE: return valid_date(v) ? 0 : REFUSE(_("%s must be a date YYYY-MM-DD, found '%s'"));
	}
	return 0;
}

int field_validate(const struct field_def *fd, const char *v, char *why, size_t whylen)
{
	if (!v || !*v) {
		if (fd->required) {
			snprintf(why, whylen, _("%s is required"), _(fd->label));
			return -1;
		}
		return 0;
	}
	if (fd == &dossier_fields[DF_DS_NUMBER] && strspn(v, "0123456789") != strlen(v))
		/* The platform numbers dossiers with digits; anything else is a
		 * wrong column, and would end up in file names and screens. */
		return REFUSE(_("%s must be digits only (the platform's number), found '%s'"));
	return check_value(fd, v, why, whylen);
}

int field_same(const char *a, const char *b)
{
	if (!a || !*a)
		return !b || !*b;
	return b && strcmp(a, b) == 0;
}

int field_bind(sqlite3_stmt *st, int idx, const struct field_def *fd, const char *v)
{
	if (!v || !*v)
		return sqlite3_bind_null(st, idx);
	if (fd->type == FT_INT || fd->type == FT_BOOL)
		return sqlite3_bind_int64(st, idx, strtoll(v, NULL, 10));
	if (fd->type == FT_REAL)
		return sqlite3_bind_double(st, idx, strtod(v, NULL));
	return sqlite3_bind_text(st, idx, v, -1, SQLITE_TRANSIENT);
}
