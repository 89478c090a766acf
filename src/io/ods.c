/* ods.c - an OpenDocument spreadsheet into sheets of records: content.xml
 * streamed table by table, row by row (never held whole in memory). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "io/ods.h"
#include "io/sheet_store.h"

#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"

/* A text:s longer than this is a hostile file, not a spreadsheet's. */
#define ODS_MAX_SPACES 10000

struct ods {
	struct zipread *z;
	struct book_sheet **sheets;
	size_t *n;
	int stream;		/* the rows kept in stores (io/sheet_store.h) */
	struct sheet_xml sx;
	int spreadsheet;	/* saw office:spreadsheet */
	int in_table;
	struct sheet_build bld;
	int row;		/* number of the row being read (1-based) */
	long row_rep;
	size_t col;		/* column of the next cell (0-based) */
	/* the cell being read */
	int in_cell, covered, note, paras, in_p;
	size_t sep_end;		/* text length after the last paragraph break we added */
	long col_rep;
	char *vtype, *value;
	struct sheet_text text;
};

/* A repeat count attribute: at least 1, at most cap. */
static long repeat_attr(struct sheet_xml *sx, const char *name, long cap)
{
	char *v = sheet_xml_attr(sx, NS_TABLE, name);
	long n = v ? strtol(v, NULL, 10) : 1;
	free(v);
	return n < 1 ? 1 : n > cap ? cap : n;
}

/* "2025-03-12T10:31:00.5+01:00" as "2025-03-12 10:31:00"; "2025-03-12" kept. */
static char *date_text(const char *v)
{
	const char *t = strchr(v, 'T');
	if (!t)
		return xstrdup(v);
	size_t tl = strcspn(t + 1, ".Z+-");
	return xasprintf("%.*s %.*s", (int)(t - v), v, (int)tl, t + 1);
}

/* "PT10H31M05S" as "10:31:05". */
static char *time_text(const char *v)
{
	long part[3] = {0, 0, 0};
	const char *p = strchr(v, 'T');
	if (!p)
		return xstrdup(v);
	for (p++; *p;) {
		char *end;
		long n = strtol(p, &end, 10);
		if (end == p)
			return xstrdup(v);
		if (*end == '.')
			while (*++end >= '0' && *end <= '9')
				;
		if (*end == 'H')
			part[0] = n;
		else if (*end == 'M')
			part[1] = n;
		else if (*end == 'S')
			part[2] = n;
		else
			return xstrdup(v);
		p = end + 1;
	}
	return xasprintf("%02ld:%02ld:%02ld", part[0], part[1], part[2]);
}

/* The value of the cell just closed, from its type and attributes, else
 * its text. */
static char *cell_value(struct ods *o)
{
	char *text = sheet_text_take(&o->text);
	const char *t = o->vtype ? o->vtype : "";
	char *v = NULL;
	if (o->covered)
		v = xstrdup("");
	else if (!o->value)
		return text;
	else if (strcmp(t, "float") == 0 || strcmp(t, "percentage") == 0 ||
		 strcmp(t, "currency") == 0 || strcmp(t, "string") == 0)
		v = xstrdup(o->value);
	else if (strcmp(t, "date") == 0)
		v = date_text(o->value);
	else if (strcmp(t, "time") == 0)
		v = time_text(o->value);
	else if (strcmp(t, "boolean") == 0)
		v = xstrdup(strcmp(o->value, "true") == 0 || strcmp(o->value, "1") == 0 ? "true"
											 : "false");
	if (!v)
		return text;
	free(text);
	return v;
}

static void cell_start(struct ods *o, int covered)
{
	struct sheet_xml *sx = &o->sx;
	o->in_cell = 1;
	o->covered = covered;
	o->paras = o->in_p = o->note = 0;
	o->sep_end = 0;
	o->text.n = 0;
	o->col_rep = repeat_attr(sx, "number-columns-repeated", SHEET_MAX_COLS + 1L);
	free(o->vtype);
	free(o->value);
	o->vtype = sheet_xml_attr(sx, NS_OFFICE, "value-type");
	const char *t = o->vtype ? o->vtype : "";
	const char *attr = strcmp(t, "date") == 0 ? "date-value"
			 : strcmp(t, "time") == 0 ? "time-value"
			 : strcmp(t, "boolean") == 0 ? "boolean-value"
			 : strcmp(t, "string") == 0 ? "string-value" : "value";
	o->value = sheet_xml_attr(sx, NS_OFFICE, attr);
}

static int cell_end(struct ods *o, struct perr *e)
{
	char *v = cell_value(o);
	int rc = 0;
	o->in_cell = 0;
	if (*v)
		for (long k = 0; rc == 0 && k < o->col_rep; k++)
			rc = sheet_build_cell(&o->bld, o->row, o->col + (size_t)k,
					      k + 1 < o->col_rep ? xstrdup(v) : v, e);
	if (!*v || rc < 0)
		free(v);
	o->col += (size_t)o->col_rep;
	return rc;
}

