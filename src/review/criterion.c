/* criterion.c - the answers a criterion takes: what a person may type
 * (French and English words, accents or not), the stored form, points. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/fmt.h"
#include "base/i18n.h"
#include "review/criterion.h"

const char *const gate_values[4] = {"yes", "no", "check", NULL};
const char *const crit_type_names[5] = {"gate", "scale", "choice", "text", NULL};

const char *checklist_text(const char *fr_text, const char *en_text)
{
	return en_text && fmt_reader_lang() == FMT_EN ? en_text : fr_text;
}

const char *criterion_label(const struct criterion *c)
{
	return checklist_text(c->label, c->label_en);
}

const char *crit_type_name(enum crit_type t)
{
	return t <= CRIT_TEXT ? crit_type_names[t] : "?";
}

/* A copy of what a person typed, cut to max bytes on a character boundary,
 * for messages. */
static char *clip(const char *s, size_t max)
{
	size_t n = strnlen(s, max);
	while (n > 0 && n < strlen(s) && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return xstrndup(s, n);
}

/* Lower-case ASCII and drop accents of the few French words gates accept. */
static void fold(const char *in, char *out, size_t len)
{
	size_t j = 0;
	for (const unsigned char *p = (const unsigned char *)in; *p && j + 1 < len; p++) {
		if (p[0] == 0xC3 && (p[1] == 0xA0 || p[1] == 0x80)) {	/* à À */
			out[j++] = 'a';
			p++;
		} else if (p[0] == 0xC3 && (p[1] == 0xA9 || p[1] == 0xA8 || p[1] == 0x89)) { /* é è É */
			out[j++] = 'e';
			p++;
		} else {
			out[j++] = (char)tolower(*p);
		}
	}
	out[j] = '\0';
	while (j > 0 && isspace((unsigned char)out[j - 1]))
		out[--j] = '\0';
}

int criterion_normalize(const struct criterion *c, const char *value, char **out,
			struct perr *e)
{
	*out = NULL;
	const char *p = value ? value : "";
	while (*p && isspace((unsigned char)*p))
		p++;
	if (!*p)
		return 0;
	switch (c->type) {
	case CRIT_GATE: {
		static const struct { const char *word, *value; } words[] = {
			{"yes", "yes"}, {"y", "yes"}, {"oui", "yes"}, {"o", "yes"}, {"true", "yes"},
			{"no", "no"}, {"n", "no"}, {"non", "no"}, {"false", "no"},
			{"check", "check"}, {"?", "check"}, {"to check", "check"}, {"a verifier", "check"},
			{"verifier", "check"}, {"v", "check"},
		};
		char f[32];
		fold(p, f, sizeof f);
		for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
			if (strcmp(f, words[i].word) == 0) {
				*out = xstrdup(words[i].value);
				return 0;
			}
		char *clean = clip(p, 40);
		perr_set(e, P_INVALID, _("%s: '%s' is not an answer of this gate; answer yes (oui), no (non) or check (à vérifier)"),
			 c->id, clean);
		free(clean);
		return -1;
	}
	case CRIT_SCALE: {
		char *end;
		errno = 0;
		long v = strtol(p, &end, 10);
		while (*end && isspace((unsigned char)*end))
			end++;
		if (*end || errno || v < c->min || v > c->max) {
			char *clean = clip(p, 40);
			perr_set(e, P_INVALID, _("%s: '%s' is not on the scale; give a whole number from %d to %d"),
				 c->id, clean, c->min, c->max);
			free(clean);
			return -1;
		}
		*out = xasprintf("%ld", v);
		return 0;
	}
	case CRIT_CHOICE: {
		char f[64];
		fold(p, f, sizeof f);
		for (size_t i = 0; i < c->n_options; i++)
			if (strcasecmp(f, c->options[i].id) == 0) {
				*out = xstrdup(c->options[i].id);
				return 0;
			}
		char *acc = criterion_accepts(c);
		char *clean = clip(p, 40);
		perr_set(e, P_INVALID, _("%s: '%s' is not one of the options; choose one of %s"), c->id, clean, acc);
		free(clean);
		free(acc);
		return -1;
	}
	case CRIT_TEXT:
		*out = xstrdup(value);
		return 0;
	}
	return perr_set(e, P_INTERNAL, "criterion type");
}

double criterion_points(const struct criterion *c, const char *value)
{
	if (c->type != CRIT_SCALE || !value || c->points <= 0 || c->max <= c->min)
		return 0;
	long v = strtol(value, NULL, 10);
	if (v < c->min)
		v = c->min;
	if (v > c->max)
		v = c->max;
	return c->points * (double)(v - c->min) / (double)(c->max - c->min);
}

int criterion_needs_comment(const struct criterion *c, const char *value)
{
	if (c->type == CRIT_TEXT)
		return 0;
	if (c->comment_required)
		return 1;
	if (!value)
		return 0;
	if (c->type == CRIT_SCALE && c->comment_below != INT_MIN)
		return strtol(value, NULL, 10) < c->comment_below;
	for (size_t i = 0; c->comment_on && c->comment_on[i]; i++)
		if (strcmp(c->comment_on[i], value) == 0)
			return 1;
	return 0;
}

char *criterion_value_label(const struct criterion *c, const char *value)
{
	if (!value)
		return xstrdup("");
	switch (c->type) {
	case CRIT_GATE:
		if (strcmp(value, "yes") == 0)
			return xstrdup(_("yes"));
		if (strcmp(value, "no") == 0)
			return xstrdup(_("no"));
		if (strcmp(value, "check") == 0)
			return xstrdup(_("to check"));
		break;
	case CRIT_SCALE: {
		long v = strtol(value, NULL, 10);
		for (size_t i = 0; i < c->n_levels; i++)
			if (c->levels[i].value == v)
				return xasprintf("%ld - %s", v,
						 checklist_text(c->levels[i].label, c->levels[i].label_en));
		break;
	}
	case CRIT_CHOICE:
		for (size_t i = 0; i < c->n_options; i++)
			if (strcmp(c->options[i].id, value) == 0)
				return xstrdup(checklist_text(c->options[i].label, c->options[i].label_en));
		break;
	case CRIT_TEXT:
		break;
	}
	return xstrdup(value);
}

char *criterion_accepts(const struct criterion *c)
{
	switch (c->type) {
	case CRIT_GATE:
		return xstrdup(_("yes, no, check"));
	case CRIT_SCALE:
		/* TRANSLATORS: a scale's lowest and highest scores. */
		return xasprintf(_("%d..%d"), c->min, c->max);
	case CRIT_CHOICE: {
		size_t len = 1;
		for (size_t i = 0; i < c->n_options; i++)
			len += strlen(c->options[i].id) + 2;
		char *s = xmalloc(len);
		s[0] = '\0';
		for (size_t i = 0; i < c->n_options; i++) {
			if (i)
				strcat(s, ", ");
			strcat(s, c->options[i].id);
		}
		return s;
	}
	case CRIT_TEXT:
		return xstrdup(_("free text"));
	}
	return xstrdup("?");
}

const char *criterion_answer_label(const struct criterion *c, const char *v)
{
	if (!v)
		return "-";
	if (c->type == CRIT_GATE)
		return strcmp(v, "yes") == 0 ? _("yes") : strcmp(v, "no") == 0 ? _("no") : _("check");
	for (size_t i = 0; c->type == CRIT_CHOICE && i < c->n_options; i++)
		if (strcmp(c->options[i].id, v) == 0)
			return checklist_text(c->options[i].label, c->options[i].label_en);
	return v;
}
