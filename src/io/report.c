/* report.c - gathering the report for the CRA meeting from the store: one
 * scope (campaign, région) for every section, values through base/fmt.h,
 * machine forms kept beside them for the CSV. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/geo.h"
#include "base/i18n.h"
#include "base/text.h"
#include "io/paper.h"
#include "io/report.h"
#include "procedure/access.h"
#include "procedure/permission.h"
#include "procedure/procedure.h"
#include "review/aggregate.h"
#include "store/stmt.h"

/* The dossiers a report covers, as an SQL condition on d with ?1 the
 * campaign's name and ?2 the région (NULL: any). */
#define SCOPE "(?1 IS NULL OR d.campaign_id = (SELECT id FROM campaigns WHERE name = ?1))" \
	" AND (?2 IS NULL OR d.region_code = ?2)"

struct report {
	struct store *s;
	const struct actor *a;
	const struct report_opts *o;
	enum fmt_lang l;
	struct doc *d;
};

static sqlite3_stmt *scoped(struct report *r, struct perr *e, const char *sql)
{
	return stmt_query(r->s, e, sql, "nn", r->o->campaign, r->o->region);
}

static char *num(int v, char buf[static 16])
{
	snprintf(buf, 16, "%d", v);
	return buf;
}

/* ---- counts ---- */

static int state_index(const char *name)
{
	for (size_t i = 0; i < procedure_n_states; i++)
		if (strcmp(procedure_states[i].name, name) == 0)
			return (int)i;
	return -1;
}

static int counts_by_state(struct report *r, struct perr *e)
{
	int n[16] = {0}, total = 0;
	sqlite3_stmt *st = scoped(r, e, "SELECT d.state, count(*) FROM dossiers d WHERE " SCOPE
				  " GROUP BY d.state");
	if (!st)
		return -1;
	int rc;
	while ((rc = stmt_next(r->s, &st, e, _("counting dossiers"))) == 1) {
		int i = state_index((const char *)sqlite3_column_text(st, 0));
		if (i >= 0 && i < 16)
			n[i] = sqlite3_column_int(st, 1);
	}
	if (rc < 0)
		return -1;
	doc_heading(r->d, _("Dossiers by state"));
	const char *head[] = {_("State"), _("Dossiers")};
	struct doc_table *t = doc_table(r->d, 2, head, "lr");
	char b[16];
	for (size_t i = 0; i < procedure_n_states && i < 16; i++) {
		const char *row[] = {state_label(procedure_states[i].name), num(n[i], b)};
		const char *raw[] = {procedure_states[i].name, NULL};
		doc_row(t, row, raw);
		total += n[i];
	}
	const char *row[] = {_("Total"), num(total, b)};
	doc_row(t, row, NULL);
	return 0;
}

/* One row per région, one column per state and the total. */
static int counts_by_region(struct report *r, struct perr *e)
{
	sqlite3_stmt *st = scoped(r, e, "SELECT coalesce(d.region_code, ''), d.state, count(*)"
				  " FROM dossiers d WHERE " SCOPE " GROUP BY 1, 2 ORDER BY 1");
	if (!st)
		return -1;
	size_t ns = procedure_n_states < 16 ? procedure_n_states : 16;
	const char *head[18] = {_("Région")};
	char align[19] = "w";
	for (size_t i = 0; i < ns; i++) {
		head[i + 1] = state_short_label(procedure_states[i].name);
		align[i + 1] = 'r';
	}
	head[ns + 1] = _("Total");
	align[ns + 1] = 'r';
	doc_heading(r->d, _("Dossiers by région"));
	struct doc_table *t = doc_table(r->d, ns + 2, head, align);
	char region[64] = "", cells[18][16], name[128];
	int n[16] = {0}, any = 0, rc;
	for (;;) {
		rc = stmt_next(r->s, &st, e, _("counting dossiers"));
		const char *code = rc == 1 ? (const char *)sqlite3_column_text(st, 0) : NULL;
		if (any && (!code || strcmp(code, region) != 0)) {
			const char *g = geo_region_name(region);
			snprintf(name, sizeof name, "%s", g ? g : *region ? region : "—");
			const char *row[18] = {name}, *raw[18] = {region};
			int total = 0;
			for (size_t i = 0; i < ns; i++)
				total += n[i], row[i + 1] = num(n[i], cells[i]);
			row[ns + 1] = num(total, cells[ns]);
			doc_row(t, row, raw);
			memset(n, 0, sizeof n);
		}
		if (rc != 1)
			break;
		snprintf(region, sizeof region, "%s", code);
		int i = state_index((const char *)sqlite3_column_text(st, 1));
		if (i >= 0 && i < 16)
			n[i] = sqlite3_column_int(st, 2);
		any = 1;
	}
	return rc;
}

