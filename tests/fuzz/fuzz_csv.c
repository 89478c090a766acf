/* fuzz_csv.c - the CSV import reader: encodings, separators, quoting, NUL. */
#include "fuzz.h"
#include "io/csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv_table t;
	struct perr e = {0};
	if (csv_table_parse("fuzz.csv", (const char *)data, size, &t, &e) == 0) {
		(void)csv_table_column(&t, "Nº dossier");
		csv_table_done(&t);
	}
	return 0;
}
