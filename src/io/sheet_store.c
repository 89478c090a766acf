/* sheet_store.c - a sheet's rows in a spill store (see sheet_store.h).
 * A row is stored as: its length (the bytes after these four), its line,
 * its number of cells, each cell's length, then the cells' bytes. Rows
 * follow each other, so only where every STRIDE-th row starts is held (a
 * million rows, 130 KB): another is found by skipping rows from there,
 * or from the row after the last one read (reading in order costs no
 * skipping). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "io/sheet_store.h"
#include "io/spill.h"

enum { STRIDE = 64 };

struct sheet_store {
	struct spill bytes;
	uint64_t *off;		/* where rows 0, STRIDE, 2 * STRIDE... start */
	size_t cap;
	size_t next_i;		/* the row after the last one read (0: none read) */
	uint64_t next_off;	/* where it starts */
	int *merges;		/* r1, c1, r2, c2 of each merged range */
	size_t n_merges;
};

void sheet_store_start(struct csv_table *t)
{
	t->store = xcalloc(1, sizeof *t->store);
	spill_init(&t->store->bytes);
}

static void put32(char **p, uint32_t v)
{
	memcpy(*p, &v, 4);
	*p += 4;
}

static uint32_t get32(const char **p)
{
	uint32_t v;
	memcpy(&v, *p, 4);
	*p += 4;
	return v;
}

int sheet_store_put(struct csv_table *t, const struct csv_record *r, struct perr *e)
{
	struct sheet_store *s = t->store;
	size_t len = 12 + 4 * r->n;
	for (size_t i = 0; i < r->n; i++)
		len += strlen(r->cells[i]);
	if (len > UINT32_MAX) {
		char *at = csv_place(t, r->line, 0);
		perr_set(e, P_INVALID, _("%s: the row holds more than 4 GB of text; refused"), at);
		free(at);
		return -1;
	}
	char *buf = xmalloc(len), *p = buf;
	put32(&p, (uint32_t)(len - 4));
	put32(&p, (uint32_t)r->line);
	put32(&p, (uint32_t)r->n);
	for (size_t i = 0; i < r->n; i++)
		put32(&p, (uint32_t)strlen(r->cells[i]));
	for (size_t i = 0; i < r->n; i++) {
		size_t n = strlen(r->cells[i]);
		memcpy(p, r->cells[i], n);
		p += n;
	}
	if (t->n_rows / STRIDE == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 64;
		s->off = xrealloc(s->off, s->cap * sizeof *s->off);
	}
	struct perr pe = {0};
	uint64_t off;
	int rc = spill_put(&s->bytes, buf, len, &off, &pe);
	if (rc < 0) {
		char *at = csv_place(t, r->line, 0);
		perr_set(e, pe.status, "%s: %s", at, pe.msg);
		free(at);
	} else if (t->n_rows++ % STRIDE == 0) {
		s->off[(t->n_rows - 1) / STRIDE] = off;
	}
	free(buf);
	return rc;
}

void sheet_store_merge(struct csv_table *t, int r1, size_t c1, int r2, size_t c2)
{
	struct sheet_store *s = t->store;
	s->merges = xrealloc(s->merges, (s->n_merges + 1) * 4 * sizeof *s->merges);
	int *m = s->merges + 4 * s->n_merges++;
	m[0] = r1, m[1] = (int)c1, m[2] = r2, m[3] = (int)c2;
}

/* The merged ranges over r: their cells but the top-left one emptied. */
static void apply_merges(const struct sheet_store *s, struct csv_record *r)
{
	for (size_t k = 0; k < s->n_merges; k++) {
		const int *m = s->merges + 4 * k;
		if (r->line < m[0] || r->line > m[2])
			continue;
		for (size_t c = (size_t)m[1]; c <= (size_t)m[3] && c < r->n; c++) {
			if (r->line == m[0] && c == (size_t)m[1])
				continue;
			r->cells[c][0] = '\0';
		}
	}
}

/* Where row i starts: from the nearest held place before it, skipping
 * the rows in between by their lengths. */
static int locate(struct sheet_store *s, size_t i, uint64_t *off, struct perr *e)
{
	size_t k = i / STRIDE * STRIDE;
	uint64_t at = s->off[i / STRIDE];
	if (s->next_i > k && s->next_i <= i) {
		k = s->next_i;
		at = s->next_off;
	}
	for (uint32_t len; k < i; k++, at += 4 + (uint64_t)len)
		if (spill_get(&s->bytes, at, &len, 4, e) < 0)
			return -1;
	*off = at;
	return 0;
}

/* Row i into buf (emptied first). */
static int load(const struct csv_table *t, size_t i, struct csv_record *buf, struct perr *e)
{
	struct sheet_store *s = t->store;
	uint32_t len;
	uint64_t off;
	csv_record_done(buf);
	if (locate(s, i, &off, e) < 0 || spill_get(&s->bytes, off, &len, 4, e) < 0)
		return -1;
	s->next_i = i + 1;
	s->next_off = off + 4 + len;
	char *raw = xmalloc(len ? len : 1);
	if (spill_get(&s->bytes, off + 4, raw, len, e) < 0) {
		free(raw);
		return -1;
	}
	const char *p = raw;
	buf->line = (int)get32(&p);
	size_t n = get32(&p), width = n > t->header.n ? n : t->header.n;
	const char *text = p + 4 * n;
	buf->cells = xcalloc(width ? width : 1, sizeof *buf->cells);
	buf->n = width;
	for (size_t c = 0; c < n; c++) {
		uint32_t cl = get32(&p);
		buf->cells[c] = xstrndup(text, cl);
		text += cl;
	}
	for (size_t c = n; c < width; c++)
		buf->cells[c] = xstrdup("");
	free(raw);
	apply_merges(s, buf);
	return 0;
}

const struct csv_record *sheet_row(const struct csv_table *t, size_t i, struct csv_record *buf,
				   struct perr *e)
{
	if (!t->store)
		return &t->rows[i];
	struct perr pe = {0};
	if (load(t, i, buf, &pe) < 0) {
		if (t->sheet)
			perr_set(e, pe.status, "%s, sheet \"%s\": %s", t->path, t->sheet, pe.msg);
		else
			perr_set(e, pe.status, "%s: %s", t->path, pe.msg);
		return NULL;
	}
	return buf;
}

/* With merged ranges, the rows are copied into a new store as they read,
 * merges applied, those left blank dropped. */
int sheet_store_finish(struct csv_table *t, struct perr *e)
{
	if (!t->store || !t->store->n_merges)
		return 0;
	struct csv_table from = *t;	/* the old store, read through a view of t */
	sheet_store_start(t);
	t->n_rows = 0;
	struct csv_record r = {0};
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < from.n_rows; i++) {
		if (!sheet_row(&from, i, &r, e))
			rc = -1;
		else if (!csv_record_blank(&r))
			rc = sheet_store_put(t, &r, e);
	}
	csv_record_done(&r);
	sheet_store_free(from.store);
	return rc;
}

void sheet_store_free(struct sheet_store *s)
{
	if (!s)
		return;
	spill_done(&s->bytes);
	free(s->off);
	free(s->merges);
	free(s);
}
