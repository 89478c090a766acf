/* test_review.c - reviews on a real database: drafts, revisions, submit and
 * reopen, blind visibility, conflicts, opinions, the form, and the guards. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixture.h"
#include "procedure/access.h"
#include "procedure/procedure.h"
#include "review/aggregate.h"
#include "review/conflict.h"
#include "review/note.h"
#include "review/review.h"
#include "store/open.h"
#include "workflow/guards.h"
#include "workflow/move.h"
#include "workflow/queue.h"

struct fx {
	char dir[64];
	struct store *s;
	struct checklist *p1, *p2;
	struct actor coord, alice, bob, carol, lect, expert;
	long long d1, d2;	/* d1 in phase2, d2 in phase1 */
};

static void who(struct actor *a, const char *login, unsigned roles)
{
	memset(a, 0, sizeof *a);
	snprintf(a->login, sizeof a->login, "%s", login);
	snprintf(a->real_login, sizeof a->real_login, "%s", login);
	snprintf(a->display_name, sizeof a->display_name, "%s", login);
	a->roles = roles;
}

static void move(struct fx *f, long long id, const char *to, int override)
{
	struct perr e = {0};
	struct move_request req = {0};
	req.reason = "test";
	req.override = override;
	must(move_apply(f->s, &f->coord, id, to, &req, &e), &e);
}

