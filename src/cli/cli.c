/* cli.c - what every subcommand uses: reporting errors and usage errors,
 * reading its options, printing its --help from its table entry. */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "cli/cli.h"

int cli_report(struct app *app, const struct perr *e)
{
	fprintf(app->err, "ptce: %s\n", e->msg);
	return pstatus_exit_code(e->status);
}

int cli_usage_error(struct app *app, const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fputs("ptce: ", app->err);
	if (cmd)
		fprintf(app->err, "%s: ", cmd);
	va_start(ap, fmt);
	vfprintf(app->err, fmt, ap);
	va_end(ap);
	if (cmd)
		fprintf(app->err, _("\nTry 'ptce %s --help' for more information.\n"), cmd);
	else
		fprintf(app->err, "%s", _("\nTry 'ptce --help' for more information.\n"));
	return 2;
}

int cli_next_opt(struct app *app, const char *cmd, int argc, char **argv,
		 const char *shorts, const struct option *longs)
{
	int c = getopt_long(argc, argv, shorts, longs, NULL);
	if (c == '?' || c == ':') {
		if (c == ':' || (optopt && strchr(shorts, optopt)))
			cli_usage_error(app, cmd, _("option '%s' needs a value"), argv[optind - 1]);
		else
			cli_usage_error(app, cmd, _("unknown option '%s'"), argv[optind - 1]);
		return -2;
	}
	return c;
}

int cli_help(struct app *app, const char *cmd, const char *options_text)
{
	const struct command *c = app->commands;
	while (c && c->name && strcmp(c->name, cmd) != 0)
		c++;
	if (!c || !c->name)
		return 2;
	fprintf(app->out, _("Usage: ptce [GLOBAL OPTIONS] %s %s\n"), c->name, c->args);
	fprintf(app->out, "%s.\n", _(c->summary));
	if (options_text && *options_text)
		fprintf(app->out, "\n%s", options_text);
	fprintf(app->out, "%s", _("\nGlobal options: --db PATH, --config FILE, --as LOGIN (admin only). See ptce(1).\n"));
	return 0;
}

