/* cmd_opinion.c - 'ptce opinion': a coordinateur asks an expert about a
 * dossier, the expert answers favourable or not with a text, and everyone
 * lists the requests they may see (with the age of unanswered ones). */
#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "cli/cli.h"
#include "cli/cmd_opinion.h"
#include "review/review.h"

struct opinion_opts {
	const char *expert, *question, *text;
	int verdict;		/* -1 not given, 0 défavorable, 1 favourable */
	int pending;
};

static const struct cli_opt opinion_options[] = {
	{"expert", 'x', CLI_TEXT, offsetof(struct opinion_opts, expert), 0},
	{"question", 'q', CLI_TEXT, offsetof(struct opinion_opts, question), 0},
	{"favourable", 'F', CLI_FLAG, offsetof(struct opinion_opts, verdict), 1},
	{"favorable", 'F', CLI_FLAG, offsetof(struct opinion_opts, verdict), 1},
	{"defavourable", 'D', CLI_FLAG, offsetof(struct opinion_opts, verdict), 0},
	{"defavorable", 'D', CLI_FLAG, offsetof(struct opinion_opts, verdict), 0},
	{"unfavourable", 'D', CLI_FLAG, offsetof(struct opinion_opts, verdict), 0},
	{"text", 't', CLI_TEXT, offsetof(struct opinion_opts, text), 0},
	{"pending", 'p', CLI_FLAG, offsetof(struct opinion_opts, pending), 1},
	{0}
};
static const struct cli_spec opinion_spec = {"opinion", "x:q:FDt:ph", opinion_options, NULL};

static int do_ask(struct app *app, const char *name, void *ctx, int argc, char **argv)
{
	const struct opinion_opts *o = ctx;
	(void)name;
	struct perr e = {0};
	long long id, oid = 0;
	const char *ref = cli_arg(argc, argv);
	int rc = cli_dossier(app, "opinion", ref, &id);
	if (rc)
		return rc;
	if (!o->expert || !o->question)
		return cli_usage_error(app, "opinion", "%s", _("ask needs --expert LOGIN and --question TEXT"));
	if (opinion_ask(app->store, &app->actor, id, o->expert, o->question, NULL, &oid, &e) < 0)
		return cli_report(app, &e);
	fprintf(app->out, _("Opinion request %lld sent to %s on dossier %s.\n"), oid, o->expert, ref);
	return 0;
}

static int do_answer(struct app *app, const char *name, void *ctx, int argc, char **argv)
{
	const struct opinion_opts *o = ctx;
	(void)name;
	struct perr e = {0};
	if (optind >= argc)
		return cli_usage_error(app, "opinion", "%s", _("answer which request? give its number (ptce opinion list)"));
	char *end;
	long long n = strtoll(argv[optind], &end, 10);
	if (*end || n <= 0)
		return cli_usage_error(app, "opinion", _("'%s' is not a request number"), argv[optind]);
	if (o->verdict < 0)
		return cli_usage_error(app, "opinion", "%s", _("say --favourable or --defavourable"));
	if (!o->text)
		return cli_usage_error(app, "opinion", "%s", _("an opinion needs --text \"...\""));
	if (opinion_answer(app->store, &app->actor, n, o->verdict, o->text, NULL, &e) < 0)
		return cli_report(app, &e);
	fprintf(app->out, _("Opinion %lld recorded: %s.\n"), n, o->verdict ? _("favourable") : _("défavorable"));
	return 0;
}

static void print_opinion(FILE *f, const struct opinion *op)
{
	char head[64];
	fprintf(f, "%-4lld %-10s %-12s ", op->id, op->ds_number, op->expert);
	/* Padded by columns, not bytes: "défavorable" is one byte longer. */
	if (op->answered)
		snprintf(head, sizeof head, "%s", op->favourable ? _("favourable") : _("défavorable"));
	else
		snprintf(head, sizeof head, P_("pending %d day", "pending %d days", op->age_days), op->age_days);
	text_pad(f, head, 18);
	text_pad(f, op->ptce_name, 28);
	/* TRANSLATORS: the start of the line of an expert's question. */
	fprintf(f, "\n     %s", _("Q: "));
	text_put(f, op->question);
	fputs("\n", f);
	if (op->answered) {
		/* TRANSLATORS: the start of the line of an expert's answer. */
		fprintf(f, "     %s", _("A: "));
		text_put(f, op->answer);
		fputs("\n", f);
	}
}

static int do_list(struct app *app, const char *name, void *ctx, int argc, char **argv)
{
	const struct opinion_opts *o = ctx;
	(void)name;
	struct perr e = {0};
	long long id = 0;
	const char *ref = cli_arg(argc, argv);
	int rc = ref ? cli_dossier(app, "opinion", ref, &id) : 0;
	if (rc)
		return rc;
	struct opinion *op = NULL;
	size_t n = 0;
	if (opinion_list(app->store, &app->actor, id, o->pending, &op, &n, &e) < 0)
		return cli_report(app, &e);
	if (n == 0)
		fprintf(app->out, "%s", o->pending ? _("No opinion request is waiting.\n") : _("No opinion request.\n"));
	for (size_t i = 0; i < n; i++)
		print_opinion(app->out, &op[i]);
	opinion_list_free(&op, n);
	return 0;
}

int cmd_opinion(struct app *app, int argc, char **argv)
{
	static const struct cli_action actions[] = {
		{"ask", do_ask}, {"answer", do_answer}, {"list", do_list}, {0}
	};
	struct opinion_opts o = {.verdict = -1};
	const char *sub = NULL;
	int rc = cli_parse_action(app, &opinion_spec, actions, N_("expected ask, answer or list"),
				  argc, argv, &o, &sub);
	if (rc == -1)
		return cli_usage_error(app, "opinion", _("unknown subcommand '%s'; expected ask, answer or list"), sub);
	return rc;
}
