/* test_core.c - unit tests of the core without curses: text cleaning and
 * width, YAML positions, SIRET and field checks, the store's migrations and
 * triggers, the wait for another session's write, and the procedure table
 * walked for every state x target x role. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/geo.h"
#include "base/i18n.h"
#include "base/text.h"
#include "base/ydoc.h"
#include "procedure/actor.h"
#include "procedure/dossier.h"
#include "procedure/procedure.h"
#include "store/open.h"
#include "store/schema.h"
#include "store/stmt.h"
#include "store/store.h"
#include "workflow/guards.h"
#include "workflow/move.h"

#include "fixture.h"

/* ---- text ---- */

static void text_clean_removes_escapes(void **state)
{
	(void)state;
	char *c = text_clean("a\033[31mred\033[0m\033]0;pwned\007b", 0);
	assert_string_equal(c, "aredb");
	free(c);
	c = text_clean("x\xe2\x80\xaey\xe2\x81\xa6z", 0);	/* U+202E RLO, U+2066 LRI */
	assert_string_equal(c, "xyz");
	free(c);
	c = text_clean("bad\xff\xfe end", 0);
	assert_string_equal(c, "bad\xef\xbf\xbd\xef\xbf\xbd end");
	free(c);
	c = text_clean("line1\nline2\r\n\tx", 0);
	assert_string_equal(c, "line1 line2  x");
	free(c);
	c = text_clean("line1\nline2", TEXT_KEEP_NEWLINES);
	assert_string_equal(c, "line1\nline2");
	free(c);
	c = text_clean("\xc2\x9b" "31m", 0);	/* C1 CSI */
	assert_string_equal(c, "31m");
	free(c);
}

static void text_width_counts_columns(void **state)
{
	(void)state;
	assert_int_equal(text_width("abc"), 3);
	assert_int_equal(text_width("Île-de-France"), 13);
	assert_int_equal(text_width("日本"), 4);
	size_t used;
	assert_int_equal(text_fit("éèà", 2, &used), 4);	/* two 2-byte chars */
	assert_int_equal(used, 2);
	assert_int_equal(text_fit("日本", 3, &used), 3);
	assert_int_equal(used, 2);
}

static void text_wrap_breaks_at_words(void **state)
{
	(void)state;
	const char *s = "Le pôle fédère des acteurs du territoire";
	size_t *st, *ln;
	size_t n = text_wrap(s, 12, &st, &ln);
	assert_int_equal(n, 4);
	assert_memory_equal(s + st[0], "Le pôle", ln[0]);
	assert_memory_equal(s + st[1], "fédère des", ln[1]);
	for (size_t i = 0; i < n; i++)
		assert_true(text_nwidth(s + st[i], ln[i]) <= 12);
	free(st);
	free(ln);
	n = text_wrap("a\n\nb", 10, &st, &ln);
	assert_int_equal(n, 3);
	assert_int_equal(ln[1], 0);
	free(st);
	free(ln);
}

static void text_fold_ignores_case_and_accents(void **state)
{
	(void)state;
	assert_true(text_contains_fold("Coopération Économique", "economique"));
	assert_true(text_contains_fold("Île-de-France", "ILE"));
	assert_false(text_contains_fold("Bretagne", "normandie"));
	/* The platform writes straight apostrophes, French text curly ones. */
	assert_true(text_contains_fold("Provence-Alpes-Côte d’Azur", "cote d'azur"));
	assert_true(text_contains_fold("Val-d'Oise", "VAL-D’OISE"));
	assert_false(text_contains_fold("Côte d’Azur", "cote dazur"));
}

/* ---- YAML ---- */

static void ydoc_positions_and_suggestions(void **state)
{
	(void)state;
	struct perr e = {0};
	struct ydoc *d = NULL;
	const char *y = "database: x.db\ncolours: true\n";
	assert_int_equal(ydoc_load_string("t.yaml", y, strlen(y), &d, &e), 0);
	static const char *const keys[] = {"database", "colors", NULL};
	assert_int_equal(ydoc_check_keys(d, d->root, keys, "the configuration", &e), -1);
	assert_string_equal(e.msg, "t.yaml:2:1: unknown key 'colours' in the configuration; did you mean 'colors'?");
	ydoc_free(&d);
	assert_null(d);

	y = "a: 1\na: 2\n";
	assert_int_equal(ydoc_load_string("t.yaml", y, strlen(y), &d, &e), -1);
	assert_string_equal(e.msg, "t.yaml:2:1: duplicate key 'a' (first at line 1); keep one");

	y = "a: [1, 2\n";
	assert_int_equal(ydoc_load_string("t.yaml", y, strlen(y), &d, &e), -1);
	assert_non_null(strstr(e.msg, "t.yaml:2:1: YAML syntax error"));

	y = "n: '12'\nm: twelve\nb: maybe\n";
	assert_int_equal(ydoc_load_string("t.yaml", y, strlen(y), &d, &e), 0);
	long long v;
	int b;
	assert_int_equal(ydoc_int(d, ydoc_get(d->root, "n"), "'n'", 0, 99, &v, &e), -1);
	assert_string_equal(e.msg, "t.yaml:1:4: 'n' must be a whole number, found '12'");
	assert_int_equal(ydoc_int(d, ydoc_get(d->root, "m"), "'m'", 0, 99, &v, &e), -1);
	assert_int_equal(ydoc_bool(d, ydoc_get(d->root, "b"), "'b'", &b, &e), -1);
	assert_string_equal(e.msg, "t.yaml:3:4: 'b' must be true or false, found 'maybe'");
	ydoc_free(&d);
}

