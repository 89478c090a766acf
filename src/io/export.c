/* export.c - write dossiers as CSV or JSON (the writers of base/fmt.h), so
 * that a spreadsheet or a script can take the queue further. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fmt.h"
#include "base/i18n.h"
#include "base/text.h"
#include "io/export.h"
#include "procedure/procedure.h"
#include "store/stmt.h"

struct id_list {
	long long *ids;
	size_t n;
};

static int collect_id(const struct dossier_row *row, void *arg)
{
	struct id_list *l = arg;
	l->ids = xrealloc(l->ids, (l->n + 1) * sizeof *l->ids);
	l->ids[l->n++] = row->id;
	return 0;
}

int export_ids(struct store *s, const struct dossier_filter *f,
	       long long **ids, size_t *n_ids, struct perr *e)
{
	struct id_list l = {0};
	if (dossier_list(s, f, collect_id, &l, e) < 0) {
		free(l.ids);
		return -1;
	}
	/* Never NULL, even when nothing matches: NULL means "all" to export_rows. */
	*ids = l.ids ? l.ids : xcalloc(1, sizeof **ids);
	*n_ids = l.n;
	return 0;
}

/* The columns after the dossier's own fields. */
enum extra_col { X_STATE, X_STATE_SINCE, X_DAYS, X_CAMPAIGN, X_COMPLEMENTS, X_COUNT };
static const char *const extra_names[X_COUNT] = {
	"state", "state_since", "days_in_state", "campaign", "complements_due"
};

/* Column order: ds_number, state, state_since, days_in_state, then the other
 * fields, then campaign and complements_due. A column is a field index
 * (>= 0) or -1 - extra_col. */
static int column_at(size_t i)
{
	if (i == 0)
		return DF_DS_NUMBER;
	if (i <= 3)
		return -1 - (int)(X_STATE + (i - 1));
	if (i < 3 + DF_COUNT)
		return (int)(i - 3);
	return -1 - (int)(X_CAMPAIGN + (i - 3 - DF_COUNT));
}
#define N_COLUMNS (DF_COUNT + X_COUNT)

static const char *column_name(int c)
{
	return c >= 0 ? dossier_fields[c].column : extra_names[-1 - c];
}

/* The heading of column c in a French --excel export: the field's label. */
static const char *const extra_labels[X_COUNT] = {
	N_("State"), N_("In this state since"), N_("Days in this state"), N_("Campaign"),
	N_("Compléments due")
};

static const char *column_label(int c)
{
	return c >= 0 ? _(dossier_fields[c].label) : _(extra_labels[-1 - c]);
}

/* Column c of d as a French spreadsheet reads it (--excel in a French
 * session, base/fmt): dates 21/11/2026 (14:05), decimals with a comma,
 * states, choices, lists of choices, régions, départements and yes/no
 * in words; v is cell_text's, replaced. */
static char *excel_fr(const struct dossier *d, int c, char *v)
{
	char buf[1024];
	const char *out = NULL;
	if (!*v)
		return v;
	if (c == -1 - X_STATE)
		out = state_label(d->state);
	else if (c == -1 - X_STATE_SINCE || c == -1 - X_COMPLEMENTS)
		out = fmt_datetime(FMT_FR, v, buf, sizeof buf);
	else if (c >= 0 && dossier_fields[c].type == FT_DATE)
		out = fmt_date(FMT_FR, v, buf, sizeof buf);
	else if (c >= 0 && dossier_fields[c].type == FT_REAL)
		out = fmt_short(FMT_FR, strtod(v, NULL), buf, sizeof buf);
	else if (c >= 0 && dossier_fields[c].type == FT_BOOL)
		out = strcmp(v, "1") == 0 ? _("yes") : _("no");
	else if (c >= 0 && (dossier_fields[c].type == FT_CHOICE || dossier_fields[c].type == FT_LIST ||
			    dossier_fields[c].type == FT_REGION || dossier_fields[c].type == FT_DEPT))
		out = field_show(&dossier_fields[c], v, buf, sizeof buf);
	if (!out)
		return v;
	char *r = xstrdup(out);
	free(v);
	return r;
}

