/* score_edit.c - 'ptce score --edit': write the review as a form to a private
 * temporary file, run the editor on it, read it back, save it and print what
 * changed. Whatever goes wrong, the person's text is kept and its path given
 * with the command that reads it back (--from). */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/file.h"
#include "base/host.h"
#include "base/i18n.h"
#include "cli/cli.h"
#include "cli/score_edit.h"
#include "cli/score_print.h"
#include "procedure/dossier.h"
#include "review/review.h"

struct edit {
	struct app *app;
	long long id;
	const char *ref, *from;
	const struct checklist *g;	/* the grid named on the command line */
	const struct checklist *rg;	/* the version the review was given on */
	struct checklist *own;		/* rg when it is not g */
	struct review *r;
	struct dossier *d;
	char *form;			/* the form as written */
	size_t form_len;
	char path[PATH_MAX];		/* where the person's text is */
};

static int run_editor(struct app *app, const char *path)
{
	const char *ed = getenv("VISUAL");
	if (!ed || !*ed)
		ed = getenv("EDITOR");
	if (!ed || !*ed)
		ed = "vi";
	fflush(app->out);
	fflush(app->err);
	/* The editor's words, run without a shell: the group's rights are gone
	 * in the child (base/host.h). */
	char **argv = host_split_command(ed);
	size_t n = 0;
	while (argv[n])
		n++;
	if (n == 0) {
		free(argv);
		return -1;
	}
	argv = xrealloc(argv, (n + 2) * sizeof *argv);
	argv[n] = (char *)path;
	argv[n + 1] = NULL;
	struct perr e = {0};
	int rc = host_run(argv, &e);
	if (rc < 0)
		fprintf(app->err, "ptce: %s\n", e.msg);
	free(argv[0]);
	free(argv);
	return rc == 0 ? 0 : -1;
}

/* The review (opened as a draft if need be), its grid version, the dossier,
 * and the form: 0, or the exit code after the message. */
static int edit_load(struct edit *ed)
{
	struct app *app = ed->app;
	struct perr e = {0};
	if (review_open(app->store, &app->actor, ed->id, ed->g, NULL, &ed->r, &e) < 0)
		return cli_report(app, &e);
	score_note_version(app, ed->r, ed->g);
	if (score_review_grid(app, ed->r, ed->g, &ed->rg, &ed->own, &e) < 0 ||
	    dossier_load(app->store, ed->id, &ed->d, &e) < 0)
		return cli_report(app, &e);
	FILE *mf = open_memstream(&ed->form, &ed->form_len);
	review_form_write(mf, ed->rg, ed->r, ed->d->f[DF_DS_NUMBER], ed->d->f[DF_PTCE_NAME]);
	fclose(mf);
	return 0;
}

/* Write the form to a fresh file in $TMPDIR (named after the dossier) and
 * run the editor on it: 0, or the exit code after the message. */
static int edit_in_editor(struct edit *ed)
{
	struct app *app = ed->app;
	const char *tmp = getenv("TMPDIR");
	const char *dir = tmp && *tmp ? tmp : "/tmp";
	const char *ds = ed->d->f[DF_DS_NUMBER];
	snprintf(ed->path, sizeof ed->path, "%s/ptce-review-%s-XXXXXX.txt", dir, ds ? ds : "x");
	/* A '/' in the number would name another folder. */
	for (char *p = ed->path + strlen(ed->path) - 25; *p; p++)
		if (*p == '/' && p > ed->path + strlen(dir))
			*p = '_';
	int fd = mkstemps(ed->path, 4);
	FILE *tf = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!tf || fwrite(ed->form, 1, ed->form_len, tf) != ed->form_len || fclose(tf) != 0) {
		struct perr e = {0};
		perr_set(&e, P_IO, _("cannot write the form to %s: %s"), ed->path, strerror(errno));
		return cli_report(app, &e);
	}
	if (run_editor(app, ed->path) < 0) {
		fprintf(app->err, _("ptce: the editor failed; nothing was saved. Your text is kept in %s.\n"), ed->path);
		return 6;
	}
	return 0;
}

/* Remove the person's form, with their own rights. */
static void user_unlink(const char *path)
{
	host_user_begin();
	unlink(path);
	host_user_end();
}

/* Save the inputs read from the form and print what changed. */
static int edit_write(struct edit *ed, const struct review_input *in, size_t n, int submit)
{
	struct app *app = ed->app;
	struct perr e = {0};
	struct review *after = NULL;
	long long rev = ed->r->revision;
	int wr = review_write(app->store, &app->actor, ed->id, ed->g, in, n, submit, NULL, &rev, &after, &e);
	if (wr < 0 && !after) {
		int rc = cli_report(app, &e);
		fprintf(app->err, _("ptce: your text is kept in %s; run: ptce score --edit %s --grid %s --from %s\n"),
			ed->path, ed->ref, ed->g->id, ed->path);
		return rc;
	}
	if (after) {
		fprintf(app->out, "%s", _("Changes:\n"));
		if (score_print_changes(app->out, ed->rg, ed->r, after) == 0)
			fprintf(app->out, "%s", _("  none\n"));
		score_print_summary(app, ed->ref, ed->rg, after);
		review_free(&after);
	}
	if (wr < 0)
		return cli_report(app, &e);
	if (!ed->from)
		user_unlink(ed->path);
	return 0;
}

/* Read the person's text back and save it: the exit code. */
static int edit_save(struct edit *ed)
{
	struct app *app = ed->app;
	struct perr e = {0};
	char *text = NULL, *buf = NULL;
	size_t len, n = 0;
	struct review_input *in = NULL;
	int submit = 0, rc;
	host_user_begin();
	rc = file_read(ed->path, 0, &text, &len, &e);
	host_user_end();
	if (rc < 0) {
		e.status = P_IO;	/* a missing form is a file error like the others */
		rc = cli_report(app, &e);
	} else if (!ed->from && strcmp(text, ed->form) == 0) {
		fprintf(app->out, "%s", _("No change; nothing saved.\n"));
		user_unlink(ed->path);
		rc = 0;
	} else if (review_form_parse(ed->rg, text, &buf, &in, &n, &submit, &e) < 0) {
		fprintf(app->err, "ptce: %s:", ed->path);
		cli_put_clean(app->err, e.msg + (strncmp(e.msg, "line ", 5) == 0 ? 5 : 0));
		fputc('\n', app->err);
		fprintf(app->err, _("ptce: nothing was saved; your text is kept in %s. Fix it and run: ptce score --edit %s --grid %s --from %s\n"),
			ed->path, ed->ref, ed->g->id, ed->path);
		rc = 1;
	} else {
		rc = edit_write(ed, in, n, submit);
	}
	free(text);
	free(buf);
	free(in);
	return rc;
}

int score_edit(struct app *app, long long id, const char *ref, const struct checklist *g,
	       const char *from)
{
	struct edit ed = {.app = app, .id = id, .ref = ref, .from = from, .g = g};
	int rc = edit_load(&ed);
	/* The form is the person's file: written, edited and read back with
	 * their own rights only (base/host.h). */
	host_user_begin();
	if (rc == 0 && from)
		snprintf(ed.path, sizeof ed.path, "%s", from);
	else if (rc == 0)
		rc = edit_in_editor(&ed);
	host_user_end();
	if (rc == 0)
		rc = edit_save(&ed);
	free(ed.form);
	review_free(&ed.r);
	dossier_free(&ed.d);
	checklist_free(&ed.own);
	return rc;
}