/* ---- late ---- */

static int overdue_state(struct report *r, struct doc_table **t, size_t si, struct perr *e)
{
	int limit = r->o->overdue_days ? r->o->overdue_days[si] : 0;
	if (limit <= 0)
		return 0;
	sqlite3_stmt *st = stmt_query(r->s, e,
		"SELECT d.ds_number, d.ptce_name, d.state_since,"
		" CAST(julianday('now') - julianday(d.state_since) AS INTEGER) FROM dossiers d"
		" WHERE " SCOPE " AND d.state = ?3 AND julianday('now') - julianday(d.state_since) > ?4"
		" ORDER BY d.state_since, d.ds_number", "nnti", r->o->campaign, r->o->region,
		procedure_states[si].name, limit);
	if (!st)
		return -1;
	int rc;
	while ((rc = stmt_next(r->s, &st, e, _("reading overdue dossiers"))) == 1) {
		const char *head[] = {_("Dossier"), _("PTCE"), _("State"), _("Since"), _("Days"), _("Limit")};
		if (!*t)
			*t = doc_table(r->d, 6, head, "lwllrr");
		char since[48], days[16], lim[16];
		const char *at = (const char *)sqlite3_column_text(st, 2);
		const char *row[] = {(const char *)sqlite3_column_text(st, 0),
			(const char *)sqlite3_column_text(st, 1), state_short_label(procedure_states[si].name),
			fmt_date(r->l, at, since, sizeof since), num(sqlite3_column_int(st, 3), days), num(limit, lim)};
		const char *raw[] = {NULL, NULL, procedure_states[si].name, at, NULL, NULL};
		doc_row(*t, row, raw);
	}
	return rc;
}

static int overdue(struct report *r, struct perr *e)
{
	doc_heading(r->d, _("Overdue dossiers"));
	struct doc_table *t = NULL;
	for (size_t i = 0; i < procedure_n_states && i < 16; i++)
		if (overdue_state(r, &t, i, e) < 0)
			return -1;
	if (!t)
		doc_para(r->d, _("No dossier has stayed in its state longer than the configured limit."), 0);
	return 0;
}

static int overdue_complements(struct report *r, struct perr *e)
{
	doc_heading(r->d, _("Overdue compléments"));
	sqlite3_stmt *st = scoped(r, e,
		"SELECT d.ds_number, d.ptce_name, d.complements_due, d.complements_note FROM dossiers d"
		" WHERE " SCOPE " AND d.complements_due IS NOT NULL"
		" AND d.complements_due < date('now', 'localtime') ORDER BY d.complements_due, d.ds_number");
	if (!st)
		return -1;
	struct doc_table *t = NULL;
	int rc;
	while ((rc = stmt_next(r->s, &st, e, _("reading compléments"))) == 1) {
		const char *head[] = {_("Dossier"), _("PTCE"), _("Due"), _("What is missing")};
		if (!t)
			t = doc_table(r->d, 4, head, "lwlw");
		char due[48];
		const char *at = (const char *)sqlite3_column_text(st, 2);
		const char *row[] = {(const char *)sqlite3_column_text(st, 0),
			(const char *)sqlite3_column_text(st, 1), fmt_date(r->l, at, due, sizeof due),
			(const char *)sqlite3_column_text(st, 3)};
		const char *raw[] = {NULL, NULL, at, NULL};
		doc_row(t, row, raw);
	}
	if (rc == 0 && !t)
		doc_para(r->d, _("No compléments are overdue."), 0);
	return rc;
}

