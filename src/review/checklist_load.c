/* checklist_load.c - reading and validating a review grid file (YAML), with
 * errors a grid author can act on (file:line:column, what was found, what
 * was expected). */
#include <ctype.h>
#include <stdarg.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/file.h"
#include "base/fmt.h"
#include "base/i18n.h"
#include "base/text.h"
#include "base/ydoc.h"
#include "procedure/dossier.h"
#include "review/checklist_load.h"

/* A number of the grid in a message, as the reader writes it ("2,5"). */
#define NUM(v, buf) fmt_short(FMT_READER, (v), (buf), sizeof(buf))

static const char *const top_keys[] = {
	"id", "version", "title", "title_en", "phase", "reviews_required", "blind",
	"divergence", "total", "sections", "rules", NULL
};
static const char *const section_keys[] = {"id", "title", "title_en", "criteria", NULL};
static const char *const crit_keys[] = {
	"id", "label", "label_en", "help", "help_en", "type", "required",
	"comment_required", "comment_below", "comment_on", "min", "max", "levels",
	"levels_en", "points", "options", NULL
};
static const char *const option_keys[] = {"id", "label", "label_en", NULL};
static const char *const rules_keys[] = {"blocking", "eliminate", "bands", "favourable", "tie_break", NULL};
static const char *const elim_keys[] = {"criterion", "below", NULL};
static const char *const band_keys[] = {"id", "label", "label_en", "min", NULL};
static const char *const tie_keys[] = {"territory_types", "criteria", NULL};

char *checklist_hash(const char *text, size_t len, char buf[static 17])
{
	unsigned long long h = 0xcbf29ce484222325ULL;
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)text[i];
		h *= 0x100000001b3ULL;
	}
	snprintf(buf, 17, "%016llx", h);
	return buf;
}

static void strv_free(char **v)
{
	for (size_t i = 0; v && v[i]; i++)
		free(v[i]);
	free(v);
}

void checklist_free(struct checklist **gp)
{
	if (!gp || !*gp)
		return;
	struct checklist *g = *gp;
	*gp = NULL;
	if (g->shared > 0) {
		g->shared--;
		return;
	}
	for (size_t i = 0; i < g->n_crit; i++) {
		struct criterion *c = &g->crit[i];
		free(c->id); free(c->label); free(c->label_en); free(c->help); free(c->help_en);
		strv_free(c->comment_on);
		for (size_t j = 0; j < c->n_levels; j++) {
			free(c->levels[j].label);
			free(c->levels[j].label_en);
		}
		free(c->levels);
		for (size_t j = 0; j < c->n_options; j++) {
			free(c->options[j].id); free(c->options[j].label); free(c->options[j].label_en);
		}
		free(c->options);
	}
	free(g->crit);
	for (size_t i = 0; i < g->n_sections; i++) {
		free(g->sections[i].id); free(g->sections[i].title); free(g->sections[i].title_en);
	}
	free(g->sections);
	for (size_t i = 0; i < g->n_bands; i++) {
		free(g->bands[i].id); free(g->bands[i].label); free(g->bands[i].label_en);
	}
	free(g->bands);
	strv_free(g->tie_territories);
	strv_free(g->tie_criteria);
	free(g->path); free(g->id); free(g->version); free(g->title); free(g->title_en);
	free(g->hash); free(g->text);
	free(g);
}

/* Parsing state: the document and where errors go. */
struct ctx {
	const struct ydoc *d;
	struct perr *e;
	struct checklist *g;
};

/* A key that must be there: missing is reported at the mapping. */
static const struct ynode *need(struct ctx *x, const struct ynode *map, const char *key,
				const char *where, const char *expected)
{
	const struct ynode *v = ydoc_get(map, key);
	if (!v)
		ydoc_fail(x->d, map, x->e, _("%s has no '%s' (expected %s)"), where, key, expected);
	return v;
}

/* A text value; required ones must not be empty. *out is a fresh copy. */
static int get_text(struct ctx *x, const struct ynode *map, const char *key, const char *where,
		    int required, char **out)
{
	const struct ynode *v = ydoc_get(map, key);
	*out = NULL;
	if (!v) {
		if (!required)
			return 0;
		return ydoc_fail(x->d, map, x->e, _("%s has no '%s' (expected a text)"), where, key);
	}
	char what[160];
	snprintf(what, sizeof what, _("'%s' of %s"), key, where);
	const char *s;
	if (ydoc_string(x->d, v, what, &s, x->e) < 0)
		return -1;
	const char *p = s;
	while (*p && isspace((unsigned char)*p))
		p++;
	if (!*p) {
		if (!required)
			return 0;
		return ydoc_fail(x->d, v, x->e, _("'%s' of %s is empty; write a text"), key, where);
	}
	*out = xstrdup(s);
	return 0;
}

