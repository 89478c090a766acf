/* dossier_save.c - inserting a new dossier, or updating the applicant's
 * fields and members of a known one, with the history entry that says so. */
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/kv.h"
#include "base/text.h"
#include "procedure/dossier_save.h"
#include "procedure/history.h"
#include "store/stmt.h"

/* The dossier fields as parameters from ?3 on (?1 and ?2 are the
 * statement's own): "?3, ?4, ..." for an insert, "ds_number = ?3, ..." (sets)
 * for an update. A fresh string. */
static char *field_params(int sets)
{
	char *sql = NULL;
	for (int i = 0; i < DF_COUNT; i++)
		xappendf(&sql, "%s%s%s?%d", i ? ", " : "", sets ? dossier_fields[i].column : "",
			 sets ? " = " : "", 3 + i);
	return sql;
}

/* Run sql with key as ?1 (the dossier's id; for an insert, its campaign),
 * at as ?2 and the field values from ?3 on. */
static int write_fields(struct store *s, const char *sql, long long key, const char *at,
			char *const *val, const char *what, struct perr *e)
{
	sqlite3_stmt *st = stmt_query(s, e, sql, "It", key, at);
	for (int i = 0; st && i < DF_COUNT; i++)
		field_bind(st, 3 + i, &dossier_fields[i], val[i]);
	return stmt_exec(s, st, e, what);
}

/* The members of a dossier and its id, for bind_member. */
struct member_rows {
	long long id;
	const struct member *m;
};

static void bind_member(sqlite3_stmt *st, size_t i, const void *arg)
{
	const struct member_rows *r = arg;
	char *const *f = r->m[i].f;
	_Static_assert(MF_COUNT == 5, "one 'n' per member field below");
	stmt_bind(st, "IInnnnn", r->id, (long long)i + 1, f[0], f[1], f[2], f[3], f[4]);
}

static int save_members(struct store *s, long long id, const struct dossier *d, struct perr *e)
{
	struct member_rows rows = {id, d->members};
	if (stmt_run(s, e, _("replacing the members"), "DELETE FROM members WHERE dossier_id = ?", "I", id) < 0)
		return -1;
	return stmt_each(s, e, _("saving a member"), "INSERT INTO members(dossier_id, position, name, siret,"
			 " category, role, commitment) VALUES (?,?,?,?,?,?,?)", d->n_members, bind_member, &rows);
}

static int members_differ(const struct dossier *old, const struct dossier *d)
{
	if (old->n_members != d->n_members)
		return 1;
	for (size_t i = 0; i < d->n_members; i++)
		for (int f = 0; f < MF_COUNT; f++)
			if (!field_same(old->members[i].f[f], d->members[i].f[f]))
				return 1;
	return 0;
}

/* The current campaign's id, or 0 (also when it cannot be read). */
static long long current_campaign(struct store *s)
{
	struct perr ignored;
	long long id = 0;
	stmt_int(s, &id, 0, &ignored, "", "SELECT id FROM campaigns WHERE is_current = 1 ORDER BY id DESC LIMIT 1",
		 NULL);
	return id;
}

/* A new dossier: inserted in state submitted (in its own campaign, else the
 * current one), then the 'create' entry that makes history the source of its
 * state. */
