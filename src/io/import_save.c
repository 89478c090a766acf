/* import_save.c - one transaction for a whole import: statements prepared
 * once, dossiers and people looked up in hashes loaded once. A new dossier
 * gets the platform's history (deposit, instruction, decision) at the
 * platform's times; a known one gets the fields that changed, with their
 * old and new values in history; its state is never changed, only compared. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/kv.h"
#include "io/import_save.h"
#include "io/strmap.h"
#include "procedure/document.h"
#include "procedure/procedure.h"
#include "review/note.h"
#include "store/schema.h"
#include "store/stmt.h"

/* What history says of what the import records from the platform. */
/* History parameters (base/kv.h), put into words when read. */
#define FROM_PLATFORM "source=platform"
#define RECORDED FROM_PLATFORM

enum { ST_PENDING, ST_INS, ST_UPD, ST_SEL, ST_SELM, ST_DELM, ST_INSM, ST_HIST, ST_SELD,
       ST_ASSIGN, ST_AVIS, ST_INSD, ST_COUNT };

/* New dossiers' pièces wait here (insert_documents). */
#define STAGED_DOCS_MAX 2048
static const char staged_documents_sql[] =
	"CREATE TEMP TABLE IF NOT EXISTS import_documents(seq INTEGER PRIMARY KEY,"
	"  dossier_id INTEGER, kind TEXT, title TEXT, received_on TEXT);"
	"DELETE FROM temp.import_documents;";

struct import_saver {
	struct store *s;
	const struct import_request *req;
	struct import_batch b[1];
	struct import_report *rep;
	char now[21];
	long long campaign;
	struct strmap known;		/* ds_number -> index of ids/states */
	long long *ids;
	char **states;
	size_t n_known;
	size_t staged_docs;		/* rows in temp.import_documents */
	struct strmap people;		/* lower-case e-mail -> index of logins */
	char **logins;
	unsigned char *reviews;		/* may be assigned (instructeur, coordinateur, expert) */
	size_t n_people;
	struct strmap unmatched;
	sqlite3_stmt *st[ST_COUNT];
	struct note_importer notes;
	long long saved[2];		/* the connection's settings (bulk_settings) */
};

/* --------------------------------------------------------- prepared --- */

static char *field_params(int sets)
{
	char *sql = NULL;
	for (int i = 0; i < DF_COUNT; i++)
		xappendf(&sql, "%s%s%s?%d", i ? ", " : "", sets ? dossier_fields[i].column : "",
			 sets ? " = " : "", 3 + i);
	return sql;
}