static int setup(void **state)
{
	struct fx *f = xcalloc(1, sizeof *f);
	struct perr e = {0};
	snprintf(f->dir, sizeof f->dir, "/tmp/ptce-test-review-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	char *path = xasprintf("%s/t.db", f->dir);
	must(procedure_open(path, STORE_CREATE, &f->s, &e), &e);
	free(path);
	/* The tree's grids, as the host's grid directory (reviews are given
	 * only on installed grids). */
	must(checklist_load_named("config/checklists", "phase1", &f->p1, &e), &e);
	must(checklist_load_named("config/checklists", "phase2", &f->p2, &e), &e);
	sql(f->s,
	    "INSERT INTO campaigns(name, envelope_eur, amount_per_year_eur, years, is_current, created_at)"
	    "  VALUES ('AMI test', 150000, 50000, 2, 1, '2025-01-01T00:00:00Z');"
	    "INSERT INTO reviewers(login, display_name, created_at) VALUES"
	    " ('coord', 'Coord', 'x'), ('alice', 'Alice', 'x'), ('bob', 'Bob', 'x'),"
	    " ('carol', 'Carol', 'x'), ('lect', 'Lect', 'x'), ('exp', 'Expert', 'x');"
	    "INSERT INTO reviewer_roles VALUES ('coord', 'coordinateur'), ('coord', 'admin'),"
	    " ('alice', 'instructeur'), ('bob', 'instructeur'), ('carol', 'instructeur'),"
	    " ('lect', 'lecteur'), ('exp', 'expert');"
	    "INSERT INTO dossiers(ds_number, campaign_id, state_since, lead_name, ptce_name, territory_type,"
	    " region_code, deposited_at, created_at, updated_at) VALUES"
	    " ('7001', 1, 'x', 'Lead 1', 'PTCE Un', 'rural', '44', '2025-02-01', 'x', 'x'),"
	    " ('7002', 1, 'x', 'Lead 2', 'PTCE Deux', 'urbain', '44', '2025-02-02', 'x', 'x');");
	f->d1 = 1;
	f->d2 = 2;
	who(&f->coord, "coord", ROLE_COORDINATEUR | ROLE_ADMIN);
	who(&f->alice, "alice", ROLE_INSTRUCTEUR);
	who(&f->bob, "bob", ROLE_INSTRUCTEUR);
	who(&f->carol, "carol", ROLE_INSTRUCTEUR);
	who(&f->lect, "lect", ROLE_LECTEUR);
	who(&f->expert, "exp", ROLE_EXPERT);
	move(f, f->d1, "phase1", 0);
	move(f, f->d1, "bouquet", 1);	/* no phase 1 review: overridden */
	move(f, f->d1, "phase2", 0);
	move(f, f->d2, "phase1", 0);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	char *cmd = xasprintf("rm -rf '%s'", f->dir);
	store_close(&f->s);
	if (system(cmd) != 0)
		fprintf(stderr, "# could not remove %s\n", f->dir);
	free(cmd);
	checklist_free(&f->p1);
	checklist_free(&f->p2);
	free(f);
	return 0;
}

/* Write and submit a phase 2 review from "A=3 B=2 ...". */
static int score(struct fx *f, const struct actor *a, long long id, const char *spec, int submit,
		 struct perr *e)
{
	struct review_input in[16];
	size_t n = 0;
	char *copy = xstrdup(spec), *save = NULL;
	for (char *w = strtok_r(copy, " ", &save); w && n < 15; w = strtok_r(NULL, " ", &save)) {
		char *eq = strchr(w, '=');
		*eq = '\0';
		in[n].criterion = w;
		in[n].value = eq + 1;
		in[n].comment = NULL;
		n++;
	}
	in[n].criterion = "synthese";
	in[n].value = "Avis motivé";
	in[n].comment = NULL;
	n++;
	int rc = review_write(f->s, a, id, f->p2, in, n, submit, NULL, NULL, NULL, e);
	free(copy);
	return rc;
}

static void test_draft_revision_submit(void **state)
{
	struct fx *f = *state;
	struct perr e = {0};
	struct review *r = NULL;
	must(review_open(f->s, &f->alice, f->d1, f->p2, "2025-03-01T10:00:00Z", &r, &e), &e);
	assert_false(r->submitted);
	assert_string_equal(r->grid_hash, f->p2->hash);
	assert_string_equal(r->created_at, "2025-03-01T10:00:00Z");
	long long id = r->id, rev = r->revision, stale = r->revision;
	review_free(&r);
	/* each answer saved at once, the revision moves */
	must(review_set_answer(f->s, &f->alice, id, "A", "3", "2025-03-01T10:01:00Z", &rev, &e), &e);
	assert_int_equal(rev, stale + 1);
	/* same value again: nothing changes */
	must(review_set_answer(f->s, &f->alice, id, "A", "3", NULL, &rev, &e), &e);
	assert_int_equal(rev, stale + 1);
	/* a stale revision is refused, naming who changed what and when */
	long long old = stale;
	assert_int_equal(review_set_answer(f->s, &f->alice, id, "B", "2", NULL, &old, &e), -1);
	assert_int_equal(e.status, P_CONFLICT);
	assert_non_null(strstr(e.msg, "last change by alice at 2025-03-01T10:01:00Z (answer A: '' -> '3')"));
	assert_int_equal(sql_int(f->s, "SELECT COUNT(*) FROM review_answers WHERE criterion = 'B'"), 0);
	/* a value off the scale and an unknown criterion are refused */
	assert_int_equal(review_set_answer(f->s, &f->alice, id, "B", "9", NULL, &rev, &e), -1);
	assert_string_equal(e.msg, "B: '9' is not on the scale; give a whole number from 0 to 4");
	assert_int_equal(review_set_answer(f->s, &f->alice, id, "Z", "1", NULL, &rev, &e), -1);
	assert_non_null(strstr(e.msg, "grid 'phase2' has no criterion 'Z'"));
	/* only the author writes */
	assert_int_equal(review_set_answer(f->s, &f->bob, id, "B", "2", NULL, NULL, &e), -1);
	assert_int_equal(e.status, P_REFUSED);
	/* submit names what is missing, keeps the draft */
	char **missing = NULL;
	must(review_set_answer(f->s, &f->alice, id, "B", "1", NULL, &rev, &e), &e);
	assert_int_equal(review_submit(f->s, &f->alice, id, NULL, &rev, &missing, &e), -1);
	assert_int_equal(e.status, P_INVALID);
	assert_non_null(missing);
	/* Labels in the reader's language: the test runs without a catalogue. */
	assert_string_equal(missing[0], "B (Governance and facilitation): a comment is required when the score is under 2 (it is 1)");
	assert_string_equal(missing[1], "C (Territorial anchoring): no answer (expected 0..4)");
	int k = 0;
	while (missing[k])
		k++;
	assert_int_equal(k, 7);	/* B comment, C, D, E, F, G, synthese */
	review_strv_free(&missing);
	assert_int_equal(sql_int(f->s, "SELECT status = 'draft' FROM reviews WHERE id = 1"), 1);
	struct review_input in[] = {
		{"B", NULL, "Gouvernance à construire"}, {"C", "3", NULL}, {"D", "3", NULL},
		{"E", "2", NULL}, {"F", "3", NULL}, {"G", "4", NULL}, {"synthese", "Bien", NULL},
	};
	must(review_write(f->s, &f->alice, f->d1, f->p2, in, 7, 1, NULL, &rev, &r, &e), &e);
	assert_true(r->submitted);
	/* A 15 + B 5 + C 11.25 + D 11.25 + E 7.5 + F 7.5 + G 5 = 62.5; B = 5 points eliminates */
	assert_true(fabs(r->total - 62.5) < 1e-9);
	assert_string_equal(r->band, "reserve");
	assert_string_equal(r->eliminated_by, "B");
	review_free(&r);
	assert_int_equal(sql_int(f->s, "SELECT COUNT(*) FROM history WHERE kind = 'review' AND actor = 'alice'"), 1);
	/* a submitted review must be reopened before a change */
	assert_int_equal(review_set_answer(f->s, &f->alice, id, "B", "2", NULL, &rev, &e), -1);
	assert_non_null(strstr(e.msg, "reopen it first"));
	must(review_reopen(f->s, &f->alice, id, NULL, &rev, &e), &e);
	must(review_set_answer(f->s, &f->alice, id, "B", "3", NULL, &rev, &e), &e);
	must(review_submit(f->s, &f->alice, id, NULL, &rev, NULL, &e), &e);
	assert_int_equal(sql_int(f->s, "SELECT COUNT(*) FROM history WHERE kind = 'review' AND actor = 'alice'"), 3);
	assert_true(sql_int(f->s, "SELECT COUNT(*) FROM review_changes WHERE review_id = 1") >= 12);
	/* a phase 2 grid is not written on a dossier in phase 1 */
	assert_int_equal(review_open(f->s, &f->alice, f->d2, f->p2, NULL, &r, &e), -1);
	assert_string_equal(e.msg, "dossier 7002 is in state 'phase 1 instruction'; grid 'phase2' (phase 2) is written only while a dossier is in state phase2.");
	/* a lecteur does not score */
	assert_int_equal(review_open(f->s, &f->lect, f->d1, f->p2, NULL, &r, &e), -1);
	assert_int_equal(e.status, P_REFUSED);
}

/* The queue's figures (review_row_fill, visibility_figures_sql) show exactly
 * when review_visibility lets each person see the submitted reviews. */
/* The first column of q's row as a real number (fails without a row). */
static double sql_real(struct store *s, const char *q)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(s->db, q, -1, &st, NULL) != SQLITE_OK || sqlite3_step(st) != SQLITE_ROW)
		fail_msg("%s: %s", q, sqlite3_errmsg(s->db));
	double v = sqlite3_column_double(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* The stored keys of the queue's sorts by "my review" and by total
 * (migration 11) are, for a, what the rules give: the status of a's own
 * review; the mean total where a may see it (visibility_figures_sql),
 * else -1 (an expert's order is by id alone). */
static void sort_keys_agree(struct fx *f, const struct actor *a, long long id)
{
	struct queue_spec q;
	queue_spec_init(&q, a->login);
	q.actor = a;
	char *phase = procedure_phase_sql("d", 1);
	char *may = visibility_figures_sql(a, "d.id", phase);
	char *who = sqlite3_mprintf("%Q", a->login);
	char *want[2] = {
		xasprintf("SELECT coalesce((SELECT max(CASE r.status WHEN 'submitted' THEN 2 ELSE 1 END)"
			  " FROM reviews r WHERE r.dossier_id = d.id AND r.reviewer = %s), 0)"
			  " FROM dossiers d WHERE d.id = %lld", who, id),
		xasprintf("SELECT coalesce(CASE WHEN %s THEN (SELECT avg(r.total) FROM reviews r"
			  " WHERE r.dossier_id = d.id AND r.status = 'submitted' AND r.phase = %s) END, -1)"
			  " FROM dossiers d WHERE d.id = %lld", may, phase, id)};
	const enum queue_col cols[2] = {QC_MINE, QC_TOTAL};
	for (int i = 0; i < 2; i++) {
		q.sort = cols[i];
		struct queue_sql w;
		queue_sql_build(f->s, &q, &w);
		if (cols[i] == QC_TOTAL && visibility_figures_reader(a) == FR_NONE) {
			assert_string_equal(w.keys, "d.id");
		} else {
			char *k1 = queue_sql_first_key(&w);
			char *got = xasprintf("SELECT %s FROM dossiers d WHERE d.id = %lld", k1, id);
			double g = sql_real(f->s, got), x = sql_real(f->s, want[i]);
			if (fabs(g - x) > 1e-9)
				fail_msg("%s, sort %d, dossier %lld: stored key %g, the rules give %g",
					 a->login, (int)cols[i], id, g, x);
			free(got);
			free(k1);
		}
		queue_sql_done(&w);
		free(want[i]);
	}
	sqlite3_free(who);
	free(may);
	free(phase);
	queue_spec_done(&q);
}

static void figures_agree(struct fx *f, long long id)
{
	const struct actor *people[] = {&f->coord, &f->alice, &f->bob, &f->carol, &f->lect, &f->expert};
	struct perr e = {0};
	for (size_t i = 0; i < sizeof people / sizeof people[0]; i++) {
		enum review_visibility v;
		struct review_row row;
		must(review_visibility(f->s, people[i], id, "phase2", &v, NULL, &e), &e);
		must(review_row_fill(f->s, people[i], id, &row, &e), &e);
		if (row.visible != (v == VIS_ALL || v == VIS_SUBMITTED))
			fail_msg("%s: review_visibility %d but queue figures visible %d", people[i]->login, (int)v,
				 row.visible);
		sort_keys_agree(f, people[i], f->d1);
		sort_keys_agree(f, people[i], f->d2);
	}
}

static void test_blind_visibility(void **state)
{
	struct fx *f = *state;
	struct perr e = {0};
	enum review_visibility v;
	char *why = NULL;
	struct review **list = NULL;
	size_t n = 0;
	int hidden = 0;
	/* alice submitted (previous test); bob has a draft */
	must(score(f, &f->bob, f->d1, "A=1 B=4", 0, &e), &e);
	must(review_visibility(f->s, &f->bob, f->d1, "phase2", &v, &why, &e), &e);
	assert_int_equal(v, VIS_OWN);
	assert_string_equal(why, "grid 'phase2' is blind: the other reviews appear once you have submitted yours");
	free(why);
	must(review_list_visible(f->s, &f->bob, f->d1, NULL, &list, &n, &hidden, &e), &e);
	assert_int_equal(n, 1);
	assert_string_equal(list[0]->reviewer, "bob");
	assert_int_equal(hidden, 1);
	review_list_free(&list, n);
	struct review_row row;
	must(review_row_fill(f->s, &f->bob, f->d1, &row, &e), &e);
	assert_int_equal(row.mine, RS_DRAFT);
	assert_int_equal(row.phase, 2);
	assert_false(row.visible);
	assert_false(row.has_total);
	figures_agree(f, f->d1);
	/* alice sees her own only: bob's draft is nobody's business */
	must(review_list_visible(f->s, &f->alice, f->d1, NULL, &list, &n, &hidden, &e), &e);
	assert_int_equal(n, 1);
	assert_int_equal(hidden, 0);
	review_list_free(&list, n);
	/* the coordinateur sees everything, drafts included */
	must(review_list_visible(f->s, &f->coord, f->d1, NULL, &list, &n, &hidden, &e), &e);
	assert_int_equal(n, 2);
	review_list_free(&list, n);
	/* bob submits: now he sees alice's review */
	must(score(f, &f->bob, f->d1, "A=1 B=4 C=1 D=3 E=4 F=2 G=4", 0, &e), &e);
	struct review_input com = {"A", NULL, "Partenariat réduit"};
	struct review_input com2 = {"C", NULL, "Ancrage faible"};
	struct review_input both[] = {com, com2};
	must(review_write(f->s, &f->bob, f->d1, f->p2, both, 2, 1, NULL, NULL, NULL, &e), &e);
	must(review_visibility(f->s, &f->bob, f->d1, "phase2", &v, NULL, &e), &e);
	assert_int_equal(v, VIS_SUBMITTED);
	must(review_list_visible(f->s, &f->bob, f->d1, NULL, &list, &n, &hidden, &e), &e);
	assert_int_equal(n, 2);
	assert_string_equal(list[0]->reviewer, "bob");	/* own first */
	assert_string_equal(list[1]->reviewer, "alice");
	assert_int_equal(hidden, 0);
	review_list_free(&list, n);
	must(review_row_fill(f->s, &f->bob, f->d1, &row, &e), &e);
	assert_int_equal(row.mine, RS_SUBMITTED);
	assert_true(row.visible);
	assert_int_equal(row.n_submitted, 2);
	/* alice 72.5 (A 15 B 15 C 11.25 D 11.25 E 7.5 F 7.5 G 5), bob 65 */
	assert_true(fabs(row.mean_total - (72.5 + 65) / 2) < 1e-9);
	assert_true(row.divergent);		/* A: 3 and 1 */
	assert_false(row.gates_failed);
	figures_agree(f, f->d1);
	/* a lecteur sees submitted reviews, an expert none */
	must(review_visibility(f->s, &f->lect, f->d1, NULL, &v, NULL, &e), &e);
	assert_int_equal(v, VIS_SUBMITTED);
	must(review_visibility(f->s, &f->expert, f->d1, NULL, &v, &why, &e), &e);
	assert_int_equal(v, VIS_NONE);
	free(why);
	must(review_list_visible(f->s, &f->expert, f->d1, NULL, &list, &n, &hidden, &e), &e);
	assert_int_equal(n, 0);
	assert_int_equal(hidden, 2);
	review_list_free(&list, n);
	/* aggregate over the two submitted reviews */
	struct checklist *g = NULL;
	struct aggregate ag;
	must(aggregate_dossier(f->s, f->d1, 2, &g, &ag, &e), &e);
	assert_int_equal(ag.n_submitted, 2);
	assert_true(fabs(ag.mean_total - 68.75) < 1e-9);
	assert_string_equal(ag.band->id, "favourable");
	assert_string_equal(ag.divergent_on, "A (1..3), C (1..3), E (2..4)");
	aggregate_done(&ag);
	checklist_free(&g);
}

static void test_conflict(void **state)
{
	struct fx *f = *state;
	struct perr e = {0};
	struct review *r = NULL;
	/* an instructeur may not declare for someone else */
	assert_int_equal(conflict_declare(f->s, &f->alice, f->d1, "carol", "parent", NULL, &e), -1);
	assert_int_equal(e.status, P_REFUSED);
	assert_int_equal(conflict_declare(f->s, &f->carol, f->d1, NULL, "", NULL, &e), -1);
	assert_int_equal(e.status, P_INVALID);
	must(conflict_declare(f->s, &f->carol, f->d1, NULL, "Administratrice de la structure porteuse", NULL, &e), &e);
	assert_int_equal(conflict_declare(f->s, &f->coord, f->d1, "carol", "encore", NULL, &e), -1);
	assert_non_null(strstr(e.msg, "already in conflict"));
	assert_int_equal(review_open(f->s, &f->carol, f->d1, f->p2, NULL, &r, &e), -1);
	assert_non_null(strstr(e.msg, "conflict of interest on dossier 7001"));
	enum review_visibility v;
	must(review_visibility(f->s, &f->carol, f->d1, NULL, &v, NULL, &e), &e);
	assert_int_equal(v, VIS_NONE);
	struct review **list = NULL;
	size_t n = 0;
	int hidden;
	must(review_list_visible(f->s, &f->carol, f->d1, NULL, &list, &n, &hidden, &e), &e);
	assert_int_equal(n, 0);
	assert_int_equal(hidden, 2);
	review_list_free(&list, n);
	struct review_row row;
	must(review_row_fill(f->s, &f->carol, f->d1, &row, &e), &e);
	assert_int_equal(row.mine, RS_CONFLICT);
	assert_false(row.visible);
	figures_agree(f, f->d1);
	/* a coordinateur declares for bob on the other dossier */
	must(conflict_declare(f->s, &f->coord, f->d2, "bob", "Salarié d'un membre", NULL, &e), &e);
	int yes = 0;
	must(conflict_check(f->s, f->d2, "bob", &yes, &e), &e);
	assert_true(yes);
	assert_int_equal(sql_int(f->s, "SELECT COUNT(*) FROM history WHERE kind = 'conflict'"), 2);
	struct conflict *c = NULL;
	must(conflict_list(f->s, 0, &c, &n, &e), &e);
	assert_int_equal(n, 2);
	assert_string_equal(c[1].declared_by, "coord");
	conflict_list_free(&c, n);
}

static void test_opinions(void **state)
{
	struct fx *f = *state;
	struct perr e = {0};
	long long id = 0;
	int ok;
	must(access_may_see(f->s, &f->expert, f->d1, &ok, &e), &e);
	assert_false(ok);
	assert_int_equal(opinion_ask(f->s, &f->alice, f->d1, "exp", "Q?", NULL, &id, &e), -1);
	assert_int_equal(e.status, P_REFUSED);
	assert_int_equal(opinion_ask(f->s, &f->coord, f->d1, "bob", "Q?", NULL, &id, &e), -1);
	assert_non_null(strstr(e.msg, "bob does not hold the role expert"));
	must(opinion_ask(f->s, &f->coord, f->d1, "exp", "Le modèle économique tient-il ?",
			 "2025-01-01T00:00:00Z", &id, &e), &e);
	must(access_may_see(f->s, &f->expert, f->d1, &ok, &e), &e);
	assert_true(ok);
	must(access_may_see(f->s, &f->expert, f->d2, &ok, &e), &e);
	assert_false(ok);
	struct opinion *o = NULL;
	size_t n = 0;
	must(opinion_list(f->s, &f->coord, 0, 1, &o, &n, &e), &e);
	assert_int_equal(n, 1);
	assert_false(o[0].answered);
	assert_true(o[0].age_days > 100);	/* asked on 2025-01-01 */
	opinion_list_free(&o, n);
	assert_int_equal(opinion_answer(f->s, &f->alice, id, 1, "oui", NULL, &e), -1);
	assert_non_null(strstr(e.msg, "only they may answer"));
	must(opinion_answer(f->s, &f->expert, id, 0, "Cofinancements fragiles", NULL, &e), &e);
	assert_int_equal(opinion_answer(f->s, &f->expert, id, 1, "finalement oui", NULL, &e), -1);
	assert_non_null(strstr(e.msg, "already answered"));
	must(opinion_list(f->s, &f->coord, 0, 1, &o, &n, &e), &e);
	assert_int_equal(n, 0);
	must(opinion_list(f->s, &f->expert, f->d1, 0, &o, &n, &e), &e);
	assert_int_equal(n, 1);
	assert_true(o[0].answered);
	assert_false(o[0].favourable);
	assert_string_equal(o[0].answer, "Cofinancements fragiles");
	opinion_list_free(&o, n);
	/* carol is in conflict on d1: she does not see its opinions */
	must(opinion_list(f->s, &f->carol, f->d1, 0, &o, &n, &e), &e);
	assert_int_equal(n, 0);
}

static void test_form(void **state)
{
	struct fx *f = *state;
	struct perr e = {0};
	struct review *r = NULL;
	must(review_find(f->s, f->d1, "alice", "phase2", &r, &e), &e);
	assert_non_null(r);
	char *text = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&text, &len);
	review_form_write(m, f->p2, r, "7001", "PTCE Un");
	fclose(m);
	assert_non_null(strstr(text, "\nA: 3\n"));
	assert_non_null(strstr(text, "comment: Gouvernance à construire\n"));
	assert_non_null(strstr(text, "\nsubmit: no\n"));
	char *buf = NULL;
	struct review_input *in = NULL;
	size_t n = 0;
	int submit = -1;
	must(review_form_parse(f->p2, text, &buf, &in, &n, &submit, &e), &e);
	assert_int_equal(n, f->p2->n_crit);
	assert_int_equal(submit, 0);
	assert_string_equal(in[0].criterion, "A");
	assert_string_equal(in[0].value, "3");
	assert_string_equal(in[1].comment, "Gouvernance à construire");
	free(buf);
	free(in);
	/* a multi-line comment, and errors named by line */
	const char *t1 = "A: 2\ncomment: première ligne\n  seconde ligne\nsubmit: yes\n";
	must(review_form_parse(f->p2, t1, &buf, &in, &n, &submit, &e), &e);
	assert_int_equal(n, 1);
	assert_string_equal(in[0].comment, "première ligne\nseconde ligne");
	assert_int_equal(submit, 1);
	free(buf);
	free(in);
	assert_int_equal(review_form_parse(f->p2, "# x\nA: 2\nB: 7\n", &buf, &in, &n, &submit, &e), -1);
	assert_string_equal(e.msg, "line 3: B: '7' is not on the scale; give a whole number from 0 to 4");
	assert_int_equal(review_form_parse(f->p2, "A: 2\nQ: 1\n", &buf, &in, &n, &submit, &e), -1);
	assert_non_null(strstr(e.msg, "line 2: 'Q' is not a criterion of grid 'phase2'"));
	assert_int_equal(review_form_parse(f->p2, "A: 2\nA: 3\n", &buf, &in, &n, &submit, &e), -1);
	assert_string_equal(e.msg, "line 2: criterion A appears twice (first at line 1)");
	assert_int_equal(review_form_parse(f->p2, "  indented\n", &buf, &in, &n, &submit, &e), -1);
	assert_non_null(strstr(e.msg, "line 1:"));
	free(text);
	review_free(&r);
}

static void test_grid_versions(void **state)
{
	struct fx *f = *state;
	struct perr e = {0};
	/* an edited grid is a new version; old reviews keep theirs */
	char *text = xstrdup(f->p2->text);
	char *p = strstr(text, "points: 5\n");
	assert_non_null(p);
	memcpy(p, "points: 6\n", 10);
	char *t2 = xasprintf("%s", text);
	char *q = strstr(t2, "total: 100");
	memcpy(q, "total: 101", 10);
	struct checklist *g2 = NULL;
	must(checklist_load_string("edited.yaml", t2, strlen(t2), &g2, &e), &e);
	g2->origin = GRID_SYSTEM;	/* the system directory's file, edited */
	assert_string_not_equal(g2->hash, f->p2->hash);
	long long v1 = 0, v2 = 0;
	must(grid_version_store(f->s, f->p2, NULL, &v1, &e), &e);
	must(grid_version_store(f->s, g2, NULL, &v2, &e), &e);
	assert_true(v1 != v2);
	struct review *r = NULL;
	must(review_open(f->s, &f->alice, f->d1, g2, NULL, &r, &e), &e);
	assert_string_equal(r->grid_hash, f->p2->hash);	/* still the old version */
	review_free(&r);
	struct checklist *back = NULL;
	must(grid_version_load(f->s, v1, &back, &e), &e);
	assert_true(fabs(back->points_sum - 100) < 1e-9);
	checklist_free(&back);
	checklist_free(&g2);
	free(text);
	free(t2);
}

/* review_grid hands out the stored version a review was given on, shared:
 * a grid held by a caller outlives its eviction from the cache. */
static void test_review_grid(void **state)
{
	struct fx *f = *state;
	struct perr e = {0};
	struct review *r = NULL;
	struct checklist *g1 = NULL, *g2 = NULL;
	must(review_open(f->s, &f->alice, f->d1, f->p2, NULL, &r, &e), &e);
	must(review_grid(f->s, r, &g1, &e), &e);
	must(review_grid(f->s, r, &g2, &e), &e);
	assert_string_equal(g1->hash, r->grid_hash);
	assert_ptr_equal(g1, g2);
	checklist_free(&g2);
	assert_null(g2);
	/* More versions than the cache holds: g1 is evicted, not freed. */
	for (int i = 0; i < 12; i++) {
		char *t = xasprintf("%s# version %d\n", f->p2->text, i);
		struct checklist *g = NULL, *back = NULL;
		long long v = 0;
		must(checklist_load_string("edited.yaml", t, strlen(t), &g, &e), &e);
		must(grid_version_store(f->s, g, NULL, &v, &e), &e);
		must(grid_version_load(f->s, v, &back, &e), &e);
		assert_string_equal(back->hash, g->hash);
		checklist_free(&back);
		checklist_free(&g);
		free(t);
	}
	assert_int_equal(g1->n_crit, f->p2->n_crit);
	assert_string_equal(g1->hash, f->p2->hash);
	checklist_free(&g1);
	must(review_grid(f->s, r, &g1, &e), &e);
	assert_string_equal(g1->hash, r->grid_hash);
	checklist_free(&g1);
	review_free(&r);
}

/* The phase a state reviews and the phase its figures come from are the
 * procedure's: phase 1 grids on submitted and phase1, the classement of
 * phase 2 over phase2 and funded. */
static void test_phase_states(void **state)
{
	struct fx *f = *state;
	struct perr e = {0};
	struct review *r = NULL;
	assert_int_equal(review_open(f->s, &f->alice, f->d2, f->p2, NULL, &r, &e), -1);
	assert_int_equal(e.status, P_REFUSED);
	assert_non_null(strstr(e.msg, "is written only while a dossier is in state phase2."));
	assert_int_equal(review_open(f->s, &f->alice, f->d1, f->p1, NULL, &r, &e), -1);
	assert_non_null(strstr(e.msg, "is written only while a dossier is in state submitted, phase1."));
	struct rank_row *rows = NULL;
	size_t n = 0;
	must(ranking_build(f->s, &f->coord, 1, NULL, &rows, &n, &e), &e);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].ds_number, "7002");
	ranking_free(&rows, n);
	must(ranking_build(f->s, &f->coord, 2, NULL, &rows, &n, &e), &e);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].ds_number, "7001");
	ranking_free(&rows, n);
	assert_null(rows);
	struct review_row row;
	must(review_row_fill(f->s, &f->alice, f->d2, &row, &e), &e);
	assert_int_equal(row.phase, 1);
	must(review_row_fill(f->s, &f->alice, f->d1, &row, &e), &e);
	assert_int_equal(row.phase, 2);
}

