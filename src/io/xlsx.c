/* xlsx.c - an Office Open XML workbook into sheets of records: the
 * workbook, its relationships, styles and shared strings, then each sheet
 * streamed cell by cell (never a whole sheet's XML in memory). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "io/sheet_store.h"
#include "io/spill.h"
#include "io/xlsx.h"

#define NS_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_REL_STRICT "http://purl.oclc.org/ooxml/officeDocument/relationships"

/* What a cell style makes of a number. */
enum numkind { NUM_PLAIN, NUM_DATE, NUM_TIME, NUM_DATETIME };

struct rel {
	char *id, *target, *type;
};

struct wb_sheet {
	char *name, *rid;
};

struct xlsx {
	struct zipread *z;
	const char *path;
	struct rel *rels;
	size_t n_rels;
	struct wb_sheet *sheets;
	size_t n_sheets;
	int date1904;
	unsigned char *xf;	/* enum numkind of each cellXfs entry */
	size_t n_xf;
	int stream;		/* the sheets' rows kept in stores (io/sheet_store.h) */
	/* The shared strings, each stored as its length, whether it held
	 * _x0000_ (a NUL), then its text: a few MB in memory, the rest in a
	 * temporary file; only where each starts is held. */
	struct spill sst;
	uint64_t *sst_off;
	size_t n_sst;
};

/* ---- text and values -------------------------------------------------- */

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
		return (c | 0x20) - 'a' + 10;
	return -1;
}

static size_t put_utf8(char *o, unsigned cp)
{
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (char)(0xC0 | cp >> 6);
		o[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	o[0] = (char)(0xE0 | cp >> 12);
	o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
	o[2] = (char)(0x80 | (cp & 0x3F));
	return 3;
}

/* Excel writes characters XML cannot hold as _xHHHH_ (a carriage return is
 * _x000D_, an underscore before "x" is _x005F_). Decoded in place; a NUL
 * is dropped and reported through *nul. */
static void unescape_x(char *s, int *nul)
{
	char *o = s;
	for (char *p = s; *p;) {
		int h[4];
		if (p[0] == '_' && p[1] == 'x' && (h[0] = hexval(p[2])) >= 0 &&
		    (h[1] = hexval(p[3])) >= 0 && (h[2] = hexval(p[4])) >= 0 &&
		    (h[3] = hexval(p[5])) >= 0 && p[6] == '_') {
			unsigned cp = (unsigned)(h[0] << 12 | h[1] << 8 | h[2] << 4 | h[3]);
			if (cp >= 0xD800 && cp <= 0xDFFF) {
				*o++ = *p++;
				continue;
			}
			if (cp == 0)
				*nul = 1;
			else
				o += put_utf8(o, cp);
			p += 7;
		} else
			*o++ = *p++;
	}
	*o = '\0';
}

/* Days since 1970-01-01 to a civil date (proleptic Gregorian). */
static void civil(long long z, int *y, int *m, int *d)
{
	z += 719468;
	long long era = (z >= 0 ? z : z - 146096) / 146097;
	long long doe = z - era * 146097;
	long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* A serial date as text, or NULL when v is not a number in Excel's range.
 * The 1900 system counts the 29 February 1900 Lotus kept: serials from 61
 * on are days since 1899-12-30. */
static char *serial_text(const char *v, int date1904, enum numkind kind)
{
	char *end;
	double x = strtod(v, &end);
	if (end == v || *end || !isfinite(x) || x < 0 || x >= 2958466)
		return NULL;
	long long days = (long long)floor(x);
	long long secs = llround((x - (double)days) * 86400.0);
	if (secs >= 86400) {
		days++;
		secs -= 86400;
	}
	long long unix_days = date1904 ? days - 24107 : days - (days < 61 ? 25568 : 25569);
	int y, m, d;
	civil(unix_days, &y, &m, &d);
	int hh = (int)(secs / 3600), mm = (int)(secs / 60 % 60), ss = (int)(secs % 60);
	if (kind == NUM_DATE)
		return xasprintf("%04d-%02d-%02d", y, m, d);
	if (kind == NUM_TIME)
		return xasprintf("%02d:%02d:%02d", hh, mm, ss);
	return xasprintf("%04d-%02d-%02d %02d:%02d:%02d", y, m, d, hh, mm, ss);
}

/* What a number format shows: built-in ids 14-22 and 45-47 are dates and
 * times; a custom code is one when, outside quotes, escapes and [colour]
 * brackets, it has d, m or y (date) or h or s ([h] elapsed included) codes. */
static enum numkind format_kind(int id, const char *code)
{
	if (id >= 14 && id <= 17)
		return NUM_DATE;
	if (id == 22)
		return NUM_DATETIME;
	if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47))
		return NUM_TIME;
	if (!code)
		return NUM_PLAIN;
	int date = 0, time = 0, month = 0;
	for (const char *p = code; *p && *p != ';'; p++) {
		char c = (char)(*p | 0x20);
		if (*p == '"') {
			while (p[1] && p[1] != '"')
				p++;
			if (p[1])
				p++;
		} else if (*p == '\\' || *p == '_' || *p == '*') {
			if (p[1])
				p++;
		} else if (*p == '[') {
			const char *q = strchr(p, ']');
			if (!q)
				break;
			char b = (char)(p[1] | 0x20);
			time |= b == 'h' || b == 's' || b == 'm';
			p = q;
		} else if (c == 'd' || c == 'y')
			date = 1;
		else if (c == 'h' || c == 's')
			time = 1;
		else if (c == 'm')
			month = 1;
	}
	date |= month && !time;
	return date && time ? NUM_DATETIME : date ? NUM_DATE : time ? NUM_TIME : NUM_PLAIN;
}

