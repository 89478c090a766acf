/* fuzz_form.c - the $EDITOR review form read back, on the phase 1 and
 * phase 2 grids of config/checklists (FUZZ_GRIDS names the folder). */
#include <stdlib.h>

#include "fuzz.h"
#include "review/checklist_load.h"
#include "review/review_form.h"

#ifndef FUZZ_GRIDS
#define FUZZ_GRIDS "config/checklists"
#endif

static struct checklist *grid(int phase)
{
	static struct checklist *g[2];
	if (!g[phase - 1]) {
		struct perr e = {0};
		const char *dir = getenv("FUZZ_GRIDS") ? getenv("FUZZ_GRIDS") : FUZZ_GRIDS;
		char *path = xasprintf("%s/phase%d.yaml", dir, phase);
		if (checklist_load_file(path, &g[phase - 1], &e) < 0)
			die("fuzz_form: %s", e.msg);
		free(path);
	}
	return g[phase - 1];
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);
	for (int phase = 1; phase <= 2; phase++) {
		char *buf = NULL;
		struct review_input *in = NULL;
		size_t n = 0;
		int submit = 0;
		struct perr e = {0};
		review_form_parse(grid(phase), text, &buf, &in, &n, &submit, &e);
		free(in);
		free(buf);
	}
	free(text);
	return 0;
}
