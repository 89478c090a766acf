/* schema.c - the database's migrations, oldest first. Names are meant to be
 * read by a person with the sqlite3 shell. The states and transitions
 * tables are filled from the procedure's C tables by procedure_mirror(). */
#include <string.h>

#include "base/geo.h"
#include "store/audit.h"
#include "store/history_v9.h"
#include "store/queue_v14.h"
#include "store/schema.h"
#include "store/sort_v11.h"
#include "store/stmt.h"

/* migration 1: campaigns, dossiers, members, documents,
 * reviewers, assignments and the append-only history. Names are meant to be
 * read by a person with the sqlite3 shell. */
static const char schema_v1_sql[] =
	/* A call round (millésime) and its money. */
	"CREATE TABLE campaigns ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  envelope_eur INTEGER NOT NULL CHECK (envelope_eur >= 0),"
	"  amount_per_year_eur INTEGER NOT NULL CHECK (amount_per_year_eur >= 0),"
	"  years INTEGER NOT NULL CHECK (years BETWEEN 1 AND 5),"
	"  is_current INTEGER NOT NULL DEFAULT 0 CHECK (is_current IN (0, 1)),"
	"  created_at TEXT NOT NULL"
	");"
	"CREATE TABLE regions (code TEXT PRIMARY KEY, name TEXT NOT NULL);"
	"CREATE TABLE departements ("
	"  code TEXT PRIMARY KEY, name TEXT NOT NULL,"
	"  region_code TEXT NOT NULL REFERENCES regions(code));"
	/* The procedure, mirrored from the C tables at every open. */
	"CREATE TABLE states ("
	"  name TEXT PRIMARY KEY, label_en TEXT NOT NULL, label_fr TEXT NOT NULL,"
	"  is_open INTEGER NOT NULL, position INTEGER NOT NULL);"
	"CREATE TABLE transitions ("
	"  from_state TEXT NOT NULL REFERENCES states(name),"
	"  to_state TEXT NOT NULL REFERENCES states(name),"
	"  label_en TEXT NOT NULL, label_fr TEXT NOT NULL,"
	"  roles TEXT NOT NULL, motivation_required INTEGER NOT NULL, guard TEXT,"
	"  PRIMARY KEY (from_state, to_state));"
	"CREATE TABLE dossiers ("
	"  id INTEGER PRIMARY KEY,"
	"  ds_number TEXT NOT NULL UNIQUE,"
	"  campaign_id INTEGER REFERENCES campaigns(id),"
	"  state TEXT NOT NULL DEFAULT 'submitted' REFERENCES states(name),"
	"  state_since TEXT NOT NULL,"
	"  ds_status TEXT, deposited_at TEXT,"
	"  lead_name TEXT NOT NULL, lead_siret TEXT, lead_legal_form TEXT,"
	"  lead_esus INTEGER, lead_address TEXT,"
	"  region_code TEXT REFERENCES regions(code),"
	"  departement_code TEXT REFERENCES departements(code),"
	"  legal_rep TEXT, contact_name TEXT, contact_email TEXT, contact_phone TEXT,"
	"  ptce_name TEXT NOT NULL, stage TEXT, territory TEXT, territory_type TEXT,"
	"  sectors TEXT, themes TEXT, phase_applied TEXT, bouquet_needs TEXT,"
	"  description TEXT, diagnosis TEXT, governance TEXT, staff_fte REAL, indicators TEXT,"
	"  budget_eur INTEGER, amount_requested_eur INTEGER, cofunding TEXT,"
	"  complements_due TEXT, complements_note TEXT,"
	"  created_at TEXT NOT NULL, updated_at TEXT NOT NULL,"
	"  revision INTEGER NOT NULL DEFAULT 1"
	");"
	"CREATE INDEX dossiers_state ON dossiers(state);"
	"CREATE INDEX dossiers_region ON dossiers(region_code);"
	"CREATE TABLE members ("
	"  id INTEGER PRIMARY KEY,"
	"  dossier_id INTEGER NOT NULL REFERENCES dossiers(id),"
	"  position INTEGER NOT NULL,"
	"  name TEXT NOT NULL, siret TEXT, category TEXT, role TEXT, commitment TEXT);"
	"CREATE INDEX members_dossier ON members(dossier_id);"
	"CREATE TABLE documents ("
	"  id INTEGER PRIMARY KEY,"
	"  dossier_id INTEGER NOT NULL REFERENCES dossiers(id),"
	"  kind TEXT NOT NULL CHECK (kind IN ('statuts','sirene','comptes','charte','lettre','autre')),"
	"  title TEXT NOT NULL, received_on TEXT);"
	"CREATE INDEX documents_dossier ON documents(dossier_id);"
	/* People: the Unix account is the login. Removing someone keeps the row
	 * (active = 0) because history names them. */
	"CREATE TABLE reviewers ("
	"  login TEXT PRIMARY KEY, display_name TEXT NOT NULL, organisation TEXT,"
	"  email TEXT, active INTEGER NOT NULL DEFAULT 1, created_at TEXT NOT NULL);"
	"CREATE TABLE reviewer_roles ("
	"  login TEXT NOT NULL REFERENCES reviewers(login),"
	"  role TEXT NOT NULL CHECK (role IN ('instructeur','coordinateur','expert','lecteur','admin')),"
	"  PRIMARY KEY (login, role));"
	"CREATE TABLE assignments ("
	"  dossier_id INTEGER NOT NULL REFERENCES dossiers(id),"
	"  login TEXT NOT NULL REFERENCES reviewers(login),"
	"  assigned_by TEXT NOT NULL, assigned_at TEXT NOT NULL,"
	"  PRIMARY KEY (dossier_id, login));"
	/* Everything that happened to a dossier, never rewritten. kind is one of
	 * create, update, move, assign, unassign, complements, conflict, review,
	 * opinion; state changes are the rows with a to_state. actor is whom the
	 * action is attributed to, real_actor the Unix account that ran ptce. */
	"CREATE TABLE history ("
	"  id INTEGER PRIMARY KEY,"
	"  dossier_id INTEGER NOT NULL REFERENCES dossiers(id),"
	"  at TEXT NOT NULL,"
	"  actor TEXT NOT NULL, real_actor TEXT NOT NULL,"
	"  kind TEXT NOT NULL,"
	"  from_state TEXT REFERENCES states(name), to_state TEXT REFERENCES states(name),"
	"  motivation TEXT, override INTEGER NOT NULL DEFAULT 0, detail TEXT);"
	"CREATE INDEX history_dossier ON history(dossier_id, id);"
	"CREATE TRIGGER history_is_append_only_u BEFORE UPDATE ON history BEGIN"
	"  SELECT RAISE(ABORT, 'history is append-only: record a correction as a new entry'); END;"
	"CREATE TRIGGER history_is_append_only_d BEFORE DELETE ON history BEGIN"
	"  SELECT RAISE(ABORT, 'history is append-only: record a correction as a new entry'); END;"
	/* The database itself refuses a move the procedure does not know, or one
	 * that does not start from the current state. */
	"CREATE TRIGGER history_move_is_known BEFORE INSERT ON history WHEN NEW.kind = 'move' BEGIN"
	"  SELECT RAISE(ABORT, 'this transition is not in the procedure')"
	"   WHERE NOT EXISTS (SELECT 1 FROM transitions"
	"                     WHERE from_state = NEW.from_state AND to_state = NEW.to_state);"
	"  SELECT RAISE(ABORT, 'the move does not start from the dossier''s current state')"
	"   WHERE NEW.from_state IS NOT (SELECT state FROM dossiers WHERE id = NEW.dossier_id);"
	"END;"
	"CREATE TRIGGER history_sets_state AFTER INSERT ON history WHEN NEW.to_state IS NOT NULL BEGIN"
	"  UPDATE dossiers SET state = NEW.to_state, state_since = NEW.at,"
	"         revision = revision + 1, updated_at = NEW.at"
	"   WHERE id = NEW.dossier_id; END;"
	/* The state column is a cache of the last history entry; nothing else
	 * may change it. */
	"CREATE TRIGGER dossier_state_follows_history BEFORE UPDATE OF state ON dossiers"
	"  WHEN NEW.state IS NOT (SELECT to_state FROM history WHERE dossier_id = NEW.id"
	"                         AND to_state IS NOT NULL ORDER BY id DESC LIMIT 1) BEGIN"
	"  SELECT RAISE(ABORT, 'a dossier''s state changes only through a history entry'); END;"
	"CREATE TRIGGER dossier_starts_submitted BEFORE INSERT ON dossiers"
	"  WHEN NEW.state <> 'submitted' BEGIN"
	"  SELECT RAISE(ABORT, 'a new dossier starts in state submitted'); END;";

