/* schema_v2.c - migration 2: review grid versions, reviews and their answers,
 * conflicts of interest, expert opinions and funding decisions. */
#include "store.h"

const char schema_v2_sql[] =
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

int schema_v2_apply(struct store *s, struct perr *e)
{
	(void)s;
	(void)e;
	return 0;
}
