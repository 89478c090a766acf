/* dossier_text.c - a dossier laid out as lines for a width: every field in
 * sections, members as a table, pièces, reviews as visibility allows, expert
 * opinions, history; long French texts wrapped at word boundaries. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fmt.h"
#include "base/geo.h"
#include "base/i18n.h"
#include "base/text.h"
#include "discussion.h"
#include "dossier_text.h"
#include "procedure/history_text.h"
#include "procedure/procedure.h"
#include "review/note.h"
#include "tlines.h"

/* A blank line, then a section title, with a count when n >= 0. */
static void section(struct tlines *t, const char *title, long long n)
{
	tl_add(t, UC_NORMAL, 0, "%s", "");
	if (n < 0)
		tl_add(t, UC_SECTION, 1, "%s", title);
	else
		tl_add(t, UC_SECTION, 1, "%s (%lld)", title, n);
}

static int history_line(const struct history_entry *h, void *arg)
{
	struct tlines *t = arg;
	char line[1024], when[32];
	fmt_datetime(FMT_READER, h->at, when, sizeof when);
	char *detail = history_detail_text(h);
	if (h->to_state)
		snprintf(line, sizeof line, "%s  %s  %s → %s%s", when, h->actor,
			 h->from_state ? state_label(h->from_state) : "", state_label(h->to_state),
			 h->override ? _(" (override)") : "");
	else
		snprintf(line, sizeof line, "%s  %s  %s%s%s", when, h->actor, history_kind_label(h->kind),
			 detail ? "  " : "", detail ? detail : "");
	free(detail);
	if (strcmp(h->actor, h->real_actor) != 0) {
		size_t l = strlen(line);
		snprintf(line + l, sizeof line - l, _(" (by %s)"), h->real_actor);
	}
	/* A long entry wraps under itself, never cut. */
	tl_add_wrapped(t, UC_NORMAL, line, t->width ? t->width : 78, 2);
	if (h->motivation && *h->motivation) {
		char *m = xasprintf("« %s »", h->motivation);
		tl_add_wrapped(t, UC_DIM, m, t->width ? t->width : 78, 6);
		free(m);
	}
	return 0;
}

/* Whether r has any answer given. */
static int answered(const struct review *r)
{
	for (size_t k = 0; k < r->n_answers; k++)
		if (r->answers[k].value)
			return 1;
	return 0;
}

/* One answer: the criterion with its label, the value as the grid names
 * it and the comment; a free text under its label. */
static void review_answer_lines(struct tlines *t, const struct checklist *g,
				const struct answer *a, int width, int indent)
{
	const struct criterion *c = g ? checklist_find(g, a->criterion) : NULL;
	const char *label = c ? ui_grid_text(c->label, c->label_en) : NULL;
	char *head = label ? xasprintf("%s %s", a->criterion, label) : xstrdup(a->criterion);
	if (c && c->type == CRIT_TEXT) {
		tl_add_wrapped(t, UC_NORMAL, head, width, indent);
		tl_add_wrapped(t, UC_NORMAL, a->value ? a->value : "—", width, indent + 2);
		if (a->comment)
			tl_add_wrapped(t, UC_DIM, a->comment, width, indent + 2);
		free(head);
		return;
	}
	char *v = a->value ? (c ? criterion_value_label(c, a->value) : xstrdup(a->value))
			   : xstrdup("—");
	char *line = xasprintf(_("%s: %s%s%s"), head, v, a->comment ? " — " : "",
			       a->comment ? a->comment : "");
	tl_add_wrapped(t, UC_NORMAL, line, width, indent);
	free(line);
	free(v);
	free(head);
}

void dossier_text_review(struct ui *u, struct tlines *t, const struct review *r, int width)
{
	struct checklist *g = NULL;
	struct perr e = {0};
	review_grid(u->app->store, r, &g, &e);	/* without it: codes only */
	int any = answered(r);
	char band[128] = "";
	/* A total only where the grid gives points; a band only once
	 * something is answered (an empty draft is not "défavorable"). */
	const struct band *b = g && any ? checklist_band_by_id(g, r->band) : NULL;
	if (b)
		snprintf(band, sizeof band, " · %s", b->label ? ui_grid_text(b->label, b->label_en) : b->id);
	char num[48];
	char *total = g && g->points_sum > 0 && (r->submitted || any)
		? xasprintf(_("total %s"), fmt_decimal(FMT_READER, r->total, 1, num, sizeof num)) : NULL;
	tl_add(t, UC_NORMAL, 1, "  %s (%s) · %s · %s%s%s%s", r->reviewer_name ? r->reviewer_name : "",
	       r->reviewer, r->grid_id, r->submitted ? C_("review", "submitted") : C_("review", "draft"),
	       total ? " · " : "", total ? total : "", band);
	free(total);
	for (size_t k = 0; k < r->n_answers; k++) {
		const struct answer *a = &r->answers[k];
		if (a->value || a->comment)
			review_answer_lines(t, g, a, width, 4);
	}
	checklist_free(&g);
}

