/* zipread.c - read-only zip archives through libzip, with caps on entry
 * count, entry size and inflation ratio (see zipread.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "io/dynlib.h"
#include "io/zipread.h"

struct zipread_entry {
	char *name;
	long long size;		/* declared uncompressed size */
	long long comp;		/* declared compressed size */
	int encrypted;
};

struct zipread {
	zip_t *za;
	char *path;
	struct zipread_entry *ent;
	size_t n;
	size_t *sorted;		/* entry indexes sorted by name, for zipread_find */
};

struct zipread_file {
	struct zipread *z;
	size_t i;
	zip_file_t *zf;
	size_t max;
	unsigned long long got;
	int failed;
	struct perr err;
};

static const struct zipread *sort_z;

static int by_name(const void *a, const void *b)
{
	const struct zipread_entry *e = sort_z->ent;
	return strcmp(e[*(const size_t *)a].name, e[*(const size_t *)b].name);
}

/* Index entries by name; two entries with one name are reported (libzip
 * refuses them under ZIP_CHECKCONS without saying which). */
static int index_names(struct zipread *z, struct perr *e)
{
	z->sorted = xcalloc(z->n ? z->n : 1, sizeof *z->sorted);
	for (size_t i = 0; i < z->n; i++)
		z->sorted[i] = i;
	sort_z = z;
	qsort(z->sorted, z->n, sizeof *z->sorted, by_name);
	sort_z = NULL;
	for (size_t k = 1; k < z->n; k++)
		if (strcmp(z->ent[z->sorted[k]].name, z->ent[z->sorted[k - 1]].name) == 0)
			return perr_set(e, P_INVALID,
					_("%s: the archive holds two entries named \"%s\"; refused "
					  "(an archive written by a program never does this)"),
					z->path, z->ent[z->sorted[k]].name);
	return 0;
}

static int load_entries(struct zipread *z, struct perr *e)
{
	zip_int64_t n = zip_get_num_entries(z->za, 0);
	if (n < 0)
		n = 0;
	if (n > ZIPREAD_MAX_ENTRIES)
		return perr_set(e, P_INVALID,
				_("%s: the archive holds %lld entries, more than the %d allowed; refused"),
				z->path, (long long)n, ZIPREAD_MAX_ENTRIES);
	z->n = (size_t)n;
	z->ent = xcalloc(z->n ? z->n : 1, sizeof *z->ent);
	for (size_t i = 0; i < z->n; i++) {
		zip_stat_t st;
		zip_stat_init(&st);
		const char *name = zip_get_name(z->za, i, ZIP_FL_ENC_RAW);
		if (!name || zip_stat_index(z->za, i, ZIP_FL_ENC_RAW, &st) < 0)
			return perr_set(e, P_INVALID, _("%s: the archive is damaged (entry %zu: %s)"),
					z->path, i + 1, zip_strerror(z->za));
		z->ent[i].name = xstrdup(name);
		z->ent[i].size = (st.valid & ZIP_STAT_SIZE) ? (long long)st.size : -1;
		z->ent[i].comp = (st.valid & ZIP_STAT_COMP_SIZE) ? (long long)st.comp_size : -1;
		z->ent[i].encrypted = (st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
				      st.encryption_method != ZIP_EM_NONE;
	}
	return index_names(z, e);
}

/* Why libzip would not open path, in words for a person. */
static int open_error(const char *path, int code, struct perr *e)
{
	zip_error_t ze;
	zip_error_init_with_code(&ze, code);
	if (code == ZIP_ER_OPEN || code == ZIP_ER_READ || code == ZIP_ER_NOENT)
		perr_set(e, P_IO, _("%s: cannot open: %s"), path, zip_error_strerror(&ze));
	else
		perr_set(e, P_INVALID, _("%s: not a readable zip archive (%s); refused"), path,
			 zip_error_strerror(&ze));
	zip_error_fini(&ze);
	return -1;
}

int zipread_open(const char *path, struct zipread **zp, struct perr *e)
{
	*zp = NULL;
	if (dynlib_load(e) < 0)
		return -1;
	int code = 0;
	zip_t *za = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &code);
	int dup = !za && code == ZIP_ER_EXISTS;
	if (dup)	/* open it again only to name the duplicate */
		za = zip_open(path, ZIP_RDONLY, &code);
	if (!za)
		return open_error(path, code, e);
	struct zipread *z = xcalloc(1, sizeof *z);
	z->za = za;
	z->path = xstrdup(path);
	if (load_entries(z, e) < 0 || (dup && perr_set(e, P_INVALID,
			_("%s: the archive holds two entries with the same name; refused"), path) < 0)) {
		zipread_close(z);
		return -1;
	}
	*zp = z;
	return 0;
}

