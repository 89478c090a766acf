/* i18n.c - locale set-up. setlocale is the caller's job (main does it first),
 * this only finds the catalogue. */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/i18n.h"

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

static int is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

void i18n_init(void)
{
	const char *dir = getenv("PTCE_LOCALEDIR");
	static char buf[PATH_MAX];

	if (!dir || !*dir) {
		/* Running from the source tree: ./ptce or build/asan/ptce. */
		ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 32);
		if (n > 0) {
			buf[n] = '\0';
			char *slash = strrchr(buf, '/');
			if (slash) {
				strcpy(slash, "/build/locale");
				if (is_dir(buf))
					dir = buf;
				else {
					strcpy(slash, "/locale");
					if (is_dir(buf))
						dir = buf;
				}
			}
		}
	}
	if (!dir)
		dir = LOCALEDIR;
	bindtextdomain("ptce", dir);
	bind_textdomain_codeset("ptce", "UTF-8");
	textdomain("ptce");
}

/* The messages asked for so far, by the text (not the address: a message
 * may be a string that is freed and another put in its place): the copy
 * compared, and the translation (NULL: the message itself). */
#define MEMO_SLOTS 1024
static struct {
	char *id;
	const char *tr;
} memo[MEMO_SLOTS];

const char *i18n_gettext(const char *id)
{
	uint32_t h = 2166136261u;	/* FNV-1a */
	for (const unsigned char *p = (const unsigned char *)id; *p; p++)
		h = (h ^ *p) * 16777619u;
	size_t k = h % MEMO_SLOTS;
	if (memo[k].id && strcmp(memo[k].id, id) == 0)
		return memo[k].tr ? memo[k].tr : id;
	const char *tr = gettext(id);
	char *copy = strdup(id);
	if (copy) {
		free(memo[k].id);
		memo[k].id = copy;
		/* A translation lives in the catalogue, mapped for good. */
		memo[k].tr = tr == id ? NULL : tr;
	}
	return tr;
}
