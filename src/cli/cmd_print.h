/* cmd_print.h - 'ptce print ID': the fiche d'instruction of a dossier. */
#ifndef PTCE_CMD_PRINT_H
#define PTCE_CMD_PRINT_H

#include "cli/app.h"

/* cmd_print - print the fiche as text, or as an A4 PDF with --pdf FILE. */
int cmd_print(struct app *app, int argc, char **argv);

#endif
