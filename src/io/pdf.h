/* pdf.h - an A4 PDF made by groff from a document: run without a shell
 * (fork and execvp with an argument list), the source piped in, the PDF
 * written to a file created with mode 0600. */
#ifndef PTCE_PDF_H
#define PTCE_PDF_H

#include "base/err.h"
#include "io/doc.h"

/* pdf_write - d as an A4 PDF in path: groff -k -Kutf-8 -t -ms [-mfr]
 * -Tpdf -dpaper=a4 -P-pa4. An existing file is refused (P_IO naming it and
 * --force) unless force; a missing groff or a failure of it is P_IO saying
 * what to install or what groff said, and leaves no file behind. */
int pdf_write(const struct doc *d, const char *path, int force, struct perr *e);
/* pdf_open_private - path opened for writing, created with mode 0600; an
 * existing file is refused (P_IO naming --force) unless force, then
 * truncated and made 0600. The descriptor, or -1 with e filled. */
int pdf_open_private(const char *path, int force, struct perr *e);

#endif
