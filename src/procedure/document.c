/* document.c - storing the pièces jointes of dossiers in the database, once
 * by content, and reading them back for those who may see the dossier. */
#include <nettle/sha2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fmt.h"
#include "base/i18n.h"
#include "base/kv.h"
#include "base/text.h"
#include "procedure/access.h"
#include "procedure/document.h"
#include "procedure/history.h"
#include "procedure/permission.h"
#include "store/stmt.h"

static const char *const document_kinds[] = {
	"statuts", "sirene", "comptes", "charte", "lettre", "autre", NULL
};

int document_kind_valid(const char *kind)
{
	for (const char *const *k = document_kinds; kind && *k; k++)
		if (strcmp(*k, kind) == 0)
			return 1;
	return 0;
}

void document_sha256(const void *data, size_t len, char hex[static DOCUMENT_SHA_LEN])
{
	struct sha256_ctx ctx;
	uint8_t digest[SHA256_DIGEST_SIZE];
	sha256_init(&ctx);
	sha256_update(&ctx, len, data);
	sha256_digest(&ctx, sizeof digest, digest);
	for (size_t i = 0; i < sizeof digest; i++)
		snprintf(hex + 2 * i, 3, "%02x", digest[i]);
}

/* Bytes of one UTF-8 sequence starting at p (at most n left), 0 if invalid. */
static size_t utf8_seq(const unsigned char *p, size_t n)
{
	size_t k;
	unsigned min;
	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xC2 && p[0] <= 0xDF) {
		k = 2, min = 0x80;
	} else if (p[0] >= 0xE0 && p[0] <= 0xEF) {
		k = 3, min = 0x800;
	} else if (p[0] >= 0xF0 && p[0] <= 0xF4) {
		k = 4, min = 0x10000;
	} else {
		return 0;
	}
	if (k > n)
		return 0;
	unsigned cp = p[0] & (0x7F >> k);
	for (size_t i = 1; i < k; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		cp = cp << 6 | (p[i] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return k;
}

/* Plain text: valid UTF-8 without NUL, whose control bytes are tabs,
 * newlines, form feeds (pdftotext's page breaks) and escapes (a text may
 * carry terminal colours: they are cleaned when shown), with at most one
 * other control byte in a hundred. */
static int looks_text(const unsigned char *p, size_t n)
{
	size_t odd = 0;
	for (size_t i = 0; i < n;) {
		if (p[i] == 0)
			return 0;
		if ((p[i] < 0x20 && !strchr("\t\n\r\f\033", p[i])) || p[i] == 0x7F)
			odd++;
		size_t k = utf8_seq(p + i, n - i);
		if (!k)
			return 0;
		i += k;
	}
	return odd * 100 <= n;
}

static int has_bytes(const unsigned char *p, size_t n, const char *what)
{
	size_t w = strlen(what);
	return n >= w && memmem(p, n, what, w) != NULL;
}

/* An OpenDocument file begins with its stored "mimetype" entry; an Office
 * Open XML one names [Content_Types].xml and its part folder early on.
 * Read as bytes at the places the formats fix, not parsed as a zip. */
static const char *zip_mime(const unsigned char *p, size_t n)
{
	static char odf[128];
	if (n > 38 + 35 && memcmp(p + 30, "mimetype", 8) == 0 && p[26] == 8 && p[27] == 0 &&
	    p[28] == 0 && p[29] == 0 && memcmp(p + 38, "application/vnd.oasis.opendocument.", 35) == 0) {
		size_t len = (size_t)p[18] | (size_t)p[19] << 8;
		if (len < sizeof odf && 38 + len <= n && p[20] == 0 && p[21] == 0) {
			memcpy(odf, p + 38, len);
			odf[len] = '\0';
			if (looks_text((const unsigned char *)odf, len) && !strpbrk(odf, " \t\r\n\f"))
				return odf;
		}
	}
	size_t head = n < 65536 ? n : 65536;
	if (has_bytes(p, head, "[Content_Types].xml")) {
		if (has_bytes(p, head, "word/"))
			return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
		if (has_bytes(p, head, "xl/"))
			return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
		if (has_bytes(p, head, "ppt/"))
			return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
	}
	return "application/zip";
}

const char *document_mime(const void *data, size_t len)
{
	const unsigned char *p = data;
	if (len >= 5 && memcmp(p, "%PDF-", 5) == 0)
		return "application/pdf";
	if (len >= 8 && memcmp(p, "\x89PNG\r\n\x1a\n", 8) == 0)
		return "image/png";
	if (len >= 3 && memcmp(p, "\xFF\xD8\xFF", 3) == 0)
		return "image/jpeg";
	if (len >= 4 && memcmp(p, "PK\x03\x04", 4) == 0)
		return zip_mime(p, len);
	if (looks_text(p, len))
		return "text/plain; charset=utf-8";
	return "application/octet-stream";
}

const char *document_type_label(const char *mime)
{
	static const struct {
		const char *prefix, *label;
	} labels[] = {
		{"application/pdf", "pdf"}, {"text/plain", "text"}, {"image/png", "png"},
		{"image/jpeg", "jpeg"}, {"application/zip", "zip"},
		{"application/vnd.oasis.opendocument.text", "odt"},
		{"application/vnd.oasis.opendocument.spreadsheet", "ods"},
		{"application/vnd.oasis.opendocument.presentation", "odp"},
		{"application/vnd.oasis.opendocument.", "odf"},
		{"application/vnd.openxmlformats-officedocument.wordprocessingml", "docx"},
		{"application/vnd.openxmlformats-officedocument.spreadsheetml", "xlsx"},
		{"application/vnd.openxmlformats-officedocument.presentationml", "pptx"},
	};
	if (!mime)
		return "-";
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (strncmp(mime, labels[i].prefix, strlen(labels[i].prefix)) == 0)
			return labels[i].label;
	return "binary";
}

const char *document_type_word(const char *type)
{
	if (type && strcmp(type, "text") == 0)
		return _("text");
	if (type && strcmp(type, "binary") == 0)
		return _("binary");
	return type ? type : "-";
}

int document_is_text(const char *mime)
{
	return mime && strncmp(mime, "text/plain", 10) == 0;
}

char *document_clean_name(const char *name)
{
	const char *base = name ? name : "";
	for (const char *p = base; *p; p++)
		if (*p == '/' || *p == '\\')
			base = p + 1;
	char *clean = text_clean(base, 0);
	char *p = clean;
	while (*p == '.' || *p == ' ')
		p++;
	size_t n = strlen(p);
	while (n > 0 && p[n - 1] == ' ')
		n--;
	if (n > 200) {
		n = 200;
		while (n > 0 && ((unsigned char)p[n] & 0xC0) == 0x80)
			n--;
	}
	char *out = n ? xstrndup(p, n) : xstrdup("piece");
	free(clean);
	return out;
}

/* Digits of s going back from *end (exclusive), exactly n of them (n 0:
 * one to four); *end moves before them. */
static int back_digits(const char *s, size_t *end, size_t n)
{
	size_t k = 0;
	while (*end > 0 && k < (n ? n : 4) && s[*end - 1] >= '0' && s[*end - 1] <= '9') {
		(*end)--;
		k++;
	}
	return n ? k == n : k >= 1;
}

/* Where the platform's "-dd-mm-YYYY-HH-MM-n" suffix of name starts (*at)
 * and ends (*end, the extension's dot or the end): 1 when name has one. */
static int platform_suffix(const char *name, size_t *at, size_t *end)
{
	/* The extension is what follows the last dot (the platform keeps the
	 * original's extension after the timestamp). */
	const char *dot = strrchr(name, '.');
	*end = dot && dot != name ? (size_t)(dot - name) : strlen(name);
	static const size_t widths[] = {0, 2, 2, 4, 2, 2};	/* n, MM, HH, YYYY, mm, dd */
	*at = *end;
	for (size_t i = 0; i < sizeof widths / sizeof widths[0]; i++) {
		if (!back_digits(name, at, widths[i]) || *at == 0 || name[*at - 1] != '-')
			return 0;
		(*at)--;
	}
	return *at > 0;
}

char *document_platform_name(const char *name)
{
	size_t at, end;
	if (!platform_suffix(name, &at, &end))
		return xstrdup(name);
	return xasprintf("%.*s%s", (int)at, name, name + end);
}

int document_platform_date(const char *name, char date[static 11])
{
	size_t at, end;
	if (!platform_suffix(name, &at, &end))
		return 0;
	const char *p = name + at;	/* "-dd-mm-YYYY-..." */
	int dd = atoi(p + 1), mm = atoi(p + 4);
	if (dd < 1 || dd > 31 || mm < 1 || mm > 12)
		return 0;
	snprintf(date, 11, "%.4s-%.2s-%.2s", p + 7, p + 4, p + 1);
	return 1;
}

char *document_human_size(long long size, char *buf, size_t len)
{
	char num[48];
	if (size < 0)
		snprintf(buf, len, "-");
	else if (size < 1024)
		snprintf(buf, len, _("%lld B"), size);
	else if (size < 1024 * 1024)
		snprintf(buf, len, _("%s kB"), fmt_decimal(FMT_READER, (double)size / 1024, 1, num, sizeof num));
	else
		snprintf(buf, len, _("%s MB"), fmt_decimal(FMT_READER, (double)size / (1024 * 1024), 1, num, sizeof num));
	return buf;
}

/* The blob once by its hash: a second copy of the same bytes costs nothing. */
static int blob_store(struct store *s, const char *sha, const void *data, size_t len,
		      struct perr *e)
{
	sqlite3_stmt *st = store_prepare(s, "INSERT OR IGNORE INTO document_blobs(sha256, size, content)"
					 " VALUES (?1, ?2, ?3)", e);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, sha, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)len);
	sqlite3_bind_blob64(st, 3, len ? data : "", (sqlite3_uint64)len, SQLITE_STATIC);
	return stmt_exec(s, st, e, _("storing a pièce jointe"));
}