/* Ids are typed on command lines (A=3) and in forms: keep them simple. */
static int check_id(struct ctx *x, const struct ynode *v, const char *kind, const char **out)
{
	char what[80];
	snprintf(what, sizeof what, _("%s id"), kind);
	if (ydoc_string(x->d, v, what, out, x->e) < 0)
		return -1;
	const char *s = *out;
	if (!*s)
		return ydoc_fail(x->d, v, x->e, _("%s id is empty; write a short name such as 'A' or 'R1'"), kind);
	if (strlen(s) > 32)
		return ydoc_fail(x->d, v, x->e, _("%s id '%s' is longer than 32 characters"), kind, s);
	for (const char *p = s; *p; p++)
		if (!isalnum((unsigned char)*p) && *p != '_' && *p != '-' && *p != '.')
			return ydoc_fail(x->d, v, x->e, _("%s id '%s' may use only letters, digits, '_', '-' and '.'"),
					 kind, s);
	return 0;
}

/* An item of a list (a section, a criterion, an option, a band). */
struct item {
	const struct ynode *m;		/* the item: a mapping */
	const struct ynode *idn;	/* its 'id' */
	const char *id;
	char where[160];		/* names it in messages */
};

/* Read item m: a mapping (with only keys, when given) whose 'id' is there
 * and a valid id of kind; fmt and what follows name it; expected says what
 * an id looks like. */
static int item_get(struct ctx *x, const struct ynode *m, const char *const *keys,
		    const char *kind, const char *expected, struct item *it, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));

static int item_get(struct ctx *x, const struct ynode *m, const char *const *keys,
		    const char *kind, const char *expected, struct item *it, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(it->where, sizeof it->where, fmt, ap);
	va_end(ap);
	it->m = m;
	if (ydoc_expect(x->d, m, Y_MAP, it->where, x->e) < 0 ||
	    (keys && ydoc_check_keys(x->d, m, keys, it->where, x->e) < 0))
		return -1;
	it->idn = need(x, m, "id", it->where, expected);
	if (!it->idn || check_id(x, it->idn, kind, &it->id) < 0)
		return -1;
	return 0;
}

static int get_int(struct ctx *x, const struct ynode *map, const char *key, const char *where,
		   long long min, long long max, long long def, long long *out)
{
	const struct ynode *v = ydoc_get(map, key);
	if (!v) {
		*out = def;
		return 0;
	}
	char what[160];
	snprintf(what, sizeof what, _("'%s' of %s"), key, where);
	return ydoc_int(x->d, v, what, min, max, out, x->e);
}

static int get_num(struct ctx *x, const struct ynode *map, const char *key, const char *where,
		   double min, double def, double *out)
{
	const struct ynode *v = ydoc_get(map, key);
	if (!v) {
		*out = def;
		return 0;
	}
	char what[160];
	snprintf(what, sizeof what, _("'%s' of %s"), key, where);
	if (ydoc_number(x->d, v, what, out, x->e) < 0)
		return -1;
	char n1[32];
	if (!isfinite(*out) || *out < min)
		return ydoc_fail(x->d, v, x->e, _("%s must be a number of at least %s, found '%s'"),
				 what, NUM(min, n1), v->scalar);
	return 0;
}

static int get_bool(struct ctx *x, const struct ynode *map, const char *key, const char *where,
		    int def, int *out)
{
	const struct ynode *v = ydoc_get(map, key);
	if (!v) {
		*out = def;
		return 0;
	}
	char what[160];
	snprintf(what, sizeof what, _("'%s' of %s"), key, where);
	return ydoc_bool(x->d, v, what, out, x->e);
}

/* A list whose every item is a scalar: a fresh NULL-terminated array. */
static int get_words(struct ctx *x, const struct ynode *v, const char *what, char ***out)
{
	*out = NULL;
	if (ydoc_expect(x->d, v, Y_SEQ, what, x->e) < 0)
		return -1;
	char **w = xcalloc(v->n + 1, sizeof *w);
	for (size_t i = 0; i < v->n; i++) {
		const char *s;
		if (ydoc_string(x->d, v->vals[i], what, &s, x->e) < 0) {
			strv_free(w);
			return -1;
		}
		w[i] = xstrdup(s);
	}
	*out = w;
	return 0;
}

/* Keys that make sense for one type only. */
static int check_type_keys(struct ctx *x, const struct ynode *m, const struct criterion *c)
{
	static const struct { const char *key; unsigned types; } only[] = {
		{"min", 1u << CRIT_SCALE}, {"max", 1u << CRIT_SCALE}, {"levels", 1u << CRIT_SCALE},
		{"levels_en", 1u << CRIT_SCALE},
		{"points", 1u << CRIT_SCALE}, {"comment_below", 1u << CRIT_SCALE},
		{"options", 1u << CRIT_CHOICE},
		{"comment_on", (1u << CRIT_GATE) | (1u << CRIT_CHOICE)},
	};
	for (size_t i = 0; i < sizeof only / sizeof only[0]; i++) {
		const struct ynode *k = ydoc_key_node(m, only[i].key);
		if (k && !(only[i].types & (1u << c->type))) {
			char types[64] = "";
			for (int t = 0; t <= CRIT_TEXT; t++)
				if (only[i].types & (1u << t)) {
					if (*types)
						strcat(types, _(" and "));
					strcat(types, crit_type_names[t]);
				}
			return ydoc_fail(x->d, k, x->e, _("'%s' applies to %s criteria; criterion '%s' is a %s"),
					 only[i].key, types, c->id, crit_type_name(c->type));
		}
	}
	return 0;
}

