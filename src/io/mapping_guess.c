/* mapping_guess.c - folded headers, their edit distance, and the starting
 * mapping of --init-mapping. */
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/i18n.h"
#include "io/mapping_guess.h"
#include "procedure/dossier.h"

/* The base letter of the Latin-1 letters U+00C0..U+00FF (second byte of
 * their UTF-8 form, 0x80..0xBF), lower case; 0 for a sign. */
static const char latin1_base[64] =
	"aaaaaaaceeeeiiii" "dnooooo\0ouuuuyts"
	"aaaaaaaceeeeiiii" "dnooooo\0ouuuuyty";

/* s lower-cased, accents, dashes and quotes made plain, blanks collapsed
 * and trimmed. A fresh string. */
static char *fold(const char *s)
{
	size_t n = strlen(s);
	char *out = xmalloc(n * 2 + 1), *o = out;
	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		char c = 0;
		if (p[0] == 0xC3 && p[1] >= 0x80 && p[1] <= 0xBF) {
			c = latin1_base[p[1] - 0x80];
			p += 2;
		} else if (p[0] == 0xC5 && (p[1] == 0x92 || p[1] == 0x93)) {
			*o++ = 'o';
			c = 'e';
			p += 2;
		} else if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x93 || p[2] == 0x94)) {
			c = '-';
			p += 3;
		} else if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x98 || p[2] == 0x99)) {
			c = '\'';
			p += 3;
		} else if (p[0] == 0xC2 && p[1] == 0xA0) {
			c = ' ';
			p += 2;
		} else {
			c = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
			if (c == '\t' || c == '\r' || c == '\n')
				c = ' ';
			p++;
		}
		if (c == ' ' && (o == out || o[-1] == ' '))
			continue;
		if (c)
			*o++ = c;
	}
	while (o > out && o[-1] == ' ')
		o--;
	*o = '\0';
	return out;
}

int mapping_same_header(const char *a, const char *b)
{
	char *fa = fold(a), *fb = fold(b);
	int same = strcmp(fa, fb) == 0;
	free(fa);
	free(fb);
	return same;
}

/* Levenshtein distance of two byte strings. */
static size_t distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t *row = xmalloc((lb + 1) * sizeof *row);
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	size_t d = row[lb];
	free(row);
	return d;
}

char *mapping_closest(const char *want, const struct csv_table *const *tables, size_t n)
{
	struct { const char *h; size_t d; } best[3] = {{NULL, 0}, {NULL, 0}, {NULL, 0}};
	char *fw = fold(want);
	size_t limit = strlen(fw) / 2 > 3 ? strlen(fw) / 2 : 3;
	for (size_t t = 0; t < n; t++) {
		for (size_t i = 0; i < tables[t]->header.n; i++) {
			const char *h = tables[t]->header.cells[i];
			char *fh = fold(h);
			size_t d = distance(fw, fh);
			free(fh);
			if (d > limit || !*h)
				continue;
			for (int k = 0; k < 3; k++) {
				if (best[k].h && (d >= best[k].d || !strcmp(best[k].h, h)))
					continue;
				memmove(&best[k + 1], &best[k], (size_t)(2 - k) * sizeof best[0]);
				best[k].h = h;
				best[k].d = d;
				break;
			}
		}
	}
	free(fw);
	char *out = NULL;
	for (int k = 0; k < 3 && best[k].h; k++)
		xappendf(&out, "%s\"%s\"", k ? ", " : "", best[k].h);
	return out;
}

/* ------------------------------------------------------ init-mapping --- */

/* s as a double-quoted YAML scalar. */
static void put_quoted(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fprintf(out, "\\%c", *s);
		else if (*s == '\n')
			fputs("\\n", out);
		else if (*s == '\r' || *s == '\t')
			fputc(' ', out);
		else
			fputc(*s, out);
	}
	fputc('"', out);
}

/* A header near enough to a known one to be taken for it. */
static int near_header(const char *h, const char *known)
{
	char *a = fold(h), *b = fold(known);
	size_t d = distance(a, b), len = strlen(b);
	free(a);
	free(b);
	return d == 0 || (len >= 12 && d * 8 <= len);
}

/* The known column (field name) a header is guessed to be, or NULL. */
static const char *guess_column(const char *h, const struct map_column *cols, size_t n,
				const struct field_def *defs)
{
	for (size_t i = 0; i < n; i++)
		if (mapping_same_header(h, cols[i].header))
			return defs[cols[i].field].column;
	for (size_t i = 0; i < n; i++)
		if (near_header(h, cols[i].header))
			return defs[cols[i].field].column;
	return NULL;
}

static const char *guess_document(const char *h, const struct import_mapping *k)
{
	for (size_t i = 0; i < k->n_docs; i++)
		if (near_header(h, k->docs[i].header))
			return k->docs[i].kind;
	return NULL;
}

static int guess_annotation(const char *h, const struct import_mapping *k)
{
	for (size_t i = 0; i < k->n_annotations; i++)
		if (near_header(h, k->annotations[i]))
			return 1;
	return 0;
}

static void put_entry(FILE *out, const char *indent, const char *h, const char *target)
{
	fprintf(out, "%s%s", indent, target ? "" : "# ");
	put_quoted(out, h);
	if (target)
		fprintf(out, ": %s   # guessed\n", target);
	else
		fputs(": FIELD\n", out);
}

