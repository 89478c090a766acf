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

#include "procedure.h"
__attribute__((weak)) int guard_phase1_retained(struct store *s, long long id, const struct actor *a,
						const struct move_request *req, struct perr *e)
{ (void)s; (void)id; (void)a; (void)req; (void)e; return 0; }
__attribute__((weak)) int guard_phase2_funded(struct store *s, long long id, const struct actor *a,
					      const struct move_request *req, struct perr *e)
{ (void)s; (void)id; (void)a; (void)req; (void)e; return 0; }
__attribute__((weak)) int guard_after_move(struct store *s, long long id, const struct actor *a,
					   const struct transition_def *t, const struct move_request *req,
					   const char *at, struct perr *e)
{ (void)s; (void)id; (void)a; (void)t; (void)req; (void)at; (void)e; return 0; }
