/* cli.c - what every subcommand uses: reading its options (and answering
 * --help) and operands, naming a dossier, reporting errors and usage
 * errors. */
#include <ctype.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "cli/cli.h"
#include "procedure/access.h"
#include "procedure/dossier.h"

void cli_put_clean(FILE *f, const char *msg)
{
	char *c = text_clean(msg, TEXT_KEEP_NEWLINES | TEXT_KEEP_TABS);
	fputs(c, f);
	free(c);
}

int cli_report(struct app *app, const struct perr *e)
{
	fputs("ptce: ", app->err);
	cli_put_clean(app->err, e->msg);
	fputc('\n', app->err);
	return pstatus_exit_code(e->status);
}

int cli_usage_error(struct app *app, const char *cmd, const char *fmt, ...)
{
	va_list ap;
	char msg[PERR_MAX];
	fputs("ptce: ", app->err);
	if (cmd)
		fprintf(app->err, "%s: ", cmd);
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	cli_put_clean(app->err, msg);
	if (cmd)
		fprintf(app->err, _("\nTry 'ptce %s --help' for more information.\n"), cmd);
	else
		fprintf(app->err, "%s", _("\nTry 'ptce --help' for more information.\n"));
	return 2;
}

/* getopt_long for a subcommand: the next option, -1 at the end, or -2
 * after printing a usage error. shorts starts with ':' (after a '+'), so
 * that getopt tells a missing value (':') from an unknown option or a value
 * given to an option that takes none ('?'). */
static int next_opt(struct app *app, const char *cmd, int argc, char **argv,
		    const char *shorts, const struct option *longs)
{
	int c = getopt_long(argc, argv, shorts, longs, NULL);
	if (c == ':')
		cli_usage_error(app, cmd, _("option '%s' needs a value"), argv[optind - 1]);
	else if (c == '?')
		cli_usage_error(app, cmd, _("unknown option '%s'"), argv[optind - 1]);
	return c == ':' || c == '?' ? -2 : c;
}

/* The reader's word for a placeholder of the synopsis (FILE, LOGIN...), or
 * NULL for a word that stays as it is (ID, a one-letter name, an option). */
static const char *placeholder(const char *w, size_t n)
{
	static const char *const words[] = {
		"FILE", "LOGIN", "TEXT", "VALUE", "STATE", "NAME", "DATE", "REF", "EUR",
		"ENC", "CRIT", "MAIL", "ORG", "PATH", NULL
	};
	/* TRANSLATORS: the placeholders of the commands' synopses, in capitals,
	 * as `ptce COMMAND --help` shows them after "Usage:". */
	const char *const tr[] = {
		C_("placeholder", "FILE"), C_("placeholder", "LOGIN"), C_("placeholder", "TEXT"),
		C_("placeholder", "VALUE"), C_("placeholder", "STATE"), C_("placeholder", "NAME"),
		C_("placeholder", "DATE"), C_("placeholder", "REF"), C_("placeholder", "EUR"),
		C_("placeholder", "ENC"), C_("placeholder", "CRIT"), C_("placeholder", "MAIL"),
		C_("placeholder", "ORG"), C_("placeholder", "PATH"),
	};
	for (size_t i = 0; words[i]; i++)
		if (strlen(words[i]) == n && memcmp(words[i], w, n) == 0)
			return tr[i];
	return NULL;
}

char *cli_synopsis(const char *args)
{
	const char *s = args ? args : "";
	char *out = NULL;
	xappendf(&out, "%s", "");
	for (const char *p = s; *p;) {
		/* A run of capitals standing alone as a word ("FILE", "FILE.csv",
		 * "[--reason TEXT]"), never a letter inside an option name. */
		size_t n = 0;
		while (isupper((unsigned char)p[n]))
			n++;
		int alone = n && (p == s || !(isalnum((unsigned char)p[-1]) || p[-1] == '-')) &&
			    !isalnum((unsigned char)p[n]);
		const char *t = alone ? placeholder(p, n) : NULL;
		if (t) {
			xappendf(&out, "%s", t);
		} else {
			if (!n)
				n = 1;
			xappendf(&out, "%.*s", (int)n, p);
		}
		p += n;
	}
	return out;
}

int cli_help(struct app *app, const char *cmd)
{
	const struct command *c = app->commands;
	while (c && c->name && strcmp(c->name, cmd) != 0)
		c++;
	if (!c || !c->name)
		return 2;
	const char *options_text = c->help ? _(c->help) : NULL;
	char *args = cli_synopsis(c->args);
	fprintf(app->out, _("Usage: ptce [GLOBAL OPTIONS] %s %s\n"), c->name, args);
	free(args);
	fprintf(app->out, "%s.\n", _(c->summary));
	if (options_text && *options_text)
		fprintf(app->out, "\n%s", options_text);
	fprintf(app->out, "%s", _("\nGlobal options: --db PATH, --config FILE, --as LOGIN (admin only). See ptce(1).\n"));
	return 0;
}

