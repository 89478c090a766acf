/* cmd_review.c - the command line of reviews: score, scores, conflict,
 * opinion, ranking, checklist and campaign. Output to app->out only. */
#include <csv.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/geo.h"
#include "base/i18n.h"
#include "base/text.h"
#include "cli/app.h"
#include "cli/cli.h"
#include "cli/cmd_review.h"
#include "procedure/access.h"
#include "procedure/dossier.h"
#include "procedure/procedure.h"
#include "review/aggregate.h"
#include "review/checklist.h"
#include "review/review.h"

/* "500 000" */
static char *eur(long long v, char buf[static 32])
{
	char digits[32];
	snprintf(digits, sizeof digits, "%lld", v < 0 ? -v : v);
	size_t n = strlen(digits), j = 0;
	if (v < 0)
		buf[j++] = '-';
	for (size_t i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			buf[j++] = ' ';
		buf[j++] = digits[i];
	}
	buf[j] = '\0';
	return buf;
}

static int report(struct app *app, struct perr *e)
{
	return cli_report(app, e);
}

static int dossier_ref(struct app *app, const char *cmd, const char *ref, long long *id)
{
	struct perr e = {0};
	if (!ref)
		return cli_usage_error(app, cmd, "%s", _("which dossier? give its number (ptce list shows them)"));
	if (dossier_find_id(app->store, ref, id, &e) < 0)
		return report(app, &e);
	if (access_require(app->store, &app->actor, *id, ref, &e) < 0)
		return report(app, &e);
	return 0;
}

/* ---- checklist ------------------------------------------------------- */

int cmd_checklist(struct app *app, int argc, char **argv)
{
	static const struct option longs[] = {{"help", no_argument, NULL, 'h'}, {0}};
	int c;
	optind = 0;
	while ((c = cli_next_opt(app, "checklist", argc, argv, "+h", longs)) != -1) {
		if (c == -2)
			return 2;
		if (c == 'h')
			return cli_help(app, "checklist", _("Subcommands:\n"
				"  check FILE...   validate grid files; each error names file:line:column\n"
				"                  (exit 0 when every file is valid, 1 otherwise)\n"
				"  show NAME|FILE  print a grid's criteria, rules and version hash\n"
				"A NAME is looked up as NAME.yaml in the checklists directory of the configuration.\n"
				"The format is described in ptce-checklist(5).\n"));
	}
	if (optind >= argc)
		return cli_usage_error(app, "checklist", "%s", _("expected 'check FILE...' or 'show NAME'"));
	const char *sub = argv[optind++];
	if (strcmp(sub, "check") == 0) {
		if (optind >= argc)
			return cli_usage_error(app, "checklist", "%s", _("check which file? e.g. ptce checklist check config/checklists/*.yaml"));
		int bad = 0;
		for (int i = optind; i < argc; i++) {
			struct perr e = {0};
			struct checklist *g = NULL;
			if (checklist_load_file(argv[i], &g, &e) < 0) {
				fprintf(app->err, "ptce: %s\n", e.msg);
				bad = 1;
				continue;
			}
			fprintf(app->out, P_("%s: ok (grid %s, phase %d, %zu criterion, %g points, version %s)\n",
					     "%s: ok (grid %s, phase %d, %zu criteria, %g points, version %s)\n", g->n_crit),
				argv[i], g->id, g->phase, g->n_crit, g->points_sum, g->hash);
			checklist_free(&g);
		}
		return bad ? 1 : 0;
	}
	if (strcmp(sub, "show") == 0) {
		if (optind >= argc)
			return cli_usage_error(app, "checklist", "%s", _("show which grid? e.g. ptce checklist show phase2"));
		struct perr e = {0};
		struct checklist *g = NULL;
		if (checklist_load_named(app->cfg.checklists_dir, argv[optind], &g, &e) < 0)
			return report(app, &e);
		fprintf(app->out, "%s - ", g->id);
		text_put(app->out, g->title);
		fprintf(app->out, _("\nphase %d, %d review(s) required, %s, version %s%s%s\n"), g->phase,
			g->reviews_required, g->blind ? _("blind") : _("not blind"), g->hash,
			g->version ? " / " : "", g->version ? g->version : "");
		int sec = -1;
		for (size_t i = 0; i < g->n_crit; i++) {
			const struct criterion *cr = &g->crit[i];
			if (cr->section != sec) {
				sec = cr->section;
				fputs("\n", app->out);
				text_put(app->out, g->sections[sec].title);
				fputs("\n", app->out);
			}
			char *acc = criterion_accepts(cr);
			fprintf(app->out, "  %-6s %-6s %-10s ", cr->id, crit_type_name(cr->type), acc);
			free(acc);
			text_put(app->out, cr->label);
			if (cr->points > 0)
				fprintf(app->out, _(" [%g points]"), cr->points);
			if (cr->blocking)
				fprintf(app->out, "%s", _(" [blocking]"));
			if (cr->eliminate_below >= 0)
				fprintf(app->out, _(" [eliminates under %g points]"), cr->eliminate_below);
			fputs("\n", app->out);
		}
		for (size_t i = 0; i < g->n_bands; i++) {
			fprintf(app->out, i ? ", " : _("\nBands: "));
			fprintf(app->out, "%s >= %g", g->bands[i].id, g->bands[i].min);
		}
		if (g->n_bands)
			fputs("\n", app->out);
		checklist_free(&g);
		return 0;
	}
	return cli_usage_error(app, "checklist", _("unknown subcommand '%s'; expected check or show"), sub);
}

/* ---- score ------------------------------------------------------------- */

