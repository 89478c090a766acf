/* spill.c - byte strings in memory, then in an unlinked temporary file
 * (see spill.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/i18n.h"
#include "io/spill.h"

static size_t mem_bound(void)
{
	const char *v = getenv("PTCE_SPILL_MEM");
	char *end;
	if (!v || !*v)
		return SPILL_MEM_DEFAULT;
	unsigned long long n = strtoull(v, &end, 10);
	return *end ? SPILL_MEM_DEFAULT : (size_t)n;
}

void spill_init(struct spill *s)
{
	memset(s, 0, sizeof *s);
	s->fd = -1;
	s->mem_max = mem_bound();
}

/* The temporary file, in $TMPDIR (else /tmp), unlinked at once. */
static int open_file(struct spill *s, struct perr *e)
{
	const char *dir = getenv("TMPDIR");
	char *path = xasprintf("%s/ptce-spill.XXXXXX", dir && *dir ? dir : "/tmp");
	s->fd = mkstemp(path);
	int err = errno;
	if (s->fd >= 0)
		unlink(path);
	else
		perr_set(e, P_IO, _("cannot make a temporary file %s: %s"), path, strerror(err));
	free(path);
	return s->fd < 0 ? -1 : 0;
}

static int write_all(int fd, const char *p, size_t n, uint64_t at, struct perr *e)
{
	while (n) {
		ssize_t w = pwrite(fd, p, n, (off_t)at);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return perr_set(e, P_IO, _("cannot write to a temporary file: %s"),
					strerror(w < 0 ? errno : ENOSPC));
		p += w;
		n -= (size_t)w;
		at += (uint64_t)w;
	}
	return 0;
}

/* The bytes put and not written yet, written. */
static int flush(struct spill *s, struct perr *e)
{
	if (!s->n_w)
		return 0;
	if (write_all(s->fd, s->w, s->n_w, s->n_file - s->n_w, e) < 0)
		return -1;
	s->n_w = 0;
	return 0;
}

int spill_put(struct spill *s, const void *p, size_t n, uint64_t *off, struct perr *e)
{
	if (!s->on_disk && s->n_mem + n <= s->mem_max) {
		if (s->n_mem + n > s->cap) {
			size_t cap = s->cap ? s->cap : 4096;
			while (cap < s->n_mem + n)
				cap *= 2;
			s->mem = xrealloc(s->mem, cap);
			s->cap = cap;
		}
		memcpy(s->mem + s->n_mem, p, n);
		*off = s->n_mem;
		s->n_mem += n;
		return 0;
	}
	if (s->fd < 0 && open_file(s, e) < 0)
		return -1;
	s->on_disk = 1;
	if (s->n_w + n > SPILL_BUF && flush(s, e) < 0)
		return -1;
	if (n >= SPILL_BUF) {
		if (write_all(s->fd, p, n, s->n_file, e) < 0)
			return -1;
	} else {
		if (!s->w)
			s->w = xmalloc(SPILL_BUF);
		memcpy(s->w + s->n_w, p, n);
		s->n_w += n;
	}
	*off = s->n_mem + s->n_file;
	s->n_file += n;
	return 0;
}

static int read_all(int fd, char *o, size_t n, uint64_t at, size_t *got, struct perr *e)
{
	*got = 0;
	while (n) {
		ssize_t r = pread(fd, o, n, (off_t)at);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return perr_set(e, P_IO, _("cannot read back a temporary file: %s"), strerror(errno));
		if (r == 0)
			break;
		o += r;
		n -= (size_t)r;
		at += (uint64_t)r;
		*got += (size_t)r;
	}
	return 0;
}

int spill_get(struct spill *s, uint64_t off, void *p, size_t n, struct perr *e)
{
	if (off + n <= s->n_mem) {
		memcpy(p, s->mem + off, n);
		return 0;
	}
	if (off < s->n_mem || off + n > s->n_mem + s->n_file)
		return perr_set(e, P_INTERNAL, "spill_get: %llu+%zu out of range",
				(unsigned long long)off, n);
	uint64_t at = off - s->n_mem;
	s->in_order = at == s->next_at ? s->in_order + 1 : 0;
	s->next_at = at + n;
	if (at + n > s->n_file - s->n_w && flush(s, e) < 0)
		return -1;
	if (at >= s->r_at && at + n <= s->r_at + s->n_r) {
		memcpy(p, s->r + (at - s->r_at), n);
		return 0;
	}
	size_t got;
	/* Read ahead only for gets in order (a sheet's rows one after the
	 * other), not for scattered ones (a workbook's shared strings). */
	if (s->in_order >= 2 && n < SPILL_BUF) {
		if (!s->r)
			s->r = xmalloc(SPILL_BUF);
		if (read_all(s->fd, s->r, SPILL_BUF, at, &got, e) < 0)
			return -1;
		s->r_at = at;
		s->n_r = got;
		if (got >= n) {
			memcpy(p, s->r, n);
			return 0;
		}
	} else {
		if (read_all(s->fd, p, n, at, &got, e) < 0)
			return -1;
		if (got == n)
			return 0;
	}
	return perr_set(e, P_IO, _("cannot read back a temporary file: %s"),
			_("it is shorter than written"));
}

void spill_done(struct spill *s)
{
	free(s->mem);
	free(s->w);
	free(s->r);
	if (s->fd >= 0)
		close(s->fd);
	memset(s, 0, sizeof *s);
	s->fd = -1;
}