static void add_reviews(struct ui *u, struct tlines *t, long long id, int width)
{
	struct review **list = NULL;
	size_t n = 0;
	int hidden = 0;
	struct perr e = {0};
	section(t, _("Reviews"), -1);
	if (review_list_visible(u->app->store, &u->app->actor, id, NULL, &list, &n, &hidden, &e)) {
		tl_add_wrapped(t, UC_ERROR, e.msg, width, 2);
		return;
	}
	if (n == 0)
		tl_add(t, UC_DIM, 0, "  %s", _("No review you may see."));
	for (size_t i = 0; i < n; i++)
		dossier_text_review(u, t, list[i], width);
	if (hidden > 0) {
		char *h = xasprintf(P_("%d review is hidden from you for now.",
				       "%d reviews are hidden from you for now.", hidden), hidden);
		tl_add(t, UC_DIM, 0, "  %s", h);
		free(h);
	}
	review_list_free(&list, n);
}

/* The title, the state, who is assigned, the compléments asked for. */
static void add_head(struct ui *u, struct tlines *t, const struct dossier *d)
{
	tl_add(t, UC_TITLE, 1, " %s · %s", d->f[DF_DS_NUMBER] ? d->f[DF_DS_NUMBER] : "",
	       d->f[DF_PTCE_NAME] ? d->f[DF_PTCE_NAME] : "");
	char since[32];
	fmt_datetime(FMT_READER, d->state_since ? d->state_since : "", since, sizeof since);
	since[10] = '\0';	/* the day is enough here */
	tl_add(t, UC_NORMAL, 1, _("State: %s (since %s)%s%s"), state_label(d->state), since,
	       d->campaign_name ? " · " : "", d->campaign_name ? d->campaign_name : "");
	char *assignees = NULL;
	struct perr e = {0};
	if (queue_assignees(u->app->store, d->id, &assignees, &e) == 0)
		tl_add(t, UC_NORMAL, 0, _("Assigned to: %s"),
		       assignees && *assignees ? assignees : _("nobody"));
	free(assignees);
	if (d->complements_due)
		tl_add(t, UC_FLAG, 1, "%s %s%s%s", _("Compléments demandés, due"), d->complements_due,
		       d->complements_note ? " — " : "", d->complements_note ? d->complements_note : "");
}

/* Every field with a value, section by section, labels in one column. */
static void add_fields(struct tlines *t, const struct dossier *d, int width)
{
	int label_w = 0;
	for (int i = 0; i < DF_COUNT; i++) {
		int w = (int)text_width(_(dossier_fields[i].label));
		if (w > label_w)
			label_w = w;
	}
	if (label_w > width / 3)
		label_w = width / 3;
	for (int s = 0; s < SEC_COUNT; s++) {
		section(t, section_label((enum dossier_section)s), -1);
		for (int i = 0; i < DF_COUNT; i++) {
			if ((int)dossier_fields[i].section != s)
				continue;
			char buf[1024];
			const char *v = field_show(&dossier_fields[i], d->f[i], buf, sizeof buf);
			if (!*v)
				continue;
			if (dossier_fields[i].type == FT_LONGTEXT) {
				tl_add(t, UC_LABEL, 0, "%s", _(dossier_fields[i].label));
				tl_add_wrapped(t, UC_NORMAL, v, width, 2);
			} else {
				tl_add_field(t, _(dossier_fields[i].label), label_w, v, width);
			}
		}
	}
}

/* One member as a row of cells: name, category, role, commitment; when a
 * cell is cut, the whole member on the lines below. */
static void add_member(struct tlines *t, const struct member *m, int nw, int width)
{
	char *name = text_clean(m->f[MF_NAME] ? m->f[MF_NAME] : "", 0);
	char *role = text_clean(m->f[MF_ROLE] ? m->f[MF_ROLE] : "", 0);
	char *com = text_clean(m->f[MF_COMMITMENT] ? choice_label(m->f[MF_COMMITMENT]) : "", 0);
	const char *cat = m->f[MF_CATEGORY] ? choice_label(m->f[MF_CATEGORY]) : "";
	char line[2048];
	size_t o = 0;
	const char *cells[] = {name, cat, role, com};
	const int ws[] = {nw, 18, 18, 14};
	int any_cut = 0;
	line[o++] = ' ';
	line[o++] = ' ';
	for (int c = 0; c < 4; c++) {
		/* A cell too long for its column ends with "…", never cut dry. */
		int cut = text_width(cells[c]) > (size_t)ws[c];
		any_cut |= cut;
		size_t used = 0, fit = text_fit(cells[c], (size_t)ws[c] - (size_t)cut, &used);
		memcpy(line + o, cells[c], fit);
		o += fit;
		if (cut) {
			memcpy(line + o, "…", strlen("…"));
			o += strlen("…");
			used++;
		}
		for (size_t k = used; k < (size_t)ws[c] + 1 && o < sizeof line - 8; k++)
			line[o++] = ' ';
	}
	line[o] = '\0';
	tl_add(t, UC_NORMAL, 0, "%s", line);
	if (any_cut) {
		/* What the row cut, whole, under it. */
		char *all = xasprintf("%s · %s · %s · %s", name, cat, role, com);
		tl_add_wrapped(t, UC_DIM, all, width, 4);
		free(all);
	}
	free(name);
	free(role);
	free(com);
}

