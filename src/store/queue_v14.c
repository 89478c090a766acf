/* queue_v14.c - migration 14: the dossiers counted by state, région and
 * département; the forced moves indexed apart. */
#include "store/queue_v14.h"

/* Add d (1 or -1) to the count of the row of dossier r (NEW or OLD). */
#define COUNT_ADD(r, d) \
	"INSERT INTO queue_counts(state, region_code, departement_code, n) VALUES (" r ".state," \
	" coalesce(" r ".region_code, ''), coalesce(" r ".departement_code, ''), " d ")" \
	" ON CONFLICT(state, region_code, departement_code) DO UPDATE SET n = n + (" d ");"

const char queue_v14_sql[] =
	"CREATE TABLE queue_counts ("
	"  state TEXT NOT NULL, region_code TEXT NOT NULL, departement_code TEXT NOT NULL,"
	"  n INTEGER NOT NULL,"
	"  PRIMARY KEY (state, region_code, departement_code)) WITHOUT ROWID;"
	"INSERT INTO queue_counts(state, region_code, departement_code, n)"
	"  SELECT state, coalesce(region_code, ''), coalesce(departement_code, ''), count(*)"
	"  FROM dossiers GROUP BY 1, 2, 3;"
	"CREATE TRIGGER queue_counts_i AFTER INSERT ON dossiers BEGIN "
	COUNT_ADD("NEW", "1")
	" END;"
	"CREATE TRIGGER queue_counts_d AFTER DELETE ON dossiers BEGIN "
	COUNT_ADD("OLD", "-1")
	" END;"
	"CREATE TRIGGER queue_counts_u AFTER UPDATE OF state, region_code, departement_code ON dossiers"
	" WHEN OLD.state IS NOT NEW.state OR OLD.region_code IS NOT NEW.region_code"
	"  OR OLD.departement_code IS NOT NEW.departement_code BEGIN "
	COUNT_ADD("OLD", "-1")
	COUNT_ADD("NEW", "1")
	" END;"
	"CREATE INDEX history_override ON history(dossier_id) WHERE override = 1;";