/* ---- the classement and the money ---- */

/* Whether dossier id is in the report's scope (the classement knows no
 * campaign). */
static int in_scope(struct report *r, long long id, struct perr *e)
{
	int yes = 0;
	if (stmt_exists(r->s, &yes, e, _("reading the classement"),
			"SELECT 1 FROM dossiers d WHERE " SCOPE " AND d.id = ?3", "nnI",
			r->o->campaign, r->o->region, id) < 0)
		return -1;
	return yes;
}

static char *rank_notes(const struct rank_row *w)
{
	char *s = NULL;
	if (!w->visible)
		return xstrdup(_("hidden until you submit your review"));
	if (!w->n_submitted)
		xappendf(&s, "%s%s", s ? "; " : "", _("no submitted review"));
	if (w->eliminated)
		xappendf(&s, "%s%s %s", s ? "; " : "", _("eliminated:"), w->eliminated_by);
	if (w->n_submitted && !w->gates_met)
		xappendf(&s, "%s%s", s ? "; " : "", _("blocking gate not met"));
	if (w->divergent)
		xappendf(&s, "%s%s %s", s ? "; " : "", _("divergent:"), w->divergent_on);
	if (w->tie_reason)
		xappendf(&s, "%s%s %s", s ? "; " : "", _("tie broken by"), _(w->tie_reason));
	return s ? s : xstrdup("");
}

static void rank_line(struct report *r, struct doc_table *t, const struct rank_row *w, int rank)
{
	char rk[16], mean[32] = "", raw_mean[32] = "", reviews[32];
	num(rank, rk);
	if (w->visible && w->has_total) {
		fmt_decimal(r->l, w->mean_total, 2, mean, sizeof mean);
		snprintf(raw_mean, sizeof raw_mean, "%.2f", w->mean_total);
	}
	snprintf(reviews, sizeof reviews, "%d/%d", w->n_submitted, w->required);
	char *notes = rank_notes(w);
	const char *row[] = {rk, w->ds_number, w->ptce_name, w->visible ? reviews : "", mean,
			     w->visible && w->band_label ? w->band_label : "", notes};
	const char *raw[] = {NULL, NULL, NULL, NULL, raw_mean, w->visible ? w->band : "", NULL};
	doc_row(t, row, raw);
	free(notes);
}

static int classement(struct report *r, struct perr *e)
{
	struct rank_row *rows = NULL;
	size_t n = 0;
	if (ranking_build(r->s, r->a, 2, r->o->region, &rows, &n, e) < 0)
		return -1;
	doc_heading(r->d, _("Phase 2 classement"));
	const char *head[] = {"#", _("Dossier"), _("PTCE"), _("Reviews"), _("Mean"), _("Band"), _("Notes")};
	struct doc_table *t = NULL;
	int rank = 0, rc = 0;
	for (size_t i = 0; i < n && rc >= 0; i++) {
		if ((rc = in_scope(r, rows[i].dossier_id, e)) <= 0)
			continue;
		if (!t)
			t = doc_table(r->d, 7, head, "rlwlrlw");
		rank_line(r, t, &rows[i], ++rank);
	}
	if (rc >= 0 && !t)
		doc_para(r->d, _("No dossier in phase 2."), 0);
	ranking_free(&rows, n);
	return rc < 0 ? -1 : 0;
}

static void money_row(struct report *r, struct doc_table *t, const struct campaign_money *m)
{
	char env[48], used[48], rem[48], nf[16], re[24], ru[24], rr[24];
	snprintf(re, sizeof re, "%lld", m->envelope);
	snprintf(ru, sizeof ru, "%lld", m->used);
	snprintf(rr, sizeof rr, "%lld", m->remaining);
	const char *row[] = {m->name, fmt_amount(r->l, m->envelope, env, sizeof env),
			     fmt_amount(r->l, m->used, used, sizeof used),
			     fmt_amount(r->l, m->remaining, rem, sizeof rem), num(m->n_funded, nf)};
	const char *raw[] = {NULL, re, ru, rr, NULL};
	doc_row(t, row, raw);
}

