/* doc_roff.c - writing a document as groff source: ms for the page (A4
 * margins, footer with the title and the page number), tbl for fields and
 * tables. Text is escaped here and only here. */
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/i18n.h"
#include "base/text.h"
#include "io/doc_roff.h"

void roff_put(FILE *f, const char *s)
{
	/* "\&" first: a line starting with . or ' is then text, never a request. */
	fputs("\\&", f);
	for (const char *p = s; *p; p++) {
		if (*p == '\\')
			fputs("\\e", f);
		else if (strncmp(p, "\xc2\xa0", 2) == 0)
			fputs("\\~", f), p += 1;
		else if (strncmp(p, "\xe2\x80\xaf", 3) == 0)
			fputs("\\|", f), p += 2;
		else if (*p == '\n')
			fputs("\n.br\n\\&", f);
		else
			fputc(*p, f);
	}
}

/* The page: A4 margins, footers (title left, page number right), French
 * or English hyphenation. */
static void preamble(FILE *f, const struct doc *d)
{
	fputs(".\\\" -*- coding: utf-8 -*-\n"
	      ".\\\" made by ptce: groff -k -t -ms -mfr -Tpdf -dpaper=a4 -P-pa4\n"
	      ".nr PS 10\n.nr VS 12.5\n.nr PO 2.2c\n.nr LL 16.6c\n.nr HM 2c\n.nr FM 2.4c\n"
	      ".nr PD 0.4v\n.nr HY 6\n.ds CH\n", f);
	fputs(".ds LF \\s-2", f);
	roff_put(f, d->title);
	/* The document's own footer (who printed it, the audit chain head)
	 * is too long for the page's foot beside the title: it closes the
	 * body instead (doc_write_roff). */
	fputs("\\s0\n.ds CF\n", f);
	/* TRANSLATORS: the word before the page number in the footer of a PDF. */
	fprintf(f, ".ds RF \\s-2%s \\\\n(PN\\s0\n", _("page"));
	fputs(".LP\n", f);
}

static void cell(FILE *f, const char *s, int block)
{
	if (block) {
		fputs("T{\n", f);
		roff_put(f, s);
		fputs("\nT}", f);
	} else {
		roff_put(f, s);
	}
}

/* A run of fields: a two-column table, labels bold. */
static void fields(FILE *f, const struct doc_block *b, size_t n)
{
	fputs(".na\n.TS\ntab(\t);\nlB lx .\n", f);
	for (size_t i = 0; i < n; i++) {
		cell(f, b[i].label, 1);
		fputc('\t', f);
		cell(f, b[i].text, 1);
		fputc('\n', f);
	}
	fputs(".TE\n.ad b\n", f);
}

static void table(FILE *f, const struct doc_table *t)
{
	fputs(".na\n.TS H\ntab(\t);\n", f);
	for (int line = 0; line < 2; line++) {
		for (size_t c = 0; c < t->ncol; c++) {
			char a = t->align[c];
			fprintf(f, "%s%s%s", c ? " " : "", a == 'r' ? "r" : "l",
				line == 0 ? "B" : a == 'w' ? "x" : "");
		}
		fputs(line == 0 ? "\n" : " .\n", f);
	}
	for (size_t c = 0; c < t->ncol; c++) {
		fputs(c ? "\t" : "", f);
		cell(f, t->head[c], t->align[c] == 'w');
	}
	fputs("\n_\n.TH\n", f);
	for (size_t r = 0; r < t->nrow; r++) {
		for (size_t c = 0; c < t->ncol; c++) {
			const char *s = t->cell[r * t->ncol + c];
			fputs(c ? "\t" : "", f);
			cell(f, s, t->align[c] == 'w' || strchr(s, '\n'));
		}
		fputc('\n', f);
	}
	fputs(".TE\n.ad b\n", f);
}

/* One box per signatory, kept on one page. */
static void signatures(FILE *f, const char *labels)
{
	fputs(".KS\n.TS\nallbox tab(\t);\nlB lB lB lB\nlw(4.2c) lw(3.4c) lw(2.4c) lw(4.2c) .\n", f);
	const char *heads[] = {_("For"), _("Name"), _("Date"), _("Signature")};
	for (int i = 0; i < 4; i++) {
		fputs(i ? "\t" : "", f);
		roff_put(f, heads[i]);
	}
	fputc('\n', f);
	char *copy = xstrdup(labels), *save = NULL;
	for (char *l = strtok_r(copy, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		cell(f, l, 1);
		fputs("\tT{\n.sp 1.6c\nT}\t\t\n", f);
	}
	free(copy);
	fputs(".TE\n.KE\n", f);
}

static void heading(FILE *f, const char *text, int sub)
{
	if (sub)
		fputs(".sp 0.6v\n.ne 4v\n.LP\n\\fB", f);
	else
		fputs(".ne 8v\n.SH\n", f);
	roff_put(f, text);
	fputs(sub ? "\\fP\n.LP\n" : "\n.LP\n", f);
}

static void block(FILE *f, const struct doc_block *b)
{
	switch (b->kind) {
	case DOC_TITLE:
		fputs(".ce 1\n\\s+4\\fB", f);
		roff_put(f, b->text);
		fputs("\\fP\\s0\n.sp 0.5v\n", f);
		break;
	case DOC_HEADING: heading(f, b->text, 0); break;
	case DOC_SUBHEADING: heading(f, b->text, 1); break;
	case DOC_PARA:
		fprintf(f, ".LP\n.in +%dm\n", 2 * b->indent);
		roff_put(f, b->text);
		fprintf(f, "\n.in -%dm\n", 2 * b->indent);
		break;
	case DOC_LINE:
		if (!*b->text) {
			fputs(".sp 1\n", f);
			break;
		}
		fputs(b->right ? ".br\n.rj 1\n" : ".br\n", f);
		roff_put(f, b->text);
		fputs("\n.br\n", f);
		break;
	case DOC_TABLE: table(f, b->t); break;
	case DOC_SIGNATURES: signatures(f, b->text); break;
	case DOC_FIELD: fields(f, b, 1); break;
	}
}

void doc_write_roff(FILE *f, const struct doc *d)
{
	preamble(f, d);
	for (size_t i = 0; i < d->n; i++) {
		size_t run = 0;
		if (d->b[i].kind != DOC_FIELD) {
			block(f, &d->b[i]);
			continue;
		}
		while (i + run < d->n && d->b[i + run].kind == DOC_FIELD)
			run++;
		fields(f, &d->b[i], run);
		i += run - 1;
	}
	if (d->footer) {
		/* left-aligned, never hyphenated: the chain head is copied by hand */
		fputs(".sp 1v\n.LP\n.ad l\n.nh\n\\s-2", f);
		roff_put(f, d->footer);
		fputs("\\s0\n", f);
	}
}
