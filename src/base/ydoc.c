/* ydoc.c - libyaml event stream to a positioned tree. Only what ptce's files
 * need: mappings, sequences, scalars; anchors and tags are refused. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "base/file.h"
#include "base/i18n.h"
#include "base/text.h"
#include "base/ydoc.h"

static struct ynode *node_new(enum ynode_kind k, const yaml_mark_t *m)
{
	struct ynode *n = xcalloc(1, sizeof *n);
	n->kind = k;
	n->line = (int)m->line + 1;
	n->col = (int)m->column + 1;
	return n;
}

static void node_free(struct ynode *n)
{
	if (!n)
		return;
	for (size_t i = 0; i < n->n; i++) {
		if (n->keys)
			node_free(n->keys[i]);
		node_free(n->vals[i]);
	}
	free(n->keys);
	free(n->vals);
	free(n->index);
	free(n->scalar);
	free(n);
}

void ydoc_free(struct ydoc **d)
{
	struct ydoc *doc = d ? *d : NULL;
	if (doc) {
		node_free(doc->root);
		free(doc->path);
		free(doc);
		*d = NULL;
	}
}

int ydoc_fail(const struct ydoc *d, const struct ynode *n, struct perr *e,
	      const char *fmt, ...)
{
	char msg[PERR_MAX / 2];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (n)
		return perr_set(e, P_INVALID, "%s:%d:%d: %s", d->path, n->line, n->col, msg);
	return perr_set(e, P_INVALID, "%s:1:1: %s", d->path, msg);
}

struct builder {
	struct ydoc *doc;
	struct perr *e;
	yaml_parser_t parser;
};

/* Keys are found through a hash (FNV-1a, open addressing): reading a
 * mapping of n keys, duplicates refused, costs O(n), not O(n^2). */
static size_t key_hash(const char *s)
{
	size_t h = (size_t)14695981039346656037ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * (size_t)1099511628211ULL;
	return h;
}

static void index_put(struct ynode *map, size_t i)
{
	size_t mask = map->index_cap - 1, h = key_hash(map->keys[i]->scalar) & mask;
	while (map->index[h])
		h = (h + 1) & mask;
	map->index[h] = i + 1;
}

/* Keep the index at most half full. */
static void index_grow(struct ynode *map)
{
	if (2 * (map->n + 1) <= map->index_cap)
		return;
	free(map->index);
	map->index_cap = map->index_cap ? 2 * map->index_cap : 16;
	while (2 * (map->n + 1) > map->index_cap)
		map->index_cap *= 2;
	map->index = xcalloc(map->index_cap, sizeof *map->index);
	for (size_t i = 0; i < map->n; i++)
		index_put(map, i);
}

static void append(struct ynode *parent, struct ynode *key, struct ynode *val)
{
	if (parent->n == parent->cap) {
		parent->cap = parent->cap ? 2 * parent->cap : 4;
		parent->vals = xrealloc(parent->vals, parent->cap * sizeof *parent->vals);
		if (parent->kind == Y_MAP)
			parent->keys = xrealloc(parent->keys, parent->cap * sizeof *parent->keys);
	}
	if (parent->kind == Y_MAP) {
		index_grow(parent);
		parent->keys[parent->n] = key;
		index_put(parent, parent->n);
	}
	parent->vals[parent->n++] = val;
}

static int parse_error(struct builder *b)
{
	yaml_parser_t *p = &b->parser;
	const char *problem = p->problem ? p->problem : _("unreadable YAML");
	if (p->context)
		return perr_set(b->e, P_INVALID, _("%s:%zu:%zu: YAML syntax error: %s %s (check indentation and quoting)"),
				b->doc->path, p->problem_mark.line + 1, p->problem_mark.column + 1,
				problem, p->context);
	return perr_set(b->e, P_INVALID, _("%s:%zu:%zu: YAML syntax error: %s (check indentation and quoting)"),
			b->doc->path, p->problem_mark.line + 1, p->problem_mark.column + 1, problem);
}

