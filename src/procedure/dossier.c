/* dossier.c - dossier fields as data, their validation, and reading and
 * writing dossiers, members and history in the store. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/geo.h"
#include "base/i18n.h"
#include "base/text.h"
#include "procedure/access.h"
#include "procedure/dossier.h"
#include "procedure/procedure.h"

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

#define TXT(col, lbl, sec) {col, lbl, sec, FT_TEXT, 0, NULL, 0, 0}
const struct field_def dossier_fields[DF_COUNT] = {
	[DF_DS_NUMBER] = {"ds_number", N_("Dossier number"), SEC_PLATFORM, FT_TEXT, 1, NULL, 0, 0},
	[DF_DS_STATUS] = TXT("ds_status", N_("Platform status"), SEC_PLATFORM),
	[DF_DEPOSITED_AT] = {"deposited_at", N_("Submitted on"), SEC_PLATFORM, FT_DATE, 0, NULL, 0, 0},
	[DF_LEAD_NAME] = {"lead_name", N_("Lead structure"), SEC_LEAD, FT_TEXT, 1, NULL, 0, 0},
	[DF_LEAD_SIRET] = {"lead_siret", N_("SIRET"), SEC_LEAD, FT_SIRET, 1, NULL, 0, 0},
	[DF_LEAD_LEGAL_FORM] = TXT("lead_legal_form", N_("Legal form"), SEC_LEAD),
	[DF_LEAD_ESUS] = {"lead_esus", N_("ESUS approval"), SEC_LEAD, FT_BOOL, 0, NULL, 0, 0},
	[DF_LEAD_ADDRESS] = TXT("lead_address", N_("Address"), SEC_LEAD),
	[DF_REGION] = {"region_code", N_("Région"), SEC_LEAD, FT_REGION, 1, NULL, 0, 0},
	[DF_DEPARTEMENT] = {"departement_code", N_("Département"), SEC_LEAD, FT_DEPT, 1, NULL, 0, 0},
	[DF_LEGAL_REP] = TXT("legal_rep", N_("Legal representative"), SEC_LEAD),
	[DF_CONTACT_NAME] = TXT("contact_name", N_("Contact"), SEC_LEAD),
	[DF_CONTACT_EMAIL] = {"contact_email", N_("Contact e-mail"), SEC_LEAD, FT_EMAIL, 0, NULL, 0, 0},
	[DF_CONTACT_PHONE] = {"contact_phone", N_("Contact phone"), SEC_LEAD, FT_PHONE, 0, NULL, 0, 0},
	[DF_PTCE_NAME] = {"ptce_name", N_("PTCE name"), SEC_PTCE, FT_TEXT, 1, NULL, 0, 0},
	[DF_STAGE] = {"stage", N_("Stage"), SEC_PTCE, FT_CHOICE, 0, stages, 0, 0},
	[DF_TERRITORY] = TXT("territory", N_("Territory (EPCI, communes)"), SEC_PTCE),
	[DF_TERRITORY_TYPE] = {"territory_type", N_("Territory type"), SEC_PTCE, FT_CHOICE, 0, territory_types, 0, 0},
	[DF_SECTORS] = TXT("sectors", N_("Sectors"), SEC_PTCE),
	[DF_THEMES] = TXT("themes", N_("Themes"), SEC_PTCE),
	[DF_PHASE_APPLIED] = {"phase_applied", N_("Phase applied for"), SEC_PTCE, FT_CHOICE, 0, phases, 0, 0},
	[DF_BOUQUET_NEEDS] = {"bouquet_needs", N_("Bouquet needs"), SEC_PTCE, FT_LIST, 0, bouquet_themes, 0, 0},
	[DF_DESCRIPTION] = {"description", N_("Description"), SEC_PROJECT, FT_LONGTEXT, 0, NULL, 0, 0},
	[DF_DIAGNOSIS] = {"diagnosis", N_("Territorial diagnosis"), SEC_PROJECT, FT_LONGTEXT, 0, NULL, 0, 0},
	[DF_GOVERNANCE] = {"governance", N_("Governance"), SEC_PROJECT, FT_LONGTEXT, 0, NULL, 0, 0},
	[DF_STAFF_FTE] = {"staff_fte", N_("Facilitation staff (FTE)"), SEC_PROJECT, FT_REAL, 0, NULL, 0, 0},
	[DF_INDICATORS] = {"indicators", N_("Indicators"), SEC_PROJECT, FT_LONGTEXT, 0, NULL, 0, 0},
	[DF_BUDGET] = {"budget_eur", N_("Budget (EUR)"), SEC_FINANCE, FT_INT, 0, NULL, 0, 100000000},
	[DF_AMOUNT_REQUESTED] = {"amount_requested_eur", N_("Amount requested (EUR)"), SEC_FINANCE, FT_INT, 0, NULL, 0, 100000},
	[DF_COFUNDING] = {"cofunding", N_("Co-funding"), SEC_FINANCE, FT_LONGTEXT, 0, NULL, 0, 0},
};

const struct field_def member_fields[MF_COUNT] = {
	[MF_NAME] = {"name", N_("Member"), SEC_PTCE, FT_TEXT, 1, NULL, 0, 0},
	[MF_SIRET] = {"siret", N_("SIRET"), SEC_PTCE, FT_SIRET, 0, NULL, 0, 0},
	[MF_CATEGORY] = {"category", N_("Category"), SEC_PTCE, FT_CHOICE, 1, member_categories, 0, 0},
	[MF_ROLE] = TXT("role", N_("Role"), SEC_PTCE),
	[MF_COMMITMENT] = {"commitment", N_("Commitment"), SEC_PTCE, FT_CHOICE, 0, commitments, 0, 0},
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

int siret_valid(const char *s)
{
	if (!s || strlen(s) != 14)
		return 0;
	int sum = 0;
	for (int i = 0; i < 14; i++) {
		if (!isdigit((unsigned char)s[i]))
			return 0;
		int d = s[i] - '0';
		/* Luhn from the right: every second digit doubled, i.e. the
		 * digits at even positions from the left of a 14-digit number. */
		if (i % 2 == 0) {
			d *= 2;
			if (d > 9)
				d -= 9;
		}
		sum += d;
	}
	return sum % 10 == 0;
}

