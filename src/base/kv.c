/* kv.c - "key=value" lines with escaped values. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/kv.h"

void kv_add(char **out, const char *key, const char *value)
{
	if (!value)
		return;
	xappendf(out, "%s%s=", *out && **out ? "\n" : "", key);
	for (const char *p = value; *p; p++) {
		if (*p == '\\')
			xappendf(out, "\\\\");
		else if (*p == '\n')
			xappendf(out, "\\n");
		else
			xappendf(out, "%c", *p);
	}
}

void kv_addll(char **out, const char *key, long long v)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%lld", v);
	kv_add(out, key, buf);
}

const char *kv_next(const char *p, char **key, char **value)
{
	*key = *value = NULL;
	if (!p || !*p)
		return NULL;
	size_t line = strcspn(p, "\n");
	const char *eq = memchr(p, '=', line);
	size_t klen = eq ? (size_t)(eq - p) : line;
	*key = xasprintf("%.*s", (int)klen, p);
	char *v = xstrdup("");
	size_t n = 0;
	for (const char *q = eq ? eq + 1 : p + line; q < p + line; q++) {
		char c = *q;
		if (c == '\\' && q + 1 < p + line) {
			q++;
			c = *q == 'n' ? '\n' : *q;
		}
		v = xrealloc(v, n + 2);
		v[n++] = c;
		v[n] = '\0';
	}
	*value = v;
	return p[line] ? p + line + 1 : p + line;
}

char *kv_get(const char *p, const char *key)
{
	char *k, *v;
	while ((p = kv_next(p, &k, &v))) {
		int hit = strcmp(k, key) == 0;
		free(k);
		if (hit)
			return v;
		free(v);
	}
	return NULL;
}

int kv_is(const char *p)
{
	if (!p || !*p)
		return 0;
	while (*p) {
		size_t line = strcspn(p, "\n"), k = strspn(p, "abcdefghijklmnopqrstuvwxyz_");
		if (k == 0 || k >= line || p[k] != '=')
			return 0;
		p += line + (p[line] ? 1 : 0);
	}
	return 1;
}
