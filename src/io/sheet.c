/* sheet.c - cells into records and XML parts read safely, for the xlsx and
 * ods readers (see sheet.h). */
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "io/dynlib.h"
#include "io/sheet.h"
#include "io/sheet_store.h"

struct book_sheet *sheet_list_add(struct book_sheet **v, size_t *n)
{
	*v = xrealloc(*v, (*n + 1) * sizeof **v);
	return memset(&(*v)[(*n)++], 0, sizeof **v);
}

void sheet_build_init(struct sheet_build *b, struct csv_table *t, const char *path,
		      const char *sheet)
{
	memset(b, 0, sizeof *b);
	memset(t, 0, sizeof *t);
	t->path = xstrdup(path);
	t->sheet = xstrdup(sheet);
	t->delim = ',';
	b->t = t;
}

int sheet_build_cell(struct sheet_build *b, int line, size_t col, char *value,
		     struct perr *e)
{
	if (col >= SHEET_MAX_COLS) {
		free(value);
		return perr_set(e, P_INVALID,
				_("%s, sheet \"%s\", row %d: a cell lies past column %d, the last "
				  "one a spreadsheet has; the file is damaged"),
				b->t->path, b->t->sheet, line, SHEET_MAX_COLS);
	}
	if (col >= b->cap) {
		size_t cap = b->cap ? b->cap : 16;
		while (cap <= col)
			cap *= 2;
		b->cells = xrealloc(b->cells, cap * sizeof *b->cells);
		memset(b->cells + b->cap, 0, (cap - b->cap) * sizeof *b->cells);
		b->cap = cap;
	}
	free(b->cells[col]);
	b->cells[col] = value;
	if (col >= b->n)
		b->n = col + 1;
	return 0;
}

static int cell_blank(const char *s)
{
	for (; s && *s; s++)
		if (!csv_is_blank(*s))
			return 0;
	return 1;
}

/* The current row as a record of its cells up to the last non-empty one. */
static void take_row(struct sheet_build *b, struct csv_record *r, int line)
{
	size_t n = b->n;
	while (n && (!b->cells[n - 1] || !*b->cells[n - 1]))
		n--;
	r->cells = xcalloc(n ? n : 1, sizeof *r->cells);
	r->n = n;
	r->line = line;
	for (size_t i = 0; i < n; i++)
		r->cells[i] = b->cells[i] ? b->cells[i] : xstrdup("");
	for (size_t i = n; i < b->n; i++)
		free(b->cells[i]);
	memset(b->cells, 0, b->n * sizeof *b->cells);
	b->n = 0;
}

static void row_clear(struct sheet_build *b)
{
	for (size_t i = 0; i < b->n; i++) {
		free(b->cells[i]);
		b->cells[i] = NULL;
	}
	b->n = 0;
}

static struct csv_record *add_row(struct csv_table *t)
{
	t->rows = xrealloc(t->rows, (t->n_rows + 1) * sizeof *t->rows);
	return memset(&t->rows[t->n_rows++], 0, sizeof *t->rows);
}

static struct csv_record copy_record(const struct csv_record *r, int line)
{
	struct csv_record c = { xcalloc(r->n ? r->n : 1, sizeof *c.cells), r->n, line };
	for (size_t i = 0; i < r->n; i++)
		c.cells[i] = xstrdup(r->cells[i]);
	return c;
}

/* The current row, repeat times, into the store of a streamed sheet. */
static int store_row(struct sheet_build *b, int line, long repeat, struct perr *e)
{
	struct csv_record r;
	take_row(b, &r, line);
	int rc = 0;
	for (long k = 0; k < repeat && rc == 0; k++) {
		r.line = line + (int)k;
		rc = sheet_store_put(b->t, &r, e);
	}
	csv_record_done(&r);
	return rc;
}

int sheet_build_row(struct sheet_build *b, int line, long repeat, struct perr *e)
{
	int blank = 1;
	for (size_t i = 0; i < b->n && blank; i++)
		blank = cell_blank(b->cells[i]);
	if (blank) {
		row_clear(b);
		return 0;
	}
	if (repeat < 1)
		repeat = 1;
	if ((long long)line + repeat - 1 > SHEET_MAX_ROWS ||
	    b->total + (size_t)repeat * b->n > SHEET_MAX_CELLS) {
		row_clear(b);
		return perr_set(e, P_INVALID,
				_("%s, sheet \"%s\", row %d: the sheet holds more rows or cells than "
				  "a spreadsheet can; the file is damaged"),
				b->t->path, b->t->sheet, line);
	}
	b->total += (size_t)repeat * b->n;
	struct csv_table *t = b->t;
	if (t->store && b->have_header)
		return store_row(b, line, repeat, e);
	struct csv_record *r = b->have_header ? add_row(t) : &t->header;
	take_row(b, r, line);
	b->have_header = 1;
	for (long k = 1; k < repeat; k++) {
		struct csv_record c = copy_record(r == &t->header ? &t->header : &t->rows[t->n_rows - 1],
						  line + (int)k);
		*add_row(t) = c;
	}
	return 0;
}