/* 'levels' (French labels) or 'levels_en' (their English ones, for levels
 * 'levels' names): a mapping value: label within the scale. */
static int parse_levels(struct ctx *x, const struct ynode *m, struct criterion *c, const char *where,
			const char *key)
{
	int en = strcmp(key, "levels_en") == 0;
	const struct ynode *lv = ydoc_get(m, key);
	if (!lv)
		return 0;
	char what[160];
	snprintf(what, sizeof what, _("'%s' of %s"), key, where);
	if (ydoc_expect(x->d, lv, Y_MAP, what, x->e) < 0)
		return -1;
	if (!en)
		c->levels = xcalloc(lv->n ? lv->n : 1, sizeof *c->levels);
	for (size_t i = 0; i < lv->n; i++) {
		const struct ynode *k = lv->keys[i];
		char *end;
		errno = 0;
		long v = strtol(k->scalar, &end, 10);
		if (!*k->scalar || *end || errno)
			return ydoc_fail(x->d, k, x->e, _("level '%s' of %s must be a whole number of the scale %d..%d"),
					 k->scalar, where, c->min, c->max);
		if (v < c->min || v > c->max)
			return ydoc_fail(x->d, k, x->e, _("level %ld of %s is outside the scale %d..%d"),
					 v, where, c->min, c->max);
		const char *label;
		char lwhat[160];
		snprintf(lwhat, sizeof lwhat, _("the label of level %ld of %s"), v, where);
		if (ydoc_string(x->d, lv->vals[i], lwhat, &label, x->e) < 0)
			return -1;
		if (!*label)
			return ydoc_fail(x->d, lv->vals[i], x->e, _("%s is empty; write a text"), lwhat);
		if (!en) {
			c->levels[c->n_levels].value = (int)v;
			c->levels[c->n_levels].label = xstrdup(label);
			c->n_levels++;
			continue;
		}
		size_t j = 0;
		while (j < c->n_levels && c->levels[j].value != v)
			j++;
		if (j == c->n_levels)
			return ydoc_fail(x->d, k, x->e, _("level %ld of 'levels_en' of %s has no label in 'levels'; give it its French label there first"),
					 v, where);
		free(c->levels[j].label_en);
		c->levels[j].label_en = xstrdup(label);
	}
	return 0;
}

static int parse_scale(struct ctx *x, const struct ynode *m, struct criterion *c, const char *where)
{
	long long min, max;
	if (get_int(x, m, "min", where, -100, 100, 0, &min) < 0)
		return -1;
	if (!need(x, m, "max", where, _("the highest value of the scale, e.g. 'max: 4'")))
		return -1;
	if (get_int(x, m, "max", where, -100, 100, 0, &max) < 0)
		return -1;
	if (max <= min)
		return ydoc_fail(x->d, ydoc_get(m, "max"), x->e,
				 _("'max' of %s must be above 'min' (%lld), found %lld"), where, min, max);
	c->min = (int)min;
	c->max = (int)max;
	if (get_num(x, m, "points", where, 0, 0, &c->points) < 0)
		return -1;
	if (parse_levels(x, m, c, where, "levels") < 0 || parse_levels(x, m, c, where, "levels_en") < 0)
		return -1;
	const struct ynode *cb = ydoc_get(m, "comment_below");
	if (cb) {
		long long v;
		char what[160];
		snprintf(what, sizeof what, _("'comment_below' of %s"), where);
		if (ydoc_int(x->d, cb, what, c->min + 1, c->max + 1, &v, x->e) < 0)
			return -1;
		c->comment_below = (int)v;
	}
	return 0;
}

