/* pieces.h - the platform's zip export "dossiers et pièces jointes": each
 * file under dossier-<ID>/ (or export/dossier-<ID>/) stored as a pièce of
 * dossier ID, inside the caller's transaction; a hostile archive is refused
 * whole, and nothing is ever written outside the database. */
#ifndef PTCE_PIECES_H
#define PTCE_PIECES_H

#include <stddef.h>

#include "base/err.h"
#include "io/import_place.h"
#include "procedure/actor.h"
#include "procedure/document.h"
#include "store/store.h"

/* The largest entry read (bytes): a pièce's own cap. */
#define PIECES_MAX_ENTRY DOCUMENT_MAX_SIZE
/* The most bytes one archive may bring, all entries together. */
#define PIECES_MAX_TOTAL (8LL * 1024 * 1024 * 1024)
/* The most entries one archive may hold. */
#define PIECES_MAX_ENTRIES 50000

/* What pieces_import did. */
struct pieces_report {
	size_t added;		/* new pièces */
	size_t filled;		/* pièces the import had named, now with their content */
	size_t already;		/* files the dossiers already held: nothing written */
	size_t dossiers;	/* dossiers that received something */
	long long bytes;	/* bytes read from the archive */
	char **unknown;		/* dossier numbers the database does not know */
	size_t n_unknown;
	char **outside;		/* entries outside any dossier-<ID>/ folder (names cleaned) */
	size_t n_outside;
};
/* pieces_report_done - free what r holds. */
void pieces_report_done(struct pieces_report *r);

/* pieces_import - store the files of the zip export at zip_path as pièces
 * of their dossiers (document_attach, matched by the platform's number;
 * unknown numbers are reported in r, never created), inside the caller's
 * transaction, with one 'document' history entry by a per dossier that
 * received something. A hostile archive is refused before anything is
 * written: each unsafe name (.., absolute, backslash, control bytes), entry
 * over PIECES_MAX_ENTRY, more than PIECES_MAX_ENTRIES entries or
 * PIECES_MAX_TOTAL bytes goes to errors as "ARCHIVE: ENTRY: reason"; then,
 * like a duplicate name, a zip bomb or a damaged entry, -1 with P_INVALID
 * naming the archive: the caller rolls back. */
int pieces_import(struct store *s, const char *zip_path, const struct actor *a,
		  struct pieces_report *r, struct import_errors *errors, struct perr *e);

/* pieces_entry_dossier - the platform's number of the dossier an entry
 * name belongs to ("dossier-123/..." or "export/dossier-123/..."): its
 * digits into num (len bytes), *rest at what follows the folder; 0 when the
 * name is outside any dossier folder or names the folder itself. */
int pieces_entry_dossier(const char *name, char *num, size_t len, const char **rest);

#endif
