/* demo.c - the engine of 'ptce init --demo': the cast made, then each dossier
 * of the table deposited and walked along its path by the real core calls
 * (moves through their guards, reviews, assignments, opinions), backdated. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/i18n.h"
#include "base/kv.h"
#include "demo/answers.h"
#include "demo/demo.h"
#include "demo/deposit.h"
#include "demo/dossiers_data.h"
#include "demo/texts_data.h"
#include "procedure/actor.h"
#include "procedure/dossier.h"
#include "review/review.h"
#include "store/stmt.h"
#include "store/store.h"
#include "workflow/move.h"

struct demo_ctx {
	FILE *warn;			/* where what was left out is said */
	struct store *s;
	time_t day0;			/* today 00:00 UTC: dates are relative to it */
	struct actor me;		/* the account running ptce init --demo */
	struct actor *cast;		/* demo_people's; login "" for the running account */
	struct checklist *grid[3];	/* [1] phase 1, [2] phase 2; NULL: no reviews */
	int reviews_ok;			/* review.h works: reviews are written */
};

/* One dossier's story: each event comes later than the one before, at a
 * fraction of the time since deposit; step counts the events. */
struct story {
	struct demo_ctx *c;
	size_t i;			/* index in demo_dossiers[] */
	const struct demo_dossier *dd;
	long long id;
	int step;
	const char *rev[2];		/* its two instructeurs */
};

/* An actor by login: one of the cast, else the running account. */
static const struct actor *who(const struct demo_ctx *c, const char *login)
{
	for (size_t i = 0; i < demo_n_people; i++)
		if (c->cast[i].login[0] && strcmp(demo_people[i].login, login) == 0)
			return &c->cast[i];
	return &c->me;
}

static void tick(struct story *k, double frac, char at[21])
{
	int days = (int)(k->dd->deposited * frac);
	if (days < 1)
		days = 1;
	k->step++;
	demo_when(k->c->day0, days, 7 + (k->step < 13 ? k->step : 13),
		  (int)((k->i * 7 + (size_t)k->step * 13) % 60), at);
}

/* Close the transaction a step opened: commit what worked, else roll back. */
static int finish(struct store *s, int rc, struct perr *e)
{
	if (rc < 0) {
		store_rollback(s);
		return -1;
	}
	return store_commit(s, e);
}

/* ---- the core calls, backdated --------------------------------------------- */

static int assign_one(struct story *k, const char *login, const char *at, struct perr *e)
{
	struct store *s = k->c->s;
	if (stmt_run(s, e, "demo: assignments",
		     "INSERT OR IGNORE INTO assignments(dossier_id, login, assigned_by, assigned_at)"
		     " VALUES (?,?,?,?)", "Ittt", k->id, login, DEMO_COORDINATEUR, at) < 0)
		return -1;
	if (sqlite3_changes(s->db) == 0)
		return 0;
	char *detail = NULL;
	kv_add(&detail, "login", login);
	int rc = history_add(s, k->id, at, DEMO_COORDINATEUR, DEMO_COORDINATEUR, "assign", NULL,
			     detail, e);
	free(detail);
	return rc;
}

/* Assign reviewers, backdated (assignment_set records the present time). */
static int assign(struct story *k, double frac, const char *const *logins, size_t n,
		  struct perr *e)
{
	char at[21];
	int rc = 0;
	tick(k, frac, at);
	if (store_begin(k->c->s, e) < 0)
		return -1;
	for (size_t j = 0; j < n && rc == 0; j++)
		rc = assign_one(k, logins[j], at, e);
	return finish(k->c->s, rc, e);
}

/* Move through the procedure as person login, backdated. A guard that says
 * no (a build without reviews, or a grid stricter than this demo expects)
 * is overridden with a motivation, as a coordinateur would: the demo must
 * always be created. */
static int move(struct story *k, double frac, const char *to, const char *login,
		const char *reason, const struct move_request *extra, struct perr *e)
{
	struct move_request req = {0};
	char at[21];
	if (extra)
		req = *extra;
	tick(k, frac, at);
	req.at = at;
	req.reason = reason;
	struct perr first = {0};
	if (move_apply(k->c->s, who(k->c, login), k->id, to, &req, &first) == 0)
		return 0;
	if (first.status == P_REFUSED) {
		struct perr again = {0};
		req.override = 1;
		if (!req.reason)
			req.reason = demo_reason_override;
		if (move_apply(k->c->s, who(k->c, DEMO_COORDINATEUR), k->id, to, &req, &again) == 0)
			return 0;
	}
	return perr_set(e, first.status, "demo dossier %s -> %s: %s", k->dd->ptce, to, first.msg);
}