static int prepare_all(struct import_saver *sv, struct perr *e)
{
	char *cols = dossier_field_columns(), *ins = field_params(0), *sets = field_params(1);
	char *sql[ST_COUNT] = {
		[ST_PENDING] = xstrdup("INSERT OR IGNORE INTO temp.fts_pending(id) VALUES (?1)"),
		[ST_INS] = xasprintf("INSERT INTO dossiers(campaign_id, state, state_since, created_at,"
				     " updated_at, %s) VALUES (nullif(?1, 0), 'submitted', ?2, ?2, ?2, %s)",
				     cols, ins),
		[ST_UPD] = xasprintf("UPDATE dossiers SET %s, updated_at = ?2, revision = revision + 1"
				     " WHERE id = ?1", sets),
		[ST_SEL] = xasprintf("SELECT %s FROM dossiers WHERE id = ?1", cols),
		[ST_SELM] = xstrdup("SELECT name, siret, category, role, commitment FROM members"
				    " WHERE dossier_id = ?1 ORDER BY position"),
		[ST_DELM] = xstrdup("DELETE FROM members WHERE dossier_id = ?1"),
		[ST_INSM] = xstrdup("INSERT INTO members(dossier_id, position, name, siret, category,"
				    " role, commitment) VALUES (?, ?, ?, ?, ?, ?, ?)"),
		[ST_HIST] = xstrdup("INSERT INTO history(dossier_id, at, actor, real_actor, kind,"
				    " from_state, to_state, motivation, detail)"
				    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
		[ST_SELD] = xstrdup("SELECT kind, title, received_on, sha256 IS NOT NULL FROM documents"
				    " WHERE dossier_id = ?1 ORDER BY id"),
		[ST_ASSIGN] = xstrdup("INSERT OR IGNORE INTO assignments(dossier_id, login, assigned_by,"
				      " assigned_at) VALUES (?, ?, ?, ?)"),
		[ST_AVIS] = xstrdup(
			"INSERT INTO opinions(dossier_id, expert, expert_email, question, asked_by,"
			" asked_at, verdict, answer, answered_at, yes_no_question, source)"
			" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'ds')"
			" ON CONFLICT(dossier_id, expert_email, asked_at) WHERE source = 'ds' DO UPDATE SET"
			" expert = excluded.expert, question = excluded.question,"
			" asked_by = excluded.asked_by, verdict = excluded.verdict,"
			" answer = excluded.answer, answered_at = excluded.answered_at,"
			" yes_no_question = excluded.yes_no_question"
			" WHERE expert IS NOT excluded.expert OR question IS NOT excluded.question"
			" OR asked_by IS NOT excluded.asked_by OR verdict IS NOT excluded.verdict"
			" OR answer IS NOT excluded.answer OR answered_at IS NOT excluded.answered_at"
			" OR yes_no_question IS NOT excluded.yes_no_question"),
		[ST_INSD] = xstrdup("INSERT INTO temp.import_documents(dossier_id, kind, title,"
				    " received_on) VALUES (?1, ?2, ?3, ?4)"),
	};
	int rc = note_importer_open(sv->s, &sv->notes, e);
	if (rc == 0)
		rc = store_exec(sv->s, store_fts_pending_sql, e);
	if (rc == 0)
		rc = store_exec(sv->s, staged_documents_sql, e);
	for (int i = 0; i < ST_COUNT; i++) {
		if (rc == 0 && !(sv->st[i] = store_prepare(sv->s, sql[i], e)))
			rc = -1;
		free(sql[i]);
	}
	free(cols);
	free(ins);
	free(sets);
	return rc;
}

/* Run st (bound) to its end and reset it. */
static int run(struct import_saver *sv, int which, struct perr *e, const char *what)
{
	return stmt_step_reset(sv->s, sv->st[which], e, what);
}

static int history(struct import_saver *sv, long long id, const char *at, const char *kind,
		   const char *from, const char *to, const char *motivation, const char *detail,
		   struct perr *e)
{
	const struct actor *by = sv->req->by;
	stmt_bind(sv->st[ST_HIST], "Ittttttnn", id, at, by->login, by->real_login, kind, from, to,
		  motivation, detail);
	return run(sv, ST_HIST, e, _("recording the dossier's history"));
}

/* ---------------------------------------------------------- lookups --- */

static int load_known(struct import_saver *sv, struct perr *e)
{
	sqlite3_stmt *st = stmt_query(sv->s, e, "SELECT id, ds_number, state FROM dossiers", "");
	int rc;
	while ((rc = stmt_next(sv->s, &st, e, _("reading the dossiers"))) == 1) {
		sv->ids = xrealloc(sv->ids, (sv->n_known + 1) * sizeof *sv->ids);
		sv->states = xrealloc(sv->states, (sv->n_known + 1) * sizeof *sv->states);
		sv->ids[sv->n_known] = sqlite3_column_int64(st, 0);
		sv->states[sv->n_known] = col_text(st, 2);
		strmap_put(&sv->known, (const char *)sqlite3_column_text(st, 1), (long long)sv->n_known);
		sv->n_known++;
	}
	return rc;
}

static int load_people(struct import_saver *sv, struct perr *e)
{
	sqlite3_stmt *st = stmt_query(sv->s, e,
		"SELECT r.login, lower(trim(r.email)), EXISTS (SELECT 1 FROM reviewer_roles x"
		"  WHERE x.login = r.login AND x.role IN ('instructeur', 'coordinateur', 'expert'))"
		" FROM reviewers r WHERE r.active = 1 AND coalesce(r.email, '') <> '' ORDER BY r.login", "");
	int rc;
	while ((rc = stmt_next(sv->s, &st, e, _("reading the reviewers"))) == 1) {
		const char *mail = (const char *)sqlite3_column_text(st, 1);
		if (strmap_get(&sv->people, mail) >= 0)
			continue;	/* two logins with one address: the first */
		sv->logins = xrealloc(sv->logins, (sv->n_people + 1) * sizeof *sv->logins);
		sv->reviews = xrealloc(sv->reviews, sv->n_people + 1);
		sv->logins[sv->n_people] = col_text(st, 0);
		sv->reviews[sv->n_people] = (unsigned char)sqlite3_column_int(st, 2);
		strmap_put(&sv->people, mail, (long long)sv->n_people++);
	}
	if (rc == 0)
		rc = stmt_int(sv->s, &sv->campaign, 0, e, _("reading the campaign"),
			      "SELECT id FROM campaigns WHERE is_current = 1 ORDER BY id DESC LIMIT 1", "");
	return rc;
}

/* The login of a reviewer with that address, or NULL (listed once). */
static const char *person(struct import_saver *sv, const char *mail, int to_review)
{
	long long k = strmap_get(&sv->people, mail);
	if (k >= 0 && (!to_review || sv->reviews[k]))
		return sv->logins[k];
	if (strmap_get(&sv->unmatched, mail) < 0) {
		strmap_put(&sv->unmatched, mail, 1);
		struct import_report *r = sv->rep;
		r->unmatched = xrealloc(r->unmatched, (r->n_unmatched + 1) * sizeof *r->unmatched);
		r->unmatched[r->n_unmatched++] = xstrdup(mail);
	}
	return NULL;
}

/* ----------------------------------------------------------- values --- */

/* v as a history parameter, cut at 200 bytes on a character boundary. */
static void append_value(char **out, const char *key, const char *v)
{
	size_t n = v ? strlen(v) : 0, cut = n > 200 ? 200 : n;
	while (cut < n && ((unsigned char)v[cut] & 0xC0) == 0x80)
		cut--;
	char *c = xasprintf("%.*s%s", (int)cut, v ? v : "", cut < n ? "…" : "");
	kv_add(out, key, c);
	free(c);
}

/* One change (field, old, new) into the detail and the name into names. */
static void change(char **detail, char **names, const char *name, const char *old, const char *new)
{
	kv_add(detail, "field", name);
	append_value(detail, "old", old);
	append_value(detail, "new", new);
	xappendf(names, "%s%s", *names ? ", " : "", name);
}

static int write_members(struct import_saver *sv, long long id, const struct dossier *d, struct perr *e)
{
	stmt_bind(sv->st[ST_DELM], "I", id);
	if (run(sv, ST_DELM, e, _("replacing the members")) < 0)
		return -1;
	for (size_t i = 0; i < d->n_members; i++) {
		char *const *f = d->members[i].f;
		_Static_assert(MF_COUNT == 5, "one 'n' per member field below");
		stmt_bind(sv->st[ST_INSM], "IInnnnn", id, (long long)i + 1, f[0], f[1], f[2], f[3], f[4]);
		if (run(sv, ST_INSM, e, _("saving a member")) < 0)
			return -1;
	}
	return 0;
}

/* The pièces the row names become the dossier's rows without content; what
 * the zip export brought is kept (procedure/document.c). */
static int write_documents(struct import_saver *sv, long long id, const struct dossier *d, struct perr *e)
{
	return document_sync_named(sv->s, id, d->documents, d->n_documents, NULL, e);
}

/* The pièces of new dossiers wait in a temporary table and go into
 * documents a few thousand at a time, in one statement: the audit trigger
 * then runs inside one statement, not one each (a single-row INSERT into
 * an audited table costs its statement's journal and trigger frames, about
 * 90 k instructions of the 130 k a pièce cost; an import of 1 000 CSV
 * dossiers went from 4.0 G to 3.5 G instructions). Bounded, as
 * temp_store is memory during an import. Only new dossiers' pièces wait:
 * no other step of the import reads them. */

static int flush_documents(struct import_saver *sv, struct perr *e)
{
	if (!sv->staged_docs)
		return 0;
	sv->staged_docs = 0;
	int rc = stmt_run(sv->s, e, _("saving a pièce jointe"),
			  "INSERT INTO documents(dossier_id, kind, title, received_on)"
			  " SELECT dossier_id, kind, title, received_on FROM temp.import_documents"
			  " ORDER BY seq", NULL);
	return rc < 0 ? -1 : store_exec(sv->s, "DELETE FROM temp.import_documents", e);
}

/* A new dossier's pièces: no row to match, each named one added in order,
 * as document_sync_named would (staged, see above). */
static int insert_documents(struct import_saver *sv, long long id, const struct dossier *d, struct perr *e)
{
	for (size_t i = 0; i < d->n_documents; i++) {
		const struct document *doc = &d->documents[i];
		stmt_bind(sv->st[ST_INSD], "Ittn", id, doc->kind, doc->title, doc->received_on);
		if (run(sv, ST_INSD, e, _("saving a pièce jointe")) < 0)
			return -1;
		sv->staged_docs++;
	}
	return sv->staged_docs >= STAGED_DOCS_MAX ? flush_documents(sv, e) : 0;
}

/* Whether the stored members of id differ from d's. */
static int members_differ(struct import_saver *sv, long long id, const struct dossier *d, size_t *old_n)
{
	sqlite3_stmt *st = sv->st[ST_SELM];
	sqlite3_bind_int64(st, 1, id);
	size_t i = 0;
	int differ = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (int f = 0; f < MF_COUNT && i < d->n_members && !differ; f++)
			differ = !field_same((const char *)sqlite3_column_text(st, f), d->members[i].f[f]);
		i++;
	}
	sqlite3_reset(st);
	*old_n = i;
	return differ || i != d->n_members;
}

