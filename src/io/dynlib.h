/* dynlib.h - libzip and libxml2, loaded when a command first opens a zip,
 * xlsx or ods file rather than when ptce starts.
 *
 * Linked the usual way, the two libraries bring libicu, libstdc++ and
 * libcrypto with them, and the dynamic loader then spends about 17 ms of
 * every start (the interface's and each command's) relocating code that
 * only an import or a pièce ever runs. Here they are opened with dlopen(3)
 * by dynlib_load, under the names their packages install (the SONAMEs the
 * build found); their functions are reached through a table whose types
 * come from the libraries' own headers, so a call site reads, and is
 * checked, as a direct call would be.
 *
 * Include this header instead of <zip.h> and <libxml/parser.h>; call
 * dynlib_load before the first use (zipread_open does: every xlsx, ods and
 * zip path goes through it). */
#ifndef PTCE_IO_DYNLIB_H
#define PTCE_IO_DYNLIB_H

#include <libxml/parser.h>
#include <zip.h>

#include "base/err.h"

/* The functions used, by library. */
#define DYNLIB_ZIP_FUNCS(X) \
	X(zip_discard) X(zip_error_fini) X(zip_error_init_with_code) \
	X(zip_error_strerror) X(zip_fclose) X(zip_file_get_external_attributes) \
	X(zip_file_strerror) X(zip_fopen_index) X(zip_fread) X(zip_get_name) \
	X(zip_get_num_entries) X(zip_open) X(zip_stat_index) X(zip_stat_init) \
	X(zip_strerror)
#define DYNLIB_XML_FUNCS(X) \
	X(xmlCreatePushParserCtxt) X(xmlCtxtUseOptions) X(xmlFreeParserCtxt) \
	X(xmlInitParser) X(xmlParseChunk)

#define DYNLIB_FIELD(f) __typeof__(f) *p_##f;
struct dynlib {
	DYNLIB_ZIP_FUNCS(DYNLIB_FIELD)
	DYNLIB_XML_FUNCS(DYNLIB_FIELD)
	/* xmlFree is a variable (a pointer to the library's free function). */
	xmlFreeFunc *p_xmlFreeVar;
	int loaded;
};
#undef DYNLIB_FIELD

extern struct dynlib dynlib;

/* dynlib_load - open both libraries and find every function, once; later
 * calls return at once. -1 with e set (P_IO, naming the library, the
 * loader's reason and the Debian package to install) when one is missing. */
int dynlib_load(struct perr *e);

/* Past this point the names call through the table (not in dynlib.c). */
#ifndef DYNLIB_IMPL
#define zip_discard (*dynlib.p_zip_discard)
#define zip_error_fini (*dynlib.p_zip_error_fini)
#define zip_error_init_with_code (*dynlib.p_zip_error_init_with_code)
#define zip_error_strerror (*dynlib.p_zip_error_strerror)
#define zip_fclose (*dynlib.p_zip_fclose)
#define zip_file_get_external_attributes (*dynlib.p_zip_file_get_external_attributes)
#define zip_file_strerror (*dynlib.p_zip_file_strerror)
#define zip_fopen_index (*dynlib.p_zip_fopen_index)
#define zip_fread (*dynlib.p_zip_fread)
#define zip_get_name (*dynlib.p_zip_get_name)
#define zip_get_num_entries (*dynlib.p_zip_get_num_entries)
#define zip_open (*dynlib.p_zip_open)
#define zip_stat_index (*dynlib.p_zip_stat_index)
#define zip_stat_init (*dynlib.p_zip_stat_init)
#define zip_strerror (*dynlib.p_zip_strerror)
#define xmlCreatePushParserCtxt (*dynlib.p_xmlCreatePushParserCtxt)
#define xmlCtxtUseOptions (*dynlib.p_xmlCtxtUseOptions)
#define xmlFreeParserCtxt (*dynlib.p_xmlFreeParserCtxt)
#define xmlInitParser (*dynlib.p_xmlInitParser)
#define xmlParseChunk (*dynlib.p_xmlParseChunk)
#undef xmlFree
#define xmlFree (*dynlib.p_xmlFreeVar)
#endif

#endif
