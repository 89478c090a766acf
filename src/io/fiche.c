/* fiche.c - gathering the fiche d'instruction: the dossier, its members
 * against the décret's conditions, the reviews the person may see on the
 * grid version each was given on, the aggregate, opinions, decisions, and
 * the CRA's block. Values through base/fmt.h, words through the catalogue. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "io/fiche.h"
#include "io/paper.h"
#include "procedure/access.h"
#include "procedure/assignment.h"
#include "procedure/dossier.h"
#include "procedure/procedure.h"
#include "review/aggregate.h"
#include "review/note.h"
#include "review/review.h"

/* What the fiche is being made of. */
struct fiche {
	struct store *s;
	const struct actor *a;
	enum fmt_lang l;
	struct doc *d;
	const struct dossier *dos;
};

/* ---- header and applicant ---- */

static void field_date(struct fiche *f, const char *label, const char *when)
{
	char b[48];
	doc_field(f->d, label, when ? fmt_date(f->l, when, b, sizeof b) : NULL);
}

static void field_amount(struct fiche *f, const char *label, const char *eur)
{
	char b[48];
	doc_field(f->d, label, eur && *eur ? fmt_amount(f->l, strtoll(eur, NULL, 10), b, sizeof b) : NULL);
}

static void header(struct fiche *f, long long id)
{
	const struct dossier *d = f->dos;
	char b[128], since[48], *state;
	doc_title(f->d, _("Fiche d'instruction"));
	doc_field(f->d, _("Région"), paper_region(d->f[DF_REGION], b, sizeof b));
	doc_field(f->d, _("Millésime"), d->campaign_name);
	doc_field(f->d, _("Dossier number"), d->f[DF_DS_NUMBER]);
	doc_field(f->d, _("PTCE"), d->f[DF_PTCE_NAME]);
	doc_field(f->d, _("Structure porteuse"), d->f[DF_LEAD_NAME]);
	field_date(f, _("Deposited on"), d->f[DF_DEPOSITED_AT]);
	state = xasprintf(_("%s (since %s)"), state_label(d->state),
			  fmt_date(f->l, d->state_since, since, sizeof since));
	doc_field(f->d, _("State"), state);
	free(state);
	if (d->complements_due) {
		char due[48];
		char *c = xasprintf(_("due %s: %s"), fmt_date(f->l, d->complements_due, due, sizeof due),
				    d->complements_note ? d->complements_note : "");
		doc_field(f->d, _("Compléments demandés"), c);
		free(c);
	}
	char *who = NULL;
	struct perr e = {0};
	if (assignment_logins(f->s, id, &who, &e) == 0)
		doc_field(f->d, _("Assigned to"), who);
	free(who);
}

static void applicant(struct fiche *f)
{
	const struct dossier *d = f->dos;
	char b[64];
	doc_heading(f->d, _("Applicant"));
	doc_field(f->d, _("Legal form"), d->f[DF_LEAD_LEGAL_FORM]);
	doc_field(f->d, _("SIRET"), d->f[DF_LEAD_SIRET]);
	doc_field(f->d, _("ESUS approval"), !d->f[DF_LEAD_ESUS] ? NULL
		  : strcmp(d->f[DF_LEAD_ESUS], "1") == 0 ? _("yes") : _("no"));
	doc_field(f->d, _("Address"), d->f[DF_LEAD_ADDRESS]);
	doc_field(f->d, _("Legal representative"), d->f[DF_LEGAL_REP]);
	char *contact = xasprintf("%s%s%s%s%s", d->f[DF_CONTACT_NAME] ? d->f[DF_CONTACT_NAME] : "",
		d->f[DF_CONTACT_EMAIL] ? ", " : "", d->f[DF_CONTACT_EMAIL] ? d->f[DF_CONTACT_EMAIL] : "",
		d->f[DF_CONTACT_PHONE] ? ", " : "", d->f[DF_CONTACT_PHONE] ? d->f[DF_CONTACT_PHONE] : "");
	doc_field(f->d, _("Contact"), contact);
	free(contact);
	doc_field(f->d, _("Territory"), d->f[DF_TERRITORY]);
	doc_field(f->d, _("Territory type"), d->f[DF_TERRITORY_TYPE] ? choice_label(d->f[DF_TERRITORY_TYPE]) : NULL);
	doc_field(f->d, _("Stage"), d->f[DF_STAGE] ? choice_label(d->f[DF_STAGE]) : NULL);
	doc_field(f->d, _("Phase applied for"), d->f[DF_PHASE_APPLIED] ? choice_label(d->f[DF_PHASE_APPLIED]) : NULL);
	doc_field(f->d, _("Facilitation staff (FTE)"),
		  d->f[DF_STAFF_FTE] ? fmt_decimal(f->l, strtod(d->f[DF_STAFF_FTE], NULL), 1, b, sizeof b) : NULL);
	field_amount(f, _("Budget"), d->f[DF_BUDGET]);
	field_amount(f, _("Amount requested"), d->f[DF_AMOUNT_REQUESTED]);
	doc_para(f->d, d->f[DF_DESCRIPTION], 0);
}

