/* schema_v3.c - migration 3: what the interface needs from the database
 * (full-text search index, queue indexes) (owned by the interface work). */
#include "store.h"

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
#define FTS_ROW(idexpr) \
	"INSERT INTO dossier_fts(rowid, ds_number, names, members, texts)" \
	" SELECT d.id, d.ds_number," \
	"  " FTS_NAMES "," \
	"  (SELECT group_concat(m.name || ' ' || coalesce(m.role, ''), ' ') FROM members m" \
	"    WHERE m.dossier_id = d.id)," \
	"  " FTS_TEXTS \
	" FROM dossiers d WHERE d.id = " idexpr ";"

const char schema_v3_sql[] =
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
	"INSERT INTO dossier_fts(rowid, ds_number, names, members, texts)"
	" SELECT d.id, d.ds_number,"
	"  " FTS_NAMES ","
	"  (SELECT group_concat(m.name || ' ' || coalesce(m.role, ''), ' ') FROM members m"
	"    WHERE m.dossier_id = d.id),"
	"  " FTS_TEXTS
	" FROM dossiers d;"
	/* Sorting and filtering the queue without a full sort. */
	"CREATE INDEX dossiers_name ON dossiers(ptce_name COLLATE NOCASE, id);"
	"CREATE INDEX dossiers_since ON dossiers(state_since, id);"
	"CREATE INDEX dossiers_region_dept ON dossiers(region_code, departement_code, id);"
	"CREATE INDEX dossiers_state_number ON dossiers(state, ds_number);"
	"CREATE INDEX assignments_login ON assignments(login, dossier_id);";

int schema_v3_apply(struct store *s, struct perr *e)
{
	(void)s;
	(void)e;
	return 0;
}