/* ---- fields ---- */

static void siret_and_fields(void **state)
{
	(void)state;
	char why[256];
	assert_true(siret_valid("73282932000074"));
	assert_false(siret_valid("73282932000075"));
	assert_false(siret_valid("7328293200007"));
	assert_false(siret_valid("7328293200007a"));
	assert_int_equal(field_validate(&dossier_fields[DF_LEAD_SIRET], "73282932000075", why, sizeof why), -1);
	assert_non_null(strstr(why, "checksum"));
	assert_int_equal(field_validate(&dossier_fields[DF_REGION], "44", why, sizeof why), 0);
	assert_int_equal(field_validate(&dossier_fields[DF_REGION], "45", why, sizeof why), -1);
	assert_int_equal(field_validate(&dossier_fields[DF_DEPARTEMENT], "2A", why, sizeof why), 0);
	assert_int_equal(field_validate(&dossier_fields[DF_TERRITORY_TYPE], "qpv", why, sizeof why), 0);
	assert_int_equal(field_validate(&dossier_fields[DF_TERRITORY_TYPE], "QPV", why, sizeof why), -1);
	assert_int_equal(field_validate(&dossier_fields[DF_AMOUNT_REQUESTED], "100000001", why, sizeof why), -1);
	assert_int_equal(field_validate(&dossier_fields[DF_BOUQUET_NEEDS], "mobilisation, recherche", why, sizeof why), 0);
	assert_int_equal(field_validate(&dossier_fields[DF_BOUQUET_NEEDS], "mobilisation, cuisine", why, sizeof why), -1);
	assert_int_equal(field_validate(&dossier_fields[DF_PTCE_NAME], "", why, sizeof why), -1);
	assert_int_equal(field_validate(&dossier_fields[DF_CONTACT_EMAIL], "a@example.org", why, sizeof why), 0);
	assert_int_equal(field_validate(&dossier_fields[DF_CONTACT_EMAIL], "a.example.org", why, sizeof why), -1);
	assert_string_equal(geo_dept_region("974"), "04");
	assert_string_equal(geo_dept_region("67"), "44");
}

/* ---- store and procedure ---- */

static char dbpath[256];

static struct store *fresh_store(void)
{
	struct perr e = {0};
	struct store *s = NULL;
	snprintf(dbpath, sizeof dbpath, "/tmp/ptce-unit-%d.db", (int)getpid());
	unlink(dbpath);
	char wal[300];
	snprintf(wal, sizeof wal, "%s-wal", dbpath);
	unlink(wal);
	if (procedure_open(dbpath, STORE_CREATE, &s, &e) < 0)
		fail_msg("%s", e.msg);
	/* Roster: one person per role, and a campaign with room. */
	for (int i = 0; i < ROLE_COUNT; i++)
		if (reviewer_add(s, NULL, role_names[i], NULL, NULL, NULL, 1u << i, &e) < 0)
			fail_msg("%s", e.msg);
	if (store_exec(s, "INSERT INTO campaigns(name, envelope_eur, amount_per_year_eur, years,"
		       " is_current, created_at) VALUES ('T', 10000000, 50000, 2, 1, 'x')", &e) < 0)
		fail_msg("%s", e.msg);
	return s;
}

static void drop_store(struct store **s)
{
	store_close(s);
	unlink(dbpath);
}

static long long new_dossier(struct store *s, const char *number)
{
	struct perr e = {0};
	struct dossier d = {0};
	d.f[DF_DS_NUMBER] = (char *)number;
	d.f[DF_LEAD_NAME] = "Association test";
	d.f[DF_PTCE_NAME] = "PTCE test";
	d.f[DF_REGION] = "44";
	d.f[DF_DEPARTEMENT] = "67";
	long long id = 0;
	enum save_result r;
	if (store_begin(s, &e) < 0 || dossier_save(s, "admin", "admin", &d, 0, NULL, &r, &id, &e) < 0 ||
	    store_commit(s, &e) < 0)
		fail_msg("%s", e.msg);
	assert_int_equal(r, SAVE_CREATED);
	return id;
}

/* Put a dossier in a state by writing the moves straight into history, as
 * the database allows: the C guards are not under test here. */
