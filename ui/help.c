/* help.c - the help overlay, made from the key table (src/keys/keys.c) and the
 * keys in effect, panel by panel, so it cannot drift from the bindings. */
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "help.h"
#include "pager.h"
#include "tlines.h"

void ui_help(struct ui *u)
{
	struct tlines t = {0};
	/* The keys' column fits the longest list of keys, so that every
	 * description starts in the same column. */
	int kw = 0;
	for (int a = 1; a < KA_COUNT; a++) {
		char keys[128];
		keymap_describe(&u->km, (enum key_action)a, keys, sizeof keys);
		int w = (int)text_width(keys);
		if (w > kw)
			kw = w;
	}
	if (kw > u->cols / 3)
		kw = u->cols / 3;
	for (int p = 0; p < KEY_PANEL_COUNT; p++) {
		unsigned panel = 1u << p;
		tl_add(&t, UC_SECTION, 1, "%s", key_panel_label(panel));
		for (int a = 1; a < KA_COUNT; a++) {
			if (!(key_actions[a].panels & panel))
				continue;
			char keys[128];
			keymap_describe(&u->km, (enum key_action)a, keys, sizeof keys);
			if (!keys[0])
				continue;
			tl_add_field(&t, keys, kw, _(key_actions[a].help), u->cols - 2);
		}
		tl_add(&t, UC_NORMAL, 0, "%s", "");
	}
	tl_add(&t, UC_SECTION, 1, "%s", _("Command line"));
	tl_add_wrapped(&t, UC_NORMAL, _(":COMMAND ARGS runs a ptce command as on the shell "
					"(:list, :show 12, :move 12 rejected --reason \"...\", :scores 12, "
					":ranking); its output opens here. :save-screen FILE writes "
					"the screen to FILE; :quit leaves."), u->cols - 2, 2);
	tl_add(&t, UC_NORMAL, 0, "%s", "");
	tl_add(&t, UC_SECTION, 1, "%s", _("Queue columns"));
	tl_add_wrapped(&t, UC_NORMAL, _("Flags: D reviews diverge, C compléments demandés, "
					"L compléments past their deadline, O a move decided against "
					"a guard (override). Total: the mean of the submitted reviews; "
					"for a phase 1 dossier its gates: met, block (a blocking gate "
					"is \"no\") or check (a gate is \"to check\"). Days in red: "
					"overdue for the state. * marks tagged dossiers."),
		       u->cols - 2, 2);
	tl_add(&t, UC_NORMAL, 0, "%s", "");
	tl_add(&t, UC_SECTION, 1, "%s", _("Views"));
	tl_add_wrapped(&t, UC_NORMAL, _(":view save NAME saves what the queue shows (view, "
					"filters, sort) under NAME, for you; v lists it beside the "
					"built-in views; :view NAME shows it, :view delete NAME forgets it."),
		       u->cols - 2, 2);
	ui_pager(u, _("Help: keys"), &t);
	tl_clear(&t);
}