static void merge_record(struct csv_record *r, int r1, size_t c1, int r2, size_t c2)
{
	if (r->line < r1 || r->line > r2)
		return;
	for (size_t c = c1; c <= c2 && c < r->n; c++) {
		if (r->line == r1 && c == c1)
			continue;
		free(r->cells[c]);
		r->cells[c] = xstrdup("");
	}
}

void sheet_build_merge(struct sheet_build *b, int r1, size_t c1, int r2, size_t c2)
{
	if (b->t->store) {
		sheet_store_merge(b->t, r1, c1, r2, c2);
		merge_record(&b->t->header, r1, c1, r2, c2);
		return;
	}
	merge_record(&b->t->header, r1, c1, r2, c2);
	for (size_t i = 0; i < b->t->n_rows; i++)
		merge_record(&b->t->rows[i], r1, c1, r2, c2);
}

static int record_blank(const struct csv_record *r)
{
	for (size_t i = 0; i < r->n; i++)
		if (!cell_blank(r->cells[i]))
			return 0;
	return 1;
}

static void record_free(struct csv_record *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->cells[i]);
	free(r->cells);
}

static void pad(struct csv_record *r, size_t width)
{
	if (r->n >= width)
		return;
	r->cells = xrealloc(r->cells, width * sizeof *r->cells);
	for (size_t i = r->n; i < width; i++)
		r->cells[i] = xstrdup("");
	r->n = width;
}

int sheet_build_done(struct sheet_build *b, struct perr *e)
{
	struct csv_table *t = b->t;
	size_t keep = 0;
	int rc = t->store ? sheet_store_finish(t, e) : 0;
	for (size_t i = 0; !t->store && i < t->n_rows; i++) {
		if (record_blank(&t->rows[i])) {
			record_free(&t->rows[i]);
			continue;
		}
		pad(&t->rows[i], t->header.n);
		t->rows[keep++] = t->rows[i];
	}
	if (!t->store)
		t->n_rows = keep;
	if (!t->header.cells)
		t->header.cells = xcalloc(1, sizeof *t->header.cells);
	row_clear(b);
	free(b->cells);
	memset(b, 0, sizeof *b);
	return rc;
}

/* ---- XML ------------------------------------------------------------------ */

/* No part of a workbook has a DOCTYPE: one is refused before libxml2 sees
 * it, so no entity is ever declared, let alone expanded. */
static int has_doctype(struct sheet_xml *x, const char *buf, size_t n)
{
	static const char pat[] = "<!DOCTYPE";
	const size_t keep = sizeof pat - 2;	/* a match cut by a read leaves at most this */
	char edge[2 * sizeof pat];
	size_t head = n < keep ? n : keep;
	memcpy(edge, x->tail, x->tail_n);
	memcpy(edge + x->tail_n, buf, head);
	size_t en = x->tail_n + head;
	if (memmem(edge, en, pat, keep + 1) || memmem(buf, n, pat, keep + 1))
		return 1;
	if (n >= keep) {
		memcpy(x->tail, buf + n - keep, keep);
		x->tail_n = keep;
	} else {
		size_t k = en < keep ? en : keep;
		memcpy(x->tail, edge + en - k, k);
		x->tail_n = k;
	}
	return 0;
}

/* The kinds of node. */
enum { SX_ELEMENT = 1, SX_TEXT = 3, SX_END = 15 };

struct sheet_xml_event {
	int type, empty;
	size_t name, uri, text;		/* arena offsets; NONE: no such string */
	size_t attr0, n_attr;
};
struct sheet_xml_attr {
	size_t local, uri, value;
};
#define NONE ((size_t)-1)
enum { XML_CHUNK = 64 * 1024 };

/* n bytes of p and a NUL into the arena: where they start. */
static size_t arena_put(struct sheet_xml *x, const void *p, size_t n)
{
	if (x->n_arena + n + 1 > x->cap_arena) {
		size_t cap = x->cap_arena ? x->cap_arena : 4096;
		while (cap < x->n_arena + n + 1)
			cap *= 2;
		x->arena = xrealloc(x->arena, cap);
		x->cap_arena = cap;
	}
	size_t at = x->n_arena;
	memcpy(x->arena + at, p, n);
	x->arena[at + n] = '\0';
	x->n_arena += n + 1;
	return at;
}

static size_t arena_str(struct sheet_xml *x, const xmlChar *s)
{
	return s ? arena_put(x, s, strlen((const char *)s)) : NONE;
}

