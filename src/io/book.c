/* book.c - an export file into named sheets (see book.h): what it is is
 * told from its bytes, then the reader of that format fills the book. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "io/book.h"
#include "io/ods.h"
#include "io/sheet_store.h"
#include "io/xlsx.h"
#include "io/zipread.h"

/* The first bytes of path: 0, or -1 with P_IO. */
static int sniff(const char *path, unsigned char *head, size_t n, size_t *got, struct perr *e)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return perr_set(e, P_IO, _("%s: cannot open: %s"), path, strerror(errno));
	*got = fread(head, 1, n, f);
	int bad = ferror(f);
	fclose(f);
	if (bad)
		return perr_set(e, P_IO, _("%s: cannot read: %s"), path, strerror(errno));
	return 0;
}

/* An entry of the platform's pièces export: "export/..." (how the
 * platform zips it) or "dossier-<ID>/..." (an archive made from its folder). */
static int is_pieces_entry(const char *name)
{
	if (strncmp(name, "export/", 7) == 0)
		return 1;
	if (strncmp(name, "dossier-", 8) != 0)
		return 0;
	const char *p = name + 8;
	if (*p < '0' || *p > '9')
		return 0;
	while (*p >= '0' && *p <= '9')
		p++;
	return *p == '/';
}

static int opendocument_kind(struct zipread *z, char **mime, struct perr *e)
{
	*mime = NULL;
	int i = zipread_find(z, "mimetype");
	if (i < 0)
		return 0;
	size_t len;
	if (zipread_read(z, (size_t)i, 256, mime, &len, e) < 0)
		return -1;
	(*mime)[strcspn(*mime, "\r\n")] = '\0';
	return 0;
}

/* Which zip it is: a workbook (xlsx, ods), the pièces export, or neither. */
static int zip_format(struct zipread *z, enum book_format *fmt, struct perr *e)
{
	const char *path = zipread_path(z);
	char *mime;
	if (zipread_find(z, "xl/workbook.xml") >= 0) {
		*fmt = BOOK_XLSX;
		return 0;
	}
	if (opendocument_kind(z, &mime, e) < 0)
		return -1;
	int ods = mime ? strncmp(mime, "application/vnd.oasis.opendocument.spreadsheet", 46) == 0
		       : zipread_find(z, "content.xml") >= 0;
	if (mime && !ods) {
		perr_set(e, P_INVALID, _("%s: an OpenDocument file of type %s, not a spreadsheet; "
					 "export the dossiers as xlsx, ods or csv"), path, mime);
		free(mime);
		return -1;
	}
	free(mime);
	if (ods) {
		*fmt = BOOK_ODS;
		return 0;
	}
	for (size_t i = 0; i < zipread_count(z); i++)
		if (is_pieces_entry(zipread_name(z, i))) {
			*fmt = BOOK_ZIP;
			return 0;
		}
	return perr_set(e, P_INVALID,
			_("%s: a zip archive, but neither a spreadsheet (xlsx, ods) nor the "
			  "platform's export of pièces jointes (folders dossier-ID/); refused"), path);
}

static int read_zip(struct book *b, int stream, struct perr *e)
{
	struct zipread *z;
	if (zipread_open(b->path, &z, e) < 0)
		return -1;
	int rc = zip_format(z, &b->format, e);
	if (rc == 0 && b->format == BOOK_XLSX)
		rc = xlsx_read(z, stream, &b->sheets, &b->n, e);
	else if (rc == 0 && b->format == BOOK_ODS)
		rc = ods_read(z, stream, &b->sheets, &b->n, e);
	zipread_close(z);
	return rc;
}

/* A copy of what a CSV reader told of its file, its header included. */
static void header_copy(struct csv_table *t, const struct csv_table *from)
{
	*t = (struct csv_table){ .path = xstrdup(from->path), .delim = from->delim,
				 .had_bom = from->had_bom, .crlf = from->crlf,
				 .cp1252 = from->cp1252 };
	t->header.line = from->header.line;
	t->header.n = from->header.n;
	t->header.cells = xcalloc(from->header.n ? from->header.n : 1, sizeof *t->header.cells);
	for (size_t i = 0; i < from->header.n; i++)
		t->header.cells[i] = xstrdup(from->header.cells[i]);
}

/* A CSV: one sheet, its rows read now, or (stream) left to b->csv. */
static int read_csv(struct book *b, const char *encoding, int stream, struct perr *e)
{
	b->format = BOOK_CSV;
	b->sheets = xcalloc(1, sizeof *b->sheets);
	b->sheets[0].name = xstrdup("Dossiers");
	b->n = 1;
	if (!stream)
		return csv_table_read_enc(b->path, encoding, &b->sheets[0].table, e);
	if (csv_reader_open(b->path, encoding, &b->csv, e) < 0)
		return -1;
	header_copy(&b->sheets[0].table, csv_reader_table(b->csv));
	return 0;
}

static int book_load(const char *path, const char *encoding, int stream, struct book *b,
		     struct perr *e)
{
	memset(b, 0, sizeof *b);
	b->path = xstrdup(path);
	unsigned char head[8];
	size_t got = 0;
	int rc = sniff(path, head, sizeof head, &got, e);
	if (rc == 0 && got >= 4 && memcmp(head, "PK", 2) == 0 &&
	    (memcmp(head + 2, "\3\4", 2) == 0 || memcmp(head + 2, "\5\6", 2) == 0)) {
		rc = read_zip(b, stream, e);
	} else if (rc == 0 && got >= 8 && memcmp(head, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0) {
		rc = perr_set(e, P_INVALID, _("%s: an old Excel file (.xls), which ptce does not "
					      "read; save it as .xlsx or export it again"), path);
	} else if (rc == 0) {
		rc = read_csv(b, encoding, stream, e);
	}
	if (rc < 0) {
		book_done(b);
		return -1;
	}
	return 0;
}

int book_read(const char *path, const char *encoding, struct book *b, struct perr *e)
{
	return book_load(path, encoding, 0, b, e);
}

int book_open(const char *path, const char *encoding, struct book *b, struct perr *e)
{
	return book_load(path, encoding, 1, b, e);
}

const struct csv_table *book_sheet(const struct book *b, const char *name)
{
	for (size_t i = 0; i < b->n; i++)
		if (strcmp(b->sheets[i].name, name) == 0)
			return &b->sheets[i].table;
	return NULL;
}

const char *book_format_name(enum book_format f)
{
	switch (f) {
	case BOOK_XLSX:
		return "xlsx";
	case BOOK_ODS:
		return "ods";
	case BOOK_ZIP:
		return "zip";
	case BOOK_CSV:
	default:
		return "csv";
	}
}

void book_done(struct book *b)
{
	csv_reader_close(b->csv);
	for (size_t i = 0; i < b->n; i++) {
		free(b->sheets[i].name);
		sheet_store_free(b->sheets[i].table.store);
		csv_table_done(&b->sheets[i].table);
	}
	free(b->sheets);
	free(b->path);
	memset(b, 0, sizeof *b);
}
