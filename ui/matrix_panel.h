/* matrix_panel.h - the reviews of a dossier compared: criteria × reviewers
 * with the range and the divergent criteria marked (HotCRP's score
 * overview), only what the person may see. */
#ifndef PTCE_UI_MATRIX_PANEL_H
#define PTCE_UI_MATRIX_PANEL_H

#include "ui.h"

/* ui_matrix - show the matrix of dossier id's reviews in the pager. */
void ui_matrix(struct ui *u, long long id);
/* matrix_lines - the matrix of dossier id's reviews as lines of width
 * columns, added to t. */
void matrix_lines(struct ui *u, long long id, struct tlines *t, int width);

#endif