/* The row of dossier_id this file goes to: one that already holds it
 * (*outcome DOC_ALREADY), else one the import named with its original name
 * and still without content (DOC_FILLED), else 0 (DOC_ADDED); *kind gets
 * the kind of a row of that name (the import's), or NULL. */
static int find_row(struct store *s, long long dossier_id, const char *sha, const char *file_name,
		    const char *title, long long *row, char **kind, enum document_outcome *outcome,
		    struct perr *e)
{
	*row = 0;
	*kind = NULL;
	*outcome = DOC_ADDED;
	if (stmt_int(s, row, 0, e, _("reading the pièces"),
		     "SELECT id FROM documents WHERE dossier_id = ?1 AND sha256 = ?2"
		     " AND file_name IS ?3 ORDER BY id LIMIT 1", "Itt", dossier_id, sha, file_name) < 0)
		return -1;
	if (*row) {
		*outcome = DOC_ALREADY;
		return 0;
	}
	sqlite3_stmt *st = stmt_query(s, e, "SELECT id, kind, sha256 IS NULL FROM documents"
				      " WHERE dossier_id = ?1 AND title = ?2 COLLATE NOCASE"
				      " ORDER BY sha256 IS NULL DESC, title = ?2 DESC, id LIMIT 1",
				      "It", dossier_id, title);
	int rc = st ? stmt_next(s, &st, e, _("reading the pièces")) : -1;
	if (rc == 1) {
		int empty;
		long long found;
		stmt_columns(st, "Iti", &found, kind, &empty);
		if (empty) {
			*row = found;
			*outcome = DOC_FILLED;
		}
		stmt_done(&st);
	}
	return rc < 0 ? -1 : 0;
}

