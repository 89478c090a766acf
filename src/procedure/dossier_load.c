/* dossier_load.c - finding a dossier by its number and reading it whole,
 * members and pieces included. */
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "procedure/dossier_load.h"
#include "store/stmt.h"

int dossier_find_id(struct store *s, const char *ref, long long *id, struct perr *e)
{
	long long found = 0;
	int rc = ref[0] == '#'
		 ? stmt_int(s, &found, 0, e, _("looking up the dossier"), "SELECT id FROM dossiers WHERE id = ?",
			    "I", strtoll(ref + 1, NULL, 10))
		 : stmt_int(s, &found, 0, e, _("looking up the dossier"),
			    "SELECT id FROM dossiers WHERE ds_number = ?", "t", ref);
	if (rc < 0)
		return -1;
	if (found) {
		*id = found;
		return 0;
	}
	char *clean = text_clean(ref, 0);
	perr_set(e, P_NOTFOUND, _("no dossier numbered '%s'; 'ptce list' shows the numbers."), clean);
	free(clean);
	return -1;
}

void member_clear(struct member *m)
{
	for (int i = 0; i < MF_COUNT; i++) {
		free(m->f[i]);
		m->f[i] = NULL;
	}
}

void dossier_clear(struct dossier *d)
{
	if (!d)
		return;
	char *texts[] = {d->state, d->state_since, d->updated_at, d->campaign_name,
			 d->complements_due, d->complements_note};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		free(texts[i]);
	for (int i = 0; i < DF_COUNT; i++)
		free(d->f[i]);
	for (size_t i = 0; i < d->n_members; i++)
		member_clear(&d->members[i]);
	free(d->members);
	for (size_t i = 0; i < d->n_documents; i++) {
		free(d->documents[i].kind);
		free(d->documents[i].title);
		free(d->documents[i].received_on);
	}
	free(d->documents);
	memset(d, 0, sizeof *d);
}

void dossier_free(struct dossier **d)
{
	if (!d || !*d)
		return;
	dossier_clear(*d);
	free(*d);
	*d = NULL;
}

int dossier_step_row(struct store *s, sqlite3_stmt *st, long long id, struct perr *e)
{
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		return 0;
	stmt_done(&st);
	if (rc == SQLITE_DONE)
		return perr_set(e, P_NOTFOUND, _("no dossier with internal id %lld"), id);
	return store_fail(s, e, _("reading the dossier"));
}

/* The dossier's own row, as dossier_load selects it. */
static struct dossier *dossier_read(sqlite3_stmt *st, long long id)
{
	struct dossier *d = xcalloc(1, sizeof *d);
	d->id = id;
	for (int i = 0; i < DF_COUNT; i++)
		d->f[i] = col_text_or_null(st, i);
	d->state = col_text(st, DF_COUNT);
	d->state_since = col_text(st, DF_COUNT + 1);
	d->updated_at = col_text(st, DF_COUNT + 2);
	d->revision = sqlite3_column_int64(st, DF_COUNT + 3);
	d->campaign_id = sqlite3_column_int64(st, DF_COUNT + 4);
	d->campaign_name = col_text_or_null(st, DF_COUNT + 5);
	d->complements_due = col_text_or_null(st, DF_COUNT + 6);
	d->complements_note = col_text_or_null(st, DF_COUNT + 7);
	return d;
}

static int member_row(sqlite3_stmt *st, void *arg)
{
	struct dossier *d = arg;
	d->members = xrealloc(d->members, (d->n_members + 1) * sizeof *d->members);
	struct member *m = &d->members[d->n_members++];
	for (int i = 0; i < MF_COUNT; i++)
		m->f[i] = col_text_or_null(st, i);
	return 0;
}

static int document_row(sqlite3_stmt *st, void *arg)
{
	struct dossier *d = arg;
	d->documents = xrealloc(d->documents, (d->n_documents + 1) * sizeof *d->documents);
	struct document *doc = &d->documents[d->n_documents++];
	doc->kind = col_text(st, 0);
	doc->title = col_text(st, 1);
	doc->received_on = col_text_or_null(st, 2);
	return 0;
}

int dossier_load(struct store *s, long long id, struct dossier **out, struct perr *e)
{
	char *cols = dossier_field_columns();
	char *sql = xasprintf("SELECT %s, d.state, d.state_since, d.updated_at, d.revision,"
			      " d.campaign_id, c.name, d.complements_due, d.complements_note"
			      " FROM dossiers d LEFT JOIN campaigns c ON c.id = d.campaign_id"
			      " WHERE d.id = ?", cols);
	free(cols);
	sqlite3_stmt *st = store_prepare(s, sql, e);
	free(sql);
	*out = NULL;
	if (!st || dossier_step_row(s, st, id, e) < 0)
		return -1;
	struct dossier *d = dossier_read(st, id);
	stmt_done(&st);
	st = stmt_query(s, e, "SELECT name, siret, category, role, commitment FROM members"
			" WHERE dossier_id = ? ORDER BY position, id", "I", id);
	if (stmt_rows(s, st, e, _("reading the dossier"), member_row, d) < 0) {
		dossier_free(&d);
		return -1;
	}
	st = stmt_query(s, e, "SELECT kind, title, received_on FROM documents"
			" WHERE dossier_id = ? ORDER BY id", "I", id);
	if (stmt_rows(s, st, e, _("reading the dossier"), document_row, d) < 0) {
		dossier_free(&d);
		return -1;
	}
	*out = d;
	return 0;
}
