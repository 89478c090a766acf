/* review.h - reviews of dossiers on a grid: drafts saved answer by answer,
 * submit, reopen, conflicts of interest, who may see what, expert opinions.
 * The interface uses only these functions (it never runs SQL). */
#ifndef PTCE_REVIEW_H
#define PTCE_REVIEW_H

#include <stddef.h>
#include <stdio.h>

#include "base/err.h"
#include "procedure/actor.h"
#include "review/checklist.h"
#include "store/store.h"

/* Where a person stands on a dossier (the queue shows it per row). */
enum review_status {
	RS_NONE,	/* no review of mine */
	RS_DRAFT,	/* my review is started, not submitted */
	RS_SUBMITTED,	/* my review is submitted */
	RS_CONFLICT	/* I declared (or was declared in) a conflict of interest */
};

/* review_status_name - "none", "draft", "submitted", "conflict". */
const char *review_status_name(enum review_status s);

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

/* A review's own result on its grid. */
struct review_score {
	double total;			/* sum of the scale answers' points */
	int eliminated;			/* an elimination rule applies */
	const char *eliminated_by;	/* criterion id (points to the grid) */
	const struct band *band;	/* NULL when the grid has no bands */
};

/* review_compute - total, elimination and band of r on g. Pure. */
void review_compute(const struct checklist *g, const struct review *r,
		    struct review_score *out);

/* grid_version_store - record grid g (its text and hash) in grid_versions if
 * it is not there yet and return its id. Inside or outside a transaction. */
int grid_version_store(struct store *s, const struct checklist *g, const char *at,
		       long long *version_id, struct perr *e);
/* grid_version_load - the grid of a stored version, parsed from its stored
 * text (never from the file on disk, so old reviews keep their meaning). */
int grid_version_load(struct store *s, long long version_id, struct checklist **g,
		      struct perr *e);

/* review_find - the review of dossier_id by reviewer on grid_id, or *out
 * NULL when there is none (returns 0 either way). No visibility check. */
int review_find(struct store *s, long long dossier_id, const char *reviewer,
		const char *grid_id, struct review **out, struct perr *e);
/* review_load - a review by id with its answers. No visibility check. */
int review_load(struct store *s, long long review_id, struct review **out, struct perr *e);

/* review_open - a's own review of dossier_id on grid g, created as an empty
 * draft (recording g's version) when there is none. Refused (P_REFUSED) when
 * a may not score (role instructeur or coordinateur needed), is in conflict,
 * or the dossier is not in a state of g's phase (phase 1: submitted,
 * phase1; phase 2: phase2). An existing review keeps the grid version it
 * was created on even if g is newer (the interface may say so by comparing
 * r->grid_hash with g->hash). at: timestamp to record, NULL = now. */
int review_open(struct store *s, const struct actor *a, long long dossier_id,
		const struct checklist *g, const char *at, struct review **out,
		struct perr *e);

/* review_set_answer - save one answer of a's review at once, in its own
 * transaction. value is what a person typed (normalized with the review's
 * grid version); "" or NULL clears it. revision: in, the revision the caller
 * last saw (0 = don't check); out, the new revision. A revision that moved
 * is refused with P_CONFLICT naming who changed what and when. A submitted
 * review must be reopened first. */
int review_set_answer(struct store *s, const struct actor *a, long long review_id,
		      const char *criterion, const char *value, const char *at,
		      long long *revision, struct perr *e);
/* review_set_comment - save the comment of one criterion ("" or NULL clears
 * it); same rules as review_set_answer. */
int review_set_comment(struct store *s, const struct actor *a, long long review_id,
		       const char *criterion, const char *comment, const char *at,
		       long long *revision, struct perr *e);

/* review_missing - what keeps r from being submitted: a NULL-terminated
 * array of translated lines ("A: no answer", "C: a comment is needed when
 * the score is under 2"), empty when complete. Free with review_strv_free. */
char **review_missing(const struct checklist *g, const struct review *r);
/* review_strv_free - free a NULL-terminated string array and NULL it. */
void review_strv_free(char ***v);

/* review_submit - check completeness and submit. When something is missing
 * returns -1 with P_INVALID, e listing it, and *missing (if not NULL) the
 * lines of review_missing. Records the total and band, and a 'review'
 * history entry. revision as in review_set_answer. */
int review_submit(struct store *s, const struct actor *a, long long review_id,
		  const char *at, long long *revision, char ***missing, struct perr *e);
/* review_reopen - make a's submitted review a draft again; allowed to its
 * author while the dossier is still in a state of the grid's phase.
 * Recorded in history. revision as in review_set_answer. */
