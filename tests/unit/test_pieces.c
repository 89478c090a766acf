/* test_pieces.c - the platform's zip export of pièces jointes, written at
 * test time by python's zipfile in the platform's tree: files stored in
 * their dossiers, import rows filled, unknown dossiers reported, a second
 * import changes nothing; every hostile archive is refused with the
 * database unchanged and nothing written outside it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixture.h"
#include "io/pieces.h"
#include "procedure/procedure.h"
#include "store/open.h"

/* Writes the archive named by argv[1] to argv[2]. */
static const char zips_py[] =
	"import sys, zipfile, zlib\n"
	"case, out = sys.argv[1], sys.argv[2]\n"
	"def pdf(t): return ('%PDF-1.4\\n' + t + '\\n%%EOF\\n').encode()\n"
	"z = zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED)\n"
	"if case == 'good':\n"
	"    z.writestr('dossier-7001/', b'')\n"
	"    z.writestr('dossier-7001/export-7001-12-03-2025-10-31-1.pdf', pdf('summary'))\n"
	"    z.writestr('dossier-7001/pieces_justificatives/statuts-12-03-2025-10-31-4567.pdf', pdf('statuts'))\n"
	"    z.writestr('dossier-7001/pieces_justificatives/Lettre soutien-13-03-2025-09-05-7.pdf', pdf('lettre'))\n"
	"    z.writestr('dossier-7001/pieces_justificatives/rib-14-03-2025-08-00-12.txt', 'RIB\\n')\n"
	"    z.writestr('dossier-7001/avis/avis-20-03-2025-11-00-3.pdf', pdf('avis'))\n"
	"    z.writestr('export/dossier-7002/Statuts-7002-01.pdf', pdf('statuts'))\n"
	"    z.writestr('dossier-9999/pieces_justificatives/x-12-03-2025-10-31-1.pdf', pdf('x'))\n"
	"    z.writestr('readme.txt', 'hello')\n"
	"elif case == 'dotdot':\n"
	"    z.writestr('dossier-7001/ok-12-03-2025-10-31-1.pdf', pdf('ok'))\n"
	"    z.writestr('dossier-7001/../../evil.txt', 'x')\n"
	"elif case == 'absolute':\n"
	"    zi = zipfile.ZipInfo('dossier-7001/x.txt'); zi.filename = '/tmp/evil.txt'\n"
	"    z.writestr(zi, 'x')\n"
	"elif case == 'backslash':\n"
	"    zi = zipfile.ZipInfo('x'); zi.filename = 'dossier-7001\\\\..\\\\evil.txt'\n"
	"    z.writestr(zi, 'x')\n"
	"elif case == 'control':\n"
	"    z.writestr('dossier-7001/a\\x1b[31m.txt', 'x')\n"
	"elif case == 'duplicate':\n"
	"    import warnings; warnings.simplefilter('ignore')\n"
	"    z.writestr('dossier-7001/a.txt', 'one')\n"
	"    z.writestr('dossier-7001/a.txt', 'two')\n"
	"elif case == 'bomb':\n"
	"    z.writestr('dossier-7001/ok.txt', 'ok')\n"
	"    z.writestr('dossier-7001/bomb.txt', bytes(48 * 1024 * 1024))\n"
	"elif case == 'big':\n"
	"    z.writestr('dossier-7001/big.bin', bytes(65 * 1024 * 1024))\n"
	"elif case == 'huge':\n"
	"    z.writestr('dossier-7001/huge.bin', b'small')\n"
	"    z.close()\n"
	"    b = bytearray(open(out, 'rb').read())\n"
	"    # declare 2 GB in the local header and the central directory\n"
	"    for sig, off in ((b'PK\\x03\\x04', 22), (b'PK\\x01\\x02', 24)):\n"
	"        i = b.find(sig)\n"
	"        b[i + off:i + off + 4] = (2 ** 31).to_bytes(4, 'little')\n"
	"    open(out, 'wb').write(b)\n"
	"    sys.exit(0)\n"
	"elif case == 'many':\n"
	"    z.close()\n"
	"    z = zipfile.ZipFile(out, 'w', zipfile.ZIP_STORED)\n"
	"    for i in range(int(sys.argv[3])):\n"
	"        z.writestr('dossier-7001/f%d.txt' % i, '')\n"
	"elif case == 'notzip':\n"
	"    z.close(); open(out, 'wb').write(b'not a zip at all'); sys.exit(0)\n"
	"z.close()\n";

struct fx {
	char dir[64];
	struct store *s;
	struct actor admin;
};

