/* import_types.h - what an import is asked (the request), what it read (one
 * item per dossier, with its platform history, people, opinions and
 * annotations) and what it did (the report). */
#ifndef PTCE_IMPORT_TYPES_H
#define PTCE_IMPORT_TYPES_H

#include <stddef.h>

#include "io/mapping.h"
#include "procedure/actor.h"
#include "procedure/dossier.h"

/* What an import did (or, for a dry run, would do) to one dossier. */
struct import_outcome {
	char *ds_number;
	long long id;
	enum save_result result;
	char *changed;		/* UPDATED: comma-separated names of changed fields */
};

/* A known dossier whose platform state no longer says what ptce's says. */
struct import_drift {
	char *ds_number;
	char *platform_state;	/* "Accepté" */
	char *expected;		/* the ptce state the mapping gives it */
	char *state;		/* the dossier's ptce state */
};

struct import_report {
	size_t created, updated, unchanged;
	char *summary;		/* the zip export: what was stored, instead of the counts */
	struct import_outcome *items;	/* only when the request asked (outcomes) */
	size_t n_items;
	char **ignored;		/* headers of the dossiers sheet the mapping does not use */
	size_t n_ignored;
	char **notes;		/* things a person should know (encoding guessed...) */
	size_t n_notes;
	struct import_drift *drift;
	size_t n_drift;
	char **unmatched;	/* instructeur and expert e-mails of no reviewer */
	size_t n_unmatched;
	size_t assigned;	/* assignments added from Instructeurs */
	size_t opinions, outside;	/* opinions added or changed; of them, outside */
	size_t moves;		/* state changes recorded from the platform */
};
/* import_report_done - free what r holds. */
void import_report_done(struct import_report *r);

struct import_request {
	const char *path;		/* the export: xlsx, ods, csv (or the zip) */
	const char *encoding;		/* a CSV's encoding (iconv name), NULL: guess */
	const char *members_path;	/* a members CSV; NULL: the workbook's sheet */
	const struct import_mapping *mapping;
	const struct actor *by;		/* who imports: an admin (permission_import) */
	int dry_run;			/* roll back at the end */
	int drift_only;			/* read and compare states only: write nothing */
	int outcomes;			/* keep each dossier's outcome in the report's
					 * items (--verbose, --dry-run); not kept
					 * otherwise: they grow with the file */
};

/* import_note - add msg (a fresh string, taken) to the report's notes. */
void import_note(struct import_report *rep, char *msg);

/* An avis of the Avis sheet. */
struct import_avis {
	char *question, *answer, *yes_no;
	const char *verdict;			/* NULL, favourable or defavourable */
	char asked[21], answered[21];			/* UTC; answered "" when unanswered */
	char *instructeur, *expert;			/* e-mails */
};

/* One dossier as read from the export, valid. */
struct import_item {
	struct dossier d;
	int line;			/* its row (for messages) */
	char *platform_state;		/* NULL when the export has no state column */
	const char *target;		/* the ptce state it maps to, or NULL */
	char deposited[21], instructed[21], processed[21];	/* UTC or "" */
	char *motivation;
	char **instructeurs;
	size_t n_instructeurs;
	char **notes;			/* one per mapping annotation ("" when empty) */
	unsigned char *notes_present;	/* whether the export has that annotation */
	size_t n_notes;
	struct import_avis *avis;
	size_t n_avis;
};

/* import_avis_clear - free what a holds. */
void import_avis_clear(struct import_avis *a);
/* import_item_clear - free what it holds. */
void import_item_clear(struct import_item *it);

/* What the save needs to know besides the items. */
struct import_batch {
	int with_members;		/* replace the members of every dossier */
	int with_documents;		/* the export has pièce columns */
};

#endif