/* The arguments of a "%s:%zu:%zu: ..." message about a libyaml mark. */
#define AT_MARK(b, m) (b)->doc->path, (m).line + 1, (m).column + 1

static int parse_node(struct builder *b, yaml_event_t *ev, struct ynode **out, int depth);

static int next_event(struct builder *b, yaml_event_t *ev)
{
	if (!yaml_parser_parse(&b->parser, ev))
		return parse_error(b);
	return 0;
}

/* Read the next event and parse the node it starts into *out: 0; 1 when it
 * ends the enclosing collection instead; -1 on an error. */
static int next_node(struct builder *b, struct ynode **out, int depth)
{
	yaml_event_t ev;
	if (next_event(b, &ev) < 0)
		return -1;
	int rc = ev.type == YAML_SEQUENCE_END_EVENT || ev.type == YAML_MAPPING_END_EVENT
		 ? 1 : parse_node(b, &ev, out, depth);
	yaml_event_delete(&ev);
	return rc;
}

static int parse_scalar(struct builder *b, const yaml_event_t *ev, struct ynode **out)
{
	if (ev->data.scalar.anchor)
		return perr_set(b->e, P_INVALID, _("%s:%zu:%zu: anchors (&name) are not supported"),
				AT_MARK(b, ev->start_mark));
	struct ynode *n = node_new(Y_SCALAR, &ev->start_mark);
	n->scalar = xstrndup((const char *)ev->data.scalar.value, ev->data.scalar.length);
	n->quoted = ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
	*out = n;
	return 0;
}

/* The value that follows key in map: the key must be a plain word that map
 * does not hold yet. On an error key is freed. */
static int map_value(struct builder *b, const struct ynode *map, struct ynode *key,
		     struct ynode **val, int depth)
{
	const struct ynode *dup = NULL;
	int rc = 0;
	if (key->kind != Y_SCALAR)
		rc = perr_set(b->e, P_INVALID, _("%s:%d:%d: a key must be a plain word, not %s"),
			      b->doc->path, key->line, key->col, ydoc_kind_name(key->kind));
	else if ((dup = ydoc_key_node(map, key->scalar)))
		rc = perr_set(b->e, P_INVALID, _("%s:%d:%d: duplicate key '%s' (first at line %d); keep one"),
			      b->doc->path, key->line, key->col, key->scalar, dup->line);
	else if (next_node(b, val, depth) != 0)
		rc = -1;
	if (rc < 0)
		node_free(key);
	return rc;
}

/* A mapping or a sequence, up to its end event. */
static int parse_collection(struct builder *b, const yaml_event_t *ev, struct ynode **out,
			    int depth)
{
	int is_map = ev->type == YAML_MAPPING_START_EVENT, rc;
	struct ynode *n = node_new(is_map ? Y_MAP : Y_SEQ, &ev->start_mark);
	struct ynode *key = NULL, *val = NULL;
	while ((rc = next_node(b, is_map ? &key : &val, depth + 1)) == 0) {
		if (is_map && map_value(b, n, key, &val, depth + 1) < 0) {
			rc = -1;
			break;
		}
		append(n, key, val);
		key = val = NULL;
	}
	if (rc < 0) {
		node_free(n);
		return -1;
	}
	*out = n;
	return 0;
}

/* Parse one node whose first event is ev (already taken); on success *out. */
static int parse_node(struct builder *b, yaml_event_t *ev, struct ynode **out, int depth)
{
	if (depth > 64)
		return perr_set(b->e, P_INVALID, _("%s:%zu:%zu: nesting deeper than 64 levels"),
				AT_MARK(b, ev->start_mark));
	switch (ev->type) {
	case YAML_ALIAS_EVENT:
		return perr_set(b->e, P_INVALID, _("%s:%zu:%zu: aliases (*name) are not supported; write the value out"),
				AT_MARK(b, ev->start_mark));
	case YAML_SCALAR_EVENT:
		return parse_scalar(b, ev, out);
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		return parse_collection(b, ev, out, depth);
	default:
		return perr_set(b->e, P_INVALID, _("%s:%zu:%zu: unexpected YAML structure"),
				AT_MARK(b, ev->start_mark));
	}
}