static int parse_options(struct ctx *x, const struct ynode *m, struct criterion *c, const char *where)
{
	const struct ynode *ov = need(x, m, "options", where, _("a list of options, each with 'id' and 'label'"));
	if (!ov)
		return -1;
	char what[160];
	snprintf(what, sizeof what, _("'options' of %s"), where);
	if (ydoc_expect(x->d, ov, Y_SEQ, what, x->e) < 0)
		return -1;
	if (ov->n < 2)
		return ydoc_fail(x->d, ov, x->e, _("%s lists %zu option; a choice needs at least two"), what, ov->n);
	c->options = xcalloc(ov->n, sizeof *c->options);
	for (size_t i = 0; i < ov->n; i++) {
		struct item it;
		if (item_get(x, ov->vals[i], option_keys, _("option"), _("a short name"), &it,
			     _("option %zu of %s"), i + 1, where) < 0)
			return -1;
		for (size_t j = 0; j < c->n_options; j++)
			if (strcmp(c->options[j].id, it.id) == 0)
				return ydoc_fail(x->d, it.idn, x->e, _("duplicate option id '%s' in %s"), it.id, where);
		struct choice_option *op = &c->options[c->n_options++];
		op->id = xstrdup(it.id);
		if (get_text(x, it.m, "label", it.where, 1, &op->label) < 0 ||
		    get_text(x, it.m, "label_en", it.where, 0, &op->label_en) < 0)
			return -1;
	}
	return 0;
}

static int parse_comment_on(struct ctx *x, const struct ynode *m, struct criterion *c, const char *where)
{
	const struct ynode *v = ydoc_get(m, "comment_on");
	if (!v)
		return 0;
	char what[160];
	snprintf(what, sizeof what, _("'comment_on' of %s"), where);
	if (get_words(x, v, what, &c->comment_on) < 0)
		return -1;
	for (size_t i = 0; c->comment_on[i]; i++) {
		const char *w = c->comment_on[i];
		int ok = 0;
		if (c->type == CRIT_GATE) {
			for (size_t j = 0; gate_values[j]; j++)
				ok |= strcmp(w, gate_values[j]) == 0;
			if (!ok)
				return ydoc_fail(x->d, v->vals[i], x->e, _("%s names '%s', which is not an answer of a gate (yes, no, check)"),
						 what, w);
		} else {
			for (size_t j = 0; j < c->n_options; j++)
				ok |= strcmp(w, c->options[j].id) == 0;
			if (!ok)
				return ydoc_fail(x->d, v->vals[i], x->e, _("%s names '%s', which is not an option of criterion '%s'"),
						 what, w, c->id);
		}
	}
	return 0;
}

static int parse_criterion(struct ctx *x, const struct ynode *m, int section)
{
	struct checklist *g = x->g;
	struct item it;
	if (item_get(x, m, NULL, _("criterion"), _("a short name such as 'A' or 'R1'"), &it, "%s",
		     _("a criterion")) < 0)
		return -1;
	const struct ynode *idn = it.idn;
	const char *id = it.id;
	char *where = it.where;
	snprintf(where, sizeof it.where, _("criterion '%s'"), id);
	if (ydoc_check_keys(x->d, m, crit_keys, where, x->e) < 0)
		return -1;
	for (size_t i = 0; i < g->n_crit; i++)
		if (strcmp(g->crit[i].id, id) == 0)
			return ydoc_fail(x->d, idn, x->e, _("duplicate criterion id '%s' (first at line %d); each criterion needs its own id"),
					 id, g->crit[i].line);
	struct criterion *c = &g->crit[g->n_crit++];
	memset(c, 0, sizeof *c);
	c->id = xstrdup(id);
	c->section = section;
	c->line = idn->line;
	c->comment_below = INT_MIN;
	c->eliminate_below = -1;
	if (get_text(x, m, "label", where, 1, &c->label) < 0 ||
	    get_text(x, m, "label_en", where, 0, &c->label_en) < 0 ||
	    get_text(x, m, "help", where, 0, &c->help) < 0 ||
	    get_text(x, m, "help_en", where, 0, &c->help_en) < 0)
		return -1;
	const struct ynode *tn = need(x, m, "type", where, _("one of gate, scale, choice, text"));
	const char *type;
	if (!tn || ydoc_string(x->d, tn, _("'type'"), &type, x->e) < 0)
		return -1;
	int t = -1;
	for (int i = 0; crit_type_names[i]; i++)
		if (strcmp(type, crit_type_names[i]) == 0)
			t = i;
	if (t < 0) {
		const char *near = ydoc_nearest(type, crit_type_names);
		if (near)
			return ydoc_fail(x->d, tn, x->e, _("unknown criterion type '%s'; did you mean '%s'? (gate, scale, choice, text)"),
					 type, near);
		return ydoc_fail(x->d, tn, x->e, _("unknown criterion type '%s'; expected gate, scale, choice or text"), type);
	}
	c->type = (enum crit_type)t;
	if (check_type_keys(x, m, c) < 0)
		return -1;
	if (get_bool(x, m, "required", where, c->type != CRIT_TEXT, &c->required) < 0 ||
	    get_bool(x, m, "comment_required", where, 0, &c->comment_required) < 0)
		return -1;
	if (c->type == CRIT_SCALE && parse_scale(x, m, c, where) < 0)
		return -1;
	if (c->type == CRIT_CHOICE && parse_options(x, m, c, where) < 0)
		return -1;
	return parse_comment_on(x, m, c, where);
}

