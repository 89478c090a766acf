/* schema_v1.c - migration 1: campaigns, dossiers, members, documents,
 * reviewers, assignments and the append-only history. Names are meant to be
 * read by a person with the sqlite3 shell. */
#include <string.h>

#include "dossier.h"
#include "procedure.h"
#include "store.h"

const char schema_v1_sql[] =
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

int schema_v1_apply(struct store *s, struct perr *e)
{
	sqlite3_stmt *r = store_prepare(s, "INSERT INTO regions(code, name) VALUES (?, ?)", e);
	if (!r)
		return -1;
	for (size_t i = 0; geo_regions[i].code; i++) {
		sqlite3_bind_text(r, 1, geo_regions[i].code, -1, SQLITE_STATIC);
		sqlite3_bind_text(r, 2, geo_regions[i].name, -1, SQLITE_STATIC);
		if (sqlite3_step(r) != SQLITE_DONE) {
			sqlite3_finalize(r);
			return store_fail(s, e, "regions");
		}
		sqlite3_reset(r);
	}
	sqlite3_finalize(r);
	sqlite3_stmt *d = store_prepare(s, "INSERT INTO departements(code, name, region_code) VALUES (?, ?, ?)", e);
	if (!d)
		return -1;
	for (size_t i = 0; geo_depts[i].code; i++) {
		sqlite3_bind_text(d, 1, geo_depts[i].code, -1, SQLITE_STATIC);
		sqlite3_bind_text(d, 2, geo_depts[i].name, -1, SQLITE_STATIC);
		sqlite3_bind_text(d, 3, geo_depts[i].region, -1, SQLITE_STATIC);
		if (sqlite3_step(d) != SQLITE_DONE) {
			sqlite3_finalize(d);
			return store_fail(s, e, "departements");
		}
		sqlite3_reset(d);
	}
	sqlite3_finalize(d);
	return procedure_sync(s, e);
}
