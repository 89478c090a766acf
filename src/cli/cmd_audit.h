/* cmd_audit.h - 'ptce audit': verify the tamper-evident record, print its
 * head to keep outside the database. */
#ifndef PTCE_CMD_AUDIT_H
#define PTCE_CMD_AUDIT_H

#include "cli/app.h"
#include "store/store.h"

/* cmd_audit - ptce audit verify [--head HEAD] | head. */
int cmd_audit(struct app *app, int argc, char **argv);
/* audit_print_verify - verify s (against head when not NULL) and print the
 * result: 0 intact, else the exit code (4 when something was found). */
int audit_print_verify(struct app *app, struct store *s, const char *head, int quiet);

#endif