/* Section i of the grid and its criteria. */
static int parse_section(struct ctx *x, const struct ynode *m, size_t i)
{
	struct checklist *g = x->g;
	struct item it;
	if (item_get(x, m, NULL, _("section"), _("a short name"), &it, _("section %zu"), i + 1) < 0)
		return -1;
	snprintf(it.where, sizeof it.where, _("section '%s'"), it.id);
	if (ydoc_check_keys(x->d, m, section_keys, it.where, x->e) < 0)
		return -1;
	for (size_t j = 0; j < g->n_sections; j++)
		if (strcmp(g->sections[j].id, it.id) == 0)
			return ydoc_fail(x->d, it.idn, x->e, _("duplicate section id '%s'; each section needs its own id"), it.id);
	struct section *s = &g->sections[g->n_sections++];
	s->id = xstrdup(it.id);
	if (get_text(x, m, "title", it.where, 1, &s->title) < 0 ||
	    get_text(x, m, "title_en", it.where, 0, &s->title_en) < 0)
		return -1;
	const struct ynode *cv = need(x, m, "criteria", it.where, _("a list of criteria"));
	char what[160];
	snprintf(what, sizeof what, _("'criteria' of %s"), it.where);
	if (!cv || ydoc_expect(x->d, cv, Y_SEQ, what, x->e) < 0)
		return -1;
	if (cv->n == 0)
		return ydoc_fail(x->d, cv, x->e, _("%s is empty; a section needs at least one criterion"), what);
	for (size_t j = 0; j < cv->n; j++)
		if (parse_criterion(x, cv->vals[j], (int)i) < 0)
			return -1;
	return 0;
}

static int parse_sections(struct ctx *x, const struct ynode *root)
{
	struct checklist *g = x->g;
	const struct ynode *sv = need(x, root, "sections", _("the grid"), _("a list of sections, each with 'id', 'title' and 'criteria'"));
	if (!sv || ydoc_expect(x->d, sv, Y_SEQ, _("'sections'"), x->e) < 0)
		return -1;
	if (sv->n == 0)
		return ydoc_fail(x->d, sv, x->e, _("'sections' is empty; a grid needs at least one section with criteria"));
	size_t total = 0;
	for (size_t i = 0; i < sv->n; i++) {
		const struct ynode *crits = ydoc_get(sv->vals[i], "criteria");
		if (crits && crits->kind == Y_SEQ)
			total += crits->n;
	}
	g->sections = xcalloc(sv->n, sizeof *g->sections);
	g->crit = xcalloc(total ? total : 1, sizeof *g->crit);
	for (size_t i = 0; i < sv->n; i++)
		if (parse_section(x, sv->vals[i], i) < 0)
			return -1;
	return 0;
}

/* A rule names a criterion: it must exist (with a suggestion when close). */
static struct criterion *rule_criterion(struct ctx *x, const struct ynode *n, const char *rule)
{
	const char *id;
	char what[120];
	snprintf(what, sizeof what, _("a criterion named in rule '%s'"), rule);
	if (ydoc_string(x->d, n, what, &id, x->e) < 0)
		return NULL;
	for (size_t i = 0; i < x->g->n_crit; i++)
		if (strcmp(x->g->crit[i].id, id) == 0)
			return &x->g->crit[i];
	/* Ids are short: "did you mean" only for a case slip, or for long
	 * ids, where an edit distance means something. */
	const char **ids = xcalloc(x->g->n_crit + 1, sizeof *ids);
	const char *near = NULL;
	for (size_t i = 0; i < x->g->n_crit; i++) {
		ids[i] = x->g->crit[i].id;
		if (!near && strcasecmp(ids[i], id) == 0)
			near = ids[i];
	}
	if (!near && strlen(id) >= 4)
		near = ydoc_nearest(id, ids);
	if (near)
		ydoc_fail(x->d, n, x->e, _("rule '%s' names criterion '%s', which does not exist in this grid; did you mean '%s'?"),
			  rule, id, near);
	else
		ydoc_fail(x->d, n, x->e, _("rule '%s' names criterion '%s', which does not exist in this grid"), rule, id);
	free(ids);
	return NULL;
}

/* Band i of rule 'bands': below the one above it, within the points. */
/* A criterion named in rule 'blocking' (a gate) or 'tie_break' (a scale). */
static struct criterion *rule_criterion_typed(struct ctx *x, const struct ynode *n, const char *rule,
					      enum crit_type type)
{
	struct criterion *c = rule_criterion(x, n, rule);
	if (!c || c->type == type)
		return c;
	if (type == CRIT_GATE)
		ydoc_fail(x->d, n, x->e, _("rule 'blocking' names criterion '%s', a %s; only gates can block"),
			  c->id, crit_type_name(c->type));
	else
		ydoc_fail(x->d, n, x->e, _("rule 'tie_break' names criterion '%s', a %s; only scale criteria can break ties"),
			  c->id, crit_type_name(c->type));
	return NULL;
}

