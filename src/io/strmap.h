/* strmap.h - a hash of strings to indexes, so that an import matches
 * members, opinions and people to their dossier in one pass, never by
 * comparing every row with every other. Compact, as it holds every
 * dossier number of an export: the keys one after the other in one
 * block, a slot a 32-bit entry number (about 35 bytes a short key). */
#ifndef PTCE_STRMAP_H
#define PTCE_STRMAP_H

#include <stddef.h>
#include <stdint.h>

struct strmap {
	uint32_t *slots;	/* 1 + entry number; 0: an empty slot */
	size_t cap;		/* slots, a power of two, at most half full */
	size_t *key_at;		/* per entry: where its key starts in keys */
	long long *vals;	/* per entry */
	size_t n, n_cap;
	char *keys;		/* the keys, each ended by a NUL */
	size_t keys_n, keys_cap;
};

/* strmap_put - key -> val (replacing a previous value). */
void strmap_put(struct strmap *m, const char *key, long long val);
/* strmap_get - the value of key, or -1 when absent. */
long long strmap_get(const struct strmap *m, const char *key);
/* strmap_done - free what m holds. */
void strmap_done(struct strmap *m);

#endif
