/* paper_out.c - giving back a printed document: text, groff source or PDF. */
#include <stdio.h>

#include "base/i18n.h"
#include "cli/cli.h"
#include "cli/paper_out.h"
#include "io/doc_roff.h"
#include "io/doc_text.h"
#include "io/pdf.h"

int paper_emit(struct app *app, const struct doc *d, const struct paper_dest *dest)
{
	struct perr e = {0};
	if (dest->roff) {
		doc_write_roff(app->out, d);
		return 0;
	}
	if (!dest->pdf) {
		doc_write_text(app->out, d, 80);
		return 0;
	}
	if (pdf_write(d, dest->pdf, dest->force, &e) < 0)
		return cli_report(app, &e);
	fprintf(app->err, _("PDF written to %s\n"), dest->pdf);
	return 0;
}
