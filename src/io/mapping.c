/* mapping.c - the import mapping file, read strictly: every unknown key, field,
 * code or kind is refused at its line and column, with the nearest known word. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/text.h"
#include "base/ydoc.h"
#include "io/csv.h"
#include "io/mapping.h"
#include "procedure/dossier.h"
#include "procedure/procedure.h"

const char *const import_document_kinds[] = {
	"statuts", "sirene", "comptes", "charte", "lettre", "autre", NULL
};

const char *const mapping_platform_headers[PC_COUNT] = {
	"État du dossier", "Déposé le", "Passé en instruction le", "Traité le",
	"Motivation de la décision", "Instructeurs",
};

int mapping_platform_column(const char *header)
{
	for (int i = 0; i < PC_COUNT; i++)
		if (csv_header_is(header, mapping_platform_headers[i]))
			return 1;
	return 0;
}

/* Whether word is one of the NULL-terminated list. */
static int in_list(const char *const *list, const char *word)
{
	for (size_t i = 0; list[i]; i++)
		if (strcmp(list[i], word) == 0)
			return 1;
	return 0;
}

/* One entry of a mapping section checked and stored into slot; the key is
 * the CSV side (a header or a label). */
typedef int (*entry_fn)(const struct ydoc *d, const struct ynode *key, const struct ynode *val,
			void *slot, const void *ctx, struct perr *e);

/* Every entry of the mapping map (where names it in messages) through fn into
 * a fresh array *arr of *n elements of size bytes, up to the first refused:
 * *arr then holds those stored so far, for the caller to free. */
static int load_entries(const struct ydoc *d, const struct ynode *map, const char *where,
			size_t size, void **arr, size_t *n, entry_fn fn, const void *ctx,
			struct perr *e)
{
	*arr = NULL;
	if (ydoc_expect(d, map, Y_MAP, where, e) < 0)
		return -1;
	char *a = xcalloc(map->n ? map->n : 1, size);
	*arr = a;
	for (size_t i = 0; i < map->n; i++) {
		if (fn(d, map->keys[i], map->vals[i], a + *n * size, ctx, e) < 0)
			return -1;
		(*n)++;
	}
	return 0;
}

/* NULL-terminated list of the column names of a field table (for hints). */
static const char **field_names(const struct field_def *defs, size_t n)
{
	const char **names = xcalloc(n + 1, sizeof *names);
	for (size_t i = 0; i < n; i++)
		names[i] = defs[i].column;
	return names;
}

static int unknown_field(const struct ydoc *d, const struct ynode *n, const char *what,
			 const struct field_def *defs, size_t count, struct perr *e)
{
	const char **names = field_names(defs, count);
	const char *near = ydoc_nearest(n->scalar, names);
	char list[1024];
	int rc;
	if (near)
		rc = ydoc_fail(d, n, e, _("unknown %s field '%s'; did you mean '%s'?"),
			       what, n->scalar, near);
	else
		rc = ydoc_fail(d, n, e, _("unknown %s field '%s'; known fields: %s"),
			       what, n->scalar, text_join_all(list, sizeof list, ", ", names));
	free(names);
	return rc;
}

/* The field table a section maps into, and what its messages call it. */
struct field_table {
	const char *what;	/* "dossier", "member" */
	const struct field_def *defs;
	size_t count;
	int (*by_column)(const char *);
};

static int column_entry(const struct ydoc *d, const struct ynode *key, const struct ynode *val,
			void *slot, const void *ctx, struct perr *e)
{
	const struct field_table *ft = ctx;
	const char *target;
	if (ydoc_string(d, val, _("the field a column maps to"), &target, e) < 0)
		return -1;
	int f = ft->by_column(target);
	if (f < 0)
		return unknown_field(d, val, ft->what, ft->defs, ft->count, e);
	struct map_column *c = slot;
	c->header = xstrdup(key->scalar);
	c->field = f;
	c->line = key->line;
	c->col = key->col;
	return 0;
}