static int in_list(const char *v, const char *const *list)
{
	for (size_t i = 0; list[i]; i++)
		if (strcmp(v, list[i]) == 0)
			return 1;
	return 0;
}

static void list_words(const char *const *list, char *buf, size_t len)
{
	buf[0] = '\0';
	for (size_t i = 0; list[i]; i++) {
		if (i)
			strncat(buf, ", ", len - strlen(buf) - 1);
		strncat(buf, list[i], len - strlen(buf) - 1);
	}
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

int field_validate(const struct field_def *fd, const char *v, char *why, size_t whylen)
{
	char words[512];
	if (!v || !*v) {
		if (fd->required) {
			snprintf(why, whylen, _("%s is required"), _(fd->label));
			return -1;
		}
		return 0;
	}
	if (fd == &dossier_fields[DF_DS_NUMBER] && strspn(v, "0123456789") != strlen(v)) {
		/* The platform numbers dossiers with digits; anything else is a
		 * wrong column, and would end up in file names and screens. */
		snprintf(why, whylen, _("%s must be digits only (the platform's number), found '%s'"),
			 _(fd->label), v);
		return -1;
	}
	switch (fd->type) {
	case FT_TEXT:
	case FT_LONGTEXT:
		return 0;
	case FT_INT: {
		char *end;
		errno = 0;
		long long n = strtoll(v, &end, 10);
		if (*end || errno) {
			snprintf(why, whylen, _("%s must be a whole number, found '%s'"), _(fd->label), v);
			return -1;
		}
		if (fd->max > fd->min && (n < fd->min || n > fd->max)) {
			snprintf(why, whylen, _("%s must be between %lld and %lld, found %lld"),
				 _(fd->label), fd->min, fd->max, n);
			return -1;
		}
		return 0;
	}
	case FT_REAL: {
		char *end;
		errno = 0;
		double d = strtod(v, &end);
		if (*end || errno || d < 0) {
			snprintf(why, whylen, _("%s must be a positive number (use a dot: 1.5), found '%s'"),
				 _(fd->label), v);
			return -1;
		}
		return 0;
	}
	case FT_BOOL:
		if (strcmp(v, "0") && strcmp(v, "1")) {
			snprintf(why, whylen, _("%s must be 0 or 1, found '%s'"), _(fd->label), v);
			return -1;
		}
		return 0;
	case FT_SIRET:
		if (strlen(v) != 14 || strspn(v, "0123456789") != 14) {
			snprintf(why, whylen, _("%s must be 14 digits, found '%s'"), _(fd->label), v);
			return -1;
		}
		if (!siret_valid(v)) {
			snprintf(why, whylen, _("%s %s has a wrong checksum (Luhn); check it on the SIRENE notice"),
				 _(fd->label), v);
			return -1;
		}
		return 0;
	case FT_EMAIL: {
		const char *at = strchr(v, '@');
		if (!at || at == v || !strchr(at, '.') || strchr(v, ' ')) {
			snprintf(why, whylen, _("%s is not an e-mail address: '%s'"), _(fd->label), v);
			return -1;
		}
		return 0;
	}
	case FT_PHONE:
		if (strspn(v, "0123456789 +.-()") != strlen(v)) {
			snprintf(why, whylen, _("%s is not a phone number: '%s'"), _(fd->label), v);
			return -1;
		}
		return 0;
	case FT_CHOICE:
		if (!in_list(v, fd->choices)) {
			list_words(fd->choices, words, sizeof words);
			snprintf(why, whylen, _("%s: '%s' is not one of %s"), _(fd->label), v, words);
			return -1;
		}
		return 0;
	case FT_LIST: {
		char *copy = xstrdup(v), *save = NULL;
		for (char *w = strtok_r(copy, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
			while (*w == ' ')
				w++;
			char *end = w + strlen(w);
			while (end > w && end[-1] == ' ')
				*--end = '\0';
			if (!in_list(w, fd->choices)) {
				list_words(fd->choices, words, sizeof words);
				snprintf(why, whylen, _("%s: '%s' is not one of %s"), _(fd->label), w, words);
				free(copy);
				return -1;
			}
		}
		free(copy);
		return 0;
	}
	case FT_REGION:
		if (!geo_region_name(v)) {
			snprintf(why, whylen, _("%s: '%s' is not an INSEE region code (e.g. 44 for Grand Est, 76 for Occitanie)"),
				 _(fd->label), v);
			return -1;
		}
		return 0;
	case FT_DEPT:
		if (!geo_dept_name(v)) {
			snprintf(why, whylen, _("%s: '%s' is not an INSEE département code (e.g. 67, 2A, 974)"),
				 _(fd->label), v);
			return -1;
		}
		return 0;
	case FT_DATE:
		if (!valid_date(v)) {
			snprintf(why, whylen, _("%s must be a date YYYY-MM-DD, found '%s'"), _(fd->label), v);
			return -1;
		}
		return 0;
	}
	return 0;
}

int dossier_find_id(struct store *s, const char *ref, long long *id, struct perr *e)
{
	sqlite3_stmt *st;
	if (ref[0] == '#') {
		st = store_prepare(s, "SELECT id FROM dossiers WHERE id = ?", e);
		if (!st)
			return -1;
		sqlite3_bind_int64(st, 1, strtoll(ref + 1, NULL, 10));
	} else {
		st = store_prepare(s, "SELECT id FROM dossiers WHERE ds_number = ?", e);
		if (!st)
			return -1;
		sqlite3_bind_text(st, 1, ref, -1, SQLITE_TRANSIENT);
	}
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
		return 0;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, e, _("looking up the dossier"));
	char *clean = text_clean(ref, 0);
	perr_set(e, P_NOTFOUND, _("no dossier numbered '%s'; 'ptce list' shows the numbers."), clean);
	free(clean);
	return -1;
}

void member_clear(struct member *m)
{
	for (int i = 0; i < MF_COUNT; i++) {
		free(m->f[i]);
		m->f[i] = NULL;
	}
}

void dossier_clear(struct dossier *d)
{
	if (!d)
		return;
	for (int i = 0; i < DF_COUNT; i++)
		free(d->f[i]);
	free(d->state);
	free(d->state_since);
	free(d->updated_at);
	free(d->campaign_name);
	free(d->complements_due);
	free(d->complements_note);
	for (size_t i = 0; i < d->n_members; i++)
		member_clear(&d->members[i]);
	free(d->members);
	for (size_t i = 0; i < d->n_documents; i++) {
		free(d->documents[i].kind);
		free(d->documents[i].title);
		free(d->documents[i].received_on);
	}
	free(d->documents);
	memset(d, 0, sizeof *d);
}

void dossier_free(struct dossier **d)
{
	if (!d || !*d)
		return;
	dossier_clear(*d);
	free(*d);
	*d = NULL;
}

/* "col1, col2, ..." of every dossier field, in table order. */
static char *field_columns(void)
{
	size_t len = 0;
	for (int i = 0; i < DF_COUNT; i++)
		len += strlen(dossier_fields[i].column) + 2;
	char *buf = xmalloc(len + 1), *p = buf;
	for (int i = 0; i < DF_COUNT; i++)
		p += sprintf(p, "%s%s", i ? ", " : "", dossier_fields[i].column);
	return buf;
}

int dossier_step_row(struct store *s, sqlite3_stmt *st, long long id, struct perr *e)
{
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		return 0;
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return perr_set(e, P_NOTFOUND, _("no dossier with internal id %lld"), id);
	return store_fail(s, e, _("reading the dossier"));
}

int dossier_load(struct store *s, long long id, struct dossier **out, struct perr *e)
{
	char *cols = field_columns();
	char *sql = xasprintf("SELECT %s, d.state, d.state_since, d.updated_at, d.revision,"
			      " d.campaign_id, c.name, d.complements_due, d.complements_note"
			      " FROM dossiers d LEFT JOIN campaigns c ON c.id = d.campaign_id"
			      " WHERE d.id = ?", cols);
	free(cols);
	sqlite3_stmt *st = store_prepare(s, sql, e);
	free(sql);
	*out = NULL;
	if (!st)
		return -1;
	if (dossier_step_row(s, st, id, e) < 0)
		return -1;
	struct dossier *d = xcalloc(1, sizeof *d);
	d->id = id;
	for (int i = 0; i < DF_COUNT; i++)
		d->f[i] = col_text_or_null(st, i);
	d->state = col_text(st, DF_COUNT);
	d->state_since = col_text(st, DF_COUNT + 1);
	d->updated_at = col_text(st, DF_COUNT + 2);
	d->revision = sqlite3_column_int64(st, DF_COUNT + 3);
	d->campaign_id = sqlite3_column_int64(st, DF_COUNT + 4);
	d->campaign_name = col_text_or_null(st, DF_COUNT + 5);
	d->complements_due = col_text_or_null(st, DF_COUNT + 6);
	d->complements_note = col_text_or_null(st, DF_COUNT + 7);
	sqlite3_finalize(st);

	st = store_prepare(s, "SELECT name, siret, category, role, commitment FROM members"
			   " WHERE dossier_id = ? ORDER BY position, id", e);
	if (!st)
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		d->members = xrealloc(d->members, (d->n_members + 1) * sizeof *d->members);
		struct member *m = &d->members[d->n_members++];
		for (int i = 0; i < MF_COUNT; i++)
			m->f[i] = col_text_or_null(st, i);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		goto fail_db;

	st = store_prepare(s, "SELECT kind, title, received_on FROM documents"
			   " WHERE dossier_id = ? ORDER BY id", e);
	if (!st)
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		d->documents = xrealloc(d->documents, (d->n_documents + 1) * sizeof *d->documents);
		struct document *doc = &d->documents[d->n_documents++];
		doc->kind = col_text(st, 0);
		doc->title = col_text(st, 1);
		doc->received_on = col_text_or_null(st, 2);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		goto fail_db;
	*out = d;
	return 0;
fail_db:
	store_fail(s, e, _("reading the dossier"));
fail:
	dossier_free(&d);
	return -1;
}

static int same(const char *a, const char *b)
{
	if (!a || !*a)
		return !b || !*b;
	return b && strcmp(a, b) == 0;
}

static int bind_field(sqlite3_stmt *st, int idx, const struct field_def *fd, const char *v)
{
	if (!v || !*v)
		return sqlite3_bind_null(st, idx);
	if (fd->type == FT_INT || fd->type == FT_BOOL)
		return sqlite3_bind_int64(st, idx, strtoll(v, NULL, 10));
	if (fd->type == FT_REAL)
		return sqlite3_bind_double(st, idx, strtod(v, NULL));
	return sqlite3_bind_text(st, idx, v, -1, SQLITE_TRANSIENT);
}

static int save_members(struct store *s, long long id, const struct dossier *d, struct perr *e)
{
	sqlite3_stmt *del = store_prepare(s, "DELETE FROM members WHERE dossier_id = ?", e);
	if (!del)
		return -1;
	sqlite3_bind_int64(del, 1, id);
	int rc = sqlite3_step(del);
	sqlite3_finalize(del);
	if (rc != SQLITE_DONE)
		return store_fail(s, e, _("replacing the members"));
	sqlite3_stmt *ins = store_prepare(s, "INSERT INTO members(dossier_id, position, name, siret,"
					  " category, role, commitment) VALUES (?,?,?,?,?,?,?)", e);
	if (!ins)
		return -1;
	for (size_t i = 0; i < d->n_members; i++) {
		sqlite3_bind_int64(ins, 1, id);
		sqlite3_bind_int64(ins, 2, (long long)i + 1);
		for (int f = 0; f < MF_COUNT; f++)
			bind_text_or_null(ins, 3 + f, d->members[i].f[f]);
		if (sqlite3_step(ins) != SQLITE_DONE) {
			sqlite3_finalize(ins);
			return store_fail(s, e, _("saving a member"));
		}
		sqlite3_reset(ins);
	}
	sqlite3_finalize(ins);
	return 0;
}

static int members_differ(const struct dossier *old, const struct dossier *d)
{
	if (old->n_members != d->n_members)
		return 1;
	for (size_t i = 0; i < d->n_members; i++)
		for (int f = 0; f < MF_COUNT; f++)
			if (!same(old->members[i].f[f], d->members[i].f[f]))
				return 1;
	return 0;
}

static long long current_campaign(struct store *s)
{
	sqlite3_stmt *st = NULL;
	long long id = 0;
	if (sqlite3_prepare_v2(s->db, "SELECT id FROM campaigns WHERE is_current = 1 ORDER BY id DESC LIMIT 1",
			       -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

int dossier_save(struct store *s, const char *actor, const char *real_actor,
		 const struct dossier *d, int with_members, const char *at,
		 enum save_result *res, long long *id_out, struct perr *e)
{
	char now[21];
	if (!at)
		at = now_utc(now);
	const char *number = d->f[DF_DS_NUMBER];
	if (!number || !*number)
		return perr_set(e, P_INVALID, _("a dossier needs its platform number"));

	long long id = 0;
	struct perr ignore = {0};
	if (dossier_find_id(s, number, &id, &ignore) < 0 && ignore.status != P_NOTFOUND) {
		*e = ignore;
		return -1;
	}

	if (!id) {
		/* New dossier: insert in state submitted, then the 'create'
		 * entry that makes history the source of its state. */
		char *cols = field_columns();
		char *sql = xasprintf("INSERT INTO dossiers(%s, campaign_id, state, state_since,"
				      " created_at, updated_at) VALUES (", cols);
		free(cols);
		size_t len = strlen(sql);
		sql = xrealloc(sql, len + DF_COUNT * 3 + 32);
		for (int i = 0; i < DF_COUNT; i++)
			strcat(sql, i ? ",?" : "?");
		strcat(sql, ",?,'submitted',?,?,?)");
		sqlite3_stmt *st = store_prepare(s, sql, e);
		free(sql);
		if (!st)
			return -1;
		for (int i = 0; i < DF_COUNT; i++)
			bind_field(st, i + 1, &dossier_fields[i], d->f[i]);
		long long camp = d->campaign_id ? d->campaign_id : current_campaign(s);
		if (camp)
			sqlite3_bind_int64(st, DF_COUNT + 1, camp);
		else
			sqlite3_bind_null(st, DF_COUNT + 1);
		sqlite3_bind_text(st, DF_COUNT + 2, at, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, DF_COUNT + 3, at, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, DF_COUNT + 4, at, -1, SQLITE_TRANSIENT);
		int rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return store_fail(s, e, _("saving the dossier"));
		id = sqlite3_last_insert_rowid(s->db);
		st = store_prepare(s, "INSERT INTO history(dossier_id, at, actor, real_actor, kind,"
				   " to_state, detail) VALUES (?, ?, ?, ?, 'create', 'submitted', ?)", e);
		if (!st)
			return -1;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, at, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, actor, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, real_actor, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 5, "imported", -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return store_fail(s, e, _("recording the dossier's history"));
		if (with_members && save_members(s, id, d, e) < 0)
			return -1;
		if (res)
			*res = SAVE_CREATED;
		if (id_out)
			*id_out = id;
		return 0;
	}

	/* Existing dossier: compare, then update only what changed. A field
	 * the source did not carry keeps its stored value. */
	struct dossier *old = NULL;
	if (dossier_load(s, id, &old, e) < 0)
		return -1;
	const char *val[DF_COUNT];
	for (int i = 0; i < DF_COUNT; i++)
		val[i] = d->absent[i] ? old->f[i] : d->f[i];
	char changed[1024] = "";
	for (int i = 0; i < DF_COUNT; i++) {
		if (!same(old->f[i], val[i])) {
			if (changed[0])
				strncat(changed, ", ", sizeof changed - strlen(changed) - 1);
			strncat(changed, dossier_fields[i].column, sizeof changed - strlen(changed) - 1);
		}
	}
	int members_changed = with_members && members_differ(old, d);
	if (members_changed) {
		if (changed[0])
			strncat(changed, ", ", sizeof changed - strlen(changed) - 1);
		strncat(changed, "members", sizeof changed - strlen(changed) - 1);
	}
	if (!changed[0]) {
		dossier_free(&old);
		if (res)
			*res = SAVE_UNCHANGED;
		if (id_out)
			*id_out = id;
		return 0;
	}
	size_t cap = 256;
	for (int i = 0; i < DF_COUNT; i++)
		cap += strlen(dossier_fields[i].column) + 8;
	char *sql = xmalloc(cap);
	strcpy(sql, "UPDATE dossiers SET ");
	for (int i = 0; i < DF_COUNT; i++) {
		strcat(sql, dossier_fields[i].column);
		strcat(sql, " = ?, ");
	}
	strcat(sql, "updated_at = ?, revision = revision + 1 WHERE id = ?");
	sqlite3_stmt *st = store_prepare(s, sql, e);
	free(sql);
	if (!st) {
		dossier_free(&old);
		return -1;
	}
	for (int i = 0; i < DF_COUNT; i++)
		bind_field(st, i + 1, &dossier_fields[i], val[i]);
	sqlite3_bind_text(st, DF_COUNT + 1, at, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, DF_COUNT + 2, id);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	dossier_free(&old);
	if (rc != SQLITE_DONE)
		return store_fail(s, e, _("updating the dossier"));
	if (members_changed && save_members(s, id, d, e) < 0)
		return -1;
	if (history_add(s, id, at, actor, real_actor, "update", NULL, changed, e) < 0)
		return -1;
	if (res)
		*res = SAVE_UPDATED;
	if (id_out)
		*id_out = id;
	return 0;
}

int history_add(struct store *s, long long dossier_id, const char *at,
		const char *actor, const char *real_actor, const char *kind,
		const char *motivation, const char *detail, struct perr *e)
{
	char now[21];
	sqlite3_stmt *st = store_prepare(s, "INSERT INTO history(dossier_id, at, actor, real_actor,"
					 " kind, motivation, detail) VALUES (?,?,?,?,?,?,?)", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, dossier_id);
	sqlite3_bind_text(st, 2, at ? at : now_utc(now), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, actor, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, real_actor ? real_actor : actor, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, kind, -1, SQLITE_TRANSIENT);
	bind_text_or_null(st, 6, motivation);
	bind_text_or_null(st, 7, detail);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, e, _("recording history"));
	return 0;
}

int history_list(struct store *s, long long dossier_id,
		 int (*fn)(const struct history_entry *h, void *arg), void *arg,
		 struct perr *e)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT id, at, actor, real_actor, kind, from_state,"
					 " to_state, motivation, override, detail FROM history"
					 " WHERE dossier_id = ? ORDER BY id", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, dossier_id);
	int rc, stop = 0;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct history_entry h = {
			.id = sqlite3_column_int64(st, 0),
			.at = col_text(st, 1), .actor = col_text(st, 2),
			.real_actor = col_text(st, 3), .kind = col_text(st, 4),
			.from_state = col_text_or_null(st, 5), .to_state = col_text_or_null(st, 6),
			.motivation = col_text_or_null(st, 7), .override = sqlite3_column_int(st, 8),
			.detail = col_text_or_null(st, 9),
		};
		stop = fn(&h, arg);
		free(h.at); free(h.actor); free(h.real_actor); free(h.kind);
		free(h.from_state); free(h.to_state); free(h.motivation); free(h.detail);
	}
	if (!stop && rc != SQLITE_DONE) {
		sqlite3_finalize(st);
		return store_fail(s, e, _("reading history"));
	}
	sqlite3_finalize(st);
	return 0;
}

