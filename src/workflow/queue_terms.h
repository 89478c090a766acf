/* queue_terms.h - a person's search words as the exact terms of the
 * search index (dossier_fts) they begin: FTS5 reads the dossiers of an
 * exact term lazily, a few at a time, but merges every dossier of every
 * term of a prefix before giving the first (the table has no prefix
 * index), a cost that grows with the dossiers. */
#ifndef PTCE_QUEUE_TERMS_H
#define PTCE_QUEUE_TERMS_H

#include "base/err.h"
#include "store/store.h"

/* A word stands for at most this many terms; more, and it stays a prefix
 * (a short word: "a" begins thousands of terms). */
#define QUEUE_TERMS_MAX 16

/* queue_terms_fold - the one token the index makes of word (the
 * tokenizer of dossier_fts: unicode61, accents removed, lower case), a
 * fresh string; NULL when the word makes no token or several
 * ("saint-jean"), or when the tokenizer cannot be had. */
char *queue_terms_fold(struct store *s, const char *word);

/* queue_terms_ready - the index's terms as a table of this connection
 * (temp.ptce_fts_terms, one row a place a term is at: a term's first row
 * is read without its others). Made on first use; a session that will
 * search makes it first, as a new table makes every statement prepared
 * before it be prepared again. */
int queue_terms_ready(struct store *s, struct perr *e);

/* queue_terms_prefix - the index's terms that begin with tok, in order,
 * into *terms (a fresh array of fresh strings, *n of them). 1 when there
 * are more than max (nothing kept), 0 when not, -1 on an error. */
int queue_terms_prefix(struct store *s, const char *tok, size_t max, char ***terms, size_t *n,
		       struct perr *e);

/* queue_terms_query - what a person typed as an FTS5 query: each word a
 * group of the exact terms it begins ("ressourcerie" OR
 * "ressourceries"), or, when it makes several tokens or begins too many
 * terms, the quoted prefix queue_fts_query writes. A fresh string; NULL
 * when no word, or on an error (e says which). */
char *queue_terms_query(struct store *s, const char *text, struct perr *e);

/* queue_fts_query - turn what a person typed into a safe FTS5 query (each
 * word quoted, as a prefix); a fresh string, NULL when no word. */
char *queue_fts_query(const char *text);

/* queue_terms_free - free an array of queue_terms_prefix. */
void queue_terms_free(char **terms, size_t n);

#endif
