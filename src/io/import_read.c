/* import_read.c - the sheets of an export into import items, every cell
 * checked; dossiers, établissements, members and opinions matched by number
 * through hashes, in one pass over each sheet. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/geo.h"
#include "base/i18n.h"
#include "base/text.h"
#include "io/import_read.h"
#include "io/import_rows.h"
#include "io/mapping_guess.h"
#include "io/normalize.h"
#include "io/sheet_store.h"
#include "io/strmap.h"

/* The Avis sheet's columns (the platform's). */
enum { AV_DOSSIER, AV_INTRO, AV_ANSWER, AV_QUESTION, AV_YESNO, AV_CREATED, AV_ANSWERED,
       AV_INSTRUCTEUR, AV_EXPERT, AV_COUNT };
static const char *const avis_headers[AV_COUNT] = {
	"Dossier ID", "Introduction", "Réponse", "Question", "Réponse oui/non", "Créé le",
	"Répondu le", "Instructeur", "Expert",
};

/* Where a mapped column is: the Dossiers sheet (0) or Etablissements (1). */
struct colref {
	int sheet, idx;
};

/* One mapped column's cell for a row: its sheet, its record (NULL when the
 * sheet has no row for this dossier) and its index (-1: no such column). */
struct cell_src {
	const struct import_place *p;
	const struct csv_record *r;
	int idx;
};

/* What is kept of a dossier between the two readings: its row, and the
 * members of a members' sheet in another order than the dossiers'. */
struct held {
	int line;
	struct member *members;
	size_t n_members;
};

/* An Avis row checked on the first reading, read again for its dossier k
 * on the second: only where it is is kept, sorted by dossier. */
struct avis_ref {
	size_t k, row;
};

/* The Avis sheet. */
struct avis_sheet {
	struct import_place p;
	int col[AV_COUNT];
	struct avis_ref *refs;
	size_t n, cap, next;		/* next: the second reading's place in refs */
	struct csv_record cur;
};

/* The members' sheet (or --members file). When it lists the members in the
 * dossiers' order (the platform does), the second reading reads it again
 * in step with the dossiers; only one in another order is held whole. */
struct mreader {
	struct import_place p;
	struct rows rows;
	int link;			/* the dossier number's column; -1: none */
	struct cell_src *src;		/* per mapping member column */
	int ordered;
	struct member next;		/* the second reading: the member read ahead */
	long long next_k;		/* its dossier; -1: none read ahead, -2: the end */
};

struct import_reading {
	const struct import_request *req;
	const struct import_mapping *m;
	struct import_errors *errs;
	struct import_report *rep;
	struct import_place place[2];	/* Dossiers, Etablissements (t NULL: none) */
	struct strmap etab_rows;	/* dossier number -> its applicant's row */
	struct csv_record etab_cur;	/* that row, read for the dossier being read */
	struct perr etab_err;		/* it could not be read (the store) */
	struct colref *cols;		/* per m->dcols */
	int *doc_idx, *ann_idx, pc[PC_COUNT], id_col;
	struct strmap numbers;		/* dossier number -> index in held */
	struct held *held;
	size_t n, cap;
	struct rows rows;		/* the Dossiers sheet's */
	int saving;			/* the second reading: the numbers are known */
	struct mreader mem;
	struct avis_sheet avis;
};

/* The sheet name without the "(4122178) " the platform puts before a
 * repeated block's label (its internal id). */
static const char *block_label(const char *sheet)
{
	const char *p = sheet;
	if (*p++ != '(' || !isdigit((unsigned char)*p))
		return sheet;
	while (isdigit((unsigned char)*p))
		p++;
	return p[0] == ')' && p[1] == ' ' ? p + 2 : sheet;
}

/* The sheet of b called name, case and accents aside (the platform writes
 * sheet names transliterated, a block's label after its id, cut at 30
 * characters), or NULL. */
static const struct book_sheet *find_sheet(const struct book *b, const char *name)
{
	for (size_t i = 0; i < b->n; i++)
		if (mapping_same_header(b->sheets[i].name, name))
			return &b->sheets[i];
	for (size_t i = 0; i < b->n; i++) {
		const char *label = block_label(b->sheets[i].name);
		if (label == b->sheets[i].name)
			continue;
		if (mapping_same_header(label, name) ||
		    (strlen(label) >= 20 && text_contains_fold(name, label)))
			return &b->sheets[i];
	}
	return NULL;
}

static const char *cell(const struct csv_record *r, int idx)
{
	return r && idx >= 0 && (size_t)idx < r->n ? r->cells[idx] : "";
}