static int envelope(struct report *r, struct perr *e)
{
	struct campaign_money *cm = NULL;
	size_t n = 0;
	if (campaign_money_list(r->s, &cm, &n, e) < 0)
		return -1;
	doc_heading(r->d, _("Envelope"));
	const char *head[] = {_("Campaign"), _("Envelope"), _("Used"), _("Remaining"), _("Lauréats")};
	struct doc_table *t = doc_table(r->d, 5, head, "wrrrr");
	for (size_t i = 0; i < n; i++)
		if (!r->o->campaign || strcmp(cm[i].name, r->o->campaign) == 0)
			money_row(r, t, &cm[i]);
	campaign_money_free(&cm, n);
	return 0;
}

/* ---- the period's decisions, the reviews owed ---- */

static int decisions(struct report *r, struct perr *e)
{
	char since[48];
	fmt_date(r->l, r->o->since, since, sizeof since);
	char *h = xasprintf(_("Decisions since %s"), since);
	doc_heading(r->d, h);
	free(h);
	sqlite3_stmt *st = stmt_query(r->s, e,
		"SELECT h.at, d.ds_number, d.ptce_name, h.from_state, h.to_state, h.actor,"
		" coalesce(h.motivation, ''), h.override FROM history h JOIN dossiers d ON d.id = h.dossier_id"
		" WHERE " SCOPE " AND h.from_state IS NOT NULL AND h.to_state IS NOT NULL AND h.at >= ?3"
		" ORDER BY h.at, h.id", "nnt", r->o->campaign, r->o->region, r->o->since);
	if (!st)
		return -1;
	struct doc_table *t = NULL;
	int rc;
	while ((rc = stmt_next(r->s, &st, e, _("reading the decisions"))) == 1) {
		const char *head[] = {_("Date"), _("Dossier"), _("PTCE"), _("Decision"), _("Motivation")};
		if (!t)
			t = doc_table(r->d, 5, head, "llwww");
		char when[48];
		const char *at = (const char *)sqlite3_column_text(st, 0);
		const char *from = (const char *)sqlite3_column_text(st, 3), *to = (const char *)sqlite3_column_text(st, 4);
		char *move = xasprintf("%s → %s", state_label(from), state_label(to));
		char *raw_move = xasprintf("%s -> %s", from, to);
		char *mot = xasprintf("%s%s (%s)", sqlite3_column_int(st, 7) ? _("[override] ") : "",
				      (const char *)sqlite3_column_text(st, 6), (const char *)sqlite3_column_text(st, 5));
		const char *row[] = {fmt_date(r->l, at, when, sizeof when), (const char *)sqlite3_column_text(st, 1),
				     (const char *)sqlite3_column_text(st, 2), move, mot};
		const char *raw[] = {at, NULL, NULL, raw_move, NULL};
		doc_row(t, row, raw);
		free(move);
		free(raw_move);
		free(mot);
	}
	if (rc == 0 && !t)
		doc_para(r->d, _("No decision in this period."), 0);
	return rc;
}

/* Flush one reviewer's line of the reviews owed. */
static void owed_line(struct doc_table *t, const char *who, int n, const char *list)
{
	char c[16];
	const char *row[] = {who, num(n, c), list};
	doc_row(t, row, NULL);
}