static int parse_band(struct ctx *x, const struct ynode *m, size_t i)
{
	struct checklist *g = x->g;
	struct item it;
	if (item_get(x, m, band_keys, _("band"), _("a short name such as 'favourable'"), &it,
		     _("band %zu"), i + 1) < 0)
		return -1;
	const char *id = it.id;
	for (size_t j = 0; j < g->n_bands; j++)
		if (strcmp(g->bands[j].id, id) == 0)
			return ydoc_fail(x->d, it.idn, x->e, _("duplicate band id '%s'"), id);
	struct band *b = &g->bands[g->n_bands++];
	b->id = xstrdup(id);
	snprintf(it.where, sizeof it.where, _("band '%s'"), id);
	if (get_text(x, m, "label", it.where, 1, &b->label) < 0 ||
	    get_text(x, m, "label_en", it.where, 0, &b->label_en) < 0)
		return -1;
	const struct ynode *mn = need(x, m, "min", it.where, _("the lowest total of the band, e.g. 'min: 65'"));
	if (!mn || get_num(x, m, "min", it.where, 0, 0, &b->min) < 0)
		return -1;
	char n1[32], n2[32];
	if (i > 0 && b->min >= g->bands[i - 1].min)
		return ydoc_fail(x->d, mn, x->e, _("band '%s' starts at %s, not below the band above it ('%s' at %s); list bands from the highest 'min' down"),
				 id, NUM(b->min, n1), g->bands[i - 1].id, NUM(g->bands[i - 1].min, n2));
	if (g->points_sum > 0 && b->min > g->points_sum)
		return ydoc_fail(x->d, mn, x->e, _("band '%s' starts at %s, above the most points a review can give (%s)"),
				 id, NUM(b->min, n1), NUM(g->points_sum, n2));
	return 0;
}

static int parse_bands(struct ctx *x, const struct ynode *bv)
{
	struct checklist *g = x->g;
	if (ydoc_expect(x->d, bv, Y_SEQ, _("rule 'bands'"), x->e) < 0)
		return -1;
	if (bv->n == 0)
		return ydoc_fail(x->d, bv, x->e, _("rule 'bands' is empty; remove it or list bands from the highest 'min' down to 0"));
	g->bands = xcalloc(bv->n, sizeof *g->bands);
	for (size_t i = 0; i < bv->n; i++)
		if (parse_band(x, bv->vals[i], i) < 0)
			return -1;
	char n1[32];
	if (g->bands[g->n_bands - 1].min != 0)
		return ydoc_fail(x->d, ydoc_get(bv->vals[bv->n - 1], "min"), x->e,
				 _("the lowest band ('%s') starts at %s; it must start at 0 so that every total falls in a band"),
				 g->bands[g->n_bands - 1].id, NUM(g->bands[g->n_bands - 1].min, n1));
	return 0;
}

static int parse_tie_break(struct ctx *x, const struct ynode *tv)
{
	struct checklist *g = x->g;
	if (ydoc_expect(x->d, tv, Y_MAP, _("rule 'tie_break'"), x->e) < 0 ||
	    ydoc_check_keys(x->d, tv, tie_keys, _("rule 'tie_break'"), x->e) < 0)
		return -1;
	const struct ynode *tt = ydoc_get(tv, "territory_types");
	if (tt) {
		if (get_words(x, tt, _("'territory_types' of rule 'tie_break'"), &g->tie_territories) < 0)
			return -1;
		const char *const *known = dossier_fields[DF_TERRITORY_TYPE].choices;
		for (size_t i = 0; known && g->tie_territories[i]; i++) {
			const char *w = g->tie_territories[i];
			int ok = 0;
			for (size_t j = 0; known[j]; j++)
				ok |= strcmp(w, known[j]) == 0;
			if (ok)
				continue;
			char list[256];
			text_join_all(list, sizeof list, ", ", known);
			const char *near = ydoc_nearest(w, known);
			if (near)
				return ydoc_fail(x->d, tt->vals[i], x->e, _("unknown territory type '%s'; did you mean '%s'? (%s)"),
						 w, near, list);
			return ydoc_fail(x->d, tt->vals[i], x->e, _("unknown territory type '%s'; expected one of %s"), w, list);
		}
	}
	const struct ynode *tc = ydoc_get(tv, "criteria");
	if (tc) {
		if (ydoc_expect(x->d, tc, Y_SEQ, _("'criteria' of rule 'tie_break'"), x->e) < 0)
			return -1;
		g->tie_criteria = xcalloc(tc->n + 1, sizeof *g->tie_criteria);
		for (size_t i = 0; i < tc->n; i++) {
			struct criterion *c = rule_criterion_typed(x, tc->vals[i], "tie_break", CRIT_SCALE);
			if (!c)
				return -1;
			g->tie_criteria[i] = xstrdup(c->id);
		}
	}
	return 0;
}

