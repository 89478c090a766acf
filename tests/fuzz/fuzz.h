/* fuzz.h - what every harness offers: libFuzzer's entry point, and a helper
 * for loaders that read a path. Built with clang -fsanitize=fuzzer by `make
 * fuzz`, or with the plain compiler and replay.c by `make check`. */
#ifndef PTCE_FUZZ_H
#define PTCE_FUZZ_H

#include <stddef.h>
#include <stdint.h>

/* LLVMFuzzerTestOneInput - run one input; always 0. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
/* fuzz_text - data as a NUL-terminated string (fresh; stops at a NUL). */
char *fuzz_text(const uint8_t *data, size_t size);
/* fuzz_file - data written to this process's scratch file: its path. */
const char *fuzz_file(const uint8_t *data, size_t size, const char *suffix);

#endif
