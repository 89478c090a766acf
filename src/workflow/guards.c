/* guards.c - what a transition requires beyond roles and motivation: enough
 * submitted reviews, gates met, the favourable band, validation and money. */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "review/aggregate.h"
#include "workflow/guards.h"

/* Join reasons with "; " into e (P_REFUSED). Returns -1 when any. */
static void reason_add(char *buf, size_t len, const char *text)
{
	if (*buf)
		strncat(buf, "; ", len - strlen(buf) - 1);
	strncat(buf, text, len - strlen(buf) - 1);
}

/* Reviews of phase the reviewers assigned to the dossier still owe (not in
 * conflict, no submitted review of that phase): "bob, carol" or NULL. */
static int missing_assigned(struct store *s, long long dossier_id, int phase, char **out,
			    struct perr *e)
{
	*out = NULL;
	sqlite3_stmt *st = store_prepare(s,
		"SELECT a.login FROM assignments a WHERE a.dossier_id = ?1"
		" AND NOT EXISTS (SELECT 1 FROM conflicts c WHERE c.dossier_id = ?1 AND c.reviewer = a.login)"
		" AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.dossier_id = ?1 AND r.reviewer = a.login"
		"                 AND r.phase = ?2 AND r.status = 'submitted')"
		" AND EXISTS (SELECT 1 FROM reviewer_roles x WHERE x.login = a.login"
		"             AND x.role IN ('instructeur', 'coordinateur'))"
		" ORDER BY a.login", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, dossier_id);
	sqlite3_bind_int(st, 2, phase);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *l = (const char *)sqlite3_column_text(st, 0);
		char *n = *out ? xasprintf("%s, %s", *out, l) : xstrdup(l);
		free(*out);
		*out = n;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		/* A busy or broken read must not pass for "nobody owes a review". */
		free(*out);
		*out = NULL;
		return store_fail(s, e, _("reading the assigned reviewers"));
	}
	return 0;
}

/* Reasons the reviews of a phase do not allow a decision yet. */
static int reviews_reasons(struct store *s, long long dossier_id, int phase,
			   struct checklist **g, struct aggregate *ag, char *buf, size_t len,
			   struct perr *e)
{
	char one[1024];
	if (aggregate_dossier(s, dossier_id, phase, g, ag, e) < 0)
		return -1;
	if (!*g) {
		snprintf(one, sizeof one, _("no phase %d review has been written yet"), phase);
		reason_add(buf, len, one);
		return 0;
	}
	if (ag->n_submitted < ag->required) {
		snprintf(one, sizeof one, _("%d of the %d phase %d reviews grid '%s' requires are submitted (%d draft)"),
			 ag->n_submitted, ag->required, phase, (*g)->id, ag->n_draft);
		reason_add(buf, len, one);
	}
	char *owed = NULL;
	if (missing_assigned(s, dossier_id, phase, &owed, e) < 0) {
		aggregate_done(ag);
		checklist_free(g);
		return -1;
	}
	if (owed) {
		snprintf(one, sizeof one, _("assigned reviewers have not submitted their phase %d review: %s"), phase, owed);
		reason_add(buf, len, one);
		free(owed);
	}
	return 0;
}

static int phase1_retained(struct store *s, long long dossier_id, const struct actor *a,
			  const struct move_request *req, struct perr *e)
{
	(void)a;
	(void)req;
	char why[2048] = "";
	struct checklist *g = NULL;
	struct aggregate ag;
	if (reviews_reasons(s, dossier_id, 1, &g, &ag, why, sizeof why, e) < 0)
		return -1;
	if (g && !ag.gates_met) {
		char one[1024];
		snprintf(one, sizeof one, _("a blocking eligibility gate is answered 'no': %s"), ag.gates_failed);
		reason_add(why, sizeof why, one);
	}
	aggregate_done(&ag);
	checklist_free(&g);
	if (*why)
		return perr_set(e, P_REFUSED, "%s.", why);
	return 0;
}

struct money {
	long long campaign_id, envelope, used, amount, years;
	char *name;
};

