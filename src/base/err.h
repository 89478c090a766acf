/* err.h - status codes and error messages shared by the core and the interface.
 * Every failing core call fills a struct perr that a person can act on. */
#ifndef PTCE_ERR_H
#define PTCE_ERR_H

#include <stdarg.h>
#include <stddef.h>

/* Status of a core call; each maps to one documented exit code. */
enum pstatus {
	P_OK = 0,
	P_REFUSED,	/* the procedure or the roles say no (exit 1) */
	P_INVALID,	/* bad input: a file, a value, a field (exit 1) */
	P_USAGE,	/* bad command line (exit 2) */
	P_NOTFOUND,	/* unknown dossier, reviewer, grid (exit 3) */
	P_DB,		/* database missing, locked, corrupt or too new (exit 4) */
	P_BUSY,		/* another session's write outlasted the wait or was
			 * given up; nothing was changed (exit 4) */
	P_CONFLICT,	/* someone else changed it first (exit 5) */
	P_IO,		/* a file could not be read or written (exit 6) */
	P_INTERNAL	/* out of memory or a bug (exit 70) */
};

#define PERR_MAX 4096

struct perr {
	enum pstatus status;
	char msg[PERR_MAX];
};

/* perr_set - record status and a formatted message; always returns -1. */
int perr_set(struct perr *e, enum pstatus st, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* perr_vset - va_list form of perr_set. */
int perr_vset(struct perr *e, enum pstatus st, const char *fmt, va_list ap);
/* perr_append - add text to the message already recorded. */
void perr_append(struct perr *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* perr_clear - reset to P_OK with an empty message. */
void perr_clear(struct perr *e);
/* pstatus_exit_code - the process exit code documented for a status. */
int pstatus_exit_code(enum pstatus st);

/* die_hook is called by xmalloc & co. before aborting, so the interface can
 * restore the terminal first. */
extern void (*die_hook)(void);
/* die - restore the terminal through die_hook, print the message, exit 70. */
_Noreturn void die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* xmalloc - malloc, or die out of memory (so do the x* below). */
void *xmalloc(size_t n);
/* xcalloc - calloc, or die. */
void *xcalloc(size_t n, size_t size);
/* xrealloc - realloc, or die. */
void *xrealloc(void *p, size_t n);
/* xstrdup - strdup, or die. */
char *xstrdup(const char *s);
/* xstrndup - strndup, or die. */
char *xstrndup(const char *s, size_t n);
/* A growing array of elements of size bytes: {NULL, 0, 0, sizeof elem}. */
struct xarray {
	void *v;
	size_t n, cap, size;
};
/* xarray_add - room for one more element at the end of a: a pointer to it,
 * zeroed (a->v may move). */
void *xarray_add(struct xarray *a);

/* xasprintf - allocate a formatted string or die. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* xappendf - append formatted text to the allocated string *buf (NULL: empty),
 * which is replaced; for SQL and texts built piece by piece. */
void xappendf(char **buf, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
