/* screen.c - the terminal: curses set-up and teardown, colours, keys read
 * from the terminal or a script, signals, drawing text and lines, and the
 * screen dump of script mode. */
#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

#include "base/host.h"
#include "base/i18n.h"
#include "base/text.h"
#include "batch.h"
#include "screen.h"
#include "script.h"

static volatile sig_atomic_t got_signal;
static SCREEN *script_screen;
static FILE *null_in, *null_out;
static int curses_on;
static int attrs[UC_COUNT];

static void on_signal(int sig)
{
	got_signal = sig;
}

/* die_hook: put the terminal back before a fatal message. */
static void restore_terminal(void)
{
	batch_done();
	if (curses_on) {
		endwin();
		curses_on = 0;
	}
}

static void colors_init(struct ui *u)
{
	static const int mono[UC_COUNT] = {
		[UC_NORMAL] = A_NORMAL, [UC_TITLE] = A_REVERSE | A_BOLD,
		[UC_STATUS] = A_REVERSE, [UC_CURSOR] = A_REVERSE, [UC_HEADER] = A_UNDERLINE | A_BOLD,
		[UC_SECTION] = A_BOLD | A_UNDERLINE, [UC_LABEL] = A_BOLD, [UC_OVERDUE] = A_BOLD,
		[UC_ERROR] = A_BOLD, [UC_OK] = A_NORMAL, [UC_FLAG] = A_BOLD, [UC_TAGGED] = A_BOLD,
		[UC_DIM] = A_DIM,
	};
	const char *nc = getenv("NO_COLOR");
	u->colors = u->app->cfg.colors && !(nc && *nc) && has_colors();
	for (int i = 0; i < UC_COUNT; i++)
		attrs[i] = mono[i];
	if (!u->colors)
		return;
	start_color();
	use_default_colors();
	static const struct { int role, fg, bg, extra; } pairs[] = {
		{UC_TITLE, COLOR_WHITE, COLOR_BLUE, A_BOLD},
		{UC_STATUS, COLOR_BLACK, COLOR_CYAN, 0},
		{UC_CURSOR, COLOR_BLACK, COLOR_YELLOW, 0},
		{UC_HEADER, COLOR_BLUE, -1, A_BOLD},
		{UC_SECTION, COLOR_CYAN, -1, A_BOLD},
		{UC_LABEL, COLOR_GREEN, -1, 0},
		{UC_OVERDUE, COLOR_RED, -1, A_BOLD},
		{UC_ERROR, COLOR_RED, -1, A_BOLD},
		{UC_OK, COLOR_GREEN, -1, 0},
		{UC_FLAG, COLOR_MAGENTA, -1, A_BOLD},
		{UC_TAGGED, COLOR_YELLOW, -1, A_BOLD},
	};
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		init_pair((short)(i + 1), (short)pairs[i].fg, (short)pairs[i].bg);
		attrs[pairs[i].role] = COLOR_PAIR(i + 1) | pairs[i].extra;
	}
}

int ui_attr(struct ui *u, int color)
{
	(void)u;
	return color >= 0 && color < UC_COUNT ? attrs[color] : 0;
}

int screen_init(struct ui *u)
{
	const char *script = getenv("PTCE_SCRIPT");
	if (script && *script) {
		struct perr e = {0};
		if (script_open(script, &e)) {
			fprintf(u->app->err, "ptce: %s\n", e.msg);
			return -1;
		}
		null_out = fopen("/dev/null", "w");
		null_in = fopen("/dev/null", "r");
		if (!null_out || !null_in) {
			fprintf(u->app->err, "ptce: /dev/null: %s\n", strerror(errno));
			return -1;
		}
		script_screen = newterm(NULL, null_out, null_in);
		if (!script_screen) {
			fprintf(u->app->err, "%s", _("ptce: cannot start the screen for script mode "
						     "(is TERM set?)\n"));
			return -1;
		}
		set_term(script_screen);
		u->script = 1;
	} else {
		if (!newterm(NULL, stdout, stdin)) {
			fprintf(u->app->err, _("ptce: cannot use the terminal '%s'; set TERM "
					       "(e.g. TERM=xterm-256color) or give a command\n"),
				getenv("TERM") ? getenv("TERM") : "");
			return -1;
		}
	}
	curses_on = 1;
	if (!u->script)
		batch_init(LINES, COLS);
	die_hook = restore_terminal;
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	set_escdelay(getenv("ESCDELAY") ? atoi(getenv("ESCDELAY")) : 50);
	colors_init(u);

	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	getmaxyx(stdscr, u->rows, u->cols);
	return 0;
}

void screen_done(void)
{
	restore_terminal();
	if (script_screen) {
		delscreen(script_screen);
		script_screen = NULL;
		script_close();
	}
	if (null_in)
		fclose(null_in);
	if (null_out)
		fclose(null_out);
	null_in = null_out = NULL;
	die_hook = NULL;
}

