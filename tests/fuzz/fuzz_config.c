/* fuzz_config.c - the configuration file (ptce.yaml). */
#include "cli/config.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config c;
	struct perr e = {0};
	config_defaults(&c);
	config_load_file(&c, fuzz_file(data, size, ".yaml"), &e);
	config_done(&c);
	return 0;
}