/* The campaign a dossier is funded from (its own, else the current one),
 * with the amounts the request asks for (campaign defaults for 0). */
static int money_for(struct store *s, long long dossier_id, const struct move_request *req,
		     struct money *m, char *why, size_t len, struct perr *e)
{
	memset(m, 0, sizeof *m);
	sqlite3_stmt *st = store_prepare(s,
		"SELECT c.id, c.name, c.envelope_eur, c.amount_per_year_eur, c.years,"
		" (SELECT COALESCE(SUM(f.amount_per_year_eur * f.years), 0) FROM funding_decisions f WHERE f.campaign_id = c.id)"
		" FROM campaigns c WHERE c.id = COALESCE((SELECT campaign_id FROM dossiers WHERE id = ?),"
		"                                        (SELECT id FROM campaigns WHERE is_current = 1 ORDER BY id DESC LIMIT 1))", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, dossier_id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		reason_add(why, len, _("the dossier belongs to no campaign and no campaign is current: declare the round (millésime) and its envelope in the configuration"));
		return 1;
	}
	m->campaign_id = sqlite3_column_int64(st, 0);
	m->name = col_text(st, 1);
	m->envelope = sqlite3_column_int64(st, 2);
	m->amount = req && req->amount_per_year > 0 ? req->amount_per_year : sqlite3_column_int64(st, 3);
	m->years = req && req->years > 0 ? req->years : sqlite3_column_int64(st, 4);
	m->used = sqlite3_column_int64(st, 5);
	sqlite3_finalize(st);
	long long left = m->envelope - m->used;
	/* Compare without multiplying first: amount x years must not overflow. */
	int too_much = m->years <= 0 || m->amount > (left > 0 ? left : 0) / m->years;
	long long need = too_much && m->years > 0 && m->amount > LLONG_MAX / m->years
			 ? LLONG_MAX : m->amount * m->years;
	if (too_much && need <= left)
		too_much = 0;	/* the division rounded down */
	if (too_much) {
		char one[512];
		snprintf(one, sizeof one, _("campaign '%s' has %lld EUR left of its %lld EUR envelope (%lld used); this laureate needs %lld EUR (%lld EUR a year for %lld years)"),
			 m->name, left, m->envelope, m->used, need, m->amount, m->years);
		reason_add(why, len, one);
		return 1;
	}
	return 0;
}

static int date_valid(const char *d)
{
	if (!d || strlen(d) != 10 || d[4] != '-' || d[7] != '-')
		return 0;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)d[i]))
			return 0;
	int mo = atoi(d + 5), day = atoi(d + 8);
	return mo >= 1 && mo <= 12 && day >= 1 && day <= 31;
}

/* The requirements no override lifts: national validation and money. */
static int hard_reasons(struct store *s, long long dossier_id, const struct move_request *req,
			struct money *m, char *why, size_t len, struct perr *e)
{
	if (!req || !req->validation_ref || !*req->validation_ref)
		reason_add(why, len, _("the national validation is not recorded: give its reference with --validation-ref REF"));
	if (!req || !req->validation_date || !*req->validation_date)
		reason_add(why, len, _("the national validation date is missing: give it with --validation-date YYYY-MM-DD"));
	else if (!date_valid(req->validation_date)) {
		char one[256];
		snprintf(one, sizeof one, _("the validation date '%.40s' is not a date YYYY-MM-DD"), req->validation_date);
		reason_add(why, len, one);
	}
	if (req && (req->amount_per_year < 0 || req->years < 0 || req->years > 5))
		reason_add(why, len, _("the amount per year must be positive and the years between 1 and 5"));
	return money_for(s, dossier_id, req, m, why, len, e) < 0 ? -1 : 0;
}

