/* cmd_reviewer.c - 'ptce reviewer': list the roster, add a reviewer, replace
 * their roles or take them off it (changes are for admins: procedure/actor.c
 * checks). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "cli/cli.h"
#include "cli/cmd_reviewer.h"
#include "procedure/actor.h"
#include "procedure/role.h"

struct reviewer_opts {
	const char *name, *org, *email;
	unsigned roles;
	int all;
};

static int parse_roles(struct app *app, const char *s, unsigned *roles)
{
	char *copy = xstrdup(s), *save = NULL;
	for (char *w = strtok_r(copy, ", ", &save); w; w = strtok_r(NULL, ", ", &save)) {
		unsigned r = role_parse(w);
		if (!r) {
			cli_usage_error(app, "reviewer", _("'%s' is not a role; roles: instructeur, coordinateur, expert, lecteur, admin"), w);
			free(copy);
			return -1;
		}
		*roles |= r;
	}
	free(copy);
	return 0;
}

static int reviewer_row(const struct reviewer *r, void *arg)
{
	FILE *f = ((struct app *)arg)->out;
	char roles[128];
	text_pad(f, r->login, 14);
	fputc(' ', f);
	text_pad(f, r->display_name, 24);
	fputc(' ', f);
	text_pad(f, r->organisation, 22);
	fputc(' ', f);
	fputs(roles_format(r->roles, roles, sizeof roles), f);
	if (!r->active)
		fprintf(f, " (%s)", _("removed"));
	fputc('\n', f);
	return 0;
}

static int reviewer_opt(struct app *app, int c, char *arg, void *ctx)
{
	struct reviewer_opts *o = ctx;
	switch (c) {
	case 'n': o->name = arg; break;
	case 'o': o->org = arg; break;
	case 'e': o->email = arg; break;
	case 'r': return parse_roles(app, arg, &o->roles) < 0 ? 2 : 0;
	case 'a': o->all = 1; break;
	}
	return 0;
}

/* add, set-role or remove login; the operands after login are argv[optind..]. */
static int reviewer_change(struct app *app, const char *action, const char *login,
			   struct reviewer_opts *o, int argc, char **argv)
{
	struct perr e = {0};
	if (strcmp(action, "add") == 0) {
		if (cli_end(app, "reviewer", argc, argv))
			return 2;
		if (!o->roles)
			return cli_usage_error(app, "reviewer", "%s", _("add needs --role (instructeur, coordinateur, expert, lecteur, admin)"));
		if (reviewer_add(app->store, &app->actor, login, o->name, o->org, o->email, o->roles, &e) < 0)
			return cli_report(app, &e);
		fprintf(app->out, _("%s added.\n"), login);
	} else if (strcmp(action, "set-role") == 0) {
		if (optind < argc && parse_roles(app, argv[optind++], &o->roles) < 0)
			return 2;
		if (reviewer_set_roles(app->store, &app->actor, login, o->roles, &e) < 0)
			return cli_report(app, &e);
		fprintf(app->out, _("%s updated.\n"), login);
	} else {
		if (reviewer_remove(app->store, &app->actor, login, &e) < 0)
			return cli_report(app, &e);
		fprintf(app->out, _("%s removed from the roster.\n"), login);
	}
	return 0;
}

int cmd_reviewer(struct app *app, int argc, char **argv)
{
	static const struct option longs[] = {
		{"name", required_argument, NULL, 'n'}, {"org", required_argument, NULL, 'o'},
		{"email", required_argument, NULL, 'e'}, {"role", required_argument, NULL, 'r'},
		{"all", no_argument, NULL, 'a'}, {"help", no_argument, NULL, 'h'}, {0}
	};
	/* Options may come before or after the action and login. */
	static const struct cli_spec spec = {"reviewer", "n:o:e:r:ah", longs, N_("Actions:\n"
		"  add LOGIN --name NAME [--org ORG] [--email MAIL] --role R[,R...]\n"
		"  list [--all]                     (--all: removed reviewers too)\n"
		"  set-role LOGIN R[,R...]          replace the roles\n"
		"  remove LOGIN                     take off the roster (history keeps the name)\n"
		"Roles: instructeur, coordinateur, expert, lecteur, admin. LOGIN is the Unix account.\n"
		"Changing the roster is for admins.\n"), reviewer_opt};
	struct reviewer_opts o = {0};
	int rc = cli_parse(app, &spec, argc, argv, &o);
	if (rc >= 0)
		return rc;
	const char *action = cli_arg(argc, argv);
	if (!action)
		return cli_usage_error(app, "reviewer", "%s", _("which action? add, list, set-role or remove"));
	if (strcmp(action, "list") == 0) {
		struct perr e = {0};
		if (reviewer_list(app->store, o.all, reviewer_row, app, &e) < 0)
			return cli_report(app, &e);
		return 0;
	}
	if (strcmp(action, "add") && strcmp(action, "set-role") && strcmp(action, "remove"))
		return cli_usage_error(app, "reviewer", _("unknown action '%s'; use add, list, set-role or remove"), action);
	const char *login = cli_arg(argc, argv);
	if (!login)
		return cli_usage_error(app, "reviewer", _("'%s' needs a login"), action);
	return reviewer_change(app, action, login, &o, argc, argv);
}
