/* import.c - Démarches Simplifiées CSV exports into dossiers: libcsv with our
 * own line counting, a YAML mapping of headers to fields, all-or-nothing saves. */
#include <errno.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "base/geo.h"
#include "base/i18n.h"
#include "base/text.h"
#include "base/ydoc.h"
#include "io/import.h"

/* ---------------------------------------------------------------- CSV --- */

struct csv_builder {
	struct csv_table *t;
	struct csv_record cur;
	int line;		/* line of the byte being fed */
	int rec_line;		/* line where the current record started; 0: between records */
	int have_header;
};

static void record_push_cell(struct csv_record *r, const char *s, size_t len)
{
	r->cells = xrealloc(r->cells, (r->n + 1) * sizeof *r->cells);
	r->cells[r->n++] = xstrndup(s ? s : "", s ? len : 0);
}

static void record_clear(struct csv_record *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->cells[i]);
	free(r->cells);
	r->cells = NULL;
	r->n = 0;
}

static void on_field(void *data, size_t len, void *arg)
{
	struct csv_builder *b = arg;
	record_push_cell(&b->cur, data, len);
}

static int record_blank(const struct csv_record *r)
{
	for (size_t i = 0; i < r->n; i++)
		for (const char *p = r->cells[i]; *p; p++)
			if (*p != ' ' && *p != '\t' && *p != '\r' && *p != '\n')
				return 0;
	return 1;
}

static void on_record(int c, void *arg)
{
	struct csv_builder *b = arg;
	(void)c;
	b->cur.line = b->rec_line ? b->rec_line : b->line;
	if (!b->have_header) {
		b->t->header = b->cur;
		b->have_header = 1;
	} else if (record_blank(&b->cur)) {
		/* Spreadsheets leave lines of bare separators at the end. */
		record_clear(&b->cur);
	} else {
		struct csv_table *t = b->t;
		t->rows = xrealloc(t->rows, (t->n_rows + 1) * sizeof *t->rows);
		t->rows[t->n_rows++] = b->cur;
	}
	memset(&b->cur, 0, sizeof b->cur);
	b->rec_line = 0;
}

/* The separator is whichever of ',' and ';' occurs more often in the header
 * line, outside quotes: DS writes commas, a French Excel writes semicolons. */
static char detect_delim(const char *buf, size_t len)
{
	size_t commas = 0, semis = 0;
	int quoted = 0;
	for (size_t i = 0; i < len; i++) {
		char c = buf[i];
		if (c == '"')
			quoted = !quoted;
		else if (!quoted && (c == '\n' || c == '\r'))
			break;
		else if (!quoted && c == ',')
			commas++;
		else if (!quoted && c == ';')
			semis++;
	}
	return semis > commas ? ';' : ',';
}

static const char *parse_error_text(int err)
{
	if (err == CSV_EPARSE)
		return _("malformed quoting: a quote inside a quoted field must be doubled (\"\"), "
			 "and a closing quote must be followed by a separator or the end of the line");
	if (err == CSV_ENOMEM || err == CSV_ETOOBIG)
		return _("field too large");
	return csv_strerror(err);
}

/* Offset of the first byte that is not well-formed UTF-8, or len. */
static size_t utf8_invalid_at(const unsigned char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		unsigned char c = s[i];
		size_t n;
		unsigned lo = 0x80, hi = 0xBF;
		if (c < 0x80)
			n = 1;
		else if (c >= 0xC2 && c <= 0xDF)
			n = 2;
		else if (c >= 0xE0 && c <= 0xEF) {
			n = 3;
			if (c == 0xE0)
				lo = 0xA0;
			else if (c == 0xED)
				hi = 0x9F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			n = 4;
			if (c == 0xF0)
				lo = 0x90;
			else if (c == 0xF4)
				hi = 0x8F;
		} else
			return i;
		if (i + n > len)
			return i;
		for (size_t k = 1; k < n; k++) {
			unsigned char b = s[i + k];
			if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF))
				return i;
		}
		i += n;
	}
	return len;
}

/* A French Excel saving "CSV (séparateur : point-virgule)" writes
 * Windows-1252, not UTF-8: read such a file as Windows-1252 rather than
 * storing broken text. Returns a new UTF-8 buffer, or NULL if iconv fails. */
static char *from_cp1252(const char *buf, size_t len, size_t *out_len)
{
	iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
	if (cd == (iconv_t)-1)
		return NULL;
	size_t cap = len * 3 + 1, left = cap;
	char *out = xmalloc(cap), *o = out;
	char *in = (char *)buf;
	size_t in_left = len;
	size_t r = iconv(cd, &in, &in_left, &o, &left);
	iconv_close(cd);
	if (r == (size_t)-1) {
		free(out);
		return NULL;
	}
	*out_len = (size_t)(o - out);
	return out;
}

