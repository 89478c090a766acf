/* pending.c - TEMPORARY weak definitions so the tree links while parallel
 * work lands; each is overridden by the real one. Removed before release. */
#include "app.h"
#include "i18n.h"

#define PENDING(fn) \
	__attribute__((weak)) int fn(struct app *app, int argc, char **argv) \
	{ (void)argc; (void)argv; fprintf(app->err, "ptce: %s\n", "not built yet"); return 70; }
PENDING(cmd_import)
PENDING(cmd_export)
PENDING(cmd_score)
PENDING(cmd_scores)
PENDING(cmd_conflict)
PENDING(cmd_opinion)
PENDING(cmd_ranking)
PENDING(cmd_checklist)
PENDING(cmd_campaign)
PENDING(cmd_doc)

int ui_main(struct app *app);
__attribute__((weak)) int ui_main(struct app *app)
{
	fprintf(app->err, "ptce: %s\n", "interface not built yet");
	return 70;
}

__attribute__((weak)) int demo_fill(struct app *app, struct perr *e)
{
	(void)app;
	return perr_set(e, P_INTERNAL, "demo not built yet");
}
