/* replay.c - run a harness without libFuzzer: every file named, and every
 * file in every folder named, is given to LLVMFuzzerTestOneInput once. This
 * is how `make check` replays the seed corpora and the crashes kept, with
 * the plain compiler (and under ASan in its sanitized build). */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/err.h"
#include "base/file.h"
#include "fuzz.h"

static int replay_file(const char *path)
{
	char *buf;
	size_t len;
	struct perr e = {0};
	if (file_read(path, 0, &buf, &len, &e) < 0) {
		fprintf(stderr, "replay: %s\n", e.msg);
		return 1;
	}
	LLVMFuzzerTestOneInput((const uint8_t *)buf, len);
	free(buf);
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The files of dir, sorted, so that a run is the same every time. */
static int replay_dir(const char *dir, int *count)
{
	DIR *d = opendir(dir);
	if (!d) {
		fprintf(stderr, "replay: cannot read %s\n", dir);
		return 1;
	}
	char **names = NULL;
	size_t n = 0;
	struct dirent *de;
	while ((de = readdir(d)))
		if (de->d_name[0] != '.') {
			names = xrealloc(names, (n + 1) * sizeof *names);
			names[n++] = xasprintf("%s/%s", dir, de->d_name);
		}
	closedir(d);
	if (n > 1)
		qsort(names, n, sizeof *names, by_name);
	int bad = 0;
	for (size_t i = 0; i < n; i++) {
		bad |= replay_file(names[i]);
		(*count)++;
		free(names[i]);
	}
	free(names);
	return bad;
}

int main(int argc, char **argv)
{
	int bad = 0, count = 0;
	for (int i = 1; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			bad |= replay_dir(argv[i], &count);
		} else {
			bad |= replay_file(argv[i]);
			count++;
		}
	}
	printf("replayed %d input(s)\n", count);
	return bad;
}
