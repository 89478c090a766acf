/* doc_text.c - writing a document as plain text within a width: fields
 * aligned with their labels wrapped beside their values, tables whose long
 * columns wrap to what the width leaves, and CSV for the tables. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/fmt.h"
#include "base/i18n.h"
#include "base/text.h"
#include "io/doc_text.h"

#define NBSP "\xc2\xa0"

/* Lines of s wrapped to cols columns (at least 1): *n of them. */
struct wrapped {
	const char *s;
	size_t *st, *ln, n;
};

static void wrap_add(struct wrapped *w, size_t *cap, size_t start, size_t len)
{
	if (w->n == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		w->st = xrealloc(w->st, *cap * sizeof *w->st);
		w->ln = xrealloc(w->ln, *cap * sizeof *w->ln);
	}
	while (len && w->s[start + len - 1] == ' ')
		len--;
	w->st[w->n] = start;
	w->ln[w->n++] = len;
}

/* A break before s would leave French punctuation (" ;", " :", " »") at
 * the start of a line. */
static int bad_break(const char *s)
{
	return strchr(";:!?", *s) ? *s != '\0' : strncmp(s, "\xc2\xbb", 2) == 0;
}

/* Where to end a line of the segment p (not fitting in cols columns): at
 * the last space that fits, else after the last hyphen ("Provence-Alpes-
 * Côte"), else where the columns end. *next gets where the next starts. */
static size_t line_end(const char *p, size_t cols, size_t *next)
{
	size_t fit = text_fit(p, cols, NULL), brk = 0;
	if (fit == 0) {
		/* one character wider than the line: take it anyway */
		fit = 1;
		while ((p[fit] & 0xC0) == 0x80)
			fit++;
		*next = fit;
		return fit;
	}
	if (p[fit] == ' ' && !bad_break(p + fit + 1)) {
		*next = fit + 1;
		return fit;
	}
	for (size_t k = fit; k > 0; k--)
		if ((p[k - 1] == ' ' && !bad_break(p + k)) || (p[k - 1] == '-' && k > 1 && p[k - 2] != ' ')) {
			brk = k;
			break;
		}
	if (!brk) {
		*next = fit;
		return fit;
	}
	*next = brk;
	return brk;
}

/* s broken into lines of at most cols columns: at its newlines, then at
 * spaces, then after hyphens, cutting a word only when nothing else fits. */
static void wrap(struct wrapped *w, const char *s, size_t cols)
{
	size_t cap = 0;
	memset(w, 0, sizeof *w);
	w->s = s;
	cols = cols ? cols : 1;
	for (const char *p = s;;) {
		size_t seg = strcspn(p, "\n");
		const char *end = p + seg;
		while (text_nwidth(p, (size_t)(end - p)) > cols) {
			size_t next, len = line_end(p, cols, &next);
			wrap_add(w, &cap, (size_t)(p - s), len);
			p += next;
			while (*p == ' ')
				p++;
		}
		wrap_add(w, &cap, (size_t)(p - s), (size_t)(end - p));
		if (!*end)
			break;
		p = end + 1;
	}
}

static void unwrap(struct wrapped *w)
{
	free(w->st);
	free(w->ln);
}

/* Line i of w (empty past the last), padded to cols when pad. */
static void put_line(FILE *f, const struct wrapped *w, size_t i, size_t cols, int pad, int right)
{
	size_t used = i < w->n ? text_nwidth(w->s + w->st[i], w->ln[i]) : 0;
	if (right)
		for (size_t k = used; k < cols; k++)
			fputc(' ', f);
	if (i < w->n)
		fwrite(w->s + w->st[i], 1, w->ln[i], f);
	if (pad && !right)
		for (size_t k = used; k < cols; k++)
			fputc(' ', f);
}

static void spaces(FILE *f, size_t n)
{
	while (n--)
		fputc(' ', f);
}

static void repeat(FILE *f, const char *s, size_t n)
{
	while (n--)
		fputs(s, f);
}

/* text wrapped to width - indent, each line after indent spaces. */
static void put_wrapped(FILE *f, const char *text, size_t indent, size_t width)
{
	struct wrapped w;
	wrap(&w, text, width > indent + 10 ? width - indent : 10);
	for (size_t i = 0; i < w.n; i++) {
		spaces(f, indent);
		put_line(f, &w, i, 0, 0, 0);
		fputc('\n', f);
	}
	unwrap(&w);
}

/* The widest line of s. */
static size_t widest(const char *s)
{
	size_t best = 0;
	while (*s) {
		size_t l = strcspn(s, "\n"), w = text_nwidth(s, l);
		if (w > best)
			best = w;
		s += l + (s[l] == '\n');
	}
	return best;
}

/* A run of fields from b[0] (n of them): labels in a column as wide as the
 * widest (at most a third of the width, wrapped beyond), values beside. */
