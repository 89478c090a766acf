/* csv.c - CSV files into records: libcsv fed one physical line at a time (so
 * every record and error has its line), the encoding and separator guessed. */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "base/file.h"
#include "base/i18n.h"
#include "io/csv.h"

struct csv_builder {
	struct csv_table *t;
	struct csv_record cur;
	int line;		/* line of the byte being fed */
	int rec_line;		/* line where the current record started; 0: between records */
	int have_header;
	int nul_line, nul_col;	/* where the first NUL byte in a cell is; 0: none */
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
	/* A NUL would cut the cell short unseen: keep where it is, to refuse
	 * the file. Its line: the current one less the newlines after it. */
	const char *z = len ? memchr(data, '\0', len) : NULL;
	if (z && !b->nul_line) {
		int after = 0;
		for (const char *q = z; q < (const char *)data + len; q++)
			after += *q == '\n';
		b->nul_line = b->line - after;
		b->nul_col = (int)b->cur.n + 1;
	}
	record_push_cell(&b->cur, data, len);
}

static int record_blank(const struct csv_record *r)
{
	for (size_t i = 0; i < r->n; i++)
		for (const char *p = r->cells[i]; *p; p++)
			if (!csv_is_blank(*p))
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

static void strip_bom(const char **buf, size_t *len, struct csv_table *t)
{
	if (*len >= 3 && memcmp(*buf, "\xEF\xBB\xBF", 3) == 0) {
		t->had_bom = 1;
		*buf += 3;
		*len -= 3;
	}
}

/* Strip a BOM and make the text UTF-8: a file that is not is read as
 * Windows-1252 (*converted then holds it, for the caller to free), unless a
 * BOM said it was UTF-8. */
static int to_utf8(const char *name, const char **buf, size_t *len, struct csv_table *t,
		   char **converted, struct perr *e)
{
	strip_bom(buf, len, t);
	size_t bad = utf8_invalid_at((const unsigned char *)*buf, *len);
	if (bad == *len)
		return 0;
	int line = 1;
	for (size_t i = 0; i < bad; i++)
		line += (*buf)[i] == '\n';
	if (t->had_bom || !(*converted = from_cp1252(*buf, *len, len)))
		return perr_set(e, P_INVALID,
				_("%s:%d: the file is not UTF-8 (byte 0x%02X); save it again as "
				  "\"CSV UTF-8\""), name, line, (unsigned char)(*buf)[bad]);
	*buf = *converted;
	t->cp1252 = 1;
	return 0;
}

/* Convert from the encoding a person named (iconv's names): a byte that is
 * not valid in it is refused with its line, never guessed around. */
static int from_encoding(const char *name, const char *enc, const char **buf, size_t *len,
			 struct csv_table *t, char **converted, struct perr *e)
{
	iconv_t cd = iconv_open("UTF-8", enc);
	if (cd == (iconv_t)-1)
		return perr_set(e, P_USAGE, _("%s: unknown encoding; give an iconv name such as "
					      "utf-8, windows-1252 or latin1 ('iconv -l' lists them)"),
				enc);
	size_t cap = *len * 4 + 4, left = cap, in_left = *len;
	char *out = xmalloc(cap), *o = out, *in = (char *)*buf;
	size_t r = iconv(cd, &in, &in_left, &o, &left);
	if (r != (size_t)-1)
		r = iconv(cd, NULL, NULL, &o, &left);
	iconv_close(cd);
	if (r == (size_t)-1) {
		int line = 1;
		for (const char *p = out; p < o; p++)
			line += *p == '\n';
		unsigned byte = in_left ? (unsigned char)*in : 0;
		free(out);
		return perr_set(e, P_INVALID, _("%s:%d: byte 0x%02X is not valid %s; give the "
						"file's real encoding with --encoding"),
				name, line, byte, enc);
	}
	*converted = out;
	*buf = out;
	*len = (size_t)(o - out);
	strip_bom(buf, len, t);
	return 0;
}

/* Feed buf to p one physical line at a time (each chunk ends at a CR or LF),
 * so the line of every record start and of every parse error is known
 * exactly, newlines inside quotes included: a record can only end on the
 * last byte of a chunk. */
static int feed_lines(struct csv_parser *p, struct csv_builder *b, const char *name,
		      const char *buf, size_t len, struct perr *e)
{
	for (size_t i = 0; i < len;) {
		size_t j = i;
		while (j < len && buf[j] != '\n' && buf[j] != '\r')
			j++;
		if (j < len)
			j++;
		if (!b->rec_line && j - i > 0 && buf[i] != '\r' && buf[i] != '\n')
			b->rec_line = b->line;
		if (csv_parse(p, buf + i, j - i, on_field, on_record, b) != j - i)
			return perr_set(e, P_INVALID, "%s:%d:%zu: %s", name, b->line,
					b->cur.n + 1, parse_error_text(csv_error(p)));
		/* LF, CRLF, and a lone CR (old Mac files) each end one line. */
		char c = buf[j - 1];
		if (c == '\n' || (c == '\r' && (j == len || buf[j] != '\n')))
			b->line++;
		i = j;
	}
	if (csv_fini(p, on_field, on_record, b) == 0)
		return 0;
	if (csv_error(p) == CSV_EPARSE)
		return perr_set(e, P_INVALID,
				_("%s:%d:%zu: a quoted field opened here is never closed "
				  "(a quote is missing)"), name, b->rec_line ? b->rec_line : b->line,
				b->cur.n + 1);
	return perr_set(e, P_INVALID, "%s:%d: %s", name, b->line,
			parse_error_text(csv_error(p)));
}

int csv_table_parse(const char *name, const char *buf, size_t len,
		    struct csv_table *t, struct perr *e)
{
	return csv_table_parse_enc(name, buf, len, NULL, t, e);
}

int csv_table_parse_enc(const char *name, const char *buf, size_t len, const char *encoding,
			struct csv_table *t, struct perr *e)
{
	memset(t, 0, sizeof *t);
	t->path = xstrdup(name);
	char *converted = NULL;
	if ((encoding ? from_encoding(name, encoding, &buf, &len, t, &converted, e)
		      : to_utf8(name, &buf, &len, t, &converted, e)) < 0) {
		csv_table_done(t);
		return -1;
	}
	t->delim = detect_delim(buf, len);
	const char *nl = memchr(buf, '\n', len);
	t->crlf = nl && nl > buf && nl[-1] == '\r';

	struct csv_parser p;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		die("csv_init: out of memory");
	csv_set_delim(&p, (unsigned char)t->delim);
	struct csv_builder b = { .t = t, .line = 1 };
	int rc = feed_lines(&p, &b, name, buf, len, e);
	csv_free(&p);
	record_clear(&b.cur);
	if (rc == 0 && b.nul_line)
		rc = perr_set(e, P_INVALID,
			      _("%s:%d:%d: this cell holds a NUL byte, which no text may contain; the file is damaged or is not a CSV export: export it again from the platform"),
			      name, b.nul_line, b.nul_col);
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
	return csv_table_read_enc(path, NULL, t, e);
}

int csv_table_read_enc(const char *path, const char *encoding, struct csv_table *t,
		       struct perr *e)
{
	memset(t, 0, sizeof *t);
	char *buf;
	size_t len;
	/* Import says "cannot open" with P_IO (exit 6) even for a missing file. */
	FILE *f = fopen(path, "rb");
	if (!f)
		return perr_set(e, P_IO, _("%s: cannot open: %s"), path, strerror(errno));
	if (file_read_stream(f, path, 0, &buf, &len, e) < 0)
		return -1;
	int rc = csv_table_parse_enc(path, buf, len, encoding, t, e);
	free(buf);
	return rc;
}

void csv_table_done(struct csv_table *t)
{
	free(t->path);
	free(t->sheet);
	record_clear(&t->header);
	for (size_t i = 0; i < t->n_rows; i++)
		record_clear(&t->rows[i]);
	free(t->rows);
	memset(t, 0, sizeof *t);
}

int csv_is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

int csv_header_is(const char *cell, const char *name)
{
	while (*cell == ' ' || *cell == '\t')
		cell++;
	size_t n = strlen(cell);
	while (n && csv_is_blank(cell[n - 1]))
		n--;
	return strlen(name) == n && strncmp(cell, name, n) == 0;
}

int csv_table_column(const struct csv_table *t, const char *name)
{
	for (size_t i = 0; i < t->header.n; i++)
		if (csv_header_is(t->header.cells[i], name))
			return (int)i;
	return -1;
}

char *csv_trimmed(const char *cell)
{
	while (csv_is_blank(*cell))
		cell++;
	size_t n = strlen(cell);
	while (n && csv_is_blank(cell[n - 1]))
		n--;
	char *out = xmalloc(n + 1), *o = out;
	for (size_t i = 0; i < n; i++)
		if (!(cell[i] == '\r' && i + 1 < n && cell[i + 1] == '\n'))
			*o++ = cell[i];
	*o = '\0';
	return out;
}

char *csv_place(const struct csv_table *t, int line, size_t col)
{
	if (!t->sheet)
		return col ? xasprintf("%s:%d:%zu", t->path, line, col)
			   : xasprintf("%s:%d", t->path, line);
	if (!col)
		return xasprintf(_("%s, sheet \"%s\", row %d"), t->path, t->sheet, line);
	char letters[8];
	csv_col_letters(col, letters);
	return xasprintf(_("%s, sheet \"%s\", row %d, column %s"), t->path, t->sheet, line,
			 letters);
}

void csv_col_letters(size_t col, char out[8])
{
	char tmp[8];
	size_t n = 0;
	for (; col > 0 && n < 7; col = (col - 1) / 26)
		tmp[n++] = (char)('A' + (col - 1) % 26);
	for (size_t i = 0; i < n; i++)
		out[i] = tmp[n - 1 - i];
	out[n] = '\0';
}
