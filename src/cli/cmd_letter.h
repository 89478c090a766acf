/* cmd_letter.h - 'ptce letter ID': the letter notifying the last decision. */
#ifndef PTCE_CMD_LETTER_H
#define PTCE_CMD_LETTER_H

#include "cli/app.h"

/* cmd_letter - draft the letter as text, or an A4 PDF with --pdf FILE. */
int cmd_letter(struct app *app, int argc, char **argv);

#endif
