/* book.c - an export file into named sheets (see book.h). */
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "io/book.h"

int book_read(const char *path, const char *encoding, struct book *b, struct perr *e)
{
	(void)encoding;
	memset(b, 0, sizeof *b);
	b->path = xstrdup(path);
	b->format = BOOK_CSV;
	b->sheets = xcalloc(1, sizeof *b->sheets);
	b->sheets[0].name = xstrdup("Dossiers");
	b->n = 1;
	if (csv_table_read(path, &b->sheets[0].table, e) < 0) {
		book_done(b);
		return -1;
	}
	return 0;
}

const struct csv_table *book_sheet(const struct book *b, const char *name)
{
	for (size_t i = 0; i < b->n; i++)
		if (strcmp(b->sheets[i].name, name) == 0)
			return &b->sheets[i].table;
	return NULL;
}

void book_done(struct book *b)
{
	for (size_t i = 0; i < b->n; i++) {
		free(b->sheets[i].name);
		csv_table_done(&b->sheets[i].table);
	}
	free(b->sheets);
	free(b->path);
	memset(b, 0, sizeof *b);
}
