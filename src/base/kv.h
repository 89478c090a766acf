/* kv.h - parameters stored as data: "key=value" pairs, one a line, a value's
 * backslashes and newlines escaped (\\ and \n). A key may repeat (an update
 * lists each field with its old and new value). What a history entry says
 * is kept this way and put into words only when someone reads it. */
#ifndef PTCE_KV_H
#define PTCE_KV_H

#include <stddef.h>

/* kv_add - append key=value to *out (NULL: empty); a NULL value adds nothing. */
void kv_add(char **out, const char *key, const char *value);
/* kv_addll - append key=v (an integer). */
void kv_addll(char **out, const char *key, long long v);
/* kv_next - the pair at p into fresh *key and *value; returns where the next
 * pair starts, or NULL at the end (then *key and *value are NULL). */
const char *kv_next(const char *p, char **key, char **value);
/* kv_get - the first value of key in p (fresh), or NULL. */
char *kv_get(const char *p, const char *key);
/* kv_is - whether p is a list of pairs (every line has a key=). */
int kv_is(const char *p);

#endif