static int setup(void **state)
{
	struct fx *f = xcalloc(1, sizeof *f);
	struct perr e = {0};
	snprintf(f->dir, sizeof f->dir, "/tmp/ptce-test-pieces-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	char *path = xasprintf("%s/t.db", f->dir);
	must(procedure_open(path, STORE_CREATE, &f->s, &e), &e);
	free(path);
	must(store_exec(f->s,
			"INSERT INTO reviewers(login, display_name, created_at) VALUES ('adm', 'Adm', 'x');"
			"INSERT INTO reviewer_roles VALUES ('adm', 'admin');"
			"INSERT INTO dossiers(ds_number, state_since, lead_name, ptce_name, created_at, updated_at)"
			" VALUES ('7001', 'x', 'L1', 'P1', 'x', 'x'), ('7002', 'x', 'L2', 'P2', 'x', 'x');"
			"INSERT INTO history(dossier_id, at, actor, real_actor, kind, to_state)"
			" VALUES (1, 'x', 'adm', 'adm', 'create', 'submitted'), (2, 'x', 'adm', 'adm', 'create', 'submitted');"
			"INSERT INTO documents(dossier_id, kind, title, received_on) VALUES"
			" (1, 'statuts', 'statuts.pdf', NULL), (1, 'lettre', 'Lettre soutien.pdf', NULL);",
			&e), &e);
	memset(&f->admin, 0, sizeof f->admin);
	strcpy(f->admin.login, "adm");
	strcpy(f->admin.real_login, "adm");
	f->admin.roles = ROLE_ADMIN;
	path = xasprintf("%s/zips.py", f->dir);
	FILE *py = fopen(path, "w");
	assert_non_null(py);
	fputs(zips_py, py);
	fclose(py);
	free(path);
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

/* The archive of case c (with an argument for 'many'): its fresh path. */
static char *make_zip(struct fx *f, const char *c, const char *arg)
{
	char *out = xasprintf("%s/%s.zip", f->dir, c);
	char *cmd = xasprintf("/usr/bin/python3 '%s/zips.py' %s '%s' %s", f->dir, c, out, arg ? arg : "");
	if (system(cmd) != 0)
		fail_msg("could not write the archive: %s", cmd);
	free(cmd);
	return out;
}

/* pieces_import in a transaction, as the importer runs it: committed on
 * success, rolled back on a refusal. */
static int run(struct fx *f, const char *zip, struct pieces_report *r, struct import_errors *errs,
	       struct perr *e)
{
	must(store_begin(f->s, e), e);
	int rc = pieces_import(f->s, zip, &f->admin, r, errs, e);
	if (rc == 0)
		must(store_commit(f->s, e), e);
	else
		store_rollback(f->s);
	return rc;
}

static void test_entry_dossier(void **state)
{
	(void)state;
	char num[32];
	const char *rest;
	assert_true(pieces_entry_dossier("dossier-123/a/b.pdf", num, sizeof num, &rest));
	assert_string_equal(num, "123");
	assert_string_equal(rest, "a/b.pdf");
	assert_true(pieces_entry_dossier("export/dossier-9/x.pdf", num, sizeof num, &rest));
	assert_string_equal(num, "9");
	assert_false(pieces_entry_dossier("dossier-123/", num, sizeof num, &rest));
	assert_false(pieces_entry_dossier("dossier-/x", num, sizeof num, &rest));
	assert_false(pieces_entry_dossier("dossier-12a/x", num, sizeof num, &rest));
	assert_false(pieces_entry_dossier("other/dossier-1/x", num, sizeof num, &rest));
	assert_false(pieces_entry_dossier("readme.txt", num, sizeof num, &rest));
}

static void test_good_archive(void **state)
{
	struct fx *f = *state;
	char *zip = make_zip(f, "good", NULL);
	struct pieces_report r;
	struct import_errors errs = {0};
	struct perr e = {0};
	must(run(f, zip, &r, &errs, &e), &e);
	assert_int_equal(errs.n, 0);
	assert_int_equal(r.filled, 2);
	assert_int_equal(r.added, 4);
	assert_int_equal(r.already, 0);
	assert_int_equal(r.dossiers, 2);
	assert_int_equal(r.n_unknown, 1);
	assert_string_equal(r.unknown[0], "9999");
	assert_int_equal(r.n_outside, 1);
	assert_string_equal(r.outside[0], "readme.txt");
	/* The import's rows got their content, folder, file name and date. */
	assert_int_equal(sql_int(f->s, "SELECT count(*) FROM documents WHERE id = 1 AND kind = 'statuts'"
				 " AND folder = 'pieces_justificatives' AND received_on = '2025-03-12'"
				 " AND file_name = 'statuts-12-03-2025-10-31-4567.pdf' AND mime = 'application/pdf'"), 1);
	assert_int_equal(sql_int(f->s, "SELECT count(*) FROM documents WHERE id = 2 AND sha256 IS NOT NULL"
				 " AND received_on = '2025-03-13'"), 1);
	assert_int_equal(sql_int(f->s, "SELECT count(*) FROM documents WHERE dossier_id = 1 AND kind = 'autre'"
				 " AND folder IS NULL AND title = 'export-7001.pdf'"), 1);
	assert_int_equal(sql_int(f->s, "SELECT count(*) FROM documents WHERE folder = 'avis'"), 1);
	assert_int_equal(sql_int(f->s, "SELECT count(*) FROM documents WHERE dossier_id = 2"
				 " AND file_name = 'Statuts-7002-01.pdf'"), 1);
	/* The same statuts in both dossiers: one blob. */
	assert_int_equal(sql_int(f->s, "SELECT count(*) FROM document_blobs"), 5);
	assert_int_equal(sql_int(f->s, "SELECT count(*) FROM history WHERE kind = 'document'"
				 " AND detail = 'count=5' || char(10) || 'archive=good.zip'"), 1);
	pieces_report_done(&r);
	/* Again: nothing changes. */
	must(run(f, zip, &r, &errs, &e), &e);
	assert_int_equal(r.already, 6);
	assert_int_equal(r.added + r.filled + r.dossiers, 0);
	assert_int_equal(sql_int(f->s, "SELECT count(*) FROM documents"), 6);
	assert_int_equal(sql_int(f->s, "SELECT count(*) FROM history WHERE kind = 'document'"), 2);
	pieces_report_done(&r);
	import_errors_done(&errs);
	free(zip);
}

/* The database's pièces and history, to compare before and after. */
static long long fingerprint(struct fx *f)
{
	return sql_int(f->s, "SELECT (SELECT count(*) FROM documents WHERE sha256 IS NOT NULL) * 1000000"
		       " + (SELECT count(*) FROM document_blobs) * 1000 + (SELECT count(*) FROM history)");
}

/* Only the test's own files in its folder: nothing was extracted. */
static void nothing_written(struct fx *f)
{
	DIR *d = opendir(f->dir);
	assert_non_null(d);
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		const char *n = de->d_name;
		size_t l = strlen(n);
		int ours = n[0] == '.' || strcmp(n, "zips.py") == 0 || strncmp(n, "t.db", 4) == 0 ||
			   (l > 4 && strcmp(n + l - 4, ".zip") == 0);
		if (!ours)
			fail_msg("an archive wrote %s/%s", f->dir, n);
	}
	closedir(d);
	assert_int_equal(access("/tmp/evil.txt", F_OK), -1);
}

static void refused(struct fx *f, const char *c, const char *arg, const char *says)
{
	char *zip = make_zip(f, c, arg);
	long long before = fingerprint(f);
	struct pieces_report r;
	struct import_errors errs = {0};
	struct perr e = {0};
	char *cwd = getcwd(NULL, 0);
	assert_int_equal(chdir(f->dir), 0);
	int rc = run(f, zip, &r, &errs, &e);
	assert_int_equal(chdir(cwd), 0);
	free(cwd);
	if (rc == 0)
		fail_msg("archive '%s' was accepted", c);
	assert_int_equal(e.status, P_INVALID);
	/* The message names the archive, and what is wrong. */
	char *all = xstrdup(e.msg);
	for (size_t i = 0; i < errs.n; i++)
		xappendf(&all, "\n%s", errs.msgs[i]);
	if (!strstr(all, zip) || !strstr(all, says))
		fail_msg("archive '%s': expected '%s' and the archive's name in: %s", c, says, all);
	if (getenv("PIECES_SHOW"))
		fprintf(stderr, "%s: %s\n", c, all);
	free(all);
	assert_int_equal(fingerprint(f), before);
	nothing_written(f);
	pieces_report_done(&r);
	import_errors_done(&errs);
	free(zip);
}

static void test_hostile_names(void **state)
{
	struct fx *f = *state;
	refused(f, "dotdot", NULL, "dossier-7001/../../evil.txt");
	refused(f, "absolute", NULL, "/tmp/evil.txt");
	refused(f, "backslash", NULL, "not a plain relative path");
	refused(f, "control", NULL, "not a plain relative path");
	refused(f, "duplicate", NULL, "dossier-7001/a.txt");
	refused(f, "notzip", NULL, "");
}

static void test_hostile_sizes(void **state)
{
	struct fx *f = *state;
	refused(f, "big", NULL, "dossier-7001/big.bin");
	refused(f, "huge", NULL, "");
	refused(f, "bomb", NULL, "dossier-7001/bomb.txt");
	refused(f, "many", "50001", "50001");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_entry_dossier),
		cmocka_unit_test_setup_teardown(test_good_archive, setup, teardown),
		cmocka_unit_test_setup_teardown(test_hostile_names, setup, teardown),
		cmocka_unit_test_setup_teardown(test_hostile_sizes, setup, teardown),
	};
	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
