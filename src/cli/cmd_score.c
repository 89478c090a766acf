/* cmd_score.c - 'ptce score': answers given as CRIT=VALUE and comments as
 * --comment CRIT=TEXT are saved at once (then submitted with --submit);
 * --reopen makes a submitted review a draft again; without answers the
 * review is shown (or started). --edit hands over to score_edit.c. */
#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "cli/cli.h"
#include "cli/cmd_score.h"
#include "cli/score_edit.h"
#include "cli/score_print.h"
#include "review/review.h"

struct score_opts {
	const char *grid, *from;
	int submit, reopen, edit;
	long long revision;	/* 0: any */
	char **comments;	/* CRIT=TEXT, as given */
	size_t nc;
};

/* --comment (repeatable) and --revision */
static int score_check(struct app *app, int key, char *arg, void *ctx)
{
	struct score_opts *o = ctx;
	char *end;
	if (key == 'c') {
		o->comments = xrealloc(o->comments, (o->nc + 1) * sizeof *o->comments);
		o->comments[o->nc++] = arg;
		return 0;
	}
	o->revision = strtoll(arg, &end, 10);
	if (*end || o->revision <= 0)
		return cli_usage_error(app, "score", _("--revision takes a positive number, not '%s'"), arg);
	return 0;
}

static const struct cli_opt score_options[] = {
	{"grid", 'g', CLI_TEXT, offsetof(struct score_opts, grid), 0},
	{"comment", 'c', CLI_CHECK, 0, 0},
	{"submit", 's', CLI_FLAG, offsetof(struct score_opts, submit), 1},
	{"reopen", 'R', CLI_FLAG, offsetof(struct score_opts, reopen), 1},
	{"edit", 'e', CLI_FLAG, offsetof(struct score_opts, edit), 1},
	{"from", 'f', CLI_TEXT, offsetof(struct score_opts, from), 0},
	{"revision", 'r', CLI_CHECK, 0, 0},
	{0}
};
static const struct cli_spec score_spec = {"score", "g:c:sReh", score_options, score_check};

/* The answers (operands CRIT=VALUE) and comments (CRIT=TEXT) as inputs,
 * one per criterion: 0, or 2 after a usage error. *in is the caller's. */
static int score_inputs(struct app *app, const struct score_opts *o, int argc, char **argv,
			struct review_input **in, size_t *n)
{
	struct review_input *v = *in = xcalloc((size_t)(argc - optind) + o->nc + 1, sizeof *v);
	*n = 0;
	for (int i = optind; i < argc; i++) {
		char *eq = strchr(argv[i], '=');
		if (!eq || eq == argv[i])
			return cli_usage_error(app, "score", _("'%s' is not CRIT=VALUE (e.g. A=3 or R1=yes)"), argv[i]);
		*eq = '\0';
		v[*n].criterion = argv[i];
		v[(*n)++].value = eq + 1;
	}
	for (size_t i = 0; i < o->nc; i++) {
		char *eq = strchr(o->comments[i], '=');
		if (!eq || eq == o->comments[i])
			return cli_usage_error(app, "score", _("--comment '%s' is not CRIT=TEXT"), o->comments[i]);
		*eq = '\0';
		size_t k = 0;
		while (k < *n && strcmp(v[k].criterion, o->comments[i]) != 0)
			k++;
		if (k == *n)
			v[(*n)++].criterion = o->comments[i];
		v[k].comment = eq + 1;
	}
	return 0;
}

/* Make the submitted review before a draft again; *revision is the one to
 * check (0: before's), then the new one. */
static int score_reopen(struct app *app, const char *ref, const struct checklist *g,
			const struct review *before, long long *revision)
{
	struct perr e = {0};
	if (!before || !before->submitted) {
		perr_set(&e, before ? P_INVALID : P_NOTFOUND, before
			 ? _("your review of dossier %s on grid %s is a draft already; nothing to reopen.")
			 : _("you have no review of dossier %s on grid %s to reopen."), ref, g->id);
		return cli_report(app, &e);
	}
	long long rv = *revision ? *revision : before->revision;
	if (review_reopen(app->store, &app->actor, before->id, NULL, &rv, &e) < 0)
		return cli_report(app, &e);
	*revision = rv;
	fprintf(app->out, _("Review of dossier %s on grid %s reopened as a draft.\n"), ref, g->id);
	return 0;
}

