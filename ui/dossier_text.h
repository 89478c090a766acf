/* dossier_text.h - a dossier laid out as lines of text, for the dossier panel. */
#ifndef PTCE_UI_DOSSIER_TEXT_H
#define PTCE_UI_DOSSIER_TEXT_H

#include "ui.h"

/* dossier_text - add every part of d the person may see to t, for width
 * columns: head, fields, members, pièces, reviews, opinions, history. */
void dossier_text(struct ui *u, struct tlines *t, const struct dossier *d, int width);

/* dossier_text_review - a review as lines: who, grid, state, total (where
 * the grid gives points) and band, then each answer with its criterion's
 * label; for the dossier's reviews and the scoring panel's r pager. */
void dossier_text_review(struct ui *u, struct tlines *t, const struct review *r, int width);

#endif
