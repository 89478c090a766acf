/* strmap.h - a hash of strings to indexes, so that an import matches
 * members, opinions and people to their dossier in one pass, never by
 * comparing every row with every other. */
#ifndef PTCE_STRMAP_H
#define PTCE_STRMAP_H

#include <stddef.h>

struct strmap {
	char **keys;		/* copies; NULL for an empty slot */
	long long *vals;
	size_t cap, n;
};

/* strmap_put - key -> val (replacing a previous value). */
void strmap_put(struct strmap *m, const char *key, long long val);
/* strmap_get - the value of key, or -1 when absent. */
long long strmap_get(const struct strmap *m, const char *key);
/* strmap_done - free what m holds. */
void strmap_done(struct strmap *m);

#endif
