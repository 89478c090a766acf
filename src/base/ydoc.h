/* ydoc.h - a YAML file read with libyaml into a small tree whose every node
 * knows its line and column, so that errors name file:line:column. */
#ifndef PTCE_YDOC_H
#define PTCE_YDOC_H

#include <stddef.h>

#include "base/err.h"

enum ynode_kind { Y_SCALAR, Y_MAP, Y_SEQ };

struct ynode {
	enum ynode_kind kind;
	int line, col;		/* 1-based */
	char *scalar;		/* Y_SCALAR: the text */
	int quoted;		/* Y_SCALAR: written in quotes (so "yes" is a string) */
	size_t n;		/* Y_MAP: pairs; Y_SEQ: items */
	struct ynode **keys;	/* Y_MAP: key scalars */
	struct ynode **vals;	/* Y_MAP: values; Y_SEQ: items */
	size_t cap;		/* room in keys and vals */
	size_t *index;		/* Y_MAP: hash of the keys (slot: i + 1, 0 empty) */
	size_t index_cap;	/* slots in index, a power of two */
};

struct ydoc {
	char *path;
	struct ynode *root;	/* NULL for an empty file */
};

/* ydoc_load_file - parse path; syntax errors, aliases, several documents and
 * duplicate keys are refused with file:line:column. */
int ydoc_load_file(const char *path, struct ydoc **out, struct perr *e);
/* ydoc_load_string - the same from memory; name is used in messages. */
int ydoc_load_string(const char *name, const char *text, size_t len,
		     struct ydoc **out, struct perr *e);
/* ydoc_free - free the tree and NULL the caller's pointer. */
void ydoc_free(struct ydoc **d);

/* ydoc_fail - record "path:line:col: message" for node (or the file start). */
int ydoc_fail(const struct ydoc *d, const struct ynode *n, struct perr *e,
	      const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* ydoc_get - value of key in a map, or NULL (also when n is not a map). */
struct ynode *ydoc_get(const struct ynode *map, const char *key);
/* ydoc_key_node - the key node itself (for positions), or NULL. */
struct ynode *ydoc_key_node(const struct ynode *map, const char *key);

/* ydoc_check_keys - every key of map must be in the NULL-terminated allowed
 * list; an unknown one is an error that suggests the nearest known key. */
int ydoc_check_keys(const struct ydoc *d, const struct ynode *map,
		    const char *const *allowed, const char *where, struct perr *e);
/* ydoc_nearest - the word of list closest to s (edit distance <= max(2, len/3)). */
const char *ydoc_nearest(const char *s, const char *const *list);

/* Typed readers: fail with position and the expected type. "what" names the
 * thing in the message (e.g. "key 'envelope'"). */
/* ydoc_expect - n exists and is of kind k. */
int ydoc_expect(const struct ydoc *d, const struct ynode *n, enum ynode_kind k,
		const char *what, struct perr *e);
/* ydoc_string - the text of a scalar (owned by the tree). */
int ydoc_string(const struct ydoc *d, const struct ynode *n, const char *what,
		const char **out, struct perr *e);
/* ydoc_int - an unquoted whole number between min and max. */
int ydoc_int(const struct ydoc *d, const struct ynode *n, const char *what,
	     long long min, long long max, long long *out, struct perr *e);
/* ydoc_number - an unquoted number. */
int ydoc_number(const struct ydoc *d, const struct ynode *n, const char *what,
		double *out, struct perr *e);
/* ydoc_bool - an unquoted true/yes/on or false/no/off. */
int ydoc_bool(const struct ydoc *d, const struct ynode *n, const char *what,
	      int *out, struct perr *e);
/* ydoc_kind_name - "a mapping", "a list", "a scalar" (translated). */
const char *ydoc_kind_name(enum ynode_kind k);

#endif