int csv_table_parse(const char *name, const char *buf, size_t len,
		    struct csv_table *t, struct perr *e)
{
	memset(t, 0, sizeof *t);
	t->path = xstrdup(name);
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
		t->had_bom = 1;
		buf += 3;
		len -= 3;
	}
	char *converted = NULL;
	size_t bad = utf8_invalid_at((const unsigned char *)buf, len);
	if (bad < len) {
		int line = 1;
		for (size_t i = 0; i < bad; i++)
			line += buf[i] == '\n';
		if (t->had_bom || !(converted = from_cp1252(buf, len, &len))) {
			free(t->path);
			t->path = NULL;
			return perr_set(e, P_INVALID,
					_("%s:%d: the file is not UTF-8 (byte 0x%02X); save it again as "
					  "\"CSV UTF-8\""), name, line, (unsigned char)buf[bad]);
		}
		buf = converted;
		t->cp1252 = 1;
	}
	t->delim = detect_delim(buf, len);
	const char *nl = memchr(buf, '\n', len);
	t->crlf = nl && nl > buf && nl[-1] == '\r';

	struct csv_parser p;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		die("csv_init: out of memory");
	csv_set_delim(&p, (unsigned char)t->delim);

	struct csv_builder b = { .t = t, .line = 1 };
	int rc = 0;
	/* One physical line at a time (each chunk ends at a CR or LF), so the
	 * line of every record start and of every parse error is known exactly,
	 * newlines inside quotes included: a record can only end on the last
	 * byte of a chunk. */
	for (size_t i = 0; i < len;) {
		size_t j = i;
		while (j < len && buf[j] != '\n' && buf[j] != '\r')
			j++;
		if (j < len)
			j++;
		if (!b.rec_line && j - i > 0 && buf[i] != '\r' && buf[i] != '\n')
			b.rec_line = b.line;
		if (csv_parse(&p, buf + i, j - i, on_field, on_record, &b) != j - i) {
			rc = perr_set(e, P_INVALID, "%s:%d:%zu: %s", name, b.line,
				      b.cur.n + 1, parse_error_text(csv_error(&p)));
			break;
		}
		/* LF, CRLF, and a lone CR (old Mac files) each end one line. */
		char c = buf[j - 1];
		if (c == '\n' || (c == '\r' && (j == len || buf[j] != '\n')))
			b.line++;
		i = j;
	}
	if (rc == 0 && csv_fini(&p, on_field, on_record, &b) != 0) {
		if (csv_error(&p) == CSV_EPARSE)
			rc = perr_set(e, P_INVALID,
				      _("%s:%d:%zu: a quoted field opened here is never closed "
					"(a quote is missing)"), name, b.rec_line ? b.rec_line : b.line,
				      b.cur.n + 1);
		else
			rc = perr_set(e, P_INVALID, "%s:%d: %s", name, b.line,
				      parse_error_text(csv_error(&p)));
	}
	csv_free(&p);
	record_clear(&b.cur);
	if (rc == 0 && !b.have_header)
		rc = perr_set(e, P_INVALID,
			      _("%s:1:1: the file is empty; expected a header line naming the columns"),
			      name);
	free(converted);
	if (rc < 0)
		csv_table_done(t);
	return rc;
}

int csv_table_read(const char *path, struct csv_table *t, struct perr *e)
{
	memset(t, 0, sizeof *t);
	FILE *f = fopen(path, "rb");
	if (!f)
		return perr_set(e, P_IO, _("%s: cannot open: %s"), path, strerror(errno));
	char *buf = NULL;
	size_t len = 0, cap = 0, got;
	do {
		if (cap - len < 65536) {
			cap = cap ? cap * 2 : 65536;
			buf = xrealloc(buf, cap);
		}
		got = fread(buf + len, 1, cap - len, f);
		len += got;
	} while (got > 0);
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		free(buf);
		return perr_set(e, P_IO, _("%s: read error"), path);
	}
	int rc = csv_table_parse(path, buf, len, t, e);
	free(buf);
	return rc;
}

void csv_table_done(struct csv_table *t)
{
	free(t->path);
	record_clear(&t->header);
	for (size_t i = 0; i < t->n_rows; i++)
		record_clear(&t->rows[i]);
	free(t->rows);
	memset(t, 0, sizeof *t);
}

/* Compare s with a header name, ignoring blanks around s. */
static int header_eq(const char *s, const char *name)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		n--;
	return strlen(name) == n && strncmp(s, name, n) == 0;
}

int csv_table_column(const struct csv_table *t, const char *name)
{
	for (size_t i = 0; i < t->header.n; i++)
		if (header_eq(t->header.cells[i], name))
			return (int)i;
	return -1;
}

/* ------------------------------------------------------------ mapping --- */

const char *const import_document_kinds[] = {
	"statuts", "sirene", "comptes", "charte", "lettre", "autre", NULL
};

/* NULL-terminated list of the column names of a field table (for hints). */
static const char **field_names(const struct field_def *defs, size_t n)
{
	const char **names = xcalloc(n + 1, sizeof *names);
	for (size_t i = 0; i < n; i++)
		names[i] = defs[i].column;
	return names;
}

static int unknown_field(const struct ydoc *d, const struct ynode *n, const char *what,
			 const struct field_def *defs, size_t count, struct perr *e)
{
	const char **names = field_names(defs, count);
	const char *near = ydoc_nearest(n->scalar, names);
	int rc;
	if (near)
		rc = ydoc_fail(d, n, e, _("unknown %s field '%s'; did you mean '%s'?"),
			       what, n->scalar, near);
	else {
		char list[1024] = "";
		for (size_t i = 0; i < count; i++) {
			if (i)
				strncat(list, ", ", sizeof list - strlen(list) - 1);
			strncat(list, names[i], sizeof list - strlen(list) - 1);
		}
		rc = ydoc_fail(d, n, e, _("unknown %s field '%s'; known fields: %s"),
			       what, n->scalar, list);
	}
	free(names);
	return rc;
}