/* One stored pièce, as documents_differ compares it. */
struct stored_doc {
	char *kind, *title, *date;
	int stored, taken;
};

/* The untaken row named title, the one of kind first (as document_sync_named
 * chooses it), or NULL. */
static struct stored_doc *stored_named(struct stored_doc *v, size_t n, const char *title,
				       const char *kind)
{
	struct stored_doc *any = NULL;
	for (size_t i = 0; i < n; i++) {
		if (v[i].taken || !field_same(v[i].title, title))
			continue;
		if (field_same(v[i].kind, kind))
			return &v[i];
		if (!any)
			any = &v[i];
	}
	return any;
}

/* Whether write_documents would change id's pièces: a named one missing or
 * of another kind, or a row without content no longer named. Rows holding a
 * file that the row does not name came from the zip export: not a change. */
static int documents_differ(struct import_saver *sv, long long id, const struct dossier *d, size_t *old_n)
{
	sqlite3_stmt *st = sv->st[ST_SELD];
	sqlite3_bind_int64(st, 1, id);
	struct stored_doc *v = NULL;
	size_t n = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		v = xrealloc(v, (n + 1) * sizeof *v);
		v[n].kind = col_text(st, 0);
		v[n].title = col_text(st, 1);
		v[n].date = col_text(st, 2);
		v[n].stored = sqlite3_column_int(st, 3);
		v[n].taken = 0;
		n++;
	}
	sqlite3_reset(st);
	int differ = 0;
	for (size_t k = 0; k < d->n_documents && !differ; k++) {
		const struct document *doc = &d->documents[k];
		struct stored_doc *row = stored_named(v, n, doc->title, doc->kind);
		if (!row) {
			differ = 1;
			break;
		}
		row->taken = 1;
		differ = !field_same(row->kind, doc->kind) ||
			 (!row->stored && !field_same(*row->date ? row->date : NULL, doc->received_on));
	}
	for (size_t i = 0; i < n; i++) {
		differ |= !v[i].taken && !v[i].stored;
		free(v[i].kind);
		free(v[i].title);
		free(v[i].date);
	}
	free(v);
	*old_n = n;
	return differ;
}