int review_reopen(struct store *s, const struct actor *a, long long review_id,
		  const char *at, long long *revision, struct perr *e);

/* An answer to write in one go (command line, demo data, $EDITOR form). */
struct review_input {
	const char *criterion;
	const char *value;	/* NULL: leave the answer as it is */
	const char *comment;	/* NULL: leave the comment as it is */
};

/* review_write - open (or create) a's review of dossier_id on g, save every
 * input in one transaction (all or nothing: the first invalid value refuses
 * the lot with its criterion named), then submit when submit is set, as a
 * second step: when something is missing the answers stay saved as a draft
 * and -1 is returned with P_INVALID listing it (*out is still filled). For
 * the command line and for demo data (explicit actor and timestamp). *out,
 * when not NULL, gets the review as saved. revision as in review_set_answer. */
int review_write(struct store *s, const struct actor *a, long long dossier_id,
		 const struct checklist *g, const struct review_input *in, size_t n,
		 int submit, const char *at, long long *revision, struct review **out,
		 struct perr *e);

/* What a person may see of the reviews of one dossier. */
enum review_visibility {
	VIS_ALL,		/* every review, drafts included (coordinateur) */
	VIS_SUBMITTED,		/* every submitted review and the aggregate */
	VIS_OWN,		/* only one's own (blind grid, own not submitted yet) */
	VIS_NONE		/* nothing (conflict of interest, expert, no role) */
};

/* review_visibility - what a may see of dossier_id's reviews on grid_id
 * (NULL: the grids of any phase). why (may be NULL) gets a translated
 * explanation when it is not VIS_ALL/VIS_SUBMITTED. Rules: a conflict of
 * interest hides everything; coordinateur sees all; a lecteur sees submitted
 * reviews; an instructeur sees submitted reviews of others once their own
 * is submitted, or at once when the grid is not blind; an expert sees none. */
int review_visibility(struct store *s, const struct actor *a, long long dossier_id,
		      const char *grid_id, enum review_visibility *vis, char **why,
		      struct perr *e);
/* review_list_visible - the reviews of dossier_id (grid_id NULL: every grid)
 * that a may see, own first, then by reviewer. *hidden gets how many exist
 * that a may not see (drafts of others are not counted). */
int review_list_visible(struct store *s, const struct actor *a, long long dossier_id,
			const char *grid_id, struct review ***out, size_t *n,
			int *hidden, struct perr *e);

/* One row of the queue: where a stands on a dossier, and the shared
 * figures when a may see them. */
struct review_row {
	enum review_status mine;	/* on the grid of the dossier's current phase */
	int phase;			/* 1 or 2 (from the dossier's state); 0 after it */
	int n_submitted;		/* submitted reviews of that phase */
	int visible;			/* a may see mean_total and divergent */
	int has_total;			/* at least one submitted review with points */
	double mean_total;		/* mean of the submitted reviews' totals */
	int divergent;			/* reviews differ by the grid's threshold */
	int gates_failed;		/* a submitted review says "no" on a blocking gate */
};

/* review_row_fill - the queue's figures for one dossier. Cost: three small
 * indexed queries (dossier state and conflict; a's review; an aggregate over
 * the phase's submitted reviews and answers) and no YAML parsing, since
 * totals, thresholds and blocking flags are stored with the reviews: fine
 * per visible row, not meant for thousands of rows at once. */
int review_row_fill(struct store *s, const struct actor *a, long long dossier_id,
		    struct review_row *out, struct perr *e);

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
/* conflict_check - *yes = login is in conflict on dossier_id. */
int conflict_check(struct store *s, long long dossier_id, const char *login, int *yes,
		   struct perr *e);
/* conflict_list - conflicts of dossier_id (0: every dossier). */
int conflict_list(struct store *s, long long dossier_id, struct conflict **out, size_t *n,
		  struct perr *e);
/* conflict_list_free - free n conflicts and NULL the pointer. */
void conflict_list_free(struct conflict **c, size_t n);

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

/* The $EDITOR form: a plain-text rendering of a review that a person edits
 * and that is read back. */

/* review_form_write - print r on grid g as an editable form to f. */
void review_form_write(FILE *f, const struct checklist *g, const struct review *r,
		       const char *ds_number, const char *ptce_name);
/* review_form_parse - read a form back: *in gets one input per criterion
 * found (strings point into a copy owned by *buf), *submit whether the
 * "submit: yes" line is set. An error names the line (P_INVALID). */
int review_form_parse(const struct checklist *g, const char *text, char **buf,
		      struct review_input **in, size_t *n, int *submit, struct perr *e);

#endif
