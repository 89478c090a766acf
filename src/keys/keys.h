/* keys.h - the interface's actions and their default keys, as one table of
 * data (no curses here): the help overlay and the man page are made from it. */
#ifndef PTCE_KEYS_H
#define PTCE_KEYS_H

#include <stddef.h>

#include "base/err.h"

/* Key codes: a Unicode code point for a printable character, 1..31 for
 * <C-a>..<C-_>, or one of these named keys (above the Unicode range). The
 * interface translates curses key codes into these. */
enum key_code {
	K_UP = 0x110000, K_DOWN, K_LEFT, K_RIGHT, K_PGUP, K_PGDN, K_HOME, K_END,
	K_ENTER, K_ESC, K_TAB, K_BTAB, K_BACKSPACE, K_DELETE, K_INSERT, K_SPACE,
	K_F1, K_F2, K_F3, K_F4, K_F5, K_F6, K_F7, K_F8, K_F9, K_F10, K_F11, K_F12,
	K_RESIZE, K_NONE
};

/* Panels an action works in (bits). */
enum key_panel {
	KP_QUEUE = 1 << 0,	/* the list of dossiers */
	KP_DOSSIER = 1 << 1,	/* one dossier's fields */
	KP_SCORING = 1 << 2,	/* the review grid as a form */
	KP_PAGER = 1 << 3,	/* help, history, command output */
	KP_EDITOR = 1 << 4,	/* the multi-line comment editor */
};
#define KP_LISTS (KP_QUEUE | KP_DOSSIER | KP_SCORING | KP_PAGER)
#define KP_ALL (KP_LISTS | KP_EDITOR)
#define KEY_PANEL_COUNT 5

/* Every action the interface knows. The names (key_actions[].name) are what
 * a key-bindings file uses. */
enum key_action {
	KA_NONE = 0,
	/* moving around */
	KA_UP, KA_DOWN, KA_PAGE_UP, KA_PAGE_DOWN, KA_FIRST, KA_LAST,
	KA_OPEN, KA_NEXT_PANEL, KA_BACK, KA_QUIT, KA_HELP, KA_COMMAND, KA_REFRESH,
	KA_SECTION_NEXT, KA_SECTION_PREV,
	/* the queue */
	KA_SEARCH, KA_SEARCH_NEXT, KA_SEARCH_PREV, KA_SORT, KA_SORT_REVERSE,
	KA_VIEW_TODO, KA_VIEW_MINE, KA_VIEW_REVIEW, KA_VIEW_PHASE2, KA_VIEW_ALL,
	KA_FILTER, KA_FILTER_CLEAR, KA_TAG, KA_TAG_CLEAR, KA_EXPORT,
	/* acting on a dossier (or the tagged ones) */
	KA_SCORE, KA_MOVE, KA_ASSIGN, KA_CONFLICT, KA_COMPLEMENTS, KA_HISTORY,
	/* the scoring form */
	KA_VALUE_0, KA_VALUE_1, KA_VALUE_2, KA_VALUE_3, KA_VALUE_4,
	KA_VALUE_5, KA_VALUE_6, KA_VALUE_7, KA_VALUE_8, KA_VALUE_9,
	KA_GATE_YES, KA_GATE_NO, KA_GATE_CHECK, KA_VALUE_CLEAR, KA_COMMENT,
	KA_SUBMIT, KA_OTHERS,
	/* the comment editor */
	KA_EDITOR_DONE,
	KA_COUNT
};

#define KEYS_MAX 4	/* keys per action */

struct key_action_def {
	enum key_action id;
	const char *name;		/* "page-down": used in key-binding files */
	const char *keys[KEYS_MAX];	/* defaults: "j", "<Down>", "<C-l>" */
	const char *help;		/* N_(): translate with _() when shown */
	unsigned panels;		/* enum key_panel bits */
};

/* key_actions - the table, indexed by enum key_action (entry 0 is KA_NONE). */
extern const struct key_action_def key_actions[KA_COUNT];

/* keys_foreach - call fn for each action in table order (KA_NONE skipped),
 * with its default keys; for generating the man page's key table. */
void keys_foreach(void (*fn)(const struct key_action_def *a, void *arg), void *arg);
/* key_panel_name - "queue", "dossier", ... for one panel bit (untranslated). */
const char *key_panel_name(unsigned panel);
/* key_panel_label - translated title of a panel, for the help overlay. */
const char *key_panel_label(unsigned panel);
/* key_action_find - action id of a name, or KA_NONE. */
enum key_action key_action_find(const char *name);

/* key_parse - "j", "é", "<Down>", "<C-l>", "<Space>", "<F1>" to a key code;
 * 0 on success, -1 if not a key. */
int key_parse(const char *s, int *code);
/* key_format - the display form of a code ("<Down>", "j", "<C-l>"). */
const char *key_format(int code, char *buf, size_t len);

/* The keys in effect: defaults, possibly rebound by a file. */
struct keymap {
	int codes[KA_COUNT][KEYS_MAX];	/* 0 = unused slot */
};

/* keymap_defaults - fill km from key_actions[]. */
void keymap_defaults(struct keymap *km);
/* keymap_lookup - action of a key in a panel, or KA_NONE. When two actions
 * share a key, the one meant for fewer panels wins (so '?' is "to check" in
 * the scoring form and help elsewhere). */
enum key_action keymap_lookup(const struct keymap *km, unsigned panel, int code);
/* keymap_describe - "j, <Down>" for an action, into buf. */
const char *keymap_describe(const struct keymap *km, enum key_action a, char *buf, size_t len);
/* keymap_load_file - rebind actions by name from a YAML mapping
 *   move: M
 *   search: ["/", "<C-s>"]
 *   export: []            # unbound
 * Each named action gets exactly the keys given; a key taken from another
 * action of a shared panel is removed there. Errors are file:line:col. */
int keymap_load_file(struct keymap *km, const char *path, struct perr *e);
/* keymap_load_string - the same from memory (name is used in messages). */
int keymap_load_string(struct keymap *km, const char *name, const char *text,
		       struct perr *e);

#endif
