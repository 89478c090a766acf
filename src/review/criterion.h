/* criterion.h - one criterion of a review grid and the answers it takes:
 * what a person types, what is stored, the points it weighs, its labels. */
#ifndef PTCE_CRITERION_H
#define PTCE_CRITERION_H

#include <stddef.h>

#include "base/err.h"

enum crit_type {
	CRIT_GATE,	/* yes / no / check (to check) */
	CRIT_SCALE,	/* integer min..max, weighs points */
	CRIT_CHOICE,	/* one of listed options */
	CRIT_TEXT	/* free comment */
};

/* The three answers of a gate, as stored ("yes", "no", "check"). */
extern const char *const gate_values[4];
/* The names of enum crit_type in order, NULL-terminated (as grid files write them). */
extern const char *const crit_type_names[5];

struct scale_level {
	int value;
	char *label, *label_en;	/* French label, optional English one */
};

struct choice_option {
	char *id;
	char *label, *label_en;
};

struct criterion {
	char *id;		/* unique in the grid: "A", "R1" */
	char *label, *label_en;	/* French label, optional English one */
	char *help, *help_en;	/* may be NULL */
	enum crit_type type;
	int section;		/* index into checklist.sections */
	int required;		/* an answer is needed to submit */
	int comment_required;	/* a comment is always needed */
	int comment_below;	/* scale: comment needed when value < this; INT_MIN = never */
	char **comment_on;	/* gate/choice: values that need a comment (NULL-terminated, may be NULL) */
	int blocking;		/* gate: named in rules.blocking */
	int min, max;		/* scale bounds */
	struct scale_level *levels;	/* scale: labels for some values */
	size_t n_levels;
	double points;		/* scale: points at max (0: not counted) */
	double eliminate_below;	/* scale: points under which a review is eliminated; <0 = never */
	struct choice_option *options;	/* choice */
	size_t n_options;
	int line;		/* where it was declared, for messages */
};

/* criterion_normalize - check an answer typed by a person against c and
 * return its stored form in a fresh *out ("3", "yes", "no", "check", an
 * option id, the text). Gates accept yes/oui/y/o, no/non/n, check/?/a
 * verifier. On error e names the criterion, what was typed and what is
 * accepted (P_INVALID). An empty value means "clear the answer": *out NULL. */
int criterion_normalize(const struct criterion *c, const char *value, char **out,
			struct perr *e);
/* criterion_points - points a stored value weighs (scale only; 0 otherwise). */
double criterion_points(const struct criterion *c, const char *value);
/* criterion_needs_comment - would this stored value need a comment? */
int criterion_needs_comment(const struct criterion *c, const char *value);
/* criterion_value_label - a readable label for a stored value ("3 - bon",
 * "oui", the option's label), in the reader's language; a fresh string. */
char *criterion_value_label(const struct criterion *c, const char *value);
/* criterion_accepts - what c accepts, for help and messages ("0..4",
 * "yes, no, check", "a, b, c", "free text"); a fresh string. */
char *criterion_accepts(const struct criterion *c);
/* checklist_text - a grid's text in the reader's language: the grid's own
 * (French) text, or its English one (title_en, label_en, help_en) when the
 * catalogue in use is not French and the grid gives it. */
const char *checklist_text(const char *fr_text, const char *en_text);
/* criterion_answer_label - a stored answer as the reader reads it: a
 * gate's yes/no/check and an option's label in the reader's language,
 * never the stored code; a score as it is; "-" for none. */
const char *criterion_answer_label(const struct criterion *c, const char *v);
/* criterion_label - c's label in the reader's language (checklist_text). */
const char *criterion_label(const struct criterion *c);
/* crit_type_name - "gate", "scale", "choice", "text". */
const char *crit_type_name(enum crit_type t);

#endif
