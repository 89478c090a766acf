/* test_paper.c - values for a reader (base/fmt.h: dates, amounts, decimals
 * in French and English, whatever LC_NUMERIC says) and the writers of
 * printed documents: text within 80 columns, nothing cut, roff escaped. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "base/fmt.h"
#include "base/text.h"
#include "io/doc.h"
#include "io/doc_roff.h"
#include "io/doc_text.h"

#define NNBSP "\xe2\x80\xaf"
#define NBSP "\xc2\xa0"

static void test_amounts_decimals(void **state)
{
	(void)state;
	char b[64];
	assert_string_equal(fmt_amount(FMT_FR, 100000, b, sizeof b), "100" NNBSP "000" NBSP "€");
	assert_string_equal(fmt_amount(FMT_FR, 1500000, b, sizeof b), "1" NNBSP "500" NNBSP "000" NBSP "€");
	assert_string_equal(fmt_amount(FMT_EN, 100000, b, sizeof b), "€100,000");
	assert_string_equal(fmt_amount(FMT_FR, 950, b, sizeof b), "950" NBSP "€");
	assert_string_equal(fmt_decimal(FMT_FR, 83.75, 2, b, sizeof b), "83,75");
	assert_string_equal(fmt_decimal(FMT_EN, 83.75, 2, b, sizeof b), "83.75");
	assert_string_equal(fmt_decimal(FMT_FR, 2.2, 1, b, sizeof b), "2,2");
	assert_string_equal(fmt_decimal(FMT_FR, 56.666, 2, b, sizeof b), "56,67");
	assert_string_equal(fmt_decimal(FMT_FR, -0.001, 2, b, sizeof b), "0,00");
	assert_string_equal(fmt_decimal(FMT_FR, 12345.5, 1, b, sizeof b), "12" NNBSP "345,5");
	assert_string_equal(fmt_decimal(FMT_FR, 100, 0, b, sizeof b), "100");
	assert_string_equal(fmt_number(FMT_EN, -1234567, b, sizeof b), "-1,234,567");
}

static void test_dates(void **state)
{
	(void)state;
	char b[64];
	setenv("TZ", "Europe/Paris", 1);
	tzset();
	assert_string_equal(fmt_date(FMT_FR, "2026-11-21", b, sizeof b), "21/11/2026");
	assert_string_equal(fmt_date(FMT_EN, "2026-11-21", b, sizeof b), "2026-11-21");
	/* A UTC time is read in local time: 23:30 UTC is the next day in Paris. */
	assert_string_equal(fmt_date(FMT_FR, "2026-11-21T23:30:00Z", b, sizeof b), "22/11/2026");
	assert_string_equal(fmt_datetime(FMT_FR, "2026-11-21T13:05:00Z", b, sizeof b), "21/11/2026 14:05");
	assert_string_equal(fmt_datetime(FMT_EN, "2026-06-26T11:52:00Z", b, sizeof b), "2026-06-26 13:52");
	assert_string_equal(fmt_datetime(FMT_FR, "2026-11-21", b, sizeof b), "21/11/2026");
	assert_string_equal(fmt_date(FMT_FR, "demain", b, sizeof b), "demain");
	assert_string_equal(fmt_date(FMT_FR, NULL, b, sizeof b), "");
}

/* Every line of text at most width columns. */
static void assert_fits(const char *text, size_t width)
{
	char *copy = strdup(text), *save = NULL;
	for (char *l = strtok_r(copy, "\n", &save); l; l = strtok_r(NULL, "\n", &save))
		if (text_width(l) > width) {
			fprintf(stderr, "too wide (%zu): %s\n", text_width(l), l);
			fail();
		}
	free(copy);
}

static void test_text_fits(void **state)
{
	(void)state;
	struct doc *d = doc_new("T", FMT_FR);
	doc_field(d, "Un intitulé de champ beaucoup trop long pour tenir dans sa colonne", "valeur");
	const char *head[] = {"Région", "A", "B", "Commentaire"};
	struct doc_table *t = doc_table(d, 4, head, "wrrw");
	const char *row[] = {"Provence-Alpes-Côte d'Azur", "12", "3",
		"Un commentaire assez long pour passer plusieurs fois à la ligne, avec un mot "
		"anticonstitutionnellementinterminablementlong et une fin ; sans coupure."};
	doc_row(t, row, NULL);
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	doc_write_text(f, d, 40);
	fclose(f);
	assert_fits(out, 40);
	/* Hyphens are break points: no word of the région is cut. */
	assert_non_null(strstr(out, "Provence-"));
	assert_non_null(strstr(out, "Alpes-"));
	/* Long labels wrap, they are never cut. */
	assert_non_null(strstr(out, "beaucoup"));
	assert_null(strstr(out, "\xe2\x80\xa6"));
	/* No line starts with French punctuation. */
	assert_null(strstr(out, "\n;"));
	free(out);
	doc_free(&d);
	assert_null(d);
}

static void test_roff_escaped(void **state)
{
	(void)state;
	struct doc *d = doc_new(".so /etc/passwd", FMT_FR);
	doc_para(d, ".sy rm -rf /\n'bp\n\\X'pdf: x' 100" NNBSP "000" NBSP "€", 0);
	const char *head[] = {"T}", "_"};
	doc_row(doc_table(d, 2, head, "ww"), head, NULL);
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	doc_write_roff(f, d);
	fclose(f);
	/* Dossier text never starts a request nor ends a text block. */
	assert_null(strstr(out, "\n.sy"));
	assert_null(strstr(out, "\n'bp"));
	assert_null(strstr(out, "\n.so"));
	assert_non_null(strstr(out, "\n\\&T}\n"));
	assert_null(strstr(out, "\\X"));
	assert_non_null(strstr(out, "\\eX"));
	/* French spaces stay unbreakable. */
	assert_non_null(strstr(out, "100\\|000\\~€"));
	free(out);
	doc_free(&d);
}

int main(void)
{
	/* A locale with a decimal comma must change nothing. */
	setlocale(LC_ALL, "C.UTF-8");
	cmocka_set_message_output(CM_OUTPUT_TAP);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_amounts_decimals),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_text_fits),
		cmocka_unit_test(test_roff_escaped),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