static struct sheet_xml_event *push(struct sheet_xml *x, int type)
{
	if (x->n_ev == x->cap_ev) {
		x->cap_ev = x->cap_ev ? 2 * x->cap_ev : 256;
		x->ev = xrealloc(x->ev, x->cap_ev * sizeof *x->ev);
	}
	struct sheet_xml_event *v = &x->ev[x->n_ev++];
	*v = (struct sheet_xml_event){ type, 0, NONE, NONE, NONE, 0, 0 };
	x->last_open = 0;
	return v;
}

static void on_start(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri,
		     int n_ns, const xmlChar **ns, int n_attr, int n_defaulted,
		     const xmlChar **attr)
{
	(void)prefix, (void)n_ns, (void)ns, (void)n_defaulted;
	struct sheet_xml *x = ctx;
	struct sheet_xml_event *v = push(x, SX_ELEMENT);
	v->name = arena_str(x, local);
	v->uri = arena_str(x, uri);
	v->attr0 = x->n_attrs;
	for (int i = 0; i < n_attr; i++, attr += 5) {	/* local, prefix, URI, value, end */
		if (x->n_attrs == x->cap_attrs) {
			x->cap_attrs = x->cap_attrs ? 2 * x->cap_attrs : 64;
			x->attrs = xrealloc(x->attrs, x->cap_attrs * sizeof *x->attrs);
		}
		x->attrs[x->n_attrs++] = (struct sheet_xml_attr){
			arena_str(x, attr[0]), arena_str(x, attr[2]),
			arena_put(x, attr[3], (size_t)(attr[4] - attr[3])) };
	}
	v->n_attr = x->n_attrs - v->attr0;
	x->last_open = 1;
}

static void on_end(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri)
{
	(void)prefix;
	struct sheet_xml *x = ctx;
	if (x->last_open) {		/* <x/> or <x></x>: the start is its own end */
		x->ev[x->n_ev - 1].empty = 1;
		x->last_open = 0;
		return;
	}
	struct sheet_xml_event *v = push(x, SX_END);
	v->name = arena_str(x, local);
	v->uri = arena_str(x, uri);
}

static void on_text(void *ctx, const xmlChar *s, int n)
{
	struct sheet_xml *x = ctx;
	struct sheet_xml_event *v = x->n_ev > x->next_ev ? &x->ev[x->n_ev - 1] : NULL;
	if (v && v->type == SX_TEXT) {	/* the arena's last string: extended */
		x->n_arena--;
		arena_put(x, s, (size_t)n);
		return;
	}
	push(x, SX_TEXT)->text = arena_put(x, s, (size_t)n);
}

static void xml_error(void *ctx, xmlErrorPtr err)
{
	struct sheet_xml *x = ctx;
	if (x->xml_err || !err || err->level < XML_ERR_ERROR)
		return;
	x->xml_err = xstrdup(err->message ? err->message : "?");
	size_t n = strlen(x->xml_err);
	while (n && (x->xml_err[n - 1] == '\n' || x->xml_err[n - 1] == ' '))
		x->xml_err[--n] = '\0';
	x->xml_line = err->line;
}

int sheet_xml_open(struct zipread *z, const char *entry, size_t max, struct sheet_xml *x,
		   struct perr *e)
{
	memset(x, 0, sizeof *x);
	x->path = zipread_path(z);
	x->entry = entry;
	int i = zipread_find(z, entry);
	if (i < 0)
		return perr_set(e, P_INVALID, _("%s: the workbook has no part \"%s\"; the file is "
						"damaged or was not written by a spreadsheet"),
				x->path, entry);
	if (zipread_fopen(z, (size_t)i, max, &x->f, e) < 0)
		return -1;
	static xmlSAXHandler sax;
	if (sax.initialized != XML_SAX2_MAGIC) {
		sax.startElementNs = on_start;
		sax.endElementNs = on_end;
		sax.characters = on_text;
		sax.ignorableWhitespace = on_text;
		sax.cdataBlock = on_text;
		sax.serror = xml_error;
		sax.initialized = XML_SAX2_MAGIC;
	}
	xmlInitParser();
	xmlParserCtxtPtr c = xmlCreatePushParserCtxt(&sax, x, NULL, 0, entry);
	if (!c) {
		zipread_fclose(x->f);
		x->f = NULL;
		return perr_set(e, P_INTERNAL, "%s: xmlCreatePushParserCtxt failed", x->path);
	}
	xmlCtxtUseOptions(c, XML_PARSE_NONET);
	x->ctxt = c;
	x->in = xmalloc(XML_CHUNK);
	return 0;
}

/* The next chunk of the part parsed into events. -1 when it cannot be
 * read (the zip's error) or holds a DOCTYPE. */
