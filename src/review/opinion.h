/* opinion.h - expert opinions (avis): a coordinateur asks an expert a
 * question about a dossier; the expert answers once, favourable or not. */
#ifndef PTCE_OPINION_H
#define PTCE_OPINION_H

#include <stddef.h>

#include "base/err.h"
#include "procedure/actor.h"
#include "store/store.h"

/* An expert opinion (avis) asked by a coordinateur. */
struct opinion {
	long long id, dossier_id;
	char *ds_number, *ptce_name;
	char *expert, *expert_name, *question, *asked_by, *asked_at;
	int answered;
	int favourable;		/* 1 favourable, 0 défavorable (when answered) */
	char *answer, *answered_at;
	int age_days;		/* days since asked (unanswered requests) */
};

/* opinion_ask - a (coordinateur) asks expert (role expert) for an opinion on
 * dossier_id with a question; *id gets its number. */
int opinion_ask(struct store *s, const struct actor *a, long long dossier_id,
		const char *expert, const char *question, const char *at, long long *id,
		struct perr *e);
/* opinion_answer - the expert a answers request id, favourable or not, with
 * a text. Only the expert asked may answer; an answer is final (ask again
 * for a new one). */
int opinion_answer(struct store *s, const struct actor *a, long long id, int favourable,
		   const char *text, const char *at, struct perr *e);
/* opinion_list - opinions a may see: dossier_id 0 means every dossier;
 * pending_only keeps unanswered ones. An expert sees only requests made to
 * them; a conflicted reviewer none of that dossier. Oldest first. */
int opinion_list(struct store *s, const struct actor *a, long long dossier_id,
		 int pending_only, struct opinion **out, size_t *n, struct perr *e);
/* opinion_list_free - free n opinions and NULL the pointer. */
void opinion_list_free(struct opinion **o, size_t n);

#endif