static void force_state(struct store *s, long long id, const char *target)
{
	static const char *const paths[][4] = {
		{"submitted", NULL},
		{"phase1", "phase1", NULL},
		{"bouquet", "phase1", "bouquet", NULL},
		{"phase2", "phase1", "bouquet", "phase2"},
		{"funded", "phase1", "bouquet", "phase2"},
		{"rejected", "phase1", "rejected", NULL},
		{"withdrawn", "withdrawn", NULL},
	};
	struct perr e = {0};
	for (size_t p = 0; p < sizeof paths / sizeof paths[0]; p++) {
		if (strcmp(paths[p][0], target))
			continue;
		const char *from = "submitted";
		const char *steps[5] = {0};
		size_t n = 0;
		for (size_t i = 1; i < 4 && paths[p][i]; i++)
			steps[n++] = paths[p][i];
		if (!strcmp(target, "funded"))
			steps[n++] = "funded";
		for (size_t i = 0; i < n; i++) {
			char *sql = xasprintf("INSERT INTO history(dossier_id, at, actor, real_actor, kind,"
					      " from_state, to_state, motivation) VALUES (%lld,"
					      " '2026-01-01T00:00:00Z', 'coordinateur', 'coordinateur', 'move',"
					      " '%s', '%s', 'setup')", id, from, steps[i]);
			if (store_exec(s, sql, &e) < 0)
				fail_msg("%s -> %s: %s", from, steps[i], e.msg);
			free(sql);
			from = steps[i];
		}
		return;
	}
	fail_msg("no path to %s", target);
}

static char *state_of(struct store *s, long long id)
{
	struct perr e = {0};
	struct dossier *d = NULL;
	if (dossier_load(s, id, &d, &e) < 0)
		fail_msg("%s", e.msg);
	char *st = xstrdup(d->state);
	dossier_free(&d);
	return st;
}

