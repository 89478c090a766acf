/* review_form.c - writing a review as a text form for $EDITOR and reading
 * the edited form back, each error naming its line. */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/text.h"
#include "review/review_form.h"

/* Print text as comment lines ("# ...") wrapped at about 76 columns. */
static void put_comment_text(FILE *f, const char *prefix, const char *s)
{
	char *clean = text_clean(s, TEXT_KEEP_NEWLINES);
	size_t *starts = NULL, *lens = NULL;
	size_t n = text_wrap(clean, 74, &starts, &lens);
	for (size_t i = 0; i < n; i++)
		fprintf(f, "%s%.*s\n", prefix, (int)lens[i], clean + starts[i]);
	free(starts);
	free(lens);
	free(clean);
}

/* A value or comment: first line after the key, further lines indented. */
static void put_multiline(FILE *f, const char *key, const char *v)
{
	fprintf(f, "%s:", key);
	if (!v || !*v) {
		fputc('\n', f);
		return;
	}
	char *clean = text_clean(v, TEXT_KEEP_NEWLINES);
	char *save = NULL;
	int first = 1;
	for (char *line = strtok_r(clean, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		fprintf(f, first ? " %s\n" : "  %s\n", line);
		first = 0;
	}
	if (first)
		fputc('\n', f);
	free(clean);
}

/* A criterion's heading: its label, what it accepts, its levels or
 * options, its help and when a comment is needed. */
static void put_criterion(FILE *f, const struct criterion *c)
{
	char *acc = criterion_accepts(c);
	char *label = text_clean(c->label, 0);
	if (c->type == CRIT_SCALE && c->points > 0)
		fprintf(f, "# %s - %s (%s, %g points%s)\n", c->id, label, acc, c->points,
			c->required ? "" : _(", optional"));
	else
		fprintf(f, "# %s - %s (%s%s%s)\n", c->id, label, acc,
			c->blocking ? _(", blocking") : "", c->required ? "" : _(", optional"));
	free(label);
	free(acc);
	for (size_t j = 0; j < c->n_levels; j++) {
		char *l = text_clean(c->levels[j].label, 0);
		fprintf(f, "#   %d = %s\n", c->levels[j].value, l);
		free(l);
	}
	for (size_t j = 0; j < c->n_options; j++) {
		char *l = text_clean(c->options[j].label, 0);
		fprintf(f, "#   %s = %s\n", c->options[j].id, l);
		free(l);
	}
	if (c->help)
		put_comment_text(f, "#   ", c->help);
	if (c->comment_required)
		fprintf(f, "%s", _("#   (a comment is required)\n"));
	else if (c->comment_below != INT_MIN)
		fprintf(f, _("#   (a comment is required under %d)\n"), c->comment_below);
}

void review_form_write(FILE *f, const struct checklist *g, const struct review *r,
		       const char *ds_number, const char *ptce_name)
{
	char *name = text_clean(ptce_name ? ptce_name : "", 0);
	fprintf(f, _("# ptce review form: dossier %s - %s\n"), ds_number ? ds_number : "", name);
	free(name);
	fprintf(f, _("# Grid: %s, version %s%s%s - %s\n"), g->id, g->hash, g->version ? " / " : "",
		g->version ? g->version : "", g->title);
	fprintf(f, "%s", _("# Write each answer after the colon (ID: value). A comment goes after\n"
			   "# \"comment:\" below its criterion. Continue a text on the next lines by\n"
			   "# indenting them with two spaces. Lines starting with # are ignored.\n"
			   "# Set \"submit: yes\" at the end to submit. Save and quit to record;\n"
			   "# quit without saving to cancel.\n"));
	int section = -1;
	for (size_t i = 0; i < g->n_crit; i++) {
		const struct criterion *c = &g->crit[i];
		const struct answer *a = r ? review_answer(r, c->id) : NULL;
		if (c->section != section) {
			section = c->section;
			char *t = text_clean(g->sections[section].title, 0);
			fprintf(f, "\n## %s\n", t);
			free(t);
		}
		fputc('\n', f);
		put_criterion(f, c);
		put_multiline(f, c->id, a ? a->value : NULL);
		if (c->type != CRIT_TEXT)
			put_multiline(f, "comment", a ? a->comment : NULL);
	}
	fprintf(f, "\nsubmit: no\n");
}

/* Trim both ends in place. */
static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		s[--n] = '\0';
	return s;
}

/* Reading a form back, line by line. Each value or comment is copied into
 * buf; a continuation line is appended to the last one with a newline. */
struct form {
	const struct checklist *g;
	char *buf;
	size_t used;
	struct review_input *in;	/* one per criterion of g, in its order */
	int *line_of;			/* where each criterion's value was */
	char *cur;			/* the value being continued (the end of buf) */
	int cur_crit;			/* criterion of the last key line */
	int lineno;
	int submit;
};

/* An indented line: more of the value or comment above. */
static int form_continue(struct form *p, char *line, struct perr *e)
{
	if (!p->cur)
		return perr_set(e, P_INVALID, _("line %d: an indented line continues a value or comment, but none is above it"),
				p->lineno);
	char *t = trim(line);
	size_t tl = strlen(t);
	/* cur is at the end of buf: extend it. */
	if (*p->cur)
		p->buf[p->used - 1] = '\n';
	else
		p->used--;
	memcpy(p->buf + p->used, t, tl + 1);
	p->used += tl + 1;
	return 0;
}

