/* file.c - whole files into memory. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/file.h"
#include "base/i18n.h"

int file_read(const char *path, size_t max, char **buf, size_t *len, struct perr *e)
{
	*buf = NULL;
	*len = 0;
	FILE *f = fopen(path, "rb");
	if (!f)
		return perr_set(e, errno == ENOENT ? P_NOTFOUND : P_IO, _("%s: cannot read: %s"), path,
				strerror(errno));
	return file_read_stream(f, path, max, buf, len, e);
}

int file_read_stream(FILE *f, const char *path, size_t max, char **buf, size_t *len,
		     struct perr *e)
{
	*buf = NULL;
	*len = 0;
	char *b = NULL;
	size_t n = 0, cap = 0;
	for (;;) {
		if (n + 4096 + 1 > cap) {
			cap = cap ? cap * 2 : 8192;
			b = xrealloc(b, cap);
		}
		size_t r = fread(b + n, 1, cap - n - 1, f);
		n += r;
		if (r == 0 || (max && n > max))
			break;
	}
	int err = ferror(f);
	fclose(f);
	if (err) {
		free(b);
		return perr_set(e, P_IO, _("%s: read error"), path);
	}
	if (max && n > max) {
		free(b);
		return -2;
	}
	b[n] = '\0';
	*buf = b;
	*len = n;
	return 0;
}