/* --------------------------------------------------------- columns --- */

/* Where every mapped column is; a required field none of whose headers is
 * anywhere is reported with the closest headers of the file. */
static void resolve_columns(struct import_reading *rd)
{
	const struct import_mapping *m = rd->m;
	const struct csv_table *main = rd->place[0].t, *etab = rd->place[1].t;
	rd->cols = xcalloc(m->n_dcols ? m->n_dcols : 1, sizeof *rd->cols);
	for (size_t i = 0; i < m->n_dcols; i++) {
		int idx = csv_table_column(main, m->dcols[i].header);
		rd->cols[i] = (struct colref){0, idx};
		if (idx < 0 && etab && (idx = csv_table_column(etab, m->dcols[i].header)) >= 0)
			rd->cols[i] = (struct colref){1, idx};
		if (m->dcols[i].field == DF_DS_NUMBER && rd->cols[i].sheet == 0 && idx >= 0 &&
		    rd->id_col < 0)
			rd->id_col = idx;
	}
	for (int f = 0; f < DF_COUNT; f++) {
		const char *expected = NULL;
		int present = 0;
		for (size_t i = 0; i < m->n_dcols; i++) {
			if (m->dcols[i].field != f)
				continue;
			expected = expected ? expected : m->dcols[i].header;
			present |= rd->cols[i].idx >= 0;
		}
		if (present || !expected || !dossier_fields[f].required)
			continue;
		char *why = xasprintf(_("the mapping %s needs it for the required field '%s'"),
				      m->path, dossier_fields[f].column);
		import_missing_column(rd->errs, &rd->place[0], expected, why, &etab, 1);
		free(why);
	}
	rd->doc_idx = xcalloc(m->n_docs ? m->n_docs : 1, sizeof *rd->doc_idx);
	for (size_t i = 0; i < m->n_docs; i++)
		rd->doc_idx[i] = csv_table_column(main, m->docs[i].header);
	rd->ann_idx = xcalloc(m->n_annotations ? m->n_annotations : 1, sizeof *rd->ann_idx);
	for (size_t i = 0; i < m->n_annotations; i++)
		rd->ann_idx[i] = csv_table_column(main, m->annotations[i]);
	for (int i = 0; i < PC_COUNT; i++)
		rd->pc[i] = csv_table_column(main, mapping_platform_headers[i]);
}

/* The applicant's own établissement of each dossier: the Etablissements
 * row whose Champ is "Dossier" (the others are SIRET fields of the form). */
static int index_etablissements(struct import_reading *rd, struct perr *e)
{
	const struct csv_table *t = rd->place[1].t;
	if (!t)
		return 0;
	int id = csv_table_column(t, "Dossier ID"), champ = csv_table_column(t, "Champ");
	if (id < 0)
		return 0;
	struct csv_record buf = {0};
	const struct csv_record *r;
	for (size_t i = 0; i < t->n_rows; i++) {
		if (!(r = sheet_row(t, i, &buf, e))) {
			csv_record_done(&buf);
			return -1;
		}
		char *num = csv_trimmed(cell(r, id));
		if (*num && (champ < 0 || mapping_same_header(cell(r, champ), "Dossier")) &&
		    strmap_get(&rd->etab_rows, num) < 0)
			strmap_put(&rd->etab_rows, num, (long long)i);
		free(num);
	}
	csv_record_done(&buf);
	return 0;
}

/* The applicant's établissement row of dossier number num, or NULL (none,
 * or it could not be read: rd->etab_err says so). */
static const struct csv_record *etab_row(struct import_reading *rd, const char *num)
{
	long long erow = strmap_get(&rd->etab_rows, num);
	if (erow < 0)
		return NULL;
	return sheet_row(rd->place[1].t, (size_t)erow, &rd->etab_cur, &rd->etab_err);
}

/* ---------------------------------------------------------- values --- */

/* The values of one row for a table of fields: normalised, checked, stored
 * in out[]; absent[] (may be NULL) marks fields with no column at all. The
 * first non-empty column of a field wins. miss is where a field whose row
 * is missing from its sheet is reported. */
