/* review.h - reviews of dossiers on a grid: drafts saved answer by answer,
 * submit, reopen, conflicts of interest, who may see what, expert opinions.
 * The interface uses only these functions (it never runs SQL). This header
 * gathers the review modules' headers for their callers; inside src/review/
 * each file includes the modules it needs. */
#ifndef PTCE_REVIEW_H
#define PTCE_REVIEW_H

#include <stddef.h>
#include <stdio.h>

#include "base/err.h"
#include "procedure/actor.h"
#include "review/checklist.h"
#include "review/conflict.h"
#include "review/grid_version.h"
#include "review/opinion.h"
#include "review/review_form.h"
#include "review/review_read.h"
#include "review/review_row.h"
#include "review/review_score.h"
#include "review/review_submit.h"
#include "review/review_write.h"
#include "review/visibility.h"
#include "store/store.h"

#endif
