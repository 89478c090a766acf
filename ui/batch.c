/* batch.c - one write() per screen update. ncurses writes its output buffer
 * out at every cursor motion (_nc_real_mvcur flushes), so a page of the
 * queue went out in 100-odd writes of 30-100 bytes. Around the refresh,
 * standard output points at a pipe; what ncurses wrote there is then sent
 * to the terminal in one write. Terminal modes are untouched: ncurses sets
 * them outside refresh, on the terminal itself. */
#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "batch.h"

static int tty_fd = -1, rd_fd = -1, wr_fd = -1;
static char *buf;
static size_t cap;

void batch_init(int rows, int cols)
{
	if (tty_fd >= 0 || !isatty(STDOUT_FILENO) || getenv("PTCE_NO_BATCH"))
		return;
	int p[2];
	if (pipe2(p, O_CLOEXEC) < 0)
		return;
	/* Room for a full redraw (colours, wide characters) so that ncurses
	 * never blocks on a full pipe: else, no batching at all. */
	long want = (long)rows * cols * 24 + 65536;
	if (want < (1L << 20))
		want = 1L << 20;
	long got = fcntl(p[1], F_SETPIPE_SZ, want);
	if (got < (long)rows * cols * 24 || fcntl(p[0], F_SETFL, O_NONBLOCK) < 0 ||
	    (tty_fd = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3)) < 0) {
		close(p[0]);
		close(p[1]);
		tty_fd = -1;
		return;
	}
	rd_fd = p[0];
	wr_fd = p[1];
	cap = (size_t)got;
	buf = malloc(cap);
	if (!buf)
		batch_done();
}

/* Write n bytes of buf to the terminal. */
static void send_all(size_t n)
{
	size_t off = 0;
	while (off < n) {
		ssize_t w = write(STDOUT_FILENO, buf + off, n - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		off += (size_t)w;
	}
}

void batch_refresh(void)
{
	/* A terminal grown past what the pipe holds: as ncurses does. */
	if (tty_fd < 0 || (size_t)LINES * (size_t)COLS * 24 > cap ||
	    dup2(wr_fd, STDOUT_FILENO) < 0) {
		refresh();
		return;
	}
	refresh();
	dup2(tty_fd, STDOUT_FILENO);
	size_t n = 0;
	for (;;) {
		ssize_t r = read(rd_fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		n += (size_t)r;
		if (n == cap) {
			send_all(n);
			n = 0;
		}
	}
	send_all(n);
}

void batch_done(void)
{
	if (tty_fd >= 0) {
		dup2(tty_fd, STDOUT_FILENO);
		close(tty_fd);
		close(rd_fd);
		close(wr_fd);
	}
	tty_fd = rd_fd = wr_fd = -1;
	free(buf);
	buf = NULL;
}