static void read_values(struct import_reading *rd, const struct map_column *cols, size_t n,
			const struct cell_src *src, const struct field_def *defs, size_t n_defs,
			const struct map_value *vals, size_t n_vals, char **out,
			unsigned char *absent, const struct cell_src *miss)
{
	char why[512];
	_Static_assert((int)DF_COUNT >= (int)MF_COUNT, "from[] holds every field");
	struct cell_src from[DF_COUNT];
	unsigned char bad[sizeof from / sizeof *from] = {0};
	for (size_t f = 0; f < n_defs; f++)
		from[f].idx = -1;
	for (size_t i = 0; i < n; i++) {
		int f = cols[i].field;
		if (src[i].idx < 0 || out[f] || bad[f])
			continue;
		if (from[f].idx < 0 || !from[f].r)
			from[f] = src[i];
		if (!src[i].r)
			continue;
		char *v = import_normalize(&defs[f], f, vals, n_vals, rd->m->bools, rd->m->n_bools,
					   cell(src[i].r, src[i].idx));
		if (!v)
			continue;
		if (field_validate(&defs[f], v, why, sizeof why) < 0) {
			import_cell_error(rd->errs, src[i].p, src[i].r->line, src[i].idx, why);
			bad[f] = 1;
			free(v);
			continue;
		}
		out[f] = v;
		from[f] = src[i];
	}
	for (size_t f = 0; f < n_defs; f++) {
		if (absent)
			absent[f] = from[f].idx < 0;
		if (!defs[f].required || out[f] || bad[f] || from[f].idx < 0)
			continue;
		field_validate(&defs[f], NULL, why, sizeof why);
		if (from[f].r) {
			import_cell_error(rd->errs, from[f].p, from[f].r->line, from[f].idx, why);
			continue;
		}
		char *msg = xasprintf(_("%s: the sheet %s has no row for this dossier"), why,
				      from[f].p->sheet ? from[f].p->sheet : "");
		import_cell_error(rd->errs, miss->p, miss->r->line, miss->idx, msg);
		free(msg);
	}
}

/* A platform time of the row (column pc) into out, or "" when empty. */
static void read_time(struct import_reading *rd, const struct csv_record *r, int pc, char out[21])
{
	out[0] = '\0';
	int idx = rd->pc[pc];
	char *raw = csv_trimmed(cell(r, idx));
	if (*raw && import_timestamp(raw, rd->m->timezone, out) < 0) {
		char *c = import_shown(raw);
		char *why = xasprintf(_("'%s' is not a date and time (the platform writes "
					"2025-03-12 10:31:00 +0100)"), c);
		import_cell_error(rd->errs, &rd->place[0], r->line, idx, why);
		free(why);
		free(c);
	}
	free(raw);
}

/* "a@x.org b@y.org" (the platform separates them by spaces) into lower-case
 * addresses. */
