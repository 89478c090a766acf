/* answer.c - a criterion's answer as the interface shows it: words of the
 * reader's language, never the stored codes (yes, check, an option id). */
#include <stdio.h>
#include <string.h>

#include "answer.h"
#include "base/i18n.h"
#include "base/text.h"

#define BOX_MAX 16

/* The columns "[label]" takes. */
static size_t boxed(const struct criterion *c, const char *v)
{
	return text_width(criterion_answer_label(c, v)) + 2;
}

int answer_box_width(const struct checklist *g)
{
	size_t w = 8;
	for (size_t i = 0; i < g->n_crit; i++) {
		const struct criterion *c = &g->crit[i];
		for (size_t k = 0; c->type == CRIT_GATE && gate_values[k]; k++)
			if (boxed(c, gate_values[k]) > w)
				w = boxed(c, gate_values[k]);
		for (size_t k = 0; c->type == CRIT_CHOICE && k < c->n_options; k++)
			if (boxed(c, c->options[k].id) > w)
				w = boxed(c, c->options[k].id);
	}
	return w > BOX_MAX ? BOX_MAX : (int)w;
}

void answer_box(const struct criterion *c, const struct answer *a, int w, char *buf, size_t len)
{
	const char *v = a ? a->value : NULL;
	char inner[256];
	if (!v)
		snprintf(inner, sizeof inner, " ");
	else if (c->type == CRIT_SCALE)
		snprintf(inner, sizeof inner, "%s/%d", v, c->max);
	else if (c->type == CRIT_TEXT)
		snprintf(inner, sizeof inner, "%s", _("text"));
	else
		snprintf(inner, sizeof inner, "%s", criterion_answer_label(c, v));
	size_t room = w > 3 ? (size_t)w - 2 : 1, used = 0, fit = text_fit(inner, room, &used);
	if (fit < strlen(inner)) {
		fit = text_fit(inner, room - 1, &used);
		snprintf(buf, len, "[%.*s…]", (int)fit, inner);
		used++;
	} else {
		snprintf(buf, len, "[%s]", inner);
	}
	size_t o = strlen(buf);
	for (size_t k = used + 2; k < (size_t)w && o + 1 < len; k++)
		buf[o++] = ' ';
	buf[o] = '\0';
}

/* The first key bound to action a, or prefer when a has it too. */
static const char *key_of(const struct keymap *km, enum key_action a, const char *prefer,
			  char *buf, size_t len)
{
	int first = 0, pref = 0;
	if (key_parse(prefer, &pref) < 0)
		pref = 0;
	for (int k = 0; k < KEYS_MAX; k++) {
		int code = km->codes[a][k];
		if (code && code == pref) {
			first = pref;
			break;
		}
		if (code && !first)
			first = code;
	}
	return first ? key_format(first, buf, len) : "-";
}

const char *answer_gate_keys(const struct keymap *km, char *buf, size_t len)
{
	char y[16], n[16], q[16];
	/* TRANSLATORS: the key shown for "yes" on a gate when it is bound
	 * ("o" for « oui »: both y and o answer yes). */
	key_of(km, KA_GATE_YES, C_("gate key", "y"), y, sizeof y);
	key_of(km, KA_GATE_NO, "n", n, sizeof n);
	key_of(km, KA_GATE_CHECK, "?", q, sizeof q);
	snprintf(buf, len, "%s %s %s", y, n, q);
	return buf;
}
