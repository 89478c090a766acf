/* test_keys.c - the key actions (one X-macro list), key names, the default
 * keymap and the loader of key-binding files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "keys/keys.h"

static void test_key_names(void **state)
{
	(void)state;
	int c;
	char buf[32];
	assert_int_equal(key_parse("j", &c), 0);
	assert_int_equal(c, 'j');
	assert_int_equal(key_parse("é", &c), 0);
	assert_int_equal(c, 0xe9);
	assert_string_equal(key_format(c, buf, sizeof buf), "é");
	assert_int_equal(key_parse("<Down>", &c), 0);
	assert_int_equal(c, K_DOWN);
	assert_string_equal(key_format(c, buf, sizeof buf), "<Down>");
	assert_int_equal(key_parse("<C-l>", &c), 0);
	assert_int_equal(c, 12);
	assert_string_equal(key_format(c, buf, sizeof buf), "<C-l>");
	assert_int_equal(key_parse("<pagedown>", &c), 0);
	assert_int_equal(c, K_PGDN);
	assert_int_equal(key_parse(" ", &c), 0);
	assert_int_equal(c, K_SPACE);
	assert_int_equal(key_parse("<Dwn>", &c), -1);
	assert_int_equal(key_parse("jk", &c), -1);
	assert_int_equal(key_parse("", &c), -1);
	assert_int_equal(key_parse("\x1b", &c), -1);
}

/* The French names the French pages write parse to the same keys. */
static void test_key_names_fr(void **state)
{
	(void)state;
	static const struct { const char *fr; int code; } names[] = {
		{"<Entrée>", K_ENTER}, {"<Échap>", K_ESC}, {"<Espace>", K_SPACE},
		{"<Haut>", K_UP}, {"<Bas>", K_DOWN}, {"<Gauche>", K_LEFT}, {"<Droite>", K_RIGHT},
		{"<PgPréc>", K_PGUP}, {"<PgSuiv>", K_PGDN}, {"<Début>", K_HOME}, {"<Fin>", K_END},
		{"<RetArr>", K_BACKSPACE}, {"<Suppr>", K_DELETE}, {"<Inser>", K_INSERT},
		{"<Maj-Tab>", K_BTAB},
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		int c = 0;
		assert_int_equal(key_parse(names[i].fr, &c), 0);
		assert_int_equal(c, names[i].code);
	}
	/* Without a catalogue the table keeps the English names. */
	char buf[32];
	assert_string_equal(key_display("<Enter>", buf, sizeof buf), "<Enter>");
	assert_string_equal(key_display("<C-b>", buf, sizeof buf), "<C-b>");
	assert_string_equal(key_display("o", buf, sizeof buf), "o");
}

static void test_key_table(void **state)
{
	(void)state;
	/* Every action (made from one list) has a name, help and at least one
	 * panel; names are unique; each default key parses, no key twice. */
	for (int a = 1; a < KA_COUNT; a++) {
		assert_non_null(key_actions[a].name);
		assert_true(key_actions[a].name[0] != '\0');
		assert_non_null(key_actions[a].help);
		assert_true(key_actions[a].help[0] != '\0');
		assert_true(key_actions[a].panels != 0);
		assert_int_equal(key_action_find(key_actions[a].name), a);
		const char *const *keys = key_actions[a].keys;
		for (int k = 0; k < KEYS_MAX && keys[k]; k++) {
			int c;
			assert_int_equal(key_parse(keys[k], &c), 0);
			for (int j = 0; j < k; j++)
				assert_string_not_equal(keys[j], keys[k]);
		}
		for (int b = 1; b < a; b++)
			assert_string_not_equal(key_actions[a].name, key_actions[b].name);
	}
	assert_int_equal(key_action_find("none"), KA_NONE);
	assert_int_equal(key_action_find("editor-done"), KA_EDITOR_DONE);
	struct keymap km;
	keymap_defaults(&km);
	/* No key means two things in one panel, except where the narrower
	 * action wins on purpose. */
	assert_int_equal(keymap_lookup(&km, KP_SCORING, '?'), KA_GATE_CHECK);
	assert_int_equal(keymap_lookup(&km, KP_QUEUE, '?'), KA_HELP);
	assert_int_equal(keymap_lookup(&km, KP_QUEUE, 'n'), KA_SEARCH_NEXT);
	assert_int_equal(keymap_lookup(&km, KP_SCORING, 'n'), KA_GATE_NO);
	assert_int_equal(keymap_lookup(&km, KP_QUEUE, '1'), KA_VIEW_TODO);
	assert_int_equal(keymap_lookup(&km, KP_SCORING, '1'), KA_VALUE_1);
	assert_int_equal(keymap_lookup(&km, KP_QUEUE, K_DOWN), KA_DOWN);
	assert_int_equal(keymap_lookup(&km, KP_EDITOR, K_ESC), KA_EDITOR_DONE);
	assert_int_equal(keymap_lookup(&km, KP_QUEUE, 'Z'), KA_NONE);
	char buf[64];
	assert_string_equal(keymap_describe(&km, KA_DOWN, buf, sizeof buf), "j, <Down>");
	assert_string_equal(key_panel_name(KP_SCORING), "scoring");
	assert_null(key_panel_name(3));
}

