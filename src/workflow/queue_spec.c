/* queue_spec.c - what the queue shows: labels of its columns and views,
 * filters as a person types them, and the line that describes the spec. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/geo.h"
#include "base/i18n.h"
#include "base/text.h"
#include "procedure/procedure.h"
#include "workflow/queue_spec.h"

const char *queue_col_label(enum queue_col c)
{
	switch (c) {
	case QC_NUMBER: return _("Number");
	case QC_NAME: return _("PTCE");
	case QC_REGION: return _("Region");
	case QC_STATE: return _("State");
	case QC_DAYS: return _("Days");
	case QC_MINE: return _("My review");
	case QC_TOTAL: return _("Total");
	case QC_FLAGS: return _("Flags");
	case QC_COUNT: break;
	}
	return "?";
}

const char *queue_view_label(enum queue_view v)
{
	switch (v) {
	case QV_ALL: return _("tous");
	case QV_TODO: return _("à instruire");
	case QV_MINE: return _("mes dossiers");
	case QV_REVIEW: return _("à revoir par moi");
	case QV_PHASE2: return _("phase 2");
	case QV_OVERDUE: return _("compléments en retard");
	case QV_COUNT: break;
	}
	return "?";
}

void queue_spec_init(struct queue_spec *q, const char *login)
{
	memset(q, 0, sizeof *q);
	q->view = QV_ALL;
	q->sort = QC_NUMBER;
	snprintf(q->login, sizeof q->login, "%s", login ? login : "");
}

void queue_spec_done(struct queue_spec *q)
{
	free(q->state);
	free(q->region);
	free(q->assignee);
	free(q->search);
	free(q->only_ids);
	q->state = q->region = q->assignee = q->search = NULL;
	q->only_ids = NULL;
	q->n_only = 0;
}

/* A region given as a code or (part of) a name. */
static const char *region_resolve(const char *v)
{
	for (size_t i = 0; geo_regions[i].code; i++)
		if (strcmp(geo_regions[i].code, v) == 0)
			return geo_regions[i].code;
	for (size_t i = 0; geo_regions[i].code; i++)
		if (text_contains_fold(geo_regions[i].name, v))
			return geo_regions[i].code;
	return NULL;
}

/* A state given as its name or (part of) its label. */
static const char *state_resolve(const char *v)
{
	const struct state_def *sd = state_find(v);
	if (sd)
		return sd->name;
	for (size_t i = 0; i < procedure_n_states; i++) {
		const struct state_def *d = &procedure_states[i];
		if (text_contains_fold(state_label(d->name), v) ||
		    text_contains_fold(d->label_fr, v))
			return d->name;
	}
	return NULL;
}

/* Free *slot and put a copy of v there. */
static void replace(char **slot, const char *v)
{
	free(*slot);
	*slot = xstrdup(v);
}

/* One "key=value" of a filter (key NULL: a bare word, state or region). */
static int filter_apply(struct queue_spec *q, const char *key, const char *val, struct perr *e)
{
	const char *st = NULL, *rg = NULL;
	if (!*val)
		return perr_set(e, P_INVALID, _("'%s=' needs a value, e.g. state=phase1"),
				key ? key : "");
	if (!key || !*key) {
		if (!(st = state_resolve(val)) && !(rg = region_resolve(val)))
			return perr_set(e, P_INVALID, _("'%s' is neither a state nor a region; "
							"write state=..., region=... or assignee=..."), val);
	} else if (strcmp(key, "state") == 0) {
		if (!(st = state_resolve(val)))
			return perr_set(e, P_INVALID, _("unknown state '%s'; the states are "
							"submitted, phase1, bouquet, phase2, funded, rejected, withdrawn"), val);
	} else if (strcmp(key, "region") == 0) {
		if (!(rg = region_resolve(val)))
			return perr_set(e, P_INVALID, _("unknown region '%s'; give its INSEE code "
							"(e.g. 44) or its name"), val);
	} else if (strcmp(key, "assignee") == 0) {
		replace(&q->assignee, val);
	} else {
		return perr_set(e, P_INVALID, _("unknown filter '%s'; use state=, region= or assignee="), key);
	}
	if (st)
		replace(&q->state, st);
	if (rg)
		replace(&q->region, rg);
	return 0;
}

int queue_set_filter(struct queue_spec *q, const char *text, struct perr *e)
{
	struct queue_spec n = *q;
	n.state = n.region = n.assignee = NULL;
	char *copy = xstrdup(text ? text : "");
	char *key = NULL, val[256] = "";
	int rc = 0, pending = 0;
	char *save = NULL;
	for (char *tok = strtok_r(copy, " \t", &save); tok && rc == 0;
	     tok = strtok_r(NULL, " \t", &save)) {
		char *eq = strchr(tok, '=');
		if (eq) {
			if (pending)
				rc = filter_apply(&n, key, val, e);
			*eq = '\0';
			key = tok;
			snprintf(val, sizeof val, "%s", eq + 1);
			pending = 1;
		} else if (key) {
			size_t l = strlen(val);
			snprintf(val + l, sizeof val - l, "%s%s", l ? " " : "", tok);
		} else {
			rc = filter_apply(&n, NULL, tok, e);
		}
	}
	if (rc == 0 && pending)
		rc = filter_apply(&n, key, val, e);
	free(copy);
	if (rc) {
		free(n.state);
		free(n.region);
		free(n.assignee);
		return -1;
	}
	free(q->state);
	free(q->region);
	free(q->assignee);
	q->state = n.state;
	q->region = n.region;
	q->assignee = n.assignee;
	return 0;
}

char *queue_describe(const struct queue_spec *q)
{
	char buf[512];
	size_t l = 0;
	l += (size_t)snprintf(buf + l, sizeof buf - l, "%s", queue_view_label(q->view));
	if (q->state && l < sizeof buf)
		l += (size_t)snprintf(buf + l, sizeof buf - l, ", %s", state_label(q->state));
	if (q->region && l < sizeof buf) {
		const char *rn = geo_region_name(q->region);
		l += (size_t)snprintf(buf + l, sizeof buf - l, ", %s", rn ? rn : q->region);
	}
	if (q->assignee && l < sizeof buf)
		l += (size_t)snprintf(buf + l, sizeof buf - l, ", %s %s", _("assigned to"), q->assignee);
	if (q->n_only && l < sizeof buf)
		l += (size_t)snprintf(buf + l, sizeof buf - l, ", %s", _("tagged"));
	if (l < sizeof buf)
		snprintf(buf + l, sizeof buf - l, ", %s %s%s", _("by"),
			 queue_col_label(q->sort), q->desc ? " ↓" : " ↑");
	return xstrdup(buf);
}
