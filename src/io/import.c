/* import.c - an export's rows into dossiers: every row of both files checked
 * and every problem reported with its place, then all saved or nothing. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/geo.h"
#include "base/i18n.h"
#include "base/text.h"
#include "io/import.h"
#include "procedure/permission.h"
#include "store/stmt.h"

void import_errors_done(struct import_errors *errs)
{
	for (size_t i = 0; i < errs->n; i++)
		free(errs->msgs[i]);
	free(errs->msgs);
	errs->msgs = NULL;
	errs->n = 0;
}

static void errs_add(struct import_errors *errs, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void errs_add(struct import_errors *errs, const char *fmt, ...)
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

/* A header as printed in a message: cleaned (it came from the file). */
static char *shown(const char *s)
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

static void row_error(struct import_errors *errs, const struct csv_table *t,
		      const struct csv_record *r, int col, const char *reason)
{
	char *h = shown(col >= 0 && (size_t)col < t->header.n ? t->header.cells[col] : "");
	char *why = text_clean(reason, 0);
	errs_add(errs, _("%s:%d:%d: %s (column \"%s\")"), t->path, r->line, col + 1, why, h);
	free(why);
	free(h);
}

/* Every record must have as many fields as the header: otherwise a
 * separator or a quote went missing and the values are shifted. */
