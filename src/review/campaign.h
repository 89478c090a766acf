/* campaign.h - the money of each campaign (millésime): its envelope, what
 * its funding decisions use and what remains. */
#ifndef PTCE_CAMPAIGN_H
#define PTCE_CAMPAIGN_H

#include <stddef.h>

#include "base/err.h"
#include "store/store.h"

/* Money of a campaign (millésime). */
struct campaign_money {
	long long id;
	char *name;
	long long envelope, amount_per_year, used, remaining;
	int years, current;
	int n_funded;
};

/* campaign_money_list - every campaign with used and remaining amounts
 * (used = sum of amount_per_year x years of its funding decisions). */
int campaign_money_list(struct store *s, struct campaign_money **out, size_t *n,
			struct perr *e);
/* campaign_money_free - free n entries and NULL the pointer. */
void campaign_money_free(struct campaign_money **c, size_t n);

#endif