/* Text inside a cell: paragraphs, spaces, tabs, line breaks; not notes. */
static void cell_text(struct ods *o)
{
	struct sheet_xml *sx = &o->sx;
	const char *s;
	if (sheet_xml_is(sx, NS_OFFICE, "annotation"))
		o->note = !sheet_xml_is_end(sx, NS_OFFICE, "annotation");
	else if (sheet_xml_is_end(sx, NS_OFFICE, "annotation"))
		o->note = 0;
	else if (o->note)
		return;
	else if (sheet_xml_is(sx, NS_TEXT, "p") || sheet_xml_is(sx, NS_TEXT, "h")) {
		/* A writer that splits "a\r\nb" on LF leaves the CR at the end of a
		 * paragraph, which XML reads as a line end: that is the break
		 * already, as the xlsx of the same text has one. */
		int cr = o->text.n && o->text.s[o->text.n - 1] == '\n' && o->text.n != o->sep_end;
		if (o->paras++ && !cr) {
			sheet_text_add(&o->text, "\n", 1);
			o->sep_end = o->text.n;
		}
		o->in_p += !sheet_xml_is_end(sx, NS_TEXT, "p") && !sheet_xml_is_end(sx, NS_TEXT, "h");
	} else if (sheet_xml_is_end(sx, NS_TEXT, "p") || sheet_xml_is_end(sx, NS_TEXT, "h"))
		o->in_p -= o->in_p > 0;
	else if (sheet_xml_is(sx, NS_TEXT, "s")) {
		char *c = sheet_xml_attr(sx, NS_TEXT, "c");
		long n = c ? strtol(c, NULL, 10) : 1;
		free(c);
		for (long i = 0; i < n && i < ODS_MAX_SPACES; i++)
			sheet_text_add(&o->text, " ", 1);
	} else if (sheet_xml_is(sx, NS_TEXT, "tab"))
		sheet_text_add(&o->text, "\t", 1);
	else if (sheet_xml_is(sx, NS_TEXT, "line-break"))
		sheet_text_add(&o->text, "\n", 1);
	else if (o->in_p && (s = sheet_xml_text(sx)) != NULL)
		sheet_text_add(&o->text, s, strlen(s));
}

static void table_start(struct ods *o)
{
	char *name = sheet_xml_attr(&o->sx, NS_TABLE, "name");
	if (!name)
		name = xasprintf("%zu", *o->n + 1);
	struct book_sheet *bs = sheet_list_add(o->sheets, o->n);
	bs->name = name;
	sheet_build_init(&o->bld, &bs->table, zipread_path(o->z), name);
	if (o->stream)
		sheet_store_start(&bs->table);
	o->in_table = 1;
	o->row = 1;
}

/* One node of content.xml. */
static int ods_node(struct ods *o, struct perr *e)
{
	struct sheet_xml *sx = &o->sx;
	if (sheet_xml_is(sx, NS_OFFICE, "spreadsheet"))
		o->spreadsheet = 1;
	if (!o->in_table) {
		if (o->spreadsheet && sheet_xml_is(sx, NS_TABLE, "table"))
			table_start(o);
		if (!o->in_table || !sheet_xml_is_end(sx, NS_TABLE, "table"))
			return 0;
	}
	if (sheet_xml_is_end(sx, NS_TABLE, "table")) {
		o->in_table = 0;
		return sheet_build_done(&o->bld, e);
	}
	if (sheet_xml_is(sx, NS_TABLE, "table-row")) {
		o->row_rep = repeat_attr(sx, "number-rows-repeated", SHEET_MAX_ROWS + 1L);
		o->col = 0;
	}
	if (sheet_xml_is(sx, NS_TABLE, "table-cell"))
		cell_start(o, 0);
	else if (sheet_xml_is(sx, NS_TABLE, "covered-table-cell"))
		cell_start(o, 1);
	else if (o->in_cell && !sheet_xml_is_end(sx, NS_TABLE, "table-cell") &&
		 !sheet_xml_is_end(sx, NS_TABLE, "covered-table-cell"))
		cell_text(o);
	if (o->in_cell && (sheet_xml_is_end(sx, NS_TABLE, "table-cell") ||
			   sheet_xml_is_end(sx, NS_TABLE, "covered-table-cell")) &&
	    cell_end(o, e) < 0)
		return -1;
	if (sheet_xml_is_end(sx, NS_TABLE, "table-row")) {
		/* A blank row is never kept: padding of a million rows costs nothing. */
		int rc = sheet_build_row(&o->bld, o->row, o->row_rep, e);
		long next = (long)o->row + o->row_rep;
		o->row = next > SHEET_MAX_ROWS + 1L ? SHEET_MAX_ROWS + 1 : (int)next;
		return rc;
	}
	return 0;
}

static int ods_fail(struct ods *o, struct perr *e)
{
	if (e->status != P_OK)
		return -1;
	char *where = o->in_table ? sheet_xml_where((*o->sheets)[*o->n - 1].name, o->row) : NULL;
	sheet_xml_fail(&o->sx, where, e);
	free(where);
	return -1;
}

int ods_read(struct zipread *z, int stream, struct book_sheet **sheets, size_t *n,
	     struct perr *e)
{
	struct ods o = { .z = z, .sheets = sheets, .n = n, .stream = stream };
	perr_clear(e);
	if (sheet_xml_open(z, "content.xml", SHEET_STREAM_XML, &o.sx, e) < 0)
		return -1;
	int rc;
	while ((rc = sheet_xml_next(&o.sx)) == 1)
		if ((rc = ods_node(&o, e)) < 0)
			break;
	if (rc < 0)
		ods_fail(&o, e);
	else if (!o.spreadsheet)
		rc = perr_set(e, P_INVALID, _("%s: an OpenDocument file, but not a spreadsheet "
					      "(a text or a drawing?); export the dossiers as "
					      "xlsx, ods or csv"), zipread_path(z));
	if (o.in_table)
		sheet_build_done(&o.bld, &(struct perr){0});
	sheet_xml_close(&o.sx);
	sheet_text_done(&o.text);
	free(o.vtype);
	free(o.value);
	return rc < 0 ? -1 : 0;
}