/* ---- partnership ---- */

/* The conditions of décret 2015-431, art. 1 (as domain.md summarises them),
 * counted on the members' categories. Natural persons (citoyens) are no
 * legal persons: the first condition leaves them out. */
static const struct condition {
	const char *label;		/* N_() */
	const char *cats[6];		/* categories counted; none: every legal person */
	int min;
} conditions[] = {
	{N_("Three or more legal persons"), {NULL}, 3},
	{N_("An ESS enterprise"), {"ess"}, 1},
	{N_("An enterprise outside the ESS"), {"entreprise"}, 1},
	{N_("A local authority or grouping, a research, higher-education or training body, or another person"),
	 {"collectivite-epci", "recherche-enseignement", "formation", "citoyens", "autre"}, 1},
};

static int counts_for(const struct condition *c, const char *cat)
{
	if (!c->cats[0])
		return !cat || strcmp(cat, "citoyens") != 0;
	for (size_t i = 0; i < 6 && c->cats[i]; i++)
		if (cat && strcmp(cat, c->cats[i]) == 0)
			return 1;
	return 0;
}

static void partnership(struct fiche *f)
{
	const struct dossier *d = f->dos;
	doc_heading(f->d, _("Partnership"));
	const char *mh[] = {_("Member"), _("Category"), _("Role"), _("Commitment")};
	struct doc_table *t = doc_table(f->d, 4, mh, "wlww");
	for (size_t i = 0; i < d->n_members; i++) {
		char *const *m = d->members[i].f;
		const char *row[] = {m[MF_NAME], m[MF_CATEGORY] ? choice_label(m[MF_CATEGORY]) : "",
				     m[MF_ROLE], m[MF_COMMITMENT] ? choice_label(m[MF_COMMITMENT]) : ""};
		doc_row(t, row, NULL);
	}
	doc_para(f->d, _("Conditions of décret n° 2015-431 of 15 April 2015 (article 1), as read from "
			 "the members the applicant listed; the reviews below judge them on the pièces."), 0);
	const char *ch[] = {_("Condition"), _("Members"), _("Met")};
	t = doc_table(f->d, 3, ch, "wrl");
	for (size_t c = 0; c < sizeof conditions / sizeof conditions[0]; c++) {
		int n = 0;
		for (size_t i = 0; i < d->n_members; i++)
			n += counts_for(&conditions[c], d->members[i].f[MF_CATEGORY]);
		char count[16];
		snprintf(count, sizeof count, "%d", n);
		const char *row[] = {_(conditions[c].label), count, n >= conditions[c].min ? _("yes") : _("no")};
		doc_row(t, row, NULL);
	}
}

/* ---- reviews ---- */

/* What the reader reads for a stored answer (choice labels in English too). */
static char *answer_label(const struct criterion *c, const char *v, enum fmt_lang l)
{
	if (c->type == CRIT_CHOICE && l == FMT_EN)
		for (size_t i = 0; i < c->n_options; i++)
			if (strcmp(c->options[i].id, v) == 0 && c->options[i].label_en)
				return xstrdup(c->options[i].label_en);
	return criterion_value_label(c, v);
}

static void review_head(struct fiche *f, const struct review *r, const struct checklist *g)
{
	char when[48], *h;
	if (r->submitted)
		h = xasprintf(_("%s (%s), %s: submitted on %s"), r->reviewer_name, r->reviewer,
			      g ? paper_grid_title(g, f->l) : r->grid_id,
			      fmt_date(f->l, r->submitted_at, when, sizeof when));
	else
		h = xasprintf(_("%s (%s), %s: draft of %s"), r->reviewer_name, r->reviewer,
			      g ? paper_grid_title(g, f->l) : r->grid_id,
			      fmt_date(f->l, r->updated_at, when, sizeof when));
	doc_subheading(f->d, h);
	free(h);
	if (g && g->points_sum > 0) {
		char tot[32], max[32];
		const struct band *b = checklist_band_by_id(g, r->band);
		h = xasprintf("%s / %s", fmt_decimal(f->l, r->total, 2, tot, sizeof tot),
			      fmt_decimal(f->l, g->points_sum, 0, max, sizeof max));
		if (b)
			xappendf(&h, ", %s", paper_band_label(b, f->l));
		if (r->eliminated_by)
			xappendf(&h, _(", eliminated by %s"), r->eliminated_by);
		doc_field(f->d, _("Total"), h);
		free(h);
	}
}