static void bind_region(sqlite3_stmt *st, size_t i, const void *arg)
{
	(void)arg;
	stmt_bind(st, "tt", geo_regions[i].code, geo_regions[i].name);
}

static void bind_dept(sqlite3_stmt *st, size_t i, const void *arg)
{
	(void)arg;
	stmt_bind(st, "ttt", geo_depts[i].code, geo_depts[i].name, geo_depts[i].region);
}

/* The régions and départements, from the tables of base/geo.c. */
static int schema_v1_apply(struct store *s, struct perr *e)
{
	if (stmt_each(s, e, "regions", "INSERT INTO regions(code, name) VALUES (?, ?)",
		      geo_n_regions, bind_region, NULL) < 0)
		return -1;
	return stmt_each(s, e, "departements",
			 "INSERT INTO departements(code, name, region_code) VALUES (?, ?, ?)",
			 geo_n_depts, bind_dept, NULL);
}

/* migration 2: review grid versions, reviews and their answers,
 * conflicts of interest, expert opinions and funding decisions. */
static const char schema_v2_sql[] =
	/* Every grid file content ever used, kept whole: a review is read with
	 * the version it was given on, never with a later edit of the file.
	 * hash is FNV-1a 64 of the file's bytes (identifies, does not protect).
	 * The figures the queue needs are copied out of the YAML so that a row
	 * costs no parsing. */
	"CREATE TABLE grid_versions ("
	"  id INTEGER PRIMARY KEY,"
	"  grid_id TEXT NOT NULL,"
	"  hash TEXT NOT NULL,"
	"  phase INTEGER NOT NULL CHECK (phase IN (1, 2)),"
	"  title TEXT NOT NULL,"
	"  version_label TEXT,"
	"  source_path TEXT,"
	"  reviews_required INTEGER NOT NULL,"
	"  blind INTEGER NOT NULL,"
	"  divergence REAL NOT NULL,"
	"  points_total REAL NOT NULL,"
	"  content TEXT NOT NULL,"
	"  first_used_at TEXT NOT NULL,"
	"  UNIQUE (grid_id, hash));"
	/* One review per reviewer x dossier x grid. total/band/eliminated_by
	 * are written when the review is saved (from its own grid version). */
	"CREATE TABLE reviews ("
	"  id INTEGER PRIMARY KEY,"
	"  dossier_id INTEGER NOT NULL REFERENCES dossiers(id),"
	"  reviewer TEXT NOT NULL REFERENCES reviewers(login),"
	"  grid_id TEXT NOT NULL,"
	"  grid_version_id INTEGER NOT NULL REFERENCES grid_versions(id),"
	"  phase INTEGER NOT NULL CHECK (phase IN (1, 2)),"
	"  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),"
	"  revision INTEGER NOT NULL DEFAULT 1,"
	"  total REAL NOT NULL DEFAULT 0,"
	"  band TEXT, eliminated_by TEXT,"
	"  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,"
	"  submitted_at TEXT,"
	"  UNIQUE (dossier_id, reviewer, grid_id));"
	"CREATE INDEX reviews_dossier ON reviews(dossier_id, phase, status);"
	/* kind and blocking are copied from the grid version so that SQL alone
	 * can tell divergence and failed gates (queue rows). */
	"CREATE TABLE review_answers ("
	"  review_id INTEGER NOT NULL REFERENCES reviews(id),"
	"  criterion TEXT NOT NULL,"
	"  kind TEXT NOT NULL CHECK (kind IN ('gate', 'scale', 'choice', 'text')),"
	"  blocking INTEGER NOT NULL DEFAULT 0,"
	"  value TEXT, comment TEXT,"
	"  points REAL NOT NULL DEFAULT 0,"
	"  updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,"
	"  PRIMARY KEY (review_id, criterion));"
	/* Every change to a review, append-only: who changed what and when
	 * (the message of an edit conflict quotes the last one). */
	"CREATE TABLE review_changes ("
	"  id INTEGER PRIMARY KEY,"
	"  review_id INTEGER NOT NULL REFERENCES reviews(id),"
	"  at TEXT NOT NULL, actor TEXT NOT NULL, real_actor TEXT NOT NULL,"
	"  what TEXT NOT NULL,"		/* answer, comment, submit, reopen, create */
	"  criterion TEXT, old_value TEXT, new_value TEXT);"
	"CREATE INDEX review_changes_review ON review_changes(review_id, id);"
	"CREATE TRIGGER review_changes_append_only_u BEFORE UPDATE ON review_changes BEGIN"
	"  SELECT RAISE(ABORT, 'review changes are append-only'); END;"
	"CREATE TRIGGER review_changes_append_only_d BEFORE DELETE ON review_changes BEGIN"
	"  SELECT RAISE(ABORT, 'review changes are append-only'); END;"
	"CREATE TABLE conflicts ("
	"  id INTEGER PRIMARY KEY,"
	"  dossier_id INTEGER NOT NULL REFERENCES dossiers(id),"
	"  reviewer TEXT NOT NULL REFERENCES reviewers(login),"
	"  reason TEXT NOT NULL CHECK (length(reason) > 0),"
	"  declared_by TEXT NOT NULL, declared_at TEXT NOT NULL,"
	"  UNIQUE (dossier_id, reviewer));"
	"CREATE TABLE opinions ("
	"  id INTEGER PRIMARY KEY,"
	"  dossier_id INTEGER NOT NULL REFERENCES dossiers(id),"
	"  expert TEXT NOT NULL REFERENCES reviewers(login),"
	"  question TEXT NOT NULL,"
	"  asked_by TEXT NOT NULL, asked_at TEXT NOT NULL,"
	"  verdict TEXT CHECK (verdict IN ('favourable', 'defavourable')),"
	"  answer TEXT, answered_at TEXT,"
	"  CHECK ((verdict IS NULL) = (answered_at IS NULL)));"
	"CREATE INDEX opinions_expert ON opinions(expert, answered_at);"
	"CREATE INDEX opinions_dossier ON opinions(dossier_id);"
	/* A laureate's money: what the envelope's used amount is made of. */
	"CREATE TABLE funding_decisions ("
	"  id INTEGER PRIMARY KEY,"
	"  dossier_id INTEGER NOT NULL REFERENCES dossiers(id),"
	"  campaign_id INTEGER NOT NULL REFERENCES campaigns(id),"
	"  amount_per_year_eur INTEGER NOT NULL CHECK (amount_per_year_eur BETWEEN 1 AND 100000000),"
	"  years INTEGER NOT NULL CHECK (years BETWEEN 1 AND 5),"
	"  validation_ref TEXT NOT NULL, validation_date TEXT NOT NULL,"
	"  decided_by TEXT NOT NULL, real_actor TEXT NOT NULL, decided_at TEXT NOT NULL,"
	"  overridden INTEGER NOT NULL DEFAULT 0);"
	"CREATE INDEX funding_campaign ON funding_decisions(campaign_id);"
	"CREATE TRIGGER funding_decisions_append_only_u BEFORE UPDATE ON funding_decisions BEGIN"
	"  SELECT RAISE(ABORT, 'funding decisions are append-only'); END;"
	"CREATE TRIGGER funding_decisions_append_only_d BEFORE DELETE ON funding_decisions BEGIN"
	"  SELECT RAISE(ABORT, 'funding decisions are append-only'); END;";

