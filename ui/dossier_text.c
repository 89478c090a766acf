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
#include "dossier_text.h"
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

static const char *field_value(const struct dossier *d, int i, char *buf, size_t len)
{
	const struct field_def *fd = &dossier_fields[i];
	const char *v = d->f[i];
	if (!v || !*v)
		return "";
	switch (fd->type) {
	case FT_REGION: {
		const char *n = geo_region_name(v);
		snprintf(buf, len, "%s (%s)", n ? n : v, v);
		return buf;
	}
	case FT_DEPT: {
		const char *n = geo_dept_name(v);
		snprintf(buf, len, "%s (%s)", n ? n : v, v);
		return buf;
	}
	case FT_BOOL:
		return strcmp(v, "1") == 0 || strcmp(v, "yes") == 0 ? _("yes") : _("no");
	case FT_CHOICE:
		return choice_label(v);
	case FT_LIST: {
		/* Codes separated by commas: show each label. */
		buf[0] = '\0';
		char *copy = xstrdup(v), *save = NULL;
		for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
			while (*t == ' ')
				t++;
			size_t l = strlen(buf);
			snprintf(buf + l, len - l, "%s%s", l ? ", " : "", choice_label(t));
		}
		free(copy);
		return buf;
	}
	default:
		return v;
	}
}

static int history_line(const struct history_entry *h, void *arg)
{
	struct tlines *t = arg;
	char line[1024];
	if (h->to_state)
		snprintf(line, sizeof line, "%.16s  %s  %s → %s%s", h->at, h->actor,
			 h->from_state ? state_label(h->from_state) : "", state_label(h->to_state),
			 h->override ? _(" (override)") : "");
	else
		snprintf(line, sizeof line, "%.16s  %s  %s%s%s", h->at, h->actor, h->kind,
			 h->detail ? "  " : "", h->detail ? h->detail : "");
	if (strcmp(h->actor, h->real_actor) != 0) {
		size_t l = strlen(line);
		snprintf(line + l, sizeof line - l, _(" (by %s)"), h->real_actor);
	}
	tl_add(t, UC_NORMAL, 0, "  %s", line);
	if (h->motivation && *h->motivation) {
		char *m = xasprintf("« %s »", h->motivation);
		tl_add_wrapped(t, UC_DIM, m, t->width ? t->width : 78, 6);
		free(m);
	}
	return 0;
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
	for (size_t i = 0; i < n; i++) {
		const struct review *r = list[i];
		char tot[64] = "";
		if (r->submitted)
			snprintf(tot, sizeof tot, _("total %.1f"), r->total);
		tl_add(t, UC_NORMAL, 1, "  %s (%s) · %s · %s %s%s%s", r->reviewer_name, r->reviewer,
		       r->grid_id, r->submitted ? C_("review", "submitted") : C_("review", "draft"), tot,
		       r->band ? " · " : "", r->band ? r->band : "");
		for (size_t k = 0; k < r->n_answers; k++) {
			const struct answer *a = &r->answers[k];
			if (!a->value && !a->comment)
				continue;
			char *line = xasprintf("%s: %s%s%s", a->criterion, a->value ? a->value : "—",
					       a->comment ? " — " : "", a->comment ? a->comment : "");
			tl_add_wrapped(t, UC_NORMAL, line, width, 4);
			free(line);
		}
	}
	if (hidden > 0)
		tl_add(t, UC_DIM, 0, "  %s", P_("%d review is hidden from you for now.",
						"%d reviews are hidden from you for now.", hidden));
	review_list_free(&list, n);
}

/* The title, the state, who is assigned, the compléments asked for. */
static void add_head(struct ui *u, struct tlines *t, const struct dossier *d)
{
	tl_add(t, UC_TITLE, 1, " %s · %s", d->f[DF_DS_NUMBER] ? d->f[DF_DS_NUMBER] : "",
	       d->f[DF_PTCE_NAME] ? d->f[DF_PTCE_NAME] : "");
	char since[32];
	snprintf(since, sizeof since, "%.10s", d->state_since ? d->state_since : "");
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
			const char *v = field_value(d, i, buf, sizeof buf);
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

/* One member as a row of cells: name, category, role, commitment. */
static void add_member(struct tlines *t, const struct member *m, int nw)
{
	char *name = text_clean(m->f[MF_NAME] ? m->f[MF_NAME] : "", 0);
	char *role = text_clean(m->f[MF_ROLE] ? m->f[MF_ROLE] : "", 0);
	char *com = text_clean(m->f[MF_COMMITMENT] ? choice_label(m->f[MF_COMMITMENT]) : "", 0);
	const char *cat = m->f[MF_CATEGORY] ? choice_label(m->f[MF_CATEGORY]) : "";
	char line[2048];
	size_t o = 0;
	const char *cells[] = {name, cat, role, com};
	const int ws[] = {nw, 18, 18, 14};
	line[o++] = ' ';
	line[o++] = ' ';
	for (int c = 0; c < 4; c++) {
		size_t used = 0, fit = text_fit(cells[c], (size_t)ws[c], &used);
		memcpy(line + o, cells[c], fit);
		o += fit;
		for (size_t k = used; k < (size_t)ws[c] + 1 && o < sizeof line - 8; k++)
			line[o++] = ' ';
	}
	line[o] = '\0';
	tl_add(t, UC_NORMAL, 0, "%s", line);
	free(name);
	free(role);
	free(com);
}

/* Members as a table, then the pièces. */
static void add_members_documents(struct tlines *t, const struct dossier *d, int width)
{
	section(t, _("Membres"), (long long)d->n_members);
	int nw = width - 2 - 18 - 18 - 14 - 3;
	if (nw < 12)
		nw = 12;
	for (size_t i = 0; i < d->n_members; i++)
		add_member(t, &d->members[i], nw);
	section(t, _("Pièces"), (long long)d->n_documents);
	for (size_t i = 0; i < d->n_documents; i++)
		tl_add(t, UC_NORMAL, 0, "  %-8s %s%s%s", d->documents[i].kind, d->documents[i].title,
		       d->documents[i].received_on ? "  " : "",
		       d->documents[i].received_on ? d->documents[i].received_on : "");
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
	size_t n = 0;
	int hidden = 0;
	struct perr e = {0};
	if (note_list(u->app->store, &u->app->actor, id, &notes, &n, &hidden, &e) < 0)
		return;
	if (n || hidden)
		section(t, _("Notes"), (long long)n);
	for (size_t i = 0; i < n; i++) {
		char when[32];
		if (notes[i].imported)
			tl_add(t, UC_NORMAL, 1, "  %s (%s)", notes[i].field, _("annotation privée"));
		else
			tl_add(t, UC_NORMAL, 1, "  %s (%s) · %s", notes[i].author_name, notes[i].author,
			       fmt_local_time(notes[i].at, when, sizeof when));
		tl_add_wrapped(t, UC_NORMAL, notes[i].body, width, 4);
	}
	if (hidden)
		tl_add(t, UC_DIM, 0, "  %s", _("Some comments are hidden from you for now."));
	note_list_free(&notes, n);
}

void dossier_text(struct ui *u, struct tlines *t, const struct dossier *d, int width)
{
	add_head(u, t, d);
	add_fields(t, d, width);
	add_members_documents(t, d, width);
	add_reviews(u, t, d->id, width);
	add_opinions(u, t, d->id, width);
	add_notes(u, t, d->id, width);
	section(t, _("Historique"), -1);
	t->width = width;
	struct perr e = {0};
	if (history_list(u->app->store, d->id, history_line, t, &e))
		tl_add_wrapped(t, UC_ERROR, e.msg, width, 2);
}