static int insert_dossier(struct store *s, const char *actor, const char *real_actor,
			  const struct dossier *d, const char *at, long long *id, struct perr *e)
{
	char *cols = dossier_field_columns(), *params = field_params(0);
	char *sql = xasprintf("INSERT INTO dossiers(campaign_id, state, state_since, created_at, updated_at, %s)"
			      " VALUES (nullif(?1, 0), 'submitted', ?2, ?2, ?2, %s)", cols, params);
	free(cols);
	free(params);
	int rc = write_fields(s, sql, d->campaign_id ? d->campaign_id : current_campaign(s), at, d->f,
			      _("saving the dossier"), e);
	free(sql);
	if (rc < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(s->db);
	return stmt_run(s, e, _("recording the dossier's history"),
			"INSERT INTO history(dossier_id, at, actor, real_actor, kind,"
			" to_state, detail) VALUES (?, ?, ?, ?, 'create', 'submitted', ?)",
			"Itttt", *id, at, actor, real_actor, "source=imported");
}

/* The names of what differs between old and the values to save, joined
 * with ", " into changed ("" when nothing does). */
static void changes(const struct dossier *old, char *const *val, int members, char *changed,
		    size_t len)
{
	changed[0] = '\0';
	for (int i = 0; i < DF_COUNT; i++)
		if (!field_same(old->f[i], val[i]))
			text_join(changed, len, ", ", dossier_fields[i].column);
	if (members)
		text_join(changed, len, ", ", "members");
}

/* The 'update' entry: each field named in changed ("a, b") as a parameter. */
static int history_update(struct store *s, long long id, const char *at, const char *actor,
			  const char *real_actor, const char *changed, struct perr *e)
{
	char *detail = NULL;
	for (const char *p = changed; *p;) {
		size_t n = strcspn(p, ",");
		char *name = xasprintf("%.*s", (int)n, p);
		kv_add(&detail, "field", name);
		free(name);
		p += n;
		p += strspn(p, ", ");
	}
	int rc = history_add(s, id, at, actor, real_actor, "update", NULL, detail, e);
	free(detail);
	return rc;
}

/* A known dossier: compare, then update only what changed. A field the
 * source did not carry keeps its stored value. */
static int update_dossier(struct store *s, const char *actor, const char *real_actor,
			  const struct dossier *d, int with_members, const char *at, long long id,
			  enum save_result *res, struct perr *e)
{
	struct dossier *old = NULL;
	if (dossier_load(s, id, &old, e) < 0)
		return -1;
	char *val[DF_COUNT];
	for (int i = 0; i < DF_COUNT; i++)
		val[i] = d->absent[i] ? old->f[i] : d->f[i];
	int members = with_members && members_differ(old, d);
	char changed[1024];
	changes(old, val, members, changed, sizeof changed);
	*res = *changed ? SAVE_UPDATED : SAVE_UNCHANGED;
	int rc = 0;
	if (*changed) {
		char *sets = field_params(1);
		char *sql = xasprintf("UPDATE dossiers SET %s, updated_at = ?2, revision = revision + 1"
				      " WHERE id = ?1", sets);
		rc = write_fields(s, sql, id, at, val, _("updating the dossier"), e);
		free(sql);
		free(sets);
	}
	dossier_free(&old);
	if (rc == 0 && members)
		rc = save_members(s, id, d, e);
	if (rc == 0 && *changed)
		rc = history_update(s, id, at, actor, real_actor, changed, e);
	return rc;
}

int dossier_save(struct store *s, const char *actor, const char *real_actor,
		 const struct dossier *d, int with_members, const char *at,
		 enum save_result *res, long long *id_out, struct perr *e)
{
	char now[21];
	if (!at)
		at = now_utc(now);
	const char *number = d->f[DF_DS_NUMBER];
	if (!number || !*number)
		return perr_set(e, P_INVALID, _("a dossier needs its platform number"));
	long long id = 0;
	struct perr lookup = {0};
	if (dossier_find_id(s, number, &id, &lookup) < 0 && lookup.status != P_NOTFOUND) {
		*e = lookup;
		return -1;
	}
	enum save_result r = SAVE_CREATED;
	int rc;
	if (id)
		rc = update_dossier(s, actor, real_actor, d, with_members, at, id, &r, e);
	else if ((rc = insert_dossier(s, actor, real_actor, d, at, &id, e)) == 0 && with_members)
		rc = save_members(s, id, d, e);
	if (rc < 0)
		return -1;
	if (res)
		*res = r;
	if (id_out)
		*id_out = id;
	return 0;
}
