/* sort_v11.h - migration 11: stored sort keys for the queue's orders by
 * "my review" and by total (sort_totals per dossier, sort_readers per
 * person and dossier), kept by triggers, each order served by an index. */
#ifndef PTCE_SORT_V11_H
#define PTCE_SORT_V11_H

/* STORE_FIGURES_PHASE(d) - the phase whose reviews give dossier d (an
 * alias of dossiers) its figures: the states' figures phase, else the last
 * phase reviewed, else 0; as procedure_phase_sql(d, 1) writes it, which
 * workflow/queue_sql.c checks before it trusts the keys migration 11
 * stores from it. */
#define STORE_FIGURES_PHASE(d) \
	"CASE " d ".state WHEN 'submitted' THEN 1 WHEN 'phase1' THEN 1" \
	" WHEN 'phase2' THEN 2 WHEN 'funded' THEN 2" \
	" ELSE coalesce((SELECT max(rp.phase) FROM reviews rp WHERE rp.dossier_id = " d ".id), 0) END"

/* sort_v11_sql - the tables, their indexes and triggers, and the rows of
 * the dossiers already there. */
extern const char sort_v11_sql[];
/* sort_v12_sql - migration 12: the trigger that follows a review's update
 * fires only when a column the keys depend on changed (not when a draft is
 * saved again). */
extern const char sort_v12_sql[];
/* sort_v13_sql - migration 13: the trigger that follows a dossier's state
 * only when the move changes the phase its figures are read in. */
extern const char sort_v13_sql[];

#endif
