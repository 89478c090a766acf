/* csv.h - reading a CSV file as a people's spreadsheet writes it (libcsv, with
 * our own line numbers, the separator and the encoding guessed) into records. */
#ifndef PTCE_CSV_H
#define PTCE_CSV_H

#include <stddef.h>

#include "base/err.h"

/* One record of a CSV file: its cells and the physical line it starts on. */
struct csv_record {
	char **cells;		/* UTF-8, never NULL */
	size_t n;
	int line;		/* 1-based line of the record's first byte */
};

/* A whole CSV file: the header record and the data records. */
struct csv_table {
	char *path;		/* name used in messages */
	char *sheet;		/* the sheet of an xlsx or ods workbook; NULL for a CSV */
	char delim;		/* ',' or ';', detected from the header line */
	int had_bom;		/* the file started with a UTF-8 BOM */
	int crlf;		/* the header line ended with CRLF */
	int cp1252;		/* not UTF-8: read as Windows-1252 (French Excel) */
	struct csv_record header;
	struct csv_record *rows;	/* rows whose cells are all empty are dropped */
	size_t n_rows;
	/* A workbook's sheet read by book_open keeps its n_rows rows out of
	 * memory (io/sheet_store.h, sheet_row reads one); rows is then NULL.
	 * book_done frees it, csv_table_done does not. */
	struct sheet_store *store;
};

/* csv_table_parse - parse a CSV held in memory: BOM stripped, a file that
 * is not UTF-8 read as Windows-1252 (what a French Excel writes), separator
 * detected from the header line (outside quotes), CRLF or LF, quoted fields
 * with separators, doubled quotes and newlines. Malformed quoting is P_INVALID
 * "name:line: ..." naming the line. */
int csv_table_parse(const char *name, const char *buf, size_t len,
		    struct csv_table *t, struct perr *e);
/* csv_table_parse_enc - csv_table_parse with the encoding given: NULL
 * guesses as csv_table_parse does; otherwise an iconv name ("utf-8",
 * "windows-1252", "latin1"...) the bytes are converted from, a byte invalid
 * in it being P_INVALID "name:line: ..." and an unknown name P_USAGE. */
int csv_table_parse_enc(const char *name, const char *buf, size_t len, const char *encoding,
			struct csv_table *t, struct perr *e);
/* csv_table_read - csv_table_parse on a file (P_IO when unreadable). */
int csv_table_read(const char *path, struct csv_table *t, struct perr *e);
/* csv_table_read_enc - csv_table_parse_enc on a file. */
int csv_table_read_enc(const char *path, const char *encoding, struct csv_table *t,
		       struct perr *e);
/* A CSV file read one record at a time, never held whole (an import reads
 * a 400 MB export twice: to check it, then to save it). */
struct csv_reader;
/* csv_reader_open - open path and read its header, the encoding told as
 * csv_table_parse_enc does (NULL: guessed, which reads the file once
 * through first). The errors of csv_table_read_enc. */
int csv_reader_open(const char *path, const char *encoding, struct csv_reader **r,
		    struct perr *e);
/* csv_reader_table - the header, the path and what was told of the file
 * (separator, BOM, line ends, encoding); it holds no rows. */
const struct csv_table *csv_reader_table(const struct csv_reader *r);
/* csv_reader_next - the next record that is not blank into *rec (the
 * caller's, freed with csv_record_done): 1, 0 at the end, -1 on an error
 * (malformed quoting, an encoding error, a NUL byte in a cell: P_INVALID
 * naming the line; P_IO). */
int csv_reader_next(struct csv_reader *r, struct csv_record *rec, struct perr *e);
/* csv_reader_rewind - back to the first record, for a second reading. */
int csv_reader_rewind(struct csv_reader *r, struct perr *e);
/* csv_reader_close - close r (NULL: nothing). */
void csv_reader_close(struct csv_reader *r);
/* csv_record_done - free what a record holds. */
void csv_record_done(struct csv_record *rec);

/* csv_place - where a cell is, for messages: "FILE:LINE:COL" for a CSV,
 * "FILE, sheet NAME, row R, column L" (L in letters, as the spreadsheet
 * shows it) for a sheet; col is 1-based, 0 leaves the column out. */
char *csv_place(const struct csv_table *t, int line, size_t col);
/* csv_col_letters - a 1-based column number as a spreadsheet names it
 * (1: "A", 28: "AB"). */
void csv_col_letters(size_t col, char out[8]);
/* csv_table_done - free what t holds. */
void csv_table_done(struct csv_table *t);
/* csv_table_column - index of a header name (surrounding blanks ignored), or -1. */
int csv_table_column(const struct csv_table *t, const char *name);
/* csv_header_is - cell, blanks around it ignored, is the header name. */
int csv_header_is(const char *cell, const char *name);
/* csv_trimmed - a copy of a cell without the blanks around it and with
 * CRLF turned into LF (Excel writes CRLF inside cells). */
char *csv_trimmed(const char *cell);
/* csv_is_blank - a space, a tab or a line end (what trimming removes). */
int csv_is_blank(char c);
/* csv_record_blank - whether every cell of r is empty or blank. */
int csv_record_blank(const struct csv_record *r);

#endif
