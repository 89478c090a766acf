/* ui.h - what the interface's files share: the state of a session, the
 * screen helpers, and one small set of functions per panel. */
#ifndef PTCE_UI_H
#define PTCE_UI_H

#include <stddef.h>
#include <stdio.h>

#include "cli/commands.h"
#include "keys/keys.h"
#include "procedure/dossier.h"
#include "review/checklist.h"
#include "review/review.h"
#include "workflow/queue.h"

#define UI_MIN_COLS 80
#define UI_MIN_ROWS 24
#define UI_WIDE_COLS 160	/* from here the queue and the dossier sit side by side */

/* Colour roles (pairs), with a monochrome attribute each. */
enum ui_color {
	UC_NORMAL, UC_TITLE, UC_STATUS, UC_CURSOR, UC_HEADER, UC_SECTION, UC_LABEL,
	UC_OVERDUE, UC_ERROR, UC_OK, UC_FLAG, UC_TAGGED, UC_DIM, UC_COUNT
};

/* Which panel has the keyboard. */
enum ui_focus { F_QUEUE, F_DOSSIER, F_SCORING };

/* Handler results, as htop does: only the main loop redraws. */
enum { H_DONE = 0, H_REDRAW = 1, H_RELOAD = 2, H_UNHANDLED = 4 };

/* One line of a text panel (dossier, pager). */
struct tline {
	char *text;		/* clean, fits the width it was laid out for */
	int color;		/* enum ui_color */
	int bold;
	int section;		/* starts a section (for [ and ]) */
};

struct tlines {
	struct tline *v;
	size_t n, cap;
	int width;		/* wrap width for results (0: 78) */
};

struct queue_state {
	struct queue_spec spec;
	long long count;
	long long cur, top;
	long long cur_id;	/* dossier under the cursor, kept across reloads */
	struct queue_row *rows;	/* rows [rows_off, rows_off + n_rows) */
	size_t n_rows;
	long long rows_off;
	int stale;		/* refetch before drawing */
	long long *tags;	/* tagged dossier ids */
	size_t n_tags, cap_tags;
	char *search;		/* last search text */
	long long hits;		/* its number of hits */
};

struct detail_state {
	long long id;		/* 0: none loaded */
	struct dossier *d;
	struct tlines lines;
	int width;		/* lines laid out for */
	long long top;
	int stale;
};

struct editor {
	char *buf;		/* UTF-8 */
	size_t len, cap, cur;	/* cur: byte offset */
	long long top;		/* first shown line */
	int dirty;		/* changed since last saved */
};

struct scoring_state {
	long long dossier_id;
	struct checklist *grid;
	struct review *rev;
	long long revision;
	size_t cur;		/* criterion index */
	long long top;
	int editing;
	struct editor ed;
	char *ds_number, *ptce_name;
};

struct ui {
	struct app *app;
	struct keymap km;
	int rows, cols;
	int colors;
	int wide;
	int too_small;
	enum ui_focus focus;
	int right_open;		/* narrow screens: the dossier/scoring panel is shown */
	struct queue_state q;
	struct detail_state dt;
	struct scoring_state sc;
	char msg[1024];
	int msg_color;
	long long data_version;
	int quit;
	int script;		/* keys come from PTCE_SCRIPT */
};

/* ui_main - run the interface on an open app; the exit code. */
int ui_main(struct app *app);

/* ---- screen.c ---- */
int screen_init(struct ui *u);
void screen_done(void);
/* ui_getkey - the next key (enum key_code space): from the script when
 * scripting, else the terminal; K_NONE on an idle timeout. Sets u->quit on
 * SIGHUP/SIGTERM or at the end of the script. */