/* migration 3: what the interface needs from the database
 * (full-text search index, queue indexes) (owned by the interface work). */
/* The text indexed for one dossier: names, members, long texts. Accents are
 * folded by the tokenizer, so "energie" finds "énergie". */
#define FTS_NAMES \
	"coalesce(d.ptce_name, '') || ' ' || coalesce(d.lead_name, '') || ' ' ||" \
	" coalesce(d.territory, '') || ' ' || coalesce(d.legal_rep, '') || ' ' ||" \
	" coalesce(d.contact_name, '')"
#define FTS_TEXTS \
	"coalesce(d.sectors, '') || ' ' || coalesce(d.themes, '') || ' ' ||" \
	" coalesce(d.description, '') || ' ' || coalesce(d.diagnosis, '') || ' ' ||" \
	" coalesce(d.governance, '') || ' ' || coalesce(d.indicators, '') || ' ' ||" \
	" coalesce(d.cofunding, '')"
/* The index rows of the dossiers d: every one, or (FTS_ROW) one. */
#define FTS_ROWS \
	"INSERT INTO dossier_fts(rowid, ds_number, names, members, texts)" \
	" SELECT d.id, d.ds_number," \
	"  " FTS_NAMES "," \
	"  (SELECT group_concat(m.name || ' ' || coalesce(m.role, ''), ' ') FROM members m" \
	"    WHERE m.dossier_id = d.id)," \
	"  " FTS_TEXTS \
	" FROM dossiers d"