static int load_columns(const struct ydoc *d, const struct ynode *map,
			const struct field_table *ft, struct map_column **out, size_t *n_out,
			struct perr *e)
{
	void *arr;
	int rc = load_entries(d, map, "'columns'", sizeof **out, &arr, n_out, column_entry, ft, e);
	*out = arr;
	if (rc < 0)
		return -1;
	/* A required field must come from somewhere, or every row would fail. */
	for (size_t f = 0; f < ft->count; f++) {
		if (!ft->defs[f].required)
			continue;
		int found = 0;
		for (size_t i = 0; i < *n_out; i++)
			if ((*out)[i].field == (int)f)
				found = 1;
		if (!found)
			return ydoc_fail(d, map, e,
					 _("required %s field '%s' has no column; add a line "
					   "\"CSV header\": %s under 'columns'"),
					 ft->what, ft->defs[f].column, ft->defs[f].column);
	}
	return 0;
}

/* The code a label of field def translates into: one of its choices, and a
 * value the field accepts (1 or 0 for yes/no, a region code, a number...). */
static int check_code(const struct ydoc *d, const struct ynode *n, const struct field_def *def,
		      const char *code, struct perr *e)
{
	if (def->choices && !in_list(def->choices, code)) {
		const char *near = ydoc_nearest(code, def->choices);
		char list[1024];
		if (near)
			return ydoc_fail(d, n, e,
					 _("'%s' is not a code of field '%s'; did you mean '%s'?"),
					 code, def->column, near);
		return ydoc_fail(d, n, e, _("'%s' is not a code of field '%s'; expected one of: %s"),
				 code, def->column, text_join_all(list, sizeof list, ", ", def->choices));
	}
	char why[512];
	if (field_validate(def, code, why, sizeof why) < 0)
		return ydoc_fail(d, n, e, "%s", why);
	return 0;
}

static int load_values(const struct ydoc *d, const struct ynode *map,
		       const struct field_table *ft, struct map_value **out, size_t *n_out,
		       struct perr *e)
{
	if (ydoc_expect(d, map, Y_MAP, "'values'", e) < 0)
		return -1;
	for (size_t i = 0; i < map->n; i++) {
		int f = ft->by_column(map->keys[i]->scalar);
		if (f < 0)
			return unknown_field(d, map->keys[i], ft->what, ft->defs, ft->count, e);
		const struct ynode *labels = map->vals[i];
		char where[128];
		snprintf(where, sizeof where, "'values: %s'", map->keys[i]->scalar);
		if (ydoc_expect(d, labels, Y_MAP, where, e) < 0)
			return -1;
		for (size_t j = 0; j < labels->n; j++) {
			const char *code;
			if (ydoc_string(d, labels->vals[j], _("a value code"), &code, e) < 0 ||
			    check_code(d, labels->vals[j], &ft->defs[f], code, e) < 0)
				return -1;
			*out = xrealloc(*out, (*n_out + 1) * sizeof **out);
			struct map_value *v = &(*out)[(*n_out)++];
			v->field = f;
			v->label = xstrdup(labels->keys[j]->scalar);
			v->code = xstrdup(code);
		}
	}
	return 0;
}

static int document_entry(const struct ydoc *d, const struct ynode *key, const struct ynode *val,
			  void *slot, const void *ctx, struct perr *e)
{
	(void)ctx;
	const char *kind;
	if (ydoc_string(d, val, _("a document kind"), &kind, e) < 0)
		return -1;
	if (!in_list(import_document_kinds, kind)) {
		const char *near = ydoc_nearest(kind, import_document_kinds);
		if (near)
			return ydoc_fail(d, val, e, _("unknown document kind '%s'; did you mean '%s'?"),
					 kind, near);
		return ydoc_fail(d, val, e,
				 _("unknown document kind '%s'; expected one of: "
				   "statuts, sirene, comptes, charte, lettre, autre"), kind);
	}
	struct map_document *doc = slot;
	doc->header = xstrdup(key->scalar);
	doc->kind = xstrdup(kind);
	return 0;
}

