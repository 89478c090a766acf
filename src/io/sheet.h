/* sheet.h - what the xlsx and ods readers share: a sheet's cells built into
 * the records of io/csv.h, and a zip entry's XML read with libxml2's
 * streaming reader, safely (no network, no DTD, no entity expansion). */
#ifndef PTCE_SHEET_H
#define PTCE_SHEET_H

#include <stddef.h>

#include "base/err.h"
#include "io/csv.h"
#include "io/zipread.h"

/* One sheet of a book (io/book.h): its name and its rows. table.path
 * names the file and table.sheet the sheet (NULL for a CSV); each record's
 * line is its line in a CSV, its row number (1-based) in a sheet, so
 * csv_place() writes "FILE:LINE:COL" or "FILE, sheet NAME, row R, column L":
 * the import's messages about a cell should use it. */
struct book_sheet {
	char *name;
	struct csv_table table;
};

/* sheet_list_add - a new zeroed sheet at the end of the *n sheets of *v. */
struct book_sheet *sheet_list_add(struct book_sheet **v, size_t *n);

/* Caps of one sheet: Excel's own limits, and a bound on all its cells. */
#define SHEET_MAX_ROWS 1048576
#define SHEET_MAX_COLS 16384
#define SHEET_MAX_CELLS 50000000
/* Largest XML part read from a workbook, once uncompressed: the parts
 * held whole (shared strings, styles, the workbook and its links). */
#define SHEET_MAX_XML (512u * 1024 * 1024)
/* A sheet's own XML is read node by node and never held: no cap on its
 * size (100 000 dossiers are over 1 GiB of it), only the zip's inflation
 * ratio (a bomb, io/zipread.h) and the cells kept (SHEET_MAX_CELLS). */
#define SHEET_STREAM_XML ((size_t)-1)

/* A sheet being built: cells arrive by column, rows by row number. Rows
 * whose cells are all blank are dropped; the first other one is the header;
 * each record's line is its row number in the sheet. */
struct sheet_build {
	struct csv_table *t;
	char **cells;		/* the row being read, by column (NULL: empty) */
	size_t n, cap;
	size_t total;		/* cells kept so far, against SHEET_MAX_CELLS */
	int have_header;
};

/* sheet_build_init - start t, a sheet called sheet of the file path. */
void sheet_build_init(struct sheet_build *b, struct csv_table *t, const char *path,
		      const char *sheet);
/* A sheet read to be streamed (book_open) keeps its rows after the header
 * in a store (io/sheet_store.h): call sheet_store_start(t) after
 * sheet_build_init, and read them with sheet_row. */
/* sheet_build_cell - set column col (0-based) of the current row to value,
 * which b takes; a column past SHEET_MAX_COLS is P_INVALID at line. */
int sheet_build_cell(struct sheet_build *b, int line, size_t col, char *value,
		     struct perr *e);
/* sheet_build_row - end the current row, numbered line, kept repeat times
 * (ods repeats rows; a blank row is never kept). */
int sheet_build_row(struct sheet_build *b, int line, long repeat, struct perr *e);
/* sheet_build_merge - a merged range (rows r1..r2, columns c1..c2, 0-based
 * columns): every cell but the top-left one is emptied. */
void sheet_build_merge(struct sheet_build *b, int r1, size_t c1, int r2, size_t c2);
/* sheet_build_done - finish: the rows padded with "" to the header's width,
 * rows emptied by merges dropped. b is reset; t is the caller's. -1 only
 * when the rows of a streamed sheet cannot be read back. */
int sheet_build_done(struct sheet_build *b, struct perr *e);

/* A zip entry read as XML, node by node: libxml2's push parser fed 64 KiB
 * at a time, its SAX2 events queued and handed out one by one (libxml2's
 * xmlTextReader builds a node for each, some six times the instructions a
 * byte). An element with no content is one node, its own end. */
struct sheet_xml_event;
struct sheet_xml_attr;
struct sheet_xml {
	void *ctxt;		/* libxml2's parser; NULL until opened */
	struct zipread_file *f;
	const char *path, *entry;
	char tail[16];		/* last bytes read, to find "<!DOCTYPE" across reads */
	size_t tail_n;
	int doctype;
	int type, empty;	/* the current node's kind (sheet.c), and <x/> */
	const char *name;	/* its local name */
	const char *uri;	/* its namespace (NULL: none) */
	const char *text;	/* its text, for a text node */
	size_t attr0, n_attr;	/* its attributes in attrs */
	char *xml_err;		/* libxml2's first error */
	int xml_line;
	/* The events of the last chunk parsed, their strings in arena. */
	struct sheet_xml_event *ev;
	size_t n_ev, cap_ev, next_ev;
	struct sheet_xml_attr *attrs;
	size_t n_attrs, cap_attrs;
	char *arena, *in;
	size_t n_arena, cap_arena;
	int last_open;		/* the last event is a start with nothing after it */
	int done, failed;	/* the whole part was parsed; it is not well-formed */
};

/* sheet_xml_open - read entry (at most max bytes) of z as XML. */
int sheet_xml_open(struct zipread *z, const char *entry, size_t max, struct sheet_xml *x,
		   struct perr *e);
/* sheet_xml_next - move to the next node: 1, 0 at the end, -1 on an error
 * (then sheet_xml_fail says which). */
int sheet_xml_next(struct sheet_xml *x);
/* sheet_xml_fail - the error that stopped x as P_INVALID, where (NULL or
 * e.g. "sheet X, row 4") saying how far the reading went; returns -1. */
int sheet_xml_fail(struct sheet_xml *x, const char *where, struct perr *e);
/* sheet_xml_where - "sheet NAME, near row R" (row 0: before any row), for
 * sheet_xml_fail. */
char *sheet_xml_where(const char *sheet, int row);
/* sheet_xml_close - free x. */
void sheet_xml_close(struct sheet_xml *x);
/* sheet_xml_is - the current node is an element start of that local name
 * in namespace ns (NULL: any). */
int sheet_xml_is(struct sheet_xml *x, const char *ns, const char *local);
/* sheet_xml_is_end - the current node ends that element (an empty element
 * <x/> counts as its own end). */
int sheet_xml_is_end(struct sheet_xml *x, const char *ns, const char *local);
/* sheet_xml_attr - a copy of attribute local (in ns, NULL: no namespace),
 * or NULL. */
char *sheet_xml_attr(struct sheet_xml *x, const char *ns, const char *local);
/* sheet_xml_text - the current node's text when it is text or blanks, else NULL. */
const char *sheet_xml_text(struct sheet_xml *x);

/* A growing text, for the characters of one cell. */
struct sheet_text {
	char *s;
	size_t n, cap;
};

/* sheet_text_add - append n bytes of s. */
void sheet_text_add(struct sheet_text *t, const char *s, size_t n);
/* sheet_text_take - the text so far as a fresh string; t is emptied. */
char *sheet_text_take(struct sheet_text *t);
/* sheet_text_done - free t. */
void sheet_text_done(struct sheet_text *t);

#endif