/* Print one review: header, then each answer. */
static void print_review(struct app *app, const struct checklist *g, const struct review *r)
{
	FILE *f = app->out;
	fprintf(f, "%s (", r->reviewer);
	text_put(f, r->reviewer_name);
	fprintf(f, ") - %s %s, ", _("grid"), r->grid_id);
	fprintf(f, _("version %s"), r->grid_hash);
	if (r->submitted)
		fprintf(f, _(", submitted %s"), r->submitted_at ? r->submitted_at : "");
	else
		fprintf(f, _(", draft (updated %s)"), r->updated_at);
	fprintf(f, _(", revision %lld\n"), r->revision);
	if (g && g->points_sum > 0) {
		fprintf(f, _("  total %.2f / %g"), r->total, g->points_sum);
		const struct band *b = checklist_band_by_id(g, r->band);
		if (b) {
			fputs(", ", f);
			text_put(f, b->label);
		}
		if (r->eliminated_by)
			fprintf(f, _(", ELIMINATED (%s)"), r->eliminated_by);
		fputs("\n", f);
	}
	for (size_t i = 0; i < r->n_answers; i++) {
		const struct answer *a = &r->answers[i];
		const struct criterion *c = g ? checklist_find(g, a->criterion) : NULL;
		if (!a->value && !a->comment)
			continue;
		fprintf(f, "  %-6s ", a->criterion);
		if (c && c->type == CRIT_TEXT) {
			fputs("\n", f);
			char *t = text_clean(a->value ? a->value : "", TEXT_KEEP_NEWLINES);
			for (char *save = NULL, *l = strtok_r(t, "\n", &save); l; l = strtok_r(NULL, "\n", &save))
				fprintf(f, "         %s\n", l);
			free(t);
			continue;
		}
		char *lab = c ? criterion_value_label(c, a->value) : xstrdup(a->value ? a->value : "");
		text_put(f, a->value ? lab : "-");
		free(lab);
		if (c && c->type == CRIT_SCALE && c->points > 0 && a->value)
			fprintf(f, _("  (%.2f points)"), a->points);
		fputs("\n", f);
		if (a->comment) {
			char *t = text_clean(a->comment, TEXT_KEEP_NEWLINES);
			for (char *save = NULL, *l = strtok_r(t, "\n", &save); l; l = strtok_r(NULL, "\n", &save))
				fprintf(f, "         > %s\n", l);
			free(t);
		}
	}
}

/* Print what differs between two versions of a review. */
static int print_changes(FILE *f, const struct checklist *g, const struct review *before,
			 const struct review *after)
{
	int n = 0;
	for (size_t i = 0; i < g->n_crit; i++) {
		const char *id = g->crit[i].id;
		const struct answer *x = before ? review_answer(before, id) : NULL;
		const struct answer *y = after ? review_answer(after, id) : NULL;
		const char *xv = x ? x->value : NULL, *yv = y ? y->value : NULL;
		const char *xc = x ? x->comment : NULL, *yc = y ? y->comment : NULL;
		if ((xv || yv) && (!xv || !yv || strcmp(xv, yv) != 0)) {
			char *a = text_clean(xv ? xv : "-", 0), *b = text_clean(yv ? yv : "-", 0);
			if (g->crit[i].type == CRIT_TEXT)
				fprintf(f, _("  %s: text changed\n"), id);
			else
				fprintf(f, "  %s: %s -> %s\n", id, a, b);
			free(a);
			free(b);
			n++;
		}
		if ((xc || yc) && (!xc || !yc || strcmp(xc, yc) != 0)) {
			fprintf(f, !yc ? _("  %s: comment removed\n") : !xc ? _("  %s: comment added\n")
					: _("  %s: comment changed\n"), id);
			n++;
		}
	}
	return n;
}

/* Tell when the grid file differs from the version a review uses. */
static void note_version(struct app *app, const struct review *r, const struct checklist *g)
{
	if (r && g && strcmp(r->grid_hash, g->hash) != 0)
		fprintf(app->err, _("ptce: note: this review uses version %s of grid '%s'; the file %s has changed since (now version %s). The review keeps its version: its answers are checked and scored with it.\n"),
			r->grid_hash, r->grid_id, g->path, g->hash);
}

static void print_summary(struct app *app, const char *ds, const struct checklist *g,
			  const struct review *r)
{
	if (r->submitted)
		fprintf(app->out, _("Review of dossier %s on grid %s: submitted (revision %lld)"), ds, r->grid_id, r->revision);
	else
		fprintf(app->out, _("Review of dossier %s on grid %s: draft saved (revision %lld)"), ds, r->grid_id, r->revision);
	if (g && g->points_sum > 0) {
		fprintf(app->out, _(", total %.2f / %g"), r->total, g->points_sum);
		const struct band *b = checklist_band_by_id(g, r->band);
		if (b) {
			fputs(", ", app->out);
			text_put(app->out, b->label);
		}
		if (r->eliminated_by)
			fprintf(app->out, _(", eliminated by %s"), r->eliminated_by);
	}
	fputs(".\n", app->out);
}

/* Read a whole file; NULL with e set on failure. */
static char *slurp(const char *path, struct perr *e)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		perr_set(e, P_IO, _("%s: cannot read: %s"), path, strerror(errno));
		return NULL;
	}
	char *buf = NULL;
	size_t len = 0, cap = 0;
	for (;;) {
		if (len + 4096 + 1 > cap) {
			cap = cap ? cap * 2 : 8192;
			buf = xrealloc(buf, cap);
		}
		size_t n = fread(buf + len, 1, cap - len - 1, f);
		len += n;
		if (n == 0)
			break;
	}
	fclose(f);
	buf[len] = '\0';
	return buf;
}

static int run_editor(struct app *app, const char *path)
{
	const char *ed = getenv("VISUAL");
	if (!ed || !*ed)
		ed = getenv("EDITOR");
	if (!ed || !*ed)
		ed = "vi";
	fflush(app->out);
	fflush(app->err);
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		execl("/bin/sh", "sh", "-c", "exec $0 \"$1\"", ed, path, (char *)NULL);
		_exit(127);
	}
	int st;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : -1;
}