/* "AB12" into a 0-based column and a row; 0 when it is not a reference. */
static int parse_ref(const char *r, size_t *col, int *row)
{
	size_t c = 0;
	const char *p = r;
	while (*p >= 'A' && *p <= 'Z' && p - r < 4)
		c = c * 26 + (size_t)(*p++ - 'A' + 1);
	if (c == 0)
		return 0;
	long n = 0;
	while (*p >= '0' && *p <= '9' && n <= SHEET_MAX_ROWS)
		n = n * 10 + (*p++ - '0');
	if (*p || n > SHEET_MAX_ROWS)
		return 0;
	*col = c - 1;
	*row = (int)n;
	return 1;
}

/* ---- the workbook's parts ---------------------------------------------- */

/* A relationship's target as an entry name: absolute ("/xl/...") or
 * relative to xl/, with "../" taken back. */
static char *resolve_target(const char *target)
{
	if (target[0] == '/')
		return xstrdup(target + 1);
	char *out = xasprintf("xl/%s", target);
	char *p;
	while ((p = strstr(out, "/../")) != NULL) {
		char *start = p;
		while (start > out && start[-1] != '/')
			start--;
		memmove(start, p + 4, strlen(p + 4) + 1);
	}
	return out;
}

static int read_rels(struct xlsx *x, struct perr *e)
{
	if (zipread_find(x->z, "xl/_rels/workbook.xml.rels") < 0)
		return 0;
	struct sheet_xml sx;
	if (sheet_xml_open(x->z, "xl/_rels/workbook.xml.rels", SHEET_MAX_XML, &sx, e) < 0)
		return -1;
	int rc;
	while ((rc = sheet_xml_next(&sx)) == 1) {
		if (!sheet_xml_is(&sx, NULL, "Relationship"))
			continue;
		char *id = sheet_xml_attr(&sx, NULL, "Id"), *tg = sheet_xml_attr(&sx, NULL, "Target");
		char *mode = sheet_xml_attr(&sx, NULL, "TargetMode");
		if (id && tg && !(mode && strcmp(mode, "External") == 0)) {
			x->rels = xrealloc(x->rels, (x->n_rels + 1) * sizeof *x->rels);
			struct rel *r = &x->rels[x->n_rels++];
			r->id = id;
			r->target = resolve_target(tg);
			r->type = sheet_xml_attr(&sx, NULL, "Type");
			id = NULL;
		}
		free(id);
		free(tg);
		free(mode);
	}
	if (rc < 0)
		sheet_xml_fail(&sx, NULL, e);
	sheet_xml_close(&sx);
	return rc;
}

static const struct rel *rel_by_id(const struct xlsx *x, const char *id)
{
	for (size_t i = 0; id && i < x->n_rels; i++)
		if (strcmp(x->rels[i].id, id) == 0)
			return &x->rels[i];
	return NULL;
}

