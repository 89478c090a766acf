/* ui.h - what every file of the interface shares: the state of a session
 * (struct ui) with the state of each panel, and the operations of a panel. */
#ifndef PTCE_UI_H
#define PTCE_UI_H

#include <stddef.h>

#include "cli/app.h"
#include "keys/keys.h"
#include "procedure/document.h"
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

/* The panels, as indexes of the panel table (struct ui's panels). */
enum ui_focus { F_QUEUE, F_DOSSIER, F_SCORING, F_COUNT };

/* Handler results, as htop does: only the main loop redraws. */
enum { H_REDRAW = 1, H_UNHANDLED = 4 };

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
	int anchored;		/* rows are the data's as it is: next pages seek from them */
	struct queue_anchor found;	/* the cursor's dossier and its place as
					 * the last reload counted it (pos -1:
					 * none): a page near it seeks from it */
	long long *tags;	/* tagged dossier ids */
	size_t n_tags, cap_tags;
	char *search;		/* last search text */
	struct queue_search_memo memo;	/* its count and last hit, between n and N */
	long long hits;		/* its number of hits */
};

struct dossier_state {
	long long id;		/* 0: none loaded */
	struct dossier *d;
	struct tlines lines;
	int width;		/* lines laid out for */
	int head;		/* the first lines (title, state...) stay in place */
	long long top;		/* first line shown below the head */
	int stale;
	struct document_info *docs;	/* its pièces jointes, as listed */
	size_t n_docs;
	size_t doc_cur;		/* the selected pièce */
	long long doc_line;	/* the first pièce's line in lines; -1: none */
	int doc_follow;		/* scroll to the selected pièce at the next draw */
	int shown;		/* lines shown at the last draw */
};

/* A text being typed: the comment editor, the prompt line. */
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
	int busy_hold;		/* an idle save met another session's write: wait for a key */
	struct editor ed;
	char *ds_number, *ptce_name;
};

struct ui;

/* What a panel does; the main loop and the frame call the focused panel's
 * operations through the table, never asking which panel it is. */
struct panel_ops {
	unsigned keys;			/* KP_* bit: the key actions it answers */
	int tags;			/* dossier actions take the tagged dossiers */
	enum ui_focus left, right;	/* wide screens: the two panels shown */
	/* pair - wide screens: the two panels shown now, when it depends on
	 * the state (NULL: left and right). */
	void (*pair)(struct ui *u, enum ui_focus *left, enum ui_focus *right);
	/* draw - fill the rectangle y, x, h rows, w columns. */
	void (*draw)(struct ui *u, int y, int x, int h, int w);
	/* key - a key action (and the key itself); H_UNHANDLED for the
	 * dossier actions of ui/actions.c. */
	int (*key)(struct ui *u, enum key_action a, int code);
	/* grab - keys before the keymap (a text being typed); NULL or
	 * H_UNHANDLED when it takes none. */
	int (*grab)(struct ui *u, int code);
	/* reload - the data changed (another session, a command): read again. */
	void (*reload)(struct ui *u);
	/* done - free what it holds (leaving the interface). */
	void (*done)(struct ui *u);
	/* hints - its main keys, for the message line when there is no message. */
	void (*hints)(struct ui *u, char *buf, size_t len);
	/* dossier - the dossier it is about; 0 for none. */
	long long (*dossier)(struct ui *u);
	/* next - the next-panel key (Tab). */
	void (*next)(struct ui *u);
	/* back - the back key (q, Esc, Left: code says which). */
	void (*back)(struct ui *u, int code);
};

struct ui {
	struct app *app;
	struct keymap km;
	int rows, cols;
	int colors;
	int wide;
	int too_small;
	const struct panel_ops *const *panels;	/* indexed by enum ui_focus */
	enum ui_focus focus;
	struct queue_state q;
	struct dossier_state dt;
	struct scoring_state sc;
	char msg[1024];
	int msg_color;
	long long data_version;
	int quit;
	int script;		/* keys come from PTCE_SCRIPT */
};

#endif