static int parse_more(struct sheet_xml *x)
{
	x->n_ev = x->next_ev = x->n_attrs = x->n_arena = 0;
	x->last_open = 0;
	int n = zipread_io_read(x->f, x->in, XML_CHUNK);
	if (n < 0)
		return -1;
	if (n > 0 && has_doctype(x, x->in, (size_t)n)) {
		x->doctype = 1;
		return -1;
	}
	xmlParserCtxtPtr c = x->ctxt;
	xmlParseChunk(c, x->in, n, n == 0);
	x->done = n == 0;
	x->failed = !c->wellFormed || x->xml_err;
	return 0;
}

int sheet_xml_next(struct sheet_xml *x)
{
	while (x->next_ev == x->n_ev) {
		if (x->failed || x->doctype)
			return -1;
		if (x->done) {
			x->type = 0;
			x->name = x->uri = x->text = NULL;
			return 0;
		}
		if (parse_more(x) < 0)
			return -1;
	}
	const struct sheet_xml_event *v = &x->ev[x->next_ev++];
	x->type = v->type;
	x->empty = v->empty;
	x->name = v->name == NONE ? NULL : x->arena + v->name;
	x->uri = v->uri == NONE ? NULL : x->arena + v->uri;
	x->text = v->text == NONE ? NULL : x->arena + v->text;
	x->attr0 = v->attr0;
	x->n_attr = v->n_attr;
	return 1;
}

int sheet_xml_fail(struct sheet_xml *x, const char *where, struct perr *e)
{
	const struct perr *fe = x->f ? zipread_ferror(x->f) : NULL;
	char *at = where ? xasprintf(" (%s)", where) : xstrdup("");
	if (fe)
		*e = *fe;
	else if (x->doctype)
		perr_set(e, P_INVALID, _("%s: part \"%s\" declares a DOCTYPE, which no "
					 "spreadsheet writes; refused%s"), x->path, x->entry, at);
	else
		perr_set(e, P_INVALID, _("%s: part \"%s\" is not well-formed XML (line %d: %s)%s; "
					 "the file is damaged"), x->path, x->entry, x->xml_line,
			 x->xml_err ? x->xml_err : "?", at);
	free(at);
	return -1;
}

char *sheet_xml_where(const char *sheet, int row)
{
	if (row > 0)
		return xasprintf(_("sheet \"%s\", near row %d"), sheet, row);
	return xasprintf(_("sheet \"%s\""), sheet);
}

void sheet_xml_close(struct sheet_xml *x)
{
	if (x->ctxt)
		xmlFreeParserCtxt(x->ctxt);
	zipread_fclose(x->f);
	free(x->xml_err);
	free(x->ev);
	free(x->attrs);
	free(x->arena);
	free(x->in);
	memset(x, 0, sizeof *x);
}

static int same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

static int name_is(struct sheet_xml *x, const char *ns, const char *local)
{
	return same(x->name, local) && (!ns || same(x->uri, ns));
}

int sheet_xml_is(struct sheet_xml *x, const char *ns, const char *local)
{
	return x->type == SX_ELEMENT && name_is(x, ns, local);
}

int sheet_xml_is_end(struct sheet_xml *x, const char *ns, const char *local)
{
	int t = x->type;
	if (t == SX_ELEMENT && !x->empty)
		return 0;
	return (t == SX_END || t == SX_ELEMENT) && name_is(x, ns, local);
}

char *sheet_xml_attr(struct sheet_xml *x, const char *ns, const char *local)
{
	if (x->type != SX_ELEMENT)
		return NULL;
	for (size_t i = x->attr0; i < x->attr0 + x->n_attr; i++) {
		const struct sheet_xml_attr *a = &x->attrs[i];
		const char *u = a->uri == NONE ? NULL : x->arena + a->uri;
		if (strcmp(x->arena + a->local, local) == 0 && (ns ? same(u, ns) : !u))
			return xstrdup(x->arena + a->value);
	}
	return NULL;
}

const char *sheet_xml_text(struct sheet_xml *x)
{
	return x->type == SX_TEXT ? x->text : NULL;
}

void sheet_text_add(struct sheet_text *t, const char *s, size_t n)
{
	if (t->n + n + 1 > t->cap) {
		size_t cap = t->cap ? t->cap : 64;
		while (cap < t->n + n + 1)
			cap *= 2;
		t->s = xrealloc(t->s, cap);
		t->cap = cap;
	}
	memcpy(t->s + t->n, s, n);
	t->n += n;
	t->s[t->n] = '\0';
}

char *sheet_text_take(struct sheet_text *t)
{
	char *c = xstrndup(t->s ? t->s : "", t->n);
	t->n = 0;
	return c;
}

void sheet_text_done(struct sheet_text *t)
{
	free(t->s);
	memset(t, 0, sizeof *t);
}