static int check_width(const struct csv_table *t, const struct csv_record *r,
		       struct import_errors *errs)
{
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

/* Where each mapping column is in the file (-1 when absent); a required field
 * none of whose headers is present is reported against the header line. */
static int *resolve_columns(const struct csv_table *t, const struct map_column *cols, size_t n,
			    const struct field_def *defs, size_t n_defs,
			    const struct import_mapping *m, struct import_errors *errs)
{
	int *idx = xcalloc(n ? n : 1, sizeof *idx);
	for (size_t i = 0; i < n; i++)
		idx[i] = csv_table_column(t, cols[i].header);
	for (size_t f = 0; f < n_defs; f++) {
		if (!defs[f].required)
			continue;
		const char *expected = NULL;
		int present = 0;
		for (size_t i = 0; i < n; i++) {
			if (cols[i].field != (int)f)
				continue;
			if (!expected)
				expected = cols[i].header;
			if (idx[i] >= 0)
				present = 1;
		}
		if (present || !expected)
			continue;
		char *h = shown(expected);
		errs_add(errs, _("%s:%d:1: the header line has no column \"%s\", which the mapping "
				 "%s needs for the required field '%s'; export the dossiers again with "
				 "this field, or change the mapping"),
			 t->path, t->header.line, h, m->path, defs[f].column);
		free(h);
	}
	return idx;
}

/* Turn the mapped cells of one record into values of a field table; bad
 * values are reported, valid ones stored in out[]. */
static void read_fields(const struct csv_table *t, const struct csv_record *r,
			const struct map_column *cols, size_t n, const int *idx,
			const struct field_def *defs, size_t n_defs,
			const struct map_value *vals, size_t n_vals,
			const struct import_mapping *m, char **out, int *src,
			struct import_errors *errs)
{
	char why[512];
	int *bad = xcalloc(n_defs, sizeof *bad);
	for (size_t f = 0; f < n_defs; f++)
		src[f] = -1;
	for (size_t i = 0; i < n; i++) {
		int f = cols[i].field;
		if (idx[i] < 0 || out[f] || bad[f])
			continue;
		if (src[f] < 0)
			src[f] = idx[i];
		const char *raw = (size_t)idx[i] < r->n ? r->cells[idx[i]] : "";
		char *v = import_normalize(&defs[f], f, vals, n_vals, m->bools, m->n_bools, raw);
		if (!v)
			continue;
		if (field_validate(&defs[f], v, why, sizeof why) < 0) {
			row_error(errs, t, r, idx[i], why);
			bad[f] = 1;
			free(v);
			continue;
		}
		out[f] = v;
		src[f] = idx[i];
	}
	for (size_t f = 0; f < n_defs; f++) {
		if (!defs[f].required || out[f] || bad[f] || src[f] < 0)
			continue;
		field_validate(&defs[f], NULL, why, sizeof why);
		row_error(errs, t, r, src[f], why);
	}
	free(bad);
}

static void free_batch(struct dossier *ds, size_t n)
{
	for (size_t i = 0; i < n; i++)
		dossier_clear(&ds[i]);
	free(ds);
}

/* The dossiers file: one dossier per valid record. */
static struct dossier *read_dossiers(const struct csv_table *t, const struct import_mapping *m,
				     size_t *n_out, struct import_errors *errs)
{
	int *idx = resolve_columns(t, m->dcols, m->n_dcols, dossier_fields, DF_COUNT, m, errs);
	int *doc_idx = xcalloc(m->n_docs ? m->n_docs : 1, sizeof *doc_idx);
	for (size_t i = 0; i < m->n_docs; i++)
		doc_idx[i] = csv_table_column(t, m->docs[i].header);
	struct dossier *ds = xcalloc(t->n_rows ? t->n_rows : 1, sizeof *ds);
	size_t n = 0;
	for (size_t i = 0; i < t->n_rows; i++) {
		const struct csv_record *r = &t->rows[i];
		if (check_width(t, r, errs) < 0)
			continue;
		struct dossier *d = &ds[n];
		int src[DF_COUNT];
		read_fields(t, r, m->dcols, m->n_dcols, idx, dossier_fields, DF_COUNT,
			    m->dvals, m->n_dvals, m, d->f, src, errs);
		/* A column missing from this export leaves the stored value alone;
		 * an empty cell clears it. */
		for (int f = 0; f < DF_COUNT; f++)
			d->absent[f] = src[f] < 0;
		const char *region = d->f[DF_REGION], *dept = d->f[DF_DEPARTEMENT];
		const char *in = dept ? geo_dept_region(dept) : NULL;
		if (region && in && strcmp(in, region) != 0) {
			char *why = xasprintf(_("département %s (%s) is not in région %s (%s) "
						"but in %s (%s)"), dept, geo_dept_name(dept), region,
					      geo_region_name(region), in, geo_region_name(in));
			row_error(errs, t, r, src[DF_DEPARTEMENT], why);
			free(why);
		}
		const char *num = d->f[DF_DS_NUMBER];
		if (num && num[0] == '#') {
			row_error(errs, t, r, src[DF_DS_NUMBER],
				  _("a dossier number cannot start with '#' (that marks internal ids)"));
		} else if (num) {
			for (size_t j = 0; j < n; j++) {
				if (ds[j].f[DF_DS_NUMBER] && strcmp(ds[j].f[DF_DS_NUMBER], num) == 0) {
					char *why = xasprintf(_("dossier %s appears twice in the file "
								"(first on line %lld)"), num, ds[j].id);
					row_error(errs, t, r, src[DF_DS_NUMBER], why);
					free(why);
					break;
				}
			}
		}
		for (size_t k = 0; k < m->n_docs; k++) {
			if (doc_idx[k] < 0 || (size_t)doc_idx[k] >= r->n)
				continue;
			char *title = csv_trimmed(r->cells[doc_idx[k]]);
			if (!*title) {
				free(title);
				continue;
			}
			d->documents = xrealloc(d->documents, (d->n_documents + 1) * sizeof *d->documents);
			struct document *doc = &d->documents[d->n_documents++];
			doc->kind = xstrdup(m->docs[k].kind);
			doc->title = title;
			doc->received_on = d->f[DF_DEPOSITED_AT] ? xstrdup(d->f[DF_DEPOSITED_AT]) : NULL;
		}
		/* Until saved, id holds the source line (for duplicate messages). */
		d->id = r->line;
		n++;
	}
	free(idx);
	free(doc_idx);
	*n_out = n;
	return ds;
}

/* The members file: each record joins the dossier named in the link column. */
static void read_members(const struct csv_table *t, const struct import_mapping *m,
			 const char *dossiers_path, struct dossier *ds, size_t n_ds,
			 struct import_errors *errs)
{
	int link = csv_table_column(t, m->members_link);
	if (link < 0) {
		char *h = shown(m->members_link);
		errs_add(errs, _("%s:%d:1: the header line has no column \"%s\", which the mapping "
				 "%s names as the members' dossier number"),
			 t->path, t->header.line, h, m->path);
		free(h);
	}
	int *idx = resolve_columns(t, m->mcols, m->n_mcols, member_fields, MF_COUNT, m, errs);
	for (size_t i = 0; i < t->n_rows; i++) {
		const struct csv_record *r = &t->rows[i];
		if (check_width(t, r, errs) < 0)
			continue;
		struct member mb = {0};
		int src[MF_COUNT];
		size_t before = errs->n;
		read_fields(t, r, m->mcols, m->n_mcols, idx, member_fields, MF_COUNT,
			    m->mvals, m->n_mvals, m, mb.f, src, errs);
		struct dossier *owner = NULL;
		if (link >= 0) {
			char *num = csv_trimmed(r->cells[link]);
			for (size_t j = 0; j < n_ds && *num; j++)
				if (ds[j].f[DF_DS_NUMBER] && strcmp(ds[j].f[DF_DS_NUMBER], num) == 0)
					owner = &ds[j];
			if (!owner) {
				char *c = shown(num);
				char *why = *num
					? xasprintf(_("dossier '%s' is not in %s; members are imported "
						      "together with their dossier"), c, dossiers_path)
					: xstrdup(_("the dossier number is empty"));
				row_error(errs, t, r, link, why);
				free(why);
				free(c);
			}
			free(num);
		}
		if (!owner || errs->n != before) {
			member_clear(&mb);
			continue;
		}
		owner->members = xrealloc(owner->members, (owner->n_members + 1) * sizeof *owner->members);
		owner->members[owner->n_members++] = mb;
	}
	free(idx);
}

/* ---------------------------------------------------------------- save --- */

void import_report_done(struct import_report *r)
{
	for (size_t i = 0; i < r->n_items; i++) {
		free(r->items[i].ds_number);
		free(r->items[i].changed);
	}
	free(r->items);
	for (size_t i = 0; i < r->n_ignored; i++)
		free(r->ignored[i]);
	free(r->ignored);
	for (size_t i = 0; i < r->n_notes; i++)
		free(r->notes[i]);
	free(r->notes);
	memset(r, 0, sizeof *r);
}

static int same_text(const char *a, const char *b)
{
	if (!a || !*a)
		return !b || !*b;
	return b && strcmp(a, b) == 0;
}

int import_replace_documents(struct store *s, long long dossier_id,
			     const struct document *docs, size_t n_docs,
			     int *changed, struct perr *e)
{
	sqlite3_stmt *st = stmt_query(s, e, "SELECT kind, title, received_on FROM documents"
				      " WHERE dossier_id = ?1 ORDER BY id", "I", dossier_id);
	if (!st)
		return -1;
	size_t i = 0;
	int differ = 0, rc;
	while ((rc = stmt_next(s, &st, e, _("reading the documents"))) == 1) {
		if (i >= n_docs ||
		    !same_text((const char *)sqlite3_column_text(st, 0), docs[i].kind) ||
		    !same_text((const char *)sqlite3_column_text(st, 1), docs[i].title) ||
		    !same_text((const char *)sqlite3_column_text(st, 2), docs[i].received_on))
			differ = 1;
		i++;
	}
	if (rc < 0)
		return -1;
	if (i != n_docs)
		differ = 1;
	if (changed)
		*changed = differ;
	if (!differ)
		return 0;
	if (stmt_run(s, e, _("replacing the documents"),
		     "DELETE FROM documents WHERE dossier_id = ?1", "I", dossier_id) < 0)
		return -1;
	for (i = 0; i < n_docs; i++)
		if (stmt_run(s, e, _("saving a document"),
			     "INSERT INTO documents(dossier_id, kind, title, received_on)"
			     " VALUES (?1, ?2, ?3, ?4)", "Ittn", dossier_id, docs[i].kind,
			     docs[i].title, docs[i].received_on) < 0)
			return -1;
	return 0;
}

/* The field names dossier_save recorded in its 'update' entry; NULL when
 * there is none (the report then names no field). */
static char *last_update_detail(struct store *s, long long id)
{
	struct perr ignored;
	char *detail = NULL;
	sqlite3_stmt *st = stmt_query(s, &ignored, "SELECT detail FROM history WHERE dossier_id = ?1"
				      " AND kind = 'update' ORDER BY id DESC LIMIT 1", "I", id);
	if (st && stmt_next(s, &st, &ignored, "history") == 1)
		detail = col_text_or_null(st, 0);
	stmt_done(&st);
	return detail;
}

static int mapping_has_documents(const struct import_mapping *m, const struct csv_table *t)
{
	for (size_t i = 0; i < m->n_docs; i++)
		if (csv_table_column(t, m->docs[i].header) >= 0)
			return 1;
	return 0;
}

/* DS exports carry bookkeeping columns nobody maps; listing them helps
 * whoever adapts the mapping after the form changed. */
static void note_ignored(const struct csv_table *t, const struct import_mapping *m,
			 struct import_report *rep)
{
	for (size_t i = 0; i < t->header.n; i++) {
		const char *h = t->header.cells[i];
		int used = 0;
		for (size_t k = 0; k < m->n_dcols && !used; k++)
			used = csv_header_is(h, m->dcols[k].header);
		for (size_t k = 0; k < m->n_docs && !used; k++)
			used = csv_header_is(h, m->docs[k].header);
		if (used)
			continue;
		rep->ignored = xrealloc(rep->ignored, (rep->n_ignored + 1) * sizeof *rep->ignored);
		rep->ignored[rep->n_ignored++] = csv_trimmed(h);
	}
}

static int save_all(struct store *s, const struct import_request *req, struct dossier *ds,
		    size_t n, int docs, struct import_report *rep, struct perr *e)
{
	char at[21];
	now_utc(at);
	if (store_begin(s, e) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		struct dossier *d = &ds[i];
		d->id = 0;
		enum save_result res;
		long long id = 0;
		if (dossier_save(s, req->by->login, req->by->real_login, d, req->members_path != NULL, at,
				 &res, &id, e) < 0)
			goto fail;
		char *changed = res == SAVE_UPDATED ? last_update_detail(s, id) : NULL;
		int docs_changed = 0;
		if (docs && import_replace_documents(s, id, d->documents, d->n_documents,
						     &docs_changed, e) < 0) {
			free(changed);
			goto fail;
		}
		if (docs_changed && res != SAVE_CREATED) {
			if (history_add(s, id, at, req->by->login, req->by->real_login, "update", NULL,
					"documents", e) < 0) {
				free(changed);
				goto fail;
			}
			char *more = changed ? xasprintf("%s, documents", changed) : xstrdup("documents");
			free(changed);
			changed = more;
			res = SAVE_UPDATED;
		}
		rep->items = xrealloc(rep->items, (rep->n_items + 1) * sizeof *rep->items);
		struct import_outcome *o = &rep->items[rep->n_items++];
		o->ds_number = xstrdup(d->f[DF_DS_NUMBER]);
		o->id = id;
		o->result = res;
		o->changed = changed;
		if (res == SAVE_CREATED)
			rep->created++;
		else if (res == SAVE_UPDATED)
			rep->updated++;
		else
			rep->unchanged++;
	}
	if (req->dry_run) {
		store_rollback(s);
		return 0;
	}
	return store_commit(s, e);
fail:
	store_rollback(s);
	return -1;
}

int import_run(struct store *s, const struct import_request *req,
	       struct import_report *rep, struct import_errors *errs, struct perr *e)
{
	const struct import_mapping *m = req->mapping;
	memset(rep, 0, sizeof *rep);
	if (permission_import(req->by, e) < 0)
		return -1;
	if (req->members_path && !m->members_link)
		return perr_set(e, P_INVALID, _("%s: the mapping has no 'members:' section, so "
						 "--members cannot be read; add one (see the shipped "
						 "mapping for an example)"), m->path);

