/* main_ui.c - the interface's main loop: draw, wait for a key (or, when
 * idle, for another session's change), hand the key's action to the panel
 * that has the focus. Only this loop redraws. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/i18n.h"
#include "ui.h"

static unsigned focus_panel(const struct ui *u)
{
	switch (u->focus) {
	case F_QUEUE: return KP_QUEUE;
	case F_DOSSIER: return KP_DOSSIER;
	case F_SCORING: return KP_SCORING;
	}
	return KP_QUEUE;
}

/* Another session committed: show fresh data without a key press. */
static void idle(struct ui *u)
{
	if (u->sc.editing)
		scoring_flush(u);
	long long v = store_data_version(u->app->store);
	if (v == u->data_version)
		return;
	u->data_version = v;
	queue_panel_reload(u);
	u->dt.stale = 1;
	if (u->sc.grid && !u->sc.editing)
		scoring_reload(u);
}

static void open_dossier(struct ui *u)
{
	long long id = queue_current(u);
	if (!id)
		return;
	detail_show(u, id);
	u->focus = F_DOSSIER;
	u->right_open = 1;
}

static void go_back(struct ui *u, int key)
{
	switch (u->focus) {
	case F_QUEUE:
		if (key != K_ESC && key != K_LEFT)
			u->quit = 1;	/* q quits from the queue; Esc never does */
		break;
	case F_DOSSIER:
		u->focus = F_QUEUE;
		u->right_open = 0;
		break;
	case F_SCORING:
		scoring_close(u);
		u->focus = F_DOSSIER;
		u->dt.stale = 1;
		queue_panel_reload(u);
		break;
	}
}

static void next_panel(struct ui *u)
{
	switch (u->focus) {
	case F_QUEUE:
		if (u->sc.grid) {
			u->focus = F_SCORING;
		} else {
			open_dossier(u);
		}
		break;
	case F_DOSSIER:
		u->focus = u->sc.grid ? F_SCORING : F_QUEUE;
		break;
	case F_SCORING:
		u->focus = F_QUEUE;
		break;
	}
}

static void handle_key(struct ui *u, int k)
{
	if (u->focus == F_SCORING && u->sc.editing) {
		scoring_key(u, KA_NONE, k);
		return;
	}
	enum key_action a = keymap_lookup(&u->km, focus_panel(u), k);
	if (a == KA_NONE) {
		char name[32];
		ui_message(u, UC_ERROR, _("%s does nothing here; press ? for the keys"),
			   key_format(k, name, sizeof name));
		return;
	}
	if (a != KA_COMMAND)
		u->msg[0] = '\0';
	switch (a) {
	case KA_HELP:
		ui_help(u);
		return;
	case KA_QUIT:
		u->quit = 1;
		return;
	case KA_COMMAND: {
		char *line = NULL;
		if (ui_prompt(u, ":", "", &line) == 0) {
			ui_command(u, line);
			free(line);
		}
		return;
	}
	case KA_REFRESH:
		u->data_version = -1;
		idle(u);
		clearok(curscr, TRUE);
		return;
	case KA_NEXT_PANEL:
		next_panel(u);
		return;
	case KA_BACK:
		go_back(u, k);
		return;
	case KA_OPEN:
		open_dossier(u);
		return;
	default:
		break;
	}
	int r = H_UNHANDLED;
	switch (u->focus) {
	case F_QUEUE: r = queue_panel_key(u, a); break;
	case F_DOSSIER: r = detail_panel_key(u, a); break;
	case F_SCORING: r = scoring_key(u, a, k); break;
	}
	if (r & H_UNHANDLED)
		action_run(u, a);
}

int ui_main(struct app *app)
{
	struct ui u;
	memset(&u, 0, sizeof u);
	u.app = app;
	keymap_defaults(&u.km);
	/* Key bindings: the configuration's 'keys' file, else
	 * $XDG_CONFIG_HOME/ptce/keys.yaml when there is one. */
	char *keys = app->cfg.keys ? xstrdup(app->cfg.keys) : NULL;
	if (!keys) {
		const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
		char *p = xdg && *xdg ? xasprintf("%s/ptce/keys.yaml", xdg)
				      : xasprintf("%s/.config/ptce/keys.yaml", home ? home : "");
		if (access(p, F_OK) == 0)
			keys = p;
		else
			free(p);
	}
	if (keys) {
		struct perr e = {0};
		int rc = keymap_load_file(&u.km, keys, &e);
		free(keys);
		if (rc)
			return cli_report(app, &e);
	}
	if (screen_init(&u))
		return 1;
	ui_layout(&u);
	queue_panel_init(&u);
	u.data_version = store_data_version(app->store);
	int refresh_ms = app->cfg.refresh_seconds > 0 ? app->cfg.refresh_seconds * 1000 : 1000;
	if (refresh_ms > 2000)
		refresh_ms = 2000;	/* others' changes show within two seconds */
	while (!u.quit) {
		ui_draw(&u);
		int k = ui_getkey(&u, u.script ? -1 : refresh_ms);
		if (u.quit)
			break;
		if (k == K_NONE) {
			idle(&u);
			continue;
		}
		if (k == K_RESIZE) {
			u.dt.width = 0;	/* lay the dossier out again */
			continue;
		}
		if (u.too_small) {
			if (k == 'Q' || k == 'q')
				u.quit = 1;
			continue;
		}
		handle_key(&u, k);
	}
	/* Whatever is being written is saved before the terminal goes back. */
	scoring_flush(&u);
	scoring_close(&u);
	detail_panel_done(&u);
	queue_panel_done(&u);
	screen_done();
	return 0;
}
