/* history.h - the append-only history of a dossier: every decision, with
 * who, when, from, to and why. Moves write their entries in workflow/move.c;
 * the rest (assignments, conflicts, reviews, compléments) go through
 * history_add. */
#ifndef PTCE_HISTORY_H
#define PTCE_HISTORY_H

#include "base/err.h"
#include "store/store.h"

/* A history entry, as stored. */
struct history_entry {
	long long id;
	char *at, *actor, *real_actor, *kind, *from_state, *to_state, *motivation, *detail;
	int override;
};

/* history_list - entries of a dossier, oldest first. */
int history_list(struct store *s, long long dossier_id,
		 int (*fn)(const struct history_entry *h, void *arg), void *arg,
		 struct perr *e);
/* history_add - append an entry that is not a state change (assignment,
 * conflict, review, complements...). Inside a transaction. */
int history_add(struct store *s, long long dossier_id, const char *at,
		const char *actor, const char *real_actor, const char *kind,
		const char *motivation, const char *detail, struct perr *e);

#endif