static void put_fields(FILE *f, const struct doc *d, const struct doc_block *b, size_t n,
		       size_t width)
{
	size_t lw = 0;
	for (size_t i = 0; i < n; i++)
		if (text_width(b[i].label) > lw)
			lw = text_width(b[i].label);
	if (lw > width / 3)
		lw = width / 3;
	const char *sep = d->lang == FMT_FR ? NBSP ": " : ": ";
	size_t sw = text_width(sep), vw = width - lw - sw;
	for (size_t i = 0; i < n; i++) {
		struct wrapped l, v;
		wrap(&l, b[i].label, lw);
		wrap(&v, b[i].text, vw);
		size_t rows = l.n > v.n ? l.n : v.n;
		for (size_t r = 0; r < rows; r++) {
			put_line(f, &l, r, lw, 1, 0);
			fputs(r == 0 ? sep : "", f);
			if (r)
				spaces(f, sw);
			put_line(f, &v, r, 0, 0, 0);
			fputc('\n', f);
		}
		unwrap(&l);
		unwrap(&v);
	}
}

/* The widest word of s (what a column needs not to cut words). */
static size_t widest_word(const char *s)
{
	size_t best = 0;
	while (*s) {
		size_t l = strcspn(s, " \n"), w = text_nwidth(s, l);
		best = w > best ? w : best;
		s += l + (s[l] != '\0');
	}
	return best;
}

/* Shrink the columns of kind (widest first) down to their floors until
 * the table fits; returns the new total. */
static size_t shrink(const struct doc_table *t, char kind, size_t *w, const size_t *floor,
		     size_t total, size_t width)
{
	while (total > width) {
		size_t best = (size_t)-1;
		for (size_t c = 0; c < t->ncol; c++)
			if (t->align[c] == kind && w[c] > floor[c] && (best == (size_t)-1 || w[c] > w[best]))
				best = c;
		if (best == (size_t)-1)
			break;
		w[best]--;
		total--;
	}
	return total;
}

/* The wrapped columns share what the others leave, each in proportion to
 * the square root of its natural width (a long motivation gets more than
 * a name, a name still a readable share), never more than it needs. */
static void share_wrapped(const struct doc_table *t, size_t *w, const size_t *nat, size_t avail)
{
	unsigned char *fixed = calloc(t->ncol, 1);
	for (int changed = 1; changed;) {
		double sum = 0;
		changed = 0;
		for (size_t c = 0; c < t->ncol; c++)
			if (t->align[c] == 'w' && !fixed[c])
				sum += sqrt((double)nat[c]);
		for (size_t c = 0; c < t->ncol && sum > 0; c++) {
			if (t->align[c] != 'w' || fixed[c])
				continue;
			w[c] = (size_t)((double)avail * sqrt((double)nat[c]) / sum);
			if (w[c] >= nat[c]) {
				w[c] = nat[c];
				fixed[c] = 1;
				avail = avail > nat[c] ? avail - nat[c] : 0;
				changed = 1;
				break;
			}
		}
	}
	free(fixed);
}

/* Column widths of t within width: each column as wide as its widest line;
 * when that is too wide, the wrapped columns share what the others leave
 * (at least 10 columns each), the others shrinking to their widest word
 * first if need be, then to a few columns. */
static void table_widths(const struct doc_table *t, size_t width, size_t gap, size_t *w)
{
	size_t *nat = calloc(t->ncol, sizeof *nat), *floor = calloc(t->ncol, sizeof *floor);
	size_t fixed = gap * (t->ncol - 1), wrapped = 0, nw = 0;
	for (size_t c = 0; c < t->ncol; c++) {
		nat[c] = widest(t->head[c]);
		floor[c] = widest_word(t->head[c]);
		for (size_t r = 0; r < t->nrow; r++) {
			const char *s = t->cell[r * t->ncol + c];
			size_t x = widest(s), y = widest_word(s);
			nat[c] = x > nat[c] ? x : nat[c];
			floor[c] = y > floor[c] ? y : floor[c];
		}
		nat[c] = w[c] = nat[c] ? nat[c] : 1;
		if (t->align[c] == 'w')
			wrapped += nat[c], nw++, floor[c] = nat[c] < 10 ? nat[c] : 10;
		else
			fixed += nat[c];
	}
	size_t need = fixed + (nw ? nw * 10 : 0);
	if (need > width) {
		need = shrink(t, 'l', w, floor, need, width);
		need = shrink(t, 'r', w, floor, need, width);
		for (size_t c = 0; c < t->ncol; c++)
			floor[c] = t->align[c] == 'w' ? floor[c] : 3;
		need = shrink(t, 'l', w, floor, need, width);
		shrink(t, 'r', w, floor, need, width);
		fixed = gap * (t->ncol - 1);
		for (size_t c = 0; c < t->ncol; c++)
			fixed += t->align[c] == 'w' ? 0 : w[c];
	}
	if (nw && fixed + wrapped > width)
		share_wrapped(t, w, nat, width > fixed + nw * 10 ? width - fixed : nw * 10);
	free(nat);
	free(floor);
}

/* One row of cells (ncol of them), each wrapped to its column; no line
 * ends with blanks. */
