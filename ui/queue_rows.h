/* queue_rows.h - the queue as the interface holds it (struct queue_state):
 * the cursor, the rows in view, the tagged dossiers. */
#ifndef PTCE_UI_QUEUE_ROWS_H
#define PTCE_UI_QUEUE_ROWS_H

#include "ui.h"

/* queue_rows_init - the person's queue (default view), counted. */
void queue_rows_init(struct ui *u);
/* queue_rows_done - free the rows, the tags and the search. */
void queue_rows_done(struct ui *u);
/* queue_rows_reload - recount and keep the cursor on the same dossier. */
void queue_rows_reload(struct ui *u);
/* queue_rows_resort - the same after a change of order, without a
 * recount (the same dossiers): the cursor stays on its dossier when it is
 * among the first or last 200 rows of the new order, else it goes to the
 * first row (so that the cost does not grow with the queue). */
void queue_rows_resort(struct ui *u);
/* queue_height - the rows of dossiers the screen shows. */
int queue_height(struct ui *u);
/* queue_clamp - keep the cursor among the dossiers and in view. */
void queue_clamp(struct ui *u);
/* queue_rows_fetch - make sure rows [top, top + h) are in the cache. */
void queue_rows_fetch(struct ui *u, int h);
/* queue_current - dossier id under the cursor, 0 when the queue is empty. */
long long queue_current(struct ui *u);
/* queue_is_tagged - true when dossier id is tagged. */
int queue_is_tagged(struct ui *u, long long id);
/* queue_tag_toggle - tag dossier id, or untag it. */
void queue_tag_toggle(struct ui *u, long long id);

#endif
