/* note.h - a dossier's written thread: the platform's annotations privées
 * (imported, one per annotation field) and the reviewers' own comments
 * (never rewritten). Comments follow the rules of reviews: a conflicted
 * reviewer sees none, an expert only their own, and on a blind grid an
 * instructeur sees others' comments once their own review is submitted. */
#ifndef PTCE_NOTE_H
#define PTCE_NOTE_H

#include <stddef.h>

#include "base/err.h"
#include "procedure/actor.h"
#include "store/store.h"

/* One note as shown. */
struct note {
	long long id;
	int imported;		/* 1: an annotation privée from the platform */
	char *author;		/* login, or "" for an imported annotation */
	char *author_name;	/* display name, or the platform's label */
	char *field;		/* imported: the annotation's label; else "" */
	char *body;
	char *at;		/* UTC "YYYY-MM-DDTHH:MM:SSZ" */
};

/* note_add - a writes a comment on dossier_id (an instructeur, coordinateur
 * or expert who may see the dossier and has no conflict of interest on it),
 * in its own transaction, recorded in history; *id (may be NULL) gets it. */
int note_add(struct store *s, const struct actor *a, long long dossier_id,
	     const char *body, const char *at, long long *id, struct perr *e);
/* note_set_imported - inside the caller's transaction: the annotation field
 * of dossier_id reads body (an empty body removes it). *changed (may be
 * NULL) tells whether anything was written. */
int note_set_imported(struct store *s, long long dossier_id, const char *field,
		      const char *body, const char *at, const char *real_actor,
		      int *changed, struct perr *e);

/* What note_set_imported does, with its statements prepared once for a
 * whole import. */
#define NOTE_IMPORTER_STMTS 4
struct note_importer {
	struct store *s;
	sqlite3_stmt *st[NOTE_IMPORTER_STMTS];
};
/* note_importer_open - prepare ni's statements on s. */
int note_importer_open(struct store *s, struct note_importer *ni, struct perr *e);
/* note_importer_set - note_set_imported through ni; *old_out (may be NULL)
 * gets the body stored before, or NULL. */
int note_importer_set(struct note_importer *ni, long long dossier_id, const char *field,
		      const char *body, const char *at, const char *real_actor, char **old_out,
		      int *changed, struct perr *e);
/* note_importer_close - finalize ni's statements. */
void note_importer_close(struct note_importer *ni);
/* note_list - the notes of dossier_id that a may see, oldest first; *hidden
 * (may be NULL) gets how many comments a may not see yet. A person who may
 * not see the dossier gets P_REFUSED. */
int note_list(struct store *s, const struct actor *a, long long dossier_id,
	      struct note **out, size_t *n, int *hidden, struct perr *e);
/* note_list_free - free n notes and NULL the pointer. */
void note_list_free(struct note **notes, size_t n);

#endif
