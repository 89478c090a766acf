/* import_types.c - freeing what an import read and reported. */
#include <stdlib.h>
#include <string.h>

#include "io/import_types.h"

static void free_strings(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void import_report_done(struct import_report *r)
{
	for (size_t i = 0; i < r->n_items; i++) {
		free(r->items[i].ds_number);
		free(r->items[i].changed);
	}
	free(r->items);
	free(r->summary);
	for (size_t i = 0; i < r->n_drift; i++) {
		free(r->drift[i].ds_number);
		free(r->drift[i].platform_state);
		free(r->drift[i].expected);
		free(r->drift[i].state);
	}
	free(r->drift);
	free_strings(r->ignored, r->n_ignored);
	free_strings(r->notes, r->n_notes);
	free_strings(r->unmatched, r->n_unmatched);
	memset(r, 0, sizeof *r);
}

void import_note(struct import_report *rep, char *msg)
{
	rep->notes = xrealloc(rep->notes, (rep->n_notes + 1) * sizeof *rep->notes);
	rep->notes[rep->n_notes++] = msg;
}

void import_avis_clear(struct import_avis *a)
{
	free(a->question);
	free(a->answer);
	free(a->yes_no);
	free(a->instructeur);
	free(a->expert);
}

void import_item_clear(struct import_item *it)
{
	dossier_clear(&it->d);
	free(it->platform_state);
	free(it->motivation);
	free_strings(it->instructeurs, it->n_instructeurs);
	free(it->notes_present);
	if (it->notes)
		for (size_t i = 0; i < it->n_notes; i++)
			free(it->notes[i]);
	free(it->notes);
	for (size_t i = 0; i < it->n_avis; i++)
		import_avis_clear(&it->avis[i]);
	free(it->avis);
	memset(it, 0, sizeof *it);
}