static void review_block(struct fiche *f, const struct review *r)
{
	struct checklist *g = NULL;
	struct perr e = {0};
	review_grid(f->s, r, &g, &e);
	review_head(f, r, g);
	const char *head[] = {_("Crit."), _("Criterion"), _("Answer"), _("Points"), _("Comment")};
	struct doc_table *t = doc_table(f->d, 5, head, "lwlrw");
	for (size_t i = 0; i < r->n_answers; i++) {
		const struct answer *an = &r->answers[i];
		const struct criterion *c = g ? checklist_find(g, an->criterion) : NULL;
		if (c && (c->type == CRIT_TEXT || c->type == CRIT_CHOICE))
			continue;
		char *v = c && an->value ? answer_label(c, an->value, f->l) : xstrdup(an->value ? an->value : "—");
		char pts[32] = "";
		if (c && c->type == CRIT_SCALE && c->points > 0 && an->value)
			fmt_decimal(f->l, an->points, 2, pts, sizeof pts);
		const char *row[] = {an->criterion, c ? paper_crit_label(c, f->l) : an->criterion, v, pts,
				     an->comment};
		doc_row(t, row, NULL);
		free(v);
	}
	/* Choices and texts after the table: their words need the width. */
	for (size_t i = 0; i < r->n_answers; i++) {
		const struct answer *an = &r->answers[i];
		const struct criterion *c = g ? checklist_find(g, an->criterion) : NULL;
		if (!c || !an->value || (c->type != CRIT_TEXT && c->type != CRIT_CHOICE))
			continue;
		char *v = c->type == CRIT_CHOICE ? answer_label(c, an->value, f->l) : xstrdup(an->value);
		if (an->comment)
			xappendf(&v, "\n%s", an->comment);
		doc_field(f->d, paper_crit_label(c, f->l), v);
		free(v);
	}
	checklist_free(&g);
}

static int reviews(struct fiche *f, long long id, enum review_visibility *vis, struct perr *e)
{
	struct review **list = NULL;
	size_t n = 0;
	int hidden = 0;
	char *why = NULL;
	if (review_visibility(f->s, f->a, id, NULL, vis, &why, e) < 0 ||
	    review_list_visible(f->s, f->a, id, NULL, &list, &n, &hidden, e) < 0) {
		free(why);
		return -1;
	}
	doc_heading(f->d, _("Reviews"));
	if (!n)
		doc_para(f->d, _("No review you may see."), 0);
	for (size_t i = 0; i < n; i++)
		review_block(f, list[i]);
	if (hidden)
		doc_paraf(f->d, 0, P_("%d other submitted review is hidden: %s.",
				      "%d other submitted reviews are hidden: %s.", hidden),
			  hidden, why ? why : _("you may not see it"));
	else if (*vis == VIS_NONE && why)
		doc_paraf(f->d, 0, "%s.", why);
	review_list_free(&list, n);
	free(why);
	return 0;
}

/* ---- aggregate ---- */

static void aggregate_scales(struct fiche *f, const struct aggregate *ag)
{
	const char *head[] = {_("Crit."), _("Criterion"), _("Mean"), _("Min"), _("Max"), _("Points"), _("Divergent")};
	struct doc_table *t = NULL;
	for (size_t i = 0; i < ag->n_crit; i++) {
		const struct crit_stats *cs = &ag->crit[i];
		if (cs->c->type != CRIT_SCALE)
			continue;
		if (!t)
			t = doc_table(f->d, 7, head, "lwrrrrl");
		char mean[32], mn[32], mx[32], pts[32];
		const char *row[] = {cs->c->id, paper_crit_label(cs->c, f->l),
			fmt_decimal(f->l, cs->mean, 2, mean, sizeof mean), fmt_decimal(f->l, cs->min, 0, mn, sizeof mn),
			fmt_decimal(f->l, cs->max, 0, mx, sizeof mx), fmt_decimal(f->l, cs->mean_points, 2, pts, sizeof pts),
			cs->divergent ? _("yes") : ""};
		doc_row(t, row, NULL);
	}
}

