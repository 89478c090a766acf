/* host.h - running on a shared host (ptce(8)): the binary is setgid to the
 * group that owns the database, and reviewers are not in that group. The
 * group's rights are used for the database only: they are given up while a
 * person's own file is read or written, and for good in every child. */
#ifndef PTCE_HOST_H
#define PTCE_HOST_H

#include "base/err.h"

/* host_init - note the process's group ids; when the binary is setgid
 * (effective group other than the real one), shared mode is on and the
 * umask becomes 007, so that the files SQLite makes beside the database
 * (-wal, -shm) stay the group's and nobody else's. */
void host_init(void);
/* host_setgid - the binary runs setgid (shared mode from the start). */
int host_setgid(void);
/* host_set_shared - shared mode from the system configuration ('shared:
 * true' in /etc/ptce/ptce.yaml); also sets the umask. */
void host_set_shared(int on);
/* host_shared - shared mode is on. */
int host_shared(void);
/* host_user_begin - act with the person's own group only (a file they
 * named: import input, export output, a form, a key file); nothing when
 * not setgid. Pairs with host_user_end. */
void host_user_begin(void);
/* host_user_end - take the group's rights back. */
void host_user_end(void);
/* host_run - run argv[0] (looked up in PATH, never through a shell) with
 * argv and wait for it; in the child the group's rights are given up for
 * good and, in shared mode, the environment is reduced to a clean one.
 * Returns the child's exit status, or -1 with e set when it could not run. */
int host_run(char *const argv[], struct perr *e);
/* host_child_exec - in a child just forked (its descriptors set): give up
 * the group's rights for good, clean the environment in shared mode, and
 * exec argv[0] from PATH, never through a shell; exits 127 when it cannot
 * run, 126 when the rights cannot be given up. */
_Noreturn void host_child_exec(char *const argv[]);
/* host_split_command - "vim -u NONE" into words (spaces and tabs; no
 * quoting, no expansion: never a shell); NULL-terminated, the caller frees
 * the array and its first word (all words live in it). */
char **host_split_command(const char *cmd);

#endif
