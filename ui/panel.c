/* panel.c - what the panels share through the table of struct ui: which one
 * has the focus, reading the data again, the dossier an action is about, and
 * the key hints each panel names in the message line. */
#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "panel.h"
#include "queue_rows.h"

const struct panel_ops *panel_focused(const struct ui *u)
{
	return u->panels[u->focus];
}

void panel_reload_all(struct ui *u)
{
	for (int i = 0; i < F_COUNT; i++)
		u->panels[i]->reload(u);
}

long long panel_dossier(struct ui *u)
{
	long long id = panel_focused(u)->dossier(u);
	return id ? id : queue_current(u);
}

void panel_hints(struct ui *u, char *buf, size_t len, const struct panel_hint *h, size_t n)
{
	size_t l = strlen(buf);
	for (size_t i = 0; i < n && l < len; i++) {
		int code = u->km.codes[h[i].action][0];
		if (!code)
			continue;
		char k[16];
		key_format(code, k, sizeof k);
		l += (size_t)snprintf(buf + l, len - l, "%s%s %s", l ? " · " : "", k, _(h[i].label));
	}
}