static int build(struct builder *b)
{
	yaml_event_t ev;
	int docs = 0;
	for (;;) {
		if (next_event(b, &ev) < 0)
			return -1;
		yaml_event_type_t t = ev.type;
		if (t == YAML_STREAM_END_EVENT) {
			yaml_event_delete(&ev);
			return 0;
		}
		if (t == YAML_DOCUMENT_START_EVENT) {
			if (++docs > 1) {
				yaml_mark_t m = ev.start_mark;
				yaml_event_delete(&ev);
				return perr_set(b->e, P_INVALID, _("%s:%zu:%zu: a second YAML document ('---'); one file holds one document"),
						AT_MARK(b, m));
			}
		} else if (t != YAML_STREAM_START_EVENT && t != YAML_DOCUMENT_END_EVENT) {
			int rc = parse_node(b, &ev, &b->doc->root, 0);
			yaml_event_delete(&ev);
			if (rc < 0)
				return -1;
			continue;
		}
		yaml_event_delete(&ev);
	}
}

int ydoc_load_string(const char *name, const char *text, size_t len,
		     struct ydoc **out, struct perr *e)
{
	struct builder b = {0};
	b.doc = xcalloc(1, sizeof *b.doc);
	b.doc->path = xstrdup(name);
	b.e = e;
	*out = NULL;
	if (!yaml_parser_initialize(&b.parser))
		die("%s", _("out of memory"));
	yaml_parser_set_input_string(&b.parser, (const unsigned char *)text, len);
	int rc = build(&b);
	yaml_parser_delete(&b.parser);
	if (rc < 0) {
		ydoc_free(&b.doc);
		return -1;
	}
	*out = b.doc;
	return 0;
}

int ydoc_load_file(const char *path, struct ydoc **out, struct perr *e)
{
	char *buf;
	size_t len;
	*out = NULL;
	if (file_read(path, 0, &buf, &len, e) < 0)
		return -1;
	int rc = ydoc_load_string(path, buf, len, out, e);
	free(buf);
	return rc;
}

/* The index of key in map, or -1 (also when map is not a mapping). */
static long key_index(const struct ynode *map, const char *key)
{
	if (!map || map->kind != Y_MAP || !map->index)
		return -1;
	size_t mask = map->index_cap - 1;
	for (size_t h = key_hash(key) & mask; map->index[h]; h = (h + 1) & mask)
		if (strcmp(map->keys[map->index[h] - 1]->scalar, key) == 0)
			return (long)(map->index[h] - 1);
	return -1;
}

struct ynode *ydoc_key_node(const struct ynode *map, const char *key)
{
	long i = key_index(map, key);
	return i < 0 ? NULL : map->keys[i];
}

struct ynode *ydoc_get(const struct ynode *map, const char *key)
{
	long i = key_index(map, key);
	return i < 0 ? NULL : map->vals[i];
}

static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 64 || lb > 64)
		return (size_t)-1;
	size_t prev[65], cur[65];
	for (size_t j = 0; j <= lb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= la; i++) {
		cur[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
			size_t del = prev[j] + 1, ins = cur[j - 1] + 1;
			cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
		}
		memcpy(prev, cur, (lb + 1) * sizeof *prev);
	}
	return prev[lb];
}

const char *ydoc_nearest(const char *s, const char *const *list)
{
	const char *best = NULL;
	size_t bestd = (size_t)-1, len = strlen(s);
	size_t limit = len / 3 > 2 ? len / 3 : 2;
	for (size_t i = 0; list[i]; i++) {
		size_t d = edit_distance(s, list[i]);
		if (d < bestd) {
			bestd = d;
			best = list[i];
		}
	}
	return bestd <= limit ? best : NULL;
}

