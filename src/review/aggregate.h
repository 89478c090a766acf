/* aggregate.h - what the submitted reviews of dossiers say together: one
 * dossier's statistics, the classement, and the campaigns' money. Gathers
 * those modules' headers for their callers. */
#ifndef PTCE_AGGREGATE_H
#define PTCE_AGGREGATE_H

#include <stddef.h>

#include "base/err.h"
#include "procedure/actor.h"
#include "review/campaign.h"
#include "review/checklist.h"
#include "review/dossier_aggregate.h"
#include "review/ranking.h"
#include "review/review.h"
#include "store/store.h"

#endif