static int score_edit(struct app *app, long long id, const char *ref, const struct checklist *g,
		      const char *from)
{
	struct perr e = {0};
	struct review *r = NULL;
	struct dossier *d = NULL;
	if (review_open(app->store, &app->actor, id, g, NULL, &r, &e) < 0)
		return report(app, &e);
	note_version(app, r, g);
	const struct checklist *rg = g;
	struct checklist *vg = NULL;
	if (strcmp(r->grid_hash, g->hash) != 0) {
		if (grid_version_load(app->store, r->grid_version_id, &vg, &e) < 0) {
			review_free(&r);
			return report(app, &e);
		}
		rg = vg;
	}
	if (dossier_load(app->store, id, &d, &e) < 0) {
		review_free(&r);
		checklist_free(&vg);
		return report(app, &e);
	}
	char path[PATH_MAX];
	char *form = NULL;
	size_t form_len = 0;
	FILE *mf = open_memstream(&form, &form_len);
	review_form_write(mf, rg, r, d->f[DF_DS_NUMBER], d->f[DF_PTCE_NAME]);
	fclose(mf);
	int rc = 1, keep = 0;
	char *text = NULL, *buf = NULL;
	struct review_input *in = NULL;
	struct review *after = NULL;
	size_t n = 0;
	if (from) {
		snprintf(path, sizeof path, "%s", from);
		keep = 1;
	} else {
		const char *tmp = getenv("TMPDIR");
		snprintf(path, sizeof path, "%s/ptce-review-%s-XXXXXX.txt", tmp && *tmp ? tmp : "/tmp",
			 d->f[DF_DS_NUMBER] ? d->f[DF_DS_NUMBER] : "x");
		for (char *p = path + strlen(path) - 25; *p; p++)
			if (*p == '/' && p > path + strlen(tmp && *tmp ? tmp : "/tmp"))
				*p = '_';
		int fd = mkstemps(path, 4);
		FILE *tf = fd >= 0 ? fdopen(fd, "w") : NULL;
		if (!tf || fwrite(form, 1, form_len, tf) != form_len || fclose(tf) != 0) {
			perr_set(&e, P_IO, _("cannot write the form to %s: %s"), path, strerror(errno));
			rc = report(app, &e);
			goto out;
		}
		if (run_editor(app, path) < 0) {
			fprintf(app->err, _("ptce: the editor failed; nothing was saved. Your text is kept in %s.\n"), path);
			rc = 6;
			goto out;
		}
		keep = 1;
	}
	text = slurp(path, &e);
	if (!text) {
		rc = report(app, &e);
		goto out;
	}
	if (!from && strcmp(text, form) == 0) {
		fprintf(app->out, "%s", _("No change; nothing saved.\n"));
		unlink(path);
		keep = 0;
		rc = 0;
		goto out;
	}
	int submit = 0;
	if (review_form_parse(rg, text, &buf, &in, &n, &submit, &e) < 0) {
		fprintf(app->err, "ptce: %s:%s\n", path, e.msg + (strncmp(e.msg, "line ", 5) == 0 ? 5 : 0));
		fprintf(app->err, _("ptce: nothing was saved; your text is kept in %s. Fix it and run: ptce score --edit %s --grid %s --from %s\n"),
			path, ref, g->id, path);
		rc = 1;
		goto out;
	}
	long long rev = r->revision;
	int wr = review_write(app->store, &app->actor, id, g, in, n, submit, NULL, &rev, &after, &e);
	if (wr < 0 && !after) {
		rc = report(app, &e);
		fprintf(app->err, _("ptce: your text is kept in %s; run: ptce score --edit %s --grid %s --from %s\n"),
			path, ref, g->id, path);
		goto out;
	}
	if (after) {
		fprintf(app->out, "%s", _("Changes:\n"));
		if (print_changes(app->out, rg, r, after) == 0)
			fprintf(app->out, "%s", _("  none\n"));
		print_summary(app, ref, rg, after);
	}
	if (wr < 0) {
		rc = report(app, &e);
	} else {
		rc = 0;
		if (!from) {
			unlink(path);
			keep = 0;
		}
	}
out:
	if (keep && !from && rc != 0)
		(void)0;	/* the message above said where the text is */
	free(text);
	free(buf);
	free(in);
	free(form);
	review_free(&after);
	review_free(&r);
	dossier_free(&d);
	checklist_free(&vg);
	return rc;
}

