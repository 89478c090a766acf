/* keys.h - the interface's actions and their default keys, as one X-macro
 * list (no curses here): the enum, the table, the help overlay and the man
 * page are all made from it, so they cannot drift apart. */
#ifndef PTCE_KEYS_H
#define PTCE_KEYS_H

#include <stddef.h>

#include "base/err.h"
#include "base/i18n.h"

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

#define KP_MAIN (KP_QUEUE | KP_DOSSIER | KP_SCORING)	/* the panels of the main screen */

/* Every action the interface knows, in the order of the help screen and of
 * ptce(1)'s key table: X(id, name, (default keys), help, panels). The name is
 * what a key-bindings file uses; the help is N_() (translate with _() when
 * shown); at most KEYS_MAX keys. Adding an action is one line here and its
 * handler in the interface. */
#define KEY_ACTIONS(X) \
	/* moving around */                                                                       \
	X(UP, "up", ("k", "<Up>"), N_("Move up one line"), KP_LISTS)                              \
	X(DOWN, "down", ("j", "<Down>"), N_("Move down one line"), KP_LISTS)                      \
	X(PAGE_UP, "page-up", ("<PgUp>", "<C-b>"), N_("Move up one page"), KP_LISTS)              \
	X(PAGE_DOWN, "page-down", ("<PgDn>", "<C-f>", "<Space>"),                                 \
	  N_("Move down one page"), KP_LISTS)                                                     \
	X(FIRST, "first", ("g", "<Home>"), N_("Go to the first line"), KP_LISTS)                  \
	X(LAST, "last", ("G", "<End>"), N_("Go to the last line"), KP_LISTS)                      \
	X(OPEN, "open", ("<Enter>", "l", "<Right>"), N_("Open the selected dossier"), KP_QUEUE)   \
	X(NEXT_PANEL, "next-panel", ("<Tab>"),                                                    \
	  N_("Switch between the queue and the dossier"), KP_MAIN)                                \
	X(BACK, "back", ("q", "<Esc>", "<Left>"),                                                 \
	  N_("Close this panel (from the queue: quit)"), KP_LISTS)                                \
	X(QUIT, "quit", ("Q"), N_("Quit ptce"), KP_LISTS)                                         \
	X(HELP, "help", ("?", "<F1>"), N_("Show the keys (this help)"), KP_LISTS)                 \
	X(COMMAND, "command", (":"), N_("Run a ptce command (as on the command line)"), KP_MAIN)  \
	X(REFRESH, "refresh", ("<C-l>"), N_("Reload the data and redraw"), KP_LISTS)              \
	X(SECTION_NEXT, "section-next", ("]"), N_("Jump to the next section"), KP_DOSSIER)        \
	X(SECTION_PREV, "section-prev", ("["), N_("Jump to the previous section"), KP_DOSSIER)    \
	X(PIECE_NEXT, "piece-next", ("}"), N_("Select the next pièce jointe"), KP_DOSSIER)       \
	X(PIECE_PREV, "piece-prev", ("{"), N_("Select the previous pièce jointe"), KP_DOSSIER)   \
	X(OPEN_DOCUMENT, "open-document", ("<Enter>"),                                            \
	  N_("Show the selected pièce jointe as text"), KP_DOSSIER)                               \
	X(SAVE_DOCUMENT, "save-document", ("D"),                                                  \
	  N_("Save the selected pièce jointe to a file (mode 0600)"), KP_DOSSIER)                 \
	/* the queue */                                                                           \
	X(SEARCH, "search", ("/"), N_("Search names, members and texts (full text)"), KP_QUEUE)   \
	X(SEARCH_NEXT, "search-next", ("n"), N_("Go to the next search hit"), KP_QUEUE)           \
	X(SEARCH_PREV, "search-prev", ("N"), N_("Go to the previous search hit"), KP_QUEUE)       \
	X(SORT, "sort", ("o"), N_("Sort the queue by a column"), KP_QUEUE)                        \
	X(SORT_REVERSE, "sort-reverse", ("O"), N_("Reverse the sort order"), KP_QUEUE)            \
	X(VIEW_TODO, "view-todo", ("1"),                                                          \
	  N_("Quick view: à instruire (submitted and phase 1)"), KP_QUEUE)                        \
	X(VIEW_MINE, "view-mine", ("2"),                                                          \
	  N_("Quick view: mes dossiers (assigned to me)"), KP_QUEUE)                              \
	X(VIEW_REVIEW, "view-review", ("3"),                                                      \
	  N_("Quick view: à revoir par moi (my review not submitted)"), KP_QUEUE)                 \
	X(VIEW_PHASE2, "view-phase2", ("4"), N_("Quick view: phase 2"), KP_QUEUE)                 \
	X(VIEW_ALL, "view-all", ("5"), N_("Quick view: tous (every dossier)"), KP_QUEUE)          \
	X(VIEW_OVERDUE, "view-overdue", ("6"),                                                    \
	  N_("Quick view: compléments en retard (deadline passed)"), KP_QUEUE)                    \
	X(VIEWS, "views", ("v"),                                                                  \
	  N_("Choose a view: the built-in ones and yours (:view save NAME)"), KP_QUEUE)           \
	X(FILTER, "filter", ("f"),                                                                \
	  N_("Filter by state, region or assignee (state=phase1 region=76 ...)"), KP_QUEUE)       \
	X(FILTER_CLEAR, "filter-clear", ("F"), N_("Clear the filters and the search"), KP_QUEUE)  \
	X(TAG, "tag", ("t"), N_("Tag or untag the dossier (for batch actions)"), KP_QUEUE)        \
	X(TAG_CLEAR, "tag-clear", ("T"), N_("Untag every dossier"), KP_QUEUE)                     \
	X(EXPORT, "export", ("x"),                                                                \
	  N_("Export what the queue shows (or the tagged dossiers) to CSV"), KP_QUEUE)            \
	/* acting on a dossier (or the tagged ones) */                                            \
	X(SCORE, "score", ("s"), N_("Score the dossier (open my review)"), KP_QUEUE | KP_DOSSIER) \
	X(MOVE, "move", ("m"),                                                                    \
	  N_("Move the dossier (or the tagged ones) to another state"), KP_QUEUE | KP_DOSSIER)    \
	X(ASSIGN, "assign", ("a"),                                                                \
	  N_("Assign reviewers (coordinateur; tagged dossiers too)"), KP_QUEUE | KP_DOSSIER)      \
	X(CONFLICT, "conflict", ("c"),                                                            \
	  N_("Declare a conflict of interest on the dossier"), KP_QUEUE | KP_DOSSIER)             \
	X(COMPLEMENTS, "complements", ("C"),                                                      \
	  N_("Request compléments (with a deadline)"), KP_QUEUE | KP_DOSSIER)                     \
	X(HISTORY, "history", ("H"), N_("Show the dossier's history"), KP_QUEUE | KP_DOSSIER)     \
	X(MATRIX, "matrix", ("R"),                                                                \
	  N_("Compare the reviews: criteria × reviewers, range, divergence"), KP_MAIN)            \
	X(DISCUSS, "discuss", ("w"),                                                              \
	  N_("Write a comment in the dossier's discussion"), KP_QUEUE | KP_DOSSIER)               \
	X(CONFLICT_WITHDRAW, "conflict-withdraw", ("W"),                                          \
	  N_("Withdraw a conflict of interest declared by mistake"), KP_QUEUE | KP_DOSSIER)       \
	X(OPINION_ANSWER, "opinion-answer", ("A"),                                                \
	  N_("Answer the opinion asked of you on the dossier (expert)"), KP_QUEUE | KP_DOSSIER)   \
	X(PRINT_FICHE, "print-fiche", ("p"),                                                      \
	  N_("Save the fiche d'instruction as a PDF, to print"), KP_QUEUE | KP_DOSSIER) \
	/* the scoring form */                                                                    \
	X(VALUE_0, "value-0", ("0"), N_("Set the value 0 on a scale"), KP_SCORING)                \
	X(VALUE_1, "value-1", ("1"), N_("Set the value 1 on a scale"), KP_SCORING)                \
	X(VALUE_2, "value-2", ("2"), N_("Set the value 2 on a scale"), KP_SCORING)                \
	X(VALUE_3, "value-3", ("3"), N_("Set the value 3 on a scale"), KP_SCORING)                \
	X(VALUE_4, "value-4", ("4"), N_("Set the value 4 on a scale"), KP_SCORING)                \
	X(VALUE_5, "value-5", ("5"), N_("Set the value 5 on a scale"), KP_SCORING)                \
	X(VALUE_6, "value-6", ("6"), N_("Set the value 6 on a scale"), KP_SCORING)                \
	X(VALUE_7, "value-7", ("7"), N_("Set the value 7 on a scale"), KP_SCORING)                \
	X(VALUE_8, "value-8", ("8"), N_("Set the value 8 on a scale"), KP_SCORING)                \
	X(VALUE_9, "value-9", ("9"), N_("Set the value 9 on a scale"), KP_SCORING)                \
	X(GATE_YES, "gate-yes", ("y", "o"), N_("Answer yes on a gate (o: oui)"), KP_SCORING)      \
	X(GATE_NO, "gate-no", ("n"), N_("Answer no on a gate"), KP_SCORING)                       \
	X(GATE_CHECK, "gate-check", ("?"), N_("Answer \"to check\" on a gate"), KP_SCORING)       \
	X(VALUE_CLEAR, "value-clear", ("x", "<Delete>", "<Backspace>"),                           \
	  N_("Clear the answer"), KP_SCORING)                                                     \
	X(COMMENT, "comment", ("<Enter>", "e"),                                                   \
	  N_("Write the comment of the criterion (Esc when done)"), KP_SCORING)                   \
	X(SUBMIT, "submit", ("S"), N_("Submit the review (asks to confirm)"), KP_SCORING)         \
	X(OTHERS, "others", ("r"), N_("Show the other reviews and the divergence"), KP_SCORING)   \
	X(REOPEN, "reopen", ("u"), N_("Reopen your submitted review as a draft"), KP_SCORING)     \
	/* the comment editor */                                                                  \
	X(EDITOR_DONE, "editor-done", ("<Esc>", "<C-x>"),                                         \
	  N_("Leave the comment editor (it is saved as you type)"), KP_EDITOR)

#define KEY_ENUM_(id, name, keys, help, panels) KA_##id,
enum key_action {
	KA_NONE = 0,
	KEY_ACTIONS(KEY_ENUM_)
	KA_COUNT
};
#undef KEY_ENUM_

#define KEYS_MAX 4	/* keys per action */

struct key_action_def {
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
/* key_display - a key as written in the table ("<Enter>", "j") in the
 * reader's language ("<Entrée>"): a name key_parse reads back too. */
const char *key_display(const char *key, char *buf, size_t len);
/* key_format - the display form of a code ("<Down>", "j", "<C-l>"), named
 * keys in the reader's language ("<Bas>" in French), as key_display. */
const char *key_format(int code, char *buf, size_t len);
/* key_utf8 - the UTF-8 bytes of a character code into buf (NUL-terminated);
 * their number, 0 for a code that is no character (a named key). */
size_t key_utf8(int code, char buf[5]);

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