/* Rule 'blocking': gates a "no" on which blocks a decision. */
static int parse_blocking(struct ctx *x, const struct ynode *bl)
{
	if (ydoc_expect(x->d, bl, Y_SEQ, _("rule 'blocking'"), x->e) < 0)
		return -1;
	for (size_t i = 0; i < bl->n; i++) {
		struct criterion *c = rule_criterion_typed(x, bl->vals[i], "blocking", CRIT_GATE);
		if (!c)
			return -1;
		if (c->blocking)
			return ydoc_fail(x->d, bl->vals[i], x->e, _("rule 'blocking' names criterion '%s' twice"), c->id);
		c->blocking = 1;
	}
	return 0;
}

/* Item i of rule 'eliminate': a scale criterion and the points under
 * which a review is eliminated. */
static int parse_eliminate(struct ctx *x, const struct ynode *m, size_t i)
{
	char where[120];
	snprintf(where, sizeof where, _("item %zu of rule 'eliminate'"), i + 1);
	if (ydoc_expect(x->d, m, Y_MAP, where, x->e) < 0 ||
	    ydoc_check_keys(x->d, m, elim_keys, where, x->e) < 0)
		return -1;
	const struct ynode *cn = need(x, m, "criterion", where, _("the id of a scale criterion"));
	if (!cn)
		return -1;
	struct criterion *c = rule_criterion(x, cn, "eliminate");
	if (!c)
		return -1;
	if (c->type != CRIT_SCALE || c->points <= 0)
		return ydoc_fail(x->d, cn, x->e, _("rule 'eliminate' names criterion '%s', which weighs no points; only a scale criterion with 'points' can eliminate"),
				 c->id);
	if (!need(x, m, "below", where, _("a number of points, e.g. 'below: 8'")))
		return -1;
	double below;
	if (get_num(x, m, "below", where, 0, 0, &below) < 0)
		return -1;
	char n1[32], n2[32];
	if (below > c->points)
		return ydoc_fail(x->d, ydoc_get(m, "below"), x->e, _("rule 'eliminate' for '%s' says below %s points, but '%s' weighs at most %s"),
				 c->id, NUM(below, n1), c->id, NUM(c->points, n2));
	c->eliminate_below = below;
	return 0;
}

/* Rule 'eliminate': a list of items. */
static int parse_eliminates(struct ctx *x, const struct ynode *el)
{
	if (ydoc_expect(x->d, el, Y_SEQ, _("rule 'eliminate'"), x->e) < 0)
		return -1;
	for (size_t i = 0; i < el->n; i++)
		if (parse_eliminate(x, el->vals[i], i) < 0)
			return -1;
	return 0;
}

/* Rule 'favourable': the band a funding decision needs. */
static int parse_favourable(struct ctx *x, const struct ynode *fv)
{
	struct checklist *g = x->g;
	const char *id;
	if (ydoc_string(x->d, fv, _("rule 'favourable'"), &id, x->e) < 0)
		return -1;
	for (size_t i = 0; i < g->n_bands; i++)
		if (strcmp(g->bands[i].id, id) == 0)
			g->favourable = (int)i;
	if (g->favourable < 0)
		return ydoc_fail(x->d, fv, x->e, _("rule 'favourable' names band '%s', which is not in rule 'bands'"), id);
	return 0;
}

static int parse_rules(struct ctx *x, const struct ynode *root)
{
	/* In this order: 'favourable' names one of the 'bands'. */
	static const struct {
		const char *key;
		int (*parse)(struct ctx *x, const struct ynode *v);
	} rules[] = {
		{"blocking", parse_blocking}, {"eliminate", parse_eliminates}, {"bands", parse_bands},
		{"favourable", parse_favourable}, {"tie_break", parse_tie_break},
	};
	struct checklist *g = x->g;
	const struct ynode *rv = ydoc_get(root, "rules");
	g->favourable = -1;
	if (!rv)
		return 0;
	if (ydoc_expect(x->d, rv, Y_MAP, _("'rules'"), x->e) < 0 ||
	    ydoc_check_keys(x->d, rv, rules_keys, _("'rules'"), x->e) < 0)
		return -1;
	for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
		const struct ynode *v = ydoc_get(rv, rules[i].key);
		if (v && rules[i].parse(x, v) < 0)
			return -1;
		if (!v && strcmp(rules[i].key, "favourable") == 0 && g->n_bands > 0)
			g->favourable = 0;	/* the highest band */
	}
	return 0;
}

