/* cmd_report.h - 'ptce report': the report for the CRA meeting. */
#ifndef PTCE_CMD_REPORT_H
#define PTCE_CMD_REPORT_H

#include "cli/app.h"

/* cmd_report - the report as text, CSV or an A4 PDF. */
int cmd_report(struct app *app, int argc, char **argv);

#endif
