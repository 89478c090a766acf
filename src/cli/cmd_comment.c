/* cmd_comment.c - 'ptce comment': add a comment to a dossier's discussion
 * among reviewers, or list the thread (imported annotations privées and
 * comments) with the visibility rules of reviews. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fmt.h"
#include "base/i18n.h"
#include "base/text.h"
#include "cli/cli.h"
#include "cli/cmd_comment.h"
#include "review/note.h"

static const struct cli_spec comment_spec = {"comment", "+h", NULL, NULL};

/* One note: when, who, then its text wrapped and indented. */
static void print_note(FILE *f, const struct note *n)
{
	char when[32];
	fmt_datetime(FMT_READER, n->at, when, sizeof when);
	fprintf(f, "  %s  ", when);
	text_put(f, n->author_name);
	if (n->imported)
		fprintf(f, " %s", _("(annotation privée, imported)"));
	else if (*n->author && strcmp(n->author, n->author_name) != 0)
		fprintf(f, " (%s)", n->author);
	fputc('\n', f);
	char *c = text_clean(n->body, TEXT_KEEP_NEWLINES);
	size_t *st, *ln, k = text_wrap(c, 72, &st, &ln);
	for (size_t i = 0; i < k; i++)
		fprintf(f, "      %.*s\n", (int)ln[i], c + st[i]);
	free(st);
	free(ln);
	free(c);
}

int comment_print_thread(struct app *app, FILE *f, long long id)
{
	struct note *notes = NULL;
	size_t n = 0;
	int hidden = 0;
	struct perr e = {0};
	if (note_list(app->store, &app->actor, id, &notes, &n, &hidden, &e) < 0)
		return cli_report(app, &e);
	fprintf(f, "\n== %s ==\n", _("Discussion"));
	if (n == 0 && !hidden)
		fprintf(f, "  %s\n", _("No comment yet."));
	for (size_t i = 0; i < n; i++)
		print_note(f, &notes[i]);
	if (hidden)
		fprintf(f, P_("  %d comment is hidden from you for now.\n",
			      "  %d comments are hidden from you for now.\n", hidden), hidden);
	note_list_free(&notes, n);
	return 0;
}

static int do_add(struct app *app, const char *name, void *ctx, int argc, char **argv)
{
	(void)name;
	(void)ctx;
	long long id;
	const char *ref = cli_arg(argc, argv);
	int rc = cli_dossier(app, "comment", ref, &id);
	if (rc)
		return rc;
	if (optind >= argc)
		return cli_usage_error(app, "comment", "%s", _("a comment needs a text: ptce comment add ID \"...\""));
	char *text = xstrdup("");
	for (int i = optind; i < argc; i++)
		xappendf(&text, "%s%s", i > optind ? " " : "", argv[i]);
	struct perr e = {0};
	rc = note_add(app->store, &app->actor, id, text, NULL, NULL, &e);
	free(text);
	if (rc < 0)
		return cli_report(app, &e);
	fprintf(app->out, _("Comment added to dossier %s.\n"), ref);
	return 0;
}

static int do_list(struct app *app, const char *name, void *ctx, int argc, char **argv)
{
	(void)name;
	(void)ctx;
	long long id;
	const char *ref = cli_arg(argc, argv);
	int rc = cli_dossier(app, "comment", ref, &id);
	if (rc)
		return rc;
	if ((rc = cli_end(app, "comment", argc, argv)))
		return rc;
	return comment_print_thread(app, app->out, id);
}

int cmd_comment(struct app *app, int argc, char **argv)
{
	static const struct cli_action actions[] = {{"add", do_add}, {"list", do_list}, {0}};
	const char *sub = NULL;
	int rc = cli_parse_action(app, &comment_spec, actions, N_("expected add or list"), argc,
				  argv, NULL, &sub);
	if (rc == -1)
		return cli_usage_error(app, "comment", _("unknown subcommand '%s'; expected add or list"), sub);
	return rc;
}