/* The history row of the last move. */
static long long last_override(struct fx *f)
{
	return sql_int(f->s, "SELECT override FROM history WHERE kind = 'move' ORDER BY id DESC LIMIT 1");
}

static void test_guards(void **state)
{
	struct fx *f = *state;
	struct perr e = {0};
	struct move_request req = {0};
	/* phase1 -> bouquet on d2: no review */
	assert_int_equal(guard_find(GUARD_PHASE1_RETAINED)->check(f->s, f->d2, &f->coord, &req, &e), -1);
	assert_string_equal(e.msg, "no phase 1 review has been written yet.");
	assert_int_equal(e.status, P_REFUSED);
	/* alice answers "no" on R2; bob is in conflict on d2 */
	struct review_input in[] = {
		{"R1", "yes", NULL}, {"R2", "no", "deux membres seulement"}, {"R3", "yes", NULL},
		{"R4", "yes", NULL}, {"R5", "yes", NULL}, {"R6", "yes", NULL}, {"R7", "yes", NULL},
		{"R8", "yes", NULL}, {"R9", "no", NULL}, {"R10", "yes", NULL}, {"R11", "yes", NULL},
	};
	must(review_write(f->s, &f->alice, f->d2, f->p1, in, 11, 1, NULL, NULL, NULL, &e), &e);
	assert_int_equal(guard_find(GUARD_PHASE1_RETAINED)->check(f->s, f->d2, &f->coord, &req, &e), -1);
	assert_string_equal(e.msg, "a blocking eligibility gate is answered 'no': R2 (alice).");
	/* refused without override, recorded as an override with one */
	req.reason = "pièce reçue depuis";
	assert_int_equal(move_apply(f->s, &f->coord, f->d2, "bouquet", &req, &e), -1);
	assert_non_null(strstr(e.msg, "R2 (alice)"));
	req.override = 1;
	must(move_apply(f->s, &f->coord, f->d2, "bouquet", &req, &e), &e);
	assert_int_equal(last_override(f), 1);
	/* d2's phase 1 reviews are closed now */
	long long rid = sql_int(f->s, "SELECT id FROM reviews WHERE dossier_id = 2");
	assert_int_equal(review_reopen(f->s, &f->alice, rid, NULL, NULL, &e), -1);
	assert_non_null(strstr(e.msg, "in state 'bouquet de services'"));

	/* phase2 -> funded on d1: mean 68.75, favourable, but no validation */
	struct move_request fr = {0};
	assert_int_equal(guard_find(GUARD_PHASE2_FUNDED)->check(f->s, f->d1, &f->coord, &fr, &e), -1);
	assert_int_equal(e.status, P_INVALID);
	assert_string_equal(e.msg, "the national validation is not recorded: give its reference with --validation-ref REF; "
			    "the national validation date is missing: give it with --validation-date YYYY-MM-DD.");
	fr.validation_ref = "CNA-1";
	fr.validation_date = "2025-13-01";
	assert_int_equal(guard_find(GUARD_PHASE2_FUNDED)->check(f->s, f->d1, &f->coord, &fr, &e), -1);
	assert_string_equal(e.msg, "the validation date '2025-13-01' is not a date YYYY-MM-DD.");
	/* an override never lifts a hard requirement */
	fr.validation_date = NULL;
	fr.override = 1;
	fr.reason = "urgence";
	assert_int_equal(move_apply(f->s, &f->coord, f->d1, "funded", &fr, &e), -1);
	assert_int_equal(sql_int(f->s, "SELECT state = 'phase2' FROM dossiers WHERE id = 1"), 1);
	/* the envelope: 150 000, asking 3 x 60 000 = 180 000 */
	fr.validation_date = "2025-06-30";
	fr.override = 0;
	fr.amount_per_year = 60000;
	fr.years = 3;
	assert_int_equal(guard_find(GUARD_PHASE2_FUNDED)->check(f->s, f->d1, &f->coord, &fr, &e), -1);
	assert_string_equal(e.msg, "campaign 'AMI test' has 150000 EUR left of its 150000 EUR envelope (0 used); "
			    "this laureate needs 180000 EUR (60000 EUR a year for 3 years).");
	/* under the favourable band: bob reopens and lowers his scores */
	long long bob_rev = 0;
	long long bid = sql_int(f->s, "SELECT id FROM reviews WHERE reviewer = 'bob' AND dossier_id = 1");
	must(review_reopen(f->s, &f->bob, bid, NULL, &bob_rev, &e), &e);
	must(review_set_answer(f->s, &f->bob, bid, "E", "0", NULL, &bob_rev, &e), &e);
	must(review_set_comment(f->s, &f->bob, bid, "E", "Aucun cofinancement", NULL, &bob_rev, &e), &e);
	must(review_submit(f->s, &f->bob, bid, NULL, &bob_rev, NULL, &e), &e);
	/* bob: 65 - 15 = 50; mean (72.5 + 50) / 2 = 61.25 */
	fr.amount_per_year = 0;
	fr.years = 0;
	assert_int_equal(guard_find(GUARD_PHASE2_FUNDED)->check(f->s, f->d1, &f->coord, &fr, &e), -1);
	assert_int_equal(e.status, P_REFUSED);
	assert_string_equal(e.msg, "the mean total is 61.25, under the 65 points of band 'favourable' (Favorable).");
	fr.override = 0;
	assert_int_equal(move_apply(f->s, &f->coord, f->d1, "funded", &fr, &e), -1);
	assert_non_null(strstr(e.msg, "61.25"));
	fr.override = 1;
	fr.reason = "priorité territoire rural";
	must(move_apply(f->s, &f->coord, f->d1, "funded", &fr, &e), &e);
	assert_int_equal(last_override(f), 1);
	assert_int_equal(sql_int(f->s, "SELECT amount_per_year_eur * years FROM funding_decisions WHERE dossier_id = 1"), 100000);
	assert_int_equal(sql_int(f->s, "SELECT overridden FROM funding_decisions WHERE dossier_id = 1"), 1);
	struct campaign_money *cm = NULL;
	size_t n = 0;
	must(campaign_money_list(f->s, &cm, &n, &e), &e);
	assert_int_equal(n, 1);
	assert_int_equal(cm[0].used, 100000);
	assert_int_equal(cm[0].remaining, 50000);
	assert_int_equal(cm[0].n_funded, 1);
	campaign_money_free(&cm, n);
}