int cmd_score(struct app *app, int argc, char **argv)
{
	static const struct option longs[] = {
		{"grid", required_argument, NULL, 'g'}, {"comment", required_argument, NULL, 'c'},
		{"submit", no_argument, NULL, 's'}, {"reopen", no_argument, NULL, 'R'},
		{"edit", no_argument, NULL, 'e'}, {"from", required_argument, NULL, 'f'},
		{"revision", required_argument, NULL, 'r'}, {"help", no_argument, NULL, 'h'}, {0}
	};
	const char *grid = NULL, *from = NULL;
	int submit = 0, reopen = 0, edit = 0, c;
	long long revision = 0;
	char **comments = NULL;
	size_t nc = 0;
	int rc = 0;
	optind = 0;
	while ((c = cli_next_opt(app, "score", argc, argv, "g:c:sReh", longs)) != -1) {
		switch (c) {
		case -2: free(comments); return 2;
		case 'h':
			free(comments);
			return cli_help(app, "score", _("Arguments and options:\n"
				"  CRIT=VALUE          an answer: a scale value (A=3), a gate (R1=yes|no|check),\n"
				"                      an option id, or a text; CRIT= clears it\n"
				"  --grid G            the grid: a name in the checklists directory (phase1,\n"
				"                      phase2) or a YAML file path\n"
				"  --comment CRIT=TEXT the comment of a criterion (repeatable)\n"
				"  --submit            submit once saved; what is missing is listed and the\n"
				"                      answers stay saved as a draft\n"
				"  --reopen            make your submitted review a draft again (while the\n"
				"                      dossier is still in the grid's phase)\n"
				"  --edit              write the review in $VISUAL/$EDITOR as a plain-text form\n"
				"  --from FILE         with --edit: read the form from FILE instead of an editor\n"
				"  --revision N        refuse if your review changed since revision N\n"
				"Every answer is saved at once; without answers, shows your review.\n"));
		case 'g': grid = optarg; break;
		case 'c':
			comments = xrealloc(comments, (nc + 1) * sizeof *comments);
			comments[nc++] = optarg;
			break;
		case 's': submit = 1; break;
		case 'R': reopen = 1; break;
		case 'e': edit = 1; break;
		case 'f': from = optarg; break;
		case 'r': {
			char *end;
			revision = strtoll(optarg, &end, 10);
			if (*end || revision <= 0) {
				free(comments);
				return cli_usage_error(app, "score", _("--revision takes a positive number, not '%s'"), optarg);
			}
			break;
		}
		}
	}
	struct perr e = {0};
	struct checklist *g = NULL;
	struct review *before = NULL, *after = NULL;
	struct review_input *in = NULL;
	size_t n = 0;
	long long id;
	const char *ref = optind < argc ? argv[optind++] : NULL;
	if (!grid) {
		free(comments);
		return cli_usage_error(app, "score", "%s", _("which grid? add --grid phase1 or --grid phase2"));
	}
	if (from && !edit) {
		free(comments);
		return cli_usage_error(app, "score", "%s", _("--from goes with --edit"));
	}
	if ((rc = dossier_ref(app, "score", ref, &id)) != 0) {
		free(comments);
		return rc;
	}
	if (checklist_load_named(app->cfg.checklists_dir, grid, &g, &e) < 0) {
		free(comments);
		return report(app, &e);
	}
	if (edit) {
		free(comments);
		if (optind < argc || nc || submit || reopen) {
			checklist_free(&g);
			return cli_usage_error(app, "score", "%s", _("--edit takes no answers, comments, --submit or --reopen: put them in the form"));
		}
		if (app->interactive && !from) {
			checklist_free(&g);
			return cli_usage_error(app, "score", "%s", _("the form editor needs the terminal: in the interface, use the scoring panel; or run 'ptce score --edit' from a shell"));
		}
		rc = score_edit(app, id, ref, g, from);
		checklist_free(&g);
		return rc;
	}
	/* Answers and comments, merged per criterion. */
	in = xcalloc((size_t)(argc - optind) + nc + 1, sizeof *in);
	for (int i = optind; i < argc; i++) {
		char *eq = strchr(argv[i], '=');
		if (!eq || eq == argv[i]) {
			rc = cli_usage_error(app, "score", _("'%s' is not CRIT=VALUE (e.g. A=3 or R1=yes)"), argv[i]);
			goto out;
		}
		*eq = '\0';
		in[n].criterion = argv[i];
		in[n].value = eq + 1;
		n++;
	}
	for (size_t i = 0; i < nc; i++) {
		char *eq = strchr(comments[i], '=');
		if (!eq || eq == comments[i]) {
			rc = cli_usage_error(app, "score", _("--comment '%s' is not CRIT=TEXT"), comments[i]);
			goto out;
		}
		*eq = '\0';
		size_t k;
		for (k = 0; k < n; k++)
			if (strcmp(in[k].criterion, comments[i]) == 0)
				break;
		if (k == n) {
			in[n].criterion = comments[i];
			n++;
		}
		in[k].comment = eq + 1;
	}
	if (review_find(app->store, id, app->actor.login, g->id, &before, &e) < 0) {
		rc = report(app, &e);
		goto out;
	}
	note_version(app, before, g);
	if (reopen) {
		if (!before || !before->submitted) {
			perr_set(&e, before ? P_INVALID : P_NOTFOUND, before
				 ? _("your review of dossier %s on grid %s is a draft already; nothing to reopen.")
				 : _("you have no review of dossier %s on grid %s to reopen."), ref, g->id);
			rc = report(app, &e);
			goto out;
		}
		long long rv = revision ? revision : before->revision;
		if (review_reopen(app->store, &app->actor, before->id, NULL, &rv, &e) < 0) {
			rc = report(app, &e);
			goto out;
		}
		revision = rv;
		fprintf(app->out, _("Review of dossier %s on grid %s reopened as a draft.\n"), ref, g->id);
	}
	if (n == 0 && !submit) {
		if (reopen)
			goto out;
		if (!before) {
			if (review_open(app->store, &app->actor, id, g, NULL, &after, &e) < 0) {
				rc = report(app, &e);
				goto out;
			}
			fprintf(app->out, _("Review of dossier %s on grid %s started as a draft; give answers as CRIT=VALUE.\n"), ref, g->id);
			goto out;
		}
		const struct checklist *vg = g;
		struct checklist *own = NULL;
		if (strcmp(before->grid_hash, g->hash) != 0 &&
		    grid_version_load(app->store, before->grid_version_id, &own, &e) == 0)
			vg = own;
		print_review(app, vg, before);
		checklist_free(&own);
		goto out;
	}
	long long rev = revision;
	int wr = review_write(app->store, &app->actor, id, g, in, n, submit, NULL, &rev, &after, &e);
	if (wr < 0 && !after) {
		rc = report(app, &e);
		goto out;
	}
	{
		struct checklist *own = NULL;
		const struct checklist *vg = g;
		if (after && strcmp(after->grid_hash, g->hash) != 0 &&
		    grid_version_load(app->store, after->grid_version_id, &own, &e) == 0)
			vg = own;
		if (after) {
			print_changes(app->out, vg, before, after);
			print_summary(app, ref, vg, after);
		}
		checklist_free(&own);
	}
	if (wr < 0)
		rc = report(app, &e);
out:
	free(in);
	free(comments);
	review_free(&before);
	review_free(&after);
	checklist_free(&g);
	return rc;
}

/* ---- scores ------------------------------------------------------------ */

static void print_aggregate(struct app *app, const struct checklist *g, const struct aggregate *ag)
{
	FILE *f = app->out;
	fprintf(f, _("Aggregate on grid %s: %d of %d required review(s) submitted"), g->id,
		ag->n_submitted, ag->required);
	if (ag->n_draft)
		fprintf(f, P_(", %d draft", ", %d drafts", ag->n_draft), ag->n_draft);
	fputs("\n", f);
	if (ag->n_submitted == 0)
		return;
	int any_scale = 0;
	for (size_t i = 0; i < ag->n_crit; i++)
		any_scale |= ag->crit[i].c->type == CRIT_SCALE;
	if (any_scale)
		fprintf(f, "  %-8s %3s %6s %4s %4s %6s %8s\n", _("crit."), "n", _("mean"), _("min"), _("max"),
			_("sd"), _("points"));
	for (size_t i = 0; i < ag->n_crit; i++) {
		const struct crit_stats *cs = &ag->crit[i];
		if (cs->c->type == CRIT_SCALE)
			fprintf(f, "  %-8s %3d %6.2f %4g %4g %6.2f %8.2f%s\n", cs->c->id, cs->n, cs->mean,
				cs->min, cs->max, cs->sd, cs->mean_points, cs->divergent ? _("  DIVERGENT") : "");
		else if (cs->c->type == CRIT_GATE)
			fprintf(f, _("  %-8s yes %d, no %d, to check %d%s%s\n"), cs->c->id, cs->yes, cs->no, cs->check,
				cs->c->blocking ? _(" (blocking)") : "", cs->divergent ? _("  DIVERGENT") : "");
	}
	if (ag->has_total) {
		fprintf(f, _("  mean total %.2f / %g (min %.2f, max %.2f)"), ag->mean_total, g->points_sum,
			ag->min_total, ag->max_total);
		if (ag->band) {
			fputs(", ", f);
			text_put(f, ag->band->label);
		}
		fputs("\n", f);
	}
	if (ag->eliminated)
		fprintf(f, _("  ELIMINATED: the mean points of %s are under the grid's threshold\n"), ag->eliminated_by);
	if (!ag->gates_met)
		fprintf(f, _("  blocking gates NOT met: %s\n"), ag->gates_failed);
	else if (g->n_crit && ag->n_submitted)
		for (size_t i = 0; i < ag->n_crit; i++)
			if (ag->crit[i].c->blocking) {
				fprintf(f, "%s", ag->gates_to_check ? _("  blocking gates met, some still to check\n")
						 : _("  blocking gates met\n"));
				break;
			}
	if (ag->divergent)
		fprintf(f, _("  DIVERGENT reviews on: %s\n"), ag->divergent_on);
}

