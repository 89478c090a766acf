/* cmd_show.c - 'ptce show': a dossier's state, campaign, compléments and
 * assignees, then every field by section (long text wrapped), its members
 * and the pièces received, then the discussion among reviewers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fmt.h"
#include "base/geo.h"
#include "base/i18n.h"
#include "base/text.h"
#include "cli/cli.h"
#include "cli/cmd_comment.h"
#include "cli/cmd_show.h"
#include "cli/score_print.h"
#include "procedure/assignment.h"
#include "procedure/dossier.h"
#include "procedure/procedure.h"
#include "review/review.h"
#include "review/note.h"

static void show_longtext(FILE *f, const char *v)
{
	char *c = text_clean(v, TEXT_KEEP_NEWLINES);
	size_t *st, *ln, n = text_wrap(c, 72, &st, &ln);
	fputc('\n', f);
	for (size_t i = 0; i < n; i++)
		fprintf(f, "    %.*s\n", (int)ln[i], c + st[i]);
	free(st);
	free(ln);
	free(c);
}

static void show_value(FILE *f, const struct field_def *fd, const char *v)
{
	if (!v || !*v) {
		fputs("—\n", f);
		return;
	}
	if (fd->type == FT_LONGTEXT) {
		show_longtext(f, v);
		return;
	}
	char buf[1024];
	text_put(f, field_show(fd, v, buf, sizeof buf));
	fputc('\n', f);
}

static void show_head(struct app *app, long long id, const struct dossier *d)
{
	FILE *f = app->out;
	char since[32], who[1024];
	struct perr e = {0};
	fprintf(f, _("Dossier %s — "), d->f[DF_DS_NUMBER]);
	text_put(f, d->f[DF_PTCE_NAME]);
	fprintf(f, _("\nState: %s (since %s)\n"), state_label(d->state),
		fmt_datetime(FMT_READER, d->state_since, since, sizeof since));
	if (d->campaign_name) {
		fputs(_("Campaign: "), f);
		text_put(f, d->campaign_name);
		fputc('\n', f);
	}
	if (d->complements_due) {
		char due[32];
		fprintf(f, _("Compléments demandés, due %s: "), fmt_date(FMT_READER, d->complements_due, due, sizeof due));
		text_put(f, d->complements_note ? d->complements_note : "");
		fputc('\n', f);
	}
	if (assignment_list(app->store, id, who, sizeof who, &e) == 0 && who[0])
		fprintf(f, _("Assigned to: %s\n"), who);
}

static void show_members(FILE *f, const struct dossier *d)
{
	fprintf(f, P_("\n-- %zu member --\n", "\n-- %zu members --\n", d->n_members), d->n_members);
	for (size_t m = 0; m < d->n_members; m++) {
		const struct member *mb = &d->members[m];
		fputs("  ", f);
		text_pad(f, mb->f[MF_NAME], 34);
		fputc(' ', f);
		text_pad(f, choice_label(mb->f[MF_CATEGORY]), 24);
		fputc(' ', f);
		text_pad(f, mb->f[MF_SIRET] ? mb->f[MF_SIRET] : "", 14);
		fputc(' ', f);
		text_put(f, mb->f[MF_ROLE] ? mb->f[MF_ROLE] : "");
		fputc('\n', f);
	}
}

static void show_sections(FILE *f, const struct dossier *d)
{
	for (int sec = 0; sec < SEC_COUNT; sec++) {
		fprintf(f, "\n== %s ==\n", section_label((enum dossier_section)sec));
		for (int i = 0; i < DF_COUNT; i++) {
			if ((int)dossier_fields[i].section != sec)
				continue;
			text_pad(f, _(dossier_fields[i].label), 28);
			fputs(": ", f);
			show_value(f, &dossier_fields[i], d->f[i]);
		}
		if (sec == SEC_PTCE)
			show_members(f, d);
	}
}

static void show_documents(FILE *f, const struct dossier *d)
{
	fprintf(f, "\n== %s ==\n", _("Pièces"));
	if (!d->n_documents)
		fprintf(f, "  %s\n", _("none received"));
	for (size_t i = 0; i < d->n_documents; i++) {
		fputs("  ", f);
		text_pad(f, d->documents[i].kind, 9);
		fputc(' ', f);
		text_put(f, d->documents[i].title);
		char day[32];
		if (d->documents[i].received_on)
			fprintf(f, " (%s)", fmt_date(FMT_READER, d->documents[i].received_on, day, sizeof day));
		fputc('\n', f);
	}
}

/* The reviews the person may see, each on the grid version it was given on,
 * and how many are hidden from them (blind grid, conflict). */
static void show_reviews(struct app *app, long long id)
{
	FILE *f = app->out;
	struct review **list = NULL;
	size_t n = 0;
	int hidden = 0;
	struct perr e = {0};
	fprintf(f, "\n== %s ==\n", _("Reviews"));
	if (review_list_visible(app->store, &app->actor, id, NULL, &list, &n, &hidden, &e) < 0) {
		fprintf(f, "  %s\n", e.msg);
		return;
	}
	if (n == 0 && !hidden)
		fprintf(f, "  %s\n", _("No review you may see."));
	for (size_t i = 0; i < n; i++) {
		struct checklist *g = NULL;
		struct perr ge = {0};
		review_grid(app->store, list[i], &g, &ge);
		if (i)
			fputc('\n', f);
		score_print_review(app, g, list[i]);
		checklist_free(&g);
	}
	if (hidden > 0) {
		fputs("  ", f);
		fprintf(f, P_("%d review is hidden from you for now.",
			      "%d reviews are hidden from you for now.", hidden), hidden);
		fputc('\n', f);
	}
	review_list_free(&list, n);
}

/* The platform's annotations privées, each with its label. */
static void show_notes(struct app *app, long long id)
{
	struct note *notes = NULL;
	size_t n = 0;
	struct perr e = {0};
	FILE *f = app->out;
	if (note_list(app->store, &app->actor, id, &notes, &n, NULL, &e) < 0)
		return;
	fprintf(f, "\n== %s ==\n", _("Annotations privées"));
	int any = 0;
	for (size_t i = 0; i < n; i++) {
		if (!notes[i].imported)
			continue;	/* the reviewers' comments: the discussion, below */
		any = 1;
		fputs("  ", f);
		text_put(f, notes[i].field);
		fputc(':', f);
		show_longtext(f, notes[i].body);
	}
	if (!any)
		fprintf(f, "  %s\n", _("none"));
	note_list_free(&notes, n);
}

static const struct cli_spec show_spec = {"show", "h", NULL, NULL};

int cmd_show(struct app *app, int argc, char **argv)
{
	const char *ref;
	long long id;
	int rc = cli_parse_dossier(app, &show_spec, argc, argv, NULL, &ref, &id);
	if (rc >= 0)
		return rc;
	struct perr e = {0};
	struct dossier *d = NULL;
	if (dossier_load(app->store, id, &d, &e) < 0)
		return cli_report(app, &e);
	show_head(app, id, d);
	show_sections(app->out, d);
	show_documents(app->out, d);
	show_reviews(app, id);
	show_notes(app, id);
	dossier_free(&d);
	return comment_print_thread(app, app->out, id);
}