/* "submit: yes" or no. */
static int form_submit(struct form *p, const char *val, struct perr *e)
{
	char f[16];
	snprintf(f, sizeof f, "%s", val);
	for (char *q = f; *q; q++)
		*q = (char)tolower((unsigned char)*q);
	if (!strcmp(f, "yes") || !strcmp(f, "oui") || !strcmp(f, "y"))
		p->submit = 1;
	else if (!strcmp(f, "no") || !strcmp(f, "non") || !strcmp(f, "n") || !*f)
		p->submit = 0;
	else
		return perr_set(e, P_INVALID, _("line %d: submit must be yes or no, found '%.20s'"), p->lineno, val);
	p->cur = NULL;
	return 0;
}

/* "ID: value" or "comment: text" (of the criterion above). */
static int form_value(struct form *p, const char *key, const char *val, struct perr *e)
{
	int is_comment = strcmp(key, "comment") == 0;
	int ci = is_comment ? p->cur_crit : checklist_index(p->g, key);
	if (is_comment && ci < 0)
		return perr_set(e, P_INVALID, _("line %d: a comment must follow the criterion it is about"), p->lineno);
	if (!is_comment && ci < 0)
		return perr_set(e, P_INVALID, _("line %d: '%.40s' is not a criterion of grid '%s' (expected 'ID: value', 'comment: text' or 'submit: yes/no')"),
				p->lineno, key, p->g->id);
	if (!is_comment && p->line_of[ci])
		return perr_set(e, P_INVALID, _("line %d: criterion %s appears twice (first at line %d)"),
				p->lineno, p->g->crit[ci].id, p->line_of[ci]);
	size_t vl = strlen(val);
	p->cur = p->buf + p->used;
	memcpy(p->cur, val, vl + 1);
	p->used += vl + 1;
	p->in[ci].criterion = p->g->crit[ci].id;
	if (is_comment) {
		p->in[ci].comment = p->cur;
	} else {
		p->line_of[ci] = p->lineno;
		p->in[ci].value = p->cur;
		p->cur_crit = ci;
	}
	return 0;
}

static int form_line(struct form *p, char *line, struct perr *e)
{
	size_t ll = strlen(line);
	if (ll && line[ll - 1] == '\r')
		line[--ll] = '\0';
	/* Comments and blank lines end no value: blank lines inside an
	 * indented text are kept by the next indented line. */
	if (line[0] == '#' || !*trim(line))
		return 0;
	if (line[0] == ' ' || line[0] == '\t')
		return form_continue(p, line, e);
	char *colon = strchr(line, ':');
	if (!colon)
		return perr_set(e, P_INVALID, _("line %d: expected 'ID: value', 'comment: text' or 'submit: yes/no', found '%.40s'"),
				p->lineno, line);
	*colon = '\0';
	char *key = trim(line);
	char *val = trim(colon + 1);
	if (strcmp(key, "submit") == 0)
		return form_submit(p, val, e);
	return form_value(p, key, val, e);
}

/* Check the values now, so an error names its line; keep only the criteria
 * present, in grid order. *n gets how many. */
static int form_finish(struct form *p, size_t *n, struct perr *e)
{
	const struct checklist *g = p->g;
	size_t k = 0;
	for (size_t i = 0; i < g->n_crit; i++) {
		if (!p->line_of[i])
			continue;
		char *norm = NULL;
		struct perr ce = {0};
		if (criterion_normalize(&g->crit[i], p->in[i].value, &norm, &ce) < 0)
			return perr_set(e, P_INVALID, _("line %d: %s"), p->line_of[i], ce.msg);
		free(norm);
		if (g->crit[i].type != CRIT_TEXT && !p->in[i].comment)
			p->in[i].comment = "";	/* the comment line was removed: clear it */
		p->in[k++] = p->in[i];
	}
	*n = k;
	return 0;
}

int review_form_parse(const struct checklist *g, const char *text, char **bufp,
		      struct review_input **inp, size_t *np, int *submit, struct perr *e)
{
	size_t nc = g->n_crit ? g->n_crit : 1;
	struct form p = {.g = g, .buf = xmalloc(strlen(text) * 2 + 2), .cur_crit = -1,
			 .in = xcalloc(nc, sizeof *p.in), .line_of = xcalloc(nc, sizeof *p.line_of)};
	char *copy = xstrdup(text);
	int rc = 0;
	*bufp = NULL;
	*inp = NULL;
	*np = 0;
	for (char *line = copy, *nl; line && rc == 0; line = nl ? nl + 1 : NULL) {
		nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		p.lineno++;
		rc = form_line(&p, line, e);
	}
	if (rc == 0)
		rc = form_finish(&p, np, e);
	*submit = p.submit;	/* as far as it was read */
	if (rc == 0) {
		*inp = p.in;
		*bufp = p.buf;
	} else {
		free(p.in);
		free(p.buf);
	}
	free(p.line_of);
	free(copy);
	return rc;
}