int cmd_scores(struct app *app, int argc, char **argv)
{
	static const struct option longs[] = {
		{"grid", required_argument, NULL, 'g'}, {"help", no_argument, NULL, 'h'}, {0}
	};
	const char *grid = NULL;
	int c;
	optind = 0;
	while ((c = cli_next_opt(app, "scores", argc, argv, "g:h", longs)) != -1) {
		switch (c) {
		case -2: return 2;
		case 'h':
			return cli_help(app, "scores", _("Options:\n"
				"  --grid G   only the reviews on grid G\n"
				"Shows each review you may see (yours first), which grid version it used, the\n"
				"aggregate per criterion (n, mean, min, max, population standard deviation),\n"
				"the mean total and band, divergence, blocking gates, and expert opinions.\n"
				"On a blind grid the others' reviews appear once yours is submitted.\n"));
		case 'g': grid = optarg; break;
		}
	}
	long long id;
	const char *ref = optind < argc ? argv[optind++] : NULL;
	int rc = dossier_ref(app, "scores", ref, &id);
	if (rc)
		return rc;
	if (optind < argc)
		return cli_usage_error(app, "scores", _("unexpected argument '%s'"), argv[optind]);
	struct perr e = {0};
	const char *grid_id = NULL;
	struct checklist *named = NULL;
	if (grid) {
		if (checklist_load_named(app->cfg.checklists_dir, grid, &named, &e) < 0)
			return report(app, &e);
		grid_id = named->id;
	}
	struct review **list = NULL;
	size_t n = 0;
	int hidden = 0;
	enum review_visibility vis;
	char *why = NULL;
	if (review_visibility(app->store, &app->actor, id, grid_id, &vis, &why, &e) < 0 ||
	    review_list_visible(app->store, &app->actor, id, grid_id, &list, &n, &hidden, &e) < 0) {
		free(why);
		checklist_free(&named);
		return report(app, &e);
	}
	FILE *f = app->out;
	fprintf(f, _("Reviews of dossier %s\n"), ref);
	if (n == 0)
		fprintf(f, "%s", _("  none you may see\n"));
	/* Each grid once: its file on disk may have changed since. */
	char **checked = xcalloc(n + 1, sizeof *checked);
	size_t nchk = 0;
	for (size_t i = 0; i < n; i++) {
		struct checklist *vg = NULL;
		struct perr ge = {0};
		grid_version_load(app->store, list[i]->grid_version_id, &vg, &ge);
		fputs("\n", f);
		print_review(app, vg, list[i]);
		checklist_free(&vg);
		int seen = 0;
		for (size_t k = 0; k < nchk; k++)
			seen |= strcmp(checked[k], list[i]->grid_id) == 0;
		if (!seen) {
			checked[nchk++] = list[i]->grid_id;
			struct checklist *disk = NULL;
			if (checklist_load_named(app->cfg.checklists_dir, list[i]->grid_id, &disk, &ge) == 0) {
				for (size_t k = 0; k < n; k++)
					if (strcmp(list[k]->grid_id, disk->id) == 0 && strcmp(list[k]->grid_hash, disk->hash) != 0) {
						fprintf(f, _("  note: grid file %s has changed (now version %s); reviews keep the version they were given on\n"),
							disk->path, disk->hash);
						break;
					}
				checklist_free(&disk);
			}
		}
	}
	free(checked);
	if (hidden)
		fprintf(f, P_("\n%d other submitted review is hidden: %s.\n",
			      "\n%d other submitted reviews are hidden: %s.\n", hidden),
			hidden, why ? why : _("you may not see it"));
	else if (vis == VIS_NONE && why)
		fprintf(f, "\n%s.\n", why);
	if (vis == VIS_ALL || vis == VIS_SUBMITTED) {
		for (int phase = 1; phase <= 2; phase++) {
			struct checklist *g = NULL;
			struct aggregate ag;
			if (aggregate_dossier(app->store, id, phase, &g, &ag, &e) < 0) {
				review_list_free(&list, n);
				free(why);
				checklist_free(&named);
				return report(app, &e);
			}
			if (g && (!grid_id || strcmp(g->id, grid_id) == 0)) {
				fputs("\n", f);
				print_aggregate(app, g, &ag);
			}
			aggregate_done(&ag);
			checklist_free(&g);
		}
	}
	/* Conflicts (coordinateurs) and opinions. */
	if (actor_has(&app->actor, ROLE_COORDINATEUR)) {
		struct conflict *cf = NULL;
		size_t ncf = 0;
		if (conflict_list(app->store, id, &cf, &ncf, &e) == 0)
			for (size_t i = 0; i < ncf; i++) {
				fprintf(f, _("%sConflict of interest: %s (declared by %s on %s): "), i ? "" : "\n",
					cf[i].reviewer, cf[i].declared_by, cf[i].declared_at);
				text_put(f, cf[i].reason);
				fputs("\n", f);
			}
		conflict_list_free(&cf, ncf);
	}
	struct opinion *op = NULL;
	size_t nop = 0;
	if (opinion_list(app->store, &app->actor, id, 0, &op, &nop, &e) == 0) {
		for (size_t i = 0; i < nop; i++) {
			fprintf(f, _("%sOpinion %lld of %s: "), i ? "" : "\n", op[i].id, op[i].expert);
			if (op[i].answered) {
				fprintf(f, "%s (%s)\n    ", op[i].favourable ? _("favourable") : _("défavorable"), op[i].answered_at);
				text_put(f, op[i].answer);
				fputs("\n", f);
			} else {
				fprintf(f, P_("pending for %d day\n", "pending for %d days\n", op[i].age_days), op[i].age_days);
			}
		}
	}
	opinion_list_free(&op, nop);
	review_list_free(&list, n);
	free(why);
	checklist_free(&named);
	return 0;
}