/* Compléments demandés, backdated; due days from today (negative: overdue). */
static int complements(struct story *k, struct perr *e)
{
	const struct demo_fate *f = &k->dd->fate;
	const struct actor *a = who(k->c, f->complements.by);
	struct store *s = k->c->s;
	char at[21], due[21], detail[64];
	tick(k, f->complements.at, at);
	demo_when(k->c->day0, -f->complements.due_days, 0, 0, due);
	due[10] = '\0';
	snprintf(detail, sizeof detail, "due=%s", due);
	if (store_begin(s, e) < 0)
		return -1;
	int rc = stmt_run(s, e, "demo: complements",
			  "UPDATE dossiers SET complements_due = ?, complements_note = ?,"
			  " revision = revision + 1, updated_at = ? WHERE id = ?",
			  "tttI", due, f->complements.note, at, k->id);
	if (rc == 0)
		rc = history_add(s, k->id, at, a->login, a->real_login, "complements",
				 f->complements.note, detail, e);
	return finish(s, rc, e);
}

/* Conflicts and opinions are reviews' business: left out, with a word on
 * warn, when reviews are. */
static void conflict(struct story *k)
{
	const struct demo_fate *f = &k->dd->fate;
	struct demo_ctx *c = k->c;
	if (!f->conflict.login || !c->reviews_ok)
		return;
	char at[21];
	struct perr ce = {0};
	tick(k, f->conflict.at, at);
	if (conflict_declare(c->s, who(c, f->conflict.login), k->id, NULL, f->conflict.text, at,
			     &ce) < 0)
		fprintf(c->warn, _("ptce: demo: conflict of interest left out (%s)\n"), ce.msg);
}

static void opinion(struct story *k)
{
	const struct demo_fate *f = &k->dd->fate;
	struct demo_ctx *c = k->c;
	if (!c->reviews_ok)
		return;
	char at[21];
	long long oid = 0;
	struct perr oe = {0};
	tick(k, f->opinion.asked, at);
	if (opinion_ask(c->s, who(c, DEMO_COORDINATEUR), k->id, f->opinion.expert,
			f->opinion.question, at, &oid, &oe) == 0 && f->opinion.answer) {
		tick(k, f->opinion.answered, at);
		opinion_answer(c->s, who(c, f->opinion.expert), oid, f->opinion.favourable,
			       f->opinion.answer, at, &oe);
	}
	if (oe.status != P_OK)
		fprintf(c->warn, _("ptce: demo: expert opinions left out (%s)\n"), oe.msg);
}

/* One review of the dossier on the grid of phase as login (see answers_make).
 * A review that fails leaves the reviews out, said once: the guards are then
 * overridden with a motivation. */
static void write_review(struct story *k, int phase, const char *login, const char *spec,
			 int submit, double frac)
{
	struct demo_ctx *c = k->c;
	const struct checklist *g = c->grid[phase];
	if (!c->reviews_ok || !g || g->n_crit == 0)
		return;
	struct demo_answers a;
	char at[21];
	struct perr re = {0};
	answers_make(g, phase, k->i, k->step, spec, submit, &a);
	tick(k, frac, at);
	int rc = review_write(c->s, who(c, login), k->id, g, a.in, a.n, submit, at, NULL, NULL, &re);
	answers_free(&a);
	if (rc < 0) {
		fprintf(c->warn, _("ptce: demo: reviews left out (%s)\n"), re.msg);
		c->reviews_ok = 0;
	}
}

/* ---- the steps of a path --------------------------------------------------- */

/* The first instructeur opens instruction; st->n instructeurs are assigned. */
static int step_open(struct story *k, const struct demo_step *st, struct perr *e)
{
	if (move(k, st->at, st->to, k->rev[0], NULL, NULL, e) < 0)
		return -1;
	return assign(k, st->at, k->rev, (size_t)st->n, e);
}

/* Phase 1 reviews, one letter per instructeur: 'S' submitted, 'D' draft,
 * '-' none; each a little later than the one before. */
