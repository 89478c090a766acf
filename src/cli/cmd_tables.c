/* cmd_tables.c - the hidden 'ptce tables keys|commands|states|transitions'
 * subcommand: prints the program's tables so that tests/cli/man.sh can check
 * ptce(1) and ptce-procedure(7) against them. */
#include <ctype.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "cli/app.h"
#include "cli/cli.h"
#include "cli/cmd_tables.h"
#include "keys/keys.h"
#include "procedure/permission.h"
#include "procedure/procedure.h"

/* Characters mdoc treats as punctuation when they stand alone as an argument. */
static int mdoc_delim(const char *w, size_t n)
{
	return n == 1 && strchr(".,;:?!()[]|", w[0]) != NULL;
}

/* The mdoc macros that are parsed on a macro line: a word spelled like one
 * of them must be escaped or mdoc runs it ("Ta", "Em", "In", "No"). */
static const char *const mdoc_callable[] = {
	"Ac", "Ad", "An", "Ao", "Ap", "Aq", "Ar", "At", "Bc", "Bo", "Bq", "Brc",
	"Bro", "Brq", "Bsx", "Bx", "Cd", "Cm", "Dc", "Do", "Dq", "Dv", "Dx", "Ec",
	"Em", "En", "Eo", "Er", "Es", "Ev", "Fa", "Fc", "Fl", "Fn", "Fo", "Fr",
	"Ft", "Fx", "Ic", "In", "Li", "Lk", "Ms", "Mt", "Nm", "No", "Ns", "Nx",
	"Oc", "Oo", "Op", "Ox", "Pa", "Pc", "Pf", "Po", "Pq", "Qc", "Ql", "Qo",
	"Qq", "Sc", "So", "Sq", "St", "Sx", "Sy", "Ta", "Tn", "Ux", "Va", "Vt",
	"Xc", "Xo", "Xr", NULL
};

static int mdoc_macro_like(const char *w, size_t n)
{
	for (const char *const *m = mdoc_callable; *m; m++)
		if (strlen(*m) == n && strncmp(*m, w, n) == 0)
			return 1;
	return 0;
}

/* Print n bytes of one word for an mdoc macro line. */
static void mdoc_word(FILE *f, const char *w, size_t n)
{
	if (mdoc_delim(w, n) || mdoc_macro_like(w, n) || w[0] == '\'' || w[0] == '.')
		fputs("\\&", f);
	for (size_t i = 0; i < n; i++) {
		if (w[i] == '\\')
			fputs("\\e", f);
		else if (w[i] == '"')
			fputs("\\(dq", f);
		else
			fputc(w[i], f);
	}
}

/* The next word of *s (its length in *n), or NULL when none is left; *s
 * moves past it. Words are separated by spaces. */
static const char *next_word(const char **s, size_t *n)
{
	while (**s == ' ')
		(*s)++;
	*n = strcspn(*s, " ");
	if (*n == 0)
		return NULL;
	const char *w = *s;
	*s += *n;
	return w;
}

/* Print free text word by word, escaped for an mdoc macro line. */
static void mdoc_text(FILE *f, const char *s)
{
	size_t n;
	for (const char *w, *sep = ""; (w = next_word(&s, &n)) != NULL; sep = " ") {
		fputs(sep, f);
		mdoc_word(f, w, n);
	}
}

/* "QDSP": the first letter of each panel the action works in. */
static void panels_letters(unsigned panels, char *buf)
{
	size_t k = 0;
	for (unsigned i = 0; i < KEY_PANEL_COUNT; i++)
		if (panels & (1u << i))
			buf[k++] = (char)toupper((unsigned char)key_panel_name(1u << i)[0]);
	buf[k] = '\0';
}

struct keys_out {
	FILE *f;
	int mdoc;
};

static void print_key_row(const struct key_action_def *a, void *arg)
{
	struct keys_out *o = arg;
	char where[KEY_PANEL_COUNT + 1];
	panels_letters(a->panels, where);
	if (!o->mdoc) {
		for (int i = 0; i < KEYS_MAX && a->keys[i]; i++)
			fprintf(o->f, "%s%s", i ? " " : "", a->keys[i]);
		fprintf(o->f, "\t%s\t%s\t%s\n", a->name, where, _(a->help));
		return;
	}
	/* A tag list, not columns: at 80 columns a description column would
	 * hold one word a line. The keys as the reader names them (<Entrée>
	 * in French), then what the key does, its action and its panels. */
	fputs(".It Ic ", o->f);
	for (int i = 0; i < KEYS_MAX && a->keys[i]; i++) {
		char name[64];
		key_display(a->keys[i], name, sizeof name);
		if (i)
			fputs(" , ", o->f);
		mdoc_word(o->f, name, strlen(name));
	}
	if (!a->keys[0])
		fputs("\\&", o->f);
	fputs("\n.No ", o->f);
	mdoc_text(o->f, _(a->help));
	fprintf(o->f, " Pq Cm %s , No %s\n", a->name, where);
}

