/* keys.c - the key binding table (made from the list in keys.h), key names,
 * and the loader of a YAML file that rebinds actions by name. Pure data and
 * strings: no curses. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/host.h"
#include "base/i18n.h"
#include "base/ydoc.h"
#include "keys/keys.h"

/* The table, made from the list: indexed by enum key_action, so the two
 * cannot fall out of step. */
#define KEY_LIST_(...) __VA_ARGS__
#define KEY_DEF_(id, name, keys, help, panels) [KA_##id] = {name, {KEY_LIST_ keys}, help, panels},
const struct key_action_def key_actions[KA_COUNT] = {
	[KA_NONE] = {"none", {0}, "", 0},
	KEY_ACTIONS(KEY_DEF_)
};
#undef KEY_DEF_
#undef KEY_LIST_

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

/* Other spellings accepted in files, the French names of the French
 * pages and help among them (key_display). */
static const struct { const char *name; int code; } key_aliases[] = {
	{"PageUp", K_PGUP}, {"PageDown", K_PGDN}, {"Return", K_ENTER},
	{"Escape", K_ESC}, {"Del", K_DELETE}, {"BS", K_BACKSPACE},
	{"S-Tab", K_BTAB}, {"lt", '<'}, {"gt", '>'},
	{"Haut", K_UP}, {"Bas", K_DOWN}, {"Gauche", K_LEFT}, {"Droite", K_RIGHT},
	{"PgPréc", K_PGUP}, {"PgSuiv", K_PGDN}, {"Début", K_HOME}, {"Fin", K_END},
	{"Entrée", K_ENTER}, {"Échap", K_ESC}, {"Maj-Tab", K_BTAB},
	{"RetArr", K_BACKSPACE}, {"Suppr", K_DELETE}, {"Inser", K_INSERT},
	{"Espace", K_SPACE},
};

/* The name of special key code in the reader's language ("Haut" in
 * French), or NULL past the named ones. */
static const char *special_shown(int code)
{
	/* TRANSLATORS: the names of keys as the French pages write them
	 * between < >; each must be one of the French names key_parse
	 * accepts (src/keys/keys.c, key_aliases). */
	const char *const tr[] = {
		C_("key name", "Up"), C_("key name", "Down"), C_("key name", "Left"),
		C_("key name", "Right"), C_("key name", "PgUp"), C_("key name", "PgDn"),
		C_("key name", "Home"), C_("key name", "End"), C_("key name", "Enter"),
		C_("key name", "Esc"), C_("key name", "Tab"), C_("key name", "BTab"),
		C_("key name", "Backspace"), C_("key name", "Delete"), C_("key name", "Insert"),
		C_("key name", "Space"),
	};
	if (code >= K_UP && code < K_UP + (int)(sizeof tr / sizeof tr[0]))
		return tr[code - K_UP];
	return NULL;
}

const char *key_display(const char *key, char *buf, size_t len)
{
	int code;
	size_t n = strlen(key);
	const char *name;
	if (key[0] == '<' && n > 2 && key_parse(key, &code) == 0 && (name = special_shown(code))) {
		snprintf(buf, len, "<%s>", name);
		return buf;
	}
	snprintf(buf, len, "%s", key);
	return buf;
}

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

size_t key_utf8(int code, char buf[5])
{
	size_t n = 0;
	if (code < 0 || code >= 0x110000) {
		buf[0] = '\0';
		return 0;
	}
	if (code < 0x80) {
		buf[n++] = (char)code;
	} else if (code < 0x800) {
		buf[n++] = (char)(0xc0 | (code >> 6));
		buf[n++] = (char)(0x80 | (code & 0x3f));
	} else if (code < 0x10000) {
		buf[n++] = (char)(0xe0 | (code >> 12));
		buf[n++] = (char)(0x80 | ((code >> 6) & 0x3f));
		buf[n++] = (char)(0x80 | (code & 0x3f));
	} else {
		buf[n++] = (char)(0xf0 | (code >> 18));
		buf[n++] = (char)(0x80 | ((code >> 12) & 0x3f));
		buf[n++] = (char)(0x80 | ((code >> 6) & 0x3f));
		buf[n++] = (char)(0x80 | (code & 0x3f));
	}
	buf[n] = '\0';
	return n;
}

const char *key_format(int code, char *buf, size_t len)
{
	char u[5];
	const char *name = special_shown(code == ' ' ? K_SPACE : code);
	if (name)
		snprintf(buf, len, "<%s>", name);
	else if (code >= K_UP && code < K_UP + (int)N_SPECIAL)
		snprintf(buf, len, "<%s>", special_names[code - K_UP]);
	else if (code >= 1 && code < 0x20) {
		int c = code + '@';
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		snprintf(buf, len, "<C-%c>", (char)c);
	} else if (code >= 0x20 && key_utf8(code, u))
		snprintf(buf, len, "%s", u);
	else
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
	/* A key file is the person's: read with their own rights only. */
	host_user_begin();
	int rc = ydoc_load_file(path, &d, e);
	host_user_end();
	if (rc)
		return -1;
	rc = keymap_apply(km, d, e);
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