/* ------------------------------------------------------ new dossier --- */

/* The shortest way through the procedure's transitions from submitted to
 * to: the states after submitted into path (at most max); how many, or -1
 * when to cannot be reached. */
static int state_path(const char *to, const char **path, int max)
{
	size_t n = procedure_n_states;
	int prev[16], seen[16] = {0}, queue[16], head = 0, tail = 0;
	if (n > 16)
		return -1;
	queue[tail++] = 0;	/* procedure_states[0] is submitted */
	seen[0] = 1;
	while (head < tail) {
		int cur = queue[head++];
		for (size_t t = 0; t < procedure_n_transitions; t++) {
			if (strcmp(procedure_transitions[t].from, procedure_states[cur].name) != 0)
				continue;
			for (size_t k = 0; k < n; k++)
				if (!seen[k] && strcmp(procedure_states[k].name, procedure_transitions[t].to) == 0) {
					seen[k] = 1;
					prev[k] = cur;
					queue[tail++] = (int)k;
				}
		}
	}
	int target = -1, len = 0;
	for (size_t k = 0; k < n; k++)
		if (strcmp(procedure_states[k].name, to) == 0)
			target = (int)k;
	if (target < 0 || !seen[target])
		return -1;
	for (int k = target; k != 0; k = prev[k])
		len++;
	if (len > max)
		return -1;
	for (int k = target, i = len - 1; k != 0; k = prev[k], i--)
		path[i] = procedure_states[k].name;
	return len;
}