/* ---- conflict ------------------------------------------------------------ */

int cmd_conflict(struct app *app, int argc, char **argv)
{
	static const struct option longs[] = {
		{"reason", required_argument, NULL, 'r'}, {"reviewer", required_argument, NULL, 'u'},
		{"help", no_argument, NULL, 'h'}, {0}
	};
	const char *reason = NULL, *who = NULL;
	int c;
	optind = 0;
	while ((c = cli_next_opt(app, "conflict", argc, argv, "r:u:h", longs)) != -1) {
		switch (c) {
		case -2: return 2;
		case 'h':
			return cli_help(app, "conflict", _("Options:\n"
				"  --reason TEXT     why (required)\n"
				"  --reviewer LOGIN  declare it for someone else (coordinateur)\n"
				"A reviewer in conflict may not review the dossier and sees none of its reviews.\n"));
		case 'r': reason = optarg; break;
		case 'u': who = optarg; break;
		}
	}
	long long id;
	const char *ref = optind < argc ? argv[optind++] : NULL;
	int rc = dossier_ref(app, "conflict", ref, &id);
	if (rc)
		return rc;
	if (optind < argc)
		return cli_usage_error(app, "conflict", _("unexpected argument '%s' (quote the reason: --reason \"...\")"), argv[optind]);
	if (!reason || !*reason)
		return cli_usage_error(app, "conflict", "%s", _("a conflict of interest needs --reason \"...\""));
	struct perr e = {0};
	if (conflict_declare(app->store, &app->actor, id, who, reason, NULL, &e) < 0)
		return report(app, &e);
	fprintf(app->out, _("Conflict of interest recorded: %s on dossier %s.\n"), who ? who : app->actor.login, ref);
	return 0;
}

/* ---- opinion ------------------------------------------------------------- */

int cmd_opinion(struct app *app, int argc, char **argv)
{
	static const struct option longs[] = {
		{"expert", required_argument, NULL, 'x'}, {"question", required_argument, NULL, 'q'},
		{"favourable", no_argument, NULL, 'F'}, {"favorable", no_argument, NULL, 'F'},
		{"defavourable", no_argument, NULL, 'D'}, {"defavorable", no_argument, NULL, 'D'},
		{"unfavourable", no_argument, NULL, 'D'},
		{"text", required_argument, NULL, 't'}, {"pending", no_argument, NULL, 'p'},
		{"help", no_argument, NULL, 'h'}, {0}
	};
	const char *expert = NULL, *question = NULL, *text = NULL;
	int verdict = -1, pending = 0, c;
	optind = 0;
	while ((c = cli_next_opt(app, "opinion", argc, argv, "x:q:FDt:ph", longs)) != -1) {
		switch (c) {
		case -2: return 2;
		case 'h':
			return cli_help(app, "opinion", _("Subcommands:\n"
				"  ask ID --expert LOGIN --question TEXT      a coordinateur asks an expert\n"
				"  answer N --favourable|--defavourable --text TEXT\n"
				"                                             the expert answers request N\n"
				"  list [ID] [--pending]                      requests you may see, with the age\n"
				"                                             of unanswered ones\n"
				"An expert sees only the dossiers they were asked about.\n"));
		case 'x': expert = optarg; break;
		case 'q': question = optarg; break;
		case 'F': verdict = 1; break;
		case 'D': verdict = 0; break;
		case 't': text = optarg; break;
		case 'p': pending = 1; break;
		}
	}
	if (optind >= argc)
		return cli_usage_error(app, "opinion", "%s", _("expected ask, answer or list"));
	const char *sub = argv[optind++];
	struct perr e = {0};
	if (strcmp(sub, "ask") == 0) {
		long long id, oid = 0;
		const char *ref = optind < argc ? argv[optind++] : NULL;
		int rc = dossier_ref(app, "opinion", ref, &id);
		if (rc)
			return rc;
		if (!expert || !question)
			return cli_usage_error(app, "opinion", "%s", _("ask needs --expert LOGIN and --question TEXT"));
		if (opinion_ask(app->store, &app->actor, id, expert, question, NULL, &oid, &e) < 0)
			return report(app, &e);
		fprintf(app->out, _("Opinion request %lld sent to %s on dossier %s.\n"), oid, expert, ref);
		return 0;
	}
	if (strcmp(sub, "answer") == 0) {
		if (optind >= argc)
			return cli_usage_error(app, "opinion", "%s", _("answer which request? give its number (ptce opinion list)"));
		char *end;
		long long n = strtoll(argv[optind], &end, 10);
		if (*end || n <= 0)
			return cli_usage_error(app, "opinion", _("'%s' is not a request number"), argv[optind]);
		if (verdict < 0)
			return cli_usage_error(app, "opinion", "%s", _("say --favourable or --defavourable"));
		if (!text)
			return cli_usage_error(app, "opinion", "%s", _("an opinion needs --text \"...\""));
		if (opinion_answer(app->store, &app->actor, n, verdict, text, NULL, &e) < 0)
			return report(app, &e);
		fprintf(app->out, _("Opinion %lld recorded: %s.\n"), n, verdict ? _("favourable") : _("défavorable"));
		return 0;
	}
	if (strcmp(sub, "list") == 0) {
		long long id = 0;
		if (optind < argc) {
			int rc = dossier_ref(app, "opinion", argv[optind++], &id);
			if (rc)
				return rc;
		}
		struct opinion *op = NULL;
		size_t n = 0;
		if (opinion_list(app->store, &app->actor, id, pending, &op, &n, &e) < 0)
			return report(app, &e);
		if (n == 0)
			fprintf(app->out, "%s", pending ? _("No opinion request is waiting.\n") : _("No opinion request.\n"));
		for (size_t i = 0; i < n; i++) {
			fprintf(app->out, "%-4lld %-10s %-12s ", op[i].id, op[i].ds_number, op[i].expert);
			if (op[i].answered)
				fprintf(app->out, "%-12s ", op[i].favourable ? _("favourable") : _("défavorable"));
			else
				fprintf(app->out, P_("pending %3d day  ", "pending %3d days ", op[i].age_days), op[i].age_days);
			text_pad(app->out, op[i].ptce_name, 28);
			fputs("\n     Q: ", app->out);
			text_put(app->out, op[i].question);
			fputs("\n", app->out);
			if (op[i].answered) {
				fputs("     A: ", app->out);
				text_put(app->out, op[i].answer);
				fputs("\n", app->out);
			}
		}
		opinion_list_free(&op, n);
		return 0;
	}
	return cli_usage_error(app, "opinion", _("unknown subcommand '%s'; expected ask, answer or list"), sub);
}

