/* test_document.c - the stored pièces jointes: types told from their bytes,
 * the platform's file names, one blob per content, the import's rows
 * filled, visibility as for the dossier, reading back, text and saving. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fixture.h"
#include "io/document_file.h"
#include "procedure/document.h"
#include "procedure/procedure.h"
#include "store/open.h"

struct fx {
	char dir[64];
	struct store *s;
	struct actor coord, lect, expert, inst;
};

static void who(struct actor *a, const char *login, unsigned roles)
{
	memset(a, 0, sizeof *a);
	snprintf(a->login, sizeof a->login, "%s", login);
	snprintf(a->real_login, sizeof a->real_login, "%s", login);
	a->roles = roles;
}

static int setup(void **state)
{
	struct fx *f = xcalloc(1, sizeof *f);
	struct perr e = {0};
	snprintf(f->dir, sizeof f->dir, "/tmp/ptce-test-document-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	char *path = xasprintf("%s/t.db", f->dir);
	must(procedure_open(path, STORE_CREATE, &f->s, &e), &e);
	free(path);
	sql(f->s,
	    "INSERT INTO reviewers(login, display_name, created_at) VALUES"
	    " ('coord', 'Coord', 'x'), ('lect', 'Lect', 'x'), ('exp', 'Expert', 'x'), ('inst', 'Inst', 'x');"
	    "INSERT INTO reviewer_roles VALUES ('coord', 'coordinateur'), ('lect', 'lecteur'),"
	    " ('exp', 'expert'), ('inst', 'instructeur');"
	    "INSERT INTO dossiers(ds_number, state_since, lead_name, ptce_name, created_at, updated_at)"
	    " VALUES ('7001', 'x', 'Lead 1', 'PTCE Un', 'x', 'x'), ('7002', 'x', 'Lead 2', 'PTCE Deux', 'x', 'x');"
	    "INSERT INTO history(dossier_id, at, actor, real_actor, kind, to_state)"
	    " VALUES (1, 'x', 'coord', 'coord', 'create', 'submitted'), (2, 'x', 'coord', 'coord', 'create', 'submitted');"
	    "INSERT INTO assignments VALUES (1, 'exp', 'coord', 'x');"
	    "INSERT INTO documents(dossier_id, kind, title, received_on) VALUES"
	    " (1, 'statuts', 'statuts.pdf', '2025-03-12'), (1, 'lettre', 'Lettre soutien.pdf', NULL);");
	who(&f->coord, "coord", ROLE_COORDINATEUR);
	who(&f->lect, "lect", ROLE_LECTEUR);
	who(&f->expert, "exp", ROLE_EXPERT);
	who(&f->inst, "inst", ROLE_INSTRUCTEUR);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	store_close(&f->s);
	char *cmd = xasprintf("rm -rf '%s'", f->dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(f);
	return 0;
}

static void test_mime(void **state)
{
	(void)state;
	assert_string_equal(document_mime("%PDF-1.7\n", 9), "application/pdf");
	assert_string_equal(document_mime("\x89PNG\r\n\x1a\n....", 12), "image/png");
	assert_string_equal(document_mime("\xFF\xD8\xFF\xE0", 4), "image/jpeg");
	assert_string_equal(document_mime("Bonjour\nà tous\n", 16), "text/plain; charset=utf-8");
	assert_string_equal(document_mime("", 0), "text/plain; charset=utf-8");
	assert_string_equal(document_mime("a\0b", 3), "application/octet-stream");
	assert_string_equal(document_mime("caf\xE9", 4), "application/octet-stream");
	/* An ODF file: its first entry "mimetype", stored, names the type. */
	static const char odt_type[] = "application/vnd.oasis.opendocument.text";
	unsigned char odt[128] = "PK\x03\x04";
	odt[18] = sizeof odt_type - 1;
	odt[22] = sizeof odt_type - 1;
	odt[26] = 8;
	memcpy(odt + 30, "mimetype", 8);
	memcpy(odt + 38, odt_type, sizeof odt_type - 1);
	assert_string_equal(document_mime(odt, sizeof odt), odt_type);
	static const char docx[] = "PK\x03\x04................[Content_Types].xml....PK\x03\x04..word/document.xml";
	assert_string_equal(document_mime(docx, sizeof docx - 1),
			    "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
	assert_string_equal(document_mime("PK\x03\x04rest", 8), "application/zip");
	assert_string_equal(document_type_label("application/pdf"), "pdf");
	assert_string_equal(document_type_label(odt_type), "odt");
	assert_true(document_is_text("text/plain; charset=utf-8"));
	assert_false(document_is_text("application/pdf"));
}

