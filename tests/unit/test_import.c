/* test_import.c - the CSV layer of ptce import (BOM, separators, quotes,
 * CRLF, line numbers), value normalisation, mapping validation, and the
 * writers of the export. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "base/fmt.h"
#include "base/text.h"
#include "io/import.h"
#include "io/mapping_guess.h"
#include "io/strmap.h"
#include "procedure/procedure.h"
#include "store/stmt.h"

static int parse(const char *text, struct csv_table *t, struct perr *e)
{
	return csv_table_parse("t.csv", text, strlen(text), t, e);
}

/* text must parse; a failure shows the parser's message. */
static void parsed(const char *text, struct csv_table *t)
{
	struct perr e = {0};
	if (parse(text, t, &e) < 0)
		fail_msg("%s", e.msg);
}

static void test_bom_semicolon_crlf(void **state)
{
	(void)state;
	struct csv_table t;
	parsed("\xEF\xBB\xBFID;Nom;Ville\r\n1;\"a;b\";Brest\r\n2;c;\r\n", &t);
	assert_int_equal(t.delim, ';');
	assert_true(t.had_bom);
	assert_true(t.crlf);
	assert_int_equal(t.header.n, 3);
	assert_string_equal(t.header.cells[0], "ID");
	assert_int_equal(csv_table_column(&t, "ID"), 0);
	assert_int_equal(t.n_rows, 2);
	assert_string_equal(t.rows[0].cells[1], "a;b");
	assert_int_equal(t.rows[1].n, 3);
	assert_string_equal(t.rows[1].cells[2], "");
	assert_int_equal(t.rows[1].line, 3);
	csv_table_done(&t);
}

static void test_comma_default(void **state)
{
	(void)state;
	struct csv_table t;
	/* Semicolons inside quotes do not count. */
	parsed("\"a;b;c\",d,e\n1,2,3\n", &t);
	assert_int_equal(t.delim, ',');
	assert_false(t.had_bom);
	assert_string_equal(t.header.cells[0], "a;b;c");
	csv_table_done(&t);
}

static void test_quotes_newlines_lines(void **state)
{
	(void)state;
	struct csv_table t;
	const char *text = "A,B\n"
			   "1,\"first\nsecond, with \"\"quotes\"\"\"\n"
			   "2,plain\n"
			   "\n"
			   "3,\"x\r\ny\"\r\n"
			   "4,last";
	parsed(text, &t);
	assert_int_equal(t.n_rows, 4);
	assert_string_equal(t.rows[0].cells[1], "first\nsecond, with \"quotes\"");
	assert_int_equal(t.rows[0].line, 2);
	assert_int_equal(t.rows[1].line, 4);
	assert_int_equal(t.rows[2].line, 6);
	assert_string_equal(t.rows[2].cells[1], "x\r\ny");
	assert_int_equal(t.rows[3].line, 8);
	assert_string_equal(t.rows[3].cells[1], "last");
	csv_table_done(&t);
}

static void test_encodings(void **state)
{
	(void)state;
	struct csv_table t;
	struct perr e = {0};
	/* Windows-1252 from a French Excel: read, accents kept. */
	parsed("ID;R\xe9gion\r\n1;\xcele-de-France\r\n", &t);
	assert_true(t.cp1252);
	assert_string_equal(t.header.cells[1], "Région");
	assert_string_equal(t.rows[0].cells[1], "Île-de-France");
	csv_table_done(&t);
	/* UTF-8 is not converted. */
	parsed("ID,Région\n1,Île\n", &t);
	assert_false(t.cp1252);
	csv_table_done(&t);
	/* A BOM promises UTF-8: a bad byte after it is an error with its line. */
	assert_int_equal(parse("\xEF\xBB\xBFID\n1\n\xe9\n", &t, &e), -1);
	assert_non_null(strstr(e.msg, "t.csv:3:"));
	assert_non_null(strstr(e.msg, "UTF-8"));
	/* Old Mac line ends (lone CR) still count lines. */
	parsed("A,B\r1,2\r3,\"x\ry\"\r5,6\r", &t);
	assert_int_equal(t.n_rows, 3);
	assert_int_equal(t.rows[2].line, 5);
	csv_table_done(&t);
}

static void test_blank_rows_dropped(void **state)
{
	(void)state;
	struct csv_table t;
	parsed("A;B\n1;2\n;\n;\n", &t);
	assert_int_equal(t.n_rows, 1);
	csv_table_done(&t);
}