/* One word of a synopsis ("--state", "ID", "table|csv") as mdoc. */
static void synopsis_word(FILE *f, const char *w, size_t n)
{
	if (n == 3 && strncmp(w, "...", 3) == 0) {
		fputs("Ar ...", f);
	} else if (n == 1 && w[0] == '|') {
		fputs("|", f);
	} else if (n > 1 && w[0] == '-') {
		size_t eq = strcspn(w, "=");
		fputs("Fl ", f);
		mdoc_word(f, w + 1, (eq < n ? eq : n) - 1);
		if (eq < n - 1) {
			fputs(" Ns = Ns Ar ", f);
			mdoc_word(f, w + eq + 1, n - eq - 1);
		}
	} else if (isupper((unsigned char)w[0]) || !isalpha((unsigned char)w[0])) {
		fputs("Ar ", f);
		mdoc_word(f, w, n);
	} else {
		fputs("Cm ", f);
		mdoc_word(f, w, n);
	}
}

/* "FILE [--dry-run] [--format table|csv]" as mdoc: Ar FILE Op Fl ... */
static void synopsis_mdoc(FILE *f, const char *s)
{
	size_t n;
	for (const char *w; (w = next_word(&s, &n)) != NULL;) {
		while (n > 0 && (*w == '[' || *w == '(')) {
			fputs(*w == '[' ? " Oo" : " Po", f);
			w++;
			n--;
		}
		char close[16];
		size_t nclose = 0;
		while (n > 0 && (w[n - 1] == ']' || w[n - 1] == ')') && nclose < sizeof close) {
			close[nclose++] = w[n - 1];
			n--;
		}
		if (n > 0) {
			fputc(' ', f);
			synopsis_word(f, w, n);
		}
		while (nclose > 0)
			fputs(close[--nclose] == ']' ? " Oc" : " Pc", f);
	}
}

static int tables_commands(struct app *app, int mdoc)
{
	for (const struct command *c = app->commands; c->name; c++) {
		if (c->flags & CMD_HIDDEN)
			continue;
		/* Placeholders in the reader's language: the French ptce(1) is
		 * made with LANGUAGE=fr. */
		char *args = c->args ? cli_synopsis(c->args) : NULL;
		if (!mdoc) {
			fprintf(app->out, "%s\t%s\t%s\n", c->name, args ? args : "",
				c->summary ? _(c->summary) : "");
		} else {
			fprintf(app->out, ".It Cm %s", c->name);
			if (args)
				synopsis_mdoc(app->out, args);
			fputc('\n', app->out);
		}
		free(args);
	}
	return 0;
}

/* One state a line: name, French label, open (1) or closed (0). */
static int tables_states(struct app *app)
{
	for (size_t i = 0; i < procedure_n_states; i++)
		fprintf(app->out, "%s\t%s\t%d\n", procedure_states[i].name,
			procedure_states[i].label_fr, procedure_states[i].open);
	return 0;
}

/* One transition a line: from, to, roles allowed, motivation required. */
static int tables_transitions(struct app *app)
{
	for (size_t i = 0; i < procedure_n_transitions; i++) {
		const struct transition_def *t = &procedure_transitions[i];
		char roles[128];
		fprintf(app->out, "%s\t%s\t%s\t%d\n", t->from, t->to,
			roles_format(t->roles, roles, sizeof roles), t->motivation_required);
	}
	return 0;
}

/* The table of who may do what: one operation a line, a column per role
 * (yes or -), then how a conflict of interest binds it. */
static int tables_permissions(struct app *app, int mdoc)
{
	for (size_t i = 0; i < OP_COUNT; i++) {
		const struct permission_def *p = &permission_table[i];
		unsigned c = p->conflict;
		const char *conflict = c == (PC_ACTOR | PC_TARGET) ? "actor, target"
				     : c == PC_ACTOR ? "actor" : c == PC_TARGET ? "target" : "-";
		fprintf(app->out, mdoc ? ".It Cm %s" : "%s", p->name);
		for (int r = 0; r < ROLE_COUNT; r++)
			fprintf(app->out, mdoc ? " Ta %s" : "\t%s", (p->roles >> r) & 1 ? "yes" : "-");
		fprintf(app->out, mdoc ? " Ta %s\n" : "\t%s\n", conflict);
	}
	return 0;
}

static const struct cli_opt tables_options[] = {{"mdoc", 'm', CLI_FLAG, 0, 1}, {0}};
static const struct cli_spec tables_spec = {"tables", "mh", tables_options, NULL};

int cmd_tables(struct app *app, int argc, char **argv)
{
	int mdoc = 0;
	int rc = cli_parse(app, &tables_spec, argc, argv, &mdoc);
	if (rc >= 0)
		return rc;
	if (optind != argc - 1)
		return cli_usage_error(app, "tables", "%s",
				       _("expected 'keys', 'commands', 'states', 'transitions' or 'permissions'"));
	const char *what = argv[optind];
	if (strcmp(what, "keys") == 0) {
		struct keys_out o = {app->out, mdoc};
		keys_foreach(print_key_row, &o);
		return 0;
	}
	if (strcmp(what, "commands") == 0)
		return tables_commands(app, mdoc);
	if (strcmp(what, "states") == 0)
		return tables_states(app);
	if (strcmp(what, "transitions") == 0)
		return tables_transitions(app);
	if (strcmp(what, "permissions") == 0)
		return tables_permissions(app, mdoc);
	return cli_usage_error(app, "tables",
			       _("unknown table '%s': expected 'keys', 'commands', 'states', 'transitions' or 'permissions'"),
			       what);
}
