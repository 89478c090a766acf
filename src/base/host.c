/* host.c - the group rights of a setgid ptce: kept for the database, given
 * up around a person's files and for good in children; umask and a clean
 * environment for them. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/host.h"
#include "base/i18n.h"

static gid_t real_gid, group_gid;
static int is_setgid, is_shared, user_depth;

void host_init(void)
{
	real_gid = getgid();
	group_gid = getegid();
	is_setgid = real_gid != group_gid;
	if (is_setgid)
		host_set_shared(1);
}

int host_setgid(void)
{
	return is_setgid;
}

void host_set_shared(int on)
{
	is_shared = on || is_setgid;
	if (is_shared)
		umask(007);
}

int host_shared(void)
{
	return is_shared;
}

void host_user_begin(void)
{
	if (is_setgid && user_depth++ == 0 && setegid(real_gid) != 0)
		die("cannot give up the group's rights (setegid: %s)", strerror(errno));
}

void host_user_end(void)
{
	if (is_setgid && user_depth > 0 && --user_depth == 0 && setegid(group_gid) != 0)
		die("cannot take the group's rights back (setegid: %s)", strerror(errno));
}

/* The environment a child gets in shared mode: a fixed PATH and only the
 * variables that say who and where the person is and how text looks. */
static void clean_environment(void)
{
	static const char *const keep[] = {
		"HOME", "USER", "LOGNAME", "TERM", "LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE",
		"LC_MESSAGES", "TZ", "COLUMNS", "LINES", "NO_COLOR", NULL
	};
	const char *vals[sizeof keep / sizeof keep[0]];
	for (size_t i = 0; keep[i]; i++)
		vals[i] = getenv(keep[i]);
	char *saved[sizeof keep / sizeof keep[0]];
	for (size_t i = 0; keep[i]; i++)
		saved[i] = vals[i] ? strdup(vals[i]) : NULL;
	clearenv();
	setenv("PATH", "/usr/local/bin:/usr/bin:/bin", 1);
	for (size_t i = 0; keep[i]; i++)
		if (saved[i]) {
			setenv(keep[i], saved[i], 1);
			free(saved[i]);
		}
}

/* In the child: the group's rights gone for good (real, effective and
 * saved), then exec. Never returns. */
void host_child_exec(char *const argv[])
{
	gid_t g = is_setgid ? real_gid : getgid();
	if (setresgid(g, g, g) != 0 || getegid() != g)
		_exit(126);
	if (is_shared)
		clean_environment();
	execvp(argv[0], argv);
	_exit(127);
}

int host_run(char *const argv[], struct perr *e)
{
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0)
		return perr_set(e, P_IO, _("cannot start %s: %s"), argv[0], strerror(errno));
	if (pid == 0)
		host_child_exec(argv);
	int st;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return perr_set(e, P_IO, _("cannot wait for %s: %s"), argv[0], strerror(errno));
	if (WIFEXITED(st) && WEXITSTATUS(st) == 127)
		return perr_set(e, P_IO, _("cannot run %s (not found in PATH?)"), argv[0]);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + (WIFSIGNALED(st) ? WTERMSIG(st) : 0);
}

char **host_split_command(const char *cmd)
{
	char *copy = xstrdup(cmd + strspn(cmd, " \t"));	/* so that v[0] == copy */
	size_t n = 0, cap = 4;
	char **v = xcalloc(cap, sizeof *v), *save = NULL;
	for (char *w = strtok_r(copy, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
		if (n + 2 > cap)
			v = xrealloc(v, (cap *= 2) * sizeof *v);
		v[n++] = w;
	}
	v[n] = NULL;
	if (n == 0)
		free(copy);
	return v;
}
