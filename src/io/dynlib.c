/* dynlib.c - libzip and libxml2 opened on first use (see dynlib.h). */
#define DYNLIB_IMPL
#include <dlfcn.h>

#include "base/i18n.h"
#include "io/dynlib.h"

/* The names the libraries' packages install, as the build found them
 * (Makefile: the SONAME of the library pkg-config names). */
#ifndef PTCE_LIBZIP_SONAME
#define PTCE_LIBZIP_SONAME "libzip.so.4"
#endif
#ifndef PTCE_LIBXML2_SONAME
#define PTCE_LIBXML2_SONAME "libxml2.so.2"
#endif
/* The Debian packages that ship them (bookworm's names). */
#define LIBZIP_PACKAGE "libzip4"
#define LIBXML2_PACKAGE "libxml2"

struct dynlib dynlib;

static int missing(const char *lib, const char *package, const char *why, struct perr *e)
{
	return perr_set(e, P_IO, _("cannot load %s, which reads zip, xlsx and ods files (%s): "
				   "install the Debian package %s."), lib, why ? why : "?", package);
}

/* Open lib, keep it for the process's life. */
static void *open_lib(const char *lib, const char *package, struct perr *e)
{
	void *h = dlopen(lib, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
	if (!h)
		missing(lib, package, dlerror(), e);
	return h;
}

/* The address of name in h into *slot; -1 (e set) when the library has none. */
static int find(void *h, const char *lib, const char *package, const char *name, void *slot,
		struct perr *e)
{
	void *p = dlsym(h, name);
	if (!p)
		return missing(lib, package, dlerror(), e);
	*(void **)slot = p;
	return 0;
}

int dynlib_load(struct perr *e)
{
	if (dynlib.loaded)
		return 0;
	struct dynlib d = {0};
	void *zip = open_lib(PTCE_LIBZIP_SONAME, LIBZIP_PACKAGE, e);
	if (!zip)
		return -1;
	void *xml = open_lib(PTCE_LIBXML2_SONAME, LIBXML2_PACKAGE, e);
	if (!xml)
		return -1;
	int rc = 0;
#define FIND_ZIP(f) \
	if (rc == 0) \
		rc = find(zip, PTCE_LIBZIP_SONAME, LIBZIP_PACKAGE, #f, &d.p_##f, e);
#define FIND_XML(f) \
	if (rc == 0) \
		rc = find(xml, PTCE_LIBXML2_SONAME, LIBXML2_PACKAGE, #f, &d.p_##f, e);
	DYNLIB_ZIP_FUNCS(FIND_ZIP)
	DYNLIB_XML_FUNCS(FIND_XML)
#undef FIND_ZIP
#undef FIND_XML
	if (rc == 0)
		rc = find(xml, PTCE_LIBXML2_SONAME, LIBXML2_PACKAGE, "xmlFree", &d.p_xmlFreeVar, e);
	if (rc < 0)
		return -1;
	d.loaded = 1;
	dynlib = d;
	return 0;
}