/* Write the row for the file: fill the import's row, or add one. */
static int row_write(struct store *s, long long dossier_id, const struct document_in *in,
		     const char *kind, const char *title, const char *file_name, const char *sha,
		     size_t len, const char *mime, long long *row, struct perr *e)
{
	char today[21];
	const char *received = in->received_on ? in->received_on : now_utc(today);
	if (*row)
		return stmt_run(s, e, _("saving a pièce jointe"),
				"UPDATE documents SET folder = ?2, file_name = ?3, size = ?4, mime = ?5,"
				" sha256 = ?6, received_on = coalesce(received_on, substr(?7, 1, 10))"
				" WHERE id = ?1", "InnIttt", *row, in->folder, file_name,
				(long long)len, mime, sha, received);
	if (stmt_run(s, e, _("saving a pièce jointe"),
		     "INSERT INTO documents(dossier_id, kind, title, received_on, folder, file_name,"
		     " size, mime, sha256) VALUES (?1, ?2, ?3, substr(?4, 1, 10), ?5, ?6, ?7, ?8, ?9)",
		     "IttttnItt", dossier_id, kind, title, received, in->folder, file_name,
		     (long long)len, mime, sha) < 0)
		return -1;
	*row = sqlite3_last_insert_rowid(s->db);
	return 0;
}

