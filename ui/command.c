/* command.c - the ':' line: a few interface commands (save-screen, quit,
 * help), otherwise the same subcommands as the shell, run through
 * cli_dispatch with their output captured and shown in the pager. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "cli/commands.h"
#include "command.h"
#include "frame.h"
#include "help.h"
#include "pager.h"
#include "panel.h"
#include "screen.h"
#include "views.h"

/* Split a line into words: blanks separate, '...' and "..." quote,
 * backslash escapes the next character. */
static int split(const char *line, char ***argv_out, int *argc_out, struct perr *e)
{
	size_t cap = 8;
	int argc = 0;
	char **argv = xcalloc(cap, sizeof *argv);
	const char *p = line;
	char *word = xmalloc(strlen(line) + 1);
	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		size_t l = 0;
		char quote = 0;
		while (*p && (quote || (*p != ' ' && *p != '\t'))) {
			if (quote) {
				if (*p == quote)
					quote = 0;
				else if (*p == '\\' && quote == '"' && p[1])
					word[l++] = *++p;
				else
					word[l++] = *p;
			} else if (*p == '\'' || *p == '"') {
				quote = *p;
			} else if (*p == '\\' && p[1]) {
				word[l++] = *++p;
			} else {
				word[l++] = *p;
			}
			p++;
		}
		if (quote) {
			for (int i = 0; i < argc; i++)
				free(argv[i]);
			free(argv);
			free(word);
			return perr_set(e, P_USAGE, _("a quote is not closed: %c"), quote);
		}
		word[l] = '\0';
		if ((size_t)argc + 2 > cap) {
			cap *= 2;
			argv = xrealloc(argv, cap * sizeof *argv);
		}
		argv[argc++] = xstrdup(word);
	}
	free(word);
	argv[argc] = NULL;
	*argv_out = argv;
	*argc_out = argc;
	return 0;
}

/* The interface's own commands; 1 when av[0] was one of them. */
static int builtin(struct ui *u, int argc, char **av)
{
	if (strcmp(av[0], "save-screen") == 0) {
		/* The screen as it is once the command line has gone. */
		ui_draw(u);
		if (argc != 2)
			ui_message(u, UC_ERROR, "%s", _("usage: :save-screen FILE"));
		else if (ui_save_screen(av[1]))
			ui_message(u, UC_ERROR, _("cannot write %s"), av[1]);
		return 1;
	}
	if (strcmp(av[0], "quit") == 0 || strcmp(av[0], "q") == 0) {
		u->quit = 1;
		return 1;
	}
	if (strcmp(av[0], "view") == 0) {
		ui_view_command(u, argc, av);
		return 1;
	}
	if (strcmp(av[0], "help") == 0 && argc == 1) {
		ui_help(u);
		return 1;
	}
	return 0;
}

/* What a subcommand printed on its output and its error streams. */
struct output {
	char *obuf, *ebuf;
	size_t olen, elen;
};

/* Nothing, one short line (the message line) or more (the pager). */
static void show_output(struct ui *u, const char *line, const char *name, int rc,
			struct output *out)
{
	char *obuf = out->obuf, *ebuf = out->ebuf;
	size_t olen = out->olen, elen = out->elen, total = olen + elen;
	if (total == 0) {
		if (rc)
			ui_message(u, UC_ERROR, _("%s: failed (exit %d)"), name, rc);
		else
			ui_message(u, UC_OK, _("%s: done"), name);
	} else if (!memchr(obuf, '\n', olen ? olen - 1 : 0) && !memchr(ebuf, '\n', elen ? elen - 1 : 0) &&
		   (olen == 0 || elen == 0) && total < (size_t)u->cols) {
		char *one = olen ? obuf : ebuf;
		size_t l = strlen(one);
		if (l && one[l - 1] == '\n')
			one[l - 1] = '\0';
		ui_message(u, rc ? UC_ERROR : UC_OK, "%s", one);
	} else {
		char *all = xasprintf("%s%s", obuf, ebuf);
		char title[256];
		if (rc)
			snprintf(title, sizeof title, _(":%s (exit %d)"), line, rc);
		else
			snprintf(title, sizeof title, ":%s", line);
		ui_pager_lines(u, title, all);
		free(all);
	}
}

/* A ptce subcommand with its output written to memory, then shown. */
static void run_captured(struct ui *u, const char *line, int argc, char **av)
{
	struct output out = {0};
	FILE *o = open_memstream(&out.obuf, &out.olen), *er = open_memstream(&out.ebuf, &out.elen);
	if (!o || !er) {
		if (o)
			fclose(o);
		if (er)
			fclose(er);
		ui_message(u, UC_ERROR, "%s", _("out of memory"));
		return;
	}
	FILE *save_out = u->app->out, *save_err = u->app->err;
	u->app->out = o;
	u->app->err = er;
	int rc = cli_dispatch(u->app, argc, av);
	u->app->out = save_out;
	u->app->err = save_err;
	fclose(o);
	fclose(er);
	show_output(u, line, av[0], rc, &out);
	free(out.obuf);
	free(out.ebuf);
	/* Whatever it did, show fresh data. */
	panel_reload_all(u);
}

void ui_command(struct ui *u, const char *line)
{
	struct perr e = {0};
	char **argv = NULL;
	int argc = 0;
	if (split(line, &argv, &argc, &e)) {
		ui_message(u, UC_ERROR, "%s", e.msg);
		return;
	}
	char **av = argv;
	if (argc > 0 && strcmp(av[0], "ptce") == 0) {
		av++;
		argc--;
	}
	if (argc > 0 && !builtin(u, argc, av))
		run_captured(u, line, argc, av);
	for (int i = 0; argv[i]; i++)
		free(argv[i]);
	free(argv);
}
