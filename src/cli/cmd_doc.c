/* cmd_doc.c - 'ptce doc': the pièces jointes of a dossier: list them, read
 * one as text, save one to a file (mode 0600), attach one received outside
 * the platform. */
#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/file.h"
#include "base/fmt.h"
#include "base/i18n.h"
#include "base/text.h"
#include "cli/cli.h"
#include "cli/cmd_doc.h"
#include "io/document_file.h"
#include "procedure/document.h"

struct doc_opts {
	int force;
	const char *kind;
};

static const struct cli_opt doc_options[] = {
	{"force", 'f', CLI_FLAG, offsetof(struct doc_opts, force), 1},
	{"kind", 'k', CLI_TEXT, offsetof(struct doc_opts, kind), 0},
	{0}
};
static const struct cli_spec doc_spec = {"doc", "fk:h", doc_options, NULL};

/* The pièce number operand: 1 or more. */
static int piece_number(struct app *app, const char *arg, int *n)
{
	char *end;
	long v = arg ? strtol(arg, &end, 10) : 0;
	if (!arg)
		return cli_usage_error(app, "doc", "%s", _("which pièce? give its number ('ptce doc list ID' lists them)"));
	if (*end || v <= 0 || v > 1000000)
		return cli_usage_error(app, "doc", _("'%s' is not a pièce number ('ptce doc list ID' lists them)"), arg);
	*n = (int)v;
	return 0;
}

static void print_info(FILE *f, const struct document_info *d)
{
	char size[32];
	fprintf(f, "%3d  ", d->n);
	text_pad(f, d->kind, 8);
	fputs("  ", f);
	text_pad_right(f, document_human_size(d->size, size, sizeof size), 9);
	fputs("  ", f);
	text_pad(f, document_type_word(document_type_label(d->mime)), 6);
	fprintf(f, "  %-12.12s  ", d->sha256 ? d->sha256 : "-");
	char day[32];
	text_pad(f, d->received_on ? fmt_date(FMT_READER, d->received_on, day, sizeof day) : "-", 10);
	fputs("  ", f);
	text_put(f, d->file_name ? d->file_name : d->title);
	if (!d->sha256)
		fprintf(f, "  %s", _("(not received)"));
	fputc('\n', f);
}

static int do_list(struct app *app, const char *name, void *ctx, int argc, char **argv)
{
	(void)name;
	(void)ctx;
	long long id;
	const char *ref = cli_arg(argc, argv);
	int rc = cli_dossier(app, "doc", ref, &id);
	if (rc || (rc = cli_end(app, "doc", argc, argv)))
		return rc;
	struct document_info *v = NULL;
	size_t n = 0;
	struct perr e = {0};
	if (document_list(app->store, &app->actor, id, &v, &n, &e) < 0)
		return cli_report(app, &e);
	if (n == 0)
		fprintf(app->out, _("Dossier %s has no pièce jointe.\n"), ref);
	else
		fprintf(app->out, "%s\n", _("  N  KIND           SIZE  TYPE    SHA-256       RECEIVED    FILE"));
	for (size_t i = 0; i < n; i++)
		print_info(app->out, &v[i]);
	document_list_free(&v, n);
	return 0;
}

/* Pièce N of the dossier named by the operands, read: 0, or the exit code. */
static int read_piece(struct app *app, int argc, char **argv, const char **ref, int *n,
		      char **buf, size_t *len, struct document_info *meta)
{
	long long id;
	*ref = cli_arg(argc, argv);
	int rc = cli_dossier(app, "doc", *ref, &id);
	if (rc || (rc = piece_number(app, cli_arg(argc, argv), n)))
		return rc;
	struct perr e = {0};
	if (document_read(app->store, &app->actor, id, *n, buf, len, meta, &e) < 0)
		return cli_report(app, &e);
	return 0;
}

static int do_show(struct app *app, const char *name, void *ctx, int argc, char **argv)
{
	(void)name;
	(void)ctx;
	const char *ref;
	int n, rc;
	char *buf = NULL, *text = NULL;
	size_t len;
	struct document_info meta;
	if ((rc = read_piece(app, argc, argv, &ref, &n, &buf, &len, &meta)))
		return rc;
	if ((rc = cli_end(app, "doc", argc, argv)) == 0) {
		struct perr e = {0};
		if (document_text(&meta, buf, len, &text, &e) < 0) {
			perr_append(&e, _(" Save it to read it with another program: ptce doc save %s %d FILE"),
				    ref, n);
			rc = cli_report(app, &e);
		} else {
			fputs(text, app->out);
			if (*text && text[strlen(text) - 1] != '\n')
				fputc('\n', app->out);
		}
	}
	free(text);
	free(buf);
	document_info_done(&meta);
	return rc;
}