static void put_row(FILE *out, const struct doc_table *t, char *const *cells, const size_t *w,
		    size_t gap)
{
	struct wrapped *cw = xcalloc(t->ncol, sizeof *cw);
	size_t rows = 1;
	for (size_t c = 0; c < t->ncol; c++) {
		wrap(&cw[c], cells[c], w[c]);
		rows = cw[c].n > rows ? cw[c].n : rows;
	}
	for (size_t r = 0; r < rows; r++) {
		char *line = NULL;
		size_t len = 0;
		FILE *f = open_memstream(&line, &len);
		for (size_t c = 0; c < t->ncol; c++) {
			if (c)
				spaces(f, gap);
			put_line(f, &cw[c], r, w[c], c + 1 < t->ncol, t->align[c] == 'r');
		}
		fclose(f);
		while (len && line[len - 1] == ' ')
			len--;
		fprintf(out, "%.*s\n", (int)len, line);
		free(line);
	}
	for (size_t c = 0; c < t->ncol; c++)
		unwrap(&cw[c]);
	free(cw);
}

static void put_table(FILE *f, const struct doc_table *t, size_t width)
{
	/* Many columns (counts per state) sit closer together. */
	size_t gap = t->ncol > 6 ? 1 : 2;
	size_t *w = calloc(t->ncol, sizeof *w), all = gap * (t->ncol - 1);
	table_widths(t, width, gap, w);
	for (size_t c = 0; c < t->ncol; c++)
		all += w[c];
	put_row(f, t, t->head, w, gap);
	repeat(f, "-", all < width ? all : width);
	fputc('\n', f);
	for (size_t r = 0; r < t->nrow; r++)
		put_row(f, t, t->cell + r * t->ncol, w, gap);
	free(w);
}

/* A box per signatory: the label, then lines to write on. */
static void put_signatures(FILE *f, const char *labels, size_t width)
{
	char *copy = xstrdup(labels), *save = NULL;
	for (char *l = strtok_r(copy, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		fputc('\n', f);
		put_wrapped(f, l, 0, width);
		char *line = xasprintf(_("  Name: %s  Date: %s"), "______________________________",
				       "______________");
		put_wrapped(f, line, 0, width);
		free(line);
		fprintf(f, "%s\n\n\n", _("  Signature:"));
	}
	free(copy);
}

static void put_title(FILE *f, const char *title, size_t width)
{
	size_t w = text_width(title);
	if (w > width) {
		put_wrapped(f, title, 0, width);
		w = width;
	} else {
		spaces(f, (width - w) / 2);
		fprintf(f, "%s\n", title);
	}
	spaces(f, (width - w) / 2);
	repeat(f, "=", w);
	fputc('\n', f);
}

static void put_heading(FILE *f, const char *text, size_t width, const char *rule)
{
	fputc('\n', f);
	put_wrapped(f, text, 0, width);
	size_t w = text_width(text);
	repeat(f, rule, w < width ? w : width);
	fputc('\n', f);
}

void doc_write_text(FILE *f, const struct doc *d, size_t width)
{
	for (size_t i = 0; i < d->n; i++) {
		const struct doc_block *b = &d->b[i];
		size_t run = 0;
		switch (b->kind) {
		case DOC_TITLE: put_title(f, b->text, width); break;
		case DOC_HEADING: put_heading(f, b->text, width, "="); break;
		case DOC_SUBHEADING: put_heading(f, b->text, width, "-"); break;
		case DOC_FIELD:
			while (i + run < d->n && d->b[i + run].kind == DOC_FIELD)
				run++;
			put_fields(f, d, b, run, width);
			i += run - 1;
			break;
		case DOC_PARA:
			if (!b->indent)
				fputc('\n', f);
			put_wrapped(f, b->text, 4 * (size_t)b->indent, width);
			break;
		case DOC_LINE:
			if (!*b->text) {
				fputc('\n', f);
				break;
			}
			if (b->right && text_width(b->text) < width)
				spaces(f, width - text_width(b->text));
			put_wrapped(f, b->text, 0, width);
			break;
		case DOC_TABLE: fputc('\n', f); put_table(f, b->t, width); break;
		case DOC_SIGNATURES: put_signatures(f, b->text, width); break;
		}
	}
	if (d->footer) {
		fputc('\n', f);
		put_wrapped(f, d->footer, 0, width);
	}
}

void doc_write_csv(FILE *f, const struct doc *d)
{
	const char *section = "";
	for (size_t i = 0; i < d->n; i++) {
		const struct doc_block *b = &d->b[i];
		if (b->kind == DOC_HEADING)
			section = b->text;
		if (b->kind != DOC_TABLE)
			continue;
		const struct doc_table *t = b->t;
		fmt_csv_field(f, _("section"), ',', 1);
		for (size_t c = 0; c < t->ncol; c++)
			fmt_csv_field(f, t->head[c], ',', 0);
		fputc('\n', f);
		for (size_t r = 0; r < t->nrow; r++) {
			fmt_csv_field(f, section, ',', 1);
			for (size_t c = 0; c < t->ncol; c++) {
				size_t k = r * t->ncol + c;
				fmt_csv_field(f, t->raw[k] ? t->raw[k] : t->cell[k], ',', 0);
			}
			fputc('\n', f);
		}
	}
}