/* No answer given: show the review on its own grid version, or start it. */
static int score_show(struct app *app, long long id, const char *ref, const struct checklist *g,
		      const struct review *before)
{
	struct perr e = {0};
	if (!before) {
		struct review *r = NULL;
		if (review_open(app->store, &app->actor, id, g, NULL, &r, &e) < 0)
			return cli_report(app, &e);
		review_free(&r);
		fprintf(app->out, _("Review of dossier %s on grid %s started as a draft; give answers as CRIT=VALUE.\n"), ref, g->id);
		return 0;
	}
	const struct checklist *vg;
	struct checklist *own;
	score_review_grid(app, before, g, &vg, &own, &e);
	score_print_review(app, vg, before);
	checklist_free(&own);
	return 0;
}

/* Save the inputs (and submit), then print what changed and the summary. */
static int score_write(struct app *app, long long id, const char *ref, const struct checklist *g,
		       const struct review_input *in, size_t n, int submit, long long revision,
		       const struct review *before)
{
	struct perr e = {0};
	struct review *after = NULL;
	int wr = review_write(app->store, &app->actor, id, g, in, n, submit, NULL, &revision, &after, &e);
	if (wr < 0 && !after)
		return cli_report(app, &e);
	if (after) {
		const struct checklist *vg;
		struct checklist *own;
		score_review_grid(app, after, g, &vg, &own, &e);
		score_print_changes(app->out, vg, before, after);
		score_print_summary(app, ref, vg, after);
		checklist_free(&own);
		review_free(&after);
	}
	return wr < 0 ? cli_report(app, &e) : 0;
}

static int score_answers(struct app *app, const struct score_opts *o, long long id, const char *ref,
			 const struct checklist *g, const struct review_input *in, size_t n)
{
	struct perr e = {0};
	struct review *before = NULL;
	long long revision = o->revision;
	int rc = 0;
	if (review_find(app->store, id, app->actor.login, g->id, &before, &e) < 0)
		return cli_report(app, &e);
	score_note_version(app, before, g);
	if (o->reopen)
		rc = score_reopen(app, ref, g, before, &revision);
	if (rc == 0 && (n || o->submit))
		rc = score_write(app, id, ref, g, in, n, o->submit, revision, before);
	else if (rc == 0 && !o->reopen)
		rc = score_show(app, id, ref, g, before);
	review_free(&before);
	return rc;
}

static int score_run(struct app *app, const struct score_opts *o, int argc, char **argv)
{
	const char *ref = cli_arg(argc, argv);
	long long id;
	int rc;
	if (!o->grid)
		return cli_usage_error(app, "score", "%s", _("which grid? add --grid phase1 or --grid phase2"));
	if (o->from && !o->edit)
		return cli_usage_error(app, "score", "%s", _("--from goes with --edit"));
	if ((rc = cli_dossier(app, "score", ref, &id)) != 0)
		return rc;
	struct perr e = {0};
	struct checklist *g = NULL;
	if (grid_current(app->store, app->cfg.checklists_dir, o->grid, &g, &e) < 0)
		return cli_report(app, &e);
	if (o->edit && (optind < argc || o->nc || o->submit || o->reopen))
		rc = cli_usage_error(app, "score", "%s", _("--edit takes no answers, comments, --submit or --reopen: put them in the form"));
	else if (o->edit && app->interactive && !o->from)
		rc = cli_usage_error(app, "score", "%s", _("the form editor needs the terminal: in the interface, use the scoring panel; or run 'ptce score --edit' from a shell"));
	else if (o->edit)
		rc = score_edit(app, id, ref, g, o->from);
	else {
		struct review_input *in = NULL;
		size_t n = 0;
		rc = score_inputs(app, o, argc, argv, &in, &n);
		if (rc == 0)
			rc = score_answers(app, o, id, ref, g, in, n);
		free(in);
	}
	checklist_free(&g);
	return rc;
}

int cmd_score(struct app *app, int argc, char **argv)
{
	struct score_opts o = {0};
	int rc = cli_parse(app, &score_spec, argc, argv, &o);
	if (rc < 0)
		rc = score_run(app, &o, argc, argv);
	free(o.comments);
	return rc;
}