/* The 'document' history entry for a pièce attached by a person. */
static int attach_history(struct store *s, long long dossier_id, const struct document_in *in,
			  const char *file_name, size_t len, const char *mime, struct perr *e)
{
	char *detail = NULL;
	kv_add(&detail, "file", file_name);
	kv_addll(&detail, "bytes", (long long)len);
	kv_add(&detail, "type", document_type_label(mime));
	int rc = history_add(s, dossier_id, NULL, in->actor, in->real_actor, "document", NULL,
			     detail, e);
	free(detail);
	return rc;
}

int document_attach(struct store *s, long long dossier_id, const struct document_in *in,
		    const void *data, size_t len, long long *id, enum document_outcome *outcome,
		    struct perr *e)
{
	if ((long long)len > DOCUMENT_MAX_SIZE)
		return perr_set(e, P_INVALID, _("%s is %zu bytes; a pièce jointe may be at most %lld MB."),
				in->file_name, len, DOCUMENT_MAX_SIZE / (1024 * 1024));
	if (in->kind && !document_kind_valid(in->kind))
		return perr_set(e, P_INVALID, _("unknown kind of pièce '%s'; use statuts, sirene, comptes, "
						"charte, lettre or autre."), in->kind);
	char sha[DOCUMENT_SHA_LEN];
	document_sha256(data, len, sha);
	const char *mime = document_mime(data, len);
	char *file_name = document_clean_name(in->file_name);
	char *raw_title = document_platform_name(file_name);
	char *kind = NULL;
	long long row = 0;
	enum document_outcome out;
	int rc = find_row(s, dossier_id, sha, file_name, raw_title, &row, &kind, &out, e);
	if (rc == 0 && out != DOC_ALREADY)
		rc = blob_store(s, sha, data, len, e);
	if (rc == 0 && out != DOC_ALREADY) {
		const char *k = in->kind ? in->kind : kind ? kind : "autre";
		rc = row_write(s, dossier_id, in, k, raw_title, file_name, sha, len, mime, &row, e);
	}
	if (rc == 0 && out != DOC_ALREADY && in->actor)
		rc = attach_history(s, dossier_id, in, file_name, len, mime, e);
	if (rc == 0 && id)
		*id = row;
	if (rc == 0 && outcome)
		*outcome = out;
	free(kind);
	free(raw_title);
	free(file_name);
	return rc;
}

int document_add(struct store *s, const struct actor *a, long long dossier_id, const char *kind,
		 const char *file_name, const void *data, size_t len, long long *id,
		 enum document_outcome *outcome, struct perr *e)
{
	char *ref = NULL;
	if (permission_attach(a, e) < 0)
		return -1;
	if (stmt_text(s, &ref, e, _("reading the dossier"),
		      "SELECT ds_number FROM dossiers WHERE id = ?", "I", dossier_id) < 0)
		return -1;
	int rc = ref ? access_require(s, a, dossier_id, ref, e)
		     : perr_set(e, P_NOTFOUND, _("no dossier with id %lld."), dossier_id);
	free(ref);
	if (rc < 0 || store_begin(s, e) < 0)
		return -1;
	struct document_in in = {.kind = kind ? kind : "autre", .file_name = file_name,
				 .actor = a->login, .real_actor = a->real_login};
	if (document_attach(s, dossier_id, &in, data, len, id, outcome, e) < 0) {
		store_rollback(s);
		return -1;
	}
	return store_commit(s, e);
}

