/* document_file.c - a pièce as text (pdftotext for a PDF, run without a
 * shell on a private temporary copy) or saved to a file of mode 0600. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/host.h"
#include "base/i18n.h"
#include "base/text.h"
#include "io/document_file.h"

/* Write all of buf to fd: 0, or -1 with errno. */
static int write_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t w = write(fd, buf, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		buf += w;
		len -= (size_t)w;
	}
	return 0;
}

/* Make fd private (0600), write buf to it and close it: 0, or the errno
 * of what failed (fd is closed either way). */
static int fill_private(int fd, const char *buf, size_t len)
{
	int err = fchmod(fd, 0600) == 0 && write_all(fd, buf, len) == 0 ? 0 : errno ? errno : EIO;
	if (close(fd) != 0 && !err)
		err = errno;
	return err;
}

/* A private copy of buf in $TMPDIR (mkstemp: mode 0600, a name nobody
 * chose): its path in path, 0; or -1 naming the problem. */
static int temp_copy(const char *buf, size_t len, char *path, size_t size, struct perr *e)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(path, size, "%s/ptce-piece-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	int fd = mkstemp(path);
	if (fd < 0)
		return perr_set(e, P_IO, _("cannot make a temporary file in %s: %s"),
				tmp && *tmp ? tmp : "/tmp", strerror(errno));
	int err = fill_private(fd, buf, len);
	if (err) {
		unlink(path);
		return perr_set(e, P_IO, _("cannot write the temporary file %s: %s"), path, strerror(err));
	}
	return 0;
}

/* Read fd to its end into a fresh NUL-terminated buffer, keeping at most max
 * bytes (*cut set when there was more). */
static char *read_all(int fd, size_t max, size_t *len, int *cut)
{
	size_t n = 0, cap = 65536;
	char *b = xmalloc(cap + 1);
	char sink[4096];
	*cut = 0;
	for (;;) {
		char *to = n < max ? b + n : sink;
		size_t room = n < max ? (cap - n < max - n ? cap - n : max - n) : sizeof sink;
		ssize_t r = read(fd, to, room);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		if (to == sink) {
			*cut = 1;
			continue;
		}
		n += (size_t)r;
		if (n == cap && cap < max) {
			cap = cap * 2 < max ? cap * 2 : max;
			b = xrealloc(b, cap + 1);
		}
	}
	b[n] = '\0';
	*len = n;
	return b;
}

/* Run pdftotext -layout on path, its output into *out: the child's exit
 * status (127: not found), or -1 when it could not start. */
static int run_pdftotext(const char *path, char **out, size_t *len, int *cut)
{
	int fds[2];
	if (pipe(fds) < 0)
		return -1;
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);
		dup2(null, 0);
		dup2(fds[1], 1);
		dup2(null, 2);
		close(fds[0]);
		char *const argv[] = {"pdftotext", "-layout", (char *)path, "-", NULL};
		host_child_exec(argv);
	}
	close(fds[1]);
	*out = read_all(fds[0], DOCUMENT_TEXT_MAX, len, cut);
	close(fds[0]);
	int st;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128;
}

/* The text of a PDF through pdftotext. */
static int pdf_text(const struct document_info *meta, const char *buf, size_t len, char **raw,
		    int *cut, struct perr *e)
{
	char path[PATH_MAX];
	if (temp_copy(buf, len, path, sizeof path, e) < 0)
		return -1;
	size_t n = 0;
	*raw = NULL;
	int st = run_pdftotext(path, raw, &n, cut);
	unlink(path);
	if (st == 127) {
		free(*raw);
		*raw = NULL;
		return perr_set(e, P_NOTFOUND, _("pièce %d (%s) is a PDF, and pdftotext, which shows it "
						 "as text, is not installed: install the Debian package "
						 "poppler-utils."), meta->n, meta->file_name ? meta->file_name : meta->title);
	}
	if (st != 0) {
		free(*raw);
		*raw = NULL;
		return perr_set(e, P_INVALID, _("pdftotext could not read pièce %d (%s): the PDF may be "
						"damaged or protected."), meta->n,
				meta->file_name ? meta->file_name : meta->title);
	}
	return 0;
}

int document_text(const struct document_info *meta, const char *buf, size_t len, char **text,
		  struct perr *e)
{
	const char *mime = meta->mime ? meta->mime : "application/octet-stream";
	char *raw = NULL;
	int cut = 0;
	*text = NULL;
	if (strcmp(mime, "application/pdf") == 0) {
		if (pdf_text(meta, buf, len, &raw, &cut, e) < 0)
			return -1;
	} else if (document_is_text(mime)) {
		cut = len > DOCUMENT_TEXT_MAX;
		raw = xstrndup(buf, cut ? DOCUMENT_TEXT_MAX : len);
	} else {
		return perr_set(e, P_INVALID, _("pièce %d (%s) is of type %s, which cannot be shown as text."),
				meta->n, meta->file_name ? meta->file_name : meta->title, mime);
	}
	/* Page breaks (form feeds) and carriage returns are control
	 * characters: text_clean takes them out with any escape sequence. */
	*text = text_clean(raw, TEXT_KEEP_NEWLINES | TEXT_KEEP_TABS);
	free(raw);
	if (cut)
		xappendf(text, _("\n[… cut: only the first %d MB are shown]\n"),
			 DOCUMENT_TEXT_MAX / (1024 * 1024));
	return 0;
}

static int save_file(const char *path, const char *buf, size_t len, int force, struct perr *e)
{
	struct stat sb;
	if (lstat(path, &sb) == 0) {
		if (!force)
			return perr_set(e, P_REFUSED, _("%s already exists; nothing was written (give --force "
							"to replace it)."), path);
		if (S_ISDIR(sb.st_mode))
			return perr_set(e, P_IO, _("%s is a directory; name a file."), path);
		/* Replace by a new file: a link there is removed, never followed. */
		if (unlink(path) < 0)
			return perr_set(e, P_IO, _("cannot replace %s: %s"), path, strerror(errno));
	}
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0)
		return perr_set(e, errno == EEXIST ? P_REFUSED : P_IO, _("cannot write %s: %s"), path,
				strerror(errno));
	int err = fill_private(fd, buf, len);
	if (err) {
		unlink(path);
		return perr_set(e, P_IO, _("cannot write %s: %s"), path, strerror(err));
	}
	return 0;
}

int document_save(const char *path, const char *buf, size_t len, int force, struct perr *e)
{
	/* The person's file: made with their own rights only (ptce(8)). */
	host_user_begin();
	int rc = save_file(path, buf, len, force, e);
	host_user_end();
	return rc;
}