static void test_names(void **state)
{
	(void)state;
	struct {
		const char *in, *platform;
	} cases[] = {
		{"statuts-12-03-2025-10-31-4567.pdf", "statuts.pdf"},
		{"Lettre soutien-01-02-2024-09-05-7.pdf", "Lettre soutien.pdf"},
		{"a-b-12-03-2025-10-31-0.tar", "a-b.tar"},
		{"noext-12-03-2025-10-31-12", "noext"},
		{"statuts.pdf", "statuts.pdf"},
		{"x-1-03-2025-10-31-4.pdf", "x-1-03-2025-10-31-4.pdf"},	/* day on one digit */
		{"x-12-03-2025-10-31-12345.pdf", "x-12-03-2025-10-31-12345.pdf"},	/* n over 9999 */
		{"-12-03-2025-10-31-4.pdf", "-12-03-2025-10-31-4.pdf"},	/* no base */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *p = document_platform_name(cases[i].in);
		assert_string_equal(p, cases[i].platform);
		free(p);
	}
	struct {
		const char *in, *clean;
	} names[] = {
		{"../../etc/passwd", "passwd"}, {"a\\b\\c.pdf", "c.pdf"}, {"..", "piece"},
		{".hidden", "hidden"}, {"r\033[31mouge.txt", "rouge.txt"}, {"", "piece"},
		{"dossier-1/pieces_justificatives/x.pdf", "x.pdf"},
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		char *c = document_clean_name(names[i].in);
		assert_string_equal(c, names[i].clean);
		free(c);
	}
	char longname[600];
	memset(longname, 0, sizeof longname);
	for (int i = 0; i < 150; i++)
		strcat(longname, "é");	/* 300 bytes */
	char *c = document_clean_name(longname);
	assert_true(strlen(c) <= 200);
	assert_int_equal(strlen(c) % 2, 0);	/* never half a character */
	free(c);
}

