/* paper.c - what the printed documents share: labels in the reader's
 * language, the foot with who printed it and when, the audit hook. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "base/geo.h"
#include "base/i18n.h"
#include "base/text.h"
#include "io/paper.h"
#include "store/audit_verify.h"

/* The audit chain's head as "SEQ:HASH" (fresh), or NULL when it is empty or
 * cannot be read. */
static char *chain_head(struct store *s)
{
	long long seq = 0;
	char *hash = NULL;
	struct perr e = {0};
	if (audit_head(s, &seq, &hash, &e) < 0 || !hash || !*hash) {
		free(hash);
		return NULL;
	}
	char *head = xasprintf("%lld:%s", seq, hash);
	free(hash);
	return head;
}

char *paper_footer(struct store *s, const struct actor *a, enum fmt_lang l)
{
	char now[32], when[48];
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);
	fmt_datetime(l, now, when, sizeof when);
	char *foot = xasprintf(_("Printed on %s by %s (%s)"), when, a->display_name, a->login);
	char *head = chain_head(s);
	if (head) {
		/* TRANSLATORS: after "Printed on ... by ...": the head of the hash chain. */
		xappendf(&foot, _("; audit chain head: %s"), head);
		free(head);
	}
	return foot;
}

const char *paper_crit_label(const struct criterion *c, enum fmt_lang l)
{
	return l == FMT_EN && c->label_en ? c->label_en : c->label;
}

const char *paper_band_label(const struct band *b, enum fmt_lang l)
{
	if (!b)
		return NULL;
	return l == FMT_EN && b->label_en ? b->label_en : b->label;
}

const char *paper_grid_title(const struct checklist *g, enum fmt_lang l)
{
	return l == FMT_EN && g->title_en ? g->title_en : g->title;
}

char *paper_region(const char *code, char *buf, size_t len)
{
	const char *name = code ? geo_region_name(code) : NULL;
	if (name)
		snprintf(buf, len, "%s (%s)", name, code);
	else
		snprintf(buf, len, "%s", code && *code ? code : "—");
	return buf;
}
