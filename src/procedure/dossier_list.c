/* dossier_list.c - the listing of dossiers (`ptce list`, exports). */
#include <stdlib.h>

#include "base/i18n.h"
#include "procedure/access.h"
#include "procedure/dossier_list.h"
#include "store/stmt.h"

/* dossier_list's callback, its argument and the row being read. */
struct list_walk {
	int (*fn)(const struct dossier_row *row, void *arg);
	void *arg;
	struct dossier_row r;
};

static int list_row(sqlite3_stmt *st, void *arg)
{
	struct list_walk *w = arg;
	struct dossier_row *r = &w->r;
	stmt_columns(st, "Itttttttii", &r->id, &r->ds_number, &r->ptce_name, &r->region_code,
		     &r->departement_code, &r->state, &r->state_since, &r->lead_name, &r->days_in_state,
		     &r->complements);
	int stop = w->fn(r, w->arg);
	free(r->ds_number); free(r->ptce_name); free(r->region_code);
	free(r->departement_code); free(r->state); free(r->state_since); free(r->lead_name);
	return stop;
}

int dossier_list(struct store *s, const struct dossier_filter *f,
		 int (*fn)(const struct dossier_row *row, void *arg), void *arg,
		 struct perr *e)
{
	struct list_walk w = {.fn = fn, .arg = arg};
	char *cond = access_sql(f ? f->viewer : NULL, "d.id", 4);
	char *sql = xasprintf(
		"SELECT d.id, d.ds_number, d.ptce_name, d.region_code, d.departement_code, d.state,"
		" d.state_since, d.lead_name,"
		" CAST(julianday('now') - julianday(d.state_since) AS INTEGER),"
		" d.complements_due IS NOT NULL"
		" FROM dossiers d"
		" WHERE (?1 IS NULL OR d.state = ?1) AND (?2 IS NULL OR d.region_code = ?2)"
		" AND (?3 IS NULL OR EXISTS (SELECT 1 FROM assignments a"
		"      WHERE a.dossier_id = d.id AND a.login = ?3))"
		" AND %s"
		" ORDER BY CAST(d.ds_number AS INTEGER), d.ds_number", cond ? cond : "1");
	sqlite3_stmt *st = stmt_query(s, e, sql, "nnn", f ? f->state : NULL, f ? f->region : NULL,
				      f ? f->assignee : NULL);
	free(sql);
	free(cond);
	if (st)
		access_bind(st, f ? f->viewer : NULL, 4);
	return stmt_rows(s, st, e, _("listing dossiers"), list_row, &w);
}
