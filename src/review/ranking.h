/* ranking.h - the classement of a phase: dossiers ordered by what their
 * submitted reviews say, with the grid's tie-break, figures hidden where the
 * person asking may not see them. */
#ifndef PTCE_RANKING_H
#define PTCE_RANKING_H

#include <stddef.h>

#include "base/err.h"
#include "procedure/actor.h"
#include "store/store.h"

/* One line of the classement. */
struct rank_row {
	int rank;		/* 1-based; equal rows after tie-break still differ */
	long long dossier_id;
	char *ds_number, *ptce_name, *region_code, *territory_type, *state, *deposited_at;
	int n_submitted, required;
	int visible;		/* the person asking may see the figures */
	int has_total;
	double mean_total;
	int eliminated;
	char *eliminated_by;
	char *band, *band_label;	/* NULL when none */
	int gates_met;
	int divergent;
	char *divergent_on;
	int priority;		/* territory type is in the grid's tie-break list */
	double *tie_means;	/* mean value of each tie-break criterion (n_tie) */
	size_t n_tie;
	char *tie_reason;	/* how a tie with the row above was broken, or NULL */
};

/* ranking_sort - order rows: figures visible first, then not eliminated, then
 * blocking gates met, then mean total (higher first), then the grid's
 * tie-break (priority territory first, then higher mean on each listed
 * criterion), then earlier deposit, then platform number. Sets rank and
 * tie_reason. Pure. */
void ranking_sort(struct rank_row *rows, size_t n);

/* ranking_build - the classement of phase (1 or 2) for a (figures hidden
 * where a may not see them): dossiers in the states whose figures are the
 * phase's (procedure_states' figures_phase; phase 1: submitted, phase1;
 * phase 2: phase2, funded), region an INSEE code or NULL. */
int ranking_build(struct store *s, const struct actor *a, int phase, const char *region,
		  struct rank_row **rows, size_t *n, struct perr *e);
/* ranking_free - free n rows and NULL the pointer. */
void ranking_free(struct rank_row **rows, size_t n);

#endif