static int load_columns(const struct ydoc *d, const struct ynode *map, const char *what,
			const struct field_def *defs, size_t count,
			int (*by_column)(const char *),
			struct map_column **out, size_t *n_out, struct perr *e)
{
	if (ydoc_expect(d, map, Y_MAP, "'columns'", e) < 0)
		return -1;
	*out = xcalloc(map->n ? map->n : 1, sizeof **out);
	for (size_t i = 0; i < map->n; i++) {
		const char *target;
		if (ydoc_string(d, map->vals[i], _("the field a column maps to"), &target, e) < 0)
			return -1;
		int f = by_column(target);
		if (f < 0)
			return unknown_field(d, map->vals[i], what, defs, count, e);
		struct map_column *c = &(*out)[(*n_out)++];
		c->header = xstrdup(map->keys[i]->scalar);
		c->field = f;
		c->line = map->keys[i]->line;
		c->col = map->keys[i]->col;
	}
	/* A required field must come from somewhere, or every row would fail. */
	for (size_t f = 0; f < count; f++) {
		if (!defs[f].required)
			continue;
		int found = 0;
		for (size_t i = 0; i < *n_out; i++)
			if ((*out)[i].field == (int)f)
				found = 1;
		if (!found)
			return ydoc_fail(d, map, e,
					 _("required %s field '%s' has no column; add a line "
					   "\"CSV header\": %s under 'columns'"),
					 what, defs[f].column, defs[f].column);
	}
	return 0;
}

static int code_allowed(const struct field_def *fd, const char *code)
{
	if (!fd->choices)
		return 1;
	for (size_t i = 0; fd->choices[i]; i++)
		if (strcmp(fd->choices[i], code) == 0)
			return 1;
	return 0;
}

static int load_values(const struct ydoc *d, const struct ynode *map, const char *what,
		       const struct field_def *defs, size_t count,
		       int (*by_column)(const char *),
		       struct map_value **out, size_t *n_out, struct perr *e)
{
	if (ydoc_expect(d, map, Y_MAP, "'values'", e) < 0)
		return -1;
	for (size_t i = 0; i < map->n; i++) {
		int f = by_column(map->keys[i]->scalar);
		if (f < 0)
			return unknown_field(d, map->keys[i], what, defs, count, e);
		const struct ynode *labels = map->vals[i];
		char where[128];
		snprintf(where, sizeof where, "'values: %s'", map->keys[i]->scalar);
		if (ydoc_expect(d, labels, Y_MAP, where, e) < 0)
			return -1;
		for (size_t j = 0; j < labels->n; j++) {
			const char *code;
			if (ydoc_string(d, labels->vals[j], _("a value code"), &code, e) < 0)
				return -1;
			if (!code_allowed(&defs[f], code)) {
				const char *near = ydoc_nearest(code, defs[f].choices);
				if (near)
					return ydoc_fail(d, labels->vals[j], e,
							 _("'%s' is not a code of field '%s'; did you mean '%s'?"),
							 code, defs[f].column, near);
				char list[1024] = "";
				for (size_t k = 0; defs[f].choices[k]; k++) {
					if (k)
						strncat(list, ", ", sizeof list - strlen(list) - 1);
					strncat(list, defs[f].choices[k], sizeof list - strlen(list) - 1);
				}
				return ydoc_fail(d, labels->vals[j], e,
						 _("'%s' is not a code of field '%s'; expected one of: %s"),
						 code, defs[f].column, list);
			}
			/* A translation must produce a value the field accepts
			 * (1 or 0 for yes/no, a region code, a number...). */
			char why[512];
			if (field_validate(&defs[f], code, why, sizeof why) < 0)
				return ydoc_fail(d, labels->vals[j], e, "%s", why);
			*out = xrealloc(*out, (*n_out + 1) * sizeof **out);
			struct map_value *v = &(*out)[(*n_out)++];
			v->field = f;
			v->label = xstrdup(labels->keys[j]->scalar);
			v->code = xstrdup(code);
		}
	}
	return 0;
}

static int load_documents(const struct ydoc *d, const struct ynode *map,
			  struct import_mapping *m, struct perr *e)
{
	if (ydoc_expect(d, map, Y_MAP, "'documents'", e) < 0)
		return -1;
	m->docs = xcalloc(map->n ? map->n : 1, sizeof *m->docs);
	for (size_t i = 0; i < map->n; i++) {
		const char *kind;
		if (ydoc_string(d, map->vals[i], _("a document kind"), &kind, e) < 0)
			return -1;
		int ok = 0;
		for (size_t k = 0; import_document_kinds[k]; k++)
			if (strcmp(kind, import_document_kinds[k]) == 0)
				ok = 1;
		if (!ok) {
			const char *near = ydoc_nearest(kind, import_document_kinds);
			if (near)
				return ydoc_fail(d, map->vals[i], e,
						 _("unknown document kind '%s'; did you mean '%s'?"),
						 kind, near);
			return ydoc_fail(d, map->vals[i], e,
					 _("unknown document kind '%s'; expected one of: "
					   "statuts, sirene, comptes, charte, lettre, autre"), kind);
		}
		m->docs[m->n_docs].header = xstrdup(map->keys[i]->scalar);
		m->docs[m->n_docs].kind = xstrdup(kind);
		m->n_docs++;
	}
	return 0;
}