/* ---- ranking --------------------------------------------------------------- */

static void csv_field(FILE *f, const char *s, int last)
{
	char *clean = text_clean(s ? s : "", 0);
	csv_fwrite(f, clean, strlen(clean));
	free(clean);
	fputc(last ? '\n' : ',', f);
}

int cmd_ranking(struct app *app, int argc, char **argv)
{
	static const struct option longs[] = {
		{"phase", required_argument, NULL, 'p'}, {"region", required_argument, NULL, 'r'},
		{"format", required_argument, NULL, 'f'}, {"help", no_argument, NULL, 'h'}, {0}
	};
	int phase = 0, csv = 0, c;
	const char *region = NULL;
	optind = 0;
	while ((c = cli_next_opt(app, "ranking", argc, argv, "p:r:f:h", longs)) != -1) {
		switch (c) {
		case -2: return 2;
		case 'h':
			return cli_help(app, "ranking", _("Options:\n"
				"  --phase 1|2          which phase (required); phase 1 ranks dossiers in states\n"
				"                       submitted and phase1, phase 2 those in phase2 and funded\n"
				"  --region CODE        one région (INSEE code, e.g. 44 for Grand Est)\n"
				"  --format table|csv   csv is for the national cell (UTF-8, comma, header line)\n"
				"Order: not eliminated, blocking gates met, higher mean total, then the grid's\n"
				"tie-break (priority territory types, then criteria means), earlier deposit.\n"));
		case 'p':
			if (strcmp(optarg, "1") && strcmp(optarg, "2"))
				return cli_usage_error(app, "ranking", _("--phase is 1 or 2, not '%s'"), optarg);
			phase = atoi(optarg);
			break;
		case 'r': region = optarg; break;
		case 'f':
			if (!strcmp(optarg, "csv"))
				csv = 1;
			else if (strcmp(optarg, "table"))
				return cli_usage_error(app, "ranking", _("unknown format '%s'; use table or csv"), optarg);
			break;
		}
	}
	if (!phase)
		return cli_usage_error(app, "ranking", "%s", _("which phase? add --phase 1 or --phase 2"));
	if (optind < argc)
		return cli_usage_error(app, "ranking", _("unexpected argument '%s'"), argv[optind]);
	if (region && !geo_region_name(region))
		return cli_usage_error(app, "ranking", _("'%s' is not a région INSEE code (e.g. 44 Grand Est, 76 Occitanie)"), region);
	struct perr e = {0};
	if (!access_sees_all(&app->actor)) {
		/* An expert sees only the dossiers they were asked about. */
		perr_set(&e, P_REFUSED, _("the classement is for instructeurs, coordinateurs and lecteurs; as an expert you see only the dossiers you were asked about (ptce list)."));
		return report(app, &e);
	}
	struct rank_row *rows = NULL;
	size_t n = 0;
	if (ranking_build(app->store, &app->actor, phase, region, &rows, &n, &e) < 0)
		return report(app, &e);
	FILE *f = app->out;
	if (csv) {
		static const char *const head[] = {"rank", "dossier", "ptce", "region", "territory_type",
			"state", "reviews", "required", "mean_total", "band", "eliminated_by",
			"blocking_gates_met", "divergent_on", "tie_break", NULL};
		for (size_t i = 0; head[i]; i++)
			csv_field(f, head[i], !head[i + 1]);
		for (size_t i = 0; i < n; i++) {
			struct rank_row *r = &rows[i];
			char rank[16], nsub[16], req[16], mean[32];
			snprintf(rank, sizeof rank, "%d", r->rank);
			snprintf(nsub, sizeof nsub, "%d", r->n_submitted);
			snprintf(req, sizeof req, "%d", r->required);
			if (r->visible && r->has_total)
				snprintf(mean, sizeof mean, "%.2f", r->mean_total);
			else
				mean[0] = '\0';
			csv_field(f, rank, 0);
			csv_field(f, r->ds_number, 0);
			csv_field(f, r->ptce_name, 0);
			csv_field(f, r->region_code, 0);
			csv_field(f, r->territory_type, 0);
			csv_field(f, r->state, 0);
			csv_field(f, r->visible ? nsub : "", 0);
			csv_field(f, req, 0);
			csv_field(f, mean, 0);
			csv_field(f, r->band, 0);
			csv_field(f, r->eliminated_by, 0);
			csv_field(f, !r->visible || !r->n_submitted ? "" : r->gates_met ? "yes" : "no", 0);
			csv_field(f, r->divergent_on, 0);
			csv_field(f, r->tie_reason, 1);
		}
		ranking_free(&rows, n);
		return 0;
	}
	fprintf(f, _("Classement phase %d%s%s\n"), phase, region ? " - " : "", region ? geo_region_name(region) : "");
	/* Headers are translated: widths in display columns, not bytes. */
	fprintf(f, "%4s  ", "#");
	text_pad(f, _("dossier"), 10);
	fputc(' ', f);
	text_pad(f, _("PTCE"), 28);
	fputs("  ", f);
	text_pad(f, _("reg."), 4);
	fputc(' ', f);
	text_pad(f, _("territory"), 10);
	fputc(' ', f);
	text_pad(f, _("reviews"), 7);
	fputc(' ', f);
	text_pad_right(f, _("mean"), 7);
	fputs("  ", f);
	text_pad(f, _("band"), 12);
	fprintf(f, " %s\n", _("notes"));
	for (size_t i = 0; i < n; i++) {
		struct rank_row *r = &rows[i];
		fprintf(f, "%4d  %-10s ", r->rank, r->ds_number);
		text_pad(f, r->ptce_name, 28);
		fprintf(f, "  %-4s ", r->region_code ? r->region_code : "");
		text_pad(f, r->territory_type ? r->territory_type : "", 10);
		if (!r->visible) {
			fprintf(f, " %-7s %7s  ", "-", "-");
			text_pad(f, "", 12);
			fprintf(f, " %s\n", _("hidden until you submit your review"));
			continue;
		}
		char nr[16], mean[16];
		if (r->required)
			snprintf(nr, sizeof nr, "%d/%d", r->n_submitted, r->required);
		else
			snprintf(nr, sizeof nr, "%d/-", r->n_submitted);
		if (r->has_total)
			snprintf(mean, sizeof mean, "%.2f", r->mean_total);
		else
			snprintf(mean, sizeof mean, "-");
		fprintf(f, " %-7s %7s  ", nr, mean);
		text_pad(f, r->band_label ? r->band_label : "", 12);
		fputs(" ", f);
		int first = 1;
#define NOTE(...) do { fputs(first ? "" : "; ", f); fprintf(f, __VA_ARGS__); first = 0; } while (0)
		if (!r->n_submitted)
			NOTE("%s", _("no submitted review"));
		if (r->eliminated)
			NOTE(_("eliminated (%s)"), r->eliminated_by);
		if (r->n_submitted && !r->gates_met)
			NOTE("%s", _("blocking gate not met"));
		if (r->divergent)
			NOTE(_("divergent: %s"), r->divergent_on);
		if (r->tie_reason)
			NOTE(_("tie broken by %s"), _(r->tie_reason));
#undef NOTE
		fputs("\n", f);
	}
	if (n == 0)
		fprintf(f, "%s", _("  no dossier in this phase\n"));
	ranking_free(&rows, n);
	return 0;
}