static void aggregate_gates(struct fiche *f, const struct aggregate *ag)
{
	const char *head[] = {_("Crit."), _("Criterion"), _("Yes"), _("No"), _("To check"), _("Blocking")};
	struct doc_table *t = NULL;
	for (size_t i = 0; i < ag->n_crit; i++) {
		const struct crit_stats *cs = &ag->crit[i];
		if (cs->c->type != CRIT_GATE)
			continue;
		if (!t)
			t = doc_table(f->d, 6, head, "lwrrrl");
		char y[16], n[16], c[16];
		snprintf(y, sizeof y, "%d", cs->yes);
		snprintf(n, sizeof n, "%d", cs->no);
		snprintf(c, sizeof c, "%d", cs->check);
		const char *row[] = {cs->c->id, paper_crit_label(cs->c, f->l), y, n, c, cs->c->blocking ? _("yes") : ""};
		doc_row(t, row, NULL);
	}
}

static void aggregate_fields(struct fiche *f, const struct checklist *g, const struct aggregate *ag)
{
	if (ag->has_total) {
		char m[32], mx[32], lo[32], hi[32];
		char *s = xasprintf(_("%s / %s (min %s, max %s)"), fmt_decimal(f->l, ag->mean_total, 2, m, sizeof m),
				    fmt_decimal(f->l, g->points_sum, 0, mx, sizeof mx),
				    fmt_decimal(f->l, ag->min_total, 2, lo, sizeof lo),
				    fmt_decimal(f->l, ag->max_total, 2, hi, sizeof hi));
		doc_field(f->d, _("Mean total"), s);
		free(s);
		doc_field(f->d, _("Band"), ag->band ? paper_band_label(ag->band, f->l) : NULL);
	}
	if (ag->eliminated)
		doc_field(f->d, _("Eliminated"), ag->eliminated_by);
	for (size_t i = 0; i < ag->n_crit; i++)
		if (ag->crit[i].c->blocking) {
			doc_field(f->d, _("Blocking gates"), !ag->gates_met ? ag->gates_failed
				  : ag->gates_to_check ? _("met, some still to check") : _("met"));
			break;
		}
	doc_field(f->d, _("Divergences"), ag->divergent ? ag->divergent_on : _("none"));
}

static int aggregates(struct fiche *f, long long id, struct perr *e)
{
	for (int phase = 1; phase <= 2; phase++) {
		struct checklist *g = NULL;
		struct aggregate ag;
		if (aggregate_dossier(f->s, id, phase, &g, &ag, e) < 0)
			return -1;
		if (g && ag.n_submitted) {
			char *h = xasprintf(_("Aggregate: %s"), paper_grid_title(g, f->l));
			doc_heading(f->d, h);
			free(h);
			doc_paraf(f->d, 0, P_("%d submitted review (%d required).",
					      "%d submitted reviews (%d required).", ag.n_submitted),
				  ag.n_submitted, ag.required);
			aggregate_scales(f, &ag);
			aggregate_gates(f, &ag);
			aggregate_fields(f, g, &ag);
		}
		aggregate_done(&ag);
		checklist_free(&g);
	}
	return 0;
}

/* ---- opinions, decisions, the CRA ---- */

static void opinions(struct fiche *f, long long id)
{
	struct opinion *op = NULL;
	size_t n = 0;
	struct perr e = {0};
	if (opinion_list(f->s, f->a, id, 0, &op, &n, &e) < 0 || !n) {
		opinion_list_free(&op, n);
		return;
	}
	doc_heading(f->d, _("Expert opinions"));
	for (size_t i = 0; i < n; i++) {
		char asked[48], ans[48];
		char *h = xasprintf(_("%s, asked by %s on %s"), op[i].expert_name ? op[i].expert_name : op[i].expert,
				    op[i].asked_by, fmt_date(f->l, op[i].asked_at, asked, sizeof asked));
		doc_subheading(f->d, h);
		free(h);
		doc_field(f->d, _("Question"), op[i].question);
		if (op[i].answered) {
			h = xasprintf(_("%s, on %s"), op[i].favourable ? _("favourable") : _("défavorable"),
				      fmt_date(f->l, op[i].answered_at, ans, sizeof ans));
			doc_field(f->d, _("Opinion"), h);
			free(h);
			doc_field(f->d, _("Answer"), op[i].answer);
		} else {
			h = xasprintf(P_("pending for %d day", "pending for %d days", op[i].age_days), op[i].age_days);
			doc_field(f->d, _("Opinion"), h);
			free(h);
		}
	}
	opinion_list_free(&op, n);
}