/* The most options a subcommand has, --help aside. */
#define CLI_MAX_OPTS 15

/* Keep the value of option o (key c) in the options ctx. */
static int keep(struct app *app, const struct cli_spec *spec, const struct cli_opt *o, int c,
		char *arg, void *ctx)
{
	switch (o->kind) {
	case CLI_FLAG:
		*(int *)(void *)((char *)ctx + o->off) = o->val;
		break;
	case CLI_TEXT:
		*(const char **)(void *)((char *)ctx + o->off) = arg;
		break;
	case CLI_CHECK:
		return spec->check(app, c, arg, ctx);
	}
	return 0;
}

int cli_parse(struct app *app, const struct cli_spec *spec, int argc, char **argv, void *ctx)
{
	struct option longs[CLI_MAX_OPTS + 2] = {{0}};
	size_t n = 0;
	for (const struct cli_opt *o = spec->opts; o && o->name; o++) {
		if (n == CLI_MAX_OPTS)
			die("ptce %s: more than %d options", spec->cmd, CLI_MAX_OPTS);
		longs[n++] = (struct option){o->name, o->kind == CLI_FLAG ? no_argument : required_argument,
					     NULL, o->key};
	}
	longs[n] = (struct option){"help", no_argument, NULL, 'h'};
	char shorts[64];
	int plus = spec->shorts[0] == '+';
	snprintf(shorts, sizeof shorts, "%s:%s", plus ? "+" : "", spec->shorts + plus);
	int c;
	while ((c = next_opt(app, spec->cmd, argc, argv, shorts, longs)) != -1) {
		if (c == -2)
			return 2;
		if (c == 'h')
			return cli_help(app, spec->cmd);
		const struct cli_opt *o = spec->opts;
		while (o && o->name && o->key != c)
			o++;
		int rc = o && o->name ? keep(app, spec, o, c, optarg, ctx) : 0;
		if (rc)
			return rc;
	}
	return -1;
}

int cli_parse_dossier(struct app *app, const struct cli_spec *spec, int argc, char **argv,
		      void *ctx, const char **ref, long long *id)
{
	int rc = cli_parse(app, spec, argc, argv, ctx);
	if (rc >= 0)
		return rc;
	*ref = cli_arg(argc, argv);
	rc = cli_dossier(app, spec->cmd, *ref, id);
	return rc ? rc : -1;
}

int cli_parse_action(struct app *app, const struct cli_spec *spec, const struct cli_action *actions,
		     const char *missing, int argc, char **argv, void *ctx, const char **name)
{
	int rc = cli_parse(app, spec, argc, argv, ctx);
	if (rc >= 0)
		return rc;
	*name = cli_arg(argc, argv);
	if (!*name)
		return cli_usage_error(app, spec->cmd, "%s", _(missing));
	for (const struct cli_action *a = actions; a->name; a++)
		if (strcmp(a->name, *name) == 0)
			return a->run(app, *name, ctx, argc, argv);
	return -1;
}

char *cli_arg(int argc, char **argv)
{
	return optind < argc ? argv[optind++] : NULL;
}

int cli_end(struct app *app, const char *cmd, int argc, char **argv)
{
	if (optind < argc)
		return cli_usage_error(app, cmd, _("unexpected argument '%s'"), argv[optind]);
	return 0;
}

int cli_dossier(struct app *app, const char *cmd, const char *ref, long long *id)
{
	struct perr e = {0};
	if (!ref)
		return cli_usage_error(app, cmd, "%s", _("which dossier? give its number (ptce list shows them)"));
	if (dossier_find_id(app->store, ref, id, &e) < 0 ||
	    access_require(app->store, &app->actor, *id, ref, &e) < 0)
		return cli_report(app, &e);
	return 0;
}

int cli_format(struct app *app, const char *cmd, const char *s, unsigned allowed,
	       enum cli_format *f)
{
	static const char *const names[] = {"table", "tsv", "csv", "json"};
	for (unsigned i = 0; i < sizeof names / sizeof names[0]; i++)
		if ((allowed & CLI_FMT(i)) && strcmp(s, names[i]) == 0) {
			*f = (enum cli_format)i;
			return 0;
		}
	if (allowed == (CLI_FMT(CLI_TABLE) | CLI_FMT(CLI_CSV)))
		return cli_usage_error(app, cmd, _("unknown format '%s'; use table or csv"), s);
	if (allowed == (CLI_FMT(CLI_CSV) | CLI_FMT(CLI_JSON)))
		return cli_usage_error(app, cmd, _("unknown format '%s'; use csv or json"), s);
	return cli_usage_error(app, cmd, _("unknown format '%s'; use table, tsv, csv or json"), s);
}