/* Days since the dossier entered its state; 0 when that cannot be read (the
 * export goes on: the column is informative). */
static long long days_in_state(struct store *s, long long id)
{
	long long days = 0;
	struct perr ignored;
	stmt_int(s, &days, 0, &ignored, "days_in_state",
		 "SELECT CAST(julianday('now') - julianday(state_since) AS INTEGER)"
		 " FROM dossiers WHERE id = ?1", "I", id);
	return days;
}

/* The cleaned text of column c of d (a new string, "" when empty). */
static char *cell_text(struct store *s, const struct dossier *d, int c)
{
	if (c >= 0) {
		int flags = dossier_fields[c].type == FT_LONGTEXT ? TEXT_KEEP_NEWLINES : 0;
		return text_clean(d->f[c] ? d->f[c] : "", flags);
	}
	switch (-1 - c) {
	case X_STATE:
		return text_clean(d->state, 0);
	case X_STATE_SINCE:
		return text_clean(d->state_since, 0);
	case X_DAYS:
		return xasprintf("%lld", days_in_state(s, d->id));
	case X_CAMPAIGN:
		return text_clean(d->campaign_name ? d->campaign_name : "", 0);
	case X_COMPLEMENTS:
		return text_clean(d->complements_due ? d->complements_due : "", 0);
	}
	return xstrdup("");
}

/* ---------------------------------------------------------------- CSV --- */

/* Cells are cleaned by cell_text already; every field is quoted. */
static void csv_cell(FILE *out, const char *s, int first, char delim)
{
	fmt_csv_text(out, s, TEXT_KEEP_NEWLINES | FMT_CSV_QUOTE_ALL, delim, first);
}

/* A spreadsheet runs a cell starting with = + - or @ as a formula: text
 * from applicants must not ("=HYPERLINK(...)"). In --excel output such a
 * cell gets a leading apostrophe, which the spreadsheet hides; plain
 * numbers ("-3") are left alone. */
static int formula_like(const char *v)
{
	if (!strchr("=+-@", v[0]) || !v[0])
		return 0;
	char *end;
	errno = 0;
	strtod(v, &end);
	return *end != '\0' || end == v;
}

static int write_csv(struct store *s, FILE *out, int excel, const long long *ids,
		     size_t n, struct perr *e)
{
	char delim = excel ? ';' : ',';
	const char *eol = excel ? "\r\n" : "\n";
	if (excel)
		fputs("\xEF\xBB\xBF", out);
	int fr = excel && fmt_reader_lang() == FMT_FR;
	for (size_t i = 0; i < N_COLUMNS; i++)
		csv_cell(out, fr ? column_label(column_at(i)) : column_name(column_at(i)), i == 0, delim);
	fputs(eol, out);
	for (size_t k = 0; k < n; k++) {
		struct dossier *d = NULL;
		if (dossier_load(s, ids[k], &d, e) < 0)
			return -1;
		for (size_t i = 0; i < N_COLUMNS; i++) {
			char *v = cell_text(s, d, column_at(i));
			if (fr)
				v = excel_fr(d, column_at(i), v);
			if (excel && formula_like(v)) {
				char *q = xasprintf("'%s", v);
				free(v);
				v = q;
			}
			csv_cell(out, v, i == 0, delim);
			free(v);
		}
		fputs(eol, out);
		dossier_free(&d);
	}
	return 0;
}

/* --------------------------------------------------------------- JSON --- */

/* A number as JSON wants it, or 0 when v is not a finite number. */
static int json_number(const char *v)
{
	char *end;
	errno = 0;
	double d = strtod(v, &end);
	return *v && !*end && !errno && isfinite(d) && strspn(v, "0123456789.-eE") == strlen(v) &&
	       v[0] != '.' &&
	       !(v[0] == '0' && v[1] >= '0' && v[1] <= '9');
}

