/* pieces.c - the zip export of pièces jointes into the database: every
 * entry checked first (names, sizes, count, total), then each file of a
 * dossier-<ID>/ tree stored with document_attach. Entry names are read,
 * never used as paths: nothing is written outside the database. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/kv.h"
#include "base/text.h"
#include "io/pieces.h"
#include "io/zipread.h"
#include "procedure/history.h"
#include "procedure/permission.h"
#include "store/stmt.h"

/* One file to store: its entry, its dossier. */
struct piece_plan {
	size_t entry;
	long long dossier_id;
};

/* A dossier that received files, and how many. */
struct piece_count {
	long long dossier_id;
	size_t n;
};

/* The walk through one archive. */
struct pieces_walk {
	struct store *s;
	struct zipread *z;
	const char *path;
	struct pieces_report *r;
	struct import_errors *errors;
	sqlite3_stmt *find;		/* ds_number -> id, prepared once */
	struct xarray plan;		/* struct piece_plan */
	struct xarray counts;		/* struct piece_count */
};

void pieces_report_done(struct pieces_report *r)
{
	for (size_t i = 0; i < r->n_unknown; i++)
		free(r->unknown[i]);
	for (size_t i = 0; i < r->n_outside; i++)
		free(r->outside[i]);
	free(r->unknown);
	free(r->outside);
	memset(r, 0, sizeof *r);
}

int pieces_entry_dossier(const char *name, char *num, size_t len, const char **rest)
{
	const char *p = name;
	if (strncmp(p, "export/", 7) == 0)
		p += 7;
	if (strncmp(p, "dossier-", 8) != 0)
		return 0;
	p += 8;
	size_t n = strspn(p, "0123456789");
	if (n == 0 || n >= len || p[n] != '/' || !p[n + 1])
		return 0;
	memcpy(num, p, n);
	num[n] = '\0';
	*rest = p + n + 1;
	return 1;
}

static void errors_add(struct import_errors *errs, char *msg)
{
	errs->msgs = xrealloc(errs->msgs, (errs->n + 1) * sizeof *errs->msgs);
	errs->msgs[errs->n++] = msg;
}

/* "ARCHIVE: entry "NAME": reason", the name cleaned for the terminal. */
static void refuse(struct pieces_walk *w, const char *name, const char *reason)
{
	char *shown = text_clean(name, 0);
	errors_add(w->errors, xasprintf(_("%s: entry \"%s\": %s"), w->path, shown, reason));
	free(shown);
}

static void add_unique(char ***v, size_t *n, const char *s)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp((*v)[i], s) == 0)
			return;
	*v = xrealloc(*v, (*n + 1) * sizeof **v);
	(*v)[(*n)++] = xstrdup(s);
}

