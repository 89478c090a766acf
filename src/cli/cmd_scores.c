/* cmd_scores.c - 'ptce scores': each review one may see on the grid version
 * it was given on, how many are hidden and why, the aggregate per phase
 * (per criterion, total, band, divergence, blocking gates), the conflicts
 * (for coordinateurs) and the expert opinions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fmt.h"
#include "base/i18n.h"
#include "base/text.h"
#include "cli/cli.h"
#include "cli/cmd_scores.h"
#include "cli/score_print.h"
#include "review/aggregate.h"
#include "review/review.h"

static void print_crit_stats(FILE *f, const struct aggregate *ag)
{
	int any_scale = 0;
	for (size_t i = 0; i < ag->n_crit; i++)
		any_scale |= ag->crit[i].c->type == CRIT_SCALE;
	if (any_scale)
		fprintf(f, "  %-8s %3s %6s %4s %4s %6s %8s\n", _("crit."), "n", _("mean"), _("min"), _("max"),
			_("sd"), _("points"));
	for (size_t i = 0; i < ag->n_crit; i++) {
		const struct crit_stats *cs = &ag->crit[i];
		if (cs->c->type == CRIT_SCALE) {
			char v[5][48];
			fprintf(f, "  %-8s %3d %6s %4s %4s %6s %8s%s\n", cs->c->id, cs->n,
				fmt_decimal(FMT_READER, cs->mean, 2, v[0], 48), fmt_short(FMT_READER, cs->min, v[1], 48),
				fmt_short(FMT_READER, cs->max, v[2], 48), fmt_decimal(FMT_READER, cs->sd, 2, v[3], 48),
				fmt_decimal(FMT_READER, cs->mean_points, 2, v[4], 48), cs->divergent ? _("  DIVERGENT") : "");
		}
		else if (cs->c->type == CRIT_GATE)
			fprintf(f, _("  %-8s yes %d, no %d, to check %d%s%s\n"), cs->c->id, cs->yes, cs->no, cs->check,
				cs->c->blocking ? _(" (blocking)") : "", cs->divergent ? _("  DIVERGENT") : "");
	}
}

/* Whether the blocking gates are met, when the grid has any. */
static void print_gates(FILE *f, const struct checklist *g, const struct aggregate *ag)
{
	if (!ag->gates_met) {
		fprintf(f, _("  blocking gates NOT met: %s\n"), ag->gates_failed);
		return;
	}
	if (!g->n_crit || !ag->n_submitted)
		return;
	for (size_t i = 0; i < ag->n_crit; i++)
		if (ag->crit[i].c->blocking) {
			fprintf(f, "%s", ag->gates_to_check ? _("  blocking gates met, some still to check\n")
					 : _("  blocking gates met\n"));
			return;
		}
}

static void print_aggregate(FILE *f, const struct checklist *g, const struct aggregate *ag)
{
	/* Two plurals: the reviews submitted, then those required. */
	fprintf(f, P_("Aggregate on grid %s: %d review submitted", "Aggregate on grid %s: %d reviews submitted",
		      ag->n_submitted), g->id, ag->n_submitted);
	fprintf(f, P_(" (%d required)", " (%d required)", ag->required), ag->required);
	if (ag->n_draft)
		fprintf(f, P_(", %d draft", ", %d drafts", ag->n_draft), ag->n_draft);
	fputs("\n", f);
	if (ag->n_submitted == 0)
		return;
	print_crit_stats(f, ag);
	if (ag->has_total) {
		char mean[48], sum[48], lo[48], hi[48];
		fprintf(f, _("  mean total %s / %s (min %s, max %s)"),
			fmt_decimal(FMT_READER, ag->mean_total, 2, mean, sizeof mean),
			fmt_short(FMT_READER, g->points_sum, sum, sizeof sum),
			fmt_decimal(FMT_READER, ag->min_total, 2, lo, sizeof lo),
			fmt_decimal(FMT_READER, ag->max_total, 2, hi, sizeof hi));
		if (ag->band) {
			fputs(", ", f);
			text_put(f, ag->band->label);
		}
		fputs("\n", f);
	}
	if (ag->eliminated)
		fprintf(f, _("  ELIMINATED: the mean points of %s are under the grid's threshold\n"), ag->eliminated_by);
	print_gates(f, g, ag);
	if (ag->divergent)
		fprintf(f, _("  DIVERGENT reviews on: %s\n"), ag->divergent_on);
}

