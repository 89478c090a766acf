/* note.c - the dossier's thread: imported annotations privées and the
 * reviewers' comments, with the rules of note.h. */
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "procedure/access.h"
#include "procedure/history.h"
#include "review/conflict.h"
#include "review/note.h"
#include "review/visibility.h"
#include "store/stmt.h"

/* Who may write a comment (the conflict is checked apart). */
#define NOTE_WRITER_ROLES (ROLE_INSTRUCTEUR | ROLE_COORDINATEUR | ROLE_EXPERT)

static int note_may_write(struct store *s, const struct actor *a, long long dossier_id,
			  struct perr *e)
{
	if (!actor_has(a, NOTE_WRITER_ROLES))
		return perr_set(e, P_REFUSED, _("only an instructeur, a coordinateur or an expert "
						"may comment on a dossier"));
	if (access_require(s, a, dossier_id, NULL, e) < 0)
		return -1;
	int conflicted;
	if (conflict_check(s, dossier_id, a->login, &conflicted, e) < 0)
		return -1;
	if (conflicted)
		return perr_set(e, P_REFUSED, _("you declared a conflict of interest on this "
						"dossier: you may not comment on it"));
	return 0;
}

int note_add(struct store *s, const struct actor *a, long long dossier_id,
	     const char *body, const char *at, long long *id, struct perr *e)
{
	char now[21];
	if (!body || !*body)
		return perr_set(e, P_USAGE, _("a comment needs a text"));
	if (!at)
		at = now_utc(now);
	if (store_begin(s, e) < 0)
		return -1;
	if (note_may_write(s, a, dossier_id, e) < 0 ||
	    stmt_run(s, e, _("saving the comment"),
		     "INSERT INTO notes(dossier_id, source, author, body, at, real_actor)"
		     " VALUES (?, 'ptce', ?, ?, ?, ?)", "Itttt",
		     dossier_id, a->login, body, at, a->real_login) < 0)
		goto fail;
	long long nid = sqlite3_last_insert_rowid(s->db);
	if (history_add(s, dossier_id, at, a->login, a->real_login, "note", NULL, NULL, e) < 0 ||
	    store_commit(s, e) < 0)
		goto fail;
	if (id)
		*id = nid;
	return 0;
fail:
	store_rollback(s);
	return -1;
}

enum { NI_SEL, NI_DEL, NI_UPD, NI_INS };

int note_importer_open(struct store *s, struct note_importer *ni, struct perr *e)
{
	static const char *const sql[NOTE_IMPORTER_STMTS] = {
		[NI_SEL] = "SELECT body FROM notes WHERE dossier_id = ?1 AND source = 'ds' AND field = ?2",
		[NI_DEL] = "DELETE FROM notes WHERE dossier_id = ?1 AND source = 'ds' AND field = ?2",
		[NI_UPD] = "UPDATE notes SET body = ?3, at = ?4, real_actor = ?5"
			   " WHERE dossier_id = ?1 AND source = 'ds' AND field = ?2",
		[NI_INS] = "INSERT INTO notes(dossier_id, source, author_label, field, body, at,"
			   " real_actor) VALUES (?1, 'ds', ?2, ?2, ?3, ?4, ?5)",
	};
	memset(ni, 0, sizeof *ni);
	ni->s = s;
	for (int i = 0; i < NOTE_IMPORTER_STMTS; i++)
		if (!(ni->st[i] = store_prepare(s, sql[i], e))) {
			note_importer_close(ni);
			return -1;
		}
	return 0;
}

void note_importer_close(struct note_importer *ni)
{
	for (int i = 0; i < NOTE_IMPORTER_STMTS; i++)
		sqlite3_finalize(ni->st[i]);
	memset(ni->st, 0, sizeof ni->st);
}

