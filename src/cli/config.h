/* config.h - the configuration file (YAML): system file, then the user's on
 * top. Unknown keys and wrong types are errors with file:line:column. */
#ifndef PTCE_CONFIG_H
#define PTCE_CONFIG_H

#include "base/err.h"

struct campaign_conf {
	char *name;		/* millésime, e.g. "AMI PTCE 2025" */
	long long envelope;	/* EUR */
	long long amount_per_year;
	int years;
	int current;
};

struct config {
	char *files[2];		/* the files read, system then user (NULL if none) */
	char *database;		/* path, relative to the file that set it */
	char *checklists_dir;	/* grids */
	char *mapping;		/* default import mapping */
	char *keys;		/* key bindings file, or NULL */
	char *region;		/* INSEE code this instance serves, or NULL */
	int colors;		/* 1 on, 0 off */
	int overdue_days[16];	/* per state index of procedure_states; 0 = never */
	int refresh_seconds;	/* interface poll for other sessions' changes */
	struct campaign_conf *campaigns;
	size_t n_campaigns;
};

/* config_load - explicit file if given; otherwise SYSCONFDIR/ptce/ptce.yaml
 * (or config/ptce.yaml next to an in-tree binary), then
 * $XDG_CONFIG_HOME/ptce/ptce.yaml over it. A missing file is not an error
 * (defaults apply); a bad one is. */
int config_load(struct config *c, const char *explicit_path, struct perr *e);
/* config_load_file - read one file over the values already in c. */
int config_load_file(struct config *c, const char *path, struct perr *e);
/* config_defaults - fill c with built-in defaults. */
void config_defaults(struct config *c);
/* config_done - free what c owns. */
void config_done(struct config *c);
/* config_data_path - a file under the shared data directory (share/ in the
 * tree, PKGDATADIR installed), e.g. "mapping/demarches-simplifiees.yaml". */
char *config_data_path(const char *rel);

#endif