/* A yes/no label applies to every yes/no field (field -1). */
static int boolean_entry(const struct ydoc *d, const struct ynode *key, const struct ynode *val,
			 void *slot, const void *ctx, struct perr *e)
{
	(void)ctx;
	int b;
	if (val->kind == Y_SCALAR && (!strcmp(val->scalar, "1") || !strcmp(val->scalar, "0")))
		b = val->scalar[0] == '1';
	else if (ydoc_bool(d, val, _("a yes/no value (1 or 0)"), &b, e) < 0)
		return -1;
	struct map_value *v = slot;
	v->field = -1;
	v->label = xstrdup(key->scalar);
	v->code = xstrdup(b ? "1" : "0");
	return 0;
}

static const struct field_table dossier_table = {
	"dossier", dossier_fields, DF_COUNT, dossier_field_by_column
};
static const struct field_table member_table = {
	"member", member_fields, MF_COUNT, member_field_by_column
};

static const char *const top_keys[] = {
	"timezone", "phase", "states", "dossiers", "members", "booleans", NULL
};
static const char *const dossier_keys[] = { "columns", "documents", "values", "annotations", NULL };
static const char *const member_keys[] = { "sheet", "dossier", "columns", "values", NULL };

/* The platform's states, and what they mean by default; "" is the mapping's
 * phase (the procedure the platform runs is for that phase). */
static const struct { const char *label, *state; } default_states[] = {
	{"En construction", ""}, {"En instruction", ""}, {"Accepté", "bouquet"},
	{"Refusé", "rejected"}, {"Classé sans suite", "withdrawn"},
};

/* Equal ignoring case and accents. */
static int fold_same(const char *a, const char *b)
{
	return text_contains_fold(a, b) && text_contains_fold(b, a);
}

const char *mapping_state_for(const struct import_mapping *m, const char *platform_state)
{
	for (size_t i = 0; i < m->n_states; i++)
		if (strcmp(m->states[i].label, platform_state) == 0)
			return m->states[i].state;
	for (size_t i = 0; i < m->n_states; i++)
		if (fold_same(m->states[i].label, platform_state))
			return m->states[i].state;
	return NULL;
}

/* A ptce state name at node n, or a message naming the states. */
static int state_name(const struct ydoc *d, const struct ynode *n, const char *what,
		      const char **out, struct perr *e)
{
	if (ydoc_string(d, n, what, out, e) < 0)
		return -1;
	if (state_find(*out))
		return 0;
	return ydoc_fail(d, n, e, _("'%s' is not a ptce state; states: %s"), *out,
			 procedure_state_names());
}

static void state_put(struct import_mapping *m, const char *label, const char *state)
{
	for (size_t i = 0; i < m->n_states; i++)
		if (fold_same(m->states[i].label, label)) {
			free(m->states[i].state);
			m->states[i].state = xstrdup(state);
			return;
		}
	m->states = xrealloc(m->states, (m->n_states + 1) * sizeof *m->states);
	m->states[m->n_states].label = xstrdup(label);
	m->states[m->n_states++].state = xstrdup(state);
}

/* A zone of the TZ database: a file under $TZDIR or /usr/share/zoneinfo. */
static int zone_exists(const char *zone)
{
	if (!*zone || zone[0] == '/' || strstr(zone, ".."))
		return 0;
	const char *dir = getenv("TZDIR");
	char *path = xasprintf("%s/%s", dir && *dir ? dir : "/usr/share/zoneinfo", zone);
	int ok = access(path, R_OK) == 0;
	free(path);
	return ok;
}