static void put_values(FILE *out, const char *indent, const struct map_value *v, size_t n,
		       const struct field_def *defs)
{
	if (!n)
		return;
	fprintf(out, "%svalues:\n", indent);
	for (size_t i = 0; i < n; i++) {
		if (!i || v[i].field != v[i - 1].field)
			fprintf(out, "%s  %s:\n", indent, defs[v[i].field].column);
		fprintf(out, "%s    ", indent);
		put_quoted(out, v[i].label);
		fprintf(out, ": %s\n", v[i].code);
	}
}

/* The columns of the Dossiers sheet, then of the Etablissements sheet. */
static void put_dossiers(FILE *out, const struct csv_table *const *t, size_t n,
			 const struct import_mapping *k)
{
	fputs("dossiers:\n  columns:\n", out);
	for (size_t s = 0; s < n; s++)
		for (size_t i = 0; t[s] && i < t[s]->header.n; i++) {
			const char *h = t[s]->header.cells[i];
			if (s > 0 && csv_table_column(t[0], h) >= 0)
				continue;	/* Etablissements repeats a few columns */
			if (mapping_platform_column(h) && !guess_column(h, k->dcols, k->n_dcols, dossier_fields)) {
				fputs("    # ", out);
				put_quoted(out, h);
				fputs(": read by ptce itself (the platform's state and dates)\n", out);
			} else if (!guess_document(h, k) && !guess_annotation(h, k) && *h) {
				put_entry(out, "    ", h, guess_column(h, k->dcols, k->n_dcols, dossier_fields));
			}
		}
	fputs("  documents:\n", out);
	for (size_t i = 0; t[0] && i < t[0]->header.n; i++)
		if (guess_document(t[0]->header.cells[i], k))
			put_entry(out, "    ", t[0]->header.cells[i], guess_document(t[0]->header.cells[i], k));
	int any = 0;
	for (size_t i = 0; t[0] && i < t[0]->header.n; i++)
		if (guess_annotation(t[0]->header.cells[i], k)) {
			fputs(any++ ? "" : "  annotations:\n", out);
			fputs("    - ", out);
			put_quoted(out, t[0]->header.cells[i]);
			fputs("   # guessed\n", out);
		}
	put_values(out, "  ", k->dvals, k->n_dvals, dossier_fields);
}

/* A repeated block's sheet: "Dossier ID", "Ligne", then its fields. */
static int is_block(const struct book_sheet *s)
{
	return csv_table_column(&s->table, "Dossier ID") >= 0 &&
	       csv_table_column(&s->table, "Ligne") >= 0;
}

static void put_members(FILE *out, const struct book_sheet *s, const struct import_mapping *k)
{
	fputs("members:\n  sheet: ", out);
	put_quoted(out, s->name);
	fputs("\n  dossier: \"Dossier ID\"\n  columns:\n", out);
	for (size_t i = 0; i < s->table.header.n; i++) {
		const char *h = s->table.header.cells[i];
		if (!csv_header_is(h, "Dossier ID") && !csv_header_is(h, "Ligne"))
			put_entry(out, "    ", h, guess_column(h, k->mcols, k->n_mcols, member_fields));
	}
	put_values(out, "  ", k->mvals, k->n_mvals, member_fields);
}

void mapping_init_write(FILE *out, const struct book *b, const struct import_mapping *k)
{
	fprintf(out, "# Mapping written by 'ptce import --init-mapping %s'.\n"
		"# Entries marked \"# guessed\" were recognised from %s: check them.\n"
		"# Every other header is commented out: to read one, remove the '#'\n"
		"# and put a field instead of FIELD (the fields are the column names of\n"
		"# 'ptce export'; the shipped mapping describes the format).\n",
		b->path, k->path);
	fprintf(out, "timezone: %s\nphase: %s\nstates:\n", k->timezone, k->phase);
	for (size_t i = 0; i < k->n_states; i++) {
		fputs("  ", out);
		put_quoted(out, k->states[i].label);
		fprintf(out, ": %s\n", k->states[i].state);
	}
	const struct csv_table *t[2] = { NULL, NULL };
	const struct book_sheet *block = NULL;
	for (size_t i = 0; i < b->n; i++) {
		const struct book_sheet *s = &b->sheets[i];
		if (b->format == BOOK_CSV || mapping_same_header(s->name, MAPPING_SHEET_DOSSIERS))
			t[0] = t[0] ? t[0] : &s->table;
		else if (mapping_same_header(s->name, MAPPING_SHEET_ETABLISSEMENTS))
			t[1] = &s->table;
		else if (!mapping_same_header(s->name, MAPPING_SHEET_AVIS) && is_block(s) && !block)
			block = s;
	}
	put_dossiers(out, t, 2, k);
	if (block)
		put_members(out, block, k);
	put_values(out, "", NULL, 0, NULL);
	if (k->n_bools) {
		fputs("booleans:\n", out);
		for (size_t i = 0; i < k->n_bools; i++) {
			fputs("  ", out);
			put_quoted(out, k->bools[i].label);
			fprintf(out, ": %s\n", k->bools[i].code);
		}
	}
}
