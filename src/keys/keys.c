/* keys.c - the key binding table, key names, and the loader of a YAML file
 * that rebinds actions by name. Pure data and strings: no curses. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/ydoc.h"
#include "keys/keys.h"

#define Q KP_QUEUE
#define D KP_DOSSIER
#define S KP_SCORING
#define P KP_PAGER
#define E KP_EDITOR

const struct key_action_def key_actions[KA_COUNT] = {
	[KA_NONE] = {KA_NONE, "none", {0}, "", 0},
	[KA_UP] = {KA_UP, "up", {"k", "<Up>"}, N_("Move up one line"), Q | D | S | P},
	[KA_DOWN] = {KA_DOWN, "down", {"j", "<Down>"}, N_("Move down one line"), Q | D | S | P},
	[KA_PAGE_UP] = {KA_PAGE_UP, "page-up", {"<PgUp>", "<C-b>"}, N_("Move up one page"), Q | D | S | P},
	[KA_PAGE_DOWN] = {KA_PAGE_DOWN, "page-down", {"<PgDn>", "<C-f>", "<Space>"},
			  N_("Move down one page"), Q | D | S | P},
	[KA_FIRST] = {KA_FIRST, "first", {"g", "<Home>"}, N_("Go to the first line"), Q | D | S | P},
	[KA_LAST] = {KA_LAST, "last", {"G", "<End>"}, N_("Go to the last line"), Q | D | S | P},
	[KA_OPEN] = {KA_OPEN, "open", {"<Enter>", "l", "<Right>"}, N_("Open the selected dossier"), Q},
	[KA_NEXT_PANEL] = {KA_NEXT_PANEL, "next-panel", {"<Tab>"},
			   N_("Switch between the queue and the dossier"), Q | D | S},
	[KA_BACK] = {KA_BACK, "back", {"q", "<Esc>", "<Left>"},
		     N_("Close this panel (from the queue: quit)"), Q | D | S | P},
	[KA_QUIT] = {KA_QUIT, "quit", {"Q"}, N_("Quit ptce"), Q | D | S | P},
	[KA_HELP] = {KA_HELP, "help", {"?", "<F1>"}, N_("Show the keys (this help)"), Q | D | S | P},
	[KA_COMMAND] = {KA_COMMAND, "command", {":"},
			N_("Run a ptce command (as on the command line)"), Q | D | S},
	[KA_REFRESH] = {KA_REFRESH, "refresh", {"<C-l>"}, N_("Reload the data and redraw"), Q | D | S | P},
	[KA_SECTION_NEXT] = {KA_SECTION_NEXT, "section-next", {"]"}, N_("Jump to the next section"), D},
	[KA_SECTION_PREV] = {KA_SECTION_PREV, "section-prev", {"["}, N_("Jump to the previous section"), D},

	[KA_SEARCH] = {KA_SEARCH, "search", {"/"},
		       N_("Search names, members and texts (full text)"), Q},
	[KA_SEARCH_NEXT] = {KA_SEARCH_NEXT, "search-next", {"n"}, N_("Go to the next search hit"), Q},
	[KA_SEARCH_PREV] = {KA_SEARCH_PREV, "search-prev", {"N"}, N_("Go to the previous search hit"), Q},
	[KA_SORT] = {KA_SORT, "sort", {"o"}, N_("Sort the queue by a column"), Q},
	[KA_SORT_REVERSE] = {KA_SORT_REVERSE, "sort-reverse", {"O"}, N_("Reverse the sort order"), Q},
	[KA_VIEW_TODO] = {KA_VIEW_TODO, "view-todo", {"1"},
			  N_("Quick view: à instruire (submitted and phase 1)"), Q},
	[KA_VIEW_MINE] = {KA_VIEW_MINE, "view-mine", {"2"},
			  N_("Quick view: mes dossiers (assigned to me)"), Q},
	[KA_VIEW_REVIEW] = {KA_VIEW_REVIEW, "view-review", {"3"},
			    N_("Quick view: à revoir par moi (my review not submitted)"), Q},
	[KA_VIEW_PHASE2] = {KA_VIEW_PHASE2, "view-phase2", {"4"}, N_("Quick view: phase 2"), Q},
	[KA_VIEW_ALL] = {KA_VIEW_ALL, "view-all", {"5"}, N_("Quick view: tous (every dossier)"), Q},
	[KA_FILTER] = {KA_FILTER, "filter", {"f"},
		       N_("Filter by state, region or assignee (state=phase1 region=76 ...)"), Q},
	[KA_FILTER_CLEAR] = {KA_FILTER_CLEAR, "filter-clear", {"F"},
			     N_("Clear the filters and the search"), Q},
	[KA_TAG] = {KA_TAG, "tag", {"t"}, N_("Tag or untag the dossier (for batch actions)"), Q},
	[KA_TAG_CLEAR] = {KA_TAG_CLEAR, "tag-clear", {"T"}, N_("Untag every dossier"), Q},
	[KA_EXPORT] = {KA_EXPORT, "export", {"x"},
		       N_("Export what the queue shows (or the tagged dossiers) to CSV"), Q},

	[KA_SCORE] = {KA_SCORE, "score", {"s"}, N_("Score the dossier (open my review)"), Q | D},
	[KA_MOVE] = {KA_MOVE, "move", {"m"},
		     N_("Move the dossier (or the tagged ones) to another state"), Q | D},
	[KA_ASSIGN] = {KA_ASSIGN, "assign", {"a"},
		       N_("Assign reviewers (coordinateur; tagged dossiers too)"), Q | D},
	[KA_CONFLICT] = {KA_CONFLICT, "conflict", {"c"},
			 N_("Declare a conflict of interest on the dossier"), Q | D},
	[KA_COMPLEMENTS] = {KA_COMPLEMENTS, "complements", {"C"},
			    N_("Request compléments (with a deadline)"), Q | D},
	[KA_HISTORY] = {KA_HISTORY, "history", {"H"}, N_("Show the dossier's history"), Q | D},

	[KA_VALUE_0] = {KA_VALUE_0, "value-0", {"0"}, N_("Set the value 0 on a scale"), S},
	[KA_VALUE_1] = {KA_VALUE_1, "value-1", {"1"}, N_("Set the value 1 on a scale"), S},
	[KA_VALUE_2] = {KA_VALUE_2, "value-2", {"2"}, N_("Set the value 2 on a scale"), S},
	[KA_VALUE_3] = {KA_VALUE_3, "value-3", {"3"}, N_("Set the value 3 on a scale"), S},
	[KA_VALUE_4] = {KA_VALUE_4, "value-4", {"4"}, N_("Set the value 4 on a scale"), S},
	[KA_VALUE_5] = {KA_VALUE_5, "value-5", {"5"}, N_("Set the value 5 on a scale"), S},
	[KA_VALUE_6] = {KA_VALUE_6, "value-6", {"6"}, N_("Set the value 6 on a scale"), S},
	[KA_VALUE_7] = {KA_VALUE_7, "value-7", {"7"}, N_("Set the value 7 on a scale"), S},
	[KA_VALUE_8] = {KA_VALUE_8, "value-8", {"8"}, N_("Set the value 8 on a scale"), S},
	[KA_VALUE_9] = {KA_VALUE_9, "value-9", {"9"}, N_("Set the value 9 on a scale"), S},
	[KA_GATE_YES] = {KA_GATE_YES, "gate-yes", {"y"}, N_("Answer yes on a gate"), S},
	[KA_GATE_NO] = {KA_GATE_NO, "gate-no", {"n"}, N_("Answer no on a gate"), S},
	[KA_GATE_CHECK] = {KA_GATE_CHECK, "gate-check", {"?"}, N_("Answer \"to check\" on a gate"), S},
	[KA_VALUE_CLEAR] = {KA_VALUE_CLEAR, "value-clear", {"x", "<Delete>", "<Backspace>"},
			    N_("Clear the answer"), S},
	[KA_COMMENT] = {KA_COMMENT, "comment", {"<Enter>", "e"},
			N_("Write the comment of the criterion (Esc when done)"), S},
	[KA_SUBMIT] = {KA_SUBMIT, "submit", {"S"}, N_("Submit the review (asks to confirm)"), S},
	[KA_OTHERS] = {KA_OTHERS, "others", {"r"},
		       N_("Show the other reviews and the divergence"), S},

	[KA_EDITOR_DONE] = {KA_EDITOR_DONE, "editor-done", {"<Esc>", "<C-x>"},
			    N_("Leave the comment editor (it is saved as you type)"), E},
};

#undef Q
#undef D
#undef S
#undef P
#undef E

void keys_foreach(void (*fn)(const struct key_action_def *a, void *arg), void *arg)
{
	for (int i = 1; i < KA_COUNT; i++)
		fn(&key_actions[i], arg);
}

static const char *const panel_names[KEY_PANEL_COUNT] = {
	"queue", "dossier", "scoring", "pager", "editor"
};

const char *key_panel_name(unsigned panel)
{
	for (int i = 0; i < KEY_PANEL_COUNT; i++)
		if (panel == 1u << i)
			return panel_names[i];
	return NULL;
}

const char *key_panel_label(unsigned panel)
{
	switch (panel) {
	case KP_QUEUE: return _("Queue");
	case KP_DOSSIER: return _("Dossier");
	case KP_SCORING: return _("Scoring");
	case KP_PAGER: return _("Pager (help, history, output)");
	case KP_EDITOR: return _("Comment editor");
	}
	return "?";
}

enum key_action key_action_find(const char *name)
{
	for (int i = 1; i < KA_COUNT; i++)
		if (strcmp(key_actions[i].name, name) == 0)
			return (enum key_action)i;
	return KA_NONE;
}

/* Names of the special keys, in enum key_code order from K_UP. */
static const char *const special_names[] = {
	"Up", "Down", "Left", "Right", "PgUp", "PgDn", "Home", "End",
	"Enter", "Esc", "Tab", "BTab", "Backspace", "Delete", "Insert", "Space",
	"F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "F10", "F11", "F12",
};
#define N_SPECIAL (sizeof special_names / sizeof special_names[0])