#define FTS_ROW(idexpr) FTS_ROWS " WHERE d.id = " idexpr ";"

static const char schema_v3_sql[] =
	"CREATE VIRTUAL TABLE dossier_fts USING fts5("
	"  ds_number, names, members, texts,"
	"  tokenize = 'unicode61 remove_diacritics 2');"
	"CREATE TRIGGER dossier_fts_insert AFTER INSERT ON dossiers BEGIN "
	FTS_ROW("NEW.id")
	" END;"
	/* Only the searched columns: a move (state, revision) leaves it alone. */
	"CREATE TRIGGER dossier_fts_update AFTER UPDATE OF ds_number, ptce_name, lead_name,"
	"  territory, legal_rep, contact_name, sectors, themes, description, diagnosis,"
	"  governance, indicators, cofunding ON dossiers BEGIN "
	" DELETE FROM dossier_fts WHERE rowid = OLD.id; "
	FTS_ROW("NEW.id")
	" END;"
	"CREATE TRIGGER dossier_fts_delete AFTER DELETE ON dossiers BEGIN "
	" DELETE FROM dossier_fts WHERE rowid = OLD.id; END;"
	"CREATE TRIGGER dossier_fts_member_insert AFTER INSERT ON members BEGIN "
	" DELETE FROM dossier_fts WHERE rowid = NEW.dossier_id; "
	FTS_ROW("NEW.dossier_id")
	" END;"
	"CREATE TRIGGER dossier_fts_member_update AFTER UPDATE ON members BEGIN "
	" DELETE FROM dossier_fts WHERE rowid IN (OLD.dossier_id, NEW.dossier_id); "
	FTS_ROW("OLD.dossier_id")
	FTS_ROW("NEW.dossier_id AND NEW.dossier_id <> OLD.dossier_id")
	" END;"
	"CREATE TRIGGER dossier_fts_member_delete AFTER DELETE ON members BEGIN "
	" DELETE FROM dossier_fts WHERE rowid = OLD.dossier_id; "
	FTS_ROW("OLD.dossier_id")
	" END;"
	/* Whatever is already there. */
	FTS_ROWS ";"
	/* Sorting and filtering the queue without a full sort. */
	"CREATE INDEX dossiers_name ON dossiers(ptce_name COLLATE NOCASE, id);"
	"CREATE INDEX dossiers_since ON dossiers(state_since, id);"
	"CREATE INDEX dossiers_region_dept ON dossiers(region_code, departement_code, id);"
	"CREATE INDEX dossiers_state_number ON dossiers(state, ds_number);"
	"CREATE INDEX assignments_login ON assignments(login, dossier_id);";


