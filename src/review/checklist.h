/* checklist.h - review grids (checklists) read from YAML: criteria, scales,
 * rules, bands and tie-break. A grid is immutable once loaded. */
#ifndef PTCE_CHECKLIST_H
#define PTCE_CHECKLIST_H

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

struct scale_level {
	int value;
	char *label;
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

struct section {
	char *id;
	char *title, *title_en;
};

struct band {
	char *id;		/* favourable, reserve, defavourable */
	char *label, *label_en;
	double min;		/* total at or above which a total falls in this band */
};

struct checklist {
	char *path;		/* the file it came from (or a name) */
	char *id;		/* "phase2" */
	char *version;		/* free text given by the author, or NULL */
	char *title, *title_en;
	int phase;		/* 1 or 2 */
	int reviews_required;	/* submitted reviews a decision needs (>= 1) */
	int blind;		/* others' reviews hidden until you submitted yours */
	double divergence;	/* scale steps (max - min) that flag a divergence; 0 = off */
	double total;		/* declared total of points; 0 when not declared */
	double points_sum;	/* sum of the criteria's points */
	struct section *sections;
	size_t n_sections;
	struct criterion *crit;	/* every criterion, in file order */
	size_t n_crit;
	struct band *bands;	/* highest min first; the last has min 0 */
	size_t n_bands;
	int favourable;		/* index of the band phase2 -> funded needs; -1 none */
	char **tie_territories;	/* territory_type codes that come first (NULL-terminated) */
	char **tie_criteria;	/* then higher mean on these criteria (NULL-terminated) */
	char *hash;		/* 16 hex digits: FNV-1a 64 of the file's bytes */
	char *text;		/* the file's bytes (stored with each grid version) */
};

/* checklist_load_file - read and validate one grid file. On any error
 * nothing is returned and e says "file:line:col: what was found, what was
 * expected". */
int checklist_load_file(const char *path, struct checklist **out, struct perr *e);
/* checklist_load_string - the same from memory (a stored grid version);
 * name is used in messages. */
int checklist_load_string(const char *name, const char *text, size_t len,
			  struct checklist **out, struct perr *e);
/* checklist_resolve - path of a grid named on the command line: a name
 * containing '/' or ending in ".yaml" is a file, otherwise
 * "<dir>/<name>.yaml". Returns a fresh string. */
char *checklist_resolve(const char *dir, const char *name);
/* checklist_load_named - checklist_resolve then checklist_load_file; a missing
 * file is P_NOTFOUND listing the grids present in dir. */
int checklist_load_named(const char *dir, const char *name, struct checklist **out,
			 struct perr *e);
/* checklist_free - free and NULL the caller's pointer. */
void checklist_free(struct checklist **g);

/* checklist_find - criterion by id (exact, then case-insensitive), or NULL. */
const struct criterion *checklist_find(const struct checklist *g, const char *id);
/* checklist_index - index of a criterion id, or -1. */
int checklist_index(const struct checklist *g, const char *id);
/* checklist_band - band a total falls in, or NULL when the grid has none. */
const struct band *checklist_band(const struct checklist *g, double total);
/* checklist_band_by_id - band by id, or NULL. */
const struct band *checklist_band_by_id(const struct checklist *g, const char *id);

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
 * "oui", the option's label); a fresh string. */
char *criterion_value_label(const struct criterion *c, const char *value);
/* criterion_accepts - what c accepts, for help and messages ("0..4",
 * "yes, no, check", "a, b, c", "free text"); a fresh string. */
char *criterion_accepts(const struct criterion *c);
/* crit_type_name - "gate", "scale", "choice", "text". */
const char *crit_type_name(enum crit_type t);

/* checklist_hash - FNV-1a 64-bit of the bytes as 16 lowercase hex digits
 * into buf[17]. Not cryptographic: it identifies a version, it does not
 * protect it. */
char *checklist_hash(const char *text, size_t len, char buf[static 17]);

#endif