int dossier_list(struct store *s, const struct dossier_filter *f,
		 int (*fn)(const struct dossier_row *row, void *arg), void *arg,
		 struct perr *e)
{
	char *cond = access_sql(f ? f->viewer : NULL, "d.id", 4);
	char *sql = xasprintf(
		"SELECT d.id, d.ds_number, d.ptce_name, d.region_code, d.departement_code, d.state,"
		" d.state_since, d.lead_name,"
		" CAST(julianday('now') - julianday(d.state_since) AS INTEGER),"
		" d.complements_due IS NOT NULL"
		" FROM dossiers d"
		" WHERE (?1 IS NULL OR d.state = ?1) AND (?2 IS NULL OR d.region_code = ?2)"
		" AND (?3 IS NULL OR EXISTS (SELECT 1 FROM assignments a"
		"      WHERE a.dossier_id = d.id AND a.login = ?3))"
		" AND %s"
		" ORDER BY CAST(d.ds_number AS INTEGER), d.ds_number", cond ? cond : "1");
	sqlite3_stmt *st = store_prepare(s, sql, e);
	free(sql);
	free(cond);
	if (!st)
		return -1;
	bind_text_or_null(st, 1, f ? f->state : NULL);
	bind_text_or_null(st, 2, f ? f->region : NULL);
	bind_text_or_null(st, 3, f ? f->assignee : NULL);
	access_bind(st, f ? f->viewer : NULL, 4);
	int rc, stop = 0;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct dossier_row r = {
			.id = sqlite3_column_int64(st, 0),
			.ds_number = col_text(st, 1), .ptce_name = col_text(st, 2),
			.region_code = col_text(st, 3), .departement_code = col_text(st, 4),
			.state = col_text(st, 5), .state_since = col_text(st, 6),
			.lead_name = col_text(st, 7),
			.days_in_state = sqlite3_column_int(st, 8),
			.complements = sqlite3_column_int(st, 9),
		};
		stop = fn(&r, arg);
		free(r.ds_number); free(r.ptce_name); free(r.region_code);
		free(r.departement_code); free(r.state); free(r.state_since); free(r.lead_name);
	}
	if (!stop && rc != SQLITE_DONE) {
		sqlite3_finalize(st);
		return store_fail(s, e, _("listing dossiers"));
	}
	sqlite3_finalize(st);
	return 0;
}
