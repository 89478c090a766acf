/* conflict.h - conflicts of interest: a person declared in conflict on a
 * dossier sees none of its reviews and may not review it; and the shape
 * shared with opinion requests (a row about a person on a dossier). */
#ifndef PTCE_CONFLICT_H
#define PTCE_CONFLICT_H

#include <stddef.h>

#include "base/err.h"
#include "procedure/actor.h"
#include "review/dossier_brief.h"
#include "store/store.h"

/* A declared conflict of interest. */
struct conflict {
	long long id, dossier_id;
	char *reviewer, *reason, *declared_by, *declared_at;
};

/* conflict_declare - record that reviewer (NULL: a itself) is in conflict on
 * dossier_id, with a reason. Declaring for someone else needs coordinateur.
 * The reviewer's draft stays stored but counts nowhere; history records it. */
int conflict_declare(struct store *s, const struct actor *a, long long dossier_id,
		     const char *reviewer, const char *reason, const char *at,
		     struct perr *e);
/* conflict_withdraw - take back the conflict of reviewer (NULL: a itself)
 * on dossier_id, declared by mistake: its author (who declared it) or a
 * coordinateur may; why (may be NULL) is the motivation. History records
 * it ("conflict-withdrawn"). */
int conflict_withdraw(struct store *s, const struct actor *a, long long dossier_id,
		      const char *reviewer, const char *why, const char *at, struct perr *e);
/* conflict_check - *yes = login is in conflict on dossier_id. */
int conflict_check(struct store *s, long long dossier_id, const char *login, int *yes,
		   struct perr *e);
/* conflict_list - conflicts of dossier_id (0: every dossier). */
int conflict_list(struct store *s, long long dossier_id, struct conflict **out, size_t *n,
		  struct perr *e);
/* conflict_list_free - free n conflicts and NULL the pointer. */
void conflict_list_free(struct conflict **c, size_t n);

/* A conflict or an opinion request being recorded: a's row about person on
 * a dossier and its history entry, in one transaction. */
struct request {
	struct store *s;
	const struct actor *a;
	long long dossier_id;
	const char *person;		/* an active reviewer's login */
	const char *at;
	struct dossier_brief b;		/* the dossier, read by request_begin */
	unsigned roles;			/* person's roles */
	int conflicted;			/* person is in conflict on the dossier */
	long long id;			/* the row request_insert added */
};

/* request_begin - begin the transaction, read the dossier, person's roles
 * (P_NOTFOUND for no active reviewer) and conflict; on an error all is
 * rolled back. */
int request_begin(struct request *q, struct perr *e);
/* request_insert - run sql (an INSERT taking dossier, person, text, a's
 * login, at) and set q->id; what names it in errors. */
int request_insert(struct request *q, const char *sql, const char *text, const char *what,
		   struct perr *e);
/* request_end - add the history entry (kind, motivation, detail) and
 * commit; on an error roll back. Either way q's dossier is freed. */
int request_end(struct request *q, const char *kind, const char *motivation,
		const char *detail, struct perr *e);
/* request_fail - roll back and free q's dossier; returns -1. */
int request_fail(struct request *q);

#endif