/* migration 4: what the platform's exports bring (issue "real dossiers in").
 * - notes: the dossier's written thread: the platform's annotations privées
 *   (source 'ds', one per annotation field, updated by a re-import) and the
 *   reviewers' own comments (source 'ptce', never rewritten).
 * - opinions: an opinion may come from the platform's Avis sheet, asked of
 *   an address that is no reviewer here (expert NULL, expert_email kept);
 *   the platform's yes/no question is kept beside its answer.
 * - documents: a pièce jointe from the zip export is stored once by content
 *   (document_blobs, keyed by its SHA-256), with its size, type and the
 *   file name and folder it had in the archive. */
static const char schema_v4_sql[] =
	"CREATE TABLE notes ("
	"  id INTEGER PRIMARY KEY,"
	"  dossier_id INTEGER NOT NULL REFERENCES dossiers(id),"
	"  source TEXT NOT NULL CHECK (source IN ('ptce', 'ds')),"
	"  author TEXT REFERENCES reviewers(login),"
	"  author_label TEXT,"
	"  field TEXT,"
	"  body TEXT NOT NULL,"
	"  at TEXT NOT NULL, real_actor TEXT NOT NULL,"
	"  CHECK (source = 'ds' OR author IS NOT NULL),"
	"  CHECK (source = 'ptce' OR field IS NOT NULL));"
	"CREATE INDEX notes_dossier ON notes(dossier_id, id);"
	"CREATE UNIQUE INDEX notes_ds_field ON notes(dossier_id, field) WHERE source = 'ds';"
	"CREATE TRIGGER notes_ptce_append_only_u BEFORE UPDATE ON notes WHEN OLD.source = 'ptce' BEGIN"
	"  SELECT RAISE(ABORT, 'a comment is never rewritten: add a new one'); END;"
	"CREATE TRIGGER notes_ptce_append_only_d BEFORE DELETE ON notes WHEN OLD.source = 'ptce' BEGIN"
	"  SELECT RAISE(ABORT, 'a comment is never rewritten: add a new one'); END;"
	"CREATE TABLE opinions_v4 ("
	"  id INTEGER PRIMARY KEY,"
	"  dossier_id INTEGER NOT NULL REFERENCES dossiers(id),"
	"  expert TEXT REFERENCES reviewers(login),"
	"  expert_email TEXT,"
	"  question TEXT NOT NULL,"
	"  asked_by TEXT NOT NULL, asked_at TEXT NOT NULL,"
	"  verdict TEXT CHECK (verdict IN ('favourable', 'defavourable')),"
	"  answer TEXT, answered_at TEXT,"
	"  yes_no_question TEXT,"
	"  source TEXT NOT NULL DEFAULT 'ptce' CHECK (source IN ('ptce', 'ds')),"
	"  CHECK (expert IS NOT NULL OR expert_email IS NOT NULL),"
	"  CHECK (source = 'ds' OR (verdict IS NULL) = (answered_at IS NULL)));"
	"INSERT INTO opinions_v4(id, dossier_id, expert, question, asked_by, asked_at,"
	"                        verdict, answer, answered_at)"
	"  SELECT id, dossier_id, expert, question, asked_by, asked_at, verdict, answer, answered_at"
	"  FROM opinions;"
	"DROP TABLE opinions;"
	"ALTER TABLE opinions_v4 RENAME TO opinions;"
	"CREATE INDEX opinions_expert ON opinions(expert, answered_at);"
	"CREATE INDEX opinions_dossier ON opinions(dossier_id);"
	"CREATE UNIQUE INDEX opinions_ds ON opinions(dossier_id, expert_email, asked_at)"
	"  WHERE source = 'ds';"
	"CREATE INDEX reviewers_email ON reviewers(lower(email));"
	"CREATE TABLE document_blobs ("
	"  sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),"
	"  size INTEGER NOT NULL CHECK (size >= 0),"
	"  content BLOB NOT NULL CHECK (length(content) = size));"
	"ALTER TABLE documents ADD COLUMN folder TEXT;"
	"ALTER TABLE documents ADD COLUMN file_name TEXT;"
	"ALTER TABLE documents ADD COLUMN size INTEGER;"
	"ALTER TABLE documents ADD COLUMN mime TEXT;"
	"ALTER TABLE documents ADD COLUMN sha256 TEXT REFERENCES document_blobs(sha256);";

