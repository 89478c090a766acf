/* dossiers_data.h - the tables of the demo: its dossiers with what happens to
 * each (its fate), the paths through the procedure that fates follow, and the
 * invented people of the regional and national cells. */
#ifndef PTCE_DOSSIERS_DATA_H
#define PTCE_DOSSIERS_DATA_H

#include <stddef.h>

/* The paths through the procedure a fate follows: an index of demo_paths[]. */
enum demo_path {
	PATH_SUBMITTED,		/* deposited, nobody took it yet */
	PATH_PHASE1,		/* instruction opened */
	PATH_BOUQUET,		/* retained in phase 1 */
	PATH_PHASE2,		/* oriented to phase 2 */
	PATH_FUNDED,		/* laureate */
	PATH_BACK_TO_BOUQUET,	/* phase 2 not retained: keeps the bouquet */
	PATH_REJECTED,		/* not retained in phase 1 */
	PATH_WITHDRAWN_EARLY,	/* withdrawn before instruction */
	PATH_WITHDRAWN_LATE,	/* withdrawn during phase 2 */
	PATH_COUNT
};

/* What one step of a path does; a path ends at its first STEP_END. */
enum demo_step_kind {
	STEP_END,
	STEP_OPEN,	/* the first instructeur moves it to 'to' (instruction); n instructeurs assigned */
	STEP_REVIEWS1,	/* phase 1 reviews, by the dossier's p1_plan or else the step's plan */
	STEP_REVIEWS2,	/* phase 2 reviews, by the dossier's p2_answers */
	STEP_EXTRAS,	/* the dossier's extra assignment, compléments and expert opinion */
	STEP_MOVE,	/* the coordinateur moves the dossier to 'to', motivated */
};

/* Times are fractions of the days between the deposit (1) and today (0):
 * a story keeps its shape whatever the deposit date, and each event must
 * come at a smaller fraction than the one before. */
struct demo_step {
	enum demo_step_kind kind;
	double at;
	const char *to;		/* STEP_OPEN, STEP_MOVE: the state */
	const char *reason;	/* STEP_MOVE: the motivation; NULL: the dossier's decision */
	double validated;	/* STEP_MOVE: when the national cell validated it (funding), or 0 */
	const char *plan;	/* STEP_REVIEWS1: the reviews when the dossier gives none */
	int n;			/* STEP_OPEN: how many instructeurs are assigned */
};

#define DEMO_MAX_STEPS 8

/* A path through the procedure and the status Démarches Simplifiées shows
 * for the dossiers that follow it. */
struct demo_path_def {
	const char *ds_status;
	struct demo_step steps[DEMO_MAX_STEPS];
};

extern const struct demo_path_def demo_paths[PATH_COUNT];

/* Who an extra assignment names. */
enum demo_assignee {
	ASSIGN_NONE,
	ASSIGN_ME,	/* the account running ptce init --demo, to try things on */
	ASSIGN_FIRST,	/* the first instructeur (before instruction opens) */
};

/* What happens to a dossier: its path, and what the path's steps take from
 * the dossier. Every field but the path may be left out. */
struct demo_fate {
	enum demo_path path;
	const char *reviewers[2];	/* the two instructeurs; NULL: in turn from the pool */
	/* Phase 1 reviews, one letter per instructeur: 'S' submitted, 'D'
	 * draft, '-' none. */
	const char *p1_plan;
	const char *p1_answers;		/* gates not met ("R5=no R7=no"); the others are met */
	/* Phase 2 reviews on the 0..4 scale of criteria A-G ("A=4 B=3 ..."):
	 * the two instructeurs', then a third reviewer's, assigned for it; a
	 * leading '~' leaves the review a draft. */
	const char *p2_answers[3];
	struct {
		const char *login, *text;
		double at;
	} conflict;			/* declared before anything else happens */
	struct {
		enum demo_assignee who;
		double at;
	} assign;
	struct {
		const char *by, *note;
		double at;
		int due_days;		/* from today; negative: overdue */
	} complements;			/* the accounts are then missing from the pieces */
	struct {
		const char *expert, *question, *answer;	/* answer NULL: still pending */
		double asked, answered;
		int favourable;
	} opinion;
	const char *decision;		/* the motivation of a move that takes the dossier's */
};

/* Member lines are "C|name|role|commitment": C is the member's category
 * (E ESS, P entreprise, L collectivité-EPCI, R recherche-enseignement,
 * F formation, H citoyens, A autre; décret 2015-431 asks for an E, a P and
 * one other actor of article 9 of loi 2014-856), commitment c convention,
 * g instance, l lettre. */
#define DEMO_MAX_MEMBERS 8

struct demo_dossier {
	const char *ptce, *lead, *form;
	int esus;
	const char *address, *dept;
	const char *rep, *contact, *slug;
	const char *stage;		/* emergent / existant */
	const char *territory, *ttype;	/* rural / urbain / qpv / outre-mer */
	const char *sectors, *themes;
	const char *phase;		/* P1 / P2 / P1+P2 */
	unsigned needs;			/* bits over bouquet_themes[] */
	const char *description, *diagnosis;
	double fte;
	long long budget, amount;
	int deposited;			/* days ago */
	const char *members[DEMO_MAX_MEMBERS];
	struct demo_fate fate;
};

extern const struct demo_dossier demo_dossiers[];
extern const size_t demo_n_dossiers;

struct demo_person {
	const char *login, *name, *org, *email;
	unsigned roles;
};

extern const struct demo_person demo_people[];
extern const size_t demo_n_people;

/* The coordinateur who decides. The reviewers' pool: its first DEMO_N_TURN
 * instructeurs take the dossiers in turn; any of the pool (the coordinateur
 * reviews too) may be the third reviewer of phase 2. */
#define DEMO_COORDINATEUR "jlefebvre"
#define DEMO_N_TURN 3
extern const char *const demo_pool[];
extern const size_t demo_n_pool;

#endif
