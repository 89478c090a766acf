/* document_file.h - a stored pièce brought out of the database for a
 * person: as text to read (a PDF through pdftotext, plain text cleaned of
 * escape sequences), or written to a file of their own, mode 0600. */
#ifndef PTCE_DOCUMENT_FILE_H
#define PTCE_DOCUMENT_FILE_H

#include <stddef.h>

#include "base/err.h"
#include "procedure/document.h"

/* The most text shown of one pièce (bytes); the rest is cut with a line
 * saying so. */
#define DOCUMENT_TEXT_MAX (8 * 1024 * 1024)

/* document_text - the pièce meta whose content is buf (len bytes) as clean
 * text (tabs and newlines kept) in a fresh *text: plain text as it is, a
 * PDF through 'pdftotext -layout' run without a shell on a private
 * temporary copy (removed after). P_NOTFOUND when pdftotext is missing
 * (naming poppler-utils), P_INVALID for a type that is not text; the
 * caller adds how to save the file instead. */
int document_text(const struct document_info *meta, const char *buf, size_t len, char **text,
		  struct perr *e);
/* document_save - write buf to path, created with mode 0600; an existing
 * path is P_REFUSED unless force, which replaces it (a new file: a link
 * there is removed, never followed). */
int document_save(const char *path, const char *buf, size_t len, int force, struct perr *e);

#endif