/* timezone, phase and states: how the platform's times and states read. */
static int read_platform_keys(const struct ydoc *d, const struct ynode *root,
			      struct import_mapping *m, struct perr *e)
{
	const char *tz = "Europe/Paris", *phase = "phase1";
	const struct ynode *n = ydoc_get(root, "timezone");
	if (n && ydoc_string(d, n, "'timezone'", &tz, e) < 0)
		return -1;
	if (!zone_exists(tz))
		return ydoc_fail(d, n, e, _("unknown time zone '%s'; give a zone of the TZ "
					    "database such as Europe/Paris or America/Cayenne"), tz);
	m->timezone = xstrdup(tz);
	if ((n = ydoc_get(root, "phase")) && state_name(d, n, "'phase'", &phase, e) < 0)
		return -1;
	m->phase = xstrdup(phase);
	for (size_t i = 0; i < sizeof default_states / sizeof *default_states; i++)
		state_put(m, default_states[i].label,
			  *default_states[i].state ? default_states[i].state : phase);
	const struct ynode *st = ydoc_get(root, "states");
	if (!st)
		return 0;
	if (ydoc_expect(d, st, Y_MAP, "'states'", e) < 0)
		return -1;
	for (size_t i = 0; i < st->n; i++) {
		const char *to;
		if (state_name(d, st->vals[i], _("the ptce state a platform state maps to"), &to, e) < 0)
			return -1;
		state_put(m, st->keys[i]->scalar, to);
	}
	return 0;
}

/* annotations: a list of the headers of the annotations privées. */
static int read_annotations(const struct ydoc *d, const struct ynode *n,
			    struct import_mapping *m, struct perr *e)
{
	if (ydoc_expect(d, n, Y_SEQ, "'annotations'", e) < 0)
		return -1;
	m->annotations = xcalloc(n->n ? n->n : 1, sizeof *m->annotations);
	for (size_t i = 0; i < n->n; i++) {
		const char *h;
		if (ydoc_string(d, n->vals[i], _("an annotation header"), &h, e) < 0)
			return -1;
		m->annotations[m->n_annotations++] = xstrdup(h);
	}
	return 0;
}

static int read_dossiers_section(const struct ydoc *d, const struct ynode *root,
				 struct import_mapping *m, struct perr *e)
{
	const struct ynode *ds = ydoc_get(root, "dossiers");
	if (!ds)
		return ydoc_fail(d, root, e, _("the 'dossiers:' section is missing"));
	if (ydoc_expect(d, ds, Y_MAP, "'dossiers'", e) < 0 ||
	    ydoc_check_keys(d, ds, dossier_keys, "'dossiers'", e) < 0)
		return -1;
	if (!ydoc_get(ds, "columns"))
		return ydoc_fail(d, ydoc_key_node(root, "dossiers"), e,
				 _("'dossiers' has no 'columns:' mapping CSV headers to fields"));
	if (load_columns(d, ydoc_get(ds, "columns"), &dossier_table, &m->dcols, &m->n_dcols, e) < 0)
		return -1;
	if (ydoc_get(ds, "documents")) {
		void *docs;
		int rc = load_entries(d, ydoc_get(ds, "documents"), "'documents'", sizeof *m->docs,
				      &docs, &m->n_docs, document_entry, NULL, e);
		m->docs = docs;
		if (rc < 0)
			return -1;
	}
	if (ydoc_get(ds, "values") &&
	    load_values(d, ydoc_get(ds, "values"), &dossier_table, &m->dvals, &m->n_dvals, e) < 0)
		return -1;
	if (ydoc_get(ds, "annotations") && read_annotations(d, ydoc_get(ds, "annotations"), m, e) < 0)
		return -1;
	return 0;
}

