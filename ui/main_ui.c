/* main_ui.c - the interface's main loop: draw, wait for a key (or, when
 * idle, for another session's change), hand the key's action to the panel
 * that has the focus through the panel table. Only this loop redraws. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "actions.h"
#include "base/i18n.h"
#include "cli/cli.h"
#include "command.h"
#include "dossier_panel.h"
#include "frame.h"
#include "help.h"
#include "main_ui.h"
#include "panel.h"
#include "prompt.h"
#include "queue_panel.h"
#include "queue_rows.h"
#include "review_actions.h"
#include "scoring_panel.h"
#include "screen.h"

/* The panels, indexed by enum ui_focus: a new panel is one line here. */
static const struct panel_ops *const panels[F_COUNT] = {
	[F_QUEUE] = &queue_panel,
	[F_DOSSIER] = &dossier_panel,
	[F_SCORING] = &scoring_panel,
};

/* Another session committed: show fresh data without a key press. */
static void idle(struct ui *u)
{
	scoring_flush(u);
	long long v = store_data_version(u->app->store);
	if (v == u->data_version)
		return;
	u->data_version = v;
	panel_reload_all(u);
}

static void help(struct ui *u, int code)
{
	(void)code;
	ui_help(u);
}

static void quit(struct ui *u, int code)
{
	(void)code;
	u->quit = 1;
}

static void command(struct ui *u, int code)
{
	(void)code;
	char *line = NULL;
	if (ui_prompt(u, ":", "", &line) == 0) {
		ui_command(u, line);
		free(line);
	}
}

static void refresh_all(struct ui *u, int code)
{
	(void)code;
	u->data_version = -1;
	idle(u);
	clearok(curscr, TRUE);
}

static void next_panel(struct ui *u, int code)
{
	(void)code;
	panel_focused(u)->next(u);
}

static void back(struct ui *u, int code)
{
	panel_focused(u)->back(u, code);
}

/* The actions every panel answers the same way (or through its own
 * next and back operations). */
static const struct {
	enum key_action action;
	void (*run)(struct ui *u, int code);
} global_keys[] = {
	{KA_HELP, help}, {KA_QUIT, quit}, {KA_COMMAND, command},
	{KA_REFRESH, refresh_all}, {KA_NEXT_PANEL, next_panel}, {KA_BACK, back},
};

static void handle_key(struct ui *u, int k)
{
	const struct panel_ops *p = panel_focused(u);
	if (p->grab && !(p->grab(u, k) & H_UNHANDLED))
		return;
	enum key_action a = keymap_lookup(&u->km, p->keys, k);
	if (a == KA_NONE) {
		char name[32];
		ui_message(u, UC_ERROR, _("%s does nothing here; press ? for the keys"),
			   key_format(k, name, sizeof name));
		return;
	}
	if (a != KA_COMMAND)
		u->msg[0] = '\0';
	for (size_t i = 0; i < sizeof global_keys / sizeof global_keys[0]; i++)
		if (global_keys[i].action == a) {
			global_keys[i].run(u, k);
			return;
		}
	if (p->key(u, a, k) & H_UNHANDLED)
		action_run(u, a);
}

/* Key bindings: the configuration's 'keys' file, else
 * $XDG_CONFIG_HOME/ptce/keys.yaml when there is one; 0 or an exit code. */
static int load_keys(struct ui *u)
{
	struct app *app = u->app;
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
	if (!keys)
		return 0;
	struct perr e = {0};
	int rc = keymap_load_file(&u->km, keys, &e);
	free(keys);
	return rc ? cli_report(app, &e) : 0;
}

static void run(struct ui *u)
{
	int seconds = u->app->cfg.refresh_seconds;
	int refresh_ms = seconds > 0 ? seconds * 1000 : 1000;
	if (refresh_ms > 2000)
		refresh_ms = 2000;	/* others' changes show within two seconds */
	while (!u->quit) {
		ui_draw(u);
		int k = ui_getkey(u, u->script ? -1 : refresh_ms);
		if (u->quit)
			break;
		if (k == K_NONE) {
			idle(u);
			continue;
		}
		if (k == K_RESIZE) {
			u->dt.width = 0;	/* lay the dossier out again */
			continue;
		}
		if (u->too_small) {
			if (k == 'Q' || k == 'q')
				u->quit = 1;
			continue;
		}
		handle_key(u, k);
	}
}

int ui_main(struct app *app)
{
	struct ui u;
	memset(&u, 0, sizeof u);
	u.app = app;
	u.panels = panels;
	keymap_defaults(&u.km);
	int rc = load_keys(&u);
	if (rc)
		return rc;
	if (screen_init(&u))
		return 1;
	ui_layout(&u);
	queue_rows_init(&u);
	u.data_version = store_data_version(app->store);
	store_busy_hook(app->store, ui_busy_hook, &u);
	run(&u);
	/* Whatever is being written is saved before the terminal goes back. */
	for (int i = F_COUNT - 1; i >= 0; i--)
		panels[i]->done(&u);
	review_actions_done();
	store_busy_hook(app->store, NULL, NULL);
	screen_done();
	return 0;
}
