/* cmd_check.c - 'ptce check': SQLite's integrity check and the audit
 * verification of the database (or of a backup), without changing it; the
 * exit status says the verdict. It opens the file as it is, so it works on
 * a damaged one. */
#include <stddef.h>
#include <stdio.h>

#include "base/i18n.h"
#include "base/text.h"
#include "cli/cli.h"
#include "cli/cmd_audit.h"
#include "cli/cmd_check.h"
#include "store/backup.h"
#include "store/open.h"

struct check_opts {
	const char *head;
};

static const struct cli_opt check_options[] = {
	{"head", 'H', CLI_TEXT, offsetof(struct check_opts, head), 0}, {0}};
static const struct cli_spec check_spec = {"check", "hH:", check_options, NULL};

static int print_health(struct app *app, const char *path, const struct store_health *h)
{
	FILE *f = app->out;
	fprintf(f, _("Database:       %s\n"), path);
	fprintf(f, _("Schema version: %d\n"), h->version);
	fprintf(f, "%s", _("Integrity:      "));
	text_put(f, h->integrity);
	fputc('\n', f);
	if (!h->has_audit)
		fprintf(f, "%s", _("Audit record:   none (opened by an older ptce: open it once with this one)\n"));
	else if (h->audit.n == 0)
		fprintf(f, _("Audit record:   intact (%lld entries, %lld rows)\n"), h->audit.entries, h->audit.rows);
	else
		fprintf(f, P_("Audit record:   %zu change made outside ptce (ptce audit verify lists them)\n",
			      "Audit record:   %zu changes made outside ptce (ptce audit verify lists them)\n",
			      h->audit.n), h->audit.n);
	if (store_health_ok(h))
		return 0;
	fprintf(app->err, "%s", _("ptce: the database is damaged or was changed outside ptce. Put back a backup you trust with 'ptce restore FILE' (ptce backup makes them).\n"));
	return pstatus_exit_code(P_DB);
}

int cmd_check(struct app *app, int argc, char **argv)
{
	struct check_opts o = {0};
	int rc = cli_parse(app, &check_spec, argc, argv, &o);
	if (rc >= 0)
		return rc;
	const char *file = cli_arg(argc, argv);
	if ((rc = cli_end(app, "check", argc, argv)) != 0)
		return rc;
	const char *path = file ? file : app->db_path;
	struct perr e = {0};
	struct store *s = NULL;
	struct store_health h;
	if (app->store) {
		s = app->store;
	} else if (store_open_raw(path, file != NULL, &s, &e) < 0) {
		return cli_report(app, &e);
	}
	if (store_check(s, o.head, &h, &e) < 0) {
		rc = cli_report(app, &e);
	} else {
		rc = print_health(app, path, &h);
		if (rc && h.audit.n)
			audit_print_verify(app, s, o.head, 1);
	}
	store_health_done(&h);
	if (s != app->store)
		store_close(&s);
	return rc;
}