/* The platform's history of a new dossier: each move of the shortest path
 * to its mapped state, at the platform's time (instruction for the first
 * ones, the decision for the last when decided), never before the previous. */
static int record_moves(struct import_saver *sv, long long id, const struct import_item *it,
			const char *created, struct perr *e)
{
	const char *path[16];
	int n = it->target ? state_path(it->target, path, 16) : 0;
	if (n < 0)
		return perr_set(e, P_INVALID, _("dossier %s: the procedure has no way from submitted "
						"to %s; change 'states:' in the mapping"),
				it->d.f[DF_DS_NUMBER], it->target);
	const char *from = "submitted", *prev_at = created;
	for (int i = 0; i < n; i++) {
		int last = i == n - 1;
		const char *at = last && it->processed[0] ? it->processed
			       : it->instructed[0] ? it->instructed : created;
		if (strcmp(at, prev_at) < 0)
			at = prev_at;
		const char *why = last && it->processed[0] ? it->motivation : NULL;
		if (history(sv, id, at, "move", from, path[i], why, RECORDED, e) < 0)
			return -1;
		sv->rep->moves++;
		from = path[i];
		prev_at = at;
	}
	return 0;
}

static int create_item(struct import_saver *sv, const struct import_item *it, long long *id,
		       struct perr *e)
{
	const struct dossier *d = &it->d;
	const char *at = it->deposited[0] ? it->deposited : sv->now;
	sqlite3_stmt *st = sv->st[ST_INS];
	stmt_bind(st, "It", d->campaign_id ? d->campaign_id : sv->campaign, at);
	for (int i = 0; i < DF_COUNT; i++)
		field_bind(st, 3 + i, &dossier_fields[i], d->f[i]);
	if (run(sv, ST_INS, e, _("saving the dossier")) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(sv->s->db);
	if (history(sv, *id, at, "create", NULL, "submitted", NULL, FROM_PLATFORM, e) < 0 ||
	    record_moves(sv, *id, it, at, e) < 0)
		return -1;
	if (sv->b->with_members && write_members(sv, *id, d, e) < 0)
		return -1;
	return sv->b->with_documents ? insert_documents(sv, *id, d, e) : 0;
}

/* ---------------------------------------------------- known dossier --- */

/* The fields of id as stored, into old[]. */
static int read_old(struct import_saver *sv, long long id, char **old, struct perr *e)
{
	sqlite3_stmt *st = sv->st[ST_SEL];
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	for (int i = 0; i < DF_COUNT; i++)
		old[i] = rc == SQLITE_ROW ? col_text_or_null(st, i) : NULL;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return perr_set(e, P_DB, _("reading dossier #%lld: %s"), id, sqlite3_errmsg(sv->s->db));
	return 0;
}

/* The annotations that differ from the stored ones: written, and named
 * in the detail when there is one. */
static int update_notes(struct import_saver *sv, long long id, const struct import_item *it,
			char **detail, char **names, struct perr *e)
{
	const struct import_mapping *m = sv->req->mapping;
	for (size_t k = 0; k < it->n_notes; k++) {
		if (!it->notes_present[k])
			continue;
		char *old = NULL;
		int changed = 0;
		if (note_importer_set(&sv->notes, id, m->annotations[k], it->notes[k], sv->now,
				      sv->req->by->real_login, &old, &changed, e) < 0) {
			free(old);
			return -1;
		}
		if (detail && !field_same(old, it->notes[k])) {
			char *name = xasprintf("annotation \"%s\"", m->annotations[k]);
			change(detail, names, name, old, it->notes[k]);
			free(name);
		}
		free(old);
	}
	return 0;
}

/* What differs between the stored dossier and the item: names and detail. */
static int diff_item(struct import_saver *sv, long long id, const struct import_item *it, char **val,
		     char **old, char **detail, char **names, int *members, int *docs, struct perr *e)
{
	const struct dossier *d = &it->d;
	if (read_old(sv, id, old, e) < 0)
		return -1;
	for (int i = 0; i < DF_COUNT; i++) {
		val[i] = d->absent[i] ? old[i] : d->f[i];
		if (!field_same(old[i], val[i]))
			change(detail, names, dossier_fields[i].column, old[i], val[i]);
	}
	size_t n_old;
	*members = sv->b->with_members && members_differ(sv, id, d, &n_old);
	if (*members) {
		kv_add(detail, "field", "members");
		kv_addll(detail, "old", (long long)n_old);
		kv_addll(detail, "new", (long long)d->n_members);
		xappendf(names, "%smembers", *names ? ", " : "");
	}
	*docs = sv->b->with_documents && documents_differ(sv, id, d, &n_old);
	if (*docs) {
		kv_add(detail, "field", "documents");
		kv_addll(detail, "old", (long long)n_old);
		kv_addll(detail, "new", (long long)d->n_documents);
		xappendf(names, "%sdocuments", *names ? ", " : "");
	}
	return 0;
}

static int update_item(struct import_saver *sv, long long id, const struct import_item *it,
		       enum save_result *res, char **names, struct perr *e)
{
	char *old[DF_COUNT], *val[DF_COUNT], *detail = NULL;
	int members = 0, docs = 0;
	int rc = diff_item(sv, id, it, val, old, &detail, names, &members, &docs, e);
	if (rc == 0)
		rc = update_notes(sv, id, it, &detail, names, e);
	if (rc == 0 && detail) {
		sqlite3_stmt *st = sv->st[ST_UPD];
		stmt_bind(st, "It", id, sv->now);
		for (int i = 0; i < DF_COUNT; i++)
			field_bind(st, 3 + i, &dossier_fields[i], val[i]);
		rc = run(sv, ST_UPD, e, _("updating the dossier"));
		if (rc == 0 && members)
			rc = write_members(sv, id, &it->d, e);
		if (rc == 0 && docs)
			rc = write_documents(sv, id, &it->d, e);
		if (rc == 0)
			rc = history(sv, id, sv->now, "update", NULL, NULL, NULL, detail, e);
	}
	*res = detail ? SAVE_UPDATED : SAVE_UNCHANGED;
	for (int i = 0; i < DF_COUNT; i++)
		free(old[i]);
	free(detail);
	return rc;
}

/* ---------------------------------------------- people and opinions --- */

static int assign_instructeurs(struct import_saver *sv, long long id, const struct import_item *it,
			       struct perr *e)
{
	for (size_t i = 0; i < it->n_instructeurs; i++) {
		const char *login = person(sv, it->instructeurs[i], 1);
		if (!login)
			continue;
		stmt_bind(sv->st[ST_ASSIGN], "Ittt", id, login, sv->req->by->login, sv->now);
		if (run(sv, ST_ASSIGN, e, _("saving the assignment")) < 0)
			return -1;
		if (sqlite3_changes(sv->s->db) == 0)
			continue;
		char *detail = NULL;
		kv_add(&detail, "login", login);
		kv_add(&detail, "source", "platform");
		int rc = history(sv, id, sv->now, "assign", NULL, NULL, NULL, detail, e);
		free(detail);
		if (rc < 0)
			return -1;
		sv->rep->assigned++;
	}
	return 0;
}

static int save_avis(struct import_saver *sv, long long id, const struct import_item *it, struct perr *e)
{
	for (size_t i = 0; i < it->n_avis; i++) {
		const struct import_avis *a = &it->avis[i];
		const char *expert = person(sv, a->expert, 0);
		const char *asker = a->instructeur ? a->instructeur : sv->req->by->login;
		long long k = a->instructeur ? strmap_get(&sv->people, a->instructeur) : -1;
		if (k >= 0)
			asker = sv->logins[k];
		stmt_bind(sv->st[ST_AVIS], "Itttttnnnn", id, expert, a->expert, a->question, asker,
			  a->asked, a->verdict, a->answer, a->answered[0] ? a->answered : NULL, a->yes_no);
		if (run(sv, ST_AVIS, e, _("saving an opinion")) < 0)
			return -1;
		if (sqlite3_changes(sv->s->db) == 0)
			continue;
		char *detail = NULL;
		kv_add(&detail, "action", "imported");
		kv_add(&detail, "expert", expert ? expert : a->expert);
		kv_add(&detail, "source", "platform");
		int rc = history(sv, id, sv->now, "opinion", NULL, NULL, NULL, detail, e);
		free(detail);
		if (rc < 0)
			return -1;
		sv->rep->opinions++;
		sv->rep->outside += !expert;
	}
	return 0;
}

/* ------------------------------------------------------------- run --- */

static void add_drift(struct import_saver *sv, const struct import_item *it, const char *state)
{
	if (!it->target || strcmp(it->target, state) == 0)
		return;
	struct import_report *r = sv->rep;
	r->drift = xrealloc(r->drift, (r->n_drift + 1) * sizeof *r->drift);
	r->drift[r->n_drift++] = (struct import_drift){
		xstrdup(it->d.f[DF_DS_NUMBER]), xstrdup(it->platform_state), xstrdup(it->target),
		xstrdup(state)
	};
}

static void add_outcome(struct import_saver *sv, const struct import_item *it, long long id,
			enum save_result res, char *names)
{
	struct import_report *r = sv->rep;
	if (sv->req->outcomes) {
		r->items = xrealloc(r->items, (r->n_items + 1) * sizeof *r->items);
		r->items[r->n_items++] = (struct import_outcome){
			xstrdup(it->d.f[DF_DS_NUMBER]), id, res, names
		};
	} else
		free(names);
	if (res == SAVE_CREATED)
		r->created++;
	else if (res == SAVE_UPDATED)
		r->updated++;
	else
		r->unchanged++;
}

static int save_item(struct import_saver *sv, const struct import_item *it, struct perr *e)
{
	long long k = strmap_get(&sv->known, it->d.f[DF_DS_NUMBER]), id = 0;
	enum save_result res = SAVE_CREATED;
	char *names = NULL;
	int rc;
	if (k < 0) {
		rc = create_item(sv, it, &id, e);
		if (rc == 0)
			rc = update_notes(sv, id, it, NULL, NULL, e);
	} else {
		id = sv->ids[k];
		add_drift(sv, it, sv->states[k]);
		rc = update_item(sv, id, it, &res, &names, e);
	}
	if (rc == 0)
		rc = assign_instructeurs(sv, id, it, e);
	if (rc == 0)
		rc = save_avis(sv, id, it, e);
	add_outcome(sv, it, id, res, names);
	if (rc == 0 && res != SAVE_UNCHANGED) {
		sqlite3_bind_int64(sv->st[ST_PENDING], 1, id);
		rc = run(sv, ST_PENDING, e, _("indexing the dossiers for search"));
	}
	return rc;
}

/* The search index holds still while the dossiers are written
 * (migration 7's fts_hold): each dossier's row is then built once, not
 * again for each of its members. */
static int hold_index(struct import_saver *sv, struct perr *e)
{
	return stmt_run(sv->s, e, _("saving the dossiers"), "INSERT INTO fts_hold(held) VALUES (1)", NULL);
}

/* The pièces still waiting, then the index rows of the dossiers written
 * (temp.fts_pending), built once each and all in one statement; the hold
 * released, in the same transaction. */
static int build_index(struct import_saver *sv, struct perr *e)
{
	const char *what = _("indexing the dossiers for search");
	int rc = flush_documents(sv, e);
	if (rc == 0)
		rc = stmt_run(sv->s, e, what, store_fts_unindex_sql, NULL);
	if (rc == 0)
		rc = stmt_run(sv->s, e, what, store_fts_index_sql, NULL);
	if (rc == 0)
		rc = stmt_run(sv->s, e, _("saving the dossiers"), "DELETE FROM fts_hold", NULL);
	return rc;
}

static void saver_done(struct import_saver *sv)
{
	for (int i = 0; i < ST_COUNT; i++)
		sqlite3_finalize(sv->st[i]);
	note_importer_close(&sv->notes);
	for (size_t i = 0; i < sv->n_known; i++)
		free(sv->states[i]);
	free(sv->states);
	free(sv->ids);
	for (size_t i = 0; i < sv->n_people; i++)
		free(sv->logins[i]);
	free(sv->logins);
	free(sv->reviews);
	strmap_done(&sv->known);
	strmap_done(&sv->people);
	strmap_done(&sv->unmatched);
	free(sv);
}

/* A whole import is one large transaction: its statement journals and
 * temporary b-trees (the sort keys' REPLACE ... SELECT: SQLite stages one
 * into a table with an insert trigger) kept in memory, not written page by
 * page to a temporary file, and a page cache (8 MiB) that holds what it
 * writes instead of spilling it into the WAL again and again: no larger, as the import's memory must
 * stay under 64 MiB at any size (the cache, the search index's build and
 * the rest; 16 MiB went over at 100 000 dossiers). saved[] gets the
 * connection's settings. */
static int bulk_settings(struct store *s, long long saved[2], struct perr *e)
{
	const char *what = _("reading the connection's settings");
	if (stmt_int(s, &saved[0], 0, e, what, "PRAGMA temp_store", NULL) < 0 ||
	    stmt_int(s, &saved[1], -2000, e, what, "PRAGMA cache_size", NULL) < 0)
		return -1;
	return store_exec(s, "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -8192", e);
}

/* The settings bulk_settings changed, as they were (temp.fts_pending goes
 * with the temp_store change). */
static void bulk_restore(struct store *s, const long long saved[2])
{
	char sql[96];
	snprintf(sql, sizeof sql, "PRAGMA temp_store = %lld; PRAGMA cache_size = %lld", saved[0],
		 saved[1]);
	sqlite3_exec(s->db, sql, NULL, NULL, NULL);
}

int import_save_begin(struct store *s, const struct import_request *req,
		      const struct import_batch *b, struct import_report *rep,
		      struct import_saver **out, struct perr *e)
{
	struct import_saver *sv = xcalloc(1, sizeof *sv);
	*sv = (struct import_saver){ .s = s, .req = req, .b = { *b }, .rep = rep };
	now_utc(sv->now);
	*out = NULL;
	if (req->drift_only) {
		if (load_known(sv, e) < 0) {
			saver_done(sv);
			return -1;
		}
		*out = sv;
		return 0;
	}
	if (bulk_settings(s, sv->saved, e) < 0) {
		saver_done(sv);
		return -1;
	}
	if (store_begin(s, e) < 0) {
		bulk_restore(s, sv->saved);
		saver_done(sv);
		return -1;
	}
	int rc = load_known(sv, e);
	if (rc == 0)
		rc = load_people(sv, e);
	if (rc == 0)
		rc = prepare_all(sv, e);
	if (rc == 0)
		rc = hold_index(sv, e);
	if (rc < 0) {
		store_rollback(s);
		bulk_restore(s, sv->saved);
		saver_done(sv);
		return -1;
	}
	*out = sv;
	return 0;
}

int import_save_item(void *arg, const struct import_item *it, struct perr *e)
{
	struct import_saver *sv = arg;
	if (!sv->req->drift_only)
		return save_item(sv, it, e);
	long long k = strmap_get(&sv->known, it->d.f[DF_DS_NUMBER]);
	if (k >= 0)
		add_drift(sv, it, sv->states[k]);	/* --report-drift: compare only */
	return 0;
}

int import_save_end(struct import_saver *sv, int rc, struct perr *e)
{
	if (!sv)
		return rc;
	struct store *s = sv->s;
	int drift = sv->req->drift_only, dry = sv->req->dry_run;
	long long saved[2] = { sv->saved[0], sv->saved[1] };
	if (!drift && rc == 0)
		rc = build_index(sv, e);
	saver_done(sv);
	if (drift)
		return rc;
	if (rc < 0 || dry)
		store_rollback(s);
	else
		rc = store_commit(s, e);
	bulk_restore(s, saved);
	return rc;
}
