/* file.h - reading a whole file into memory, with the errors a person can act
 * on (the path and the system's reason). */
#ifndef PTCE_FILE_H
#define PTCE_FILE_H

#include <stddef.h>
#include <stdio.h>

#include "base/err.h"

/* file_read - the whole of path in a fresh buffer with a NUL after its len
 * bytes. A missing file is P_NOTFOUND, another failure to open or read P_IO,
 * both naming path. A file over max bytes (0: no limit) is not read: -2 is
 * returned with e untouched, so the caller says what the file should be. */
int file_read(const char *path, size_t max, char **buf, size_t *len, struct perr *e);
/* file_read_stream - the same for a file the caller opened (and so
 * reported itself when it would not open); f is closed. */
int file_read_stream(FILE *f, const char *path, size_t max, char **buf, size_t *len,
		     struct perr *e);

#endif
