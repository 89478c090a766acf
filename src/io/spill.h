/* spill.h - an append-only store of byte strings that keeps its first
 * bytes in memory and the rest in an unlinked temporary file, so that what
 * an import reads from a workbook (its shared strings, its sheets' rows)
 * never grows the memory with the number of dossiers. */
#ifndef PTCE_SPILL_H
#define PTCE_SPILL_H
#include <stddef.h>
#include <stdint.h>
#include "base/err.h"

/* Bytes held in memory before the rest goes to the file; the environment
 * variable PTCE_SPILL_MEM (a number of bytes, 0: everything on disk) sets
 * another bound, for the tests. */
#define SPILL_MEM_DEFAULT (1024u * 1024)

/* The file is written and read through buffers of this size: a sheet of
 * 100 000 rows is a few thousand system calls, not a few hundred thousand. */
#define SPILL_BUF (64u * 1024)

struct spill {
	char *mem;		/* the first bytes */
	size_t n_mem, cap, mem_max;
	int fd;			/* the temporary file, -1 until needed */
	uint64_t n_file;	/* bytes put in it, the last n_w still in w */
	int on_disk;		/* once one string went to the file, all do */
	char *w;		/* the bytes not written yet */
	size_t n_w;
	char *r;		/* bytes read ahead: the file's [r_at, r_at + n_r) */
	uint64_t r_at, next_at;	/* next_at: where the last spill_get ended */
	size_t n_r;
	int in_order;		/* gets that followed each other */
};

/* spill_init - an empty store (no file yet). */
void spill_init(struct spill *s);
/* spill_put - append n bytes of p; *off is where they are, for spill_get.
 * A temporary file that cannot be made or written (disk full) is P_IO
 * saying why, which the caller completes with its place. */
int spill_put(struct spill *s, const void *p, size_t n, uint64_t *off, struct perr *e);
/* spill_get - the n bytes at off into p (P_IO when the file cannot be
 * written or read back). Gets that follow each other read ahead. */
int spill_get(struct spill *s, uint64_t off, void *p, size_t n, struct perr *e);
/* spill_done - free s and close its file (unlinked when made). */
void spill_done(struct spill *s);
#endif