static void json_value(FILE *out, struct store *s, const struct dossier *d, int c)
{
	if (c >= 0 && (!d->f[c] || !*d->f[c])) {
		fputs("null", out);
		return;
	}
	if (c == -1 - X_DAYS) {
		fprintf(out, "%lld", days_in_state(s, d->id));
		return;
	}
	if (c == -1 - X_CAMPAIGN && !d->campaign_name) {
		fputs("null", out);
		return;
	}
	if (c == -1 - X_COMPLEMENTS && !d->complements_due) {
		fputs("null", out);
		return;
	}
	if (c >= 0) {
		enum field_type t = dossier_fields[c].type;
		if (t == FT_BOOL && (!strcmp(d->f[c], "0") || !strcmp(d->f[c], "1"))) {
			fputs(d->f[c][0] == '1' ? "true" : "false", out);
			return;
		}
		if ((t == FT_INT || t == FT_REAL) && json_number(d->f[c])) {
			fputs(d->f[c], out);
			return;
		}
	}
	/* cell_text cleaned v with fewer kept characters than fmt_json_string
	 * keeps; cleaning again changes nothing. */
	char *v = cell_text(s, d, c);
	fmt_json_string(out, v);
	free(v);
}

static void json_key(FILE *out, const char *indent, const char *key, int first)
{
	fprintf(out, "%s\n%s", first ? "" : ",", indent);
	fmt_json_string(out, key);
	fputs(": ", out);
}

static void json_text_or_null(FILE *out, const char *v)
{
	if (!v || !*v) {
		fputs("null", out);
		return;
	}
	fmt_json_text(out, v, 0);
}

static int write_json(struct store *s, FILE *out, const long long *ids, size_t n, struct perr *e)
{
	fputs("[", out);
	for (size_t k = 0; k < n; k++) {
		struct dossier *d = NULL;
		if (dossier_load(s, ids[k], &d, e) < 0)
			return -1;
		fputs(k ? ",\n  {" : "\n  {", out);
		for (size_t i = 0; i < N_COLUMNS; i++) {
			json_key(out, "    ", column_name(column_at(i)), i == 0);
			json_value(out, s, d, column_at(i));
		}
		json_key(out, "    ", "members", 0);
		fputs("[", out);
		for (size_t m = 0; m < d->n_members; m++) {
			fputs(m ? ",\n      {" : "\n      {", out);
			for (int f = 0; f < MF_COUNT; f++) {
				json_key(out, "        ", member_fields[f].column, f == 0);
				json_text_or_null(out, d->members[m].f[f]);
			}
			fputs("\n      }", out);
		}
		fputs(d->n_members ? "\n    ]" : "]", out);
		json_key(out, "    ", "documents", 0);
		fputs("[", out);
		for (size_t m = 0; m < d->n_documents; m++) {
			fputs(m ? ",\n      {" : "\n      {", out);
			json_key(out, "        ", "kind", 1);
			json_text_or_null(out, d->documents[m].kind);
			json_key(out, "        ", "title", 0);
			json_text_or_null(out, d->documents[m].title);
			json_key(out, "        ", "received_on", 0);
			json_text_or_null(out, d->documents[m].received_on);
			fputs("\n      }", out);
		}
		fputs(d->n_documents ? "\n    ]" : "]", out);
		fputs("\n  }", out);
		dossier_free(&d);
	}
	fputs(n ? "\n]\n" : "]\n", out);
	return 0;
}

int export_rows(struct store *s, FILE *out, enum export_format fmt, int excel,
		const long long *ids, size_t n_ids, struct perr *e)
{
	long long *all = NULL;
	if (!ids) {
		if (export_ids(s, NULL, &all, &n_ids, e) < 0)
			return -1;
		ids = all;
	}
	int rc = fmt == EXPORT_JSON ? write_json(s, out, ids, n_ids, e)
				    : write_csv(s, out, excel, ids, n_ids, e);
	free(all);
	if (rc == 0 && (fflush(out) != 0 || ferror(out)))
		rc = perr_set(e, P_IO, _("writing the export failed: %s"), strerror(errno));
	return rc;
}
