/* answers.c - a demo review's answers: gates and scales first, since they
 * decide the band, then the recommendation and summary that follow it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "demo/answers.h"
#include "demo/dossiers_data.h"
#include "demo/texts_data.h"

/* value of id in a spec "A=3 B=4 R4=no", or NULL */
static const char *spec_get(const char *spec, const char *id, char *buf, size_t len)
{
	size_t n = strlen(id);
	for (const char *p = spec; p && *p;) {
		while (*p == ' ')
			p++;
		const char *end = strchr(p, ' ');
		size_t tl = end ? (size_t)(end - p) : strlen(p);
		if (tl > n + 1 && strncasecmp(p, id, n) == 0 && p[n] == '=') {
			snprintf(buf, len, "%.*s", (int)(tl - n - 1), p + n + 1);
			return buf;
		}
		p = end;
	}
	return NULL;
}

/* A gate: v, else met; R12 (the rural / QPV priority, for information)
 * follows the territory. Commented when not met or when the grid asks.
 * Returns 1 for a blocking gate not met. */
static int answer_gate(const struct criterion *cr, const char *v, const char *ttype,
		       struct review_input *in)
{
	if (!v) {
		v = "yes";
		if (strcmp(cr->id, "R12") == 0 && strcmp(ttype, "rural") && strcmp(ttype, "qpv"))
			v = "no";
	}
	in->value = v;
	if (strcmp(v, "yes") != 0 || cr->comment_required || criterion_needs_comment(cr, v)) {
		in->comment = strcmp(v, "yes") == 0 ? demo_gate_met
			      : strcmp(v, "no") == 0 ? demo_gate_not_met
			      : demo_gate_to_check;
		for (const struct demo_gate_note *t = demo_gate_notes; t->id; t++)
			if (strcmp(t->id, cr->id) == 0 && strcmp(t->value, v) == 0)
				in->comment = t->text;
	}
	return strcmp(v, "no") == 0 && cr->blocking;
}

/* A scale: v (else dflt) on the 0..4 scale of domain.md, mapped onto the
 * criterion's bounds into val, with the comment of its level. Returns the
 * points it weighs. */
static double answer_scale(const struct criterion *cr, const char *v, int dflt, char val[16],
			   struct review_input *in)
{
	int four = v ? atoi(v) : dflt;
	four = four < 0 ? 0 : four > 4 ? 4 : four;
	snprintf(val, 16, "%d", cr->min + (four * (cr->max - cr->min) + 2) / 4);
	in->value = val;
	int lvl = four <= 1 ? 0 : four == 2 ? 1 : 2;
	in->comment = demo_generic_comments[lvl];
	for (const struct demo_criterion_comments *t = demo_p2_comments; t->id; t++)
		if (strcmp(t->id, cr->id) == 0)
			in->comment = t->text[lvl];
	return criterion_points(cr, val);
}

/* The band the conclusion follows (0 favourable .. 2 défavorable): the
 * total's in phase 2, the gates' in phase 1. */
static size_t conclusion_band(const struct checklist *g, int phase, double total, int gate_no)
{
	size_t band = 0;
	if (phase == 2 && g->n_bands) {
		const struct band *b = checklist_band(g, total);
		band = b ? (size_t)(b - g->bands) : 0;
	} else if (gate_no) {
		band = 2;
	}
	return band > 2 ? 2 : band;
}

/* A choice (the recommendation: the band's option unless v) or a text (the
 * summary, one of the ways of saying the band). */
static void answer_conclusion(const struct criterion *cr, const char *v, size_t band, int phase,
			      int gate_no, size_t seed, struct review_input *in)
{
	if (cr->type == CRIT_CHOICE) {
		size_t o = band < cr->n_options ? band : cr->n_options - 1;
		in->value = v ? v : cr->n_options ? cr->options[o].id : NULL;
		if (in->value && (cr->comment_required || criterion_needs_comment(cr, in->value)))
			in->comment = demo_choice_comment;
	} else if (cr->type == CRIT_TEXT) {
		in->value = phase == 2 ? demo_synthesis[band][seed % 2]
			    : gate_no  ? demo_observations_not_eligible
				       : demo_observations_ok[seed % 3];
	}
}

void answers_make(const struct checklist *g, int phase, size_t i, int step, const char *spec,
		  int submit, struct demo_answers *a)
{
	const struct demo_dossier *dd = &demo_dossiers[i];
	double total = 0;
	int gate_no = 0;
	a->n = submit ? g->n_crit : (g->n_crit + 1) / 2;
	a->in = xcalloc(g->n_crit ? g->n_crit : 1, sizeof *a->in);
	a->vals = xcalloc(g->n_crit ? g->n_crit : 1, sizeof *a->vals);
	for (size_t j = 0; j < g->n_crit; j++) {
		const struct criterion *cr = &g->crit[j];
		const char *v = spec_get(spec, cr->id, a->vals[j], sizeof a->vals[j]);
		a->in[j].criterion = cr->id;
		if (cr->type == CRIT_GATE)
			gate_no |= answer_gate(cr, v, dd->ttype, &a->in[j]);
		else if (cr->type == CRIT_SCALE)
			total += answer_scale(cr, v, 2 + (int)((i + j) % 2), a->vals[j], &a->in[j]);
	}
	size_t band = conclusion_band(g, phase, total, gate_no);
	for (size_t j = 0; j < g->n_crit; j++) {
		const struct criterion *cr = &g->crit[j];
		if (cr->type != CRIT_CHOICE && cr->type != CRIT_TEXT)
			continue;
		const char *v = spec_get(spec, cr->id, a->vals[j], sizeof a->vals[j]);
		answer_conclusion(cr, v, band, phase, gate_no, i + (size_t)step, &a->in[j]);
	}
}

void answers_free(struct demo_answers *a)
{
	free(a->in);
	free(a->vals);
	a->in = NULL;
	a->vals = NULL;
}
