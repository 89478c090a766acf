/* paper_out.h - where a printed document goes for print, report and
 * letter: text on the output, groff source, or an A4 PDF in a file. */
#ifndef PTCE_PAPER_OUT_H
#define PTCE_PAPER_OUT_H

#include "cli/app.h"
#include "io/doc.h"

/* How a document is given back. */
struct paper_dest {
	const char *pdf;	/* --pdf FILE (or --output FILE with --format pdf) */
	int force;		/* --force: replace an existing file */
	int roff;		/* --roff: the groff source on the output */
};

/* paper_emit - d to where dest says (text fitting 80 columns on app->out
 * by default); says where a PDF went on app->err. The exit code. */
int paper_emit(struct app *app, const struct doc *d, const struct paper_dest *dest);

#endif