/* ---- campaign -------------------------------------------------------------- */

int cmd_campaign(struct app *app, int argc, char **argv)
{
	static const struct option longs[] = {{"help", no_argument, NULL, 'h'}, {0}};
	int c;
	optind = 0;
	while ((c = cli_next_opt(app, "campaign", argc, argv, "+h", longs)) != -1) {
		if (c == -2)
			return 2;
		if (c == 'h')
			return cli_help(app, "campaign", _("Subcommands:\n"
				"  list         every round (millésime): envelope, used, remaining\n"
				"  show [NAME]  one round (default: the current one) and its funding decisions\n"
				"Used = the sum of amount per year x years of the funding decisions.\n"));
	}
	const char *sub = optind < argc ? argv[optind++] : "list";
	struct perr e = {0};
	if (strcmp(sub, "show") == 0 && !access_sees_all(&app->actor)) {
		/* The laureates of a campaign name dossiers an expert was not asked about. */
		perr_set(&e, P_REFUSED, _("a campaign's laureates are for instructeurs, coordinateurs and lecteurs; 'ptce campaign list' shows the envelopes."));
		return report(app, &e);
	}
	struct campaign_money *cm = NULL;
	size_t n = 0;
	char b1[32], b2[32], b3[32];
	if (campaign_money_list(app->store, &cm, &n, &e) < 0)
		return report(app, &e);
	FILE *f = app->out;
	int rc = 0;
	if (strcmp(sub, "list") == 0) {
		if (optind < argc) {
			rc = cli_usage_error(app, "campaign", _("unexpected argument '%s'"), argv[optind]);
			goto out;
		}
		fputs("  ", f);
		text_pad(f, _("campaign"), 24);
		const char *heads[] = {_("envelope"), _("used"), _("remaining")};
		for (size_t h = 0; h < 3; h++) {
			fputc(' ', f);
			text_pad_right(f, heads[h], 12);
		}
		fputc(' ', f);
		text_pad_right(f, _("laureates"), 9);
		fputc('\n', f);
		for (size_t i = 0; i < n; i++) {
			fprintf(f, "%s ", cm[i].current ? "*" : " ");
			text_pad(f, cm[i].name, 24);
			fprintf(f, " %12s %12s %12s %9d\n", eur(cm[i].envelope, b1), eur(cm[i].used, b2),
				eur(cm[i].remaining, b3), cm[i].n_funded);
		}
		if (n == 0)
			fprintf(f, "%s", _("No campaign: declare one in the configuration (campaigns:).\n"));
		goto out;
	}
	if (strcmp(sub, "show") != 0) {
		rc = cli_usage_error(app, "campaign", _("unknown subcommand '%s'; expected list or show"), sub);
		goto out;
	}
	const char *name = optind < argc ? argv[optind++] : NULL;
	struct campaign_money *m = NULL;
	for (size_t i = 0; i < n; i++)
		if (name ? strcmp(cm[i].name, name) == 0 : cm[i].current)
			m = &cm[i];
	if (!m) {
		perr_set(&e, P_NOTFOUND, name ? _("no campaign named '%s' (ptce campaign list shows them)")
					 : _("no current campaign%s (ptce campaign list shows them)"), name ? name : "");
		rc = report(app, &e);
		goto out;
	}
	text_put(f, m->name);
	fprintf(f, "%s\n", m->current ? _(" (current)") : "");
	fprintf(f, _("  envelope     %s EUR\n"), eur(m->envelope, b1));
	fprintf(f, _("  used         %s EUR (%d laureate(s))\n"), eur(m->used, b1), m->n_funded);
	fprintf(f, _("  remaining    %s EUR\n"), eur(m->remaining, b1));
	fprintf(f, _("  per laureate %s EUR a year for %d year(s) by default\n"), eur(m->amount_per_year, b1), m->years);
	sqlite3_stmt *st = store_prepare(app->store,
		"SELECT d.ds_number, d.ptce_name, f.amount_per_year_eur, f.years, f.validation_ref,"
		" f.validation_date, f.decided_by, f.decided_at, f.overridden"
		" FROM funding_decisions f JOIN dossiers d ON d.id = f.dossier_id"
		" WHERE f.campaign_id = ? ORDER BY f.id", &e);
	if (!st) {
		rc = report(app, &e);
		goto out;
	}
	sqlite3_bind_int64(st, 1, m->id);
	int any = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (!any++)
			fprintf(f, "%s", _("Funding decisions:\n"));
		fprintf(f, "  %-10s ", (const char *)sqlite3_column_text(st, 0));
		text_pad(f, (const char *)sqlite3_column_text(st, 1), 28);
		fprintf(f, _(" %s EUR x %d, validation "), eur(sqlite3_column_int64(st, 2), b1), sqlite3_column_int(st, 3));
		text_put(f, (const char *)sqlite3_column_text(st, 4));
		fprintf(f, _(" of %s, by %s on %s%s\n"), (const char *)sqlite3_column_text(st, 5),
			(const char *)sqlite3_column_text(st, 6), (const char *)sqlite3_column_text(st, 7),
			sqlite3_column_int(st, 8) ? _(" (override)") : "");
	}
	sqlite3_finalize(st);
out:
	campaign_money_free(&cm, n);
	return rc;
}
