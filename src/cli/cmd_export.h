/* cmd_export.h - 'ptce export': dossiers as CSV or JSON for a spreadsheet or
 * another tool. */
#ifndef PTCE_CMD_EXPORT_H
#define PTCE_CMD_EXPORT_H

#include <stddef.h>

#include "base/err.h"
#include "cli/app.h"
#include "io/export.h"

/* cmd_export - ptce export [--format csv|json] [--excel] [--state S]
 * [--region R] [--output FILE]. */
int cmd_export(struct app *app, int argc, char **argv);
/* export_write_file - the dossiers ids written to path, the one rule for a
 * file export (the command line's --output and the interface's x): created
 * 0600, put in place only once complete, and an existing file replaced only
 * with force (else P_REFUSED, the file untouched). */
int export_write_file(struct app *app, const char *path, int force, enum export_format fmt,
		      int excel, const long long *ids, size_t n, struct perr *e);

#endif