/* migration 5: the queue views a reviewer saved (":view save NAME"), as the
 * platform's saved filters per tab: the quick view, the filter as typed
 * back (state=... region=... assignee=...), and the sort. */
static const char schema_v5_sql[] =
	"CREATE TABLE saved_views ("
	"  login TEXT NOT NULL REFERENCES reviewers(login),"
	"  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),"
	"  view TEXT NOT NULL,"
	"  filter TEXT NOT NULL DEFAULT '',"
	"  sort TEXT NOT NULL,"
	"  descending INTEGER NOT NULL DEFAULT 0 CHECK (descending IN (0, 1)),"
	"  saved_at TEXT NOT NULL,"
	"  PRIMARY KEY (login, name));";

/* migration 8: where each grid version comes from. A review is given only on
 * an installed version: one an admin installed ('install', each installation
 * kept in grid_installs, append-only) or one read from the host's system
 * grid directory ('system'). Versions stored before are 'legacy'. */
static const char schema_v8_sql[] =
	"ALTER TABLE grid_versions ADD COLUMN origin TEXT NOT NULL DEFAULT 'legacy'"
	"  CHECK (origin IN ('legacy', 'system', 'install'));"
	"CREATE TABLE grid_installs ("
	"  id INTEGER PRIMARY KEY,"
	"  grid_id TEXT NOT NULL,"
	"  version_id INTEGER NOT NULL REFERENCES grid_versions(id),"
	"  installed_by TEXT NOT NULL, real_installed_by TEXT NOT NULL,"
	"  installed_at TEXT NOT NULL,"
	"  source_file TEXT);"
	"CREATE INDEX grid_installs_grid ON grid_installs(grid_id, id);"
	"CREATE TRIGGER grid_installs_append_only_u BEFORE UPDATE ON grid_installs BEGIN"
	"  SELECT RAISE(ABORT, 'grid installations are append-only: install again'); END;"
	"CREATE TRIGGER grid_installs_append_only_d BEFORE DELETE ON grid_installs BEGIN"
	"  SELECT RAISE(ABORT, 'grid installations are append-only: install again'); END;";