/* The dossier whose platform number is num: *id, 0 when unknown. */
static int dossier_of(struct pieces_walk *w, const char *num, long long *id, struct perr *e)
{
	sqlite3_bind_text(w->find, 1, num, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(w->find);
	*id = rc == SQLITE_ROW ? sqlite3_column_int64(w->find, 0) : 0;
	sqlite3_reset(w->find);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(w->s, e, _("finding the dossiers of the pièces"));
	return 0;
}

/* Check entry i; plan it when it is a file of a known dossier. */
static int check_entry(struct pieces_walk *w, size_t i, long long *total, struct perr *e)
{
	const char *name = zipread_name(w->z, i);
	long long size = zipread_size(w->z, i);
	if (!zipread_name_safe(name)) {
		refuse(w, name, _("its name is not a plain relative path (.., an absolute path, a "
				  "backslash, a drive or a control byte); refused"));
		return 0;
	}
	if (zipread_is_link(w->z, i)) {
		refuse(w, name, _("it is a symbolic link, not a file; refused"));
		return 0;
	}
	if (size > PIECES_MAX_ENTRY) {
		char *why = xasprintf(_("%lld bytes, over the %lld MB a pièce may be; refused"), size,
				      PIECES_MAX_ENTRY / (1024 * 1024));
		refuse(w, name, why);
		free(why);
		return 0;
	}
	*total += size > 0 ? size : 0;
	size_t len = strlen(name);
	if (len > 0 && name[len - 1] == '/')
		return 0;	/* a folder */
	char num[32];
	const char *rest;
	if (!pieces_entry_dossier(name, num, sizeof num, &rest)) {
		char *shown = text_clean(name, 0);
		add_unique(&w->r->outside, &w->r->n_outside, shown);
		free(shown);
		return 0;
	}
	long long id;
	if (dossier_of(w, num, &id, e) < 0)
		return -1;
	if (!id) {
		add_unique(&w->r->unknown, &w->r->n_unknown, num);
		return 0;
	}
	struct piece_plan *p = xarray_add(&w->plan);
	p->entry = i;
	p->dossier_id = id;
	return 0;
}

/* Every entry checked before anything is written. */
static int check_all(struct pieces_walk *w, struct perr *e)
{
	size_t n = zipread_count(w->z);
	size_t before = w->errors->n;
	if (n > PIECES_MAX_ENTRIES)
		return perr_set(e, P_INVALID, _("%s: the archive holds %zu entries, more than the %d a "
						"zip export of pièces may hold; refused, nothing imported."),
				w->path, n, PIECES_MAX_ENTRIES);
	long long total = 0;
	for (size_t i = 0; i < n; i++)
		if (check_entry(w, i, &total, e) < 0)
			return -1;
	if (total > PIECES_MAX_TOTAL) {
		char *why = xasprintf(_("the entries add up to %lld bytes, over the %lld GB one archive "
					"may bring; refused"), total, PIECES_MAX_TOTAL / (1024 * 1024 * 1024));
		errors_add(w->errors, xasprintf("%s: %s", w->path, why));
		free(why);
	}
	if (w->errors->n > before)
		return perr_set(e, P_INVALID, P_("%s: %zu entry of the archive is refused; nothing "
						 "was imported.", "%s: %zu entries of the archive are "
						 "refused; nothing was imported.", w->errors->n - before),
				w->path, w->errors->n - before);
	return 0;
}

/* One more file for dossier_id (for its history entry). */
static void count_for(struct pieces_walk *w, long long dossier_id)
{
	struct piece_count *c = w->counts.v;
	for (size_t i = w->counts.n; i-- > 0;)
		if (c[i].dossier_id == dossier_id) {
			c[i].n++;
			return;
		}
	c = xarray_add(&w->counts);
	c->dossier_id = dossier_id;
	c->n = 1;
}

/* Read and store one planned file. */
static int store_one(struct pieces_walk *w, const struct piece_plan *p, struct perr *e)
{
	const char *name = zipread_name(w->z, p->entry);
	char num[32];
	const char *rest = name;
	pieces_entry_dossier(name, num, sizeof num, &rest);
	const char *slash = strrchr(rest, '/');
	char *folder = slash ? xstrndup(rest, (size_t)(slash - rest)) : NULL;
	const char *file = slash ? slash + 1 : rest;
	char date[11];
	struct document_in in = {.folder = folder, .file_name = file,
				 .received_on = document_platform_date(file, date) ? date : NULL};
	char *buf = NULL;
	size_t len = 0;
	enum document_outcome out;
	int rc = zipread_read(w->z, p->entry, PIECES_MAX_ENTRY, &buf, &len, e);
	if (rc == 0 && (w->r->bytes += (long long)len) > PIECES_MAX_TOTAL)
		rc = perr_set(e, P_INVALID, _("%s: the entries inflate to more than %lld GB; refused, "
					      "nothing imported."), w->path,
			      PIECES_MAX_TOTAL / (1024 * 1024 * 1024));
	if (rc == 0)
		rc = document_attach(w->s, p->dossier_id, &in, buf, len, NULL, &out, e);
	if (rc == 0 && out == DOC_ALREADY)
		w->r->already++;
	else if (rc == 0)
		count_for(w, p->dossier_id);
	if (rc == 0 && out == DOC_ADDED)
		w->r->added++;
	if (rc == 0 && out == DOC_FILLED)
		w->r->filled++;
	free(buf);
	free(folder);
	return rc;
}

/* One 'document' history entry per dossier that received something. */
static int record_history(struct pieces_walk *w, const struct actor *a, struct perr *e)
{
	const char *base = strrchr(w->path, '/') ? strrchr(w->path, '/') + 1 : w->path;
	const struct piece_count *c = w->counts.v;
	for (size_t i = 0; i < w->counts.n; i++) {
		char *detail = NULL;
		kv_addll(&detail, "count", (long long)c[i].n);
		kv_add(&detail, "archive", base);
		int rc = history_add(w->s, c[i].dossier_id, NULL, a->login, a->real_login, "document",
				     NULL, detail, e);
		free(detail);
		if (rc < 0)
			return -1;
	}
	w->r->dossiers = w->counts.n;
	return 0;
}

int pieces_import(struct store *s, const char *zip_path, const struct actor *a,
		  struct pieces_report *r, struct import_errors *errors, struct perr *e)
{
	memset(r, 0, sizeof *r);
	if (permission_import(a, e) < 0)
		return -1;
	struct pieces_walk w = {.s = s, .path = zip_path, .r = r, .errors = errors,
				.plan = {NULL, 0, 0, sizeof(struct piece_plan)},
				.counts = {NULL, 0, 0, sizeof(struct piece_count)}};
	if (zipread_open(zip_path, &w.z, e) < 0)
		return -1;
	w.find = store_prepare(s, "SELECT id FROM dossiers WHERE ds_number = ?1", e);
	int rc = w.find ? check_all(&w, e) : -1;
	const struct piece_plan *plan = w.plan.v;
	for (size_t i = 0; rc == 0 && i < w.plan.n; i++)
		rc = store_one(&w, &plan[i], e);
	if (rc == 0)
		rc = record_history(&w, a, e);
	sqlite3_finalize(w.find);
	zipread_close(w.z);
	free(w.plan.v);
	free(w.counts.v);
	return rc;
}
