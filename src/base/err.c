/* err.c - error recording and allocation helpers that never return NULL. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/i18n.h"

void (*die_hook)(void);

int perr_vset(struct perr *e, enum pstatus st, const char *fmt, va_list ap)
{
	if (!e)
		return -1;
	e->status = st;
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	return -1;
}

int perr_set(struct perr *e, enum pstatus st, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	perr_vset(e, st, fmt, ap);
	va_end(ap);
	return -1;
}

void perr_append(struct perr *e, const char *fmt, ...)
{
	if (!e)
		return;
	size_t len = strlen(e->msg);
	if (len + 1 >= sizeof e->msg)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->msg + len, sizeof e->msg - len, fmt, ap);
	va_end(ap);
}

void perr_clear(struct perr *e)
{
	if (!e)
		return;
	e->status = P_OK;
	e->msg[0] = '\0';
}

int pstatus_exit_code(enum pstatus st)
{
	switch (st) {
	case P_OK: return 0;
	case P_REFUSED: return 1;
	case P_INVALID: return 1;
	case P_USAGE: return 2;
	case P_NOTFOUND: return 3;
	case P_DB: return 4;
	case P_BUSY: return 4;
	case P_CONFLICT: return 5;
	case P_IO: return 6;
	case P_INTERNAL: return 70;
	}
	return 70;
}

_Noreturn void die(const char *fmt, ...)
{
	if (die_hook)
		die_hook();
	fputs("ptce: ", stderr);
	va_list ap;
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(70);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		die("%s", _("out of memory"));
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		die("%s", _("out of memory"));
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		die("%s", _("out of memory"));
	return q;
}

char *xstrdup(const char *s)
{
	return xstrndup(s ? s : "", s ? strlen(s) : 0);
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void *xarray_add(struct xarray *a)
{
	if (a->n == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 16;
		a->v = xrealloc(a->v, a->cap * a->size);
	}
	char *elem = (char *)a->v + a->n++ * a->size;
	memset(elem, 0, a->size);
	return elem;
}

static char *xvasprintf(const char *fmt, va_list ap)
{
	char *p = NULL;
	if (vasprintf(&p, fmt, ap) < 0)
		die("%s", _("out of memory"));
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

void xappendf(char **buf, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *more = xvasprintf(fmt, ap);
	va_end(ap);
	char *all = xasprintf("%s%s", *buf ? *buf : "", more);
	free(more);
	free(*buf);
	*buf = all;
}