int note_importer_set(struct note_importer *ni, long long dossier_id, const char *field,
		      const char *body, const char *at, const char *real_actor, char **old_out,
		      int *changed, struct perr *e)
{
	sqlite3_stmt *sel = ni->st[NI_SEL];
	stmt_bind(sel, "It", dossier_id, field);
	int step = sqlite3_step(sel);
	char *old = step == SQLITE_ROW ? col_text(sel, 0) : NULL;
	sqlite3_reset(sel);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return store_fail(ni->s, e, _("reading the annotations"));
	int empty = !body || !*body, which = -1;
	if (old && empty)
		which = NI_DEL;
	else if (old && strcmp(old, body) != 0)
		which = NI_UPD;
	else if (!old && !empty)
		which = NI_INS;
	int rc = 0;
	if (which >= 0) {
		stmt_bind(ni->st[which], which == NI_DEL ? "It" : "Itttt", dossier_id, field,
			  body, at, real_actor);
		rc = stmt_step_reset(ni->s, ni->st[which], e, _("saving the annotations"));
	}
	if (changed)
		*changed = rc == 0 && which >= 0;
	if (old_out)
		*old_out = old;
	else
		free(old);
	return rc;
}

int note_set_imported(struct store *s, long long dossier_id, const char *field,
		      const char *body, const char *at, const char *real_actor,
		      int *changed, struct perr *e)
{
	struct note_importer ni;
	if (changed)
		*changed = 0;
	if (note_importer_open(s, &ni, e) < 0)
		return -1;
	int rc = note_importer_set(&ni, dossier_id, field, body, at, real_actor, NULL, changed, e);
	note_importer_close(&ni);
	return rc;
}

/* What of the comments a may see: 2 all, 1 own only, 0 none. */
static int comment_reach(struct store *s, const struct actor *a, long long dossier_id,
			 struct perr *e)
{
	int conflicted;
	if (conflict_check(s, dossier_id, a->login, &conflicted, e) < 0)
		return -1;
	if (conflicted)
		return 0;
	enum review_visibility vis;
	if (review_visibility(s, a, dossier_id, NULL, &vis, NULL, e) < 0)
		return -1;
	return vis == VIS_ALL || vis == VIS_SUBMITTED ? 2 : 1;
}

static void note_fill(struct note *n, sqlite3_stmt *st)
{
	memset(n, 0, sizeof *n);
	n->id = sqlite3_column_int64(st, 0);
	n->imported = sqlite3_column_int(st, 1);
	n->author = col_text(st, 2);
	n->author_name = col_text(st, 3);
	n->field = col_text(st, 4);
	n->body = col_text(st, 5);
	n->at = col_text(st, 6);
}

int note_list(struct store *s, const struct actor *a, long long dossier_id,
	      struct note **out, size_t *n, int *hidden, struct perr *e)
{
	*out = NULL;
	*n = 0;
	if (hidden)
		*hidden = 0;
	if (access_require(s, a, dossier_id, NULL, e) < 0)
		return -1;
	int reach = comment_reach(s, a, dossier_id, e);
	if (reach < 0)
		return -1;
	sqlite3_stmt *st = stmt_query(s, e,
		"SELECT n.id, n.source = 'ds', coalesce(n.author, ''),"
		" coalesce(r.display_name, n.author_label, n.author, ''), coalesce(n.field, ''),"
		" n.body, n.at, n.source = 'ds' OR (?2 = 2) OR (?2 = 1 AND n.author = ?3)"
		" FROM notes n LEFT JOIN reviewers r ON r.login = n.author"
		" WHERE n.dossier_id = ?1 ORDER BY n.at, n.id", "Iit", dossier_id, reach, a->login);
	int rc;
	while ((rc = stmt_next(s, &st, e, _("reading the notes"))) > 0) {
		if (!sqlite3_column_int(st, 7)) {
			if (hidden)
				++*hidden;
			continue;
		}
		*out = xrealloc(*out, (*n + 1) * sizeof **out);
		note_fill(&(*out)[(*n)++], st);
	}
	if (rc < 0)
		note_list_free(out, *n);
	return rc;
}

void note_list_free(struct note **notes, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct note *x = &(*notes)[i];
		free(x->author);
		free(x->author_name);
		free(x->field);
		free(x->body);
		free(x->at);
	}
	free(*notes);
	*notes = NULL;
}