/* Other spellings accepted in files. */
static const struct { const char *name; int code; } key_aliases[] = {
	{"PageUp", K_PGUP}, {"PageDown", K_PGDN}, {"Return", K_ENTER},
	{"Escape", K_ESC}, {"Del", K_DELETE}, {"BS", K_BACKSPACE},
	{"S-Tab", K_BTAB}, {"lt", '<'}, {"gt", '>'},
};

/* Decode one UTF-8 character; returns its length or 0 if invalid. */
static size_t utf8_one(const char *s, int *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	size_t n;
	int c;
	if ((u[0] & 0xe0) == 0xc0) {
		n = 2;
		c = u[0] & 0x1f;
	} else if ((u[0] & 0xf0) == 0xe0) {
		n = 3;
		c = u[0] & 0x0f;
	} else if ((u[0] & 0xf8) == 0xf0) {
		n = 4;
		c = u[0] & 0x07;
	} else {
		return 0;
	}
	for (size_t i = 1; i < n; i++) {
		if ((u[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (u[i] & 0x3f);
	}
	if (c < 0x80 || c > 0x10ffff)
		return 0;
	*cp = c;
	return n;
}

int key_parse(const char *s, int *code)
{
	if (!s || !*s)
		return -1;
	size_t len = strlen(s);
	if (s[0] == '<' && len > 2 && s[len - 1] == '>') {
		char name[32];
		if (len - 2 >= sizeof name)
			return -1;
		memcpy(name, s + 1, len - 2);
		name[len - 2] = '\0';
		if ((name[0] == 'C' || name[0] == 'c') && name[1] == '-' && name[2] && !name[3]) {
			int c = name[2];
			if (c >= 'a' && c <= 'z')
				c -= 'a' - 'A';
			if (c < '@' || c > '_')
				return -1;
			*code = c - '@';
			return 0;
		}
		for (size_t i = 0; i < N_SPECIAL; i++)
			if (strcasecmp(name, special_names[i]) == 0) {
				*code = K_UP + (int)i;
				return 0;
			}
		for (size_t i = 0; i < sizeof key_aliases / sizeof key_aliases[0]; i++)
			if (strcasecmp(name, key_aliases[i].name) == 0) {
				*code = key_aliases[i].code;
				return 0;
			}
		return -1;
	}
	int cp;
	size_t n = utf8_one(s, &cp);
	if (n == 0 || n != len || cp < 0x20 || cp == 0x7f)
		return -1;
	*code = cp == ' ' ? K_SPACE : cp;
	return 0;
}

const char *key_format(int code, char *buf, size_t len)
{
	if (code >= K_UP && code < K_UP + (int)N_SPECIAL)
		snprintf(buf, len, "<%s>", special_names[code - K_UP]);
	else if (code >= 1 && code < 0x20) {
		int c = code + '@';
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		snprintf(buf, len, "<C-%c>", (char)c);
	} else if (code == ' ')
		snprintf(buf, len, "<Space>");
	else if (code >= 0x20 && code < 0x110000) {
		char u[5] = {0};
		if (code < 0x80) {
			u[0] = (char)code;
		} else if (code < 0x800) {
			u[0] = (char)(0xc0 | (code >> 6));
			u[1] = (char)(0x80 | (code & 0x3f));
		} else if (code < 0x10000) {
			u[0] = (char)(0xe0 | (code >> 12));
			u[1] = (char)(0x80 | ((code >> 6) & 0x3f));
			u[2] = (char)(0x80 | (code & 0x3f));
		} else {
			u[0] = (char)(0xf0 | (code >> 18));
			u[1] = (char)(0x80 | ((code >> 12) & 0x3f));
			u[2] = (char)(0x80 | ((code >> 6) & 0x3f));
			u[3] = (char)(0x80 | (code & 0x3f));
		}
		snprintf(buf, len, "%s", u);
	} else
		snprintf(buf, len, "?");
	return buf;
}

void keymap_defaults(struct keymap *km)
{
	memset(km, 0, sizeof *km);
	for (int a = 1; a < KA_COUNT; a++)
		for (int k = 0; k < KEYS_MAX && key_actions[a].keys[k]; k++) {
			int code;
			if (key_parse(key_actions[a].keys[k], &code) == 0)
				km->codes[a][k] = code;
		}
}

static int popcount(unsigned x)
{
	int n = 0;
	for (; x; x &= x - 1)
		n++;
	return n;
}

enum key_action keymap_lookup(const struct keymap *km, unsigned panel, int code)
{
	enum key_action best = KA_NONE;
	int best_n = 99;
	for (int a = 1; a < KA_COUNT; a++) {
		if (!(key_actions[a].panels & panel))
			continue;
		for (int k = 0; k < KEYS_MAX; k++)
			if (km->codes[a][k] == code && code) {
				int n = popcount(key_actions[a].panels);
				if (n < best_n) {
					best = (enum key_action)a;
					best_n = n;
				}
			}
	}
	return best;
}

const char *keymap_describe(const struct keymap *km, enum key_action a, char *buf, size_t len)
{
	buf[0] = '\0';
	for (int k = 0; k < KEYS_MAX; k++) {
		if (!km->codes[a][k])
			continue;
		char one[16];
		key_format(km->codes[a][k], one, sizeof one);
		size_t used = strlen(buf);
		snprintf(buf + used, len - used, "%s%s", used ? ", " : "", one);
	}
	return buf;
}

/* Parse one key scalar with its position for the message. */
static int parse_key_node(const struct ydoc *d, const struct ynode *n, int *code, struct perr *e)
{
	if (n->kind != Y_SCALAR)
		return ydoc_fail(d, n, e, _("found %s where a key was expected, "
					    "such as \"j\", \"<Down>\" or \"<C-l>\""),
				 ydoc_kind_name(n->kind));
	if (key_parse(n->scalar, code) == 0)
		return 0;
	return ydoc_fail(d, n, e, _("unknown key \"%s\": write one character (\"j\", \"é\"), "
				    "<C-x> for Control, or a named key such as <Up> <Down> <Left> "
				    "<Right> <PgUp> <PgDn> <Home> <End> <Enter> <Esc> <Tab> "
				    "<Backspace> <Delete> <Space> <F1>...<F12>"), n->scalar);
}

static int keymap_apply(struct keymap *km, const struct ydoc *d, struct perr *e)
{
	const struct ynode *root = d->root;
	if (!root)
		return 0;	/* an empty file changes nothing */
	if (root->kind != Y_MAP)
		return ydoc_fail(d, root, e, _("found %s; a key-bindings file is a mapping "
					       "of action names to keys, e.g. \"move: M\""),
				 ydoc_kind_name(root->kind));
	const char *names[KA_COUNT + 1];
	for (int a = 1; a < KA_COUNT; a++)
		names[a - 1] = key_actions[a].name;
	names[KA_COUNT - 1] = NULL;
	if (ydoc_check_keys(d, root, names, _("the key bindings"), e))
		return -1;
	for (size_t i = 0; i < root->n; i++) {
		enum key_action a = key_action_find(root->keys[i]->scalar);
		const struct ynode *v = root->vals[i];
		int codes[KEYS_MAX] = {0};
		size_t nc = 0;
		if (v->kind == Y_SCALAR) {
			if (v->scalar[0] == '\0' && !v->quoted)
				nc = 0;	/* "move:" with nothing unbinds */
			else if (parse_key_node(d, v, &codes[nc++], e))
				return -1;
		} else if (v->kind == Y_SEQ) {
			if (v->n > KEYS_MAX)
				return ydoc_fail(d, v->vals[KEYS_MAX], e,
						 _("too many keys for '%s': at most %d"),
						 key_actions[a].name, KEYS_MAX);
			for (size_t j = 0; j < v->n; j++)
				if (parse_key_node(d, v->vals[j], &codes[nc++], e))
					return -1;
		} else {
			return ydoc_fail(d, v, e, _("found %s for '%s'; expected a key or a list of keys"),
					 ydoc_kind_name(v->kind), key_actions[a].name);
		}
		/* A key now taken by a is released by actions sharing a panel. */
		for (size_t j = 0; j < nc; j++)
			for (int b = 1; b < KA_COUNT; b++) {
				if (b == (int)a || !(key_actions[b].panels & key_actions[a].panels))
					continue;
				for (int k = 0; k < KEYS_MAX; k++)
					if (km->codes[b][k] == codes[j])
						km->codes[b][k] = 0;
			}
		memset(km->codes[a], 0, sizeof km->codes[a]);
		memcpy(km->codes[a], codes, sizeof codes);
	}
	return 0;
}

int keymap_load_file(struct keymap *km, const char *path, struct perr *e)
{
	struct ydoc *d = NULL;
	if (ydoc_load_file(path, &d, e))
		return -1;
	int rc = keymap_apply(km, d, e);
	ydoc_free(&d);
	return rc;
}

int keymap_load_string(struct keymap *km, const char *name, const char *text,
		       struct perr *e)
{
	struct ydoc *d = NULL;
	if (ydoc_load_string(name, text, strlen(text), &d, e))
		return -1;
	int rc = keymap_apply(km, d, e);
	ydoc_free(&d);
	return rc;
}