static int do_save(struct app *app, const char *name, void *ctx, int argc, char **argv)
{
	(void)name;
	const struct doc_opts *o = ctx;
	const char *ref;
	int n, rc;
	char *buf = NULL;
	size_t len;
	struct document_info meta;
	if ((rc = read_piece(app, argc, argv, &ref, &n, &buf, &len, &meta)))
		return rc;
	const char *path = cli_arg(argc, argv);
	if (!path)
		rc = cli_usage_error(app, "doc", "%s", _("save to which file? give its name after the pièce number"));
	else
		rc = cli_end(app, "doc", argc, argv);
	struct perr e = {0};
	if (rc == 0 && document_save(path, buf, len, o->force, &e) < 0) {
		rc = cli_report(app, &e);
	} else if (rc == 0) {
		char size[32];
		fprintf(app->out, _("Pièce %d of dossier %s written to %s (%s, mode 0600).\n"), n, ref, path,
			document_human_size((long long)len, size, sizeof size));
	}
	free(buf);
	document_info_done(&meta);
	return rc;
}

/* The number a person types for the pièce whose row is row_id (0: unknown). */
static int number_of(struct app *app, long long dossier_id, long long row_id)
{
	struct document_info *v = NULL;
	size_t n = 0;
	struct perr e = {0};
	int num = 0;
	if (document_list(app->store, &app->actor, dossier_id, &v, &n, &e) == 0)
		for (size_t i = 0; i < n; i++)
			if (v[i].id == row_id)
				num = v[i].n;
	document_list_free(&v, n);
	return num;
}

static int do_attach(struct app *app, const char *name, void *ctx, int argc, char **argv)
{
	(void)name;
	const struct doc_opts *o = ctx;
	long long id, row = 0;
	const char *ref = cli_arg(argc, argv);
	int rc = cli_dossier(app, "doc", ref, &id);
	if (rc)
		return rc;
	const char *path = cli_arg(argc, argv);
	if (!path)
		return cli_usage_error(app, "doc", "%s", _("attach which file? give its name after the dossier"));
	if ((rc = cli_end(app, "doc", argc, argv)))
		return rc;
	char *buf = NULL;
	size_t len = 0;
	struct perr e = {0};
	int r = file_read(path, DOCUMENT_MAX_SIZE, &buf, &len, &e);
	if (r == -2)
		perr_set(&e, P_INVALID, _("%s is larger than %lld MB, the most a pièce may be."), path,
			 DOCUMENT_MAX_SIZE / (1024 * 1024));
	enum document_outcome out = DOC_ADDED;
	if (r < 0 || document_add(app->store, &app->actor, id, o->kind, path, buf, len, &row, &out, &e) < 0) {
		free(buf);
		return cli_report(app, &e);
	}
	char size[32];
	int num = number_of(app, id, row);
	if (out == DOC_ALREADY)
		fprintf(app->out, _("Dossier %s already holds this file as pièce %d; nothing changed.\n"), ref, num);
	else
		fprintf(app->out, _("Pièce %d attached to dossier %s: %s (%s, %s).\n"), num, ref, path,
			document_human_size((long long)len, size, sizeof size),
			document_type_word(document_type_label(document_mime(buf, len))));
	free(buf);
	return 0;
}

int cmd_doc(struct app *app, int argc, char **argv)
{
	static const struct cli_action actions[] = {
		{"list", do_list}, {"show", do_show}, {"save", do_save}, {"attach", do_attach}, {0}
	};
	struct doc_opts o = {0};
	const char *sub = NULL;
	int rc = cli_parse_action(app, &doc_spec, actions, N_("expected list, show, save or attach"),
				  argc, argv, &o, &sub);
	if (rc == -1)
		return cli_usage_error(app, "doc", _("unknown action '%s'; expected list, show, save or attach"), sub);
	return rc;
}