/* Soft reasons: the reviews (a coordinateur may override them). */
static int review_reasons2(struct store *s, long long dossier_id, char *why, size_t len,
			   struct perr *e)
{
	struct checklist *g = NULL;
	struct aggregate ag;
	if (reviews_reasons(s, dossier_id, 2, &g, &ag, why, len, e) < 0)
		return -1;
	if (g && ag.n_submitted > 0) {
		char one[512];
		if (ag.eliminated) {
			const struct criterion *c = checklist_find(g, ag.eliminated_by);
			snprintf(one, sizeof one, _("the reviews eliminate the dossier: criterion %s averages %.2f points, under %g"),
				 ag.eliminated_by, c ? ag.crit[c - g->crit].mean_points : 0.0, c ? c->eliminate_below : 0.0);
			reason_add(why, len, one);
		}
		if (g->favourable >= 0 && ag.mean_total + 1e-9 < g->bands[g->favourable].min) {
			snprintf(one, sizeof one, _("the mean total is %.2f, under the %g points of band '%s' (%s)"),
				 ag.mean_total, g->bands[g->favourable].min, g->bands[g->favourable].id,
				 g->bands[g->favourable].label);
			reason_add(why, len, one);
		}
	}
	aggregate_done(&ag);
	checklist_free(&g);
	return 0;
}

static int phase2_funded(struct store *s, long long dossier_id, const struct actor *a,
			const struct move_request *req, struct perr *e)
{
	(void)a;
	char soft[2048] = "", hard[2048] = "";
	struct money m;
	if (review_reasons2(s, dossier_id, soft, sizeof soft, e) < 0)
		return -1;
	if (hard_reasons(s, dossier_id, req, &m, hard, sizeof hard, e) < 0) {
		free(m.name);
		return -1;
	}
	free(m.name);
	/* A hard requirement is never overridden (P_INVALID); the reviews'
	 * judgement may be (P_REFUSED). Both are named either way. */
	if (*hard && *soft)
		return perr_set(e, P_INVALID, "%s; %s.", hard, soft);
	if (*hard)
		return perr_set(e, P_INVALID, "%s.", hard);
	if (*soft)
		return perr_set(e, P_REFUSED, "%s.", soft);
	return 0;
}

/* After phase2 -> funded: record the funding decision. */
static int phase2_funded_after(struct store *s, long long dossier_id, const struct actor *a,
			       const struct move_request *req, const char *at, struct perr *e)
{
	/* An override lifts what the reviews say, never the national
	 * validation nor the envelope: re-check those here. */
	char why[2048] = "";
	struct money m;
	if (hard_reasons(s, dossier_id, req, &m, why, sizeof why, e) < 0) {
		free(m.name);
		return -1;
	}
	if (*why) {
		free(m.name);
		return perr_set(e, P_INVALID, _("the dossier cannot be funded, even with --override: %s. Nothing was changed."), why);
	}
	char soft[2048] = "";
	if (review_reasons2(s, dossier_id, soft, sizeof soft, e) < 0) {
		free(m.name);
		return -1;
	}
	sqlite3_stmt *st = store_prepare(s,
		"INSERT INTO funding_decisions(dossier_id, campaign_id, amount_per_year_eur, years,"
		" validation_ref, validation_date, decided_by, real_actor, decided_at, overridden)"
		" VALUES (?,?,?,?,?,?,?,?,?,?)", e);
	if (!st) {
		free(m.name);
		return -1;
	}
	sqlite3_bind_int64(st, 1, dossier_id);
	sqlite3_bind_int64(st, 2, m.campaign_id);
	sqlite3_bind_int64(st, 3, m.amount);
	sqlite3_bind_int64(st, 4, m.years);
	sqlite3_bind_text(st, 5, req->validation_ref, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, req->validation_date, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 7, a->login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 8, *a->real_login ? a->real_login : a->login, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 9, at, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 10, *soft != '\0');
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	free(m.name);
	if (rc != SQLITE_DONE)
		return store_fail(s, e, _("recording the funding decision"));
	return 0;
}

static const struct guard_def guards[] = {
	{GUARD_PHASE1_RETAINED, phase1_retained, NULL},
	{GUARD_PHASE2_FUNDED, phase2_funded, phase2_funded_after},
};

const struct guard_def *guard_find(enum guard_id id)
{
	for (size_t i = 0; i < sizeof guards / sizeof guards[0]; i++)
		if (guards[i].id == id)
			return &guards[i];
	return NULL;
}
