/* cmd_reviewer.c - 'ptce reviewer': list the roster, add a reviewer, replace
 * their roles or take them off it (changes are for admins: procedure/actor.c
 * checks). */
#include <getopt.h>
#include <stddef.h>
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
	text_pad(f, r->email && *r->email ? r->email : "—", 30);
	fputc(' ', f);
	fputs(roles_format(r->roles, roles, sizeof roles), f);
	if (!r->active)
		fprintf(f, " (%s)", _("removed"));
	fputc('\n', f);
	return 0;
}

/* --role R[,R...] */
static int reviewer_roles(struct app *app, int key, char *arg, void *ctx)
{
	(void)key;
	return parse_roles(app, arg, &((struct reviewer_opts *)ctx)->roles) < 0 ? 2 : 0;
}

/* Options may come before or after the action and login. */
static const struct cli_opt reviewer_options[] = {
	{"name", 'n', CLI_TEXT, offsetof(struct reviewer_opts, name), 0},
	{"org", 'o', CLI_TEXT, offsetof(struct reviewer_opts, org), 0},
	{"email", 'e', CLI_TEXT, offsetof(struct reviewer_opts, email), 0},
	{"role", 'r', CLI_CHECK, 0, 0},
	{"all", 'a', CLI_FLAG, offsetof(struct reviewer_opts, all), 1},
	{0}
};
static const struct cli_spec reviewer_spec = {"reviewer", "n:o:e:r:ah", reviewer_options, reviewer_roles};

static int reviewer_show(struct app *app, const char *action, void *ctx, int argc, char **argv)
{
	struct perr e = {0};
	(void)action;
	(void)argc;
	(void)argv;
	if (reviewer_list(app->store, ((struct reviewer_opts *)ctx)->all, reviewer_row, app, &e) < 0)
		return cli_report(app, &e);
	return 0;
}

/* The roles of an active reviewer, for set-email (0: none such). */
struct roles_of {
	const char *login;
	unsigned roles;
};

static int find_roles(const struct reviewer *r, void *arg)
{
	struct roles_of *w = arg;
	if (r->active && strcmp(r->login, w->login) == 0)
		w->roles = r->roles;
	return 0;
}

/* set-email LOGIN MAIL: the address by which an import recognises them. */
static int reviewer_email(struct app *app, const char *login, int argc, char **argv)
{
	struct perr e = {0};
	const char *mail = optind < argc ? argv[optind++] : NULL;
	if (!mail || cli_end(app, "reviewer", argc, argv))
		return mail ? 2 : cli_usage_error(app, "reviewer", "%s", _("set-email needs a login and an e-mail address"));
	const char *at = strchr(mail, '@');
	if (!at || at == mail || !strchr(at, '.') || strpbrk(mail, " \t,;"))
		return cli_usage_error(app, "reviewer", _("'%s' is not an e-mail address"), mail);
	struct roles_of w = {login, 0};
	if (reviewer_list(app->store, 0, find_roles, &w, &e) < 0)
		return cli_report(app, &e);
	if (!w.roles) {
		perr_set(&e, P_NOTFOUND, _("'%s' is not an active reviewer; 'ptce reviewer list' shows them."), login);
		return cli_report(app, &e);
	}
	if (reviewer_add(app->store, &app->actor, login, NULL, NULL, mail, w.roles, &e) < 0)
		return cli_report(app, &e);
	fprintf(app->out, _("%s updated.\n"), login);
	return 0;
}

/* add, set-role, set-email or remove the login that follows. */
static int reviewer_change(struct app *app, const char *action, void *ctx, int argc, char **argv)
{
	struct reviewer_opts *o = ctx;
	struct perr e = {0};
	const char *login = cli_arg(argc, argv);
	if (!login)
		return cli_usage_error(app, "reviewer", _("'%s' needs a login"), action);
	if (strcmp(action, "add") == 0) {
		if (cli_end(app, "reviewer", argc, argv))
			return 2;
		if (!o->roles)
			return cli_usage_error(app, "reviewer", "%s", _("add needs --role (instructeur, coordinateur, expert, lecteur, admin)"));
		if (reviewer_add(app->store, &app->actor, login, o->name, o->org, o->email, o->roles, &e) < 0)
			return cli_report(app, &e);
		fprintf(app->out, _("%s added.\n"), login);
	} else if (strcmp(action, "set-email") == 0) {
		return reviewer_email(app, login, argc, argv);
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
	static const struct cli_action actions[] = {
		{"add", reviewer_change}, {"list", reviewer_show}, {"set-role", reviewer_change},
		{"set-email", reviewer_change}, {"remove", reviewer_change}, {0}
	};
	struct reviewer_opts o = {0};
	const char *action = NULL;
	int rc = cli_parse_action(app, &reviewer_spec, actions, N_("which action? add, list, set-role, set-email or remove"),
				  argc, argv, &o, &action);
	if (rc == -1)
		return cli_usage_error(app, "reviewer", _("unknown action '%s'; use add, list, set-role, set-email or remove"), action);
	return rc;
}
