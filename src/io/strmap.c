/* strmap.c - open addressing on FNV-1a, doubled when half full; the keys
 * in one block (see strmap.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "io/strmap.h"

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static const char *key_of(const struct strmap *m, uint32_t slot)
{
	return m->keys + m->key_at[slot - 1];
}

/* The slot of key, or the empty one where it would go. */
static size_t slot(const struct strmap *m, const char *key)
{
	size_t i = (size_t)hash(key) & (m->cap - 1);
	while (m->slots[i] && strcmp(key_of(m, m->slots[i]), key) != 0)
		i = (i + 1) & (m->cap - 1);
	return i;
}

static void grow(struct strmap *m)
{
	size_t old = m->cap;
	uint32_t *was = m->slots;
	m->cap = old ? old * 2 : 64;
	m->slots = xcalloc(m->cap, sizeof *m->slots);
	for (size_t i = 0; i < old; i++)
		if (was[i])
			m->slots[slot(m, key_of(m, was[i]))] = was[i];
	free(was);
}

void strmap_put(struct strmap *m, const char *key, long long val)
{
	if ((m->n + 1) * 2 > m->cap)
		grow(m);
	size_t i = slot(m, key);
	if (m->slots[i]) {
		m->vals[m->slots[i] - 1] = val;
		return;
	}
	if (m->n >= UINT32_MAX - 1)
		die("strmap: more than 4 billion keys");
	size_t len = strlen(key) + 1;
	if (m->keys_n + len > m->keys_cap) {
		m->keys_cap = m->keys_cap ? m->keys_cap : 1024;
		while (m->keys_n + len > m->keys_cap)
			m->keys_cap *= 2;
		m->keys = xrealloc(m->keys, m->keys_cap);
	}
	if (m->n == m->n_cap) {
		m->n_cap = m->n_cap ? 2 * m->n_cap : 32;
		m->key_at = xrealloc(m->key_at, m->n_cap * sizeof *m->key_at);
		m->vals = xrealloc(m->vals, m->n_cap * sizeof *m->vals);
	}
	memcpy(m->keys + m->keys_n, key, len);
	m->key_at[m->n] = m->keys_n;
	m->vals[m->n] = val;
	m->keys_n += len;
	m->slots[i] = (uint32_t)++m->n;
}

long long strmap_get(const struct strmap *m, const char *key)
{
	if (!m->cap)
		return -1;
	size_t i = slot(m, key);
	return m->slots[i] ? m->vals[m->slots[i] - 1] : -1;
}

void strmap_done(struct strmap *m)
{
	free(m->slots);
	free(m->key_at);
	free(m->vals);
	free(m->keys);
	memset(m, 0, sizeof *m);
}