/* migration 7: fast at 100 000 dossiers (issue 13).
 * - fts_hold: while it has a row (only inside the transaction of an
 *   import, which rebuilds the index of each dossier it wrote before it
 *   commits), the search index triggers do nothing: a dossier's row is
 *   built once, not once more for each member inserted.
 * - indexes that serve the queue's orders as they are written in
 *   workflow/queue_sql.c (the expressions must match): state (the
 *   procedure's order, STORE_STATE_POS), région/département, flags, and
 *   the compléments' deadline for the "overdue" view. */
#define FTS_HELD "NOT EXISTS (SELECT 1 FROM fts_hold)"
static const char schema_v7_sql[] =
	"CREATE TABLE fts_hold (held INTEGER PRIMARY KEY);"
	"DROP TRIGGER dossier_fts_insert;"
	"DROP TRIGGER dossier_fts_update;"
	"DROP TRIGGER dossier_fts_member_insert;"
	"DROP TRIGGER dossier_fts_member_update;"
	"DROP TRIGGER dossier_fts_member_delete;"
	"CREATE TRIGGER dossier_fts_insert AFTER INSERT ON dossiers WHEN " FTS_HELD " BEGIN "
	FTS_ROW("NEW.id")
	" END;"
	"CREATE TRIGGER dossier_fts_update AFTER UPDATE OF ds_number, ptce_name, lead_name,"
	"  territory, legal_rep, contact_name, sectors, themes, description, diagnosis,"
	"  governance, indicators, cofunding ON dossiers WHEN " FTS_HELD " BEGIN "
	" DELETE FROM dossier_fts WHERE rowid = OLD.id; "
	FTS_ROW("NEW.id")
	" END;"
	"CREATE TRIGGER dossier_fts_member_insert AFTER INSERT ON members WHEN " FTS_HELD " BEGIN "
	" DELETE FROM dossier_fts WHERE rowid = NEW.dossier_id; "
	FTS_ROW("NEW.dossier_id")
	" END;"
	"CREATE TRIGGER dossier_fts_member_update AFTER UPDATE ON members WHEN " FTS_HELD " BEGIN "
	" DELETE FROM dossier_fts WHERE rowid IN (OLD.dossier_id, NEW.dossier_id); "
	FTS_ROW("OLD.dossier_id")
	FTS_ROW("NEW.dossier_id AND NEW.dossier_id <> OLD.dossier_id")
	" END;"
	"CREATE TRIGGER dossier_fts_member_delete AFTER DELETE ON members WHEN " FTS_HELD " BEGIN "
	" DELETE FROM dossier_fts WHERE rowid = OLD.dossier_id; "
	FTS_ROW("OLD.dossier_id")
	" END;"
	"CREATE INDEX dossiers_state_pos ON dossiers(" STORE_STATE_POS("state") ", id);"
	"CREATE INDEX dossiers_region_order ON dossiers(coalesce(region_code, ''),"
	"  coalesce(departement_code, ''), id);"
	"CREATE INDEX dossiers_flags ON dossiers((complements_due IS NOT NULL), id);"
	"CREATE INDEX dossiers_complements_due ON dossiers(complements_due)"
	"  WHERE complements_due IS NOT NULL;";

