/* doc.h - a document to print (the fiche d'instruction, the CRA report, a
 * letter) as a list of blocks, built once and written by the text, roff
 * (PDF) and CSV writers: what is said is decided here, how it looks there. */
#ifndef PTCE_DOC_H
#define PTCE_DOC_H

#include <stddef.h>

#include "base/fmt.h"

enum doc_kind {
	DOC_TITLE,	/* the document's title, centred */
	DOC_HEADING,	/* a section */
	DOC_SUBHEADING,	/* a part of a section (one review) */
	DOC_FIELD,	/* label: value (consecutive fields are aligned) */
	DOC_PARA,	/* a paragraph, wrapped; newlines in it are kept */
	DOC_LINE,	/* one line kept as written (an address); right: aligned right */
	DOC_TABLE,	/* a table */
	DOC_SIGNATURES	/* one box per signatory: name, date, signature */
};

/* Column kinds of a table: 'l' left, 'r' right (figures), 'w' left and
 * wrapped to what the page leaves (long texts). */
struct doc_table {
	size_t ncol, nrow;
	char **head;		/* ncol */
	char *align;		/* ncol letters l, r, w */
	char **cell;		/* nrow x ncol: what a person reads */
	char **raw;		/* nrow x ncol: the machine form (ISO date, point), or NULL */
};

struct doc_block {
	enum doc_kind kind;
	char *label;		/* DOC_FIELD */
	char *text;		/* every kind but DOC_TABLE; DOC_SIGNATURES: labels joined by \n */
	int indent;		/* DOC_PARA: levels of indentation */
	int right;		/* DOC_LINE: aligned right */
	struct doc_table *t;	/* DOC_TABLE */
};

struct doc {
	enum fmt_lang lang;	/* what its values and hyphenation are written for */
	char *title;		/* also the left footer of printed pages */
	char *footer;		/* closes the document: who printed it and when,
				 * the audit chain head; or NULL */
	struct doc_block *b;
	size_t n, cap;
};

/* doc_new - an empty document titled title, for language lang (FMT_READER
 * is resolved now). */
struct doc *doc_new(const char *title, enum fmt_lang lang);
/* doc_free - free and NULL the caller's pointer. */
void doc_free(struct doc **d);

/* doc_title, doc_heading, doc_subheading - a title or a section heading. */
void doc_title(struct doc *d, const char *text);
void doc_heading(struct doc *d, const char *text);
void doc_subheading(struct doc *d, const char *text);
/* doc_field - "label: value"; an empty or NULL value is written "—". */
void doc_field(struct doc *d, const char *label, const char *value);
/* doc_para - a paragraph (text is cleaned; NULL or empty adds nothing),
 * indented by indent levels. */
void doc_para(struct doc *d, const char *text, int indent);
/* doc_paraf - doc_para of a formatted text. */
void doc_paraf(struct doc *d, int indent, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* doc_line - one line as written, aligned right when right. */
void doc_line(struct doc *d, const char *text, int right);
/* doc_table - start a table of ncol columns with these headings and
 * alignments ("lwr"); rows follow with doc_row. Returns it. */
struct doc_table *doc_table(struct doc *d, size_t ncol, const char *const *head, const char *align);
/* doc_row - a row of the last table: cells (ncol, NULL is empty) and their
 * machine forms (raws or raws[i] NULL: the cell itself). */
void doc_row(struct doc_table *t, const char *const *cells, const char *const *raws);
/* doc_signatures - a box per label (who signs), for name, date and signature. */
void doc_signatures(struct doc *d, const char *const *labels, size_t n);

#endif
