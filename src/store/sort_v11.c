/* sort_v11.c - migration 11: the queue's sorts by "my review" and by total
 * read from stored keys that an index serves, kept by triggers in the
 * transaction of the write they follow (reviews, conflicts, states); and
 * migration 12, which lets a review's change fire them only when it
 * changes what they store. */
#include "store/sort_v11.h"

/* The figures phase of dossier X (STORE_FIGURES_PHASE on a dossiers row),
 * its mean submitted total (-1: none) and whether a review of that phase
 * is on a blind grid, as one row of sort_totals. */
#define TOTALS_OF(X) \
	"REPLACE INTO sort_totals(dossier_id, phase, total_key, open_key)" \
	" SELECT s.id, s.p, s.tk, CASE WHEN s.bl THEN -1 ELSE s.tk END FROM (" \
	"  SELECT f.id AS id, f.p AS p," \
	"   coalesce((SELECT avg(r.total) FROM reviews r WHERE r.dossier_id = f.id" \
	"     AND r.status = 'submitted' AND r.phase = f.p), -1) AS tk," \
	"   EXISTS (SELECT 1 FROM reviews r JOIN grid_versions g ON g.id = r.grid_version_id" \
	"     WHERE r.dossier_id = f.id AND g.blind = 1 AND r.phase = f.p) AS bl" \
	"  FROM (SELECT d.id AS id, " STORE_FIGURES_PHASE("d") " AS p" \
	"        FROM dossiers d WHERE d.id IN (" X ")) f) s;"

/* The per-person rows of a dossier follow its sort_totals row: whoever has
 * a review or a conflict on it. all_key is the total as a coordinateur or
 * lecteur sees it, instr_key as an instructeur does (visibility.c: a
 * conflict hides it; a blind grid until one's own review of the phase is
 * submitted). */
#define READERS_OF_NEW \
	"DELETE FROM sort_readers WHERE dossier_id = NEW.dossier_id;" \
	"INSERT INTO sort_readers(login, dossier_id, mine, all_key, instr_key)" \
	" SELECT u.login, NEW.dossier_id, max(u.mine)," \
	"  CASE WHEN max(u.cf) THEN -1 ELSE NEW.total_key END," \
	"  CASE WHEN max(u.cf) THEN -1 WHEN max(u.sf) THEN NEW.total_key ELSE NEW.open_key END" \
	" FROM (SELECT r.reviewer AS login, CASE r.status WHEN 'submitted' THEN 2 ELSE 1 END AS mine," \
	"        0 AS cf, r.status = 'submitted' AND r.phase = NEW.phase AS sf" \
	"       FROM reviews r WHERE r.dossier_id = NEW.dossier_id" \
	"       UNION ALL SELECT c.reviewer, 0, 1, 0 FROM conflicts c" \
	"       WHERE c.dossier_id = NEW.dossier_id) u" \
	" GROUP BY u.login;"

