/* test_checklist.c - the grid loader: shipped grids, every broken grid of
 * tests/grids with its exact message, answers, points, bands and the hash. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "review/checklist.h"

static struct checklist *load(const char *path)
{
	struct perr e = {0};
	struct checklist *g = NULL;
	if (checklist_load_file(path, &g, &e) < 0)
		fail_msg("%s", e.msg);
	return g;
}

/* The tree's phase 2 grid, read as the system directory's. */
static void must_load_named(struct checklist **g)
{
	struct perr e = {0};
	assert_int_equal(checklist_load_named("config/checklists", "phase2", g, &e), 0);
	assert_int_equal((*g)->origin, GRID_SYSTEM);
	checklist_free(g);
}

static void test_phase2_shipped(void **state)
{
	(void)state;
	struct checklist *g = load("config/checklists/phase2.yaml");
	assert_string_equal(g->id, "phase2");
	assert_int_equal(g->phase, 2);
	assert_int_equal(g->reviews_required, 2);
	assert_true(g->blind);
	assert_true(g->points_sum == 100.0);
	assert_int_equal(g->n_bands, 3);
	assert_string_equal(g->bands[0].id, "favourable");
	assert_true(g->bands[0].min == 65.0);
	assert_true(g->bands[1].min == 50.0);
	assert_int_equal(g->favourable, 0);
	const struct criterion *a = checklist_find(g, "A");
	assert_non_null(a);
	assert_true(a->points == 20.0);
	assert_true(a->eliminate_below == 8.0);
	assert_true(checklist_find(g, "B")->eliminate_below == 8.0);
	assert_true(checklist_find(g, "C")->eliminate_below < 0);
	assert_string_equal(g->tie_territories[0], "rural");
	assert_string_equal(g->tie_territories[1], "qpv");
	assert_string_equal(g->tie_territories[2], "outre-mer");
	assert_null(g->tie_territories[3]);
	assert_string_equal(g->tie_criteria[0], "A");
	assert_int_equal(checklist_find(g, "synthese")->type, CRIT_TEXT);
	assert_true(checklist_find(g, "synthese")->required);
	assert_false(checklist_find(g, "recommandation")->required);
	/* case-insensitive lookup */
	assert_ptr_equal(checklist_find(g, "a"), a);
	assert_null(checklist_find(g, "Z"));
	checklist_free(&g);
	assert_null(g);
}

static void test_phase1_shipped(void **state)
{
	(void)state;
	struct checklist *g = load("config/checklists/phase1.yaml");
	assert_int_equal(g->phase, 1);
	assert_false(g->blind);
	for (int i = 1; i <= 12; i++) {
		char id[16];
		snprintf(id, sizeof id, "R%d", i);
		const struct criterion *c = checklist_find(g, id);
		assert_non_null(c);
		assert_int_equal(c->type, CRIT_GATE);
		assert_int_equal(c->blocking, i <= 6);
	}
	assert_false(checklist_find(g, "R12")->required);
	assert_true(g->points_sum == 0);
	assert_int_equal(g->n_bands, 0);
	assert_int_equal(g->favourable, -1);
	checklist_free(&g);
}

/* Every file in tests/grids is refused with the message of its first line. */
static void test_broken_grids(void **state)
{
	(void)state;
	DIR *d = opendir("tests/grids");
	assert_non_null(d);
	struct dirent *de;
	int n = 0;
	while ((de = readdir(d))) {
		size_t l = strlen(de->d_name);
		if (l < 6 || strcmp(de->d_name + l - 5, ".yaml") != 0)
			continue;
		char path[PATH_MAX], line[1024] = "";
		snprintf(path, sizeof path, "tests/grids/%s", de->d_name);
		FILE *f = fopen(path, "r");
		assert_non_null(f);
		assert_non_null(fgets(line, sizeof line, f));
		fclose(f);
		line[strcspn(line, "\n")] = '\0';
		assert_int_equal(strncmp(line, "# expect: ", 10), 0);
		char want[PATH_MAX + 1100];
		snprintf(want, sizeof want, "%s:%s", path, line + 10);
		struct perr e = {0};
		struct checklist *g = NULL;
		assert_int_equal(checklist_load_file(path, &g, &e), -1);
		assert_null(g);
		assert_int_equal(e.status, P_INVALID);
		assert_string_equal(e.msg, want);
		n++;
	}
	closedir(d);
	assert_true(n >= 20);
}

