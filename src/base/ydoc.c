/* ydoc.c - libyaml event stream to a positioned tree. Only what ptce's files
 * need: mappings, sequences, scalars; anchors and tags are refused. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "base/i18n.h"
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
	free(n->scalar);
	free(n);
}

void ydoc_free(struct ydoc **d)
{
	if (!d || !*d)
		return;
	node_free((*d)->root);
	free((*d)->path);
	free(*d);
	*d = NULL;
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

static void append(struct ynode *parent, struct ynode *key, struct ynode *val)
{
	parent->vals = xrealloc(parent->vals, (parent->n + 1) * sizeof *parent->vals);
	if (parent->kind == Y_MAP) {
		parent->keys = xrealloc(parent->keys, (parent->n + 1) * sizeof *parent->keys);
		parent->keys[parent->n] = key;
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

/* Parse one node whose first event is ev (already taken); on success *out. */
static int parse_node(struct builder *b, yaml_event_t *ev, struct ynode **out, int depth);

static int next_event(struct builder *b, yaml_event_t *ev)
{
	if (!yaml_parser_parse(&b->parser, ev))
		return parse_error(b);
	return 0;
}

static int parse_node(struct builder *b, yaml_event_t *ev, struct ynode **out, int depth)
{
	if (depth > 64) {
		yaml_mark_t m = ev->start_mark;
		return perr_set(b->e, P_INVALID, _("%s:%zu:%zu: nesting deeper than 64 levels"),
				b->doc->path, m.line + 1, m.column + 1);
	}
	switch (ev->type) {
	case YAML_ALIAS_EVENT: {
		yaml_mark_t m = ev->start_mark;
		return perr_set(b->e, P_INVALID, _("%s:%zu:%zu: aliases (*name) are not supported; write the value out"),
				b->doc->path, m.line + 1, m.column + 1);
	}
	case YAML_SCALAR_EVENT: {
		if (ev->data.scalar.anchor) {
			yaml_mark_t m = ev->start_mark;
			return perr_set(b->e, P_INVALID, _("%s:%zu:%zu: anchors (&name) are not supported"),
					b->doc->path, m.line + 1, m.column + 1);
		}
		struct ynode *n = node_new(Y_SCALAR, &ev->start_mark);
		n->scalar = xstrndup((const char *)ev->data.scalar.value, ev->data.scalar.length);
		n->quoted = ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
		*out = n;
		return 0;
	}
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT: {
		int is_map = ev->type == YAML_MAPPING_START_EVENT;
		struct ynode *n = node_new(is_map ? Y_MAP : Y_SEQ, &ev->start_mark);
		for (;;) {
			yaml_event_t kev;
			if (next_event(b, &kev) < 0) {
				node_free(n);
				return -1;
			}
			if (kev.type == YAML_SEQUENCE_END_EVENT || kev.type == YAML_MAPPING_END_EVENT) {
				yaml_event_delete(&kev);
				break;
			}
			struct ynode *key = NULL, *val = NULL;
			int rc = parse_node(b, &kev, is_map ? &key : &val, depth + 1);
			yaml_event_delete(&kev);
			if (rc < 0) {
				node_free(n);
				return -1;
			}
			if (is_map) {
				if (key->kind != Y_SCALAR) {
					perr_set(b->e, P_INVALID, _("%s:%d:%d: a key must be a plain word, not %s"),
						 b->doc->path, key->line, key->col, ydoc_kind_name(key->kind));
					node_free(key);
					node_free(n);
					return -1;
				}
				struct ynode *dup = ydoc_key_node(n, key->scalar);
				if (dup) {
					perr_set(b->e, P_INVALID, _("%s:%d:%d: duplicate key '%s' (first at line %d); keep one"),
						 b->doc->path, key->line, key->col, key->scalar, dup->line);
					node_free(key);
					node_free(n);
					return -1;
				}
				yaml_event_t vev;
				if (next_event(b, &vev) < 0) {
					node_free(key);
					node_free(n);
					return -1;
				}
				rc = parse_node(b, &vev, &val, depth + 1);
				yaml_event_delete(&vev);
				if (rc < 0) {
					node_free(key);
					node_free(n);
					return -1;
				}
			}
			append(n, key, val);
		}
		*out = n;
		return 0;
	}
	default: {
		yaml_mark_t m = ev->start_mark;
		return perr_set(b->e, P_INVALID, _("%s:%zu:%zu: unexpected YAML structure"),
				b->doc->path, m.line + 1, m.column + 1);
	}
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
						b->doc->path, m.line + 1, m.column + 1);
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
	FILE *f = fopen(path, "rb");
	*out = NULL;
	if (!f)
		return perr_set(e, errno == ENOENT ? P_NOTFOUND : P_IO,
				_("%s: cannot read: %s"), path, strerror(errno));
	char *buf = NULL;
	size_t len = 0, cap = 0;
	for (;;) {
		if (len + 4096 > cap) {
			cap = cap ? cap * 2 : 8192;
			buf = xrealloc(buf, cap);
		}
		size_t r = fread(buf + len, 1, cap - len, f);
		len += r;
		if (r == 0)
			break;
	}
	int err = ferror(f);
	fclose(f);
	if (err) {
		free(buf);
		return perr_set(e, P_IO, _("%s: read error"), path);
	}
	int rc = ydoc_load_string(path, buf ? buf : "", len, out, e);
	free(buf);
	return rc;
}

struct ynode *ydoc_key_node(const struct ynode *map, const char *key)
{
	if (!map || map->kind != Y_MAP)
		return NULL;
	for (size_t i = 0; i < map->n; i++)
		if (strcmp(map->keys[i]->scalar, key) == 0)
			return map->keys[i];
	return NULL;
}

struct ynode *ydoc_get(const struct ynode *map, const char *key)
{
	if (!map || map->kind != Y_MAP)
		return NULL;
	for (size_t i = 0; i < map->n; i++)
		if (strcmp(map->keys[i]->scalar, key) == 0)
			return map->vals[i];
	return NULL;
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
		char known[512] = "";
		for (size_t j = 0; allowed[j]; j++) {
			if (j)
				strncat(known, ", ", sizeof known - strlen(known) - 1);
			strncat(known, allowed[j], sizeof known - strlen(known) - 1);
		}
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