/* The target of the first relationship of a type ending in suffix. */
static const char *rel_target(const struct xlsx *x, const char *suffix, const char *dflt)
{
	size_t sl = strlen(suffix);
	for (size_t i = 0; i < x->n_rels; i++) {
		const char *t = x->rels[i].type;
		size_t tl = t ? strlen(t) : 0;
		if (tl >= sl && strcmp(t + tl - sl, suffix) == 0)
			return x->rels[i].target;
	}
	return dflt;
}

static int read_workbook(struct xlsx *x, struct perr *e)
{
	struct sheet_xml sx;
	if (sheet_xml_open(x->z, "xl/workbook.xml", SHEET_MAX_XML, &sx, e) < 0)
		return -1;
	int rc;
	while ((rc = sheet_xml_next(&sx)) == 1) {
		if (sheet_xml_is(&sx, NULL, "workbookPr")) {
			char *v = sheet_xml_attr(&sx, NULL, "date1904");
			x->date1904 = v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
			free(v);
		} else if (sheet_xml_is(&sx, NULL, "sheet")) {
			char *rid = sheet_xml_attr(&sx, NS_REL, "id");
			if (!rid)
				rid = sheet_xml_attr(&sx, NS_REL_STRICT, "id");
			x->sheets = xrealloc(x->sheets, (x->n_sheets + 1) * sizeof *x->sheets);
			struct wb_sheet *s = &x->sheets[x->n_sheets++];
			s->name = sheet_xml_attr(&sx, NULL, "name");
			if (!s->name)
				s->name = xasprintf("%zu", x->n_sheets);
			s->rid = rid;
		}
	}
	if (rc < 0)
		sheet_xml_fail(&sx, NULL, e);
	sheet_xml_close(&sx);
	return rc;
}

struct numfmt {
	int id;
	char *code;
};

/* numFmts (custom codes) then cellXfs (one number format per cell style). */
static int read_styles(struct xlsx *x, struct perr *e)
{
	const char *part = rel_target(x, "/styles", "xl/styles.xml");
	if (zipread_find(x->z, part) < 0)
		return 0;
	struct sheet_xml sx;
	if (sheet_xml_open(x->z, part, SHEET_MAX_XML, &sx, e) < 0)
		return -1;
	struct numfmt *fmts = NULL;
	size_t n_fmts = 0;
	int in_xfs = 0, rc;
	while ((rc = sheet_xml_next(&sx)) == 1) {
		if (sheet_xml_is(&sx, NULL, "numFmt")) {
			char *id = sheet_xml_attr(&sx, NULL, "numFmtId");
			fmts = xrealloc(fmts, (n_fmts + 1) * sizeof *fmts);
			fmts[n_fmts].id = id ? atoi(id) : -1;
			fmts[n_fmts++].code = sheet_xml_attr(&sx, NULL, "formatCode");
			free(id);
		} else if (sheet_xml_is(&sx, NULL, "cellXfs")) {
			in_xfs = !sheet_xml_is_end(&sx, NULL, "cellXfs");
		} else if (sheet_xml_is_end(&sx, NULL, "cellXfs")) {
			in_xfs = 0;
		} else if (in_xfs && sheet_xml_is(&sx, NULL, "xf")) {
			char *v = sheet_xml_attr(&sx, NULL, "numFmtId");
			int id = v ? atoi(v) : 0;
			free(v);
			const char *code = NULL;
			for (size_t i = 0; i < n_fmts; i++)
				if (fmts[i].id == id)
					code = fmts[i].code;
			x->xf = xrealloc(x->xf, x->n_xf + 1);
			x->xf[x->n_xf++] = (unsigned char)format_kind(id, code);
		}
	}
	if (rc < 0)
		sheet_xml_fail(&sx, NULL, e);
	sheet_xml_close(&sx);
	for (size_t i = 0; i < n_fmts; i++)
		free(fmts[i].code);
	free(fmts);
	return rc;
}

/* Rich text: the <t> of every run, but not the phonetic guides (<rPh>). */
struct rich {
	int in_t, rph;
	struct sheet_text text;
};

