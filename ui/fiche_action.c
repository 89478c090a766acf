/* fiche_action.c - saving a dossier's fiche d'instruction from the
 * interface: io/fiche.c gathers it, io/pdf.c has groff make the PDF. */
#include <stdlib.h>

#include "base/i18n.h"
#include "fiche_action.h"
#include "io/fiche.h"
#include "io/pdf.h"
#include "pager.h"
#include "prompt.h"
#include "screen.h"

void fiche_action_save(struct ui *u, long long id)
{
	struct perr e = {0};
	struct doc *d = NULL;
	struct dossier *dos = NULL;
	if (dossier_load(u->app->store, id, &dos, &e) < 0 ||
	    fiche_build(u->app->store, &u->app->actor, id, dos->f[DF_DS_NUMBER], FMT_READER, &d, &e) < 0) {
		ui_report(u, &e);
		dossier_free(&dos);
		return;
	}
	char *initial = xasprintf("fiche-%s.pdf", dos->f[DF_DS_NUMBER]), *path = NULL;
	dossier_free(&dos);
	if (ui_prompt(u, _("Save the fiche as PDF: "), initial, &path) == 0 && *path) {
		if (pdf_write(d, path, 0, &e) < 0)
			ui_report(u, &e);
		else
			ui_message(u, UC_OK, _("Fiche written to %s (print it with: lp %s)"), path, path);
	}
	free(path);
	free(initial);
	doc_free(&d);
}
