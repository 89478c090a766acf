/* fuzz_mapping.c - the import mapping (CSV headers to fields). */
#include "fuzz.h"
#include "io/mapping.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct import_mapping m;
	struct perr e = {0};
	if (import_mapping_load(fuzz_file(data, size, ".yaml"), &m, &e) == 0)
		import_mapping_done(&m);
	return 0;
}
