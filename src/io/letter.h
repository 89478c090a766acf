/* letter.h - the letter notifying a dossier's last decision, drafted from a
 * template a région edits (share/letters/NAME.txt, format in ptce-letter(5)):
 * {{field}} replaced by the dossier's values, written the French way. */
#ifndef PTCE_LETTER_H
#define PTCE_LETTER_H

#include "base/err.h"
#include "io/doc.h"
#include "procedure/actor.h"
#include "store/store.h"

/* The fields a template may name, NULL-terminated, in the order of
 * ptce-letter(5). */
extern const char *const letter_fields[];

/* letter_template_name - the template of the last decision of dossier_id
 * ("retained-phase1", "not-retained", "not-retained-phase2", "laureate")
 * in *name (static); P_REFUSED when that decision is notified by no letter
 * (an opening of instruction, a withdrawal) or there is none yet. */
int letter_template_name(struct store *s, long long dossier_id, const char **name,
			 struct perr *e);
/* letter_check - read the template at path: 0, or P_INVALID naming
 * "FILE:LINE:COLUMN" and the unknown field (or the '{{' left open), with
 * the fields known; P_NOTFOUND / P_IO when it cannot be read. */
int letter_check(const char *path, struct perr *e);
/* letter_build - the letter of dossier_id's last decision from the template
 * at path, as a (who signs) drafts it (ref: the number typed, for a
 * refusal); the document in *out. */
int letter_build(struct store *s, const struct actor *a, long long dossier_id, const char *ref,
		 const char *path, struct doc **out, struct perr *e);

#endif
