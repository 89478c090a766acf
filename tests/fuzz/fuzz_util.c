/* fuzz_util.c - helpers shared by the harnesses: inputs as text or as a
 * scratch file for loaders that take a path. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/err.h"
#include "fuzz.h"

char *fuzz_text(const uint8_t *data, size_t size)
{
	char *s = xmalloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

const char *fuzz_file(const uint8_t *data, size_t size, const char *suffix)
{
	static char path[256];
	const char *tmp = getenv("TMPDIR");
	snprintf(path, sizeof path, "%s/ptce-fuzz-%ld%s", tmp && *tmp ? tmp : "/tmp", (long)getpid(), suffix);
	FILE *f = fopen(path, "wb");
	if (!f)
		die("fuzz: cannot write %s", path);
	if (size && fwrite(data, 1, size, f) != size)
		die("fuzz: cannot write %s", path);
	fclose(f);
	return path;
}
