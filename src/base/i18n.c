/* i18n.c - locale set-up. setlocale is the caller's job (main does it first),
 * this only finds the catalogue. */
#include <limits.h>
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