static const char mini[] =
	"id: t\ntitle: T\nphase: 2\ndivergence: 2\n"
	"sections:\n- id: s\n  title: S\n  criteria:\n"
	"  - {id: A, label: A, type: scale, min: 1, max: 5, points: 20, comment_below: 3}\n"
	"  - {id: G, label: G, type: gate, comment_on: [no]}\n"
	"  - id: C\n    label: C\n    type: choice\n    options: [{id: oui, label: Oui}, {id: non, label: Non}]\n"
	"  - {id: T, label: T, type: text}\n"
	"rules:\n  blocking: [G]\n  bands:\n  - {id: hi, label: Haut, min: 15}\n  - {id: mid, label: Moyen, min: 5}\n"
	"  - {id: lo, label: Bas, min: 0}\n  eliminate: [{criterion: A, below: 5}]\n";

static struct checklist *mini_grid(void)
{
	struct perr e = {0};
	struct checklist *g = NULL;
	if (checklist_load_string("mini", mini, strlen(mini), &g, &e) < 0)
		fail_msg("%s", e.msg);
	return g;
}

static void test_normalize(void **state)
{
	(void)state;
	struct checklist *g = mini_grid();
	const struct criterion *a = checklist_find(g, "A"), *gt = checklist_find(g, "G"),
				*c = checklist_find(g, "C"), *t = checklist_find(g, "T");
	struct perr e = {0};
	char *v = NULL;
	assert_int_equal(criterion_normalize(a, " 3 ", &v, &e), 0);
	assert_string_equal(v, "3");
	free(v);
	assert_int_equal(criterion_normalize(a, "6", &v, &e), -1);
	assert_string_equal(e.msg, "A: '6' is not on the scale; give a whole number from 1 to 5");
	assert_int_equal(criterion_normalize(a, "2.5", &v, &e), -1);
	assert_int_equal(criterion_normalize(a, "", &v, &e), 0);
	assert_null(v);
	static const char *const yes[] = {"yes", "Oui", "y", "O", "true"};
	for (size_t i = 0; i < 5; i++) {
		assert_int_equal(criterion_normalize(gt, yes[i], &v, &e), 0);
		assert_string_equal(v, "yes");
		free(v);
	}
	assert_int_equal(criterion_normalize(gt, "NON", &v, &e), 0);
	assert_string_equal(v, "no");
	free(v);
	assert_int_equal(criterion_normalize(gt, "à vérifier", &v, &e), 0);
	assert_string_equal(v, "check");
	free(v);
	assert_int_equal(criterion_normalize(gt, "?", &v, &e), 0);
	assert_string_equal(v, "check");
	free(v);
	assert_int_equal(criterion_normalize(gt, "peut-être", &v, &e), -1);
	assert_string_equal(e.msg, "G: 'peut-être' is not an answer of this gate; answer yes (oui), no (non) or check (à vérifier)");
	assert_int_equal(criterion_normalize(c, "OUI", &v, &e), 0);
	assert_string_equal(v, "oui");
	free(v);
	assert_int_equal(criterion_normalize(c, "bof", &v, &e), -1);
	assert_string_equal(e.msg, "C: 'bof' is not one of the options; choose one of oui, non");
	assert_int_equal(criterion_normalize(t, "libre\ntexte", &v, &e), 0);
	assert_string_equal(v, "libre\ntexte");
	free(v);
	checklist_free(&g);
}