static void test_sha(void **state)
{
	(void)state;
	char hex[DOCUMENT_SHA_LEN];
	document_sha256("abc", 3, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	document_sha256("", 0, hex);
	assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

static void attach(struct fx *f, long long dossier, const char *name, const char *data,
		   enum document_outcome want, long long *id)
{
	struct perr e = {0};
	struct document_in in = {.folder = "pieces_justificatives", .file_name = name,
				 .received_on = "2025-03-20"};
	enum document_outcome out;
	must(store_begin(f->s, &e), &e);
	must(document_attach(f->s, dossier, &in, data, strlen(data), id, &out, &e), &e);
	must(store_commit(f->s, &e), &e);
	assert_int_equal(out, want);
}

static void test_attach_fills_and_dedups(void **state)
{
	struct fx *f = *state;
	long long id;
	attach(f, 1, "statuts-12-03-2025-10-31-4567.pdf", "%PDF-1.4 statuts", DOC_FILLED, &id);
	assert_int_equal(id, 1);
	assert_int_equal(sql_int(f->s, "SELECT count(*) FROM documents WHERE sha256 IS NOT NULL"
				 " AND kind = 'statuts' AND folder = 'pieces_justificatives'"
				 " AND received_on = '2025-03-12' AND mime = 'application/pdf'"), 1);
	attach(f, 1, "statuts-12-03-2025-10-31-4567.pdf", "%PDF-1.4 statuts", DOC_ALREADY, &id);
	assert_int_equal(id, 1);
	/* A second version of the same file: a new row, of the import's kind. */
	attach(f, 1, "statuts-13-03-2025-08-00-12.pdf", "%PDF-1.4 statuts v2", DOC_ADDED, &id);
	assert_int_equal(sql_int(f->s, "SELECT count(*) FROM documents WHERE dossier_id = 1 AND kind = 'statuts'"), 2);
	/* Case differs from the cell: still the import's row. */
	attach(f, 1, "lettre SOUTIEN-12-03-2025-10-31-1.pdf", "%PDF-1.4 lettre", DOC_FILLED, &id);
	assert_int_equal(id, 2);
	/* A file no cell named: autre. The same bytes elsewhere: one blob. */
	attach(f, 1, "rib-12-03-2025-10-31-2.pdf", "%PDF-1.4 statuts", DOC_ADDED, &id);
	attach(f, 2, "statuts-12-03-2025-10-31-4567.pdf", "%PDF-1.4 statuts", DOC_ADDED, &id);
	assert_int_equal(sql_int(f->s, "SELECT count(*) FROM documents WHERE kind = 'autre'"), 2);
	assert_int_equal(sql_int(f->s, "SELECT count(*) FROM document_blobs"), 3);
	assert_int_equal(sql_int(f->s, "SELECT count(*) FROM history WHERE kind = 'document'"), 0);
}

static void test_add_permission_and_history(void **state)
{
	struct fx *f = *state;
	struct perr e = {0};
	long long id;
	enum document_outcome out;
	assert_int_equal(document_add(f->s, &f->inst, 1, NULL, "x.txt", "hi", 2, &id, &out, &e), -1);
	assert_int_equal(e.status, P_REFUSED);
	assert_int_equal(document_add(f->s, &f->coord, 1, "facture", "x.txt", "hi", 2, &id, &out, &e), -1);
	assert_int_equal(e.status, P_INVALID);
	must(document_add(f->s, &f->coord, 1, NULL, "/home/x/../notes.txt", "hi", 2, &id, &out, &e), &e);
	assert_int_equal(out, DOC_ADDED);
	assert_int_equal(sql_int(f->s, "SELECT count(*) FROM documents WHERE file_name = 'notes.txt'"
				 " AND kind = 'autre' AND size = 2 AND folder IS NULL"), 1);
	assert_int_equal(sql_int(f->s, "SELECT count(*) FROM history WHERE kind = 'document'"
				 " AND actor = 'coord' AND detail LIKE 'file=notes.txt' || char(10) || 'bytes=2%'"), 1);
	/* Nothing is left half-written after a refusal. */
	assert_int_equal(sql_int(f->s, "SELECT count(*) FROM document_blobs"), 1);
}

static void test_list_read_visibility(void **state)
{
	struct fx *f = *state;
	long long id;
	attach(f, 1, "statuts-12-03-2025-10-31-4567.pdf", "%PDF-1.4 statuts", DOC_FILLED, &id);
	attach(f, 2, "note-12-03-2025-10-31-1.txt", "Bonjour \033[2Jmonde\n", DOC_ADDED, &id);
	struct perr e = {0};
	struct document_info *v = NULL;
	size_t n = 0;
	must(document_list(f->s, &f->lect, 1, &v, &n, &e), &e);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].n, 1);
	assert_string_equal(v[0].kind, "statuts");
	assert_int_equal(v[0].size, 16);
	assert_non_null(v[0].sha256);
	assert_null(v[1].sha256);
	assert_int_equal(v[1].size, -1);
	document_list_free(&v, n);
	assert_null(v);
	/* The expert sees dossier 1 (assigned), not dossier 2. */
	must(document_list(f->s, &f->expert, 1, &v, &n, &e), &e);
	document_list_free(&v, n);
	assert_int_equal(document_list(f->s, &f->expert, 2, &v, &n, &e), -1);
	assert_int_equal(e.status, P_REFUSED);
	char *buf = NULL;
	size_t len;
	struct document_info meta;
	assert_int_equal(document_read(f->s, &f->expert, 2, 1, &buf, &len, &meta, &e), -1);
	assert_int_equal(e.status, P_REFUSED);
	assert_null(buf);
	must(document_read(f->s, &f->expert, 1, 1, &buf, &len, &meta, &e), &e);
	assert_int_equal(len, 16);
	assert_memory_equal(buf, "%PDF-1.4 statuts", 16);
	free(buf);
	document_info_done(&meta);
	/* Only named by the import: not found, saying how to bring it. */
	assert_int_equal(document_read(f->s, &f->lect, 1, 2, &buf, &len, &meta, &e), -1);
	assert_int_equal(e.status, P_NOTFOUND);
	assert_non_null(strstr(e.msg, "zip export"));
	assert_int_equal(document_read(f->s, &f->lect, 1, 3, &buf, &len, &meta, &e), -1);
	assert_int_equal(e.status, P_NOTFOUND);
	/* Plain text comes back cleaned of escape sequences. */
	must(document_read(f->s, &f->coord, 2, 1, &buf, &len, &meta, &e), &e);
	char *text = NULL;
	must(document_text(&meta, buf, len, &text, &e), &e);
	assert_string_equal(text, "Bonjour monde\n");
	free(text);
	free(buf);
	document_info_done(&meta);
	/* A damaged blob is reported, not returned. */
	sql(f->s, "UPDATE document_blobs SET content = CAST('%PDF-1.4 statutX' AS BLOB) WHERE size = 16");
	assert_int_equal(document_read(f->s, &f->coord, 1, 1, &buf, &len, &meta, &e), -1);
	assert_int_equal(e.status, P_DB);
}