static long long count(struct store *s, const char *sql)
{
	sqlite3_stmt *st = NULL;
	long long n = -1;
	assert_int_equal(sqlite3_prepare_v2(s->db, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* Every state x every target x every single role: the move is allowed
 * exactly when the table has the transition and the role may take it;
 * a refused move leaves state and history as they were. */
/* Each guard named by a transition exists, and the transition asks for
 * every input the guard checks (the interface and the command line ask for
 * what the table says). */
static void transitions_ask_what_their_guard_needs(void **state)
{
	(void)state;
	for (size_t i = 0; i < procedure_n_transitions; i++) {
		const struct transition_def *t = &procedure_transitions[i];
		const struct guard_def *g = guard_find(t->guard);
		if (t->guard == GUARD_NONE) {
			assert_null(g);
			continue;
		}
		assert_non_null(g);
		assert_int_equal(t->inputs & g->inputs, g->inputs);
		assert_ptr_equal(guard_transition(t->guard), t);
	}
}

static void procedure_table_walk(void **state)
{
	(void)state;
	struct store *s = fresh_store();
	struct perr e = {0};
	int number = 1000, allowed_seen = 0, refused_seen = 0;

	for (size_t fi = 0; fi < procedure_n_states; fi++) {
		for (size_t ti = 0; ti < procedure_n_states; ti++) {
			for (int r = 0; r < ROLE_COUNT; r++) {
				const char *from = procedure_states[fi].name, *to = procedure_states[ti].name;
				char num[16];
				snprintf(num, sizeof num, "%d", number++);
				long long id = new_dossier(s, num);
				force_state(s, id, from);
				struct actor a;
				if (actor_load(s, role_names[r], &a, &e) < 0)
					fail_msg("%s", e.msg);
				const struct transition_def *t = procedure_find(from, to);
				int expect = t && (t->roles & (1u << r));
				struct move_request req = {
					.reason = "motif", .override = 1,
					.validation_ref = "CNA-2026-001", .validation_date = "2026-06-30",
				};
				char hq[128];
				snprintf(hq, sizeof hq, "SELECT count(*) FROM history WHERE dossier_id = %lld", id);
				long long before = count(s, hq);
				perr_clear(&e);
				int rc = move_apply(s, &a, id, to, &req, &e);
				char *now = state_of(s, id);
				if (expect && t->guard && rc < 0) {
					/* A guard may still hold on a hard requirement. */
					assert_int_equal(e.status, P_REFUSED);
					assert_non_null(strstr(e.msg, "refused"));
					rc = 1;
				}
				if (rc == 0) {
					if (!expect)
						fail_msg("%s -> %s allowed for %s", from, to, role_names[r]);
					assert_string_equal(now, to);
					assert_int_equal(count(s, hq), before + 1);
					allowed_seen++;
				} else {
					if (expect && rc < 0)
						fail_msg("%s -> %s refused for %s: %s", from, to, role_names[r], e.msg);
					if (!expect) {
						assert_int_equal(e.status, P_REFUSED);
						refused_seen++;
					}
					assert_string_equal(now, from);
					assert_int_equal(count(s, hq), before);
				}
				free(now);
			}
		}
	}
	assert_true(allowed_seen >= 10);
	assert_true(refused_seen > 200);
	/* The state column always equals the last state-bearing history entry. */
	assert_int_equal(count(s, "SELECT count(*) FROM dossiers d WHERE d.state IS NOT"
			     " (SELECT to_state FROM history h WHERE h.dossier_id = d.id"
			     "  AND to_state IS NOT NULL ORDER BY id DESC LIMIT 1)"), 0);
	drop_store(&s);
}

static void refusals_explain_themselves(void **state)
{
	(void)state;
	struct store *s = fresh_store();
	struct perr e = {0};
	struct actor coord, instr;
	assert_int_equal(actor_load(s, "coordinateur", &coord, &e), 0);
	assert_int_equal(actor_load(s, "instructeur", &instr, &e), 0);
	long long id = new_dossier(s, "77");

	struct move_request none = {0};
	assert_int_equal(move_apply(s, &coord, id, "funded", &none, &e), -1);
	assert_int_equal(e.status, P_REFUSED);
	assert_non_null(strstr(e.msg, "no move from 'submitted' to 'funded'"));
	assert_non_null(strstr(e.msg, "phase1"));	/* lists what is open */

	assert_int_equal(move_apply(s, &coord, id, "nowhere", &none, &e), -1);
	assert_int_equal(e.status, P_INVALID);

	assert_int_equal(move_apply(s, &instr, id, "withdrawn", &none, &e), -1);
	assert_non_null(strstr(e.msg, "is for: coordinateur"));

	assert_int_equal(move_apply(s, &coord, id, "withdrawn", &none, &e), -1);
	assert_non_null(strstr(e.msg, "needs a written motivation"));

	assert_int_equal(move_apply(s, &instr, id, "phase1", &none, &e), 0);
	struct move_request stale = {.expect_revision = 1};
	assert_int_equal(move_apply(s, &coord, id, "rejected", &stale, &e), -1);
	assert_int_equal(e.status, P_CONFLICT);
	drop_store(&s);
}

static void history_is_append_only(void **state)
{
	(void)state;
	struct store *s = fresh_store();
	struct perr e = {0};
	long long id = new_dossier(s, "88");
	char *sql = xasprintf("UPDATE history SET actor = 'x' WHERE dossier_id = %lld", id);
	assert_int_equal(store_exec(s, sql, &e), -1);
	assert_non_null(strstr(e.msg, "append-only"));
	free(sql);
	assert_int_equal(store_exec(s, "DELETE FROM history", &e), -1);
	sql = xasprintf("UPDATE dossiers SET state = 'funded' WHERE id = %lld", id);
	assert_int_equal(store_exec(s, sql, &e), -1);
	free(sql);
	/* The database refuses an unknown transition even without the C code. */
	sql = xasprintf("INSERT INTO history(dossier_id, at, actor, real_actor, kind, from_state, to_state)"
			" VALUES (%lld, 'x', 'a', 'a', 'move', 'submitted', 'funded')", id);
	assert_int_equal(store_exec(s, sql, &e), -1);
	free(sql);
	drop_store(&s);
}

static void reimport_keeps_state(void **state)
{
	(void)state;
	struct store *s = fresh_store();
	struct perr e = {0};
	struct actor coord;
	assert_int_equal(actor_load(s, "coordinateur", &coord, &e), 0);
	long long id = new_dossier(s, "99");
	assert_int_equal(move_apply(s, &coord, id, "phase1", &(struct move_request){0}, &e), 0);
	struct dossier d = {0};
	d.f[DF_DS_NUMBER] = "99";
	d.f[DF_LEAD_NAME] = "Association renommée";
	d.f[DF_PTCE_NAME] = "PTCE test";
	d.f[DF_REGION] = "44";
	d.f[DF_DEPARTEMENT] = "67";
	enum save_result r;
	long long id2;
	assert_int_equal(store_begin(s, &e), 0);
	assert_int_equal(dossier_save(s, "admin", "admin", &d, 0, NULL, &r, &id2, &e), 0);
	assert_int_equal(store_commit(s, &e), 0);
	assert_int_equal(r, SAVE_UPDATED);
	assert_int_equal(id, id2);
	char *st = state_of(s, id);
	assert_string_equal(st, "phase1");
	free(st);
	assert_int_equal(count(s, "SELECT count(*) FROM history WHERE kind = 'update' AND detail = 'field=lead_name'"), 1);
	assert_int_equal(store_begin(s, &e), 0);
	assert_int_equal(dossier_save(s, "admin", "admin", &d, 0, NULL, &r, &id2, &e), 0);
	assert_int_equal(store_commit(s, &e), 0);
	assert_int_equal(r, SAVE_UNCHANGED);
	drop_store(&s);
}

static void newer_database_is_refused(void **state)
{
	(void)state;
	struct store *s = fresh_store();
	struct perr e = {0};
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", store_schema_version() + 1);
	assert_int_equal(store_exec(s, sql, &e), 0);
	store_close(&s);
	assert_int_equal(store_open(dbpath, STORE_EXISTING, &s, &e), -1);
	assert_int_equal(e.status, P_DB);
	assert_non_null(strstr(e.msg, "newer ptce"));
	assert_int_equal(store_open("/nonexistent/dir/x.db", STORE_EXISTING, &s, &e), -1);
	assert_non_null(strstr(e.msg, "ptce init"));
	unlink(dbpath);
}

/* A file at schema version 1 (as the first ptce wrote it) is brought to the
 * current version in one go when opened, and keeps its data. */
static void older_database_is_upgraded(void **state)
{
	(void)state;
	struct perr e = {0};
	snprintf(dbpath, sizeof dbpath, "/tmp/ptce-unit-old-%d.db", (int)getpid());
	unlink(dbpath);
	struct store old = {0};
	old.path = dbpath;
	assert_int_equal(sqlite3_open(dbpath, &old.db), SQLITE_OK);
	assert_int_equal(store_migrations[0].version, 1);
	assert_int_equal(store_exec(&old, store_migrations[0].sql, &e), 0);
	assert_int_equal(store_migrations[0].apply(&old, &e), 0);
	assert_int_equal(procedure_mirror(&old, &e), 0);
	assert_int_equal(store_exec(&old, "INSERT INTO reviewers(login, display_name, created_at)"
				    " VALUES ('old', 'Old Timer', 'x'); PRAGMA user_version = 1", &e), 0);
	sqlite3_close(old.db);

	struct store *s = NULL;
	if (procedure_open(dbpath, STORE_EXISTING, &s, &e) < 0)
		fail_msg("%s", e.msg);
	assert_int_equal(count(s, "PRAGMA user_version"), store_schema_version());
	assert_int_equal(count(s, "SELECT count(*) FROM reviewers WHERE login = 'old'"), 1);
	/* The rows already there are the audit chain's first entries. */
	assert_int_equal(count(s, "SELECT count(*) FROM audit WHERE tbl = 'reviewers' AND key = 'old' AND op = 'insert'"), 1);
	assert_int_equal(count(s, "PRAGMA application_id"), STORE_APPLICATION_ID);
	/* Tables of later versions exist. */
	assert_int_equal(count(s, "SELECT count(*) FROM sqlite_master WHERE name = 'reviews'"), 1);
	/* The procedure's tables were written again with the upgrade. */
	assert_int_equal(count(s, "SELECT count(*) FROM transitions"), (long long)procedure_n_transitions);
	store_close(&s);
	unlink(dbpath);
}

/* The database's states and transitions are the C tables, written when the
 * file is made; opening an up-to-date file writes nothing (a reader with no
 * write access, or a database another session holds locked, still opens). */
static void procedure_mirror_is_written_once(void **state)
{
	(void)state;
	struct store *s = fresh_store();
	assert_int_equal(count(s, "SELECT count(*) FROM states"), (long long)procedure_n_states);
	assert_int_equal(count(s, "SELECT count(*) FROM transitions"), (long long)procedure_n_transitions);
	for (size_t i = 0; i < procedure_n_transitions; i++) {
		const struct transition_def *t = &procedure_transitions[i];
		char roles[128], *sql = sqlite3_mprintf(
			"SELECT count(*) FROM transitions WHERE from_state = %Q AND to_state = %Q"
			" AND roles = %Q AND motivation_required = %d AND guard IS %Q", t->from, t->to,
			roles_format(t->roles, roles, sizeof roles), t->motivation_required, guard_name(t->guard));
		assert_int_equal(count(s, sql), 1);
		sqlite3_free(sql);
	}
	/* Even rows that differ from this build's tables (another build's)
	 * are left alone by a plain open: a change comes with a migration. */
	struct perr e = {0};
	assert_int_equal(store_exec(s, "UPDATE transitions SET label_fr = 'autre libellé'"
				    " WHERE to_state = 'rejected'", &e), 0);
	store_close(&s);
	assert_int_equal(procedure_open(dbpath, STORE_EXISTING, &s, &e), 0);
	assert_int_equal(sqlite3_total_changes(s->db), 0);
	assert_int_equal(count(s, "SELECT count(*) FROM transitions WHERE label_fr = 'autre libellé'"), 1);
	drop_store(&s);
}

static void roster_rules(void **state)
{
	(void)state;
	struct store *s = fresh_store();
	struct perr e = {0};
	struct actor admin, instr;
	assert_int_equal(actor_load(s, "admin", &admin, &e), 0);
	assert_int_equal(actor_load(s, "instructeur", &instr, &e), 0);
	assert_int_equal(reviewer_add(s, &instr, "bob", "Bob", NULL, NULL, ROLE_LECTEUR, &e), -1);
	assert_int_equal(reviewer_remove(s, &admin, "admin", &e), -1);
	assert_non_null(strstr(e.msg, "last admin"));
	assert_int_equal(reviewer_add(s, &admin, "bob", "Bob", NULL, NULL, ROLE_LECTEUR, &e), 0);
	assert_int_equal(reviewer_remove(s, &admin, "bob", &e), 0);
	struct actor bob;
	assert_int_equal(actor_load(s, "bob", &bob, &e), -1);
	assert_non_null(strstr(e.msg, "removed"));
	assert_int_equal(actor_impersonate(s, &instr, "admin", &e), -1);
	assert_int_equal(actor_impersonate(s, &admin, "instructeur", &e), 0);
	assert_true(admin.impersonated);
	assert_string_equal(admin.real_login, "admin");
	assert_string_equal(admin.login, "instructeur");
	drop_store(&s);
}

/* ---- helpers of the lower layers ---- */

/* Every check of a field type, with its exact message. */
static void field_messages_are_exact(void **state)
{
	(void)state;
	static const struct {
		enum dossier_field f;
		const char *value, *why;
	} bad[] = {
		{DF_DS_NUMBER, "12a", "Dossier number must be digits only (the platform's number), found '12a'"},
		{DF_BUDGET, "12k", "Budget (EUR) must be a whole number, found '12k'"},
		{DF_AMOUNT_REQUESTED, "100000001", "Amount requested (EUR) must be between 0 and 100000000, found 100000001"},
		{DF_STAFF_FTE, "1,5", "Facilitation staff (FTE) must be a positive number (use a dot: 1.5), found '1,5'"},
		{DF_STAFF_FTE, "-1", "Facilitation staff (FTE) must be a positive number (use a dot: 1.5), found '-1'"},
		{DF_LEAD_ESUS, "oui", "ESUS approval must be 0 or 1, found 'oui'"},
		{DF_LEAD_SIRET, "123", "SIRET must be 14 digits, found '123'"},
		{DF_LEAD_SIRET, "73282932000075", "SIRET 73282932000075 has a wrong checksum (Luhn); check it on the SIRENE notice"},
		{DF_CONTACT_EMAIL, "@x.fr", "Contact e-mail is not an e-mail address: '@x.fr'"},
		{DF_CONTACT_PHONE, "06 12 AB", "Contact phone is not a phone number: '06 12 AB'"},
		{DF_STAGE, "vieux", "Stage: 'vieux' is not one of emergent, existant"},
		{DF_BOUQUET_NEEDS, "recherche, ", "Bouquet needs: '' is not one of mobilisation, ingenierie, recherche, modele-economique, cooperation-collectivites"},
		{DF_REGION, "99", "Région: '99' is not an INSEE region code (e.g. 44 for Grand Est, 76 for Occitanie)"},
		{DF_DEPARTEMENT, "20", "Département: '20' is not an INSEE département code (e.g. 67, 2A, 974)"},
		{DF_DEPOSITED_AT, "2025-13-01", "Submitted on must be a date YYYY-MM-DD, found '2025-13-01'"},
		{DF_LEAD_NAME, NULL, "Lead structure is required"},
	};
	char why[512];
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		why[0] = '\0';
		assert_int_equal(field_validate(&dossier_fields[bad[i].f], bad[i].value, why, sizeof why), -1);
		assert_string_equal(why, bad[i].why);
	}
	assert_int_equal(field_validate(&dossier_fields[DF_STAFF_FTE], "1.5", why, sizeof why), 0);
	assert_int_equal(field_validate(&dossier_fields[DF_DEPOSITED_AT], "2025-06-30T10:00:00Z", why, sizeof why), 0);
	assert_int_equal(field_validate(&dossier_fields[DF_CONTACT_PHONE], "+33 (0)6 12-34.56", why, sizeof why), 0);
	assert_int_equal(field_validate(&dossier_fields[DF_DESCRIPTION], "", why, sizeof why), 0);
	assert_int_equal(siret_check_digit("7328293200007"), '4');
	assert_int_equal(siret_check_digit("73282932a0007"), '?');
	char *cols = dossier_field_columns();
	assert_int_equal(strncmp(cols, "ds_number, ds_status, deposited_at, lead_name", 45), 0);
	free(cols);
}

/* The phases of states, as SQL, say what the states table says. */
static void phases_come_from_the_states_table(void **state)
{
	(void)state;
	char *in = procedure_phase_in_sql("d.state", 1, 0);
	assert_string_equal(in, "d.state IN ('submitted', 'phase1')");
	free(in);
	in = procedure_phase_in_sql("d.state", 2, 0);
	assert_string_equal(in, "d.state IN ('phase2')");
	free(in);
	in = procedure_phase_in_sql("x", 0, 0);
	assert_string_equal(in, "x IN ('submitted', 'phase1', 'phase2')");
	free(in);
	/* The classement's states: those whose figures are the phase's. */
	in = procedure_phase_in_sql("state", 2, 1);
	assert_string_equal(in, "state IN ('phase2', 'funded')");
	free(in);
	struct store *s = fresh_store();
	long long id = new_dossier(s, "77");
	/* One phase 2 review: the last phase reviewed is 2. */
	struct perr e = {0};
	if (store_exec(s, "INSERT INTO grid_versions(grid_id, hash, phase, title, reviews_required, blind,"
		       " divergence, points_total, content, first_used_at) VALUES ('g', 'h', 2, 't', 1, 0, 0, 100, '', 'x');"
		       "INSERT INTO reviews(dossier_id, reviewer, grid_id, grid_version_id, phase, created_at,"
		       " updated_at, updated_by) VALUES (1, 'instructeur', 'g', 1, 2, 'x', 'x', 'x')", &e) < 0)
		fail_msg("%s", e.msg);
	for (int figures = 0; figures < 2; figures++) {
		char *expr = procedure_phase_sql("d", figures);
		for (size_t i = 0; i < procedure_n_states; i++) {
			const char *name = procedure_states[i].name;
			int want = figures ? state_figures_phase(name) : state_review_phase(name);
			if (figures && !want)
				want = 2;
			char *sql = sqlite3_mprintf("SELECT %s FROM (SELECT %Q AS state, %lld AS id) d", expr, name, id);
			assert_int_equal(count(s, sql), want);
			sqlite3_free(sql);
		}
		free(expr);
	}
	drop_store(&s);
	const struct transition_def *t = guard_transition(GUARD_PHASE2_FUNDED);
	assert_non_null(t);
	assert_string_equal(t->from, "phase2");
	assert_int_equal(t->inputs, MOVE_IN_VALIDATION | MOVE_IN_AMOUNT);
	assert_null(guard_transition(GUARD_NONE));
}

static int add_text(sqlite3_stmt *st, void *arg)
{
	char *text = NULL;
	long long n = 0;
	stmt_columns(st, "tI", &text, &n);
	text_join(arg, 64, ", ", text);
	free(text);
	return n >= 2;	/* stop after the second row */
}

static void bind_word(sqlite3_stmt *st, size_t i, const void *arg)
{
	const char *const *words = arg;
	stmt_bind(st, "tI", words[i], (long long)i + 1);
}

/* The statement helpers: one call each, errors that name what failed. */
static void statement_helpers(void **state)
{
	(void)state;
	struct store *s = fresh_store();
	struct perr e = {0};
	static const char *const words[] = {"un", "deux", "trois"};
	assert_int_equal(stmt_run(s, &e, "t", "CREATE TABLE w(word TEXT UNIQUE, n INTEGER)", NULL), 0);
	assert_int_equal(stmt_each(s, &e, "words", "INSERT INTO w VALUES (?, ?)", 3, bind_word, words), 0);
	long long n = -1;
	assert_int_equal(stmt_int(s, &n, -1, &e, "count", "SELECT count(*) FROM w WHERE n > ?", "i", 1), 0);
	assert_int_equal(n, 2);
	assert_int_equal(stmt_int(s, &n, -7, &e, "none", "SELECT n FROM w WHERE word = ?", "t", "quatre"), 0);
	assert_int_equal(n, -7);
	int yes = 0;
	assert_int_equal(stmt_exists(s, &yes, &e, "x", "SELECT 1 FROM w WHERE word = ?", "n", "deux"), 0);
	assert_true(yes);
	char *text = NULL;
	assert_int_equal(stmt_text(s, &text, &e, "x", "SELECT group_concat(word, '+') FROM (SELECT word FROM w ORDER BY n)", NULL), 0);
	assert_string_equal(text, "un+deux+trois");
	free(text);
	char seen[64] = "";
	assert_int_equal(stmt_rows(s, stmt_query(s, &e, "SELECT word, n FROM w ORDER BY n", NULL), &e, "rows",
				   add_text, seen), 0);
	assert_string_equal(seen, "un, deux");
	/* A refused write names what was being done. */
	assert_int_equal(stmt_run(s, &e, "adding a word", "INSERT INTO w VALUES (?, 4)", "t", "un"), -1);
	assert_int_equal(e.status, P_INVALID);
	assert_non_null(strstr(e.msg, "adding a word: refused by the database"));
	assert_int_equal(stmt_exec(s, stmt_query(s, &e, "SELECT * FROM nowhere", NULL), &e, "x"), -1);
	assert_int_equal(e.status, P_DB);
	drop_store(&s);
	char *buf = NULL;
	xappendf(&buf, "%s", "a");
	xappendf(&buf, "-%d", 2);
	assert_string_equal(buf, "a-2");
	free(buf);
	struct xarray a = {NULL, 0, 0, sizeof(long long)};
	for (long long i = 0; i < 100; i++)
		*(long long *)xarray_add(&a) = i * i;
	assert_int_equal(a.n, 100);
	assert_int_equal(((long long *)a.v)[99], 9801);
	free(a.v);
}

/* ---- waiting for another session's write ---- */

struct hook_seen {
	int calls;
	unsigned last_ms;
	int went_back;	/* a wait's time went down within one wait */
};

/* Gives the wait up once it lasted 150 ms. */
static int give_up_hook(void *arg, unsigned waited_ms)
{
	struct hook_seen *h = arg;
	if (h->calls++ && waited_ms < h->last_ms)
		h->went_back = 1;
	h->last_ms = waited_ms;
	return waited_ms >= 150;
}

static long long elapsed_ms(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (t1.tv_sec - t0->tv_sec) * 1000LL + (t1.tv_nsec - t0->tv_nsec) / 1000000;
}

/* Another connection holds the write lock: the hook sees the wait grow and
 * gives it up; without a hook the wait ends at PTCE_BUSY_WAIT; a value that
 * is not a number of seconds is refused at opening. */
static void busy_wait_and_giving_up(void **state)
{
	(void)state;
	struct perr e = {0};
	struct store *s = fresh_store(), *holder = NULL, *other = NULL;
	must(procedure_open(dbpath, STORE_EXISTING, &holder, &e), &e);
	sql(holder, "BEGIN IMMEDIATE");

	struct hook_seen h = {0};
	store_busy_hook(s, give_up_hook, &h);
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(store_begin(s, &e), -1);
	long long ms = elapsed_ms(&t0);
	assert_true(ms >= 150 && ms < 2000);
	assert_true(h.calls > 2);
	assert_false(h.went_back);
	assert_int_equal(e.status, P_BUSY);
	assert_int_equal(pstatus_exit_code(e.status), 4);
	assert_non_null(strstr(e.msg, "busy with another session's write"));
	assert_non_null(strstr(e.msg, "you gave up after 0 seconds of waiting, and nothing was changed"));

	setenv("PTCE_BUSY_WAIT", "1", 1);
	must(procedure_open(dbpath, STORE_EXISTING, &other, &e), &e);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	perr_clear(&e);
	assert_int_equal(store_begin(other, &e), -1);
	ms = elapsed_ms(&t0);
	assert_true(ms >= 950 && ms < 3000);
	assert_non_null(strstr(e.msg, "which did not end within 1 second; nothing was changed"));
	store_close(&other);

	setenv("PTCE_BUSY_WAIT", "10s", 1);
	assert_int_equal(procedure_open(dbpath, STORE_EXISTING, &other, &e), -1);
	assert_int_equal(e.status, P_USAGE);
	assert_non_null(strstr(e.msg, "PTCE_BUSY_WAIT=10s is not a number of seconds"));
	assert_null(other);
	unsetenv("PTCE_BUSY_WAIT");

	/* The lock released, the same write passes at once. */
	sql(holder, "ROLLBACK");
	store_close(&holder);
	must(store_begin(s, &e), &e);
	/* A later failure of another kind is not taken for a busy one: the
	 * status belongs to the failure, not to the connection. */
	perr_clear(&e);
	assert_int_equal(store_exec(s, "SELECT * FROM no_such_table", &e), -1);
	assert_int_equal(e.status, P_DB);
	store_rollback(s);
	drop_store(&s);
}

/* _() remembers gettext's answers by the text asked, not its address: a
 * buffer asked again with other words gets its own answer. */
static void gettext_memo_follows_the_text(void **state)
{
	(void)state;
	char buf[32];
	snprintf(buf, sizeof buf, "%s", "no such message one");
	assert_string_equal(i18n_gettext(buf), "no such message one");
	assert_ptr_equal(i18n_gettext(buf), buf);
	snprintf(buf, sizeof buf, "%s", "no such message two");
	assert_string_equal(i18n_gettext(buf), "no such message two");
	const char *id = "Search: ";
	assert_ptr_equal(i18n_gettext(id), gettext(id));
	assert_ptr_equal(i18n_gettext(id), gettext(id));
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(gettext_memo_follows_the_text),
		cmocka_unit_test(text_clean_removes_escapes),
		cmocka_unit_test(text_width_counts_columns),
		cmocka_unit_test(text_wrap_breaks_at_words),
		cmocka_unit_test(text_fold_ignores_case_and_accents),
		cmocka_unit_test(ydoc_positions_and_suggestions),
		cmocka_unit_test(siret_and_fields),
		cmocka_unit_test(transitions_ask_what_their_guard_needs),
		cmocka_unit_test(procedure_table_walk),
		cmocka_unit_test(refusals_explain_themselves),
		cmocka_unit_test(history_is_append_only),
		cmocka_unit_test(reimport_keeps_state),
		cmocka_unit_test(newer_database_is_refused),
		cmocka_unit_test(older_database_is_upgraded),
		cmocka_unit_test(procedure_mirror_is_written_once),
		cmocka_unit_test(roster_rules),
		cmocka_unit_test(field_messages_are_exact),
		cmocka_unit_test(phases_come_from_the_states_table),
		cmocka_unit_test(statement_helpers),
		cmocka_unit_test(busy_wait_and_giving_up),
	};
	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
