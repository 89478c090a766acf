/* zipread.h - a zip archive opened read-only with libzip, with limits: the
 * xlsx and ods readers and the import of the pièces export read through it.
 * Names are raw bytes, never paths: check them with zipread_name_safe. */
#ifndef PTCE_ZIPREAD_H
#define PTCE_ZIPREAD_H

#include <stddef.h>

#include "base/err.h"

/* An archive holding more entries than this is refused when opened. */
#define ZIPREAD_MAX_ENTRIES 200000
/* An entry that inflates more than this many times its compressed size, once
 * past ZIPREAD_RATIO_FLOOR bytes, is a zip bomb and is refused. */
#define ZIPREAD_MAX_RATIO 200
#define ZIPREAD_RATIO_FLOOR (1024 * 1024)

struct zipread;
struct zipread_file;

/* zipread_open - open path read-only, checking the archive's consistency
 * (local headers against the central directory). A file that is not a zip
 * or is damaged, duplicate entry names (both named) and more than
 * ZIPREAD_MAX_ENTRIES entries are P_INVALID naming path; an unreadable file
 * is P_IO. */
int zipread_open(const char *path, struct zipread **z, struct perr *e);
/* zipread_close - close z (NULL is fine). */
void zipread_close(struct zipread *z);
/* zipread_path - the path z was opened from (for messages). */
const char *zipread_path(const struct zipread *z);
/* zipread_count - number of entries. */
size_t zipread_count(const struct zipread *z);
/* zipread_name - entry i's name as stored (raw bytes, NUL-terminated). */
const char *zipread_name(const struct zipread *z, size_t i);
/* zipread_size - entry i's uncompressed size as the archive declares it. */
long long zipread_size(const struct zipread *z, size_t i);
/* zipread_is_link - entry i is a symbolic link (Unix attributes): never a
 * file to read or store. */
int zipread_is_link(const struct zipread *z, size_t i);
/* zipread_find - index of the entry called exactly name, or -1. */
int zipread_find(const struct zipread *z, const char *name);
/* zipread_read - the whole of entry i in a fresh buffer with a NUL after its
 * *len bytes. Refused (P_INVALID naming archive and entry) when its declared
 * or actual size exceeds max, when it inflates like a zip bomb, when it is
 * encrypted or damaged (CRC, or a length other than the declared one). */
int zipread_read(struct zipread *z, size_t i, size_t max, char **buf, size_t *len,
		 struct perr *e);

/* zipread_fopen - a stream over entry i with the caps of zipread_read
 * (declared size checked now, actual size and ratio while reading). */
int zipread_fopen(struct zipread *z, size_t i, size_t max, struct zipread_file **f,
		  struct perr *e);
/* zipread_fread - up to n bytes into buf: the count, 0 at the end, -1 on an
 * error (kept for zipread_ferror). */
long zipread_fread(struct zipread_file *f, char *buf, size_t n);
/* zipread_ferror - the error that stopped f, or NULL. */
const struct perr *zipread_ferror(const struct zipread_file *f);
/* zipread_fclose - close f (NULL is fine). */
void zipread_fclose(struct zipread_file *f);
/* zipread_io_read - zipread_fread with libxml2's xmlInputReadCallback shape
 * (ctx is a struct zipread_file *): what sheet.c feeds libxml2's parser. */
int zipread_io_read(void *ctx, char *buf, int len);

/* zipread_name_safe - 1 when name can be used as a relative path: not
 * empty, no leading '/', no "." or ".." component, no empty component
 * (a trailing '/' of a folder aside), no backslash, no drive letter ("C:"),
 * no control byte, valid UTF-8. */
int zipread_name_safe(const char *name);

#endif
