/* cmd_campaign.h - 'ptce campaign': the call rounds (millésimes), their
 * envelopes and funding decisions. */
#ifndef PTCE_CMD_CAMPAIGN_H
#define PTCE_CMD_CAMPAIGN_H

#include "cli/app.h"

/* cmd_campaign - ptce campaign list|show [NAME]. */
int cmd_campaign(struct app *app, int argc, char **argv);

#endif