static int load_booleans(const struct ydoc *d, const struct ynode *map,
			 struct import_mapping *m, struct perr *e)
{
	if (ydoc_expect(d, map, Y_MAP, "'booleans'", e) < 0)
		return -1;
	m->bools = xcalloc(map->n ? map->n : 1, sizeof *m->bools);
	for (size_t i = 0; i < map->n; i++) {
		const struct ynode *v = map->vals[i];
		int b;
		if (v->kind == Y_SCALAR && (!strcmp(v->scalar, "1") || !strcmp(v->scalar, "0")))
			b = v->scalar[0] == '1';
		else if (ydoc_bool(d, v, _("a yes/no value (1 or 0)"), &b, e) < 0)
			return -1;
		m->bools[m->n_bools].field = -1;
		m->bools[m->n_bools].label = xstrdup(map->keys[i]->scalar);
		m->bools[m->n_bools].code = xstrdup(b ? "1" : "0");
		m->n_bools++;
	}
	return 0;
}

static const char *const top_keys[] = { "dossiers", "members", "booleans", NULL };
static const char *const dossier_keys[] = { "columns", "documents", "values", NULL };
static const char *const member_keys[] = { "dossier", "columns", "values", NULL };

static int mapping_read(const struct ydoc *d, struct import_mapping *m, struct perr *e)
{
	const struct ynode *root = d->root;
	if (!root)
		return ydoc_fail(d, NULL, e, _("the mapping file is empty; expected a "
					       "'dossiers:' section"));
	if (ydoc_expect(d, root, Y_MAP, _("the mapping file"), e) < 0 ||
	    ydoc_check_keys(d, root, top_keys, _("the mapping file"), e) < 0)
		return -1;

	const struct ynode *ds = ydoc_get(root, "dossiers");
	if (!ds)
		return ydoc_fail(d, root, e, _("the 'dossiers:' section is missing"));
	if (ydoc_expect(d, ds, Y_MAP, "'dossiers'", e) < 0 ||
	    ydoc_check_keys(d, ds, dossier_keys, "'dossiers'", e) < 0)
		return -1;
	if (!ydoc_get(ds, "columns"))
		return ydoc_fail(d, ydoc_key_node(root, "dossiers"), e,
				 _("'dossiers' has no 'columns:' mapping CSV headers to fields"));
	if (load_columns(d, ydoc_get(ds, "columns"), "dossier", dossier_fields, DF_COUNT,
			 dossier_field_by_column, &m->dcols, &m->n_dcols, e) < 0)
		return -1;
	if (ydoc_get(ds, "documents") && load_documents(d, ydoc_get(ds, "documents"), m, e) < 0)
		return -1;
	if (ydoc_get(ds, "values") &&
	    load_values(d, ydoc_get(ds, "values"), "dossier", dossier_fields, DF_COUNT,
			dossier_field_by_column, &m->dvals, &m->n_dvals, e) < 0)
		return -1;

	const struct ynode *ms = ydoc_get(root, "members");
	if (ms) {
		if (ydoc_expect(d, ms, Y_MAP, "'members'", e) < 0 ||
		    ydoc_check_keys(d, ms, member_keys, "'members'", e) < 0)
			return -1;
		const char *link;
		if (!ydoc_get(ms, "dossier"))
			return ydoc_fail(d, ydoc_key_node(root, "members"), e,
					 _("'members' needs 'dossier:', the members file's column "
					   "holding the dossier number"));
		if (ydoc_string(d, ydoc_get(ms, "dossier"), "'members: dossier'", &link, e) < 0)
			return -1;
		m->members_link = xstrdup(link);
		if (!ydoc_get(ms, "columns"))
			return ydoc_fail(d, ydoc_key_node(root, "members"), e,
					 _("'members' has no 'columns:' mapping CSV headers to fields"));
		if (load_columns(d, ydoc_get(ms, "columns"), "member", member_fields, MF_COUNT,
				 member_field_by_column, &m->mcols, &m->n_mcols, e) < 0)
			return -1;
		if (ydoc_get(ms, "values") &&
		    load_values(d, ydoc_get(ms, "values"), "member", member_fields, MF_COUNT,
				member_field_by_column, &m->mvals, &m->n_mvals, e) < 0)
			return -1;
	}
	if (ydoc_get(root, "booleans") && load_booleans(d, ydoc_get(root, "booleans"), m, e) < 0)
		return -1;
	return 0;
}

int import_mapping_load(const char *path, struct import_mapping *m, struct perr *e)
{
	memset(m, 0, sizeof *m);
	struct ydoc *d = NULL;
	if (ydoc_load_file(path, &d, e) < 0)
		return -1;
	m->path = xstrdup(path);
	int rc = mapping_read(d, m, e);
	ydoc_free(&d);
	if (rc < 0)
		import_mapping_done(m);
	return rc;
}

static void values_free(struct map_value *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].label);
		free(v[i].code);
	}
	free(v);
}

static void columns_free(struct map_column *c, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(c[i].header);
	free(c);
}

void import_mapping_done(struct import_mapping *m)
{
	free(m->path);
	columns_free(m->dcols, m->n_dcols);
	columns_free(m->mcols, m->n_mcols);
	values_free(m->dvals, m->n_dvals);
	values_free(m->mvals, m->n_mvals);
	values_free(m->bools, m->n_bools);
	for (size_t i = 0; i < m->n_docs; i++) {
		free(m->docs[i].header);
		free(m->docs[i].kind);
	}
	free(m->docs);
	free(m->members_link);
	memset(m, 0, sizeof *m);
}

