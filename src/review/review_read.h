/* review_read.h - a review as read from the database: its answers in the
 * order of the grid version it was given on, and that grid. No visibility
 * check here (review/visibility.h says who may see what). */
#ifndef PTCE_REVIEW_READ_H
#define PTCE_REVIEW_READ_H

#include <stddef.h>

#include "base/err.h"
#include "review/checklist.h"
#include "store/store.h"

/* One answer of a review. */
struct answer {
	char *criterion;	/* criterion id */
	char *value;		/* stored form (see criterion_normalize); NULL: unanswered */
	char *comment;		/* NULL: none */
	double points;		/* scale: points it weighs; 0 otherwise */
	char *updated_at, *updated_by;
};

struct review {
	long long id;
	long long dossier_id;
	char *ds_number;		/* the dossier's platform number */
	char *reviewer;			/* login of the author */
	char *reviewer_name;		/* display name */
	char *grid_id;			/* "phase2" */
	long long grid_version_id;	/* the grid version it was given on */
	char *grid_hash;		/* that version's hash (16 hex digits) */
	int phase;
	int submitted;			/* 0 draft, 1 submitted */
	long long revision;		/* bumps on every change (optimistic locking) */
	char *created_at, *updated_at, *updated_by, *submitted_at;
	double total;			/* sum of the answers' points */
	int eliminated;			/* an elimination rule applies */
	char *eliminated_by;		/* criterion id, or NULL */
	char *band;			/* band id for total (NULL when the grid has none) */
	struct answer *answers;		/* in the grid's order; unanswered ones included */
	size_t n_answers;
};

/* review_free - free and NULL the caller's pointer. */
void review_free(struct review **r);
/* review_list_free - free an array of n reviews and NULL the pointer. */
void review_list_free(struct review ***list, size_t n);
/* review_answer - the answer to criterion id in r, or NULL. */
const struct answer *review_answer(const struct review *r, const char *criterion);

/* review_find - the review of dossier_id by reviewer on grid_id, or *out
 * NULL when there is none (returns 0 either way). No visibility check. */
int review_find(struct store *s, long long dossier_id, const char *reviewer,
		const char *grid_id, struct review **out, struct perr *e);
/* review_load - a review by id with its answers. No visibility check. */
int review_load(struct store *s, long long review_id, struct review **out, struct perr *e);
/* review_grid - the grid version r was given on (grid_version_load of
 * r->grid_version_id): what r's answers mean, whatever the grid file says
 * today. Free *g with checklist_free. */
int review_grid(struct store *s, const struct review *r, struct checklist **g,
		struct perr *e);

/* For the other review modules, which read lists of reviews. */

/* review_query - the columns review_from_row reads, from reviews r joined to
 * their dossier d and grid version g, followed by where (its parameters
 * bound from fmt as stmt_query does); NULL with e filled. */
sqlite3_stmt *review_query(struct store *s, struct perr *e, const char *where,
			   const char *fmt, ...);
/* review_from_row - a review from the current row of review_query, without
 * its answers (see review_load_answers). */
struct review *review_from_row(sqlite3_stmt *st);
/* review_load_answers - fill r->answers: one per criterion of its grid
 * version, in the grid's order. */
int review_load_answers(struct store *s, struct review *r, struct perr *e);
/* review_read_all - every review st (from review_query) finds, in a fresh
 * array *list of *n, with their answers when with_answers is set; st is
 * finalized. On an error nothing is returned. */
int review_read_all(struct store *s, sqlite3_stmt *st, int with_answers, struct review ***list,
		    size_t *n, struct perr *e);

#endif
