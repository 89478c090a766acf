/* doc.c - building a document to print: blocks appended in reading order,
 * every text cleaned of control characters as it comes in. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/text.h"
#include "io/doc.h"

struct doc *doc_new(const char *title, enum fmt_lang lang)
{
	struct doc *d = xcalloc(1, sizeof *d);
	d->lang = lang == FMT_READER ? fmt_reader_lang() : lang;
	d->title = text_clean(title ? title : "", 0);
	return d;
}

static void table_free(struct doc_table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->ncol; i++)
		free(t->head[i]);
	for (size_t i = 0; i < t->nrow * t->ncol; i++) {
		free(t->cell[i]);
		free(t->raw[i]);
	}
	free(t->head);
	free(t->align);
	free(t->cell);
	free(t->raw);
	free(t);
}

void doc_free(struct doc **dp)
{
	struct doc *d = *dp;
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++) {
		free(d->b[i].label);
		free(d->b[i].text);
		table_free(d->b[i].t);
	}
	free(d->b);
	free(d->title);
	free(d->footer);
	free(d);
	*dp = NULL;
}

static struct doc_block *add(struct doc *d, enum doc_kind k, const char *text, int keep_newlines)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 32;
		d->b = xrealloc(d->b, d->cap * sizeof *d->b);
	}
	struct doc_block *b = &d->b[d->n++];
	memset(b, 0, sizeof *b);
	b->kind = k;
	if (text)
		b->text = text_clean(text, keep_newlines ? TEXT_KEEP_NEWLINES : 0);
	return b;
}

void doc_title(struct doc *d, const char *text)
{
	add(d, DOC_TITLE, text, 0);
}

void doc_heading(struct doc *d, const char *text)
{
	add(d, DOC_HEADING, text, 0);
}

void doc_subheading(struct doc *d, const char *text)
{
	add(d, DOC_SUBHEADING, text, 0);
}

void doc_field(struct doc *d, const char *label, const char *value)
{
	struct doc_block *b = add(d, DOC_FIELD, value && *value ? value : "—", 1);
	b->label = text_clean(label, 0);
}

/* Whether s holds anything but blanks. */
static int blank(const char *s)
{
	return !s || !s[strspn(s, " \t\r\n")];
}

void doc_para(struct doc *d, const char *text, int indent)
{
	if (blank(text))
		return;
	add(d, DOC_PARA, text, 1)->indent = indent;
}

void doc_paraf(struct doc *d, int indent, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = NULL;
	if (vasprintf(&s, fmt, ap) < 0)
		die("out of memory");
	va_end(ap);
	doc_para(d, s, indent);
	free(s);
}

void doc_line(struct doc *d, const char *text, int right)
{
	add(d, DOC_LINE, text ? text : "", 0)->right = right;
}

struct doc_table *doc_table(struct doc *d, size_t ncol, const char *const *head, const char *align)
{
	struct doc_block *b = add(d, DOC_TABLE, NULL, 0);
	struct doc_table *t = b->t = xcalloc(1, sizeof *t);
	t->ncol = ncol;
	t->head = xcalloc(ncol, sizeof *t->head);
	t->align = xcalloc(ncol + 1, 1);
	for (size_t i = 0; i < ncol; i++) {
		t->head[i] = text_clean(head[i] ? head[i] : "", 0);
		t->align[i] = align && i < strlen(align) ? align[i] : 'l';
	}
	return t;
}

void doc_row(struct doc_table *t, const char *const *cells, const char *const *raws)
{
	size_t o = t->nrow * t->ncol;
	t->nrow++;
	t->cell = xrealloc(t->cell, t->nrow * t->ncol * sizeof *t->cell);
	t->raw = xrealloc(t->raw, t->nrow * t->ncol * sizeof *t->raw);
	for (size_t i = 0; i < t->ncol; i++) {
		t->cell[o + i] = text_clean(cells[i] ? cells[i] : "", TEXT_KEEP_NEWLINES);
		t->raw[o + i] = raws && raws[i] ? text_clean(raws[i], 0) : NULL;
	}
}

void doc_signatures(struct doc *d, const char *const *labels, size_t n)
{
	char *all = NULL;
	for (size_t i = 0; i < n; i++)
		xappendf(&all, "%s%s", i ? "\n" : "", labels[i]);
	add(d, DOC_SIGNATURES, all ? all : "", 1);
	free(all);
}