/* ------------------------------------------------------ normalisation --- */

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

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* A trimmed copy with CRLF turned into LF (Excel writes CRLF inside cells). */
static char *trimmed(const char *raw)
{
	while (is_blank(*raw))
		raw++;
	size_t n = strlen(raw);
	while (n && is_blank(raw[n - 1]))
		n--;
	char *out = xmalloc(n + 1), *o = out;
	for (size_t i = 0; i < n; i++)
		if (!(raw[i] == '\r' && i + 1 < n && raw[i + 1] == '\n'))
			*o++ = raw[i];
	*o = '\0';
	return out;
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

/* "44", "44 - Grand Est" or "Grand Est" -> "44"; same for départements
 * ("67 - Bas-Rhin", "Bas-Rhin"). DS writes names, people write codes. */
static char *normalize_geo(char *v, int dept)
{
	const char *dash = strstr(v, " - ");
	if (dash) {
		char *code = xstrndup(v, (size_t)(dash - v));
		if (dept ? geo_dept_name(code) != NULL : geo_region_name(code) != NULL) {
			free(v);
			return code;
		}
		free(code);
	}
	if (dept) {
		if (geo_dept_name(v))
			return v;
		for (size_t i = 0; geo_depts[i].code; i++)
			if (fold_eq(geo_depts[i].name, v)) {
				free(v);
				return xstrdup(geo_depts[i].code);
			}
	} else {
		if (geo_region_name(v))
			return v;
		for (size_t i = 0; geo_regions[i].code; i++)
			if (fold_eq(geo_regions[i].name, v)) {
				free(v);
				return xstrdup(geo_regions[i].code);
			}
	}
	return v;
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
		while (*p && (is_list_sep(*p) || is_blank(*p)))
			p++;
		if (!*p)
			break;
		const char *code = NULL;
		size_t used = 0;
		for (size_t i = 0; i < n_vals; i++) {
			size_t l = strlen(vals[i].label);
			if (vals[i].field == field && l > used && strncmp(p, vals[i].label, l) == 0 &&
			    (!p[l] || is_list_sep(p[l]) || is_blank(p[l]))) {
				code = vals[i].code;
				used = l;
			}
		}
		char *item = NULL;
		if (!code) {
			while (p[used] && !is_list_sep(p[used]))
				used++;
			char *raw = xstrndup(p, used);
			item = trimmed(raw);
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
	char *v = trimmed(raw ? raw : "");
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

/* --------------------------------------------------------- validation --- */

void import_errors_done(struct import_errors *errs)
{
	for (size_t i = 0; i < errs->n; i++)
		free(errs->msgs[i]);
	free(errs->msgs);
	errs->msgs = NULL;
	errs->n = 0;
}

static void errs_add(struct import_errors *errs, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void errs_add(struct import_errors *errs, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = NULL;
	if (vasprintf(&msg, fmt, ap) < 0)
		die("out of memory");
	va_end(ap);
	errs->msgs = xrealloc(errs->msgs, (errs->n + 1) * sizeof *errs->msgs);
	errs->msgs[errs->n++] = msg;
}

/* A header as printed in a message: cleaned (it came from the file). */
static char *shown(const char *s)
{
	char *c = text_clean(s, 0);
	size_t used, fit = text_fit(c, 60, &used);
	if (fit < strlen(c)) {
		char *cut = xasprintf("%.*s…", (int)fit, c);
		free(c);
		return cut;
	}
	return c;
}

static void row_error(struct import_errors *errs, const struct csv_table *t,
		      const struct csv_record *r, int col, const char *reason)
{
	char *h = shown(col >= 0 && (size_t)col < t->header.n ? t->header.cells[col] : "");
	char *why = text_clean(reason, 0);
	errs_add(errs, _("%s:%d:%d: %s (column \"%s\")"), t->path, r->line, col + 1, why, h);
	free(why);
	free(h);
}

/* Every record must have as many fields as the header: otherwise a
 * separator or a quote went missing and the values are shifted. */
static int check_width(const struct csv_table *t, const struct csv_record *r,
		       struct import_errors *errs)
{
	size_t extra = 0;
	for (size_t i = t->header.n; i < r->n; i++)
		if (*r->cells[i])
			extra = i + 1;
	if (r->n < t->header.n) {
		errs_add(errs, _("%s:%d:%zu: this record has %zu fields but the header line has %zu; "
				 "a separator or a quote is probably missing"),
			 t->path, r->line, r->n + 1, r->n, t->header.n);
		return -1;
	}
	if (extra) {
		errs_add(errs, _("%s:%d:%zu: this record has more fields than the header line (%zu); "
				 "a value probably contains the separator without quotes"),
			 t->path, r->line, t->header.n + 1, t->header.n);
		return -1;
	}
	return 0;
}

/* Where each mapping column is in the file (-1 when absent); a required field
 * none of whose headers is present is reported against the header line. */
static int *resolve_columns(const struct csv_table *t, const struct map_column *cols, size_t n,
			    const struct field_def *defs, size_t n_defs,
			    const struct import_mapping *m, struct import_errors *errs)
{
	int *idx = xcalloc(n ? n : 1, sizeof *idx);
	for (size_t i = 0; i < n; i++)
		idx[i] = csv_table_column(t, cols[i].header);
	for (size_t f = 0; f < n_defs; f++) {
		if (!defs[f].required)
			continue;
		const char *expected = NULL;
		int present = 0;
		for (size_t i = 0; i < n; i++) {
			if (cols[i].field != (int)f)
				continue;
			if (!expected)
				expected = cols[i].header;
			if (idx[i] >= 0)
				present = 1;
		}
		if (present || !expected)
			continue;
		char *h = shown(expected);
		errs_add(errs, _("%s:%d:1: the header line has no column \"%s\", which the mapping "
				 "%s needs for the required field '%s'; export the dossiers again with "
				 "this field, or change the mapping"),
			 t->path, t->header.line, h, m->path, defs[f].column);
		free(h);
	}
	return idx;
}

/* Turn the mapped cells of one record into values of a field table; bad
 * values are reported, valid ones stored in out[]. */
static void read_fields(const struct csv_table *t, const struct csv_record *r,
			const struct map_column *cols, size_t n, const int *idx,
			const struct field_def *defs, size_t n_defs,
			const struct map_value *vals, size_t n_vals,
			const struct import_mapping *m, char **out, int *src,
			struct import_errors *errs)
{
	char why[512];
	int *bad = xcalloc(n_defs, sizeof *bad);
	for (size_t f = 0; f < n_defs; f++)
		src[f] = -1;
	for (size_t i = 0; i < n; i++) {
		int f = cols[i].field;
		if (idx[i] < 0 || out[f] || bad[f])
			continue;
		if (src[f] < 0)
			src[f] = idx[i];
		const char *raw = (size_t)idx[i] < r->n ? r->cells[idx[i]] : "";
		char *v = import_normalize(&defs[f], f, vals, n_vals, m->bools, m->n_bools, raw);
		if (!v)
			continue;
		if (field_validate(&defs[f], v, why, sizeof why) < 0) {
			row_error(errs, t, r, idx[i], why);
			bad[f] = 1;
			free(v);
			continue;
		}
		out[f] = v;
		src[f] = idx[i];
	}
	for (size_t f = 0; f < n_defs; f++) {
		if (!defs[f].required || out[f] || bad[f] || src[f] < 0)
			continue;
		field_validate(&defs[f], NULL, why, sizeof why);
		row_error(errs, t, r, src[f], why);
	}
	free(bad);
}

static void free_batch(struct dossier *ds, size_t n)
{
	for (size_t i = 0; i < n; i++)
		dossier_clear(&ds[i]);
	free(ds);
}

/* The dossiers file: one dossier per valid record. */
static struct dossier *read_dossiers(const struct csv_table *t, const struct import_mapping *m,
				     size_t *n_out, struct import_errors *errs)
{
	int *idx = resolve_columns(t, m->dcols, m->n_dcols, dossier_fields, DF_COUNT, m, errs);
	int *doc_idx = xcalloc(m->n_docs ? m->n_docs : 1, sizeof *doc_idx);
	for (size_t i = 0; i < m->n_docs; i++)
		doc_idx[i] = csv_table_column(t, m->docs[i].header);
	struct dossier *ds = xcalloc(t->n_rows ? t->n_rows : 1, sizeof *ds);
	size_t n = 0;
	for (size_t i = 0; i < t->n_rows; i++) {
		const struct csv_record *r = &t->rows[i];
		if (check_width(t, r, errs) < 0)
			continue;
		struct dossier *d = &ds[n];
		int src[DF_COUNT];
		read_fields(t, r, m->dcols, m->n_dcols, idx, dossier_fields, DF_COUNT,
			    m->dvals, m->n_dvals, m, d->f, src, errs);
		/* A column missing from this export leaves the stored value alone;
		 * an empty cell clears it. */
		for (int f = 0; f < DF_COUNT; f++)
			d->absent[f] = src[f] < 0;
		const char *region = d->f[DF_REGION], *dept = d->f[DF_DEPARTEMENT];
		const char *in = dept ? geo_dept_region(dept) : NULL;
		if (region && in && strcmp(in, region) != 0) {
			char *why = xasprintf(_("département %s (%s) is not in région %s (%s) "
						"but in %s (%s)"), dept, geo_dept_name(dept), region,
					      geo_region_name(region), in, geo_region_name(in));
			row_error(errs, t, r, src[DF_DEPARTEMENT], why);
			free(why);
		}
		const char *num = d->f[DF_DS_NUMBER];
		if (num && num[0] == '#') {
			row_error(errs, t, r, src[DF_DS_NUMBER],
				  _("a dossier number cannot start with '#' (that marks internal ids)"));
		} else if (num) {
			for (size_t j = 0; j < n; j++) {
				if (ds[j].f[DF_DS_NUMBER] && strcmp(ds[j].f[DF_DS_NUMBER], num) == 0) {
					char *why = xasprintf(_("dossier %s appears twice in the file "
								"(first on line %lld)"), num, ds[j].id);
					row_error(errs, t, r, src[DF_DS_NUMBER], why);
					free(why);
					break;
				}
			}
		}
		for (size_t k = 0; k < m->n_docs; k++) {
			if (doc_idx[k] < 0 || (size_t)doc_idx[k] >= r->n)
				continue;
			char *title = trimmed(r->cells[doc_idx[k]]);
			if (!*title) {
				free(title);
				continue;
			}
			d->documents = xrealloc(d->documents, (d->n_documents + 1) * sizeof *d->documents);
			struct document *doc = &d->documents[d->n_documents++];
			doc->kind = xstrdup(m->docs[k].kind);
			doc->title = title;
			doc->received_on = d->f[DF_DEPOSITED_AT] ? xstrdup(d->f[DF_DEPOSITED_AT]) : NULL;
		}
		/* Until saved, id holds the source line (for duplicate messages). */
		d->id = r->line;
		n++;
	}
	free(idx);
	free(doc_idx);
	*n_out = n;
	return ds;
}

/* The members file: each record joins the dossier named in the link column. */
static void read_members(const struct csv_table *t, const struct import_mapping *m,
			 const char *dossiers_path, struct dossier *ds, size_t n_ds,
			 struct import_errors *errs)
{
	int link = csv_table_column(t, m->members_link);
	if (link < 0) {
		char *h = shown(m->members_link);
		errs_add(errs, _("%s:%d:1: the header line has no column \"%s\", which the mapping "
				 "%s names as the members' dossier number"),
			 t->path, t->header.line, h, m->path);
		free(h);
	}
	int *idx = resolve_columns(t, m->mcols, m->n_mcols, member_fields, MF_COUNT, m, errs);
	for (size_t i = 0; i < t->n_rows; i++) {
		const struct csv_record *r = &t->rows[i];
		if (check_width(t, r, errs) < 0)
			continue;
		struct member mb = {0};
		int src[MF_COUNT];
		size_t before = errs->n;
		read_fields(t, r, m->mcols, m->n_mcols, idx, member_fields, MF_COUNT,
			    m->mvals, m->n_mvals, m, mb.f, src, errs);
		struct dossier *owner = NULL;
		if (link >= 0) {
			char *num = trimmed(r->cells[link]);
			for (size_t j = 0; j < n_ds && *num; j++)
				if (ds[j].f[DF_DS_NUMBER] && strcmp(ds[j].f[DF_DS_NUMBER], num) == 0)
					owner = &ds[j];
			if (!owner) {
				char *c = shown(num);
				char *why = *num
					? xasprintf(_("dossier '%s' is not in %s; members are imported "
						      "together with their dossier"), c, dossiers_path)
					: xstrdup(_("the dossier number is empty"));
				row_error(errs, t, r, link, why);
				free(why);
				free(c);
			}
			free(num);
		}
		if (!owner || errs->n != before) {
			member_clear(&mb);
			continue;
		}
		owner->members = xrealloc(owner->members, (owner->n_members + 1) * sizeof *owner->members);
		owner->members[owner->n_members++] = mb;
	}
	free(idx);
}

/* ---------------------------------------------------------------- save --- */

void import_report_done(struct import_report *r)
{
	for (size_t i = 0; i < r->n_items; i++) {
		free(r->items[i].ds_number);
		free(r->items[i].changed);
	}
	free(r->items);
	for (size_t i = 0; i < r->n_ignored; i++)
		free(r->ignored[i]);
	free(r->ignored);
	for (size_t i = 0; i < r->n_notes; i++)
		free(r->notes[i]);
	free(r->notes);
	memset(r, 0, sizeof *r);
}

static int same_text(const char *a, const char *b)
{
	if (!a || !*a)
		return !b || !*b;
	return b && strcmp(a, b) == 0;
}

int import_replace_documents(struct store *s, long long dossier_id,
			     const struct document *docs, size_t n_docs,
			     int *changed, struct perr *e)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT kind, title, received_on FROM documents"
					 " WHERE dossier_id = ? ORDER BY id", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, dossier_id);
	size_t i = 0;
	int differ = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (i >= n_docs ||
		    !same_text((const char *)sqlite3_column_text(st, 0), docs[i].kind) ||
		    !same_text((const char *)sqlite3_column_text(st, 1), docs[i].title) ||
		    !same_text((const char *)sqlite3_column_text(st, 2), docs[i].received_on))
			differ = 1;
		i++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, e, _("reading the documents"));
	if (i != n_docs)
		differ = 1;
	if (changed)
		*changed = differ;
	if (!differ)
		return 0;

	st = store_prepare(s, "DELETE FROM documents WHERE dossier_id = ?", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, dossier_id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, e, _("replacing the documents"));
	st = store_prepare(s, "INSERT INTO documents(dossier_id, kind, title, received_on)"
			   " VALUES (?, ?, ?, ?)", e);
	if (!st)
		return -1;
	for (i = 0; i < n_docs; i++) {
		sqlite3_bind_int64(st, 1, dossier_id);
		sqlite3_bind_text(st, 2, docs[i].kind, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, docs[i].title, -1, SQLITE_TRANSIENT);
		bind_text_or_null(st, 4, docs[i].received_on);
		if (sqlite3_step(st) != SQLITE_DONE) {
			sqlite3_finalize(st);
			return store_fail(s, e, _("saving a document"));
		}
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return 0;
}

/* The field names dossier_save recorded in its 'update' entry. */
static char *last_update_detail(struct store *s, long long id)
{
	sqlite3_stmt *st = NULL;
	char *detail = NULL;
	if (sqlite3_prepare_v2(s->db, "SELECT detail FROM history WHERE dossier_id = ?"
			       " AND kind = 'update' ORDER BY id DESC LIMIT 1", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW)
			detail = col_text_or_null(st, 0);
	}
	sqlite3_finalize(st);
	return detail;
}

static int mapping_has_documents(const struct import_mapping *m, const struct csv_table *t)
{
	for (size_t i = 0; i < m->n_docs; i++)
		if (csv_table_column(t, m->docs[i].header) >= 0)
			return 1;
	return 0;
}

/* DS exports carry bookkeeping columns nobody maps; listing them helps
 * whoever adapts the mapping after the form changed. */
static void note_ignored(const struct csv_table *t, const struct import_mapping *m,
			 struct import_report *rep)
{
	for (size_t i = 0; i < t->header.n; i++) {
		const char *h = t->header.cells[i];
		int used = 0;
		for (size_t k = 0; k < m->n_dcols && !used; k++)
			used = header_eq(h, m->dcols[k].header);
		for (size_t k = 0; k < m->n_docs && !used; k++)
			used = header_eq(h, m->docs[k].header);
		if (used)
			continue;
		rep->ignored = xrealloc(rep->ignored, (rep->n_ignored + 1) * sizeof *rep->ignored);
		rep->ignored[rep->n_ignored++] = trimmed(h);
	}
}

static int save_all(struct store *s, const struct import_request *req, struct dossier *ds,
		    size_t n, int docs, struct import_report *rep, struct perr *e)
{
	char at[21];
	now_utc(at);
	if (store_begin(s, e) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		struct dossier *d = &ds[i];
		d->id = 0;
		enum save_result res;
		long long id = 0;
		if (dossier_save(s, req->actor, req->real_actor, d, req->members_path != NULL, at,
				 &res, &id, e) < 0)
			goto fail;
		char *changed = res == SAVE_UPDATED ? last_update_detail(s, id) : NULL;
		int docs_changed = 0;
		if (docs && import_replace_documents(s, id, d->documents, d->n_documents,
						     &docs_changed, e) < 0) {
			free(changed);
			goto fail;
		}
		if (docs_changed && res != SAVE_CREATED) {
			if (history_add(s, id, at, req->actor, req->real_actor, "update", NULL,
					"documents", e) < 0) {
				free(changed);
				goto fail;
			}
			char *more = changed ? xasprintf("%s, documents", changed) : xstrdup("documents");
			free(changed);
			changed = more;
			res = SAVE_UPDATED;
		}
		rep->items = xrealloc(rep->items, (rep->n_items + 1) * sizeof *rep->items);
		struct import_outcome *o = &rep->items[rep->n_items++];
		o->ds_number = xstrdup(d->f[DF_DS_NUMBER]);
		o->id = id;
		o->result = res;
		o->changed = changed;
		if (res == SAVE_CREATED)
			rep->created++;
		else if (res == SAVE_UPDATED)
			rep->updated++;
		else
			rep->unchanged++;
	}
	if (req->dry_run) {
		store_rollback(s);
		return 0;
	}
	return store_commit(s, e);
fail:
	store_rollback(s);
	return -1;
}

int import_run(struct store *s, const struct import_request *req,
	       struct import_report *rep, struct import_errors *errs, struct perr *e)
{
	const struct import_mapping *m = req->mapping;
	memset(rep, 0, sizeof *rep);
	if (req->members_path && !m->members_link)
		return perr_set(e, P_INVALID, _("%s: the mapping has no 'members:' section, so "
						 "--members cannot be read; add one (see the shipped "
						 "mapping for an example)"), m->path);

	struct csv_table dt, mt;
	memset(&mt, 0, sizeof mt);
	struct perr pe = {0};
	int dt_ok = csv_table_read(req->csv_path, &dt, &pe) == 0;
	if (!dt_ok) {
		if (pe.status != P_INVALID) {
			*e = pe;
			return -1;
		}
		errs_add(errs, "%s", pe.msg);
	}
	int mt_ok = 0;
	if (req->members_path) {
		mt_ok = csv_table_read(req->members_path, &mt, &pe) == 0;
		if (!mt_ok) {
			if (pe.status != P_INVALID) {
				*e = pe;
				if (dt_ok)
					csv_table_done(&dt);
				return -1;
			}
			errs_add(errs, "%s", pe.msg);
		}
	}

	struct dossier *ds = NULL;
	size_t n = 0;
	if (dt_ok) {
		ds = read_dossiers(&dt, m, &n, errs);
		if (mt_ok)
			read_members(&mt, m, req->csv_path, ds, n, errs);
	}
	int rc;
	if (errs->n) {
		rc = perr_set(e, P_INVALID,
			      P_("%zu problem found; nothing was imported. Correct the file "
				 "(or the mapping) and import it again.",
				 "%zu problems found; nothing was imported. Correct the file "
				 "(or the mapping) and import it again.", errs->n), errs->n);
	} else {
		rc = save_all(s, req, ds, n, mapping_has_documents(m, &dt), rep, e);
		if (rc == 0)
			note_ignored(&dt, m, rep);
		const struct csv_table *tables[] = { &dt, mt_ok ? &mt : NULL };
		for (size_t i = 0; rc == 0 && i < 2; i++) {
			if (!tables[i] || !tables[i]->cp1252)
				continue;
			rep->notes = xrealloc(rep->notes, (rep->n_notes + 1) * sizeof *rep->notes);
			rep->notes[rep->n_notes++] =
				xasprintf(_("%s is not UTF-8; it was read as Windows-1252 (a French "
					    "Excel file): check the accents with 'ptce show'"),
					  tables[i]->path);
		}
	}
	free_batch(ds, n);
	if (dt_ok)
		csv_table_done(&dt);
	if (mt_ok)
		csv_table_done(&mt);
	return rc;
}