/* text must be refused as P_INVALID with where ("t.csv:3:2:") and, unless
 * NULL, what in the message. */
static void expect_parse_error(const char *text, const char *where, const char *what)
{
	struct csv_table t;
	struct perr e = {0};
	assert_int_equal(parse(text, &t, &e), -1);
	assert_int_equal(e.status, P_INVALID);
	assert_non_null(strstr(e.msg, where));
	if (what)
		assert_non_null(strstr(e.msg, what));
}

static void test_malformed_quote(void **state)
{
	(void)state;
	expect_parse_error("A,B\n1,ok\n2,\"bad\"x\n3,z\n", "t.csv:3:2:", "quot");
}

static void test_unclosed_quote(void **state)
{
	(void)state;
	expect_parse_error("A,B\n1,ok\n2,\"never closed\n3,z\n", "t.csv:3:2:", NULL);
}

static void test_empty_file(void **state)
{
	(void)state;
	expect_parse_error("", "t.csv:1:1:", NULL);
	expect_parse_error("\xEF\xBB\xBF", "t.csv:1:1:", NULL);
}

static char *norm(int field, const char *raw, const struct map_value *v, size_t n)
{
	static const struct map_value bools[] = {
		{-1, "Oui", "1"}, {-1, "Non", "0"}
	};
	return import_normalize(&dossier_fields[field], field, v, n, bools, 2, raw);
}

