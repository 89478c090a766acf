/* import_rows.c - an import's rows, a CSV's kept after the first reading
 * (see import_rows.h). */
#include "io/import_rows.h"
#include "io/sheet_store.h"

int rows_next(struct rows *s, const struct csv_record **out, struct perr *e)
{
	if (!s->r || s->from_kept) {
		const struct csv_table *t = s->from_kept ? &s->kept : s->t;
		if (s->i >= t->n_rows)
			return 0;
		*out = sheet_row(t, s->i++, &s->cur, e);
		return *out ? 1 : -1;
	}
	csv_record_done(&s->cur);
	*out = &s->cur;
	int rc = csv_reader_next(s->r, &s->cur, e);
	if (s->no_keep || s->complete)
		return rc;
	if (rc == 0)
		s->complete = 1;
	if (rc != 1)
		return rc;
	if (!s->kept.store) {
		s->kept.path = s->t->path;
		sheet_store_start(&s->kept);
	}
	struct perr pe = {0};
	if (sheet_store_put(&s->kept, &s->cur, &pe) < 0) {
		sheet_store_free(s->kept.store);
		s->kept = (struct csv_table){0};
		s->no_keep = 1;
	}
	return rc;
}

int rows_rewind(struct rows *s, struct perr *e)
{
	s->i = 0;
	csv_record_done(&s->cur);
	if (!s->r)
		return 0;
	if (csv_reader_rewind(s->r, e) < 0)
		return -1;
	s->from_kept = s->complete;
	if (!s->complete) {	/* stopped before the end: kept again from the start */
		sheet_store_free(s->kept.store);
		s->kept = (struct csv_table){0};
	}
	return 0;
}

void rows_done(struct rows *s)
{
	csv_record_done(&s->cur);
	sheet_store_free(s->kept.store);
	s->kept.store = NULL;
}