static int read_members_section(const struct ydoc *d, const struct ynode *root,
				const struct ynode *ms, struct import_mapping *m, struct perr *e)
{
	if (ydoc_expect(d, ms, Y_MAP, "'members'", e) < 0 ||
	    ydoc_check_keys(d, ms, member_keys, "'members'", e) < 0)
		return -1;
	const char *link, *sheet = "Membres du PTCE";
	if (ydoc_get(ms, "sheet") && ydoc_string(d, ydoc_get(ms, "sheet"), "'members: sheet'", &sheet, e) < 0)
		return -1;
	m->members_sheet = xstrdup(sheet);
	if (!ydoc_get(ms, "dossier"))
		return ydoc_fail(d, ydoc_key_node(root, "members"), e,
				 _("'members' needs 'dossier:', the members file's column "
				   "holding the dossier number"));
	if (ydoc_string(d, ydoc_get(ms, "dossier"), "'members: dossier'", &link, e) < 0)
		return -1;
	m->members_link = xstrdup(link);
	if (!ydoc_get(ms, "columns"))
		return ydoc_fail(d, ydoc_key_node(root, "members"), e,
				 _("'members' has no 'columns:' mapping CSV headers to fields"));
	if (load_columns(d, ydoc_get(ms, "columns"), &member_table, &m->mcols, &m->n_mcols, e) < 0)
		return -1;
	if (ydoc_get(ms, "values") &&
	    load_values(d, ydoc_get(ms, "values"), &member_table, &m->mvals, &m->n_mvals, e) < 0)
		return -1;
	return 0;
}

static int mapping_read(const struct ydoc *d, struct import_mapping *m, struct perr *e)
{
	const struct ynode *root = d->root;
	if (!root)
		return ydoc_fail(d, NULL, e, _("the mapping file is empty; expected a "
					       "'dossiers:' section"));
	if (ydoc_expect(d, root, Y_MAP, _("the mapping file"), e) < 0 ||
	    ydoc_check_keys(d, root, top_keys, _("the mapping file"), e) < 0)
		return -1;
	if (read_platform_keys(d, root, m, e) < 0 || read_dossiers_section(d, root, m, e) < 0)
		return -1;
	const struct ynode *ms = ydoc_get(root, "members");
	if (ms && read_members_section(d, root, ms, m, e) < 0)
		return -1;
	if (!ydoc_get(root, "booleans"))
		return 0;
	void *bools;
	int rc = load_entries(d, ydoc_get(root, "booleans"), "'booleans'", sizeof *m->bools, &bools,
			      &m->n_bools, boolean_entry, NULL, e);
	m->bools = bools;
	return rc;
}

int import_mapping_load(const char *path, struct import_mapping *m, struct perr *e)
{
	memset(m, 0, sizeof *m);
	struct ydoc *d = NULL;
	if (ydoc_load_file(path, &d, e) < 0)
		return -1;
	m->path = xstrdup(path);
	int rc = mapping_read(d, m, e);
	ydoc_free(&d);
	if (rc < 0)
		import_mapping_done(m);
	return rc;
}

static void values_free(struct map_value *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].label);
		free(v[i].code);
	}
	free(v);
}

static void columns_free(struct map_column *c, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(c[i].header);
	free(c);
}

void import_mapping_done(struct import_mapping *m)
{
	free(m->path);
	columns_free(m->dcols, m->n_dcols);
	columns_free(m->mcols, m->n_mcols);
	values_free(m->dvals, m->n_dvals);
	values_free(m->mvals, m->n_mvals);
	values_free(m->bools, m->n_bools);
	for (size_t i = 0; i < m->n_docs; i++) {
		free(m->docs[i].header);
		free(m->docs[i].kind);
	}
	free(m->docs);
	free(m->members_link);
	free(m->members_sheet);
	free(m->timezone);
	free(m->phase);
	for (size_t i = 0; i < m->n_states; i++) {
		free(m->states[i].label);
		free(m->states[i].state);
	}
	free(m->states);
	for (size_t i = 0; i < m->n_annotations; i++)
		free(m->annotations[i]);
	free(m->annotations);
	memset(m, 0, sizeof *m);
}