/* A curses key (wide char or KEY_*) into enum key_code space. */
static int translate(int rc, wint_t ch)
{
	if (rc == KEY_CODE_YES) {
		switch (ch) {
		case KEY_UP: return K_UP;
		case KEY_DOWN: return K_DOWN;
		case KEY_LEFT: return K_LEFT;
		case KEY_RIGHT: return K_RIGHT;
		case KEY_PPAGE: return K_PGUP;
		case KEY_NPAGE: return K_PGDN;
		case KEY_HOME: return K_HOME;
		case KEY_END: return K_END;
		case KEY_ENTER: return K_ENTER;
		case KEY_BTAB: return K_BTAB;
		case KEY_BACKSPACE: return K_BACKSPACE;
		case KEY_DC: return K_DELETE;
		case KEY_IC: return K_INSERT;
		case KEY_RESIZE: return K_RESIZE;
		default:
			if (ch >= (wint_t)KEY_F(1) && ch <= (wint_t)KEY_F(12))
				return K_F1 + (int)(ch - KEY_F(1));
			return K_NONE;
		}
	}
	switch (ch) {
	case '\n': case '\r': return K_ENTER;
	case '\t': return K_TAB;
	case 27: return K_ESC;
	case 127: case 8: return K_BACKSPACE;
	case ' ': return K_SPACE;
	}
	return (int)ch;
}

/* Keys typed while a write waited for another session's (ui_busy_hook),
 * handed out before the terminal's next ones. */
static int pending[256];
static size_t n_pending;

int ui_busy_hook(void *arg, unsigned waited_ms)
{
	struct ui *u = arg;
	if (waited_ms < 300 || u->too_small)
		return 0;
	ui_put(u->rows - 1, 0, u->cols, _("Waiting for another session's write… Esc gives up"),
	       ui_attr(u, UC_FLAG));
	batch_refresh();
	if (u->script)
		return 0;	/* the script's keys are not read under a wait */
	timeout(0);
	wint_t ch;
	int rc;
	while ((rc = wget_wch(stdscr, &ch)) != ERR) {
		int k = translate(rc, ch);
		if (k == K_ESC)
			return 1;
		if (k != K_NONE && n_pending < sizeof pending / sizeof pending[0])
			pending[n_pending++] = k;
	}
	return got_signal != 0;
}

int ui_getkey(struct ui *u, int timeout_ms)
{
	if (u->quit)
		return K_ESC;
	if (n_pending && !u->script) {
		int k = pending[0];
		memmove(pending, pending + 1, --n_pending * sizeof pending[0]);
		return k;
	}
	if (got_signal) {
		u->quit = 1;
		return K_ESC;
	}
	if (u->script) {
		/* The program is idle: everything is drawn. Feed the next key. */
		int k;
		while ((k = script_next()) == K_SCRIPT_SAVE) {
			const char *path = script_save_path();
			if (ui_save_screen(path))
				ui_message(u, UC_ERROR, _("cannot write %s"), path);
		}
		if (k < 0) {
			u->quit = 1;
			return K_ESC;
		}
		return k;
	}
	int errs = 0;
	for (;;) {
		struct timespec t0, t1;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		timeout(timeout_ms);
		wint_t ch;
		int rc = wget_wch(stdscr, &ch);
		if (got_signal) {
			u->quit = 1;
			return K_ESC;
		}
		if (rc != ERR)
			return translate(rc, ch);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		long ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
		if (timeout_ms >= 0 && ms + 5 >= timeout_ms)
			return K_NONE;	/* a real idle timeout */
		/* ERR at once, again and again: the terminal went away. */
		if (++errs > 50) {
			u->quit = 1;
			return K_ESC;
		}
	}
}

/* Printable ASCII (most of what is drawn) as cells with their attribute,
 * in one call: adding it letter by letter costs many times more. Padded
 * with blanks to w columns when pad. The columns drawn, or -1 when s is
 * not all printable ASCII or longer than w. */
static int put_ascii(int y, int x, int w, const char *s, int pad, int attr)
{
	chtype cells[512];
	if (w > (int)(sizeof cells / sizeof cells[0]))
		return -1;
	int n = 0;
	for (; s[n]; n++) {
		unsigned char ch = (unsigned char)s[n];
		if (n >= w || ch < 0x20 || ch >= 0x7F)
			return -1;
		cells[n] = (chtype)ch | (chtype)attr;
	}
	int total = n;
	while (pad && total < w)
		cells[total++] = (chtype)' ' | (chtype)attr;
	if (total > 0)
		mvaddchnstr(y, x, cells, total);
	if (x + total < COLS)
		move(y, x + total);
	return n;
}

