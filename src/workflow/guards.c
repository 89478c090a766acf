/* guards.c - what a transition requires beyond roles and motivation: enough
 * submitted reviews of the phase it closes, gates met, the favourable band,
 * and what its inputs name (the national validation, money in the
 * envelope). */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/fmt.h"
#include "base/i18n.h"
#include "base/text.h"
#include "procedure/permission.h"
#include "review/aggregate.h"
#include "store/stmt.h"
#include "workflow/guards.h"

#define REASONS 2048

/* Join a reason to the others in buf, with "; ". */
static void reason_add(char *buf, size_t len, const char *text)
{
	text_join(buf, len, "; ", text);
}

/* The review phase the guarded transition closes (that of its from state). */
static int guard_phase(enum guard_id id)
{
	const struct transition_def *t = guard_transition(id);
	return t ? state_review_phase(t->from) : 0;
}

/* Reviews of phase the reviewers assigned to the dossier still owe (not in
 * conflict, no submitted review of that phase): "bob, carol" or NULL. A
 * busy or broken read must not pass for "nobody owes a review": -1. */
static int missing_assigned(struct store *s, long long dossier_id, int phase, char **out,
			    struct perr *e)
{
	char *roles = roles_sql(PERMISSION_SCORE_ROLES);
	char *sql = xasprintf(
		"SELECT group_concat(login, ', ') FROM (SELECT a.login FROM assignments a"
		" WHERE a.dossier_id = ?1"
		" AND NOT EXISTS (SELECT 1 FROM conflicts c WHERE c.dossier_id = ?1 AND c.reviewer = a.login)"
		" AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.dossier_id = ?1 AND r.reviewer = a.login"
		"                 AND r.phase = ?2 AND r.status = 'submitted')"
		" AND EXISTS (SELECT 1 FROM reviewer_roles x WHERE x.login = a.login AND x.role IN (%s))"
		" ORDER BY a.login)", roles);
	int rc = stmt_text(s, out, e, _("reading the assigned reviewers"), sql, "Ii", dossier_id, phase);
	free(sql);
	free(roles);
	if (rc < 0)
		return -1;
	if (*out && !**out) {
		free(*out);
		*out = NULL;
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
	char why[REASONS] = "";
	struct checklist *g = NULL;
	struct aggregate ag;
	if (reviews_reasons(s, dossier_id, guard_phase(GUARD_PHASE1_RETAINED), &g, &ag, why, sizeof why, e) < 0)
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

/* Whether the envelope has room for the amount: amount x years, compared
 * without multiplying first so that it cannot overflow. */
static int money_fits(const struct money *m, long long left, long long *need)
{
	int too_much = m->years <= 0 || m->amount > (left > 0 ? left : 0) / m->years;
	*need = too_much && m->years > 0 && m->amount > LLONG_MAX / m->years
		? LLONG_MAX : m->amount * m->years;
	return !too_much || *need <= left;	/* the division rounded down */
}

/* The campaign a dossier is funded from (its own, else the current one),
 * with the amounts the request asks for (campaign defaults for 0): 0 when
 * the envelope has room, 1 with a reason when not, -1 when the query fails. */
static int money_for(struct store *s, long long dossier_id, const struct move_request *req,
		     struct money *m, char *why, size_t len, struct perr *e)
{
	struct perr ignored;
	long long per_year = 0, years = 0, need;
	sqlite3_stmt *st = stmt_query(s, e,
		"SELECT c.id, c.name, c.envelope_eur, c.amount_per_year_eur, c.years,"
		" (SELECT COALESCE(SUM(f.amount_per_year_eur * f.years), 0) FROM funding_decisions f WHERE f.campaign_id = c.id)"
		" FROM campaigns c WHERE c.id = COALESCE((SELECT campaign_id FROM dossiers WHERE id = ?),"
		"                                        (SELECT id FROM campaigns WHERE is_current = 1 ORDER BY id DESC LIMIT 1))",
		"I", dossier_id);
	if (!st)
		return -1;
	if (stmt_next(s, &st, &ignored, "") <= 0) {
		reason_add(why, len, _("the dossier belongs to no campaign and no campaign is current: declare the round (millésime) and its envelope in the configuration"));
		return 1;
	}
	stmt_columns(st, "ItIIII", &m->campaign_id, &m->name, &m->envelope, &per_year, &years, &m->used);
	stmt_done(&st);
	m->amount = req && req->amount_per_year > 0 ? req->amount_per_year : per_year;
	m->years = req && req->years > 0 ? req->years : years;
	long long left = m->envelope - m->used;
	if (money_fits(m, left, &need))
		return 0;
	char one[512];
	char a[5][32];
	snprintf(one, sizeof one, P_("campaign '%s' has %s left of its %s envelope (%s used); this laureate needs %s (%s a year for %lld year)",
				     "campaign '%s' has %s left of its %s envelope (%s used); this laureate needs %s (%s a year for %lld years)", m->years),
		 m->name, fmt_eur(FMT_READER, left, 0, a[0], 32), fmt_eur(FMT_READER, m->envelope, 0, a[1], 32),
		 (fmt_reader_lang() == FMT_FR ? fmt_amount(FMT_FR, m->used, a[2], 32)
		  : fmt_grouped(m->used, "", a[2], 32)), fmt_eur(FMT_READER, need, 0, a[3], 32),
		 fmt_eur(FMT_READER, m->amount, 0, a[4], 32), m->years);
	reason_add(why, len, one);
	return 1;
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

/* MOVE_IN_VALIDATION: the national validation's reference and date. */
static void validation_reasons(const struct move_request *req, char *why, size_t len)
{
	if (!req || !req->validation_ref || !*req->validation_ref)
		reason_add(why, len, _("the national validation is not recorded: give its reference with --validation-ref REF"));
	if (!req || !req->validation_date || !*req->validation_date) {
		reason_add(why, len, _("the national validation date is missing: give it with --validation-date YYYY-MM-DD"));
	} else if (!date_valid(req->validation_date)) {
		char one[256];
		snprintf(one, sizeof one, _("the validation date '%.40s' is not a date YYYY-MM-DD"), req->validation_date);
		reason_add(why, len, one);
	} else {
		/* A validation is recorded once given: never on a day to come. */
		char today[16], one[256];
		time_t t = time(NULL);
		struct tm lt;
		localtime_r(&t, &lt);
		strftime(today, sizeof today, "%Y-%m-%d", &lt);
		if (strcmp(req->validation_date, today) > 0) {
			snprintf(one, sizeof one, _("the validation date %s is in the future (today is %s); record the national validation once it is given"),
				 req->validation_date, today);
			reason_add(why, len, one);
		}
	}
}

/* The requirements no override lifts: the national validation and the
 * money (the inputs this guard declares, which its transition asks for). */
static int hard_reasons(struct store *s, long long dossier_id, const struct move_request *req,
			struct money *m, char *why, size_t len, struct perr *e)
{
	memset(m, 0, sizeof *m);
	validation_reasons(req, why, len);
	if (req && (req->amount_per_year < 0 || req->years < 0 || req->years > 5))
		reason_add(why, len, _("the amount per year must be positive and the years between 1 and 5"));
	return money_for(s, dossier_id, req, m, why, len, e) < 0 ? -1 : 0;
}

/* Soft reasons: the reviews (a coordinateur may override them). */
static int review_reasons2(struct store *s, long long dossier_id, int phase, char *why, size_t len,
			   struct perr *e)
{
	struct checklist *g = NULL;
	struct aggregate ag;
	if (reviews_reasons(s, dossier_id, phase, &g, &ag, why, len, e) < 0)
		return -1;
	if (g && ag.n_submitted > 0) {
		char one[512];
		if (ag.eliminated) {
			const struct criterion *c = checklist_find(g, ag.eliminated_by);
			char mean[48], below[48];
			snprintf(one, sizeof one, _("the reviews eliminate the dossier: criterion %s averages %s points, under %s"),
				 ag.eliminated_by,
				 fmt_decimal(FMT_READER, c ? ag.crit[c - g->crit].mean_points : 0.0, 2, mean, sizeof mean),
				 fmt_short(FMT_READER, c ? c->eliminate_below : 0.0, below, sizeof below));
			reason_add(why, len, one);
		}
		if (g->favourable >= 0 && ag.mean_total + 1e-9 < g->bands[g->favourable].min) {
			char mean[48], min[48];
			snprintf(one, sizeof one, _("the mean total is %s, under the %s points of band '%s' (%s)"),
				 fmt_decimal(FMT_READER, ag.mean_total, 2, mean, sizeof mean),
				 fmt_short(FMT_READER, g->bands[g->favourable].min, min, sizeof min), g->bands[g->favourable].id,
				 g->bands[g->favourable].label);
			reason_add(why, len, one);
		}
	}
	aggregate_done(&ag);
	checklist_free(&g);
	return 0;
}

/* Everything that speaks for or against funding a dossier. */
struct funding {
	char soft[REASONS];	/* the reviews' judgement: an override lifts it */
	char hard[REASONS];	/* the transition's inputs: nothing lifts them */
	struct money m;
};

static int funding_reasons(struct store *s, long long dossier_id, const struct move_request *req,
			   struct funding *f, struct perr *e)
{
	f->soft[0] = f->hard[0] = '\0';
	if (hard_reasons(s, dossier_id, req, &f->m, f->hard, sizeof f->hard, e) < 0 ||
	    review_reasons2(s, dossier_id, guard_phase(GUARD_PHASE2_FUNDED), f->soft, sizeof f->soft, e) < 0) {
		free(f->m.name);
		return -1;
	}
	return 0;
}

static int phase2_funded(struct store *s, long long dossier_id, const struct actor *a,
			 const struct move_request *req, struct perr *e)
{
	(void)a;
	struct funding f;
	if (funding_reasons(s, dossier_id, req, &f, e) < 0)
		return -1;
	free(f.m.name);
	/* A hard requirement is never overridden (P_INVALID); the reviews'
	 * judgement may be (P_REFUSED). Both are named either way. */
	if (*f.hard && *f.soft)
		return perr_set(e, P_INVALID, "%s; %s.", f.hard, f.soft);
	if (*f.hard)
		return perr_set(e, P_INVALID, "%s.", f.hard);
	if (*f.soft)
		return perr_set(e, P_REFUSED, "%s.", f.soft);
	return 0;
}

/* After phase2 -> funded: record the funding decision. An override lifts
 * what the reviews say, never the national validation nor the envelope:
 * those are checked again here. */
static int phase2_funded_after(struct store *s, long long dossier_id, const struct actor *a,
			       const struct move_request *req, const char *at, struct perr *e)
{
	struct funding f;
	if (funding_reasons(s, dossier_id, req, &f, e) < 0)
		return -1;
	int rc = *f.hard
		 ? perr_set(e, P_INVALID, _("the dossier cannot be funded, even with --override: %s. Nothing was changed."), f.hard)
		 : stmt_run(s, e, _("recording the funding decision"),
			    "INSERT INTO funding_decisions(dossier_id, campaign_id, amount_per_year_eur, years,"
			    " validation_ref, validation_date, decided_by, real_actor, decided_at, overridden)"
			    " VALUES (?,?,?,?,?,?,?,?,?,?)", "IIIItttttI",
			    dossier_id, f.m.campaign_id, f.m.amount, f.m.years, req->validation_ref,
			    req->validation_date, a->login, *a->real_login ? a->real_login : a->login, at,
			    (long long)(*f.soft != '\0'));
	free(f.m.name);
	return rc;
}

static const struct guard_def guards[] = {
	{GUARD_PHASE1_RETAINED, phase1_retained, NULL, 0},
	{GUARD_PHASE2_FUNDED, phase2_funded, phase2_funded_after, MOVE_IN_VALIDATION | MOVE_IN_AMOUNT},
};

const struct guard_def *guard_find(enum guard_id id)
{
	for (size_t i = 0; i < sizeof guards / sizeof guards[0]; i++)
		if (guards[i].id == id)
			return &guards[i];
	return NULL;
}