/* The thread: comments by role, conflicts, imported annotations. */
static void test_notes(void **state)
{
	struct fx *f = *state;
	struct perr e = {0};
	struct note *n = NULL;
	size_t count = 0;
	int hidden = 0, changed = 0;
	long long id = 0;
	must(note_add(f->s, &f->alice, f->d2, "Visite prévue le 12 mars.", "2025-03-01T10:00:00Z", &id, &e), &e);
	assert_true(id > 0);
	assert_int_equal(note_add(f->s, &f->lect, f->d2, "non", "2025-03-01T10:00:00Z", NULL, &e), -1);
	assert_int_equal(e.status, P_REFUSED);
	assert_int_equal(note_add(f->s, &f->alice, f->d2, "", "2025-03-01T10:00:00Z", NULL, &e), -1);
	must(conflict_declare(f->s, &f->carol, f->d2, "carol", "ancienne salariée", "2025-03-01T09:00:00Z", &e), &e);
	assert_int_equal(note_add(f->s, &f->carol, f->d2, "x", "2025-03-01T11:00:00Z", NULL, &e), -1);
	assert_int_equal(e.status, P_REFUSED);
	must(store_begin(f->s, &e), &e);
	must(note_set_imported(f->s, f->d2, "Points de vigilance", "Budget serré", "2025-02-01T00:00:00Z",
			       "coord", &changed, &e), &e);
	assert_true(changed);
	must(note_set_imported(f->s, f->d2, "Points de vigilance", "Budget serré", "2025-02-02T00:00:00Z",
			       "coord", &changed, &e), &e);
	assert_false(changed);
	must(store_commit(f->s, &e), &e);
	must(note_list(f->s, &f->lect, f->d2, &n, &count, &hidden, &e), &e);
	assert_int_equal(count, 2);
	assert_true(n[0].imported);
	assert_string_equal(n[0].field, "Points de vigilance");
	assert_string_equal(n[1].author, "alice");
	note_list_free(&n, count);
	must(note_list(f->s, &f->carol, f->d2, &n, &count, &hidden, &e), &e);
	assert_int_equal(count, 1);	/* the annotation only */
	assert_int_equal(hidden, 1);
	note_list_free(&n, count);
	assert_int_equal(note_list(f->s, &f->expert, f->d2, &n, &count, &hidden, &e), -1);
	assert_int_equal(sql_int(f->s, "SELECT count(*) FROM history WHERE kind = 'note'"), 1);
	assert_int_not_equal(sqlite3_exec(f->s->db, "UPDATE notes SET body = 'x' WHERE source = 'ptce'",
					  NULL, NULL, NULL), SQLITE_OK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_draft_revision_submit),
		cmocka_unit_test(test_blind_visibility),
		cmocka_unit_test(test_conflict),
		cmocka_unit_test(test_opinions),
		cmocka_unit_test(test_form),
		cmocka_unit_test(test_grid_versions),
		cmocka_unit_test(test_review_grid),
		cmocka_unit_test(test_phase_states),
		cmocka_unit_test(test_guards),
		cmocka_unit_test(test_notes),
	};
	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests(tests, setup, teardown);
}
