/* history.c - appending to a dossier's history and reading it back. */
#include <stdlib.h>

#include "base/i18n.h"
#include "procedure/history.h"
#include "store/stmt.h"

int history_add(struct store *s, long long dossier_id, const char *at,
		const char *actor, const char *real_actor, const char *kind,
		const char *motivation, const char *detail, struct perr *e)
{
	char now[21];
	return stmt_run(s, e, _("recording history"),
			"INSERT INTO history(dossier_id, at, actor, real_actor,"
			" kind, motivation, detail) VALUES (?,?,?,?,?,?,?)", "Ittttnn",
			dossier_id, at ? at : now_utc(now), actor, real_actor ? real_actor : actor, kind,
			motivation, detail);
}

/* history_list's callback and its argument. */
struct history_walk {
	int (*fn)(const struct history_entry *h, void *arg);
	void *arg;
};

static int history_row(sqlite3_stmt *st, void *arg)
{
	struct history_entry h;
	stmt_columns(st, "Ittttnnnin", &h.id, &h.at, &h.actor, &h.real_actor, &h.kind, &h.from_state,
		     &h.to_state, &h.motivation, &h.override, &h.detail);
	const struct history_walk *w = arg;
	int stop = w->fn(&h, w->arg);
	char *texts[] = {h.at, h.actor, h.real_actor, h.kind, h.from_state, h.to_state, h.motivation, h.detail};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		free(texts[i]);
	return stop;
}

int history_list(struct store *s, long long dossier_id,
		 int (*fn)(const struct history_entry *h, void *arg), void *arg,
		 struct perr *e)
{
	struct history_walk w = {fn, arg};
	sqlite3_stmt *st = stmt_query(s, e, "SELECT id, at, actor, real_actor, kind, from_state,"
				      " to_state, motivation, override, detail FROM history"
				      " WHERE dossier_id = ? ORDER BY id", "I", dossier_id);
	return stmt_rows(s, st, e, _("reading history"), history_row, &w);
}
