/* deposit.c - a demo dossier as its applicant deposits it: fields, members
 * and pieces made from its table entry, French as applicants write it. */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fmt.h"
#include "base/geo.h"
#include "demo/deposit.h"
#include "demo/dossiers_data.h"
#include "demo/texts_data.h"
#include "store/stmt.h"

void demo_when(time_t day0, int days_ago, int hour, int minute, char out[21])
{
	time_t t = day0 - (time_t)days_ago * 86400 + hour * 3600 + minute * 60;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* An invented SIRET (starting 999) for member m of dossier n, with the check
 * digit that makes it valid. */
static char *siret_make(int dossier, int member)
{
	char out[15];
	snprintf(out, sizeof out, "99900%02d%02d0001", dossier % 100, member % 100);
	out[14] = '\0';
	for (out[13] = '0'; out[13] < '9' && !siret_valid(out); out[13]++)
		;
	return xstrdup(out);
}

/* ASCII lower-case of a French name for an e-mail address. */
static void ascii_fold(const char *in, char *out, size_t len)
{
	static const struct { const char *utf8, *ascii; } map[] = {
		{"é", "e"}, {"è", "e"}, {"ê", "e"}, {"ë", "e"}, {"É", "e"}, {"È", "e"},
		{"à", "a"}, {"â", "a"}, {"ä", "a"}, {"î", "i"}, {"ï", "i"}, {"ô", "o"},
		{"ö", "o"}, {"ù", "u"}, {"û", "u"}, {"ü", "u"}, {"ç", "c"},
	};
	size_t n = 0;
	while (*in && n + 1 < len) {
		size_t k, m = sizeof map / sizeof map[0];
		for (k = 0; k < m; k++)
			if (strncmp(in, map[k].utf8, strlen(map[k].utf8)) == 0)
				break;
		if (k < m) {
			out[n++] = map[k].ascii[0];
			in += strlen(map[k].utf8);
			continue;
		}
		unsigned char ch = (unsigned char)*in++;
		if (ch == ' ')
			out[n++] = '.';
		else if (ch >= 'A' && ch <= 'Z')
			out[n++] = (char)(ch - 'A' + 'a');
		else if ((ch >= 'a' && ch <= 'z') || ch == '-')
			out[n++] = (char)ch;
	}
	out[n] = '\0';
}

/* Invented phone numbers with the right prefix for the place. */
static char *phone_make(const char *dept, int i)
{
	const char *region = geo_dept_region(dept);
	const char *p = "01";
	if (strcmp(dept, "974") == 0)
		p = "02 62";
	else if (strcmp(dept, "971") == 0)
		p = "05 90";
	else if (strcmp(dept, "972") == 0)
		p = "05 96";
	else if (!region || strcmp(region, "11") == 0)
		p = "01";
	else if (strstr("28 52 53 24", region))
		p = "02";
	else if (strstr("44 32 27", region))
		p = "03";
	else if (strstr("84 93 94", region) || strstr("30 34 48 11 66", dept))
		p = "04";
	else
		p = "05";
	/* overseas prefixes take two of the ten digits */
	if (strlen(p) > 2)
		return xasprintf("%s 45 67 %02d", p, 10 + i);
	return xasprintf("%s 23 45 67 %02d", p, 10 + i);
}

static const char *governance_text(const char *form)
{
	const struct demo_governance *g = demo_governance;
	while (g->word && !strstr(form, g->word))
		g++;
	return g->text;
}

/* "72 000 €" as French applicants write it, with no-break spaces so that
 * wrapping never splits an amount. */
static char *euros(long long v, char out[32])
{
	fmt_grouped(v < 0 ? 0 : v, "\xc2\xa0", out, 32 - sizeof "\xc2\xa0€" + 1);
	strcat(out, "\xc2\xa0€");
	return out;
}

/* French typography: a no-break space before ':', ';', '?' and '!', so
 * that wrapped prose never starts a line with them. Frees s. */
static char *french_spaces(char *s)
{
	char *out = xmalloc(strlen(s) * 2 + 1), *o = out;
	for (const char *p = s; *p; p++) {
		if (*p == ' ' && p[1] && strchr(":;?!", p[1]) && (p[2] == ' ' || p[2] == '\0')) {
			*o++ = '\xc2';
			*o++ = '\xa0';
			continue;
		}
		*o++ = *p;
	}
	*o = '\0';
	free(s);
	return out;
}

/* The Démarches Simplifiées bookkeeping, the structure porteuse and whom
 * to contact. */
static void fill_lead(const struct demo_dossier *dd, size_t i, time_t day0, struct dossier *d)
{
	char at[21], local[128];
	d->f[DF_DS_NUMBER] = xasprintf("%d", 18204107 + (int)i * 131);
	d->f[DF_DS_STATUS] = xstrdup(demo_paths[dd->fate.path].ds_status);
	demo_when(day0, dd->deposited, 9, 0, at);
	d->f[DF_DEPOSITED_AT] = xstrndup(at, 10);
	d->f[DF_LEAD_NAME] = xstrdup(dd->lead);
	d->f[DF_LEAD_SIRET] = siret_make((int)i + 1, 0);
	d->f[DF_LEAD_LEGAL_FORM] = xstrdup(dd->form);
	d->f[DF_LEAD_ESUS] = xstrdup(dd->esus ? "1" : "0");
	d->f[DF_LEAD_ADDRESS] = xstrdup(dd->address);
	const char *region = geo_dept_region(dd->dept);
	d->f[DF_REGION] = xstrdup(region ? region : "");
	d->f[DF_DEPARTEMENT] = xstrdup(dd->dept);
	d->f[DF_LEGAL_REP] = xstrdup(dd->rep);
	d->f[DF_CONTACT_NAME] = xstrdup(dd->contact);
	ascii_fold(dd->contact, local, sizeof local);
	d->f[DF_CONTACT_EMAIL] = xasprintf("%s@%s.example.org", local, dd->slug);
	d->f[DF_CONTACT_PHONE] = phone_make(dd->dept, (int)i);
}

/* The PTCE, its territory and its project, as the table gives them. */
static void fill_project(const struct demo_dossier *dd, struct dossier *d)
{
	char needs[512] = "";
	d->f[DF_PTCE_NAME] = xstrdup(dd->ptce);
	d->f[DF_STAGE] = xstrdup(dd->stage);
	d->f[DF_TERRITORY] = xstrdup(dd->territory);
	d->f[DF_TERRITORY_TYPE] = xstrdup(dd->ttype);
	d->f[DF_SECTORS] = xstrdup(dd->sectors);
	d->f[DF_THEMES] = xstrdup(dd->themes);
	d->f[DF_PHASE_APPLIED] = xstrdup(dd->phase);
	for (int k = 0; bouquet_themes[k]; k++) {
		if (!(dd->needs & (1u << k)))
			continue;
		if (needs[0])
			strcat(needs, ", ");
		strcat(needs, bouquet_themes[k]);
	}
	d->f[DF_BOUQUET_NEEDS] = xstrdup(needs);
	d->f[DF_DESCRIPTION] = xstrdup(dd->description);
	d->f[DF_DIAGNOSIS] = xstrdup(dd->diagnosis);
}

/* Governance, staff, indicators and figures: prose made from the numbers. */
static void fill_figures(const struct demo_dossier *dd, size_t i, struct dossier *d)
{
	char fte[16];
	snprintf(fte, sizeof fte, "%g", dd->fte);
	for (char *p = strchr(fte, '.'); p; p = NULL)
		*p = ',';	/* prose written by French applicants: "1,5 ETP" */
	d->f[DF_GOVERNANCE] = xasprintf("%s L'animation du pôle est assurée par %s ETP, dont une personne chargée de la coordination et du lien avec les collectivités.",
					governance_text(dd->form), fte);
	d->f[DF_STAFF_FTE] = xasprintf("%.1f", dd->fte);
	d->f[DF_INDICATORS] = xasprintf("Emplois créés ou consolidés sur le territoire (objectif : %d ETP à trois ans) ; nombre de structures engagées dans des projets communs (objectif : %d) ; chiffre d'affaires des activités mutualisées ; part des achats réalisés localement ; nombre d'habitants touchés par les actions du pôle. Un bilan est présenté chaque année en comité de pilotage.",
					(int)(dd->fte * 4 + 3), 6 + (int)(i % 5) * 2);
	d->f[DF_BUDGET] = xasprintf("%lld", dd->budget);
	d->f[DF_AMOUNT_REQUESTED] = xasprintf("%lld", dd->amount);
	long long rest = dd->budget - dd->amount;
	long long reg = rest / 10 * 3, epci = rest / 10 * 2, bdt = rest / 10, own = rest - reg - epci - bdt;
	char m1[32], m2[32], m3[32], m4[32];
	d->f[DF_COFUNDING] = xasprintf("Région (programme ESS et innovation sociale) : %s ; intercommunalité : %s ; Banque des Territoires (ingénierie) : %s ; fonds propres et contributions des membres : %s. Les cofinancements de la Région et de l'intercommunalité sont votés ; celui de la Banque des Territoires est en cours d'instruction.",
				       euros(reg, m1), euros(epci, m2), euros(bdt, m3), euros(own, m4));
}

/* One member from its line "C|name|role|commitment". */
static void fill_member(const char *line, int dossier, int m, struct member *mb)
{
	/* The letters of member_categories[], in order; the last, A, is autre. */
	static const char categories[] = "EPLRFHA";
	const char *p1 = strchr(line, '|'), *p2 = p1 ? strchr(p1 + 1, '|') : NULL,
		   *p3 = p2 ? strchr(p2 + 1, '|') : NULL;
	if (!p1 || !p2 || !p3)
		die("demo member line without its four parts: %s", line);
	memset(mb, 0, sizeof *mb);
	mb->f[MF_NAME] = xstrndup(p1 + 1, (size_t)(p2 - p1 - 1));
	if (line[0] != 'H')	/* citizens have no SIRET */
		mb->f[MF_SIRET] = siret_make(dossier, m);
	const char *c = strchr(categories, line[0]);
	mb->f[MF_CATEGORY] = xstrdup(member_categories[c && *c ? c - categories
							       : (ptrdiff_t)sizeof categories - 2]);
	mb->f[MF_ROLE] = xstrndup(p2 + 1, (size_t)(p3 - p2 - 1));
	mb->f[MF_COMMITMENT] = xstrdup(p3[1] == 'c' ? "convention" : p3[1] == 'g' ? "instance" : "lettre");
}

/* Check every value against the field table. */
static int validate(const struct demo_dossier *dd, const struct dossier *d, struct perr *e)
{
	char why[512];
	for (int i = 0; i < DF_COUNT; i++)
		if (field_validate(&dossier_fields[i], d->f[i], why, sizeof why) < 0)
			return perr_set(e, P_INTERNAL, "demo dossier %s: %s", dd->ptce, why);
	for (size_t m = 0; m < d->n_members; m++)
		for (int i = 0; i < MF_COUNT; i++)
			if (field_validate(&member_fields[i], d->members[m].f[i], why, sizeof why) < 0)
				return perr_set(e, P_INTERNAL, "demo dossier %s, member %zu: %s",
						dd->ptce, m + 1, why);
	return 0;
}

int deposit_make(size_t i, time_t day0, struct dossier *d, struct perr *e)
{
	const struct demo_dossier *dd = &demo_dossiers[i];
	memset(d, 0, sizeof *d);
	fill_lead(dd, i, day0, d);
	fill_project(dd, d);
	fill_figures(dd, i, d);
	for (int f = 0; f < DF_COUNT; f++)
		if (dossier_fields[f].type == FT_LONGTEXT && d->f[f])
			d->f[f] = french_spaces(d->f[f]);
	size_t n = 0;
	while (n < DEMO_MAX_MEMBERS && dd->members[n])
		n++;
	d->members = xcalloc(n ? n : 1, sizeof *d->members);
	for (d->n_members = 0; d->n_members < n; d->n_members++)
		fill_member(dd->members[d->n_members], (int)i + 1, (int)d->n_members,
			    &d->members[d->n_members]);
	return validate(dd, d, e);
}

/* One piece, its title formatted. */
static int piece(struct store *s, long long id, const char *kind, const char *on,
		 struct perr *e, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static int piece(struct store *s, long long id, const char *kind, const char *on,
		 struct perr *e, const char *fmt, ...)
{
	char title[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(title, sizeof title, fmt, ap);
	va_end(ap);
	return stmt_run(s, e, "demo: documents",
			"INSERT INTO documents(dossier_id, kind, title, received_on) VALUES (?,?,?,?)",
			"Ittt", id, kind, title, on);
}

int deposit_documents(struct store *s, long long id, const struct dossier *d,
		      int with_accounts, struct perr *e)
{
	const char *on = d->f[DF_DEPOSITED_AT];
	if (piece(s, id, "statuts", on, e, "Statuts : %s (version en vigueur, certifiée conforme)",
		  d->f[DF_LEAD_NAME]) < 0 ||
	    piece(s, id, "sirene", on, e, "Avis de situation au répertoire SIRENE (SIRET %s)",
		  d->f[DF_LEAD_SIRET]) < 0)
		return -1;
	if (with_accounts && piece(s, id, "comptes", on, e, "Comptes annuels %d approuvés et rapport d'activité",
				   atoi(on) - 1) < 0)
		return -1;
	if (piece(s, id, "charte", on, e, "Charte de coopération du PTCE %s signée par les membres",
		  d->f[DF_PTCE_NAME]) < 0)
		return -1;
	for (size_t m = 1; m < d->n_members; m++)
		if (strcmp(d->members[m].f[MF_COMMITMENT], "lettre") == 0 &&
		    piece(s, id, "lettre", on, e, "Lettre d'engagement de %s", d->members[m].f[MF_NAME]) < 0)
			return -1;
	return piece(s, id, "autre", on, e, "%s", "Budget prévisionnel sur trois ans et plan de financement");
}
