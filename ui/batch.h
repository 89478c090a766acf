/* batch.h - a screen update sent to the terminal in one write(): ncurses
 * flushes at every cursor motion, which over a slow link is a packet per
 * line. */
#ifndef PTCE_UI_BATCH_H
#define PTCE_UI_BATCH_H

/* batch_init - when standard output is a terminal, get ready to collect
 * updates (a pipe big enough for a whole screen); otherwise nothing. */
void batch_init(int rows, int cols);
/* batch_refresh - refresh(), its output collected and written at once. */
void batch_refresh(void);
/* batch_done - give standard output back for good (also on the way out
 * of a fatal error). */
void batch_done(void);

#endif