const char sort_v11_sql[] =
	/* What sorting by total needs of a dossier whoever reads: the
	 * phase whose reviews describe it, the mean total of its submitted
	 * reviews (-1: none), and that mean unless a review of the phase is
	 * on a blind grid (open_key, -1 then). One row per dossier. */
	/* Without rowid: dossier_id is then a column of the indexes below,
	 * which SQLite seeks with a (key, dossier_id) row value (it does not
	 * for the rowid). */
	/* no_review is "my review" of whoever has none here: 0 on every row,
	 * a column so that an index serves that order as the others (SQLite
	 * sorts a constant key rather than reading an index in order). */
	"CREATE TABLE sort_totals ("
	"  dossier_id INTEGER NOT NULL PRIMARY KEY,"
	"  no_review INTEGER NOT NULL DEFAULT 0 CHECK (no_review = 0),"
	"  phase INTEGER NOT NULL,"
	"  total_key REAL NOT NULL,"
	"  open_key REAL NOT NULL) WITHOUT ROWID;"
	"CREATE INDEX sort_totals_mine ON sort_totals(no_review, dossier_id);"
	"CREATE INDEX sort_totals_total ON sort_totals(total_key, dossier_id);"
	"CREATE INDEX sort_totals_open ON sort_totals(open_key, dossier_id);"
	/* Where a person's keys differ: one row per person with a review or a
	 * conflict on the dossier. mine: 2 a submitted review, 1 a draft, 0
	 * none (a conflict only). */
	"CREATE TABLE sort_readers ("
	"  login TEXT NOT NULL,"
	"  dossier_id INTEGER NOT NULL,"
	"  mine INTEGER NOT NULL,"
	"  all_key REAL NOT NULL,"
	"  instr_key REAL NOT NULL,"
	"  PRIMARY KEY (login, dossier_id)) WITHOUT ROWID;"
	"CREATE INDEX sort_readers_dossier ON sort_readers(dossier_id);"
	"CREATE INDEX sort_readers_mine ON sort_readers(login, mine, dossier_id);"
	"CREATE INDEX sort_readers_all ON sort_readers(login, all_key, dossier_id);"
	"CREATE INDEX sort_readers_instr ON sort_readers(login, instr_key, dossier_id);"
	"CREATE TRIGGER sort_readers_follow AFTER INSERT ON sort_totals BEGIN "
	READERS_OF_NEW
	" END;"
	"CREATE TRIGGER sort_dossier_insert AFTER INSERT ON dossiers BEGIN "
	TOTALS_OF("NEW.id")
	" END;"
	"CREATE TRIGGER sort_dossier_state AFTER UPDATE OF state ON dossiers BEGIN "
	TOTALS_OF("NEW.id")
	" END;"
	"CREATE TRIGGER sort_dossier_delete AFTER DELETE ON dossiers BEGIN "
	" DELETE FROM sort_totals WHERE dossier_id = OLD.id;"
	" DELETE FROM sort_readers WHERE dossier_id = OLD.id; END;"
	"CREATE TRIGGER sort_review_insert AFTER INSERT ON reviews BEGIN "
	TOTALS_OF("NEW.dossier_id")
	" END;"
	"CREATE TRIGGER sort_review_update AFTER UPDATE OF dossier_id, reviewer, grid_version_id,"
	"  phase, status, total ON reviews BEGIN "
	TOTALS_OF("OLD.dossier_id, NEW.dossier_id")
	" END;"
	"CREATE TRIGGER sort_review_delete AFTER DELETE ON reviews BEGIN "
	TOTALS_OF("OLD.dossier_id")
	" END;"
	"CREATE TRIGGER sort_conflict_insert AFTER INSERT ON conflicts BEGIN "
	TOTALS_OF("NEW.dossier_id")
	" END;"
	"CREATE TRIGGER sort_conflict_update AFTER UPDATE OF dossier_id, reviewer ON conflicts BEGIN "
	TOTALS_OF("OLD.dossier_id, NEW.dossier_id")
	" END;"
	"CREATE TRIGGER sort_conflict_delete AFTER DELETE ON conflicts BEGIN "
	TOTALS_OF("OLD.dossier_id")
	" END;"
	"CREATE TRIGGER sort_grid_blind AFTER UPDATE OF blind, phase ON grid_versions BEGIN "
	TOTALS_OF("SELECT dossier_id FROM reviews WHERE grid_version_id = NEW.id")
	" END;"
	/* The dossiers already there (the trigger above fills sort_readers). */
	TOTALS_OF("SELECT id FROM dossiers");

/* A draft saved again changes its total (and its answers) and nothing the
 * keys are made of: only submitted reviews are averaged, a draft counts in
 * "my review" by its status and in the blind rule by its grid and phase. */
const char sort_v12_sql[] =
	"DROP TRIGGER sort_review_update;"
	"CREATE TRIGGER sort_review_update AFTER UPDATE OF dossier_id, reviewer, grid_version_id,"
	"  phase, status, total ON reviews"
	" WHEN OLD.dossier_id IS NOT NEW.dossier_id OR OLD.reviewer IS NOT NEW.reviewer"
	"  OR OLD.grid_version_id IS NOT NEW.grid_version_id OR OLD.phase IS NOT NEW.phase"
	"  OR OLD.status IS NOT NEW.status"
	"  OR (NEW.status = 'submitted' AND OLD.total IS NOT NEW.total) BEGIN "
	TOTALS_OF("OLD.dossier_id, NEW.dossier_id")
	" END;";

/* The figures phase (STORE_FIGURES_PHASE) depends on the state only by its
 * group: submitted and phase1 read phase 1, phase2 and funded phase 2, the
 * others the dossier's reviews. A move within a group (submitted → phase1,
 * phase2 → funded, bouquet → rejected) changes no key: an import records
 * such moves by the thousand. */
#define STATE_GROUP(s) \
	"(CASE " s " WHEN 'submitted' THEN 1 WHEN 'phase1' THEN 1" \
	" WHEN 'phase2' THEN 2 WHEN 'funded' THEN 2 ELSE 0 END)"
const char sort_v13_sql[] =
	"DROP TRIGGER sort_dossier_state;"
	"CREATE TRIGGER sort_dossier_state AFTER UPDATE OF state ON dossiers"
	" WHEN " STATE_GROUP("OLD.state") " IS NOT " STATE_GROUP("NEW.state") " BEGIN "
	TOTALS_OF("NEW.id")
	" END;";
