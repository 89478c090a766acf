/* discussion.h - the dossier's discussion among reviewers as lines of the
 * dossier panel (imported annotations privées are shown apart). */
#ifndef PTCE_UI_DISCUSSION_H
#define PTCE_UI_DISCUSSION_H

#include "ui.h"

/* discussion_lines - the "Discussion" section: the reviewers' comments on
 * dossier id that the person may see, oldest first, and how to write one. */
void discussion_lines(struct ui *u, struct tlines *t, long long id, int width);

#endif
