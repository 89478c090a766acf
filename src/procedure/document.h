/* document.h - the pièces jointes of a dossier: their content stored once
 * by SHA-256 in the database (document_blobs), the row naming each one
 * (documents: kind, file name, folder, size, type), who may read them. */
#ifndef PTCE_DOCUMENT_H
#define PTCE_DOCUMENT_H

#include <stddef.h>

#include "base/err.h"
#include "procedure/actor.h"
#include "procedure/dossier_load.h"
#include "store/store.h"

/* The largest pièce stored (bytes); a bigger one is refused. */
#define DOCUMENT_MAX_SIZE (64LL * 1024 * 1024)
/* A SHA-256 in lower-case hexadecimal, with its NUL. */
#define DOCUMENT_SHA_LEN 65

/* A pièce as listed: the number a person types (1, 2, ... in the order the
 * dossier received them) and what is known of it. */
struct document_info {
	long long id;
	int n;
	char *kind;		/* statuts, sirene, comptes, charte, lettre, autre */
	char *title;		/* the name the applicant gave the file */
	char *folder;		/* the export's sub-folder, or NULL */
	char *file_name;	/* the stored file's name (cleaned), or NULL */
	char *mime;		/* its type told from its first bytes, or NULL */
	char *sha256;		/* NULL: only named by the import, no content */
	char *received_on;	/* YYYY-MM-DD, or NULL */
	long long size;		/* bytes; -1 without content */
};

/* A file to attach to a dossier. */
struct document_in {
	const char *kind;	/* NULL: the kind of the imported row it matches, else autre */
	const char *folder;	/* the export's sub-folder (pieces_justificatives), or NULL */
	const char *file_name;	/* as the archive or the person named it (cleaned here) */
	const char *received_on;	/* YYYY-MM-DD; NULL: today */
	const char *actor;	/* recorded in history as a 'document' entry; NULL: none */
	const char *real_actor;	/* the Unix account (NULL: actor) */
};

/* What document_attach did with a file. */
enum document_outcome {
	DOC_ADDED,		/* a new row */
	DOC_FILLED,		/* the content of a row the import had named */
	DOC_ALREADY,		/* this dossier already holds this file: nothing written */
};

/* document_attach - store data (len bytes) as a pièce of dossier_id, in the
 * caller's transaction: the blob once by its SHA-256, then the row the
 * CSV/xlsx import made for the same file name (the platform's
 * "-dd-mm-YYYY-HH-MM-n" suffix ignored) when one is still empty, else a new
 * row. *id (may be NULL) is the row; *outcome (may be NULL) says which. */
int document_attach(struct store *s, long long dossier_id, const struct document_in *in,
		    const void *data, size_t len, long long *id, enum document_outcome *outcome,
		    struct perr *e);
/* document_add - a pièce received outside the platform, attached by a (a
 * coordinateur or an admin: permission_attach) to a dossier a may see, in
 * its own transaction, with a 'document' history entry. kind NULL: autre.
 * *id and *outcome as document_attach's (DOC_ALREADY: nothing written). */
int document_add(struct store *s, const struct actor *a, long long dossier_id, const char *kind,
		 const char *file_name, const void *data, size_t len, long long *id,
		 enum document_outcome *outcome, struct perr *e);
/* document_sync_named - for the spreadsheet import (in its transaction):
 * the pièces a dossier's row names (kind, title, received_on of each of
 * docs) become its rows without content: a row of the same title is kept
 * (its kind and date updated), a new name is added, an empty row no longer
 * named is removed; a row holding a file is never removed, so a re-import
 * keeps what the zip brought. *changed (may be NULL) says whether anything
 * was written. */
int document_sync_named(struct store *s, long long dossier_id, const struct document *docs,
			size_t n, int *changed, struct perr *e);
/* document_list - the pièces of dossier_id, numbered, once a may see the
 * dossier (procedure/access.h); *out is freed with document_list_free. */
int document_list(struct store *s, const struct actor *a, long long dossier_id,
		  struct document_info **out, size_t *n, struct perr *e);
/* document_list_free - free n infos and NULL *v. */
void document_list_free(struct document_info **v, size_t n);
/* document_read - the content of pièce n (1-based, as listed) of dossier_id,
 * once a may see the dossier: a fresh *buf with a NUL after its *len bytes,
 * its description in *meta (document_info_done). A pièce only named by the
 * import is P_NOTFOUND, saying how to bring its content. */
int document_read(struct store *s, const struct actor *a, long long dossier_id, int n,
		  char **buf, size_t *len, struct document_info *meta, struct perr *e);
/* document_info_done - free the strings of d. */
void document_info_done(struct document_info *d);

/* document_mime - the type told from data's first bytes: application/pdf,
 * image/png, image/jpeg, an OpenDocument or Office Open XML type,
 * application/zip, text/plain; charset=utf-8, else application/octet-stream. */
const char *document_mime(const void *data, size_t len);
/* document_is_text - mime is the plain text document_mime names. */
int document_is_text(const char *mime);
/* document_sha256 - the SHA-256 of data in lower-case hexadecimal. */
void document_sha256(const void *data, size_t len, char hex[static DOCUMENT_SHA_LEN]);
/* document_clean_name - a file name fit to show and to offer as a file
 * name: its last component (after / or \), without control characters,
 * escape sequences or leading dots, at most 200 bytes; "piece" when
 * nothing is left. Fresh. */
char *document_clean_name(const char *name);
/* document_platform_name - the name the applicant gave a file the
 * platform's export stores as "<base>-<dd-mm-YYYY-HH-MM>-<n>.<ext>":
 * "<base>.<ext>"; a copy of name when it does not have that form. Fresh. */
char *document_platform_name(const char *name);
/* document_type_label - a short name of mime for listings: pdf, text, png,
 * jpeg, odt, docx, zip, ... ("binary" for the rest). */
const char *document_type_label(const char *mime);
/* document_type_word - a type document_type_label gave, as the reader
 * says it ("texte", "binaire" in French; pdf, png... as they are). */
const char *document_type_word(const char *type);
/* document_platform_date - the date in such a name as YYYY-MM-DD (the
 * day the file was attached on the platform): 1, or 0 when name has no
 * such suffix. */
int document_platform_date(const char *name, char date[static 11]);
/* document_kind_valid - kind is one the documents table accepts. */
int document_kind_valid(const char *kind);
/* document_human_size - "512 B", "1.4 kB", "3.2 MB" into buf. */
char *document_human_size(long long size, char *buf, size_t len);

#endif
