/* campaign.c - campaigns' envelopes against their funding decisions. */
#include <stdlib.h>

#include "base/i18n.h"
#include "review/campaign.h"
#include "review/rows.h"
#include "store/stmt.h"

/* Columns in the order of the query below. */
static const struct col campaign_cols[] = {
	COL(struct campaign_money, id, COL_I64), COL(struct campaign_money, name, COL_TEXT),
	COL(struct campaign_money, envelope, COL_I64), COL(struct campaign_money, amount_per_year, COL_I64),
	COL(struct campaign_money, years, COL_INT), COL(struct campaign_money, current, COL_INT),
	COL(struct campaign_money, used, COL_I64), COL(struct campaign_money, n_funded, COL_INT),
	COL(struct campaign_money, remaining, COL_I64),
};
static const struct row_type campaign_row = ROW_TYPE(struct campaign_money, campaign_cols);

int campaign_money_list(struct store *s, struct campaign_money **out, size_t *n,
			struct perr *e)
{
	sqlite3_stmt *st = stmt_query(s, e,
		"SELECT c.id, c.name, c.envelope_eur, c.amount_per_year_eur, c.years, c.is_current,"
		" COALESCE(SUM(f.amount_per_year_eur * f.years), 0), COUNT(f.id),"
		" c.envelope_eur - COALESCE(SUM(f.amount_per_year_eur * f.years), 0)"
		" FROM campaigns c LEFT JOIN funding_decisions f ON f.campaign_id = c.id"
		" GROUP BY c.id ORDER BY c.id", NULL);
	return rows_read(s, st, out, n, &campaign_row, _("reading campaigns"), e);
}

void campaign_money_free(struct campaign_money **c, size_t n)
{
	rows_free(c, n, &campaign_row);
}
