/* history_text.c - a history entry's parameters put into words when read,
 * in the reader's language (the database keeps only codes and values). */
#include <stdlib.h>
#include <string.h>

#include "base/fmt.h"
#include "base/i18n.h"
#include "base/kv.h"
#include "procedure/document.h"
#include "procedure/history_text.h"

const char *history_kind_label(const char *kind)
{
	/* The codes stored in history.kind; a code unknown here is shown as is. */
	if (strcmp(kind, "create") == 0)
		return C_("history kind", "create");
	if (strcmp(kind, "update") == 0)
		return C_("history kind", "update");
	if (strcmp(kind, "move") == 0)
		return C_("history kind", "move");
	if (strcmp(kind, "assign") == 0)
		return C_("history kind", "assign");
	if (strcmp(kind, "unassign") == 0)
		return C_("history kind", "unassign");
	if (strcmp(kind, "review") == 0)
		return C_("history kind", "review");
	if (strcmp(kind, "opinion") == 0)
		return C_("history kind", "opinion");
	if (strcmp(kind, "conflict") == 0)
		return C_("history kind", "conflict");
	if (strcmp(kind, "conflict-withdrawn") == 0)
		return C_("history kind", "conflict-withdrawn");
	if (strcmp(kind, "complements") == 0)
		return C_("history kind", "complements");
	if (strcmp(kind, "document") == 0)
		return C_("history kind", "document");
	if (strcmp(kind, "note") == 0)
		return C_("history kind", "note");
	return kind;
}

/* A value quoted the reader's way: "x" in English, « x » in French. */
static void quoted(char **out, const char *v)
{
	if (!v || !*v)
		xappendf(out, "%s", _("(empty)"));
	else
		xappendf(out, _("\"%s\""), v);
}

/* An update: each field with its old and new values, or only its name. */
static char *update_text(const char *p)
{
	char *out = NULL, *k, *v, *old = kv_get(p, "old");
	int values = old != NULL;
	free(old);
	while ((p = kv_next(p, &k, &v))) {
		if (strcmp(k, "field") == 0)
			xappendf(&out, values ? _("%s%s: ") : "%s%s", out ? (values ? _("; ") : ", ") : "", v);
		else if (strcmp(k, "old") == 0 || strcmp(k, "new") == 0) {
			if (strcmp(k, "new") == 0)
				xappendf(&out, " → ");
			quoted(&out, v);
		}
		free(k);
		free(v);
	}
	return out;
}

static char *review_text(const char *p)
{
	char *action = kv_get(p, "action"), *grid = kv_get(p, "grid"), *ver = kv_get(p, "version");
	char *ch = kv_get(p, "changes"), *out = NULL;
	if (action && strcmp(action, "reopened") == 0)
		out = xasprintf(_("review reopened on grid %s"), grid ? grid : "");
	else
		out = xasprintf(_("review submitted on grid %s (version %s)"), grid ? grid : "", ver ? ver : "");
	if (ch)
		xappendf(&out, _("; changed since reopened: %s"), ch);
	free(action);
	free(grid);
	free(ver);
	free(ch);
	return out;
}

static char *opinion_text(const char *p)
{
	char *action = kv_get(p, "action"), *id = kv_get(p, "id"), *ex = kv_get(p, "expert");
	char *verdict = kv_get(p, "verdict"), *out;
	if (action && strcmp(action, "answered") == 0)
		out = xasprintf(_("opinion %s answered: %s"), id ? id : "",
				verdict && strcmp(verdict, "favourable") == 0 ? _("favourable")
				: verdict && strcmp(verdict, "defavourable") == 0 ? _("unfavourable")
				: verdict ? verdict : "");
	else if (action && strcmp(action, "imported") == 0)
		out = xasprintf(_("%s (imported from the platform)"), ex ? ex : "");
	else
		out = xasprintf(_("opinion %s asked of %s"), id ? id : "", ex ? ex : "");
	free(action);
	free(id);
	free(ex);
	free(verdict);
	return out;
}

static char *document_text(const char *p)
{
	char *file = kv_get(p, "file"), *size = kv_get(p, "size"), *type = kv_get(p, "type");
	char *bytes = kv_get(p, "bytes"), *count = kv_get(p, "count"), buf[48], *out;
	if (count) {
		long long n = strtoll(count, NULL, 10);
		char *arch = kv_get(p, "archive");
		out = xasprintf(P_("%s from %s", "%s from %s", n), fmt_number(FMT_READER, n, buf, sizeof buf),
				arch ? arch : "");
		free(arch);
		free(count);
		free(file);
		free(size);
		free(type);
		free(bytes);
		return out;
	}
	if (!size && bytes) {
		long long n = strtoll(bytes, NULL, 10);
		size = xasprintf(P_("%s byte", "%s bytes", n), fmt_number(FMT_READER, n, buf, sizeof buf));
	}
	out = xasprintf("%s, %s, %s", file ? file : "", size ? size : "", type ? document_type_word(type) : "");
	free(file);
	free(size);
	free(type);
	free(bytes);
	return out;
}

/* The sentences of the other kinds, each from one parameter or two. */
static char *simple_text(const char *kind, const char *p)
{
	char *a = NULL, *b = NULL, *out = NULL, date[32];
	if (strcmp(kind, "create") == 0) {
		a = kv_get(p, "source");
		out = xstrdup(!a ? "" : strcmp(a, "platform") == 0 ? _("imported from the platform")
			      : _("imported"));
	} else if (strcmp(kind, "move") == 0) {
		a = kv_get(p, "by");
		b = kv_get(p, "for");
		out = a && b ? xasprintf(_("recorded by %s acting as %s"), a, b)
			: xstrdup(_("imported from the platform: recorded as the platform says, no guard checked"));
	} else if (strcmp(kind, "assign") == 0 || strcmp(kind, "unassign") == 0) {
		a = kv_get(p, "login");
		b = kv_get(p, "source");
		out = b ? xasprintf(_("%s (imported from the platform)"), a ? a : "") : xstrdup(a ? a : "");
	} else if (strcmp(kind, "conflict") == 0 || strcmp(kind, "conflict-withdrawn") == 0) {
		a = kv_get(p, "person");
		out = xasprintf(strcmp(kind, "conflict") == 0 ? _("conflict of interest: %s")
				: _("conflict of interest withdrawn: %s"), a ? a : "");
	} else if (strcmp(kind, "complements") == 0) {
		a = kv_get(p, "due");
		out = a ? xasprintf(_("due %s"), fmt_date(FMT_READER, a, date, sizeof date)) : xstrdup(C_("complements", "cleared"));
	}
	free(a);
	free(b);
	return out;
}

char *history_detail_text(const struct history_entry *h)
{
	const char *p = h->detail;
	if (!p || !*p)
		return NULL;
	if (!kv_is(p))
		return xstrdup(p);	/* not parameters: shown as written */
	char *text = kv_get(p, "text");
	if (text)
		return text;
	if (strcmp(h->kind, "update") == 0)
		return update_text(p);
	if (strcmp(h->kind, "review") == 0)
		return review_text(p);
	if (strcmp(h->kind, "opinion") == 0)
		return opinion_text(p);
	if (strcmp(h->kind, "document") == 0)
		return document_text(p);
	char *out = simple_text(h->kind, p);
	return out ? out : xstrdup(p);
}