	struct csv_table dt, mt;
	memset(&mt, 0, sizeof mt);
	struct perr pe = {0};
	int dt_ok = csv_table_read(req->csv_path, &dt, &pe) == 0;
	if (!dt_ok) {
		if (pe.status != P_INVALID) {
			*e = pe;
			return -1;
		}
		errs_add(errs, "%s", pe.msg);
	}
	int mt_ok = 0;
	if (req->members_path) {
		mt_ok = csv_table_read(req->members_path, &mt, &pe) == 0;
		if (!mt_ok) {
			if (pe.status != P_INVALID) {
				*e = pe;
				if (dt_ok)
					csv_table_done(&dt);
				return -1;
			}
			errs_add(errs, "%s", pe.msg);
		}
	}

	struct dossier *ds = NULL;
	size_t n = 0;
	if (dt_ok) {
		ds = read_dossiers(&dt, m, &n, errs);
		if (mt_ok)
			read_members(&mt, m, req->csv_path, ds, n, errs);
	}
	int rc;
	if (errs->n) {
		rc = perr_set(e, P_INVALID,
			      P_("%zu problem found; nothing was imported. Correct the file "
				 "(or the mapping) and import it again.",
				 "%zu problems found; nothing was imported. Correct the file "
				 "(or the mapping) and import it again.", errs->n), errs->n);
	} else {
		rc = save_all(s, req, ds, n, mapping_has_documents(m, &dt), rep, e);
		if (rc == 0)
			note_ignored(&dt, m, rep);
		const struct csv_table *tables[] = { &dt, mt_ok ? &mt : NULL };
		for (size_t i = 0; rc == 0 && i < 2; i++) {
			if (!tables[i] || !tables[i]->cp1252)
				continue;
			rep->notes = xrealloc(rep->notes, (rep->n_notes + 1) * sizeof *rep->notes);
			rep->notes[rep->n_notes++] =
				xasprintf(_("%s is not UTF-8; it was read as Windows-1252 (a French "
					    "Excel file): check the accents with 'ptce show'"),
					  tables[i]->path);
		}
	}
	free_batch(ds, n);
	if (dt_ok)
		csv_table_done(&dt);
	if (mt_ok)
		csv_table_done(&mt);
	return rc;
}

