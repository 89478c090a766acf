/* texts_data.h - what the people of the demo write that is not particular to
 * one dossier: motivations of the common moves, reviewers' comments and
 * conclusions, and how each legal form governs itself. */
#ifndef PTCE_TEXTS_DATA_H
#define PTCE_TEXTS_DATA_H

/* Motivations of the moves every retained dossier makes, and of a guard
 * overridden (a build without grids). */
extern const char demo_reason_bouquet[];
extern const char demo_reason_phase2[];
extern const char demo_reason_funded[];
extern const char demo_reason_override[];

/* Phase 2 comments by criterion and level (weak, fair, strong); criteria the
 * demo does not know get the generic lines. The list ends with a NULL id. */
struct demo_criterion_comments {
	const char *id, *text[3];
};
extern const struct demo_criterion_comments demo_p2_comments[];
extern const char *const demo_generic_comments[3];

/* Why a phase 1 gate is not met, or still to check; ends with a NULL id. */
struct demo_gate_note {
	const char *id, *value, *text;
};
extern const struct demo_gate_note demo_gate_notes[];

/* A gate's comment when the table above has none: by answer. */
extern const char demo_gate_met[];
extern const char demo_gate_not_met[];
extern const char demo_gate_to_check[];

/* What reviewers conclude, by band (favourable, réservé, défavorable), two
 * ways of saying it so that two reviews of a dossier differ. */
extern const char *const demo_synthesis[3][2];
/* A phase 1 review's observations: eligible (three ways), or not. */
extern const char *const demo_observations_ok[3];
extern const char demo_observations_not_eligible[];
/* The comment a choice answer asks for (ajourner, écarter). */
extern const char demo_choice_comment[];

/* How the lead structure governs the pôle, by legal form: the first entry
 * whose word the form contains; the last one (NULL word) otherwise. */
struct demo_governance {
	const char *word, *text;
};
extern const struct demo_governance demo_governance[];

#endif