static void step_reviews1(struct story *k, const struct demo_step *st)
{
	const struct demo_fate *f = &k->dd->fate;
	const char *plan = f->p1_plan ? f->p1_plan : st->plan;
	for (int j = 0; plan && j < 2 && plan[j]; j++)
		if (plan[j] != '-')
			write_review(k, 1, k->rev[j], f->p1_answers ? f->p1_answers : "",
				     plan[j] == 'S', st->at - 0.04 * j);
}

/* Phase 2 reviews by the two instructeurs of phase 1 (the funding guard
 * waits for every assigned reviewer) and, when a third is given, by the
 * first of the pool who is neither, assigned for it. */
static int step_reviews2(struct story *k, const struct demo_step *st, struct perr *e)
{
	const char *const *answers = k->dd->fate.p2_answers;
	const char *revs[3] = {k->rev[0], k->rev[1], DEMO_COORDINATEUR};
	size_t n = 0;
	for (size_t j = 0; j < demo_n_pool; j++)
		if (strcmp(demo_pool[j], k->rev[0]) && strcmp(demo_pool[j], k->rev[1])) {
			revs[2] = demo_pool[j];
			break;
		}
	while (n < 3 && answers[n])
		n++;
	if (n > 2 && assign(k, st->at + 0.05, revs + 2, 1, e) < 0)
		return -1;
	for (size_t j = 0; j < n; j++) {
		int draft = answers[j][0] == '~';
		write_review(k, 2, revs[j], answers[j] + draft, !draft, st->at - 0.03 * (double)j);
	}
	return 0;
}

/* What the fate adds to its path: an assignment, compléments, an opinion. */
static int step_extras(struct story *k, struct perr *e)
{
	const struct demo_fate *f = &k->dd->fate;
	if (f->assign.who != ASSIGN_NONE) {
		const char *login = f->assign.who == ASSIGN_ME ? k->c->me.login : k->rev[0];
		if (assign(k, f->assign.at, &login, 1, e) < 0)
			return -1;
	}
	if (f->complements.note && complements(k, e) < 0)
		return -1;
	if (f->opinion.expert)
		opinion(k);
	return 0;
}

/* The coordinateur's decision. Funding carries the national cell's
 * validation; the envelope is configuration, and a round too small for
 * every laureate leaves the others in phase 2, said on warn. */
static int step_move(struct story *k, const struct demo_step *st, struct perr *e)
{
	const char *reason = st->reason ? st->reason : k->dd->fate.decision;
	if (!st->validated)
		return move(k, st->at, st->to, DEMO_COORDINATEUR, reason, NULL, e);
	char vdate[21], ref[32];
	tick(k, st->validated, vdate);
	vdate[10] = '\0';
	snprintf(ref, sizeof ref, "CNA-%.4s-%03d", vdate, 11 + (int)k->i);
	struct move_request req = {.validation_ref = ref, .validation_date = vdate};
	if (move(k, st->at, st->to, DEMO_COORDINATEUR, reason, &req, e) == 0)
		return 0;
	if (e->status != P_INVALID)
		return -1;
	fprintf(k->c->warn, _("ptce: demo: %s stays in phase 2 (%s)\n"), k->dd->ptce, e->msg);
	perr_clear(e);
	return 0;
}

static int run_step(struct story *k, const struct demo_step *st, struct perr *e)
{
	switch (st->kind) {
	case STEP_OPEN:
		return step_open(k, st, e);
	case STEP_REVIEWS1:
		step_reviews1(k, st);
		return 0;
	case STEP_REVIEWS2:
		return step_reviews2(k, st, e);
	case STEP_EXTRAS:
		return step_extras(k, e);
	case STEP_MOVE:
		return step_move(k, st, e);
	case STEP_END:
		break;
	}
	return 0;
}

/* ---- a dossier's story ------------------------------------------------------ */

/* The dossier as deposited, with its pieces (the accounts are missing when
 * compléments will be asked for), in one transaction. */
