/* guards.c - what a transition requires beyond roles and motivation.
 * The scoring work fills these in once reviews exist. */
#include "procedure.h"

int guard_phase1_retained(struct store *s, long long dossier_id, const struct actor *a,
			  const struct move_request *req, struct perr *e)
{
	(void)s; (void)dossier_id; (void)a; (void)req; (void)e;
	return 0;
}

int guard_phase2_funded(struct store *s, long long dossier_id, const struct actor *a,
			const struct move_request *req, struct perr *e)
{
	(void)s; (void)dossier_id; (void)a; (void)req; (void)e;
	return 0;
}

int guard_after_move(struct store *s, long long dossier_id, const struct actor *a,
		     const struct transition_def *t, const struct move_request *req,
		     const char *at, struct perr *e)
{
	(void)s; (void)dossier_id; (void)a; (void)t; (void)req; (void)at; (void)e;
	return 0;
}
