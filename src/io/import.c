/* import.c - an export's sheets into dossiers: every row of every sheet
 * checked and every problem reported with its place (file:line:column for a
 * CSV; file, sheet, row and column for a workbook), then all saved, or
 * nothing (io/import_save.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/geo.h"
#include "base/i18n.h"
#include "base/text.h"
#include "io/book.h"
#include "io/import.h"
#include "io/import_read.h"
#include "io/import_save.h"
#include "io/pieces.h"
#include "procedure/permission.h"

/* The export's bookkeeping columns nobody maps; listing them helps whoever
 * adapts the mapping after the form changed. */
static void note_ignored(const struct csv_table *t, const struct import_mapping *m,
			 struct import_report *rep)
{
	for (size_t i = 0; i < t->header.n; i++) {
		const char *h = t->header.cells[i];
		int used = mapping_platform_column(h);
		for (size_t k = 0; k < m->n_dcols && !used; k++)
			used = csv_header_is(h, m->dcols[k].header);
		for (size_t k = 0; k < m->n_docs && !used; k++)
			used = csv_header_is(h, m->docs[k].header);
		for (size_t k = 0; k < m->n_annotations && !used; k++)
			used = csv_header_is(h, m->annotations[k]);
		if (used)
			continue;
		rep->ignored = xrealloc(rep->ignored, (rep->n_ignored + 1) * sizeof *rep->ignored);
		rep->ignored[rep->n_ignored++] = csv_trimmed(h);
	}
}

/* ------------------------------------------------------------------ run --- */

/* The "dossiers et pièces jointes" zip export: io/pieces.c stores its
 * files as pièces of the dossiers already imported, in one transaction;
 * what it did goes to the report's notes. */
static int import_zip(struct store *s, const struct import_request *req,
		      struct import_report *rep, struct import_errors *errs, struct perr *e)
{
	struct pieces_report pr = {0};
	if (store_begin(s, e) < 0)
		return -1;
	int rc = pieces_import(s, req->path, req->by, &pr, errs, e);
	if (rc == 0 && !req->dry_run)
		rc = store_commit(s, e);
	else
		store_rollback(s);
	if (rc == 0) {
		rep->summary = xasprintf(P_("%s: %zu pièce added, %zu filled in, %zu already stored",
					    "%s: %zu pièces added, %zu filled in, %zu already stored",
					    pr.added), req->path, pr.added, pr.filled, pr.already);
		for (size_t i = 0; i < pr.n_unknown; i++)
			import_note(rep, xasprintf(_("%s: dossier %s is not in the database: its files "
						     "were left out (import its row first)"),
						   req->path, pr.unknown[i]));
		for (size_t i = 0; i < pr.n_outside; i++)
			import_note(rep, xasprintf(_("%s: %s is outside any dossier folder: left out"),
						   req->path, pr.outside[i]));
	}
	pieces_report_done(&pr);
	return rc;
}

/* Read req's files and check every row, writing nothing; when all are
 * valid, take the write lock and read them again, saving each dossier. */
static int import_book(struct store *s, const struct import_request *req, const struct book *b,
		       struct import_report *rep, struct import_errors *errs, struct perr *e)
{
	struct import_batch flags;
	struct import_reading *rd;
	const struct csv_table *dossiers = NULL;
	int rc = import_read_check(req, b, &rd, &flags, &dossiers, rep, errs, e);
	if (rc == 0 && errs->n)
		rc = perr_set(e, P_INVALID,
			      P_("%zu problem found; nothing was imported. Correct the file "
				 "(or the mapping) and import it again.",
				 "%zu problems found; nothing was imported. Correct the file "
				 "(or the mapping) and import it again.", errs->n), errs->n);
	struct import_saver *sv = NULL;
	if (rc == 0)
		rc = import_save_begin(s, req, &flags, rep, &sv, e);
	if (rc == 0)
		rc = import_read_each(rd, import_save_item, sv, e);
	if (sv)
		rc = import_save_end(sv, rc, e);
	import_zone_restore();
	if (rc == 0 && !req->drift_only)
		note_ignored(dossiers, req->mapping, rep);
	import_read_done(rd);
	return rc;
}

int import_run(struct store *s, const struct import_request *req,
	       struct import_report *rep, struct import_errors *errs, struct perr *e)
{
	memset(rep, 0, sizeof *rep);
	if (permission_import(req->by, e) < 0)
		return -1;
	if (req->members_path && !req->mapping->members_link)
		return perr_set(e, P_INVALID, _("%s: the mapping has no 'members:' section, so "
						 "--members cannot be read; add one (see the shipped "
						 "mapping for an example)"), req->mapping->path);
	struct book b;
	struct perr pe = {0};
	if (book_open(req->path, req->encoding, &b, &pe) < 0) {
		if (pe.status != P_INVALID) {
			*e = pe;
			return -1;
		}
		errs_add(errs, "%s", pe.msg);
		return perr_set(e, P_INVALID, _("%s cannot be read; nothing was imported"), req->path);
	}
	int rc = b.format == BOOK_ZIP ? import_zip(s, req, rep, errs, e)
				      : import_book(s, req, &b, rep, errs, e);
	book_done(&b);
	return rc;
}
