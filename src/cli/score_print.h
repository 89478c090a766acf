/* score_print.h - how 'ptce score' and 'ptce scores' print a review: its
 * answers, what changed between two versions, the one-line summary, and the
 * grid version it was given on. */
#ifndef PTCE_SCORE_PRINT_H
#define PTCE_SCORE_PRINT_H

#include "cli/app.h"
#include "review/review.h"

/* score_print_review - a review's header (author, grid version, state,
 * total) then each answered criterion with its comment; g may be NULL. */
void score_print_review(struct app *app, const struct checklist *g, const struct review *r);
/* score_print_changes - one line per answer or comment that differs between
 * before and after (either may be NULL); returns how many. */
int score_print_changes(FILE *f, const struct checklist *g, const struct review *before,
			const struct review *after);
/* score_print_summary - "Review of dossier DS on grid G: submitted (revision
 * N), total..." */
void score_print_summary(struct app *app, const char *ds, const struct checklist *g,
			 const struct review *r);
/* score_note_version - tell on app->err when the grid file g differs from
 * the version review r uses (r may be NULL). */
void score_note_version(struct app *app, const struct review *r, const struct checklist *g);
/* score_review_grid - the grid r was given on: g when it is that version,
 * else the stored version into *own (freed by the caller). When that version
 * cannot be read, -1 with e set and g returned. */
int score_review_grid(struct app *app, const struct review *r, const struct checklist *g,
		      const struct checklist **out, struct checklist **own, struct perr *e);

#endif
