/* queue_terms.c - search words as the exact terms of the search index. */
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "store/stmt.h"
#include "workflow/queue_terms.h"

/* The FTS5 interface of the connection (NULL when FTS5 is missing). */
static fts5_api *fts5_of(sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	return api;
}

/* What the tokenizer gave: the first token and how many. */
struct folded {
	char *tok;
	int n;
};

static int on_token(void *ctx, int flags, const char *t, int nt, int start, int end)
{
	(void)start;
	(void)end;
	struct folded *f = ctx;
	if (flags & FTS5_TOKEN_COLOCATED)
		return SQLITE_OK;
	if (f->n++ == 0)
		f->tok = xstrndup(t, (size_t)nt);
	return SQLITE_OK;
}

char *queue_terms_fold(struct store *s, const char *word)
{
	fts5_api *api = fts5_of(s->db);
	void *ctx = NULL;
	fts5_tokenizer tk;
	/* dossier_fts is made with tokenize = 'unicode61 remove_diacritics 2'
	 * (store/schema.c); test_search checks that both match alike. */
	if (!api || api->xFindTokenizer(api, "unicode61", &ctx, &tk) != SQLITE_OK)
		return NULL;
	const char *args[] = {"remove_diacritics", "2"};
	Fts5Tokenizer *t = NULL;
	if (tk.xCreate(ctx, args, 2, &t) != SQLITE_OK)
		return NULL;
	struct folded f = {NULL, 0};
	int rc = tk.xTokenize(t, &f, FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX, word,
			      (int)strlen(word), on_token);
	tk.xDelete(t);
	if (rc != SQLITE_OK || f.n != 1) {
		free(f.tok);
		return NULL;
	}
	return f.tok;
}

void queue_terms_free(char **terms, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(terms[i]);
	free(terms);
}

int queue_terms_ready(struct store *s, struct perr *e)
{
	return store_exec(s, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.ptce_fts_terms"
			  " USING fts5vocab(main, dossier_fts, instance)", e);
}

int queue_terms_prefix(struct store *s, const char *tok, size_t max, char ***terms, size_t *n,
		       struct perr *e)
{
	*terms = NULL;
	*n = 0;
	if (queue_terms_ready(s, e))
		return -1;
	sqlite3_stmt *st = store_prepare(s, "SELECT term FROM temp.ptce_fts_terms WHERE term >= ?1 LIMIT 1", e);
	if (!st)
		return -1;
	struct xarray a = {NULL, 0, 0, sizeof(char *)};
	size_t len = strlen(tok);
	/* From tok, each next term past the last one found: the smallest text
	 * greater than a term is the term followed by \x01, as no term holds
	 * a control character. One seek a term, none of its rows read. */
	char *from = xstrdup(tok);
	int rc = 0;
	for (;;) {
		sqlite3_bind_text(st, 1, from, -1, SQLITE_TRANSIENT);
		int step = sqlite3_step(st);
		const char *t = step == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
		if (step != SQLITE_ROW && step != SQLITE_DONE)
			rc = store_fail(s, e, _("searching the dossiers"));
		else if (t && strncmp(t, tok, len) == 0 && a.n == max)
			rc = 1;
		if (rc || !t || strncmp(t, tok, len) != 0)
			break;
		*(char **)xarray_add(&a) = xstrdup(t);
		free(from);
		from = xasprintf("%s\x01", t);
		sqlite3_reset(st);
	}
	free(from);
	stmt_done(&st);
	if (rc != 0) {
		queue_terms_free(a.v, a.n);
		return rc;
	}
	*terms = a.v;
	*n = a.n;
	return 0;
}

char *queue_fts_query(const char *text)
{
	if (!text)
		return NULL;
	/* Each byte is written at most twice (a '"' is doubled) and each word
	 * adds four: a space, two quotes and the '*'. A word takes at least one
	 * byte and a blank: n bytes make at most (n + 1) / 2 words, so 2n + 4 *
	 * (n + 1) / 2 + 1 <= 4n + 3 bytes. */
	size_t cap = strlen(text) * 4 + 8, l = 0;
	char *out = xmalloc(cap);
	const char *p = text;
	int words = 0;
	while (*p) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		if (words++)
			out[l++] = ' ';
		out[l++] = '"';
		while (*p && *p != ' ' && *p != '\t') {
			if (*p == '"')
				out[l++] = '"';
			out[l++] = *p++;
		}
		out[l++] = '"';
		out[l++] = '*';
	}
	out[l] = '\0';
	if (!words) {
		free(out);
		return NULL;
	}
	return out;
}

/* One word of the query: its terms as a group, else its quoted prefix. */
static int add_word(struct store *s, const char *word, char **out, struct perr *e)
{
	char *tok = queue_terms_fold(s, word);
	char **terms = NULL;
	size_t n = 0;
	int rc = tok ? queue_terms_prefix(s, tok, QUEUE_TERMS_MAX, &terms, &n, e) : 1;
	free(tok);
	if (rc < 0)
		return -1;
	for (size_t i = 0; rc == 0 && i < n; i++)
		if (strchr(terms[i], '"'))
			rc = 1;	/* never made by unicode61; quoted otherwise */
	if (rc > 0) {
		queue_terms_free(terms, n);
		terms = NULL;
		n = 0;
	}
	if (rc > 0 || n == 0) {
		/* No term begins it (no dossier matches: FTS5 finds none
		 * quickly), or too many: the prefix itself. */
		char *p = queue_fts_query(word);
		xappendf(out, "%s%s", *out ? " AND " : "", p);
		free(p);
		return 0;
	}
	xappendf(out, "%s(", *out ? " AND " : "");
	for (size_t i = 0; i < n; i++)
		xappendf(out, "%s\"%s\"", i ? " OR " : "", terms[i]);
	xappendf(out, ")");
	queue_terms_free(terms, n);
	return 0;
}

char *queue_terms_query(struct store *s, const char *text, struct perr *e)
{
	if (!text)
		return NULL;
	char *out = NULL;
	const char *p = text;
	while (*p) {
		while (*p == ' ' || *p == '\t')
			p++;
		size_t l = strcspn(p, " \t");
		if (!l)
			break;
		char *word = xstrndup(p, l);
		int rc = add_word(s, word, &out, e);
		free(word);
		if (rc < 0) {
			free(out);
			return NULL;
		}
		p += l;
	}
	return out;
}