static void rich_node(struct sheet_xml *sx, struct rich *r)
{
	const char *s;
	if (sheet_xml_is(sx, NULL, "rPh"))
		r->rph = !sheet_xml_is_end(sx, NULL, "rPh");
	else if (sheet_xml_is_end(sx, NULL, "rPh"))
		r->rph = 0;
	else if (sheet_xml_is(sx, NULL, "t"))
		r->in_t = !r->rph && !sheet_xml_is_end(sx, NULL, "t");
	else if (sheet_xml_is_end(sx, NULL, "t"))
		r->in_t = 0;
	else if (r->in_t && (s = sheet_xml_text(sx)) != NULL)
		sheet_text_add(&r->text, s, strlen(s));
}

static int sst_push(struct xlsx *x, const char *part, struct rich *r, struct perr *e)
{
	if ((x->n_sst & (x->n_sst - 1)) == 0) {
		size_t cap = x->n_sst ? x->n_sst * 2 : 1;
		x->sst_off = xrealloc(x->sst_off, cap * sizeof *x->sst_off);
	}
	int nul = 0;
	char *s = sheet_text_take(&r->text);
	unescape_x(s, &nul);
	size_t n = strlen(s);
	char *rec = xmalloc(5 + n);
	uint32_t len = (uint32_t)n;
	memcpy(rec, &len, 4);
	rec[4] = (char)nul;
	memcpy(rec + 5, s, n);
	struct perr pe = {0};
	int rc = n > UINT32_MAX ? perr_set(&pe, P_INVALID, _("longer than 4 GB"))
				: spill_put(&x->sst, rec, 5 + n, &x->sst_off[x->n_sst], &pe);
	if (rc < 0)
		perr_set(e, pe.status, _("%s: part \"%s\", shared string %zu: %s"), x->path, part,
			 x->n_sst + 1, pe.msg);
	else
		x->n_sst++;
	free(rec);
	free(s);
	return rc;
}

/* Shared string i into *out (a fresh string), *nul when it held _x0000_. */
static int sst_get(struct xlsx *x, size_t i, char **out, int *nul, struct perr *e)
{
	char head[5];
	uint32_t len;
	*out = NULL;
	if (spill_get(&x->sst, x->sst_off[i], head, 5, e) < 0)
		return -1;
	memcpy(&len, head, 4);
	*nul = head[4] != 0;
	*out = xmalloc((size_t)len + 1);
	(*out)[len] = '\0';
	if (spill_get(&x->sst, x->sst_off[i] + 5, *out, len, e) < 0) {
		free(*out);
		*out = NULL;
		return -1;
	}
	return 0;
}

static int read_shared_strings(struct xlsx *x, struct perr *e)
{
	const char *part = rel_target(x, "/sharedStrings", "xl/sharedStrings.xml");
	if (zipread_find(x->z, part) < 0)
		return 0;
	struct sheet_xml sx;
	if (sheet_xml_open(x->z, part, SHEET_MAX_XML, &sx, e) < 0)
		return -1;
	struct rich r = {0};
	int rc;
	while ((rc = sheet_xml_next(&sx)) == 1) {
		if (sheet_xml_is(&sx, NULL, "si")) {
			r.in_t = r.rph = 0;
			r.text.n = 0;
		}
		if (!sheet_xml_is_end(&sx, NULL, "si"))
			rich_node(&sx, &r);
		else if (sst_push(x, part, &r, e) < 0)
			break;
	}
	if (rc < 0)
		sheet_xml_fail(&sx, NULL, e);
	else if (rc > 0)
		rc = -1;
	sheet_text_done(&r.text);
	sheet_xml_close(&sx);
	return rc;
}

/* ---- one worksheet ------------------------------------------------------ */

struct cell {
	size_t col;
	char *type;
	int style;
	int in_v, in_is;
	struct rich rich;	/* <v> text, or the inline string's runs */
};

struct ws {
	struct xlsx *x;
	struct sheet_build b;
	struct sheet_xml sx;
	int row;		/* row being read (1-based) */
	size_t next_col;	/* column of a cell without a reference */
	struct cell c;
	int *merges;		/* r1, c1, r2, c2 for each merged range */
	size_t n_merges;
};

static int cell_error(struct ws *w, const char *why, struct perr *e)
{
	char *at = csv_place(w->b.t, w->row, w->c.col + 1);
	perr_set(e, P_INVALID, "%s: %s", at, why);
	free(at);
	return -1;
}

