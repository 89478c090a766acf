/* queue_bench.c - generated dossiers, for make bench and the tests. */
#include "base/i18n.h"
#include "store/stmt.h"
#include "workflow/queue_bench.h"

/* Generated dossiers: names and texts from word lists so that searches find
 * some rows and not others, régions and départements taken from the
 * geography tables. */
int queue_bench_fill(struct store *s, long long n, struct perr *e)
{
	static const char sql[] =
		"WITH RECURSIVE"
		" seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ?1),"
		" dep AS (SELECT code, region_code, row_number() OVER (ORDER BY code) - 1 AS k"
		"         FROM departements),"
		" nd AS (SELECT count(*) AS c FROM departements),"
		" w1(k, w) AS (VALUES (0,'Coopérative'),(1,'Pôle'),(2,'Filière'),(3,'Tiers-lieu'),"
		"   (4,'Fabrique'),(5,'Cluster'),(6,'Atelier'),(7,'Maison'),(8,'Réseau'),(9,'Plateforme'),"
		"   (10,'Collectif'),(11,'Ressourcerie'),(12,'Territoire')),"
		" w2(k, w) AS (VALUES (0,'vélo'),(1,'textile'),(2,'alimentation'),(3,'réemploi'),"
		"   (4,'énergie'),(5,'bois'),(6,'numérique'),(7,'mobilité'),(8,'habitat'),(9,'culture'),"
		"   (10,'santé'),(11,'meunerie'))"
		" INSERT INTO dossiers(ds_number, state, state_since, deposited_at, lead_name,"
		"   region_code, departement_code, ptce_name, description, created_at, updated_at)"
		" SELECT printf('B%07d', i), 'submitted',"
		"   strftime('%Y-%m-%dT%H:%M:%SZ', '2025-01-01', '+' || (i % 300) || ' days'),"
		"   strftime('%Y-%m-%d', '2025-01-01', '+' || (i % 300) || ' days'),"
		"   'Association ' || (SELECT w FROM w2 WHERE k = i % 12) || ' ' || i,"
		"   dep.region_code, dep.code,"
		"   (SELECT w FROM w1 WHERE k = i % 13) || ' ' || (SELECT w FROM w2 WHERE k = (i / 13) % 12)"
		"     || ' ' || i,"
		"   'Projet de coopération économique autour du ' || (SELECT w FROM w2 WHERE k = (i / 7) % 12)"
		"     || ' et de l''économie sociale et solidaire.',"
		"   '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z'"
		" FROM seq JOIN dep ON dep.k = seq.i % (SELECT c FROM nd)";
	if (store_begin(s, e))
		return -1;
	if (stmt_run(s, e, _("generating dossiers"), sql, "I", n) < 0) {
		store_rollback(s);
		return -1;
	}
	return store_commit(s, e);
}
