/* picker.h - choosing reviewers to assign: who may review, with their
 * roles, load and conflicts, and completion of the login being typed. */
#ifndef PTCE_UI_PICKER_H
#define PTCE_UI_PICKER_H

#include "ui.h"

/* ui_pick_reviewers - a box of the candidates for dossier_id (conflicts and
 * assignments are about it) above a line where logins are typed: the list
 * keeps those starting with the word being typed, Tab completes it, Enter
 * gives the line ("alice -bob"; empty: the highlighted login). 0 with *out
 * fresh, -1 when cancelled (Esc) or nobody may review. */
int ui_pick_reviewers(struct ui *u, long long dossier_id, const char *title, char **out);

#endif
