/* fuzz_keys.c - the key-bindings file, and key names on their own. */
#include <stdlib.h>

#include "fuzz.h"
#include "keys/keys.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct keymap km;
	struct perr e = {0};
	char *text = fuzz_text(data, size);
	keymap_defaults(&km);
	keymap_load_string(&km, "fuzz.yaml", text, &e);
	int code;
	char buf[64];
	if (key_parse(text, &code) == 0)
		key_format(code, buf, sizeof buf);
	free(text);
	return 0;
}