int ydoc_check_keys(const struct ydoc *d, const struct ynode *map,
		    const char *const *allowed, const char *where, struct perr *e)
{
	for (size_t i = 0; i < map->n; i++) {
		const struct ynode *k = map->keys[i];
		int ok = 0;
		for (size_t j = 0; allowed[j]; j++)
			if (strcmp(k->scalar, allowed[j]) == 0)
				ok = 1;
		if (ok)
			continue;
		const char *near = ydoc_nearest(k->scalar, allowed);
		if (near)
			return ydoc_fail(d, k, e, _("unknown key '%s' in %s; did you mean '%s'?"),
					 k->scalar, where, near);
		char known[512];
		text_join_all(known, sizeof known, ", ", allowed);
		return ydoc_fail(d, k, e, _("unknown key '%s' in %s; known keys: %s"),
				 k->scalar, where, known);
	}
	return 0;
}

const char *ydoc_kind_name(enum ynode_kind k)
{
	switch (k) {
	case Y_SCALAR: return _("a single value");
	case Y_MAP: return _("a mapping (key: value lines)");
	case Y_SEQ: return _("a list (- items)");
	}
	return "?";
}

int ydoc_expect(const struct ydoc *d, const struct ynode *n, enum ynode_kind k,
		const char *what, struct perr *e)
{
	if (!n)
		return ydoc_fail(d, NULL, e, _("%s is missing"), what);
	if (n->kind != k)
		return ydoc_fail(d, n, e, _("%s must be %s, found %s"), what,
				 ydoc_kind_name(k), ydoc_kind_name(n->kind));
	return 0;
}

int ydoc_string(const struct ydoc *d, const struct ynode *n, const char *what,
		const char **out, struct perr *e)
{
	if (ydoc_expect(d, n, Y_SCALAR, what, e) < 0)
		return -1;
	*out = n->scalar;
	return 0;
}

int ydoc_int(const struct ydoc *d, const struct ynode *n, const char *what,
	     long long min, long long max, long long *out, struct perr *e)
{
	if (ydoc_expect(d, n, Y_SCALAR, what, e) < 0)
		return -1;
	char *end;
	errno = 0;
	long long v = strtoll(n->scalar, &end, 10);
	if (n->quoted || !*n->scalar || *end || errno)
		return ydoc_fail(d, n, e, _("%s must be a whole number, found '%s'"), what, n->scalar);
	if (v < min || v > max)
		return ydoc_fail(d, n, e, _("%s must be between %lld and %lld, found %lld"),
				 what, min, max, v);
	*out = v;
	return 0;
}

int ydoc_number(const struct ydoc *d, const struct ynode *n, const char *what,
		double *out, struct perr *e)
{
	if (ydoc_expect(d, n, Y_SCALAR, what, e) < 0)
		return -1;
	char *end;
	errno = 0;
	double v = strtod(n->scalar, &end);
	if (n->quoted || !*n->scalar || *end || errno)
		return ydoc_fail(d, n, e, _("%s must be a number, found '%s'"), what, n->scalar);
	*out = v;
	return 0;
}

int ydoc_bool(const struct ydoc *d, const struct ynode *n, const char *what,
	      int *out, struct perr *e)
{
	if (ydoc_expect(d, n, Y_SCALAR, what, e) < 0)
		return -1;
	const char *s = n->scalar;
	if (!n->quoted && (!strcmp(s, "true") || !strcmp(s, "yes") || !strcmp(s, "on"))) {
		*out = 1;
		return 0;
	}
	if (!n->quoted && (!strcmp(s, "false") || !strcmp(s, "no") || !strcmp(s, "off"))) {
		*out = 0;
		return 0;
	}
	return ydoc_fail(d, n, e, _("%s must be true or false, found '%s'"), what, s);
}