static void test_key_utf8(void **state)
{
	(void)state;
	char b[5];
	assert_int_equal(key_utf8('j', b), 1);
	assert_string_equal(b, "j");
	assert_int_equal(key_utf8(0xe9, b), 2);
	assert_string_equal(b, "é");
	assert_int_equal(key_utf8(0x2026, b), 3);
	assert_string_equal(b, "…");
	assert_int_equal(key_utf8(0x1f600, b), 4);
	assert_string_equal(b, "\xf0\x9f\x98\x80");
	assert_int_equal(key_utf8(K_DOWN, b), 0);
	assert_string_equal(b, "");
}

static int count_cb;
static void count_action(const struct key_action_def *a, void *arg)
{
	(void)a;
	(void)arg;
	count_cb++;
}

static void test_keys_file(void **state)
{
	(void)state;
	struct keymap km;
	struct perr e = {0};
	keymap_defaults(&km);
	assert_int_equal(keymap_load_string(&km, "k.yaml", "move: M\ndown: [j, <Down>, J]\nexport: []\n", &e), 0);
	assert_int_equal(keymap_lookup(&km, KP_QUEUE, 'M'), KA_MOVE);
	assert_int_equal(keymap_lookup(&km, KP_QUEUE, 'm'), KA_NONE);
	assert_int_equal(keymap_lookup(&km, KP_QUEUE, 'J'), KA_DOWN);
	assert_int_equal(keymap_lookup(&km, KP_QUEUE, 'x'), KA_NONE);
	/* Taking a key from another action of the same panel. */
	assert_int_equal(keymap_load_string(&km, "k.yaml", "history: s\n", &e), 0);
	assert_int_equal(keymap_lookup(&km, KP_QUEUE, 's'), KA_HISTORY);
	char buf[64];
	assert_string_equal(keymap_describe(&km, KA_SCORE, buf, sizeof buf), "");

	keymap_defaults(&km);
	assert_int_equal(keymap_load_string(&km, "k.yaml", "move: M\ndwon: j\n", &e), -1);
	assert_non_null(strstr(e.msg, "k.yaml:2:1"));
	assert_non_null(strstr(e.msg, "did you mean 'down'"));
	assert_int_equal(keymap_load_string(&km, "k.yaml", "move: <Dwn>\n", &e), -1);
	assert_non_null(strstr(e.msg, "k.yaml:1:7"));
	assert_non_null(strstr(e.msg, "<Dwn>"));
	assert_int_equal(keymap_load_string(&km, "k.yaml", "- move\n", &e), -1);
	assert_non_null(strstr(e.msg, "k.yaml:1:1"));
	assert_int_equal(keymap_load_string(&km, "k.yaml", "move: {a: b}\n", &e), -1);
	assert_non_null(strstr(e.msg, "k.yaml:1:7"));
	assert_int_equal(keymap_load_string(&km, "k.yaml", "move: [a, b, c, d, e]\n", &e), -1);
	assert_non_null(strstr(e.msg, "at most"));
	assert_int_equal(keymap_load_string(&km, "k.yaml", "", &e), 0);

	count_cb = 0;
	keys_foreach(count_action, NULL);
	assert_int_equal(count_cb, KA_COUNT - 1);
}

int main(void)
{
	cmocka_set_message_output(CM_OUTPUT_TAP);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_key_names),
		cmocka_unit_test(test_key_names_fr),
		cmocka_unit_test(test_key_table),
		cmocka_unit_test(test_keys_file),
		cmocka_unit_test(test_key_utf8),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