static void test_points_comments_bands(void **state)
{
	(void)state;
	struct checklist *g = mini_grid();
	const struct criterion *a = checklist_find(g, "A"), *gt = checklist_find(g, "G");
	/* points x (v - min) / (max - min): 1..5 weighing 20 */
	assert_true(criterion_points(a, "1") == 0.0);
	assert_true(criterion_points(a, "2") == 5.0);
	assert_true(criterion_points(a, "4") == 15.0);
	assert_true(criterion_points(a, "5") == 20.0);
	assert_true(criterion_points(gt, "yes") == 0.0);
	assert_true(criterion_needs_comment(a, "2"));
	assert_false(criterion_needs_comment(a, "3"));
	assert_true(criterion_needs_comment(gt, "no"));
	assert_false(criterion_needs_comment(gt, "yes"));
	assert_string_equal(checklist_band(g, 15)->id, "hi");
	assert_string_equal(checklist_band(g, 14.99)->id, "mid");
	assert_string_equal(checklist_band(g, 5)->id, "mid");
	assert_string_equal(checklist_band(g, 0)->id, "lo");
	assert_null(checklist_band_by_id(g, "nope"));
	char *l = criterion_value_label(gt, "check");
	assert_string_equal(l, "to check");
	free(l);
	l = criterion_accepts(a);
	assert_string_equal(l, "1..5");
	free(l);
	checklist_free(&g);
}

static void test_hash_and_resolve(void **state)
{
	(void)state;
	char h[17];
	/* FNV-1a 64 reference values */
	assert_string_equal(checklist_hash("", 0, h), "cbf29ce484222325");
	assert_string_equal(checklist_hash("a", 1, h), "af63dc4c8601ec8c");
	struct checklist *g = mini_grid();
	assert_string_equal(g->hash, checklist_hash(mini, strlen(mini), h));
	assert_string_equal(g->text, mini);
	checklist_free(&g);
	/* a grid is named by its id, never by a path */
	assert_true(checklist_id_valid("phase2"));
	assert_false(checklist_id_valid("my.yaml"));
	assert_false(checklist_id_valid("./x"));
	assert_false(checklist_id_valid("/tmp/mine"));
	assert_false(checklist_id_valid("-x"));
	struct perr e = {0};
	assert_int_equal(checklist_load_named("config/checklists", "/tmp/mine.yaml", &g, &e), -1);
	assert_int_equal(e.status, P_INVALID);
	assert_non_null(strstr(e.msg, "never a file"));
	must_load_named(&g);
	assert_int_equal(checklist_load_named("config/checklists", "phase3", &g, &e), -1);
	assert_int_equal(e.status, P_NOTFOUND);
	assert_non_null(strstr(e.msg, "no grid named 'phase3'"));
	assert_non_null(strstr(e.msg, "phase1"));
	assert_non_null(strstr(e.msg, "phase2"));
}

/* The file itself: missing, a NUL byte, too large; each said as such. */
static void test_file_errors(void **state)
{
	(void)state;
	struct perr e = {0};
	struct checklist *g = NULL;
	assert_int_equal(checklist_load_file("tests/grids/no-such-grid.yaml", &g, &e), -1);
	assert_int_equal(e.status, P_NOTFOUND);
	assert_string_equal(e.msg, "tests/grids/no-such-grid.yaml: cannot read the grid: No such file or directory");
	char path[] = "/tmp/ptce-test-grid-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "wb");
	fputs("id: x\n", f);
	fputc('\0', f);
	fclose(f);
	assert_int_equal(checklist_load_file(path, &g, &e), -1);
	assert_int_equal(e.status, P_INVALID);
	char *want = xasprintf("%s: contains NUL bytes; a grid is a UTF-8 text file", path);
	assert_string_equal(e.msg, want);
	free(want);
	f = fopen(path, "wb");
	for (int i = 0; i < 9 * 1024; i++)
		fprintf(f, "# %1020d\n", i);
	fclose(f);
	assert_int_equal(checklist_load_file(path, &g, &e), -1);
	assert_int_equal(e.status, P_INVALID);
	want = xasprintf("%s: larger than 8 MiB; this is not a review grid", path);
	assert_string_equal(e.msg, want);
	free(want);
	assert_null(g);
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_phase2_shipped),
		cmocka_unit_test(test_phase1_shipped),
		cmocka_unit_test(test_broken_grids),
		cmocka_unit_test(test_normalize),
		cmocka_unit_test(test_points_comments_bands),
		cmocka_unit_test(test_hash_and_resolve),
		cmocka_unit_test(test_file_errors),
	};
	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
