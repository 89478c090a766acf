/* fuzz_search.c - what a person types in the queue: the search (turned
 * into an FTS5 query, which SQLite must always accept) and the filter. */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "fuzz.h"
#include "workflow/queue_spec.h"
#include "workflow/queue_terms.h"

/* The same index as the database's (store/schema.c, migration 3). */
static sqlite3_stmt *match_stmt(void)
{
	static sqlite3 *db;
	static sqlite3_stmt *st;
	if (!st) {
		if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
		    sqlite3_exec(db, "CREATE VIRTUAL TABLE f USING fts5(a, b, tokenize = 'unicode61 remove_diacritics 2');"
				 " INSERT INTO f VALUES ('énergie coopérative', 'l''éco \"quoted\"')", NULL, NULL, NULL) != SQLITE_OK ||
		    sqlite3_prepare_v2(db, "SELECT count(*) FROM f WHERE f MATCH ?", -1, &st, NULL) != SQLITE_OK)
			die("fuzz_search: %s", sqlite3_errmsg(db));
	}
	return st;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);
	char *fq = queue_fts_query(text);
	if (fq) {
		sqlite3_stmt *st = match_stmt();
		sqlite3_bind_text(st, 1, fq, -1, SQLITE_TRANSIENT);
		int rc = sqlite3_step(st);
		/* Invalid UTF-8 aside (the tokenizer may refuse it), the query is
		 * always well formed: a person's text never is a syntax error. */
		if (rc != SQLITE_ROW && strstr(sqlite3_errmsg(sqlite3_db_handle(st)), "syntax error"))
			die("fuzz_search: '%s' gave '%s': %s", text, fq, sqlite3_errmsg(sqlite3_db_handle(st)));
		sqlite3_reset(st);
		free(fq);
	}
	struct queue_spec q;
	struct perr e = {0};
	queue_spec_init(&q, "fuzz");
	queue_set_filter(&q, text, &e);
	char *d = queue_describe(&q);
	free(d);
	queue_spec_done(&q);
	free(text);
	return 0;
}