/* Say once per grid when its file has changed since a review's version. */
static void note_grid_file(struct app *app, struct review **list, size_t n, const char *grid_id)
{
	struct perr e = {0};
	struct checklist *disk = NULL;
	if (grid_current(app->store, app->cfg.checklists_dir, grid_id, &disk, &e) < 0)
		return;
	for (size_t k = 0; k < n; k++)
		if (strcmp(list[k]->grid_id, disk->id) == 0 && strcmp(list[k]->grid_hash, disk->hash) != 0) {
			fprintf(app->out, _("  note: grid file %s has changed (now version %s); reviews keep the version they were given on\n"),
				disk->path, disk->hash);
			break;
		}
	checklist_free(&disk);
}

static void print_reviews(struct app *app, struct review **list, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct checklist *vg = NULL;
		struct perr e = {0};
		review_grid(app->store, list[i], &vg, &e);
		fputs("\n", app->out);
		score_print_review(app, vg, list[i]);
		checklist_free(&vg);
		size_t j = 0;
		while (j < i && strcmp(list[j]->grid_id, list[i]->grid_id) != 0)
			j++;
		if (j == i)
			note_grid_file(app, list, n, list[i]->grid_id);
	}
}

/* The aggregate of each phase's grid (only grid_id's when not NULL). */
static int print_aggregates(struct app *app, long long id, const char *grid_id, struct perr *e)
{
	for (int phase = 1; phase <= 2; phase++) {
		struct checklist *g = NULL;
		struct aggregate ag;
		if (aggregate_dossier(app->store, id, phase, &g, &ag, e) < 0)
			return -1;
		if (g && (!grid_id || strcmp(g->id, grid_id) == 0)) {
			fputs("\n", app->out);
			print_aggregate(app->out, g, &ag);
		}
		aggregate_done(&ag);
		checklist_free(&g);
	}
	return 0;
}

/* Conflicts (coordinateurs only) and opinions; a failure leaves them out. */
static void print_conflicts_opinions(struct app *app, long long id)
{
	FILE *f = app->out;
	struct perr e = {0};
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
				char when[32];
				fmt_datetime(FMT_READER, op[i].answered_at, when, sizeof when);
				fprintf(f, "%s (%s)\n    ", op[i].favourable ? _("favourable") : _("défavorable"), when);
				text_put(f, op[i].answer);
				fputs("\n", f);
			} else {
				fprintf(f, P_("pending for %d day\n", "pending for %d days\n", op[i].age_days), op[i].age_days);
			}
		}
	}
	opinion_list_free(&op, nop);
}

static int print_scores(struct app *app, long long id, const char *ref, const char *grid_id)
{
	struct perr e = {0};
	struct review **list = NULL;
	size_t n = 0;
	int hidden = 0, rc = 0;
	enum review_visibility vis;
	char *why = NULL;
	if (review_visibility(app->store, &app->actor, id, grid_id, &vis, &why, &e) < 0 ||
	    review_list_visible(app->store, &app->actor, id, grid_id, &list, &n, &hidden, &e) < 0) {
		free(why);
		return cli_report(app, &e);
	}
	FILE *f = app->out;
	fprintf(f, _("Reviews of dossier %s\n"), ref);
	if (n == 0)
		fprintf(f, "%s", _("  none you may see\n"));
	print_reviews(app, list, n);
	if (hidden)
		fprintf(f, P_("\n%d other submitted review is hidden: %s.\n",
			      "\n%d other submitted reviews are hidden: %s.\n", hidden),
			hidden, why ? why : _("you may not see it"));
	else if (vis == VIS_NONE && why)
		fprintf(f, "\n%s.\n", why);
	if ((vis == VIS_ALL || vis == VIS_SUBMITTED) && print_aggregates(app, id, grid_id, &e) < 0)
		rc = cli_report(app, &e);
	else
		print_conflicts_opinions(app, id);
	review_list_free(&list, n);
	free(why);
	return rc;
}

static const struct cli_opt scores_options[] = {{"grid", 'g', CLI_TEXT, 0, 0}, {0}};
static const struct cli_spec scores_spec = {"scores", "g:h", scores_options, NULL};

int cmd_scores(struct app *app, int argc, char **argv)
{
	const char *grid = NULL, *ref;
	long long id;
	int rc = cli_parse_dossier(app, &scores_spec, argc, argv, &grid, &ref, &id);
	if (rc >= 0 || (rc = cli_end(app, "scores", argc, argv)) != 0)
		return rc;
	struct perr e = {0};
	struct checklist *named = NULL;
	if (grid && grid_current(app->store, app->cfg.checklists_dir, grid, &named, &e) < 0)
		return cli_report(app, &e);
	rc = print_scores(app, id, ref, named ? named->id : NULL);
	checklist_free(&named);
	return rc;
}