/* The value of the cell just closed, by its type (t) and style (s). */
static int cell_value(struct ws *w, char **out, struct perr *e)
{
	struct cell *c = &w->c;
	const char *t = c->type ? c->type : "n";
	char *v = sheet_text_take(&c->rich.text);
	int nul = 0;
	*out = v;
	if (strcmp(t, "s") == 0) {
		char *end;
		unsigned long i = strtoul(v, &end, 10);
		int bad = end == v || *end || i >= w->x->n_sst;
		free(v);
		*out = NULL;
		if (bad)
			return cell_error(w, _("the cell names a shared string the workbook does not "
					       "have; the file is damaged"), e);
		struct perr pe = {0};
		if (sst_get(w->x, i, out, &nul, &pe) < 0)
			return cell_error(w, pe.msg, e);
	} else if (strcmp(t, "inlineStr") == 0 || strcmp(t, "str") == 0) {
		unescape_x(v, &nul);
	} else if (strcmp(t, "b") == 0) {
		*out = xstrdup(strcmp(v, "1") == 0 || strcmp(v, "true") == 0 ? "true" : "false");
		free(v);
	} else if (strcmp(t, "d") == 0) {
		char *p = strchr(v, 'T');
		if (p)
			*p = ' ';
		v[strcspn(v, ".Z+")] = '\0';
	} else if (strcmp(t, "n") == 0 && c->style >= 0 && (size_t)c->style < w->x->n_xf &&
		   w->x->xf[c->style] != NUM_PLAIN) {
		char *d = serial_text(v, w->x->date1904, (enum numkind)w->x->xf[c->style]);
		if (d) {
			free(v);
			*out = d;
		}
	}
	if (nul)
		return cell_error(w, _("the cell holds a NUL character (_x0000_), which no text "
				       "has; remove it"), e);
	return 0;
}

static void cell_start(struct ws *w)
{
	struct cell *c = &w->c;
	char *r = sheet_xml_attr(&w->sx, NULL, "r"), *s = sheet_xml_attr(&w->sx, NULL, "s");
	int row;
	if (!r || !parse_ref(r, &c->col, &row))
		c->col = w->next_col;
	w->next_col = c->col + 1;
	free(c->type);
	c->type = sheet_xml_attr(&w->sx, NULL, "t");
	c->style = s ? atoi(s) : 0;
	c->in_v = c->in_is = c->rich.in_t = c->rich.rph = 0;
	c->rich.text.n = 0;
	free(r);
	free(s);
}

static int cell_end(struct ws *w, struct perr *e)
{
	char *v;
	if (cell_value(w, &v, e) < 0) {
		free(v);
		return -1;
	}
	if (!*v) {
		free(v);
		return 0;
	}
	return sheet_build_cell(&w->b, w->row, w->c.col, v, e);
}

static void row_start(struct ws *w)
{
	char *r = sheet_xml_attr(&w->sx, NULL, "r");
	long n = r ? strtol(r, NULL, 10) : 0;
	w->row = n > 0 && n <= SHEET_MAX_ROWS ? (int)n : w->row + 1;
	w->next_col = 0;
	free(r);
}

static void merge_add(struct ws *w)
{
	char *ref = sheet_xml_attr(&w->sx, NULL, "ref");
	char *colon = ref ? strchr(ref, ':') : NULL;
	size_t c1, c2;
	int r1, r2;
	if (colon) {
		*colon = '\0';
		if (parse_ref(ref, &c1, &r1) && parse_ref(colon + 1, &c2, &r2)) {
			w->merges = xrealloc(w->merges, (w->n_merges + 1) * 4 * sizeof *w->merges);
			int *m = w->merges + 4 * w->n_merges++;
			m[0] = r1, m[1] = (int)c1, m[2] = r2, m[3] = (int)c2;
		}
	}
	free(ref);
}

