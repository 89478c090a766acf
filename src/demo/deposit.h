/* deposit.h - what an applicant of the demo deposits: the dossier's fields
 * and members made from its table entry (checked as an import would check
 * them) and the pieces attached, dated relative to today. */
#ifndef PTCE_DEPOSIT_H
#define PTCE_DEPOSIT_H

#include <stddef.h>
#include <time.h>

#include "base/err.h"
#include "procedure/dossier.h"
#include "store/store.h"

/* demo_when - the moment days_ago days before day0 (today 00:00 UTC) at
 * hour:minute UTC, as stored ("YYYY-MM-DDTHH:MM:SSZ"). */
void demo_when(time_t day0, int days_ago, int hour, int minute, char out[21]);

/* deposit_make - fill d (fields and members) from demo_dossiers[i] and check
 * every value against the field tables: a value import would refuse is a
 * bug of the demo, said in e (d is filled all the same; clear it). */
int deposit_make(size_t i, time_t day0, struct dossier *d, struct perr *e);

/* deposit_documents - record the pieces attached to dossier id (statutes,
 * SIRENE notice, accounts when with_accounts, charter, partners' letters,
 * budget), received on the deposit date. Inside the caller's transaction. */
int deposit_documents(struct store *s, long long id, const struct dossier *d,
		      int with_accounts, struct perr *e);

#endif
