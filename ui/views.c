/* views.c - choosing what the queue shows by name: the built-in views and
 * the reviewer's saved ones (workflow/queue_views.h keeps them per login in
 * the database). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "prompt.h"
#include "queue_rows.h"
#include "screen.h"
#include "views.h"
#include "workflow/queue_views.h"

/* The built-in views in the order of their keys 1-6. */
static const enum queue_view builtin[] = {QV_TODO, QV_MINE, QV_REVIEW, QV_PHASE2, QV_ALL, QV_OVERDUE};
#define N_BUILTIN (sizeof builtin / sizeof builtin[0])

void ui_show_view(struct ui *u, enum queue_view v)
{
	u->q.spec.view = v;
	u->q.cur = 0;
	u->q.top = 0;
	queue_rows_reload(u);
	ui_message(u, UC_NORMAL, _("View: %s (%lld)"), queue_view_label(v), u->q.count);
}

/* Show a saved view (filters and sort included). */
static void show_saved(struct ui *u, const struct saved_view *v)
{
	struct perr e = {0};
	if (queue_view_apply(v, &u->q.spec, &e) < 0) {
		ui_message(u, UC_ERROR, "%s", e.msg);
		return;
	}
	u->q.cur = u->q.top = 0;
	queue_rows_reload(u);
	ui_message(u, UC_NORMAL, _("View: %s (%lld)"), v->name, u->q.count);
}

void ui_views_menu(struct ui *u)
{
	struct saved_view *sv = NULL;
	size_t n = 0;
	struct perr e = {0};
	if (queue_view_list(u->app->store, u->app->actor.login, &sv, &n, &e) < 0)
		ui_message(u, UC_ERROR, "%s", e.msg);
	size_t total = N_BUILTIN + n;
	char **items = xcalloc(total, sizeof *items);
	for (size_t i = 0; i < N_BUILTIN; i++)
		items[i] = xstrdup(queue_view_label(builtin[i]));
	for (size_t i = 0; i < n; i++)
		items[N_BUILTIN + i] = xasprintf(_("%s (saved: %s%s%s)"), sv[i].name, sv[i].view,
						 *sv[i].filter ? ", " : "", sv[i].filter);
	int k = ui_menu(u, _("Views (:view save NAME adds yours)"), (const char *const *)items, (int)total);
	if (k >= 0 && (size_t)k < N_BUILTIN)
		ui_show_view(u, builtin[k]);
	else if (k >= 0)
		show_saved(u, &sv[(size_t)k - N_BUILTIN]);
	for (size_t i = 0; i < total; i++)
		free(items[i]);
	free(items);
	queue_view_list_free(&sv, n);
}

/* The rest of the words from av[from], joined: a name may hold spaces. */
static char *joined(int argc, char **av, int from)
{
	char *s = xstrdup("");
	for (int i = from; i < argc; i++)
		xappendf(&s, "%s%s", i > from ? " " : "", av[i]);
	return s;
}

void ui_view_command(struct ui *u, int argc, char **av)
{
	struct perr e = {0};
	const char *login = u->app->actor.login;
	if (argc == 1) {
		ui_views_menu(u);
		return;
	}
	int save = strcmp(av[1], "save") == 0, del = strcmp(av[1], "delete") == 0;
	char *name = joined(argc, av, save || del ? 2 : 1);
	if (save && queue_view_save(u->app->store, login, name, &u->q.spec, &e) == 0) {
		ui_message(u, UC_OK, _("View '%s' saved: v lists it beside the built-in ones."), name);
	} else if (del && queue_view_delete(u->app->store, login, name, &e) == 0) {
		ui_message(u, UC_OK, _("View '%s' deleted."), name);
	} else if (!save && !del) {
		struct saved_view v;
		if (queue_view_find(u->app->store, login, name, &v, &e) == 0) {
			show_saved(u, &v);
			saved_view_clear(&v);
		}
	}
	if (e.msg[0])
		ui_message(u, UC_ERROR, "%s", e.msg);
	free(name);
}
