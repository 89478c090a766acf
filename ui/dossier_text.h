/* dossier_text.h - a dossier laid out as lines of text, for the dossier panel. */
#ifndef PTCE_UI_DOSSIER_TEXT_H
#define PTCE_UI_DOSSIER_TEXT_H

#include "ui.h"

/* dossier_text - add every part of d the person may see to t, for width
 * columns: head, fields, members, pièces, reviews, opinions, history. */
void dossier_text(struct ui *u, struct tlines *t, const struct dossier *d, int width);

#endif