const char store_fts_pending_sql[] =
	"CREATE TEMP TABLE IF NOT EXISTS fts_pending(id INTEGER PRIMARY KEY);"
	"DELETE FROM temp.fts_pending;";
const char store_fts_unindex_sql[] =
	"DELETE FROM dossier_fts WHERE rowid IN (SELECT id FROM temp.fts_pending)";
const char store_fts_index_sql[] = FTS_ROWS " WHERE d.id IN (SELECT id FROM temp.fts_pending)";

const struct migration store_migrations[] = {
	{1, schema_v1_sql, schema_v1_apply},
	{2, schema_v2_sql, NULL},
	{3, schema_v3_sql, NULL},
	{4, schema_v4_sql, NULL},
	{5, schema_v5_sql, NULL},
	/* 6: the tamper-evident record (store/audit.c): the audit table, the
	 * triggers that chain every write, the rows already there sealed. */
	{6, NULL, audit_install},
	{7, schema_v7_sql, NULL},
	{8, schema_v8_sql, NULL},
	/* 9: the history's details as parameters put into words when read
	 * (store/history_v9.c), the rewritten rows sealed anew. */
	{9, NULL, history_v9_apply},
	/* 10: grid installations in the record, a grid version's origin among
	 * its digested columns (store/audit.c). */
	{10, NULL, audit_v10_apply},
	/* 11: stored keys for the sorts by "my review" and by total
	 * (store/sort_v11.c). */
	{11, sort_v11_sql, NULL},
	/* 12: that trigger on reviews only when what it stores changes
	 * (store/sort_v11.c). */
	{12, sort_v12_sql, NULL},
	/* 13: the one on dossiers only when a move changes the phase whose
	 * figures it shows (store/sort_v11.c). */
	{13, sort_v13_sql, NULL},
	/* 14: the dossiers counted by state, région and département, the
	 * forced moves indexed apart (store/queue_v14.c). */
	{14, queue_v14_sql, NULL},
	/* 15: an audit entry appended without a temporary b-tree; audit_last
	 * holds what the next one follows (store/audit.c). */
	{15, NULL, audit_v15_apply},
};
const size_t store_n_migrations = sizeof store_migrations / sizeof store_migrations[0];
