/* import_place.c - the place and wording of an import's problems. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "io/import_place.h"
#include "io/mapping_guess.h"

void import_errors_done(struct import_errors *errs)
{
	for (size_t i = 0; i < errs->n; i++)
		free(errs->msgs[i]);
	free(errs->msgs);
	errs->msgs = NULL;
	errs->n = 0;
}

void errs_add(struct import_errors *errs, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = NULL;
	if (vasprintf(&msg, fmt, ap) < 0)
		die("out of memory");
	va_end(ap);
	errs->msgs = xrealloc(errs->msgs, (errs->n + 1) * sizeof *errs->msgs);
	errs->msgs[errs->n++] = msg;
}

char *import_shown(const char *s)
{
	char *c = text_clean(s, 0);
	size_t used, fit = text_fit(c, 60, &used);
	if (fit < strlen(c)) {
		char *cut = xasprintf("%.*s…", (int)fit, c);
		free(c);
		return cut;
	}
	return c;
}

/* "A", ..., "Z", "AA": a column as a spreadsheet names it. */
static const char *col_letters(int col, char buf[8])
{
	char tmp[8];
	int n = 0;
	for (int c = col + 1; c > 0 && n < 7; c = (c - 1) / 26)
		tmp[n++] = (char)('A' + (c - 1) % 26);
	for (int i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	buf[n] = '\0';
	return buf;
}

void import_cell_error(struct import_errors *errs, const struct import_place *p, int line,
		       int col, const char *reason)
{
	const struct csv_table *t = p->t;
	char *h = import_shown(col >= 0 && (size_t)col < t->header.n ? t->header.cells[col] : "");
	char *why = text_clean(reason, 0), letters[8];
	if (p->sheet)
		errs_add(errs, _("%s, sheet %s, row %d, column %s (%s): %s"), t->path, p->sheet,
			 line, col_letters(col, letters), h, why);
	else
		errs_add(errs, _("%s:%d:%d: %s (column \"%s\")"), t->path, line, col + 1, why, h);
	free(why);
	free(h);
}

void import_header_error(struct import_errors *errs, const struct import_place *p,
			 const char *reason)
{
	if (p->sheet)
		errs_add(errs, _("%s, sheet %s, row %d: %s"), p->t->path, p->sheet,
			 p->t->header.line, reason);
	else
		errs_add(errs, _("%s:%d:1: %s"), p->t->path, p->t->header.line, reason);
}

void import_missing_column(struct import_errors *errs, const struct import_place *p,
			   const char *header, const char *why,
			   const struct csv_table *const *also, size_t n_also)
{
	const struct csv_table *tables[4] = { p->t };
	size_t n = 1;
	for (size_t i = 0; i < n_also && n < 4; i++)
		if (also[i])
			tables[n++] = also[i];
	char *near = mapping_closest(header, tables, n);
	char *h = import_shown(header);
	char *msg = near ? xasprintf(_("no column \"%s\" (%s); the closest headers of the file: %s"),
				     h, why, near)
			 : xasprintf(_("no column \"%s\" (%s), and no header of the file resembles it"),
				     h, why);
	import_header_error(errs, p, msg);
	free(msg);
	free(h);
	free(near);
}

/* Every record must have as many fields as the header: otherwise a
 * separator or a quote went missing and the values are shifted. */
int import_check_width(const struct import_place *p, const struct csv_record *r,
		       struct import_errors *errs)
{
	const struct csv_table *t = p->t;
	if (p->sheet)
		return 0;	/* a workbook's row is as wide as its cells */
	size_t extra = 0;
	for (size_t i = t->header.n; i < r->n; i++)
		if (*r->cells[i])
			extra = i + 1;
	if (r->n < t->header.n) {
		errs_add(errs, _("%s:%d:%zu: this record has %zu fields but the header line has %zu; "
				 "a separator or a quote is probably missing"),
			 t->path, r->line, r->n + 1, r->n, t->header.n);
		return -1;
	}
	if (extra) {
		errs_add(errs, _("%s:%d:%zu: this record has more fields than the header line (%zu); "
				 "a value probably contains the separator without quotes"),
			 t->path, r->line, t->header.n + 1, t->header.n);
		return -1;
	}
	return 0;
}