static int deposit(struct story *k, struct perr *e)
{
	struct demo_ctx *c = k->c;
	struct dossier d;
	char at[21];
	int rc = deposit_make(k->i, c->day0, &d, e);
	demo_when(c->day0, k->dd->deposited, 8, (int)(k->i * 7 % 60), at);
	if (rc == 0 && (rc = store_begin(c->s, e)) == 0) {
		rc = dossier_save(c->s, c->me.login, c->me.real_login, &d, 1, at, NULL, &k->id, e);
		if (rc == 0)
			rc = deposit_documents(c->s, k->id, &d, !k->dd->fate.complements.note, e);
		rc = finish(c->s, rc, e);
	}
	dossier_clear(&d);
	return rc;
}

static int run_story(struct demo_ctx *c, size_t i, struct perr *e)
{
	struct story k = {.c = c, .i = i, .dd = &demo_dossiers[i]};
	const struct demo_step *steps = demo_paths[k.dd->fate.path].steps;
	if (deposit(&k, e) < 0)
		return -1;
	for (size_t j = 0; j < 2; j++)
		k.rev[j] = k.dd->fate.reviewers[j] ? k.dd->fate.reviewers[j]
						   : demo_pool[(i + j) % DEMO_N_TURN];
	conflict(&k);
	for (size_t j = 0; j < DEMO_MAX_STEPS && steps[j].kind != STEP_END; j++)
		if (run_step(&k, &steps[j], e) < 0)
			return -1;
	return 0;
}

/* ---- entry point ------------------------------------------------------------ */

/* Laureates are funded from a round's envelope: ptce init records the rounds
 * of the configuration; one without any still gets a demo round. */
static int ensure_campaign(struct demo_ctx *c, struct perr *e)
{
	long long n = 0;
	char at[21];
	if (stmt_int(c->s, &n, 0, e, "demo: campaigns",
		     "SELECT count(*) FROM campaigns WHERE is_current = 1", NULL) < 0)
		return -1;
	if (n > 0)
		return 0;
	demo_when(c->day0, 210, 9, 0, at);
	if (store_begin(c->s, e) < 0)
		return -1;
	return finish(c->s, stmt_run(c->s, e, "demo: campaigns",
				     "INSERT INTO campaigns(name, envelope_eur, amount_per_year_eur, years,"
				     " is_current, created_at) VALUES ('AMI PTCE (démonstration)',"
				     " 500000, 50000, 2, 1, ?)", "t", at), e);
}

/* The invented people, as reviewers; the account running this keeps its
 * own roles. */
static int make_cast(struct demo_ctx *c, struct perr *e)
{
	for (size_t p = 0; p < demo_n_people; p++) {
		const struct demo_person *dp = &demo_people[p];
		if (strcmp(dp->login, c->me.login) == 0)
			continue;
		if (reviewer_add(c->s, &c->me, dp->login, dp->name, dp->org, dp->email, dp->roles,
				 e) < 0 ||
		    actor_load(c->s, dp->login, &c->cast[p], e) < 0)
			return -1;
	}
	return 0;
}

/* Reviews need the grids; without them the demo is still made, its guarded
 * moves recorded as motivated overrides. */
static void load_grids(struct demo_ctx *c, const char *checklists_dir)
{
	c->reviews_ok = 1;
	for (int ph = 1; ph <= 2; ph++) {
		struct perr ge = {0};
		char name[16];
		snprintf(name, sizeof name, "phase%d", ph);
		if (!checklists_dir ||
		    checklist_load_named(checklists_dir, name, &c->grid[ph], &ge) < 0) {
			fprintf(c->warn, _("ptce: demo: reviews left out (%s)\n"),
				ge.msg[0] ? ge.msg : _("no checklists directory in the configuration"));
			c->reviews_ok = 0;
			return;
		}
	}
}

int demo_fill(struct store *s, const struct actor *me, const char *checklists_dir,
	      FILE *warn, struct perr *e)
{
	struct demo_ctx c = {.warn = warn, .s = s, .me = *me};
	time_t now = time(NULL);
	int rc = -1;
	c.day0 = now - now % 86400;
	c.cast = xcalloc(demo_n_people, sizeof *c.cast);
	if (make_cast(&c, e) == 0) {
		load_grids(&c, checklists_dir);
		rc = ensure_campaign(&c, e);
		for (size_t i = 0; rc == 0 && i < demo_n_dossiers; i++)
			rc = run_story(&c, i, e);
	}
	checklist_free(&c.grid[1]);
	checklist_free(&c.grid[2]);
	free(c.cast);
	return rc;
}