static size_t split_emails(const char *v, char ***out)
{
	size_t n = 0;
	*out = NULL;
	char *copy = xstrdup(v), *save = NULL;
	for (char *w = strtok_r(copy, " \t\r\n,;", &save); w; w = strtok_r(NULL, " \t\r\n,;", &save)) {
		for (char *p = w; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		*out = xrealloc(*out, (n + 1) * sizeof **out);
		(*out)[n++] = xstrdup(w);
	}
	free(copy);
	return n;
}

/* The platform's state, times, motivation and instructeurs of a row. */
static void read_platform(struct import_reading *rd, const struct csv_record *r, struct import_item *it)
{
	if (rd->pc[PC_STATE] >= 0) {
		char *st = csv_trimmed(cell(r, rd->pc[PC_STATE]));
		if (*st && !(it->target = mapping_state_for(rd->m, st))) {
			char *c = import_shown(st);
			char *why = xasprintf(_("unknown platform state '%s'; say which ptce state it "
						"is under 'states:' in the mapping %s"), c, rd->m->path);
			import_cell_error(rd->errs, &rd->place[0], r->line, rd->pc[PC_STATE], why);
			free(why);
			free(c);
		}
		if (*st)
			it->platform_state = st;
		else
			free(st);
	}
	read_time(rd, r, PC_DEPOSITED, it->deposited);
	read_time(rd, r, PC_INSTRUCTED, it->instructed);
	read_time(rd, r, PC_PROCESSED, it->processed);
	char *mot = csv_trimmed(cell(r, rd->pc[PC_MOTIVATION]));
	if (*mot)
		it->motivation = mot;
	else
		free(mot);
	it->n_instructeurs = split_emails(cell(r, rd->pc[PC_INSTRUCTEURS]), &it->instructeurs);
}

/* Each file name of the pièce columns becomes a document of its kind. */
static void read_documents(struct import_reading *rd, const struct csv_record *r, struct dossier *d)
{
	for (size_t k = 0; k < rd->m->n_docs; k++) {
		char **names;
		size_t n = rd->doc_idx[k] < 0 ? 0 : import_split_files(cell(r, rd->doc_idx[k]), &names);
		for (size_t j = 0; j < n; j++) {
			d->documents = xrealloc(d->documents, (d->n_documents + 1) * sizeof *d->documents);
			struct document *doc = &d->documents[d->n_documents++];
			doc->kind = xstrdup(rd->m->docs[k].kind);
			doc->title = names[j];
			doc->received_on = d->f[DF_DEPOSITED_AT] ? xstrdup(d->f[DF_DEPOSITED_AT]) : NULL;
		}
		if (n)
			free(names);
	}
}

static void read_annotations(struct import_reading *rd, const struct csv_record *r, struct import_item *it)
{
	size_t n = rd->m->n_annotations;
	it->n_notes = n;
	it->notes = xcalloc(n ? n : 1, sizeof *it->notes);
	it->notes_present = xcalloc(n ? n : 1, 1);
	for (size_t k = 0; k < n; k++) {
		it->notes_present[k] = rd->ann_idx[k] >= 0;
		it->notes[k] = csv_trimmed(cell(r, rd->ann_idx[k]));
	}
}

/* The region and département of a dossier agree. */
static void check_geo(struct import_reading *rd, const struct csv_record *r, const struct dossier *d)
{
	const char *region = d->f[DF_REGION], *dept = d->f[DF_DEPARTEMENT];
	const char *in = dept ? geo_dept_region(dept) : NULL;
	if (!region || !in || strcmp(in, region) == 0)
		return;
	int col = -1;
	for (size_t i = 0; i < rd->m->n_dcols && col < 0; i++)
		if (rd->m->dcols[i].field == DF_DEPARTEMENT && rd->cols[i].sheet == 0)
			col = rd->cols[i].idx;
	char *why = xasprintf(_("département %s (%s) is not in région %s (%s) but in %s (%s)"),
			      dept, geo_dept_name(dept), region, geo_region_name(region), in,
			      geo_region_name(in));
	import_cell_error(rd->errs, &rd->place[0], r->line, col, why);
	free(why);
}

/* The dossier number is new in the file and does not start with '#'. */
static void check_number(struct import_reading *rd, const struct csv_record *r, const char *num)
{
	if (!num)
		return;
	char *why = NULL;
	long long first = strmap_get(&rd->numbers, num);
	if (num[0] == '#')
		why = xstrdup(_("a dossier number cannot start with '#' (that marks internal ids)"));
	else if (first >= 0)
		why = xasprintf(_("dossier %s appears twice in the file (first on row %d)"), num,
				rd->held[first].line);
	else
		strmap_put(&rd->numbers, num, (long long)rd->n);
	if (why)
		import_cell_error(rd->errs, &rd->place[0], r->line, rd->id_col, why);
	free(why);
}

/* The row r of the Dossiers sheet into it, checked (its number checked
 * against the others on the first reading only). */
static void read_dossier(struct import_reading *rd, const struct csv_record *r,
			 struct import_item *it)
{
	const struct import_mapping *m = rd->m;
	memset(it, 0, sizeof *it);
	it->line = r->line;
	char *num = csv_trimmed(cell(r, rd->id_col));
	const struct csv_record *recs[2] = { r, etab_row(rd, num) };
	free(num);
	struct cell_src *src = xcalloc(m->n_dcols ? m->n_dcols : 1, sizeof *src);
	for (size_t i = 0; i < m->n_dcols; i++)
		src[i] = (struct cell_src){ &rd->place[rd->cols[i].sheet], recs[rd->cols[i].sheet],
					    rd->cols[i].idx };
	struct cell_src miss = { &rd->place[0], r, rd->id_col };
	read_values(rd, m->dcols, m->n_dcols, src, dossier_fields, DF_COUNT, m->dvals, m->n_dvals,
		    it->d.f, it->d.absent, &miss);
	free(src);
	check_geo(rd, r, &it->d);
	if (!rd->saving)
		check_number(rd, r, it->d.f[DF_DS_NUMBER]);
	read_platform(rd, r, it);
	read_documents(rd, r, &it->d);
	read_annotations(rd, r, it);
}

/* The first reading of the Dossiers sheet: every row checked, then
 * forgotten but for its number and line. */
static int read_dossiers(struct import_reading *rd, struct perr *e)
{
	rd->id_col = -1;
	if (index_etablissements(rd, e) < 0)
		return -1;
	resolve_columns(rd);
	const struct csv_record *r;
	int rc;
	while ((rc = rows_next(&rd->rows, &r, e)) == 1) {
		if (import_check_width(&rd->place[0], r, rd->errs) < 0)
			continue;
		if (rd->n == rd->cap) {
			rd->cap = rd->cap ? 2 * rd->cap : 256;
			rd->held = xrealloc(rd->held, rd->cap * sizeof *rd->held);
		}
		rd->held[rd->n] = (struct held){ .line = r->line };
		struct import_item it;
		read_dossier(rd, r, &it);
		import_item_clear(&it);
		rd->n++;
		if (rd->etab_err.status != P_OK) {
			*e = rd->etab_err;
			return -1;
		}
	}
	return rc;
}

/* --------------------------------------------------------- members --- */

/* The index of the dossier whose number is in column link of r, or -1
 * with the problem reported. */
static long long owner_index(struct import_reading *rd, const struct import_place *p,
			     const struct csv_record *r, int link)
{
	char *num = csv_trimmed(cell(r, link));
	long long k = *num ? strmap_get(&rd->numbers, num) : -1;
	if (k < 0) {
		char *c = import_shown(num);
		char *why = *num ? xasprintf(_("dossier '%s' is not in the dossiers of %s; they are "
					       "imported together with their dossier"), c, rd->req->path)
				 : xstrdup(_("the dossier number is empty"));
		import_cell_error(rd->errs, p, r->line, link, why);
		free(why);
		free(c);
	}
	free(num);
	return k;
}

/* One row of the members' sheet into *mb, checked: the index of its
 * dossier, or -1 (reported, *mb empty). */
static long long read_member(struct import_reading *rd, const struct csv_record *r,
			     struct member *mb)
{
	struct mreader *mr = &rd->mem;
	const struct import_mapping *m = rd->m;
	memset(mb, 0, sizeof *mb);
	if (import_check_width(&mr->p, r, rd->errs) < 0)
		return -1;
	size_t before = rd->errs->n;
	for (size_t k = 0; k < m->n_mcols; k++)
		mr->src[k].r = r;
	struct cell_src miss = { &mr->p, r, mr->link };
	read_values(rd, m->mcols, m->n_mcols, mr->src, member_fields, MF_COUNT, m->mvals,
		    m->n_mvals, mb->f, NULL, &miss);
	long long k = owner_index(rd, &mr->p, r, mr->link);
	if (k >= 0 && rd->errs->n == before)
		return k;
	member_clear(mb);
	return -1;
}

/* Every member row checked, whether they come in the dossiers' order told;
 * if not (and all are valid), read again to be held by dossier. */
static int check_members(struct import_reading *rd, struct perr *e)
{
	struct mreader *mr = &rd->mem;
	const struct csv_record *r;
	long long last = 0, k;
	struct member mb;
	int rc;
	mr->ordered = 1;
	while ((rc = rows_next(&mr->rows, &r, e)) == 1) {
		if ((k = read_member(rd, r, &mb)) < 0)
			continue;
		mr->ordered &= k >= last;
		last = k;
		member_clear(&mb);
	}
	if (rc < 0 || mr->ordered || rd->errs->n)
		return rc;
	if (rows_rewind(&mr->rows, e) < 0)
		return -1;
	while ((rc = rows_next(&mr->rows, &r, e)) == 1) {
		struct held *h = (k = read_member(rd, r, &mb)) >= 0 ? &rd->held[k] : NULL;
		if (!h)
			continue;
		h->members = xrealloc(h->members, (h->n_members + 1) * sizeof *h->members);
		h->members[h->n_members++] = mb;
	}
	return rc;
}

/* The columns of the members' sheet, then its rows checked. A file that
 * cannot be read is a problem of the import (errs), not a failure. */
static int read_members(struct import_reading *rd, struct perr *e)
{
	struct mreader *mr = &rd->mem;
	const struct import_mapping *m = rd->m;
	const struct import_place *p = &mr->p;
	mr->link = csv_table_column(p->t, m->members_link);
	if (mr->link < 0)
		import_missing_column(rd->errs, p, m->members_link,
				      _("the members' dossier number"), NULL, 0);
	mr->src = xcalloc(m->n_mcols ? m->n_mcols : 1, sizeof *mr->src);
	for (size_t i = 0; i < m->n_mcols; i++) {
		mr->src[i] = (struct cell_src){ p, NULL, csv_table_column(p->t, m->mcols[i].header) };
		if (mr->src[i].idx < 0 && member_fields[m->mcols[i].field].required)
			import_missing_column(rd->errs, p, m->mcols[i].header,
					      _("a required member field"), NULL, 0);
	}
	if (mr->link < 0)
		return 0;
	struct perr pe = {0};
	if (check_members(rd, &pe) == 0)
		return 0;
	if (pe.status != P_INVALID) {
		*e = pe;
		return -1;
	}
	errs_add(rd->errs, "%s", pe.msg);
	return 0;
}

/* The second reading, in step: the members of dossier k into d. */
static int members_of(struct import_reading *rd, long long k, struct dossier *d,
		      struct perr *e)
{
	struct mreader *mr = &rd->mem;
	while (mr->ordered && mr->link >= 0 && mr->next_k != -2) {
		if (mr->next_k == -1) {
			const struct csv_record *r;
			int rc = rows_next(&mr->rows, &r, e);
			if (rc < 0)
				return -1;
			mr->next_k = rc ? read_member(rd, r, &mr->next) : -2;
			continue;
		}
		if (mr->next_k != k)
			break;
		d->members = xrealloc(d->members, (d->n_members + 1) * sizeof *d->members);
		d->members[d->n_members++] = mr->next;
		memset(&mr->next, 0, sizeof mr->next);
		mr->next_k = -1;
	}
	return 0;
}

/* ------------------------------------------------------------ avis --- */

static char *trimmed_or_null(const char *v)
{
	char *t = csv_trimmed(v);
	if (*t)
		return t;
	free(t);
	return NULL;
}

/* The Avis row r into *a, checked: the index of its dossier, or -1. */
static long long read_one_avis(struct import_reading *rd, const struct csv_record *r,
			       struct import_avis *out)
{
	const struct import_place *p = &rd->avis.p;
	const int *col = rd->avis.col;
	long long k = owner_index(rd, p, r, col[AV_DOSSIER]);
	struct import_avis a = {0};
	char *created = csv_trimmed(cell(r, col[AV_CREATED]));
	char *answered = csv_trimmed(cell(r, col[AV_ANSWERED]));
	a.expert = trimmed_or_null(cell(r, col[AV_EXPERT]));
	for (char *q = a.expert; q && *q; q++)
		*q = (char)tolower((unsigned char)*q);
	a.answer = trimmed_or_null(cell(r, col[AV_ANSWER]));
	a.question = csv_trimmed(cell(r, col[AV_INTRO]));
	a.yes_no = trimmed_or_null(cell(r, col[AV_QUESTION]));
	a.instructeur = trimmed_or_null(cell(r, col[AV_INSTRUCTEUR]));
	char *yn = csv_trimmed(cell(r, col[AV_YESNO]));
	struct field_def yes_no = { "yes_no", "", SEC_PLATFORM, FT_BOOL, 0, NULL, 0, 0 };
	char *b = *yn ? import_normalize(&yes_no, -1, NULL, 0, NULL, 0, yn) : NULL;
	if (b && (!strcmp(b, "1") || !strcmp(b, "0")))
		a.verdict = b[0] == '1' ? "favourable" : "defavourable";
	else if (*yn)
		import_cell_error(rd->errs, p, r->line, col[AV_YESNO],
				  _("the yes/no answer must be true or false (Oui or Non)"));
	if (!a.expert)
		import_cell_error(rd->errs, p, r->line, col[AV_EXPERT], _("the expert's e-mail is empty"));
	if (import_timestamp(created, rd->m->timezone, a.asked) < 0)
		import_cell_error(rd->errs, p, r->line, col[AV_CREATED],
				  _("not a date and time (the platform writes 2025-03-12 10:31:00 +0100)"));
	if ((a.answer || a.verdict) && *answered &&
	    import_timestamp(answered, rd->m->timezone, a.answered) < 0)
		import_cell_error(rd->errs, p, r->line, col[AV_ANSWERED],
				  _("not a date and time (the platform writes 2025-03-12 10:31:00 +0100)"));
	if ((a.answer || a.verdict) && !a.answered[0])
		memcpy(a.answered, a.asked, sizeof a.answered);
	free(b);
	free(yn);
	free(created);
	free(answered);
	*out = a;
	return k;
}

static int ref_cmp(const void *a, const void *b)
{
	const struct avis_ref *x = a, *y = b;
	return x->k != y->k ? (x->k > y->k) - (x->k < y->k) : (x->row > y->row) - (x->row < y->row);
}

/* The second reading: the opinions of dossier k into it, read again. */
static int avis_of(struct import_reading *rd, size_t k, struct import_item *it, struct perr *e)
{
	struct avis_sheet *av = &rd->avis;
	for (; av->next < av->n && av->refs[av->next].k == k; av->next++) {
		const struct csv_record *r;
		if (!(r = sheet_row(av->p.t, av->refs[av->next].row, &av->cur, e)))
			return -1;
		it->avis = xrealloc(it->avis, (it->n_avis + 1) * sizeof *it->avis);
		read_one_avis(rd, r, &it->avis[it->n_avis++]);
	}
	return 0;
}

static int read_avis(struct import_reading *rd, const struct import_place *p, struct perr *e)
{
	struct avis_sheet *av = &rd->avis;
	int *col = av->col, ok = 1;
	av->p = *p;
	for (int i = 0; i < AV_COUNT; i++) {
		col[i] = csv_table_column(p->t, avis_headers[i]);
		if (col[i] < 0 && i != AV_QUESTION && i != AV_YESNO && i != AV_INSTRUCTEUR) {
			import_missing_column(rd->errs, p, avis_headers[i],
					      _("a column of the platform's Avis sheet"), NULL, 0);
			ok = 0;
		}
	}
	struct csv_record buf = {0};
	const struct csv_record *r;
	int rc = 0;
	for (size_t i = 0; ok && rc == 0 && i < p->t->n_rows; i++) {
		struct import_avis a;
		long long k;
		if ((r = sheet_row(p->t, i, &buf, e)) == NULL) {
			rc = -1;
			break;
		}
		if ((k = read_one_avis(rd, r, &a)) >= 0) {
			if (av->n == av->cap) {
				av->cap = av->cap ? 2 * av->cap : 256;
				av->refs = xrealloc(av->refs, av->cap * sizeof *av->refs);
			}
			av->refs[av->n++] = (struct avis_ref){ (size_t)k, i };
		}
		import_avis_clear(&a);
	}
	csv_record_done(&buf);
	if (av->n)
		qsort(av->refs, av->n, sizeof *av->refs, ref_cmp);
	return rc;
}

/* ----------------------------------------------------------- sheets --- */

/* The members: a CSV given apart, or the workbook's repeated block. */
static int read_members_source(struct import_reading *rd, const struct book *b,
			       struct import_batch *out, struct perr *e)
{
	const struct import_request *req = rd->req;
	struct mreader *mr = &rd->mem;
	if (req->members_path) {
		struct perr pe = {0};
		struct csv_reader *r;
		if (csv_reader_open(req->members_path, NULL, &r, &pe) < 0) {
			if (pe.status != P_INVALID) {
				*e = pe;
				return -1;
			}
			errs_add(rd->errs, "%s", pe.msg);
			return 0;
		}
		mr->rows = (struct rows){ .t = csv_reader_table(r), .r = r };
		mr->p = (struct import_place){ csv_reader_table(r), NULL };
		out->with_members = 1;
		return read_members(rd, e);
	}
	if (b->format == BOOK_CSV || !rd->m->members_link)
		return 0;
	out->with_members = 1;
	const struct book_sheet *ms = find_sheet(b, rd->m->members_sheet);
	if (ms) {
		mr->rows = (struct rows){ .t = &ms->table };
		mr->p = (struct import_place){ &ms->table, ms->name };
		return read_members(rd, e);
	}
	import_note(rd->rep, xasprintf(_("%s has no sheet \"%s\": no dossier has members "
					 "(the platform leaves out an empty repeated block)"),
				       b->path, rd->m->members_sheet));
	return 0;
}

/* The first reading: what the sheets are, then every sheet read and
 * checked. -1 only for a failure that is not a problem of a row. */
static int check_all(struct import_reading *rd, const struct book *b, struct import_batch *out,
		     struct perr *e)
{
	const struct book_sheet *main = b->format == BOOK_CSV && b->n ? &b->sheets[0]
				      : find_sheet(b, MAPPING_SHEET_DOSSIERS);
	if (!main)
		return perr_set(e, P_INVALID, _("%s has no sheet \"%s\"; is it an export of "
						"Démarches Simplifiées?"), b->path, MAPPING_SHEET_DOSSIERS);
	rd->place[0] = (struct import_place){ &main->table, b->format == BOOK_CSV ? NULL : main->name };
	rd->rows = (struct rows){ .t = &main->table, .r = b->csv };
	const struct book_sheet *etab = find_sheet(b, MAPPING_SHEET_ETABLISSEMENTS);
	if (b->format != BOOK_CSV && etab)
		rd->place[1] = (struct import_place){ &etab->table, etab->name };
	struct perr pe = {0};
	if (read_dossiers(rd, &pe) < 0) {
		if (pe.status != P_INVALID) {
			*e = pe;
			return -1;
		}
		/* The file itself is broken (quoting, encoding): nothing after it. */
		errs_add(rd->errs, "%s", pe.msg);
		return perr_set(e, P_INVALID, _("%s cannot be read; nothing was imported"), b->path);
	}
	int rc = read_members_source(rd, b, out, e);
	const struct book_sheet *avis = b->format == BOOK_CSV ? NULL : find_sheet(b, MAPPING_SHEET_AVIS);
	if (rc == 0 && avis) {
		struct import_place p = { &avis->table, avis->name };
		rc = read_avis(rd, &p, e);
	}
	if (rc == 0 && main->table.cp1252)
		import_note(rd->rep, xasprintf(_("%s is not UTF-8; it was read as Windows-1252 (a French "
						 "spreadsheet): check the accents with 'ptce show'"), b->path));
	for (size_t i = 0; i < rd->m->n_docs && !out->with_documents; i++)
		out->with_documents = rd->doc_idx[i] >= 0;
	return rc;
}

int import_read_check(const struct import_request *req, const struct book *b,
		      struct import_reading **out, struct import_batch *flags,
		      const struct csv_table **dossiers, struct import_report *rep,
		      struct import_errors *errs, struct perr *e)
{
	struct import_reading *rd = xcalloc(1, sizeof *rd);
	*rd = (struct import_reading){ .req = req, .m = req->mapping, .errs = errs, .rep = rep };
	memset(flags, 0, sizeof *flags);
	*out = rd;
	int rc = check_all(rd, b, flags, e);
	*dossiers = rd->place[0].t;
	return rc;
}

/* The second reading found other rows than the first had checked. */
static int changed(const struct import_reading *rd, struct perr *e)
{
	return perr_set(e, P_INVALID, _("%s changed while ptce was reading it (something wrote "
					 "to it meanwhile); nothing was imported. Import it again "
					 "once it is complete."), rd->req->path);
}

int import_read_each(struct import_reading *rd,
		     int (*save)(void *arg, const struct import_item *it, struct perr *e),
		     void *arg, struct perr *e)
{
	rd->saving = 1;
	rd->mem.next_k = -1;
	rd->avis.next = 0;
	if (rows_rewind(&rd->rows, e) < 0 || (rd->mem.ordered && rows_rewind(&rd->mem.rows, e) < 0))
		return -1;
	const struct csv_record *r;
	size_t k = 0, errs0 = rd->errs->n;
	int rc = 0, more;
	while (rc == 0 && k < rd->n && (more = rows_next(&rd->rows, &r, e)) != 0) {
		if (more < 0)
			return -1;
		/* The check passed on these rows: a problem now means they are
		 * not the rows checked. */
		if (import_check_width(&rd->place[0], r, rd->errs) < 0)
			return changed(rd, e);
		struct import_item it;
		read_dossier(rd, r, &it);
		if (rd->etab_err.status != P_OK) {
			import_item_clear(&it);
			*e = rd->etab_err;
			return -1;
		}
		if (rd->errs->n != errs0) {
			import_item_clear(&it);
			return changed(rd, e);
		}
		struct held *h = &rd->held[k++];
		it.d.members = h->members;
		it.d.n_members = h->n_members;
		*h = (struct held){ .line = h->line };
		rc = members_of(rd, (long long)k - 1, &it.d, e);
		if (rc == 0)
			rc = avis_of(rd, k - 1, &it, e);
		if (rc == 0)
			rc = save(arg, &it, e);
		import_item_clear(&it);
	}
	return rc == 0 && k != rd->n ? changed(rd, e) : rc;
}

void import_read_done(struct import_reading *rd)
{
	if (!rd)
		return;
	for (size_t i = 0; i < rd->n; i++) {
		struct import_item it = { .d.members = rd->held[i].members,
					  .d.n_members = rd->held[i].n_members };
		import_item_clear(&it);
	}
	free(rd->held);
	rows_done(&rd->rows);
	csv_record_done(&rd->etab_cur);
	csv_record_done(&rd->avis.cur);
	free(rd->avis.refs);
	rows_done(&rd->mem.rows);
	csv_reader_close(rd->mem.rows.r);
	member_clear(&rd->mem.next);
	free(rd->mem.src);
	free(rd->cols);
	free(rd->doc_idx);
	free(rd->ann_idx);
	strmap_done(&rd->etab_rows);
	strmap_done(&rd->numbers);
	free(rd);
}