/* Members as a table. */
static void add_members(struct tlines *t, const struct dossier *d, int width)
{
	section(t, _("Membres"), (long long)d->n_members);
	int nw = width - 2 - 18 - 18 - 14 - 3;
	if (nw < 12)
		nw = 12;
	for (size_t i = 0; i < d->n_members; i++)
		add_member(t, &d->members[i], nw, width);
}

/* The pièces as listed for me, the selected one marked: one line each. */
static void add_documents(struct ui *u, struct tlines *t)
{
	struct dossier_state *dt = &u->dt;
	section(t, _("Pièces"), (long long)dt->n_docs);
	dt->doc_line = dt->n_docs ? (long long)t->n : -1;
	for (size_t i = 0; i < dt->n_docs; i++) {
		const struct document_info *doc = &dt->docs[i];
		char size[32], day[48] = "";
		int cur = i == dt->doc_cur;
		if (doc->received_on)
			fmt_date(FMT_READER, doc->received_on, day, sizeof day);
		if (doc->sha256)
			tl_add(t, cur ? UC_CURSOR : UC_NORMAL, 0, "%s%-8s %s  (%s, %s)%s%s", cur ? "> " : "  ",
			       doc->kind, doc->file_name ? doc->file_name : doc->title,
			       document_type_word(document_type_label(doc->mime)), document_human_size(doc->size, size, sizeof size),
			       *day ? "  " : "", day);
		else
			tl_add(t, cur ? UC_CURSOR : UC_DIM, 0, "%s%-8s %s  (%s)%s%s", cur ? "> " : "  ",
			       doc->kind, doc->title, _("not received"), *day ? "  " : "", day);
	}
}

/* The experts' opinions I may see, when there are some. */
static void add_opinions(struct ui *u, struct tlines *t, long long id, int width)
{
	struct opinion *ops = NULL;
	size_t nops = 0;
	struct perr e = {0};
	if (opinion_list(u->app->store, &u->app->actor, id, 0, &ops, &nops, &e) == 0 && nops) {
		section(t, _("Avis d'experts"), (long long)nops);
		for (size_t i = 0; i < nops; i++) {
			const struct opinion *o = &ops[i];
			tl_add(t, UC_NORMAL, 1, "  %s (%s) · %s", o->expert_name, o->expert,
			       !o->answered ? _("awaited") : o->favourable ? _("favourable") : _("unfavourable"));
			char *q = xasprintf("? %s", o->question);
			tl_add_wrapped(t, UC_DIM, q, width, 4);
			free(q);
			if (o->answered && o->answer)
				tl_add_wrapped(t, UC_NORMAL, o->answer, width, 4);
		}
	}
	opinion_list_free(&ops, nops);
}

/* The dossier's notes: imported annotations privées with their label, the
 * reviewers' comments with author and time. */
static void add_notes(struct ui *u, struct tlines *t, long long id, int width)
{
	struct note *notes = NULL;
	size_t n = 0, shown = 0;
	struct perr e = {0};
	if (note_list(u->app->store, &u->app->actor, id, &notes, &n, NULL, &e) < 0)
		return;
	for (size_t i = 0; i < n; i++)
		shown += notes[i].imported != 0;
	if (shown)
		section(t, _("Annotations privées"), (long long)shown);
	for (size_t i = 0; i < n; i++) {
		if (!notes[i].imported)
			continue;	/* the reviewers' comments: the Discussion section */
		tl_add(t, UC_NORMAL, 1, "  %s", notes[i].field);
		tl_add_wrapped(t, UC_NORMAL, notes[i].body, width, 4);
	}
	note_list_free(&notes, n);
}

void dossier_text(struct ui *u, struct tlines *t, const struct dossier *d, int width)
{
	add_head(u, t, d);
	add_fields(t, d, width);
	add_members(t, d, width);
	add_documents(u, t);
	add_reviews(u, t, d->id, width);
	add_opinions(u, t, d->id, width);
	add_notes(u, t, d->id, width);
	discussion_lines(u, t, d->id, width);
	section(t, _("Historique"), -1);
	t->width = width;
	struct perr e = {0};
	if (history_list(u->app->store, d->id, history_line, t, &e))
		tl_add_wrapped(t, UC_ERROR, e.msg, width, 2);
}