static void test_text_and_save(void **state)
{
	struct fx *f = *state;
	struct perr e = {0};
	struct document_info meta = {.n = 3, .file_name = "x.bin", .mime = "application/octet-stream"};
	char *text = NULL;
	assert_int_equal(document_text(&meta, "\0\1", 2, &text, &e), -1);
	assert_int_equal(e.status, P_INVALID);
	assert_non_null(strstr(e.msg, "application/octet-stream"));
	assert_null(text);
	char *path = xasprintf("%s/out.txt", f->dir);
	must(document_save(path, "abc", 3, 0, &e), &e);
	struct stat sb;
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(sb.st_size, 3);
	assert_int_equal(document_save(path, "defg", 4, 0, &e), -1);
	assert_int_equal(e.status, P_REFUSED);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_size, 3);
	must(document_save(path, "defg", 4, 1, &e), &e);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_size, 4);
	free(path);
}

static void test_sync_named(void **state)
{
	struct fx *f = *state;
	long long id;
	struct perr e = {0};
	int changed = -1;
	attach(f, 1, "statuts-12-03-2025-10-31-4567.pdf", "%PDF-1.4 statuts", DOC_FILLED, &id);
	/* The same names again: nothing written. */
	struct document same[] = {{"statuts", "statuts.pdf", "2025-03-12"}, {"lettre", "Lettre soutien.pdf", NULL}};
	must(store_begin(f->s, &e), &e);
	must(document_sync_named(f->s, 1, same, 2, &changed, &e), &e);
	assert_int_equal(changed, 0);
	/* The cell now names only a new file: the empty row goes, the stored
	 * statuts stays (with the new kind), the new name comes. */
	struct document next[] = {{"comptes", "statuts.pdf", "2025-03-12"}, {"charte", "charte.pdf", NULL}};
	must(document_sync_named(f->s, 1, next, 2, &changed, &e), &e);
	must(store_commit(f->s, &e), &e);
	assert_int_equal(changed, 1);
	assert_int_equal(sql_int(f->s, "SELECT count(*) FROM documents WHERE dossier_id = 1"), 2);
	assert_int_equal(sql_int(f->s, "SELECT count(*) FROM documents WHERE id = 1 AND kind = 'comptes'"
				 " AND sha256 IS NOT NULL"), 1);
	assert_int_equal(sql_int(f->s, "SELECT count(*) FROM documents WHERE title = 'charte.pdf'"), 1);
	/* Named by nobody, a stored file is never removed. */
	must(store_begin(f->s, &e), &e);
	must(document_sync_named(f->s, 1, NULL, 0, &changed, &e), &e);
	must(store_commit(f->s, &e), &e);
	assert_int_equal(sql_int(f->s, "SELECT count(*) FROM documents WHERE dossier_id = 1"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mime),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_sha),
		cmocka_unit_test_setup_teardown(test_attach_fills_and_dedups, setup, teardown),
		cmocka_unit_test_setup_teardown(test_add_permission_and_history, setup, teardown),
		cmocka_unit_test_setup_teardown(test_list_read_visibility, setup, teardown),
		cmocka_unit_test_setup_teardown(test_text_and_save, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sync_named, setup, teardown),
	};
	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
