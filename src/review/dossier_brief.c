/* dossier_brief.c - a dossier's state, number and name, read in one query. */
#include <stdlib.h>
#include <string.h>

#include "procedure/dossier.h"
#include "review/dossier_brief.h"
#include "store/stmt.h"

void brief_clear(struct dossier_brief *b)
{
	free(b->state); free(b->ds_number); free(b->ptce_name);
	memset(b, 0, sizeof *b);
}

int dossier_brief(struct store *s, long long id, struct dossier_brief *b, struct perr *e)
{
	memset(b, 0, sizeof *b);
	sqlite3_stmt *st = store_prepare(s, "SELECT state, ds_number, ptce_name FROM dossiers WHERE id = ?", e);
	if (!st)
		return -1;
	if (dossier_step_row(s, st, id, e) < 0)
		return -1;
	b->state = col_text(st, 0);
	b->ds_number = col_text(st, 1);
	b->ptce_name = col_text(st, 2);
	stmt_done(&st);
	return 0;
}
