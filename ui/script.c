/* script.c - script mode (like tig's): keys read from the file named by
 * PTCE_SCRIPT, fed one at a time whenever the interface waits for a key.
 * Lines starting with ':' are a command line (Enter implied), except
 * ':save-screen FILE', which dumps the screen wherever the program waits
 * (menus and overlays too); '#' starts a comment line; elsewhere <Name> is a
 * named key and any other character is itself (the line break is not a key). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/host.h"
#include "base/i18n.h"
#include "keys/keys.h"
#include "script.h"

static int *keys;
static size_t n_keys, pos;
static char **files;	/* the FILE of each :save-screen, in order */
static size_t n_files, file_pos;

static void push(int k)
{
	static size_t cap;
	if (n_keys == cap) {
		cap = cap ? cap * 2 : 256;
		keys = xrealloc(keys, cap * sizeof *keys);
	}
	keys[n_keys++] = k;
}

/* One UTF-8 character of s as a code point; its length, 1 on bad bytes. */
static size_t utf8_char(const char *s, int *cp)
{
	char one[5] = {0};
	size_t n = 1;
	unsigned char c = (unsigned char)s[0];
	if (c >= 0xf0)
		n = 4;
	else if (c >= 0xe0)
		n = 3;
	else if (c >= 0xc0)
		n = 2;
	for (size_t i = 1; i < n; i++)
		if (!s[i])
			n = i;
	memcpy(one, s, n);
	if (key_parse(one, cp) < 0)
		*cp = c;
	return n;
}

int script_open(const char *path, struct perr *e)
{
	host_user_begin();	/* the person's file: their rights only (ptce(8)) */
	FILE *f = fopen(path, "r");
	host_user_end();
	if (!f)
		return perr_set(e, P_IO, _("%s: cannot read the key script: %s"), path, strerror(errno));
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	int lineno = 0;
	while ((len = getline(&line, &cap, f)) >= 0) {
		lineno++;
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (len == 0 || line[0] == '#')
			continue;
		if (strncmp(line, ":save-screen ", 13) == 0) {
			/* Done where the program waits, overlays included. */
			files = xrealloc(files, (n_files + 1) * sizeof *files);
			files[n_files++] = xstrdup(line + 13);
			push(K_SCRIPT_SAVE);
			continue;
		}
		if (line[0] == ':') {
			for (const char *p = line; *p;) {
				int cp;
				p += utf8_char(p, &cp);
				push(cp);
			}
			push(K_ENTER);
			continue;
		}
		for (const char *p = line; *p;) {
			if (*p == '<') {
				const char *end = strchr(p, '>');
				if (end && end - p < 24) {
					char name[32];
					memcpy(name, p, (size_t)(end - p + 1));
					name[end - p + 1] = '\0';
					int code;
					if (key_parse(name, &code) == 0) {
						push(code);
						p = end + 1;
						continue;
					}
					fclose(f);
					free(line);
					return perr_set(e, P_INVALID, _("%s:%d:%d: unknown key %s"), path,
							lineno, (int)(p - line) + 1, name);
				}
			}
			int cp;
			p += utf8_char(p, &cp);
			push(cp);
		}
	}
	free(line);
	fclose(f);
	pos = 0;
	return 0;
}

int script_next(void)
{
	if (pos >= n_keys)
		return -1;
	return keys[pos++];
}

const char *script_save_path(void)
{
	return file_pos < n_files ? files[file_pos++] : NULL;
}

void script_close(void)
{
	for (size_t i = 0; i < n_files; i++)
		free(files[i]);
	free(files);
	files = NULL;
	n_files = file_pos = 0;
	free(keys);
	keys = NULL;
	n_keys = pos = 0;
}