static void expect_norm(int field, const char *raw, const char *want,
			const struct map_value *v, size_t n)
{
	char *got = norm(field, raw, v, n);
	if (!want) {
		assert_null(got);
		return;
	}
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void test_normalize(void **state)
{
	(void)state;
	expect_norm(DF_DEPOSITED_AT, "2024-03-12 10:31:00 +0100", "2024-03-12", NULL, 0);
	expect_norm(DF_DEPOSITED_AT, "2024-03-12T23:59:00+01:00", "2024-03-12", NULL, 0);
	expect_norm(DF_DEPOSITED_AT, "12/03/2024", "2024-03-12", NULL, 0);
	expect_norm(DF_DEPOSITED_AT, " 12/03/2024 10:31 ", "2024-03-12", NULL, 0);
	expect_norm(DF_DEPOSITED_AT, "mars 2024", "mars 2024", NULL, 0);
	expect_norm(DF_REGION, "Grand Est", "44", NULL, 0);
	expect_norm(DF_REGION, "ile-de-france", "11", NULL, 0);
	expect_norm(DF_REGION, "76", "76", NULL, 0);
	expect_norm(DF_DEPARTEMENT, "67 - Bas-Rhin", "67", NULL, 0);
	expect_norm(DF_DEPARTEMENT, "Corse-du-Sud", "2A", NULL, 0);
	expect_norm(DF_LEAD_SIRET, "900 000 123 00019", "90000012300019", NULL, 0);
	expect_norm(DF_AMOUNT_REQUESTED, "100\xC2\xA0" "000 \xE2\x82\xAC", "100000", NULL, 0);
	expect_norm(DF_BUDGET, "180000,00", "180000", NULL, 0);
	expect_norm(DF_STAFF_FTE, "1,5", "1.5", NULL, 0);
	expect_norm(DF_STAFF_FTE, "2", "2.0", NULL, 0);
	expect_norm(DF_LEAD_ESUS, "oui", "1", NULL, 0);
	expect_norm(DF_LEAD_ESUS, "Non", "0", NULL, 0);
	expect_norm(DF_LEAD_NAME, "  \t ", NULL, NULL, 0);
	expect_norm(DF_DESCRIPTION, "a\r\nb\r\n", "a\nb", NULL, 0);

	static const struct map_value v[] = {
		{DF_STAGE, "Émergent", "emergent"},
		{DF_BOUQUET_NEEDS, "Ingénierie de projet", "ingenierie"},
		{DF_BOUQUET_NEEDS, "Modèles économiques, et financement", "modele-economique"},
		{DF_BOUQUET_NEEDS, "Mobilisation", "mobilisation"},
	};
	expect_norm(DF_STAGE, "Émergent", "emergent", v, 4);
	expect_norm(DF_STAGE, "ÉMERGENT", "emergent", v, 4);
	expect_norm(DF_STAGE, "Existant", "Existant", v, 4);
	/* A label containing the list separator is matched whole. */
	expect_norm(DF_BOUQUET_NEEDS, "Ingénierie de projet, Modèles économiques, et financement",
		    "ingenierie,modele-economique", v, 4);
	expect_norm(DF_BOUQUET_NEEDS, "mobilisation;Autre chose", "mobilisation,Autre chose", v, 4);
}

/* The platform's own forms: on/off, true/false, "88 – Vosges", 95000.0,
 * a blank number written 0. */
static void test_platform_values(void **state)
{
	(void)state;
	expect_norm(DF_LEAD_ESUS, "on", "1", NULL, 0);
	expect_norm(DF_LEAD_ESUS, "off", "0", NULL, 0);
	expect_norm(DF_LEAD_ESUS, "true", "1", NULL, 0);
	expect_norm(DF_LEAD_ESUS, "false", "0", NULL, 0);
	expect_norm(DF_DEPARTEMENT, "88 \xE2\x80\x93 Vosges", "88", NULL, 0);
	expect_norm(DF_AMOUNT_REQUESTED, "95000.0", "95000", NULL, 0);
	expect_norm(DF_AMOUNT_REQUESTED, "0", NULL, NULL, 0);
	expect_norm(DF_STAFF_FTE, "0.0", NULL, NULL, 0);
	char **names;
	assert_int_equal(import_split_files("a.pdf, b c.pdf, ", &names), 2);
	assert_string_equal(names[0], "a.pdf");
	assert_string_equal(names[1], "b c.pdf");
	free(names[0]);
	free(names[1]);
	free(names);
}

static void expect_time(const char *raw, const char *want)
{
	char out[21];
	if (!want) {
		assert_int_equal(import_timestamp(raw, "Europe/Paris", out), -1);
		return;
	}
	assert_int_equal(import_timestamp(raw, "Europe/Paris", out), 0);
	assert_string_equal(out, want);
}

/* Times with an offset are exact; without one they are Paris time, winter
 * (+01) and summer (+02) alike, and TZ is put back afterwards. */
static void test_timestamps(void **state)
{
	(void)state;
	setenv("TZ", "UTC", 1);
	expect_time("2025-03-12 10:31:00 +0100", "2025-03-12T09:31:00Z");
	expect_time("2025-07-01 17:45:30 +0200", "2025-07-01T15:45:30Z");
	expect_time("2025-03-12T10:31:00+01:00", "2025-03-12T09:31:00Z");
	expect_time("2025-03-12 09:31:00 UTC", "2025-03-12T09:31:00Z");
	expect_time("2025-03-12 10:31:00", "2025-03-12T09:31:00Z");
	expect_time("2025-07-01 10:31:00", "2025-07-01T08:31:00Z");
	expect_time("2025-03-30 03:30:00", "2025-03-30T01:30:00Z");	/* just after the change */
	expect_time("2025-10-26 04:00:00", "2025-10-26T03:00:00Z");
	expect_time("12/03/2025 10:31", "2025-03-12T09:31:00Z");
	expect_time("2025-06-02", "2025-06-01T22:00:00Z");
	expect_time("hier", NULL);
	expect_time("2025-03-12 10:31:00 +01", NULL);
	expect_time("2025-13-12 10:31:00", NULL);
	import_zone_restore();
	assert_string_equal(getenv("TZ"), "UTC");
}

static void test_headers_and_hash(void **state)
{
	(void)state;
	assert_true(mapping_same_header("Etablissement  SIRET", "Établissement SIRET"));
	assert_true(mapping_same_header("88 - VOSGES", "88 \xE2\x80\x93 Vosges"));
	assert_false(mapping_same_header("Région", "Région (Code)"));
	struct csv_table t;
	parsed("ID,Établissement NAF,Nom du PTCE,Tout autre chose\n1,2,3,4\n", &t);
	const struct csv_table *tabs[] = { &t };
	char *near = mapping_closest("Etablissement SIRET", tabs, 1);
	assert_non_null(near);
	assert_string_equal(near, "\"Établissement NAF\"");
	free(near);
	assert_null(mapping_closest("zzzzzzzzzzzzzzzzzzzzzz", tabs, 1));
	csv_table_done(&t);
	struct strmap m = {0};
	char key[16];
	for (int i = 0; i < 5000; i++) {
		snprintf(key, sizeof key, "%d", i);
		strmap_put(&m, key, i);
	}
	assert_int_equal(strmap_get(&m, "4321"), 4321);
	assert_int_equal(strmap_get(&m, "5000"), -1);
	assert_int_equal(m.n, 5000);
	strmap_put(&m, "4321", 7);	/* a value replaced, no new key */
	assert_int_equal(m.n, 5000);
	for (int i = 0; i < 5000; i++) {
		snprintf(key, sizeof key, "%d", i);
		assert_int_equal(strmap_get(&m, key), i == 4321 ? 7 : i);
	}
	assert_int_equal(strmap_get(&m, ""), -1);
	strmap_done(&m);
}

static char *write_tmp(const char *text)
{
	char *path = strdup("/tmp/ptce-mapping-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	return path;
}

static void expect_mapping_error(const char *text, const char *where, const char *what)
{
	char *path = write_tmp(text);
	struct import_mapping m;
	struct perr e = {0};
	assert_int_equal(import_mapping_load(path, &m, &e), -1);
	char *pos = NULL;
	if (asprintf(&pos, "%s:%s:", path, where) < 0)
		fail();
	if (!strstr(e.msg, pos) || !strstr(e.msg, what))
		fail_msg("mapping error '%s' lacks '%s' or '%s'", e.msg, pos, what);
	free(pos);
	unlink(path);
	free(path);
}

#define REQUIRED_COLUMNS \
	"    ID: ds_number\n    Nom: lead_name\n    SIRET: lead_siret\n" \
	"    Region: region_code\n    Dept: departement_code\n    PTCE: ptce_name\n"

static void test_mapping(void **state)
{
	(void)state;
	char *path = write_tmp("dossiers:\n  columns:\n" REQUIRED_COLUMNS
			       "  values:\n    stage:\n      Émergent: emergent\n"
			       "  documents:\n    Statuts: statuts\n"
			       "members:\n  dossier: Dossier\n  columns:\n"
			       "    Nom: name\n    Cat: category\n"
			       "booleans:\n  Oui: 1\n  Non: 0\n");
	struct import_mapping m;
	struct perr e = {0};
	if (import_mapping_load(path, &m, &e) < 0)
		fail_msg("%s", e.msg);
	assert_int_equal(m.n_dcols, 6);
	assert_int_equal(m.n_dvals, 1);
	assert_int_equal(m.n_docs, 1);
	assert_string_equal(m.members_link, "Dossier");
	assert_int_equal(m.n_bools, 2);
	assert_string_equal(m.bools[0].code, "1");
	import_mapping_done(&m);
	unlink(path);
	free(path);

	expect_mapping_error("dossiers:\n  colums:\n" REQUIRED_COLUMNS, "2:3", "did you mean 'columns'");
	expect_mapping_error("dossiers:\n  columns:\n" REQUIRED_COLUMNS "    Stade: stag\n",
			     "9:12", "did you mean 'stage'");
	expect_mapping_error("dossiers:\n  columns:\n    ID: ds_number\n", "3:5", "lead_name");
	expect_mapping_error("dossiers:\n  columns:\n" REQUIRED_COLUMNS
			     "  values:\n    stage:\n      Émergent: emergen\n",
			     "11:17", "did you mean 'emergent'");
	expect_mapping_error("dossiers:\n  columns:\n" REQUIRED_COLUMNS
			     "  values:\n    lead_esus:\n      Oui: oui\n",
			     "11:12", "0 or 1");
	expect_mapping_error("dossiers:\n  columns:\n" REQUIRED_COLUMNS
			     "  documents:\n    Statuts: statut\n", "10:14", "statuts");
	expect_mapping_error("dossiers:\n  columns:\n" REQUIRED_COLUMNS
			     "members:\n  columns:\n    Nom: name\n    Cat: category\n",
			     "9:1", "dossier");
	expect_mapping_error("dossiers:\n  columns:\n" REQUIRED_COLUMNS "membres: {}\n",
			     "9:1", "members");
}

static void test_read_file(void **state)
{
	(void)state;
	char *path = write_tmp("ID,Nom\n1,\"a\nb\"\n2,c\n");
	struct csv_table t;
	struct perr e = {0};
	if (csv_table_read(path, &t, &e) < 0)
		fail_msg("%s", e.msg);
	assert_string_equal(t.path, path);
	assert_int_equal(t.n_rows, 2);
	assert_string_equal(t.rows[0].cells[1], "a\nb");
	assert_int_equal(t.rows[1].line, 4);
	csv_table_done(&t);
	unlink(path);
	/* A file that does not open is P_IO "cannot open" (exit 6), one that
	 * opens but cannot be read (a folder) P_IO "read error". */
	assert_int_equal(csv_table_read(path, &t, &e), -1);
	assert_int_equal(e.status, P_IO);
	assert_non_null(strstr(e.msg, ": cannot open: "));
	assert_int_equal(csv_table_read("/tmp", &t, &e), -1);
	assert_int_equal(e.status, P_IO);
	assert_string_equal(e.msg, "/tmp: read error");
	free(path);
}

/* A file of many blocks (the reader reads 64 KiB at a time): CRLF and
 * multi-line quoted cells, two-byte characters, and the same text in
 * Windows-1252 and through iconv, every record and line number right
 * wherever a block ends (inside a character, between CR and LF). */
static void big_csv_check(const char *text, const char *encoding)
{
	char *path = write_tmp(text);
	struct csv_table t;
	struct perr e = {0};
	if (csv_table_read_enc(path, encoding, &t, &e) < 0)
		fail_msg("%s", e.msg);
	assert_int_equal(t.n_rows, 6000);
	assert_true(t.crlf);
	for (size_t i = 0; i < t.n_rows; i++) {
		char want[64];
		snprintf(want, sizeof want, "%zu", i);
		assert_string_equal(t.rows[i].cells[0], want);
		assert_string_equal(t.rows[i].cells[1], i % 7 ? "\u00e9t\u00e9 \u00e0 Orl\u00e9ans"
							    : "\u00e9t\u00e9 \u00e0 Cr\u00e9teil");
		assert_string_equal(t.rows[i].cells[2], "l\u00e0\r\nsuite");
		assert_int_equal(t.rows[i].line, 2 + 2 * (int)i);
	}
	csv_table_done(&t);
	unlink(path);
	free(path);
}

static void test_read_blocks(void **state)
{
	(void)state;
	char *utf8 = xstrdup("ID;Nom;Texte\r\n"), *cp = xstrdup("ID;Nom;Texte\r\n");
	for (int i = 0; i < 6000; i++) {
		xappendf(&utf8, "%d;\u00e9t\u00e9 \u00e0 %s;\"l\u00e0\r\nsuite\"\r\n", i,
			 i % 7 ? "Orl\u00e9ans" : "Cr\u00e9teil");
		xappendf(&cp, "%d;\xe9t\xe9 \xe0 %s;\"l\xe0\r\nsuite\"\r\n", i,
			 i % 7 ? "Orl\xe9" "ans" : "Cr\xe9" "teil");
	}
	assert_true(strlen(utf8) > 3 * 65536);
	big_csv_check(utf8, NULL);
	big_csv_check(utf8, "utf-8");
	big_csv_check(cp, NULL);
	big_csv_check(cp, "windows-1252");
	free(utf8);
	free(cp);
}

static void test_cells_and_headers(void **state)
{
	(void)state;
	char *c = csv_trimmed(" \t a\r\nb\r \n");
	assert_string_equal(c, "a\nb");
	free(c);
	c = csv_trimmed(" \r\n ");
	assert_string_equal(c, "");
	free(c);
	assert_true(csv_header_is("  ID \t\r\n", "ID"));
	assert_false(csv_header_is("ID", "I"));
	assert_false(csv_header_is("IDs", "ID"));
	/* Only spaces and tabs go before a header: a line end there is kept. */
	assert_false(csv_header_is("\nID", "ID"));
}

static char *written(void (*put)(FILE *, const char *, int), const char *s, int flags)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	put(f, s, flags);
	fclose(f);
	return buf;
}

static void json_text(FILE *f, const char *s, int flags)
{
	fmt_json_text(f, s, flags);
}

static void csv_text(FILE *f, const char *s, int flags)
{
	fmt_csv_text(f, s, flags, ';', 0);
}

/* The writers of the export: what a cell becomes in JSON and CSV. */
static void test_export_writers(void **state)
{
	(void)state;
	static const struct {
		int json;
		const char *in;
		int flags;
		const char *want;
	} cases[] = {
		{1, "a\"b\\c", 0, "\"a\\\"b\\\\c\""},
		{1, "l1\r\nl2\tx", TEXT_KEEP_NEWLINES, "\"l1\\nl2 x\""},
		{1, "l1\nl2\tx", TEXT_KEEP_NEWLINES | TEXT_KEEP_TABS, "\"l1\\nl2\\tx\""},
		{1, "l1\nl2", 0, "\"l1 l2\""},
		{1, "e\x1b[31mx\x7f\x01\b\f\xc2\x85y", 0, "\"exy\""},
		{1, "caf\xc3\xa9", 0, "\"caf\xc3\xa9\""},
		{0, "plain", TEXT_KEEP_NEWLINES, ";plain"},
		{0, "a;b", TEXT_KEEP_NEWLINES, ";\"a;b\""},
		{0, " pad", TEXT_KEEP_NEWLINES, ";\" pad\""},
		{0, "say \"hi\"", TEXT_KEEP_NEWLINES, ";\"say \"\"hi\"\"\""},
		{0, "l1\nl2", TEXT_KEEP_NEWLINES, ";\"l1\nl2\""},
		{0, "l1\nl2", FMT_CSV_QUOTE_ALL, ";\"l1 l2\""},
		{0, "plain", FMT_CSV_QUOTE_ALL, ";\"plain\""},
		{0, "", FMT_CSV_QUOTE_ALL, ";\"\""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *got = written(cases[i].json ? json_text : csv_text, cases[i].in, cases[i].flags);
		if (strcmp(got, cases[i].want) != 0)
			fail_msg("case %zu: got [%s], want [%s]", i, got, cases[i].want);
		free(got);
	}
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	fmt_json_string(f, "t\tn\n");
	fmt_csv_field(f, NULL, ',', 1);
	fmt_csv_field(f, "x,y", ',', 0);
	fclose(f);
	assert_string_equal(buf, "\"t\\tn\\n\",\"x,y\"");
	free(buf);
}

/* Only an admin imports: the core refuses anyone else before reading a
 * file, whatever the caller checked, and the database stays empty. */
static void test_import_needs_admin(void **state)
{
	(void)state;
	struct perr e = {0};
	char dir[] = "/tmp/ptce-test-import-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char *path = xasprintf("%s/t.db", dir);
	struct store *s = NULL;
	assert_int_equal(procedure_open(path, STORE_CREATE, &s, &e), 0);
	struct import_mapping m;
	assert_int_equal(import_mapping_load("share/mapping/demarches-simplifiees.yaml", &m, &e), 0);
	struct actor lect = {.login = "lea", .real_login = "lea", .roles = ROLE_LECTEUR | ROLE_COORDINATEUR};
	struct import_request req = {.path = "share/examples/dossiers.csv", .mapping = &m, .by = &lect};
	struct import_report rep;
	struct import_errors errs = {0};
	assert_int_equal(import_run(s, &req, &rep, &errs, &e), -1);
	assert_int_equal(e.status, P_REFUSED);
	assert_non_null(strstr(e.msg, "importing dossiers needs the admin role, which lea does not hold"));
	long long n = -1;
	assert_int_equal(stmt_int(s, &n, -1, &e, "count", "SELECT count(*) FROM dossiers", NULL), 0);
	assert_int_equal(n, 0);
	import_report_done(&rep);
	import_errors_done(&errs);
	import_mapping_done(&m);
	store_close(&s);
	unlink(path);
	char *wal = xasprintf("%s-wal", path), *shm = xasprintf("%s-shm", path);
	unlink(wal);
	unlink(shm);
	rmdir(dir);
	free(wal);
	free(shm);
	free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bom_semicolon_crlf),
		cmocka_unit_test(test_comma_default),
		cmocka_unit_test(test_quotes_newlines_lines),
		cmocka_unit_test(test_blank_rows_dropped),
		cmocka_unit_test(test_encodings),
		cmocka_unit_test(test_malformed_quote),
		cmocka_unit_test(test_unclosed_quote),
		cmocka_unit_test(test_empty_file),
		cmocka_unit_test(test_normalize),
		cmocka_unit_test(test_platform_values),
		cmocka_unit_test(test_timestamps),
		cmocka_unit_test(test_headers_and_hash),
		cmocka_unit_test(test_mapping),
		cmocka_unit_test(test_read_file),
		cmocka_unit_test(test_read_blocks),
		cmocka_unit_test(test_cells_and_headers),
		cmocka_unit_test(test_export_writers),
		cmocka_unit_test(test_import_needs_admin),
	};
	/* As ptce itself runs: accents fold only under a UTF-8 locale. */
	setlocale(LC_ALL, "C.UTF-8");
	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