/* One node of a worksheet: rows, cells and their values, merged ranges. */
static int ws_node(struct ws *w, struct perr *e)
{
	struct sheet_xml *sx = &w->sx;
	struct cell *c = &w->c;
	const char *s;
	if (sheet_xml_is(sx, NULL, "row"))
		row_start(w);
	if (sheet_xml_is_end(sx, NULL, "row"))
		return sheet_build_row(&w->b, w->row, 1, e);
	if (sheet_xml_is(sx, NULL, "c"))
		cell_start(w);
	if (sheet_xml_is_end(sx, NULL, "c"))
		return cell_end(w, e);
	if (sheet_xml_is(sx, NULL, "v"))
		c->in_v = !sheet_xml_is_end(sx, NULL, "v");
	else if (sheet_xml_is_end(sx, NULL, "v"))
		c->in_v = 0;
	else if (sheet_xml_is(sx, NULL, "is"))
		c->in_is = !sheet_xml_is_end(sx, NULL, "is");
	else if (sheet_xml_is_end(sx, NULL, "is"))
		c->in_is = 0;
	else if (c->in_is)
		rich_node(sx, &c->rich);
	else if (c->in_v && (s = sheet_xml_text(sx)) != NULL)
		sheet_text_add(&c->rich.text, s, strlen(s));
	else if (sheet_xml_is(sx, NULL, "mergeCell"))
		merge_add(w);
	return 0;
}

static int read_worksheet(struct xlsx *x, const struct wb_sheet *ws, const char *part,
			  struct book_sheet *bs, struct perr *e)
{
	struct ws w = { .x = x, .c.style = 0 };
	bs->name = xstrdup(ws->name);
	sheet_build_init(&w.b, &bs->table, x->path, ws->name);
	if (x->stream)
		sheet_store_start(&bs->table);
	int rc = sheet_xml_open(x->z, part, SHEET_STREAM_XML, &w.sx, e);
	while (rc == 0 && (rc = sheet_xml_next(&w.sx)) == 1)
		rc = ws_node(&w, e);
	if (rc < 0 && w.sx.ctxt && e->status == P_OK) {
		char *where = sheet_xml_where(ws->name, w.row);
		sheet_xml_fail(&w.sx, where, e);
		free(where);
	}
	for (size_t i = 0; rc == 0 && i < w.n_merges; i++) {
		int *m = w.merges + 4 * i;
		sheet_build_merge(&w.b, m[0], (size_t)m[1], m[2], (size_t)m[3]);
	}
	if (sheet_build_done(&w.b, e) < 0 && rc == 0)
		rc = -1;
	sheet_xml_close(&w.sx);
	sheet_text_done(&w.c.rich.text);
	free(w.c.type);
	free(w.merges);
	return rc < 0 ? -1 : 0;
}

/* ---- the whole workbook --------------------------------------------------- */

static void xlsx_done(struct xlsx *x)
{
	for (size_t i = 0; i < x->n_rels; i++) {
		free(x->rels[i].id);
		free(x->rels[i].target);
		free(x->rels[i].type);
	}
	for (size_t i = 0; i < x->n_sheets; i++) {
		free(x->sheets[i].name);
		free(x->sheets[i].rid);
	}
	free(x->rels);
	free(x->sheets);
	free(x->xf);
	spill_done(&x->sst);
	free(x->sst_off);
}

static int is_type(const struct rel *r, const char *suffix)
{
	size_t sl = strlen(suffix), tl = r->type ? strlen(r->type) : 0;
	return tl >= sl && strcmp(r->type + tl - sl, suffix) == 0;
}

static int read_sheets(struct xlsx *x, struct book_sheet **sheets, size_t *n, struct perr *e)
{
	for (size_t i = 0; i < x->n_sheets; i++) {
		const struct rel *r = rel_by_id(x, x->sheets[i].rid);
		if (!r)
			return perr_set(e, P_INVALID, _("%s: sheet \"%s\" points to no part of the "
							"workbook; the file is damaged"),
					x->path, x->sheets[i].name);
		if (!is_type(r, "/worksheet"))
			continue;	/* a chart sheet has no cells */
		struct book_sheet *bs = sheet_list_add(sheets, n);
		if (read_worksheet(x, &x->sheets[i], r->target, bs, e) < 0)
			return -1;
	}
	return 0;
}

int xlsx_read(struct zipread *z, int stream, struct book_sheet **sheets, size_t *n,
	      struct perr *e)
{
	struct xlsx x = { .z = z, .path = zipread_path(z), .stream = stream };
	spill_init(&x.sst);
	perr_clear(e);
	int rc = read_rels(&x, e);
	if (rc == 0)
		rc = read_workbook(&x, e);
	if (rc == 0)
		rc = read_styles(&x, e);
	if (rc == 0)
		rc = read_shared_strings(&x, e);
	if (rc == 0)
		rc = read_sheets(&x, sheets, n, e);
	xlsx_done(&x);
	return rc < 0 ? -1 : 0;
}
