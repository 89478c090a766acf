/* fuzz_grid.c - the review grid loader (YAML reader and the grid's rules). */
#include "fuzz.h"
#include "review/checklist_load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct checklist *g = NULL;
	struct perr e = {0};
	if (checklist_load_string("fuzz.yaml", (const char *)data, size, &g, &e) == 0)
		checklist_free(&g);
	return 0;
}