static int parse(struct ctx *x)
{
	struct checklist *g = x->g;
	const struct ynode *root = x->d->root;
	if (!root)
		return ydoc_fail(x->d, NULL, x->e, _("the file is empty; a grid has at least 'id', 'title', 'phase' and 'sections'"));
	if (ydoc_expect(x->d, root, Y_MAP, _("a grid"), x->e) < 0 ||
	    ydoc_check_keys(x->d, root, top_keys, _("the grid"), x->e) < 0)
		return -1;
	const struct ynode *idn = need(x, root, "id", _("the grid"), _("a short name such as 'phase2'"));
	const char *id;
	if (!idn || check_id(x, idn, _("grid"), &id) < 0)
		return -1;
	g->id = xstrdup(id);
	if (get_text(x, root, "title", _("the grid"), 1, &g->title) < 0 ||
	    get_text(x, root, "title_en", _("the grid"), 0, &g->title_en) < 0 ||
	    get_text(x, root, "version", _("the grid"), 0, &g->version) < 0)
		return -1;
	long long v;
	if (!need(x, root, "phase", _("the grid"), _("1 or 2")) ||
	    get_int(x, root, "phase", _("the grid"), 1, 2, 1, &v) < 0)
		return -1;
	g->phase = (int)v;
	if (get_int(x, root, "reviews_required", _("the grid"), 1, 20, 1, &v) < 0)
		return -1;
	g->reviews_required = (int)v;
	if (get_bool(x, root, "blind", _("the grid"), 1, &g->blind) < 0 ||
	    get_num(x, root, "divergence", _("the grid"), 0, 0, &g->divergence) < 0 ||
	    get_num(x, root, "total", _("the grid"), 0, 0, &g->total) < 0)
		return -1;
	if (parse_sections(x, root) < 0)
		return -1;
	g->points_sum = 0;
	for (size_t i = 0; i < g->n_crit; i++)
		g->points_sum += g->crit[i].points;
	const struct ynode *tn = ydoc_get(root, "total");
	char n1[32], n2[32];
	if (!isfinite(g->points_sum) || g->points_sum > CHECKLIST_MAX_POINTS ||
	    g->total > CHECKLIST_MAX_POINTS)
		return ydoc_fail(x->d, tn ? tn : root, x->e, _("the grid weighs %s points in all; at most %s are allowed: fix the criteria's points"),
				 NUM(g->points_sum > g->total ? g->points_sum : g->total, n1), NUM(CHECKLIST_MAX_POINTS, n2));
	if (tn && fabs(g->points_sum - g->total) > 1e-9) {
		char parts[512] = "";
		for (size_t i = 0; i < g->n_crit; i++) {
			if (g->crit[i].points <= 0)
				continue;
			char one[64];
			snprintf(one, sizeof one, "%s%s %s", *parts ? ", " : "", g->crit[i].id, NUM(g->crit[i].points, n1));
			strncat(parts, one, sizeof parts - strlen(parts) - 1);
		}
		return ydoc_fail(x->d, tn, x->e, _("the criteria's points add up to %s (%s), but 'total' declares %s; fix a criterion's points or the total"),
				 NUM(g->points_sum, n1), *parts ? parts : _("no criterion weighs points"), NUM(g->total, n2));
	}
	return parse_rules(x, root);
}

int checklist_load_string(const char *name, const char *text, size_t len,
			  struct checklist **out, struct perr *e)
{
	struct ydoc *d = NULL;
	*out = NULL;
	if (ydoc_load_string(name, text, len, &d, e) < 0)
		return -1;
	struct checklist *g = xcalloc(1, sizeof *g);
	g->path = xstrdup(name);
	g->favourable = -1;
	struct ctx x = {d, e, g};
	int rc = parse(&x);
	ydoc_free(&d);
	if (rc < 0) {
		checklist_free(&g);
		return -1;
	}
	char h[17];
	g->hash = xstrdup(checklist_hash(text, len, h));
	g->text = xstrndup(text, len);
	*out = g;
	return 0;
}

/* file_read says "cannot read"; a grid author reads "cannot read the grid",
 * with the same reason from the system. */
static int read_failed(const char *path, struct perr *e)
{
	char *head = xasprintf(_("%s: cannot read: %s"), path, "");
	size_t n = strlen(head);
	if (strncmp(e->msg, head, n) == 0) {
		char *why = xstrdup(e->msg + n);
		perr_set(e, e->status, _("%s: cannot read the grid: %s"), path, why);
		free(why);
	}
	free(head);
	return -1;
}

int checklist_load_file(const char *path, struct checklist **out, struct perr *e)
{
	*out = NULL;
	char *buf;
	size_t len;
	int rc = file_read(path, 8u << 20, &buf, &len, e);
	if (rc == -2)
		return perr_set(e, P_INVALID, _("%s: larger than 8 MiB; this is not a review grid"), path);
	if (rc < 0)
		return read_failed(path, e);
	if (memchr(buf, '\0', len)) {
		free(buf);
		return perr_set(e, P_INVALID, _("%s: contains NUL bytes; a grid is a UTF-8 text file"), path);
	}
	rc = checklist_load_string(path, buf, len, out, e);
	free(buf);
	return rc;
}