/* The platform's annotations privées, then the reviewers' discussion, as
 * note_list lets the person see them (the rules of reviews). */
static void notes(struct fiche *f, long long id)
{
	struct note *nt = NULL;
	size_t n = 0;
	int hidden = 0;
	struct perr e = {0};
	if (note_list(f->s, f->a, id, &nt, &n, &hidden, &e) < 0)
		return;
	for (int pass = 1; pass >= 0; pass--) {
		int any = 0;
		for (size_t i = 0; i < n; i++) {
			if (nt[i].imported != pass)
				continue;
			if (!any++)
				doc_heading(f->d, pass ? _("Annotations privées") : _("Discussion"));
			if (pass) {
				doc_field(f->d, nt[i].field, nt[i].body);
				continue;
			}
			char when[48];
			char *h = xasprintf("%s (%s), %s", nt[i].author_name, nt[i].author,
					    fmt_datetime(f->l, nt[i].at, when, sizeof when));
			doc_subheading(f->d, h);
			free(h);
			doc_para(f->d, nt[i].body, 0);
		}
		if (!pass && hidden)
			doc_paraf(f->d, 0, P_("%d comment is hidden from you for now.",
					      "%d comments are hidden from you for now.", hidden), hidden);
	}
	note_list_free(&nt, n);
}

static int decision_row(const struct history_entry *h, void *arg)
{
	struct fiche *f = arg;
	if (!h->to_state)
		return 0;
	char when[48];
	char *move = h->from_state ? xasprintf("%s → %s", state_label(h->from_state), state_label(h->to_state))
				   : xstrdup(state_label(h->to_state));
	char *mot = h->override ? xasprintf(_("[override] %s"), h->motivation ? h->motivation : "")
				: xstrdup(h->motivation ? h->motivation : "");
	const char *row[] = {fmt_date(f->l, h->at, when, sizeof when), move, h->actor, mot};
	doc_row(f->d->b[f->d->n - 1].t, row, NULL);
	free(move);
	free(mot);
	return 0;
}

static void cra_block(struct fiche *f)
{
	doc_heading(f->d, _("Decision of the CRA"));
	doc_para(f->d, _("[ ] retained      [ ] not retained      [ ] deferred (compléments)"), 0);
	doc_field(f->d, _("Date of the meeting"), "____________________");
	doc_field(f->d, _("Motivation"), "______________________________________________\n\n"
		  "______________________________________________\n\n"
		  "______________________________________________");
	const char *who[] = {_("For the CRA (chair of the meeting)"), _("The instructeur (rapporteur)")};
	doc_signatures(f->d, who, 2);
}

int fiche_build(struct store *s, const struct actor *a, long long id, const char *ref,
		enum fmt_lang l, struct doc **out, struct perr *e)
{
	struct dossier *dos = NULL;
	*out = NULL;
	if (access_require(s, a, id, ref, e) < 0 || dossier_load(s, id, &dos, e) < 0)
		return -1;
	struct fiche f = {s, a, l == FMT_READER ? fmt_reader_lang() : l, NULL, dos};
	char *title = xasprintf(_("Fiche d'instruction %s"), dos->f[DF_DS_NUMBER]);
	f.d = doc_new(title, f.l);
	free(title);
	header(&f, id);
	applicant(&f);
	partnership(&f);
	enum review_visibility vis = VIS_NONE;
	int rc = reviews(&f, id, &vis, e);
	if (rc == 0 && (vis == VIS_ALL || vis == VIS_SUBMITTED))
		rc = aggregates(&f, id, e);
	if (rc == 0) {
		opinions(&f, id);
		notes(&f, id);
		doc_heading(f.d, _("Decisions"));
		const char *head[] = {_("Date"), _("Move"), _("By"), _("Motivation")};
		doc_table(f.d, 4, head, "lwlw");
		rc = history_list(s, id, decision_row, &f, e);
	}
	if (rc == 0) {
		cra_block(&f);
		f.d->footer = paper_footer(s, a, f.l);
		*out = f.d;
	} else {
		doc_free(&f.d);
	}
	dossier_free(&dos);
	return rc;
}
