/* score_edit.h - 'ptce score --edit': a review written as a plain-text form
 * in $VISUAL or $EDITOR (or read back from a file with --from). */
#ifndef PTCE_SCORE_EDIT_H
#define PTCE_SCORE_EDIT_H

#include "cli/app.h"
#include "review/checklist.h"

/* score_edit - open the actor's review of dossier id (number ref) on grid g
 * as a form, in the editor or from the file from, and save what changed;
 * returns the exit code. A form that cannot be saved is kept and named. */
int score_edit(struct app *app, long long id, const char *ref, const struct checklist *g,
	       const char *from);

#endif
