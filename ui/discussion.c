/* discussion.c - the reviewers' comments on a dossier (review/note.h, with
 * the visibility rules of reviews), as a section of the dossier panel. */
#include <stdio.h>
#include <stdlib.h>

#include "base/fmt.h"
#include "base/i18n.h"
#include "discussion.h"
#include "review/note.h"
#include "tlines.h"

void discussion_lines(struct ui *u, struct tlines *t, long long id, int width)
{
	struct note *notes = NULL;
	size_t n = 0, shown = 0;
	int hidden = 0;
	struct perr e = {0};
	tl_add(t, UC_NORMAL, 0, "%s", "");
	if (note_list(u->app->store, &u->app->actor, id, &notes, &n, &hidden, &e) < 0) {
		tl_add(t, UC_SECTION, 1, "%s", _("Discussion"));
		tl_add_wrapped(t, UC_ERROR, e.msg, width, 2);
		return;
	}
	for (size_t i = 0; i < n; i++)
		shown += !notes[i].imported;
	tl_add(t, UC_SECTION, 1, "%s (%zu)", _("Discussion"), shown);
	for (size_t i = 0; i < n; i++) {
		const struct note *x = &notes[i];
		if (x->imported)
			continue;
		/* The time as the history section below writes it. */
		char when[32];
		fmt_datetime(FMT_READER, x->at, when, sizeof when);
		tl_add(t, UC_LABEL, 1, "  %s · %s (%s)", when, x->author_name, x->author);
		tl_add_wrapped(t, UC_NORMAL, x->body, width, 4);
	}
	if (hidden)
		tl_add(t, UC_DIM, 0, P_("  %d comment is hidden from you for now.",
					"  %d comments are hidden from you for now.", hidden), hidden);
	char key[16] = "";
	key_format(u->km.codes[KA_DISCUSS][0], key, sizeof key);
	if (key[0])
		tl_add(t, UC_DIM, 0, _("  %s: write a comment for the other reviewers"), key);
	note_list_free(&notes, n);
}
