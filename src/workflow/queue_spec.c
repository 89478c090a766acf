/* queue_spec.c - what the queue shows: labels of its columns and views,
 * filters as a person types them, and the line that describes the spec. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
	queue_filter_clear(q);
	free(q->search);
	free(q->only_ids);
	q->search = NULL;
	q->only_ids = NULL;
	q->n_only = 0;
}

void queue_filter_clear(struct queue_spec *q)
{
	free(q->state);
	free(q->region);
	free(q->departement);
	free(q->assignee);
	q->state = q->region = q->departement = q->assignee = NULL;
}

/* Whether a and b are the same words, case and accents aside. */
static int same_fold(const char *a, const char *b)
{
	return text_contains_fold(a, b) && text_contains_fold(b, a);
}

/* A région given as its code or its name (whole, else a part of it). */
static const char *region_resolve(const char *v)
{
	for (size_t i = 0; geo_regions[i].code; i++)
		if (strcmp(geo_regions[i].code, v) == 0 || same_fold(geo_regions[i].name, v))
			return geo_regions[i].code;
	for (size_t i = 0; geo_regions[i].code; i++)
		if (text_contains_fold(geo_regions[i].name, v))
			return geo_regions[i].code;
	return NULL;
}

/* A département given as its code or its name (whole, else a part of it). */
static const char *dept_resolve(const char *v)
{
	for (size_t i = 0; geo_depts[i].code; i++)
		if (strcasecmp(geo_depts[i].code, v) == 0 || same_fold(geo_depts[i].name, v))
			return geo_depts[i].code;
	for (size_t i = 0; geo_depts[i].code; i++)
		if (text_contains_fold(geo_depts[i].name, v))
			return geo_depts[i].code;
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

/* Add v to the comma-separated list *slot unless it is there: several
 * values of one key mean either of them. */
static void list_add(char **slot, const char *v)
{
	if (*slot) {
		size_t n = strlen(v);
		for (const char *p = *slot; *p;) {
			size_t l = strcspn(p, ",");
			if (l == n && strncmp(p, v, n) == 0)
				return;
			p += l + (p[l] == ',');
		}
	}
	xappendf(slot, "%s%s", *slot ? "," : "", v);
}

/* A bare word: a state, a région, then a département. */
static int filter_word(struct queue_spec *q, const char *val, struct perr *e)
{
	const char *v;
	if ((v = state_resolve(val)))
		list_add(&q->state, v);
	else if ((v = region_resolve(val)))
		list_add(&q->region, v);
	else if ((v = dept_resolve(val)))
		list_add(&q->departement, v);
	else
		return perr_set(e, P_INVALID, _("'%s' is neither a state, a région nor a département; "
						"write state=..., region=..., departement=... or assignee=..."), val);
	return 0;
}

int queue_filter_add(struct queue_spec *q, const char *key, const char *val, struct perr *e)
{
	const char *v = NULL;
	if (!*val)
		return perr_set(e, P_INVALID, _("'%s=' needs a value, e.g. state=phase1"),
				key ? key : "");
	if (!key || !*key)
		return filter_word(q, val, e);
	/* The keys in English and, as the French help writes them, in French. */
	if (strcmp(key, "state") == 0 || strcmp(key, "état") == 0 || strcmp(key, "etat") == 0) {
		if (!(v = state_resolve(val)))
			return perr_set(e, P_INVALID, _("unknown state '%s'; the states are %s"), val,
					procedure_state_names());
		list_add(&q->state, v);
	} else if (strcmp(key, "region") == 0 || strcmp(key, "région") == 0) {
		if (!(v = region_resolve(val)))
			return perr_set(e, P_INVALID, _("unknown region '%s'; give its INSEE code "
							"(e.g. 44) or its name"), val);
		list_add(&q->region, v);
	} else if (strcmp(key, "departement") == 0 || strcmp(key, "département") == 0 ||
		   strcmp(key, "dept") == 0) {
		if (!(v = dept_resolve(val)))
			return perr_set(e, P_INVALID, _("unknown département '%s'; give its code "
							"(e.g. 31, 2A, 974) or its name"), val);
		list_add(&q->departement, v);
	} else if (strcmp(key, "assignee") == 0 || strcmp(key, "affecté") == 0 ||
		   strcmp(key, "affecte") == 0) {
		list_add(&q->assignee, val);
	} else {
		return perr_set(e, P_INVALID, _("unknown filter '%s'; use state=, region=, "
						"departement= or assignee="), key);
	}
	return 0;
}

int queue_set_filter(struct queue_spec *q, const char *text, struct perr *e)
{
	struct queue_spec n = *q;
	n.state = n.region = n.departement = n.assignee = NULL;
	char *copy = xstrdup(text ? text : "");
	char *key = NULL, val[256] = "";
	int rc = 0, pending = 0;
	char *save = NULL;
	for (char *tok = strtok_r(copy, " \t", &save); tok && rc == 0;
	     tok = strtok_r(NULL, " \t", &save)) {
		char *eq = strchr(tok, '=');
		if (eq) {
			if (pending)
				rc = queue_filter_add(&n, key, val, e);
			*eq = '\0';
			key = tok;
			snprintf(val, sizeof val, "%s", eq + 1);
			pending = 1;
		} else if (key) {
			size_t l = strlen(val);
			snprintf(val + l, sizeof val - l, "%s%s", l ? " " : "", tok);
		} else {
			rc = queue_filter_add(&n, NULL, tok, e);
		}
	}
	if (rc == 0 && pending)
		rc = queue_filter_add(&n, key, val, e);
	free(copy);
	if (rc) {
		queue_filter_clear(&n);
		return -1;
	}
	queue_filter_clear(q);
	q->state = n.state;
	q->region = n.region;
	q->departement = n.departement;
	q->assignee = n.assignee;
	return 0;
}

/* ", " then each value of a list through name(), joined by "/". */
static size_t describe_list(char *buf, size_t len, const char *list,
			    const char *(*name)(const char *code))
{
	size_t l = 0;
	char *copy = xstrdup(list), *save = NULL;
	int first = 1;
	for (char *t = strtok_r(copy, ",", &save); t && l < len; t = strtok_r(NULL, ",", &save)) {
		const char *nm = name ? name(t) : NULL;
		l += (size_t)snprintf(buf + l, len - l, "%s%s", first ? ", " : "/", nm ? nm : t);
		first = 0;
	}
	free(copy);
	return l < len ? l : len;
}

char *queue_describe(const struct queue_spec *q)
{
	char buf[512];
	size_t l = 0;
	l += (size_t)snprintf(buf + l, sizeof buf - l, "%s", queue_view_label(q->view));
	if (q->state && l < sizeof buf)
		l += describe_list(buf + l, sizeof buf - l, q->state, state_label);
	if (q->region && l < sizeof buf)
		l += describe_list(buf + l, sizeof buf - l, q->region, geo_region_name);
	if (q->departement && l < sizeof buf)
		l += describe_list(buf + l, sizeof buf - l, q->departement, geo_dept_name);
	if (q->assignee && l < sizeof buf)
		l += (size_t)snprintf(buf + l, sizeof buf - l, ", %s %s", _("assigned to"), q->assignee);
	if (q->n_only && l < sizeof buf)
		l += (size_t)snprintf(buf + l, sizeof buf - l, ", %s", _("tagged"));
	if (l < sizeof buf)
		snprintf(buf + l, sizeof buf - l, ", %s %s%s", _("by"),
			 queue_col_label(q->sort), q->desc ? " ↓" : " ↑");
	return xstrdup(buf);
}