int ui_getkey(struct ui *u, int timeout_ms);
/* ui_attr - the curses attribute of a colour role. */
int ui_attr(struct ui *u, int color);
/* ui_put - draw s (cleaned) at y,x in exactly w columns (cut with …, padded). */
void ui_put(int y, int x, int w, const char *s, int attr);
/* ui_put_raw - draw a string already clean, cut to w columns, no padding. */
int ui_put_raw(int y, int x, int w, const char *s, int attr);
/* ui_hline, ui_vline, ui_box - lines drawn with box characters as text. */
void ui_hline(int y, int x, int w, int attr);
void ui_vline(int y, int x, int h, int attr);
void ui_box(int top, int left, int h, int w, int attr);
/* ui_message - set the message line (color UC_ERROR for errors). */
void ui_message(struct ui *u, int color, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void ui_draw(struct ui *u);
void ui_layout(struct ui *u);
/* ui_save_screen - dump the screen text to path (one line per row, trailing
 * blanks trimmed). */
int ui_save_screen(const char *path);
/* ui_check_signals - true when SIGHUP/SIGTERM arrived. */
int ui_signalled(void);

/* ---- script.c ---- */
int script_open(const char *path, struct perr *e);
/* script_next - next key of the script, or -1 at its end; K_SCRIPT_SAVE
 * asks for a screen dump to script_save_path(). */
int script_next(void);
const char *script_save_path(void);
#define K_SCRIPT_SAVE (K_NONE + 1)
void script_close(void);

/* ---- tlines (text.c of the interface) ---- */
void tl_clear(struct tlines *t);
void tl_add(struct tlines *t, int color, int bold, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* tl_add_wrapped - add text cleaned and wrapped at width, each line
 * prefixed by indent spaces. */
void tl_add_wrapped(struct tlines *t, int color, const char *text, int width, int indent);
/* tl_add_field - "label: value" with the value wrapped under itself. */
void tl_add_field(struct tlines *t, const char *label, int label_w, const char *value, int width);
void tl_draw(struct ui *u, const struct tlines *t, long long top, int y, int x, int h, int w);

/* ---- queue panel ---- */
void queue_panel_init(struct ui *u);
void queue_panel_done(struct ui *u);
void queue_panel_draw(struct ui *u, int y, int x, int h, int w);
int queue_panel_key(struct ui *u, enum key_action a);
/* queue_panel_reload - recount and keep the cursor on the same dossier. */
void queue_panel_reload(struct ui *u);
/* queue_current - dossier id under the cursor, 0 when the queue is empty. */
long long queue_current(struct ui *u);
const struct queue_row *queue_current_row(struct ui *u);
int queue_is_tagged(struct ui *u, long long id);
int queue_height(struct ui *u);

/* ---- dossier panel ---- */
void detail_panel_done(struct ui *u);
void detail_panel_draw(struct ui *u, int y, int x, int h, int w);
int detail_panel_key(struct ui *u, enum key_action a);
/* detail_show - load dossier id (again); keeps the scroll when same id. */
void detail_show(struct ui *u, long long id);

/* ---- scoring panel ---- */
/* scoring_open - open (or create) my review of dossier id; 0 on success. */
int scoring_open(struct ui *u, long long id);
void scoring_close(struct ui *u);
void scoring_draw(struct ui *u, int y, int x, int h, int w);
int scoring_key(struct ui *u, enum key_action a, int code);
/* scoring_flush - save the comment being written (SIGHUP, idle, leaving). */
void scoring_flush(struct ui *u);
void scoring_reload(struct ui *u);

/* ---- prompt.c ---- */
/* ui_prompt - read one line at the bottom; 0 with *out (fresh), -1 when
 * cancelled with Esc. */
int ui_prompt(struct ui *u, const char *label, const char *initial, char **out);
/* ui_menu - choose one of n items (letters or digits pick); -1 cancelled. */
int ui_menu(struct ui *u, const char *title, const char *const *items, int n);
/* ui_confirm - y / n question; 1 for yes. text may hold several lines. */
int ui_confirm(struct ui *u, const char *title, const char *text);

/* ---- pager.c ---- */
/* ui_pager - show lines in an overlay until q / Esc. */
void ui_pager(struct ui *u, const char *title, struct tlines *t);
/* ui_pager_text - the same for a block of (untrusted) text, wrapped. */
void ui_pager_text(struct ui *u, const char *title, const char *text);
/* ui_pager_lines - command output: one screen line per line, cut, not wrapped. */
void ui_pager_lines(struct ui *u, const char *title, const char *text);

/* ---- help.c ---- */
void ui_help(struct ui *u);

/* ---- command.c ---- */
/* ui_command - the ':' line: ui-internal commands or a ptce subcommand. */
void ui_command(struct ui *u, const char *line);

/* ---- actions.c ---- */
int action_run(struct ui *u, enum key_action a);
/* ui_report - show e (a refusal, a conflict) and reload for P_CONFLICT. */
void ui_report(struct ui *u, const struct perr *e);

#endif