void ui_put(int y, int x, int w, const char *s, int attr)
{
	if (w <= 0)
		return;
	char *c = text_clean(s ? s : "", 0);
	if (put_ascii(y, x, w, c, 1, attr) >= 0) {
		free(c);
		return;
	}
	size_t used = 0, fit = text_fit(c, (size_t)w, &used);
	attr_t old;
	short pair;
	attr_get(&old, &pair, NULL);
	attrset(attr);
	if (fit < strlen(c) && w >= 1) {
		fit = text_fit(c, (size_t)w - 1, &used);
		mvaddnstr(y, x, c, (int)fit);
		addstr("…");
		used++;
	} else {
		mvaddnstr(y, x, c, (int)fit);
	}
	/* The rest blank in one call: a blank added one at a time costs as
	 * much as a letter, and a row of the queue is mostly padding. */
	if (used < (size_t)w) {
		hline(' ', w - (int)used);
		if (x + w < COLS)
			move(y, x + w);
	}
	attrset(old);
	free(c);
}

/* Box lines as text: they survive the screen dump and need no ACS mode. */
static const char *glyph(int which)
{
	static const char *const utf8[] = {"─", "│", "┌", "┐", "└", "┘"};
	static const char *const ascii[] = {"-", "|", "+", "+", "+", "+"};
	return MB_CUR_MAX > 1 ? utf8[which] : ascii[which];
}

/* n copies of glyph(which) (0 across, 1 down) from (y, x), laid by curses
 * in one call: a string a cell was decoded cell by cell (about 1 500
 * instructions each, 0.25 M a frame). */
static void line_of(int y, int x, int n, int which, int attr)
{
	if (n <= 0)
		return;
	const char *g = glyph(which);
	if (MB_CUR_MAX > 1) {
		wchar_t s[2] = {L'\0', L'\0'};
		mbtowc(s, g, strlen(g));
		cchar_t c;
		setcchar(&c, s, (attr_t)attr & ~A_COLOR, (short)PAIR_NUMBER(attr), NULL);
		if (which)
			mvvline_set(y, x, &c, n);
		else
			mvhline_set(y, x, &c, n);
	} else {
		chtype c = (chtype)(unsigned char)g[0] | (chtype)attr;
		if (which)
			mvvline(y, x, c, n);
		else
			mvhline(y, x, c, n);
	}
}

void ui_hline(int y, int x, int w, int attr)
{
	line_of(y, x, w, 0, attr);
}

void ui_vline(int y, int x, int h, int attr)
{
	line_of(y, x, h, 1, attr);
}

void ui_box(int top, int left, int h, int w, int attr)
{
	attr_t old;
	short pair;
	attr_get(&old, &pair, NULL);
	attrset(attr);
	mvaddstr(top, left, glyph(2));
	ui_hline(top, left + 1, w - 2, attr);
	mvaddstr(top, left + w - 1, glyph(3));
	ui_vline(top + 1, left, h - 2, attr);
	ui_vline(top + 1, left + w - 1, h - 2, attr);
	mvaddstr(top + h - 1, left, glyph(4));
	ui_hline(top + h - 1, left + 1, w - 2, attr);
	mvaddstr(top + h - 1, left + w - 1, glyph(5));
	attrset(old);
}

int ui_put_raw(int y, int x, int w, const char *s, int attr)
{
	if (w <= 0)
		return 0;
	int n = put_ascii(y, x, w, s, 0, attr);
	if (n >= 0)
		return n;
	size_t used = 0, fit = text_fit(s, (size_t)w, &used);
	attr_t old;
	short pair;
	attr_get(&old, &pair, NULL);
	attrset(attr);
	mvaddnstr(y, x, s, (int)fit);
	attrset(old);
	return (int)used;
}

void ui_message(struct ui *u, int color, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(u->msg, sizeof u->msg, fmt, ap);
	va_end(ap);
	u->msg_color = color;
}

void ui_layout(struct ui *u)
{
	getmaxyx(stdscr, u->rows, u->cols);
	u->too_small = u->rows < UI_MIN_ROWS || u->cols < UI_MIN_COLS;
	u->wide = u->cols >= UI_WIDE_COLS;
}

int ui_save_screen(const char *path)
{
	host_user_begin();	/* the person's file: their rights only (ptce(8)) */
	FILE *f = fopen(path, "w");
	host_user_end();
	if (!f)
		return -1;
	int rows, cols;
	getmaxyx(stdscr, rows, cols);
	wchar_t *w = xcalloc((size_t)cols + 1, sizeof *w);
	char *mb = xmalloc((size_t)cols * MB_CUR_MAX + 1);
	for (int y = 0; y < rows; y++) {
		int n = mvinnwstr(y, 0, w, cols);
		if (n < 0)
			n = 0;
		w[n] = L'\0';
		size_t len = wcstombs(mb, w, (size_t)cols * MB_CUR_MAX);
		if (len == (size_t)-1)
			len = 0;
		mb[len] = '\0';
		while (len > 0 && mb[len - 1] == ' ')
			mb[--len] = '\0';
		fprintf(f, "%s\n", mb);
	}
	free(w);
	free(mb);
	return fclose(f);
}
