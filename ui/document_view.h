/* document_view.h - the selected pièce jointe of the dossier panel, shown
 * as text in the pager or saved to a file the person names. */
#ifndef PTCE_UI_DOCUMENT_VIEW_H
#define PTCE_UI_DOCUMENT_VIEW_H

#include "ui.h"

/* document_view_open - the selected pièce as text in the pager (a PDF
 * through pdftotext); why not on the message line. */
void document_view_open(struct ui *u);
/* document_view_save - ask for a file (default ~/<file name>), ask before
 * replacing one, and write the selected pièce there with mode 0600. */
void document_view_save(struct ui *u);

#endif