static int missing_reviews(struct report *r, struct perr *e)
{
	char *phase = procedure_phase_sql("d", 0), *roles = roles_sql(PERMISSION_SCORE_ROLES);
	char *sql = xasprintf(
		"SELECT a.login, coalesce(p.display_name, a.login), d.ds_number FROM assignments a"
		" JOIN dossiers d ON d.id = a.dossier_id LEFT JOIN reviewers p ON p.login = a.login"
		" WHERE " SCOPE " AND %s > 0"
		" AND EXISTS (SELECT 1 FROM reviewer_roles x WHERE x.login = a.login AND x.role IN (%s))"
		" AND NOT EXISTS (SELECT 1 FROM conflicts c WHERE c.dossier_id = d.id AND c.reviewer = a.login)"
		" AND NOT EXISTS (SELECT 1 FROM reviews v WHERE v.dossier_id = d.id AND v.reviewer = a.login"
		"                 AND v.phase = %s AND v.status = 'submitted')"
		" ORDER BY 2, a.login, d.ds_number", phase, roles, phase);
	sqlite3_stmt *st = scoped(r, e, sql);
	free(sql);
	free(phase);
	free(roles);
	if (!st)
		return -1;
	doc_heading(r->d, _("Reviews still missing"));
	const char *head[] = {_("Reviewer"), _("Missing"), _("Dossiers")};
	struct doc_table *t = NULL;
	char login[64] = "", *who = NULL, *list = NULL;
	int n = 0, rc;
	while ((rc = stmt_next(r->s, &st, e, _("reading the reviews owed"))) == 1) {
		const char *l = (const char *)sqlite3_column_text(st, 0);
		if (!t)
			t = doc_table(r->d, 3, head, "wrw");
		if (strcmp(l, login) != 0) {
			if (who)
				owed_line(t, who, n, list);
			free(who);
			free(list);
			who = xasprintf("%s (%s)", (const char *)sqlite3_column_text(st, 1), l);
			list = NULL;
			n = 0;
			snprintf(login, sizeof login, "%s", l);
		}
		xappendf(&list, "%s%s", list ? ", " : "", (const char *)sqlite3_column_text(st, 2));
		n++;
	}
	if (who)
		owed_line(t, who, n, list);
	free(who);
	free(list);
	if (rc == 0 && !t)
		doc_para(r->d, _("Every assigned reviewer has submitted their review."), 0);
	return rc;
}

/* ---- the whole ---- */

static int check_scope(struct report *r, struct perr *e)
{
	if (!access_sees_all(r->a))
		return perr_set(e, P_REFUSED, "%s", _("the report covers every dossier: it is for instructeurs, coordinateurs and lecteurs; as an expert you see only the dossiers you were asked about (ptce list)."));
	if (!r->o->campaign)
		return 0;
	int yes = 0;
	if (stmt_exists(r->s, &yes, e, _("reading campaigns"), "SELECT 1 FROM campaigns WHERE name = ?",
			"t", r->o->campaign) < 0)
		return -1;
	if (!yes) {
		char *names = NULL;
		stmt_text(r->s, &names, e, _("reading campaigns"),
			  "SELECT group_concat(name, ', ') FROM campaigns", "");
		perr_set(e, P_NOTFOUND, _("no campaign is named '%s' (known: %s)"), r->o->campaign,
			 names && *names ? names : _("none"));
		free(names);
		return -1;
	}
	return 0;
}

static void report_head(struct report *r)
{
	char b[128], today[48], since[48];
	doc_title(r->d, _("Report for the CRA meeting"));
	doc_field(r->d, _("Région"), r->o->region ? paper_region(r->o->region, b, sizeof b) : _("every région"));
	doc_field(r->d, _("Millésime"), r->o->campaign ? r->o->campaign : _("every campaign"));
	char *p = xasprintf(_("decisions since %s"), fmt_date(r->l, r->o->since, since, sizeof since));
	doc_field(r->d, _("Period"), p);
	free(p);
	doc_field(r->d, _("Date"), fmt_today(r->l, today, sizeof today));
}

int report_build(struct store *s, const struct actor *a, const struct report_opts *o,
		 enum fmt_lang l, struct doc **out, struct perr *e)
{
	struct report r = {s, a, o, l == FMT_READER ? fmt_reader_lang() : l, NULL};
	*out = NULL;
	if (check_scope(&r, e) < 0)
		return -1;
	r.d = doc_new(_("Report for the CRA meeting"), r.l);
	report_head(&r);
	int rc = 0;
	int (*const sections[])(struct report *, struct perr *) = {
		counts_by_state, counts_by_region, overdue, overdue_complements, classement, envelope,
		decisions, missing_reviews,
	};
	for (size_t i = 0; i < sizeof sections / sizeof sections[0] && rc == 0; i++)
		rc = sections[i](&r, e) < 0 ? -1 : 0;
	if (rc < 0) {
		doc_free(&r.d);
		return -1;
	}
	r.d->footer = paper_footer(s, a, r.l);
	*out = r.d;
	return 0;
}