void zipread_close(struct zipread *z)
{
	if (!z)
		return;
	if (z->za)
		zip_discard(z->za);
	for (size_t i = 0; i < z->n; i++)
		free(z->ent[i].name);
	free(z->ent);
	free(z->sorted);
	free(z->path);
	free(z);
}

const char *zipread_path(const struct zipread *z)
{
	return z->path;
}

size_t zipread_count(const struct zipread *z)
{
	return z->n;
}

const char *zipread_name(const struct zipread *z, size_t i)
{
	return i < z->n ? z->ent[i].name : NULL;
}

long long zipread_size(const struct zipread *z, size_t i)
{
	return i < z->n ? z->ent[i].size : -1;
}

int zipread_is_link(const struct zipread *z, size_t i)
{
	zip_uint8_t os;
	zip_uint32_t attr;
	if (i >= z->n || zip_file_get_external_attributes(z->za, (zip_uint64_t)i, 0, &os, &attr) < 0)
		return 0;
	/* Unix mode bits sit in the high half of the attributes. */
	return os == ZIP_OPSYS_UNIX && ((attr >> 16) & 0170000) == 0120000;
}

int zipread_find(const struct zipread *z, const char *name)
{
	size_t lo = 0, hi = z->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(z->ent[z->sorted[mid]].name, name);
		if (c == 0)
			return (int)z->sorted[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static int too_big(const struct zipread *z, size_t i, size_t max, struct perr *e)
{
	return perr_set(e, P_INVALID,
			_("%s: entry \"%s\" is larger than %zu bytes once uncompressed; refused"),
			z->path, z->ent[i].name, max);
}

int zipread_fopen(struct zipread *z, size_t i, size_t max, struct zipread_file **fp,
		  struct perr *e)
{
	*fp = NULL;
	if (i >= z->n)
		return perr_set(e, P_INTERNAL, "zipread_fopen: no entry %zu", i);
	if (z->ent[i].encrypted)
		return perr_set(e, P_INVALID, _("%s: entry \"%s\" is encrypted; refused"),
				z->path, z->ent[i].name);
	if (z->ent[i].size < 0 || (unsigned long long)z->ent[i].size > max)
		return too_big(z, i, max, e);
	zip_file_t *zf = zip_fopen_index(z->za, i, 0);
	if (!zf)
		return perr_set(e, P_INVALID, _("%s: entry \"%s\" cannot be read: %s"),
				z->path, z->ent[i].name, zip_strerror(z->za));
	struct zipread_file *f = xcalloc(1, sizeof *f);
	f->z = z;
	f->i = i;
	f->zf = zf;
	f->max = max;
	*fp = f;
	return 0;
}

/* The caps, checked on what was actually inflated: a header can lie. */
static int check_caps(struct zipread_file *f)
{
	const struct zipread_entry *en = &f->z->ent[f->i];
	if (f->got > f->max)
		return too_big(f->z, f->i, f->max, &f->err);
	if (f->got > ZIPREAD_RATIO_FLOOR &&
	    f->got / ZIPREAD_MAX_RATIO > (unsigned long long)(en->comp > 0 ? en->comp : 1))
		return perr_set(&f->err, P_INVALID,
				_("%s: entry \"%s\" inflates more than %d times its compressed "
				  "size (a zip bomb); refused"), f->z->path, en->name, ZIPREAD_MAX_RATIO);
	return 0;
}

long zipread_fread(struct zipread_file *f, char *buf, size_t n)
{
	if (f->failed)
		return -1;
	zip_int64_t r = zip_fread(f->zf, buf, n);
	if (r < 0) {
		f->failed = 1;
		perr_set(&f->err, P_INVALID, _("%s: entry \"%s\" is damaged: %s"), f->z->path,
			 f->z->ent[f->i].name, zip_file_strerror(f->zf));
		return -1;
	}
	f->got += (unsigned long long)r;
	const struct zipread_entry *en = &f->z->ent[f->i];
	if (r == 0 && f->got != (unsigned long long)en->size) {
		/* libzip checks the CRC, not the length: a header that lies is damage. */
		f->failed = 1;
		perr_set(&f->err, P_INVALID, _("%s: entry \"%s\" declares %lld bytes but holds "
					       "%llu; the archive is damaged"),
			 f->z->path, en->name, en->size, f->got);
		return -1;
	}
	if (check_caps(f) < 0) {
		f->failed = 1;
		return -1;
	}
	return (long)r;
}

const struct perr *zipread_ferror(const struct zipread_file *f)
{
	return f->failed ? &f->err : NULL;
}

void zipread_fclose(struct zipread_file *f)
{
	if (!f)
		return;
	zip_fclose(f->zf);
	free(f);
}

int zipread_io_read(void *ctx, char *buf, int len)
{
	return len <= 0 ? 0 : (int)zipread_fread(ctx, buf, (size_t)len);
}

int zipread_read(struct zipread *z, size_t i, size_t max, char **buf, size_t *len,
		 struct perr *e)
{
	*buf = NULL;
	*len = 0;
	struct zipread_file *f;
	if (zipread_fopen(z, i, max, &f, e) < 0)
		return -1;
	/* Never trust the declared size for the allocation alone: grow as read. */
	size_t cap = (size_t)z->ent[i].size + 1, n = 0;
	if (cap > 1 << 20)
		cap = 1 << 20;
	char *b = xmalloc(cap);
	for (;;) {
		if (n + 1 >= cap)
			b = xrealloc(b, cap *= 2);
		long r = zipread_fread(f, b + n, cap - n - 1);
		if (r < 0) {
			*e = *zipread_ferror(f);
			zipread_fclose(f);
			free(b);
			return -1;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	zipread_fclose(f);
	b[n] = '\0';
	*buf = b;
	*len = n;
	return 0;
}

/* Length of the well-formed UTF-8 sequence at s, or 0. */
static size_t utf8_seq(const unsigned char *s)
{
	unsigned lo = 0x80, hi = 0xBF;
	size_t n;
	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		n = 2;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		n = 3;
		lo = s[0] == 0xE0 ? 0xA0 : 0x80;
		hi = s[0] == 0xED ? 0x9F : 0xBF;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		n = 4;
		lo = s[0] == 0xF0 ? 0x90 : 0x80;
		hi = s[0] == 0xF4 ? 0x8F : 0xBF;
	} else
		return 0;
	if (s[1] < lo || s[1] > hi)
		return 0;
	for (size_t k = 2; k < n; k++)
		if (s[k] < 0x80 || s[k] > 0xBF)
			return 0;
	return n;
}

int zipread_name_safe(const char *name)
{
	const unsigned char *s = (const unsigned char *)name;
	if (!*s || *s == '/')
		return 0;
	if (((s[0] | 0x20) >= 'a' && (s[0] | 0x20) <= 'z') && s[1] == ':')
		return 0;
	for (size_t i = 0; s[i];) {
		if (s[i] < 0x20 || s[i] == 0x7F || s[i] == '\\')
			return 0;
		size_t n = utf8_seq(s + i);
		if (!n)
			return 0;
		i += n;
	}
	/* Components: none empty (but a folder's trailing '/'), none "." or "..". */
	for (const char *c = name; *c;) {
		const char *end = strchr(c, '/');
		size_t len = end ? (size_t)(end - c) : strlen(c);
		if (len == 0 || (len == 1 && c[0] == '.') || (len == 2 && c[0] == '.' && c[1] == '.'))
			return 0;
		if (!end || !end[1])
			break;
		c = end + 1;
	}
	return 1;
}
