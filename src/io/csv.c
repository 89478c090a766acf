/* csv.c - CSV files into records, read a block at a time: libcsv fed one
 * physical line at a time (so every record and error has its line), the
 * encoding and separator guessed. */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <csv.h>

#include "base/file.h"
#include "base/i18n.h"
#include "io/csv.h"

struct csv_builder {
	struct csv_table *t;		/* its header; rows go to done[] */
	struct csv_record cur;
	struct csv_record done[2];	/* records ended by the last bytes fed */
	size_t n_done;
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

int csv_record_blank(const struct csv_record *r)
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
	} else if (csv_record_blank(&b->cur)) {
		/* Spreadsheets leave lines of bare separators at the end. */
		record_clear(&b->cur);
	} else {
		/* A line fed ends at most one record, csv_fini one more. */
		b->done[b->n_done++] = b->cur;
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

/* ---- the reader: a file read a block at a time ---------------------------- */

/* Bytes read from the source at a time; a file is never held whole. */
enum { CSV_CHUNK = 64 * 1024 };

enum csv_enc { ENC_UTF8, ENC_CP1252, ENC_ICONV };

struct csv_reader {
	char *name;
	FILE *f;			/* NULL: the bytes are mem[] */
	struct stat st;			/* f as it was opened: read again only unchanged */
	const char *mem;
	size_t mem_len, mem_pos;
	enum csv_enc mode;
	char *encoding;			/* ENC_ICONV: the name a person gave */
	iconv_t cd;
	int bad_line;			/* ENC_CP1252: where UTF-8 first failed */
	unsigned bad_byte;
	struct csv_parser p;
	int parser_ready;
	struct csv_builder b;
	struct csv_table t;		/* the header and what was told of the file */
	char raw[CSV_CHUNK + 16];	/* read, not converted yet (a character cut by the block) */
	size_t raw_n;
	char *text;			/* UTF-8 not fed yet, from text_pos */
	size_t text_pos, text_n, text_cap;
	int conv_lines;			/* newlines converted so far, for an encoding error */
	int started;			/* the place of a BOM is behind */
	int eof, finished;
	size_t next_done;		/* the next of b.done[] to hand out */
};

/* Up to n bytes of the source into buf; how many (0 at its end), -1. */
static long source_read(struct csv_reader *r, char *buf, size_t n, struct perr *e)
{
	if (!r->f) {
		size_t k = r->mem_len - r->mem_pos < n ? r->mem_len - r->mem_pos : n;
		memcpy(buf, r->mem + r->mem_pos, k);
		r->mem_pos += k;
		return (long)k;
	}
	size_t k = fread(buf, 1, n, r->f);
	if (k == 0 && ferror(r->f))
		return perr_set(e, P_IO, _("%s: read error"), r->name);
	return (long)k;
}

/* The file is read more than once (its encoding, its check, its saving):
 * each time it must be the file first opened, unchanged, or the readings
 * would not be of the same rows. */
static int source_rewind(struct csv_reader *r, struct perr *e)
{
	struct stat now;
	r->mem_pos = 0;
	if (r->f && fstat(fileno(r->f), &now) == 0 &&
	    (now.st_size != r->st.st_size || now.st_ino != r->st.st_ino ||
	     now.st_mtim.tv_sec != r->st.st_mtim.tv_sec || now.st_mtim.tv_nsec != r->st.st_mtim.tv_nsec))
		return perr_set(e, P_INVALID, _("%s changed while ptce was reading it (something wrote "
						 "to it meanwhile); nothing was imported. Import it again "
						 "once it is complete."), r->name);
	if (r->f && fseek(r->f, 0, SEEK_SET) != 0)
		return perr_set(e, P_IO, _("%s: read error"), r->name);
	return 0;
}

/* Whether the whole source is UTF-8 after a BOM (1) or not (0, *line and
 * *byte saying where); *bom whether it starts with one. Rewound after. */
static int prescan_utf8(struct csv_reader *r, int *line, unsigned *byte, int *bom,
			struct perr *e)
{
	char *buf = xmalloc(CSV_CHUNK + 8);
	size_t carry = 0;
	int lines = 1, ok = 1, first = 1;
	*bom = 0;
	for (;;) {
		long k = source_read(r, buf + carry, CSV_CHUNK, e);
		if (k < 0) {
			free(buf);
			return -1;
		}
		size_t n = carry + (size_t)k, start = 0;
		if (first && n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
			*bom = 1, start = 3;
		first = 0;
		size_t bad = start + utf8_invalid_at((const unsigned char *)buf + start, n - start);
		for (size_t i = start; i < bad; i++)
			lines += buf[i] == '\n';
		if (bad < n && (k == 0 || n - bad >= 4)) {
			*line = lines;
			*byte = (unsigned char)buf[bad];
			ok = 0;
			break;
		}
		if (k == 0)
			break;
		carry = n - bad;	/* a character the block cut */
		memmove(buf, buf + bad, carry);
	}
	free(buf);
	return source_rewind(r, e) < 0 ? -1 : ok;
}

static void text_add(struct csv_reader *r, const char *s, size_t n)
{
	if (r->text_n + n + 1 > r->text_cap) {
		r->text_cap = (r->text_n + n + 1) * 2;
		r->text = xrealloc(r->text, r->text_cap);
	}
	memcpy(r->text + r->text_n, s, n);
	r->text_n += n;
}

/* An encoding error at the end of what was converted. */
static int encoding_error(struct csv_reader *r, unsigned byte, struct perr *e)
{
	if (r->mode == ENC_CP1252)
		return perr_set(e, P_INVALID, _("%s:%d: the file is not UTF-8 (byte 0x%02X); save it "
						"again as \"CSV UTF-8\""), r->name, r->bad_line,
				r->bad_byte);
	return perr_set(e, P_INVALID, _("%s:%d: byte 0x%02X is not valid %s; give the "
					"file's real encoding with --encoding"),
			r->name, 1 + r->conv_lines, byte, r->encoding);
}

/* raw[] through iconv into the text; a character cut by the block waits in
 * raw[] for the next one (at the end of the file, it is an error). */
static int convert(struct csv_reader *r, struct perr *e)
{
	char out[16384], *in = r->raw;
	size_t in_left = r->raw_n;
	int err;
	do {
		char *o = out;
		size_t o_left = sizeof out;
		size_t rc = in_left ? iconv(r->cd, &in, &in_left, &o, &o_left)
				    : iconv(r->cd, NULL, NULL, &o, &o_left);
		err = rc == (size_t)-1 ? errno : 0;
		for (const char *q = out; q < o; q++)
			r->conv_lines += *q == '\n';
		text_add(r, out, (size_t)(o - out));
	} while (err == E2BIG || (!err && in_left));
	if (err && (err != EINVAL || r->eof))
		return encoding_error(r, in_left ? (unsigned char)*in : 0, e);
	memmove(r->raw, in, in_left);
	r->raw_n = in_left;
	return 0;
}

/* The next block of the source, as UTF-8, after the text not fed yet. */
static int fill(struct csv_reader *r, struct perr *e)
{
	if (r->text)
		memmove(r->text, r->text + r->text_pos, r->text_n - r->text_pos);
	r->text_n -= r->text_pos;
	r->text_pos = 0;
	long k = source_read(r, r->raw + r->raw_n, CSV_CHUNK, e);
	if (k < 0)
		return -1;
	r->raw_n += (size_t)k;
	r->eof = k == 0;
	if (r->mode == ENC_UTF8) {
		text_add(r, r->raw, r->raw_n);
		r->raw_n = 0;
	} else if (convert(r, e) < 0) {
		return -1;
	}
	if (!r->started && (r->text_n >= 3 || r->eof)) {
		r->started = 1;
		if (r->text_n >= 3 && memcmp(r->text, "\xEF\xBB\xBF", 3) == 0) {
			r->t.had_bom = 1;
			r->text_pos = 3;
		}
	}
	return 0;
}

/* Feed the parser one physical line at a time (each ends at a CR or LF), so
 * the line of every record start and of every parse error is known exactly,
 * newlines inside quotes included: a record can only end on the last byte
 * of a line, and feeding stops there. A line not complete yet (or a CR
 * whose LF may follow) waits for the next block. */
static int feed_text(struct csv_reader *r, struct perr *e)
{
	struct csv_builder *b = &r->b;
	const char *buf = r->text;
	size_t len = r->text_n, i = r->text_pos;
	while (i < len && !b->n_done) {
		size_t j = i;
		while (j < len && buf[j] != '\n' && buf[j] != '\r')
			j++;
		if (j < len)
			j++;
		if (!r->eof && (buf[j - 1] != '\n' && buf[j - 1] != '\r'))
			break;
		if (!r->eof && buf[j - 1] == '\r' && j == len)
			break;
		if (!b->rec_line && buf[i] != '\r' && buf[i] != '\n')
			b->rec_line = b->line;
		if (csv_parse(&r->p, buf + i, j - i, on_field, on_record, b) != j - i)
			return perr_set(e, P_INVALID, "%s:%d:%zu: %s", r->name, b->line,
					b->cur.n + 1, parse_error_text(csv_error(&r->p)));
		/* LF, CRLF, and a lone CR (old Mac files) each end one line. */
		char c = buf[j - 1];
		if (c == '\n' || (c == '\r' && (j == len || buf[j] != '\n')))
			b->line++;
		i = j;
	}
	r->text_pos = i;
	return 0;
}

static int finish(struct csv_reader *r, struct perr *e)
{
	struct csv_builder *b = &r->b;
	r->finished = 1;
	if (csv_fini(&r->p, on_field, on_record, b) == 0)
		return 0;
	if (csv_error(&r->p) == CSV_EPARSE)
		return perr_set(e, P_INVALID,
				_("%s:%d:%zu: a quoted field opened here is never closed "
				  "(a quote is missing)"), r->name, b->rec_line ? b->rec_line : b->line,
				b->cur.n + 1);
	return perr_set(e, P_INVALID, "%s:%d: %s", r->name, b->line,
			parse_error_text(csv_error(&r->p)));
}

/* Read until a record is ready in b.done[]: 1, 0 at the end, -1. */
static int advance(struct csv_reader *r, struct perr *e)
{
	struct csv_builder *b = &r->b;
	b->n_done = r->next_done = 0;
	while (!b->n_done) {
		if (r->finished)
			return 0;
		if (feed_text(r, e) < 0)
			return -1;
		if (b->n_done)
			break;
		if ((r->eof ? finish(r, e) : fill(r, e)) < 0)
			return -1;
	}
	return 1;
}

/* From the start of the source: the separator and line ends told from the
 * header line, the header read (and the first record, ready). */
static int start(struct csv_reader *r, struct perr *e)
{
	/* r->text stays NULL while nothing was read (an empty file). */
	while (!r->eof && r->text_n - r->text_pos < (1u << 20) &&
	       !(r->text && memchr(r->text + r->text_pos, '\n', r->text_n - r->text_pos)))
		if (fill(r, e) < 0)
			return -1;
	const char *buf = r->text ? r->text + r->text_pos : "";
	size_t len = r->text_n - r->text_pos;
	r->t.delim = detect_delim(buf, len);
	const char *nl = memchr(buf, '\n', len);
	r->t.crlf = nl && nl > buf && nl[-1] == '\r';
	if (csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		die("csv_init: out of memory");
	r->parser_ready = 1;
	csv_set_delim(&r->p, (unsigned char)r->t.delim);
	r->b = (struct csv_builder){ .t = &r->t, .line = 1 };
	if (advance(r, e) < 0)
		return -1;
	if (!r->b.have_header)
		return perr_set(e, P_INVALID,
				_("%s:1:1: the file is empty; expected a header line naming the columns"),
				r->name);
	return 0;
}

/* The encoding: the one given, else UTF-8 if the whole file is, else
 * Windows-1252 (what a French Excel writes), unless a BOM said UTF-8. */
static int choose_encoding(struct csv_reader *r, const char *encoding, struct perr *e)
{
	if (encoding) {
		r->mode = ENC_ICONV;
		r->encoding = xstrdup(encoding);
		if ((r->cd = iconv_open("UTF-8", encoding)) == (iconv_t)-1)
			return perr_set(e, P_USAGE, _("%s: unknown encoding; give an iconv name such as "
						      "utf-8, windows-1252 or latin1 ('iconv -l' lists "
						      "them)"), encoding);
		return 0;
	}
	int bom, rc = prescan_utf8(r, &r->bad_line, &r->bad_byte, &bom, e);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	r->mode = ENC_CP1252;
	r->t.cp1252 = 1;
	if (bom || (r->cd = iconv_open("UTF-8", "WINDOWS-1252")) == (iconv_t)-1)
		return encoding_error(r, 0, e);
	return 0;
}

static int reader_new(const char *name, FILE *f, const char *mem, size_t len,
		      const char *encoding, struct csv_reader **out, struct perr *e)
{
	struct csv_reader *r = xcalloc(1, sizeof *r);
	r->name = xstrdup(name);
	r->f = f;
	r->mem = mem;
	r->mem_len = len;
	r->cd = (iconv_t)-1;
	r->t.path = xstrdup(name);
	*out = NULL;
	if ((f && fstat(fileno(f), &r->st) != 0 &&
	     perr_set(e, P_IO, _("%s: cannot read: %s"), name, strerror(errno)) < 0) ||
	    choose_encoding(r, encoding, e) < 0 || start(r, e) < 0) {
		csv_reader_close(r);
		return -1;
	}
	*out = r;
	return 0;
}

int csv_reader_open(const char *path, const char *encoding, struct csv_reader **r,
		    struct perr *e)
{
	/* Import says "cannot open" with P_IO (exit 6) even for a missing file. */
	FILE *f = fopen(path, "rb");
	*r = NULL;
	if (!f)
		return perr_set(e, P_IO, _("%s: cannot open: %s"), path, strerror(errno));
	return reader_new(path, f, NULL, 0, encoding, r, e);
}

const struct csv_table *csv_reader_table(const struct csv_reader *r)
{
	return &r->t;
}

int csv_reader_next(struct csv_reader *r, struct csv_record *rec, struct perr *e)
{
	memset(rec, 0, sizeof *rec);
	if (r->next_done == r->b.n_done) {
		int rc = advance(r, e);
		if (rc < 0)
			return -1;
		if (rc == 0 && r->b.nul_line)
			return perr_set(e, P_INVALID,
					_("%s:%d:%d: this cell holds a NUL byte, which no text may contain; the file is damaged or is not a CSV export: export it again from the platform"),
					r->name, r->b.nul_line, r->b.nul_col);
		if (rc == 0)
			return 0;
	}
	*rec = r->b.done[r->next_done++];
	return 1;
}

int csv_reader_rewind(struct csv_reader *r, struct perr *e)
{
	for (size_t i = r->next_done; i < r->b.n_done; i++)
		record_clear(&r->b.done[i]);
	record_clear(&r->b.cur);
	record_clear(&r->t.header);
	if (r->parser_ready)
		csv_free(&r->p);
	r->parser_ready = 0;
	if (r->cd != (iconv_t)-1)
		iconv(r->cd, NULL, NULL, NULL, NULL);
	r->raw_n = r->text_pos = r->text_n = 0;
	r->conv_lines = r->started = r->eof = r->finished = 0;
	r->next_done = 0;
	r->t.had_bom = 0;
	memset(&r->b, 0, sizeof r->b);
	return source_rewind(r, e) < 0 ? -1 : start(r, e);
}

void csv_reader_close(struct csv_reader *r)
{
	if (!r)
		return;
	for (size_t i = r->next_done; i < r->b.n_done; i++)
		record_clear(&r->b.done[i]);
	record_clear(&r->b.cur);
	if (r->parser_ready)
		csv_free(&r->p);
	if (r->cd != (iconv_t)-1)
		iconv_close(r->cd);
	if (r->f)
		fclose(r->f);
	csv_table_done(&r->t);
	free(r->text);
	free(r->encoding);
	free(r->name);
	free(r);
}

void csv_record_done(struct csv_record *rec)
{
	record_clear(rec);
}

/* Every record of r into t (which takes r's header). */
static int collect(struct csv_reader *r, struct csv_table *t, struct perr *e)
{
	struct csv_record rec;
	size_t cap = 0;
	int rc;
	while ((rc = csv_reader_next(r, &rec, e)) == 1) {
		if (t->n_rows == cap) {
			cap = cap ? cap * 2 : 64;
			t->rows = xrealloc(t->rows, cap * sizeof *t->rows);
		}
		t->rows[t->n_rows++] = rec;
	}
	struct csv_table *h = &r->t;
	t->delim = h->delim;
	t->had_bom = h->had_bom;
	t->crlf = h->crlf;
	t->cp1252 = h->cp1252;
	t->header = h->header;
	memset(&h->header, 0, sizeof h->header);
	csv_reader_close(r);
	if (rc < 0)
		csv_table_done(t);
	return rc;
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
	struct csv_reader *r;
	if (reader_new(name, NULL, buf, len, encoding, &r, e) < 0)
		return -1;
	t->path = xstrdup(name);
	return collect(r, t, e);
}

int csv_table_read(const char *path, struct csv_table *t, struct perr *e)
{
	return csv_table_read_enc(path, NULL, t, e);
}

int csv_table_read_enc(const char *path, const char *encoding, struct csv_table *t,
		       struct perr *e)
{
	memset(t, 0, sizeof *t);
	struct csv_reader *r;
	if (csv_reader_open(path, encoding, &r, e) < 0)
		return -1;
	t->path = xstrdup(path);
	return collect(r, t, e);
}

void csv_table_done(struct csv_table *t)
{
	free(t->path);
	free(t->sheet);
	record_clear(&t->header);
	for (size_t i = 0; t->rows && i < t->n_rows; i++)
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