/* Keep, update or add the row named like doc; its id into *id. */
static int sync_one(struct store *s, long long dossier_id, const struct document *doc,
		    const long long *taken, size_t n_taken, long long *id, int *changed, struct perr *e)
{
	/* Two pièces may share a name (document.pdf): the row of the same kind
	 * first; a row holding a file keeps the date the zip gave it. */
	sqlite3_stmt *st = stmt_query(s, e, "SELECT id, kind IS ?3 AND (received_on IS ?4 OR sha256 IS NOT NULL)"
				      " FROM documents WHERE dossier_id = ?1 AND title = ?2"
				      " ORDER BY kind IS ?3 DESC, id", "Ittn",
				      dossier_id, doc->title, doc->kind, doc->received_on);
	int rc, same = 0;
	*id = 0;
	if (!st)
		return -1;
	while ((rc = stmt_next(s, &st, e, _("reading the pièces"))) == 1) {
		long long cand = sqlite3_column_int64(st, 0);
		size_t k = 0;
		while (k < n_taken && taken[k] != cand)
			k++;
		if (k == n_taken) {
			*id = cand;
			same = sqlite3_column_int(st, 1);
			stmt_done(&st);
			rc = 0;
			break;
		}
	}
	if (rc < 0)
		return -1;
	if (*id && same)
		return 0;
	*changed = 1;
	if (*id)
		return stmt_run(s, e, _("saving a pièce jointe"), "UPDATE documents SET kind = ?2,"
				" received_on = CASE WHEN sha256 IS NULL THEN ?3 ELSE received_on END"
				" WHERE id = ?1", "Itn", *id, doc->kind, doc->received_on);
	if (stmt_run(s, e, _("saving a pièce jointe"), "INSERT INTO documents(dossier_id, kind, title,"
		     " received_on) VALUES (?1, ?2, ?3, ?4)", "Ittn", dossier_id, doc->kind, doc->title,
		     doc->received_on) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

int document_sync_named(struct store *s, long long dossier_id, const struct document *docs,
			size_t n, int *changed, struct perr *e)
{
	long long *taken = xcalloc(n ? n : 1, sizeof *taken);
	int ch = 0, rc = 0;
	for (size_t i = 0; rc == 0 && i < n; i++)
		rc = sync_one(s, dossier_id, &docs[i], taken, i, &taken[i], &ch, e);
	/* Empty rows no longer named go; rows holding a file stay. */
	char *keep = xstrdup("0");
	for (size_t i = 0; i < n; i++)
		xappendf(&keep, ", %lld", taken[i]);
	char *sql = xasprintf("DELETE FROM documents WHERE dossier_id = ?1 AND sha256 IS NULL"
			      " AND id NOT IN (%s)", keep);
	if (rc == 0)
		rc = stmt_run(s, e, _("saving a pièce jointe"), sql, "I", dossier_id);
	if (rc == 0 && sqlite3_changes(s->db) > 0)
		ch = 1;
	free(sql);
	free(keep);
	free(taken);
	if (changed)
		*changed = ch;
	return rc;
}

/* The dossier's number, once a may see it: *ref fresh. */
static int visible(struct store *s, const struct actor *a, long long dossier_id, char **ref,
		   struct perr *e)
{
	if (stmt_text(s, ref, e, _("reading the dossier"),
		      "SELECT ds_number FROM dossiers WHERE id = ?", "I", dossier_id) < 0)
		return -1;
	if (!*ref)
		return perr_set(e, P_NOTFOUND, _("no dossier with id %lld."), dossier_id);
	if (access_require(s, a, dossier_id, *ref, e) < 0) {
		free(*ref);
		*ref = NULL;
		return -1;
	}
	return 0;
}

#define DOCUMENT_COLUMNS "id, kind, title, folder, file_name, mime, sha256, received_on," \
			 " coalesce(size, -1)"

static void info_read(sqlite3_stmt *st, struct document_info *d)
{
	stmt_columns(st, "Ittnnnnn", &d->id, &d->kind, &d->title, &d->folder, &d->file_name,
		     &d->mime, &d->sha256, &d->received_on);
	d->size = d->sha256 ? sqlite3_column_int64(st, 8) : -1;
}

/* document_list's rows, gathered. */
struct info_rows {
	struct xarray a;
};

static int info_row(sqlite3_stmt *st, void *arg)
{
	struct info_rows *r = arg;
	struct document_info *d = xarray_add(&r->a);
	info_read(st, d);
	d->n = (int)r->a.n;
	return 0;
}

int document_list(struct store *s, const struct actor *a, long long dossier_id,
		  struct document_info **out, size_t *n, struct perr *e)
{
	char *ref = NULL;
	*out = NULL;
	*n = 0;
	if (visible(s, a, dossier_id, &ref, e) < 0)
		return -1;
	free(ref);
	struct info_rows r = {{NULL, 0, 0, sizeof(struct document_info)}};
	sqlite3_stmt *st = stmt_query(s, e, "SELECT " DOCUMENT_COLUMNS " FROM documents"
				      " WHERE dossier_id = ? ORDER BY id", "I", dossier_id);
	if (stmt_rows(s, st, e, _("reading the pièces"), info_row, &r) < 0) {
		document_list_free((struct document_info **)&r.a.v, r.a.n);
		return -1;
	}
	*out = r.a.v;
	*n = r.a.n;
	return 0;
}

void document_info_done(struct document_info *d)
{
	char *texts[] = {d->kind, d->title, d->folder, d->file_name, d->mime, d->sha256, d->received_on};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		free(texts[i]);
	memset(d, 0, sizeof *d);
}

void document_list_free(struct document_info **v, size_t n)
{
	for (size_t i = 0; *v && i < n; i++)
		document_info_done(&(*v)[i]);
	free(*v);
	*v = NULL;
}

/* Row n of the dossier (1-based) into meta. */
static int nth_row(struct store *s, long long dossier_id, const char *ref, int n,
		   struct document_info *meta, struct perr *e)
{
	sqlite3_stmt *st = n > 0 ? stmt_query(s, e, "SELECT " DOCUMENT_COLUMNS " FROM documents"
					      " WHERE dossier_id = ? ORDER BY id LIMIT 1 OFFSET ?",
					      "Ii", dossier_id, n - 1) : NULL;
	int rc = st ? stmt_next(s, &st, e, _("reading the pièces")) : 0;
	if (rc < 0)
		return -1;
	if (rc == 0)
		return perr_set(e, P_NOTFOUND, _("dossier %s has no pièce %d ('ptce doc list %s' lists them)."),
				ref, n, ref);
	info_read(st, meta);
	meta->n = n;
	stmt_done(&st);
	return 0;
}

/* The blob of sha into a fresh buffer, checked against its hash. */
static int blob_read(struct store *s, const char *sha, char **buf, size_t *len, struct perr *e)
{
	sqlite3_stmt *st = stmt_query(s, e, "SELECT content FROM document_blobs WHERE sha256 = ?", "t", sha);
	int rc = st ? stmt_next(s, &st, e, _("reading a pièce jointe")) : -1;
	if (rc <= 0)
		return rc < 0 ? -1 : perr_set(e, P_DB, _("the content of pièce %s is missing from the "
							 "database; restore a backup (ptce backup)."), sha);
	size_t n = (size_t)sqlite3_column_bytes(st, 0);
	*buf = xmalloc(n + 1);
	if (n)
		memcpy(*buf, sqlite3_column_blob(st, 0), n);
	(*buf)[n] = '\0';
	*len = n;
	stmt_done(&st);
	char check[DOCUMENT_SHA_LEN];
	document_sha256(*buf, n, check);
	if (strcmp(check, sha) != 0) {
		free(*buf);
		*buf = NULL;
		return perr_set(e, P_DB, _("the content of pièce %s is damaged in the database; restore "
					   "a backup (ptce backup)."), sha);
	}
	return 0;
}

int document_read(struct store *s, const struct actor *a, long long dossier_id, int n,
		  char **buf, size_t *len, struct document_info *meta, struct perr *e)
{
	char *ref = NULL;
	*buf = NULL;
	*len = 0;
	memset(meta, 0, sizeof *meta);
	if (visible(s, a, dossier_id, &ref, e) < 0)
		return -1;
	int rc = nth_row(s, dossier_id, ref, n, meta, e);
	if (rc == 0 && !meta->sha256)
		rc = perr_set(e, P_NOTFOUND, _("pièce %d of dossier %s (%s) was only named by the import: "
					       "its content has not been received; import the platform's "
					       "zip export (dossiers et pièces jointes) to bring it."),
			      n, ref, meta->title);
	if (rc == 0)
		rc = blob_read(s, meta->sha256, buf, len, e);
	if (rc < 0)
		document_info_done(meta);
	free(ref);
	return rc;
}
