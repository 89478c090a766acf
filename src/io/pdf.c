/* pdf.c - running groff for a PDF: no shell, so nothing in a dossier or a
 * file name is ever read as a command; the file is the user's alone (0600)
 * and is never replaced without being asked to. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/host.h"
#include "base/i18n.h"
#include "io/doc_roff.h"
#include "io/pdf.h"

int pdf_open_private(const char *path, int force, struct perr *e)
{
	/* The person's file: opened with their own rights only (ptce(8)). */
	host_user_begin();
	int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOCTTY | (force ? O_TRUNC : O_EXCL), 0600);
	int err = errno;
	host_user_end();
	errno = err;
	if (fd < 0 && errno == EEXIST)
		return perr_set(e, P_IO, _("%s already exists: name another file, or add --force to replace it"), path);
	if (fd < 0)
		return perr_set(e, P_IO, _("cannot write %s: %s"), path, strerror(errno));
	if (force && fchmod(fd, 0600) < 0) {
		close(fd);
		return perr_set(e, P_IO, _("cannot make %s private (mode 0600): %s"), path, strerror(errno));
	}
	return fd;
}

/* In the child: stdin from the pipe, stdout to the PDF, stderr kept. */
static _Noreturn void run_groff(int in, int out, int err, enum fmt_lang lang)
{
	/* -mfr: French hyphenation patterns (hyphen.fr) and spacing; English
	 * is groff's default. */
	char *argv[] = {"groff", "-k", "-Kutf-8", "-t", "-ms", "-Tpdf", "-dpaper=a4", "-P-pa4",
			"-Ww", lang == FMT_FR ? "-mfr" : NULL, NULL};
	if (dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0)
		_exit(126);
	host_child_exec(argv);
}

/* Write all of src to fd (the child may die early: no SIGPIPE then). */
static void feed(int fd, const char *src, size_t len)
{
	struct sigaction ign = {.sa_handler = SIG_IGN}, old;
	sigaction(SIGPIPE, &ign, &old);
	while (len) {
		ssize_t w = write(fd, src, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		src += w;
		len -= (size_t)w;
	}
	sigaction(SIGPIPE, &old, NULL);
}

/* What groff said, its first lines, for the message. */
static void groff_said(FILE *err, char *buf, size_t len)
{
	buf[0] = '\0';
	rewind(err);
	size_t n = fread(buf, 1, len - 1, err);
	buf[n] = '\0';
	while (n && (buf[n - 1] == '\n' || buf[n - 1] == ' '))
		buf[--n] = '\0';
}

static int wait_groff(pid_t pid, FILE *err, struct perr *e)
{
	int st = 0;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return perr_set(e, P_IO, _("groff: %s"), strerror(errno));
	if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
		return 0;
	if (WIFEXITED(st) && WEXITSTATUS(st) == 127)
		return perr_set(e, P_IO, "%s", _("groff is not installed: install the Debian package groff (apt-get install groff), which makes the PDF"));
	char said[1024];
	groff_said(err, said, sizeof said);
	return perr_set(e, P_IO, _("groff could not make the PDF (%s); is the Debian package groff installed (not only groff-base)?"),
			said[0] ? said : _("no message"));
}

int pdf_write(const struct doc *d, const char *path, int force, struct perr *e)
{
	char *src = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&src, &len);
	if (!m)
		die("out of memory");
	doc_write_roff(m, d);
	fclose(m);
	int fd = pdf_open_private(path, force, e), in[2] = {-1, -1}, rc = -1;
	FILE *err = fd >= 0 ? tmpfile() : NULL;
	if (fd >= 0 && (!err || pipe2(in, O_CLOEXEC) < 0))
		perr_set(e, P_IO, _("cannot run groff: %s"), strerror(errno));
	else if (fd >= 0) {
		pid_t pid = fork();
		if (pid == 0)
			run_groff(in[0], fd, fileno(err), d->lang);
		close(in[0]);
		if (pid < 0) {
			perr_set(e, P_IO, _("cannot run groff: %s"), strerror(errno));
		} else {
			feed(in[1], src, len);
			close(in[1]);
			in[1] = -1;
			rc = wait_groff(pid, err, e);
		}
		if (in[1] >= 0)
			close(in[1]);
	}
	if (err)
		fclose(err);
	if (fd >= 0 && close(fd) < 0 && rc == 0)
		rc = perr_set(e, P_IO, _("cannot write %s: %s"), path, strerror(errno));
	if (fd >= 0 && rc < 0) {
		host_user_begin();
		unlink(path);
		host_user_end();
	}
	free(src);
	return rc;
}
