/* cmd_audit.c - 'ptce audit verify' names the first entry edited, deleted,
 * inserted or reordered; 'ptce audit head' prints the chain's head, to be
 * kept outside the database and given back to verify --head. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "cli/cli.h"
#include "cli/cmd_audit.h"
#include "store/audit_verify.h"

/* At most this many problems are listed; the count says the rest. */
#define AUDIT_SHOWN 20

static void print_problem(FILE *f, const struct audit_problem *p)
{
	fputs("  ", f);
	if (strcmp(p->table, "schema") == 0)
		fprintf(f, _("trigger %s: "), p->key);
	else if (p->key[0])
		fprintf(f, _("%s row %s: "), p->table, p->key);
	else
		fprintf(f, "%s: ", p->table);
	text_put(f, p->what);
	fputc('\n', f);
}

int audit_print_verify(struct app *app, struct store *s, const char *head, int quiet)
{
	struct perr e = {0};
	struct audit_report r;
	if (audit_verify(s, head, &r, &e) < 0)
		return cli_report(app, &e);
	if (r.n == 0) {
		long long seq = 0;
		char *hash = NULL;
		if (!quiet && audit_head(s, &seq, &hash, &e) == 0)
			fprintf(app->out, _("Audit record intact: %lld entries, %lld rows checked; head %lld:%s\n"),
				r.entries, r.rows, seq, hash);
		free(hash);
		audit_report_done(&r);
		return 0;
	}
	fprintf(app->err, P_("ptce: the audit record shows %zu change made outside ptce; the first:\n",
			     "ptce: the audit record shows %zu changes made outside ptce; the first:\n", r.n), r.n);
	for (size_t i = 0; i < r.n && i < AUDIT_SHOWN; i++)
		print_problem(app->err, &r.p[i]);
	if (r.n > AUDIT_SHOWN)
		fprintf(app->err, _("  ... and %zu more.\n"), r.n - AUDIT_SHOWN);
	fprintf(app->err, "%s", _("Restore a backup you trust (ptce restore FILE) after finding out who changed the file.\n"));
	audit_report_done(&r);
	return pstatus_exit_code(P_DB);
}

struct audit_opts {
	const char *head;
};

static int do_verify(struct app *app, const char *name, void *ctx, int argc, char **argv)
{
	const struct audit_opts *o = ctx;
	int rc = cli_end(app, name, argc, argv);
	return rc ? rc : audit_print_verify(app, app->store, o->head, 0);
}

static int do_head(struct app *app, const char *name, void *ctx, int argc, char **argv)
{
	(void)ctx;
	int rc = cli_end(app, name, argc, argv);
	if (rc)
		return rc;
	struct perr e = {0};
	long long seq;
	char *hash;
	if (audit_head(app->store, &seq, &hash, &e) < 0)
		return cli_report(app, &e);
	fprintf(app->out, "%lld:%s\n", seq, hash);
	free(hash);
	return 0;
}

static const struct cli_opt audit_options[] = {
	{"head", 'H', CLI_TEXT, offsetof(struct audit_opts, head), 0}, {0}};
static const struct cli_spec audit_spec = {"audit", "hH:", audit_options, NULL};

int cmd_audit(struct app *app, int argc, char **argv)
{
	static const struct cli_action actions[] = {{"verify", do_verify}, {"head", do_head}, {0}};
	struct audit_opts o = {0};
	const char *sub = NULL;
	int rc = cli_parse_action(app, &audit_spec, actions, N_("expected verify or head"), argc, argv, &o, &sub);
	if (rc == -1)
		return cli_usage_error(app, "audit", _("unknown subcommand '%s'; expected verify or head"), sub);
	return rc;
}
