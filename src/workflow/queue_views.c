/* queue_views.c - saved queue views: a name, the quick view, the filters as
 * a person types them, the sort; one row per login and name. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "store/stmt.h"
#include "workflow/queue_views.h"

static const char *const view_names[QV_COUNT] = {
	[QV_ALL] = "all", [QV_TODO] = "todo", [QV_MINE] = "mine", [QV_REVIEW] = "review",
	[QV_PHASE2] = "phase2", [QV_OVERDUE] = "overdue",
};

static const char *const col_names[QC_COUNT] = {
	[QC_NUMBER] = "number", [QC_NAME] = "name", [QC_REGION] = "region", [QC_STATE] = "state",
	[QC_DAYS] = "days", [QC_MINE] = "mine", [QC_TOTAL] = "total", [QC_FLAGS] = "flags",
};

const char *queue_view_name(enum queue_view v)
{
	return v < QV_COUNT && view_names[v] ? view_names[v] : "all";
}

const char *queue_col_name(enum queue_col c)
{
	return c < QC_COUNT && col_names[c] ? col_names[c] : "number";
}

char *queue_filter_text(const struct queue_spec *q)
{
	char *out = xstrdup("");
	const struct {
		const char *key, *val;
	} f[] = {{"state", q->state}, {"region", q->region}, {"assignee", q->assignee}};
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
		if (f[i].val)
			xappendf(&out, "%s%s=%s", *out ? " " : "", f[i].key, f[i].val);
	return out;
}

/* A name a person can type back: letters, digits, - _ . and spaces inside. */
static int name_check(const char *name, struct perr *e)
{
	size_t n = name ? strlen(name) : 0;
	if (n == 0 || n > 40)
		return perr_set(e, P_USAGE, _("a view needs a name of 1 to 40 characters: "
					      ":view save NAME"));
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)name[i] < 0x20)
			return perr_set(e, P_USAGE, "%s", _("a view's name holds no control character"));
	return 0;
}

int queue_view_save(struct store *s, const char *login, const char *name,
		    const struct queue_spec *q, struct perr *e)
{
	char now[21];
	if (name_check(name, e) < 0 || store_begin(s, e) < 0)
		return -1;
	char *filter = queue_filter_text(q);
	int rc = stmt_run(s, e, _("saving the view"),
			  "INSERT OR REPLACE INTO saved_views(login, name, view, filter, sort, descending,"
			  " saved_at) VALUES (?, ?, ?, ?, ?, ?, ?)", "tttttit", login, name,
			  queue_view_name(q->view), filter, queue_col_name(q->sort), q->desc ? 1 : 0,
			  now_utc(now));
	free(filter);
	if (rc < 0) {
		store_rollback(s);
		return -1;
	}
	return store_commit(s, e);
}

static int read_view(sqlite3_stmt *st, void *arg)
{
	struct saved_view *v = xarray_add(arg);
	stmt_columns(st, "tttt", &v->name, &v->view, &v->filter, &v->sort);
	v->desc = sqlite3_column_int(st, 4);
	return 0;
}

int queue_view_list(struct store *s, const char *login, struct saved_view **out, size_t *n,
		    struct perr *e)
{
	struct xarray b = {NULL, 0, 0, sizeof **out};
	sqlite3_stmt *st = stmt_query(s, e, "SELECT name, view, filter, sort, descending"
				      " FROM saved_views WHERE login = ? ORDER BY name", "t", login);
	int rc = stmt_rows(s, st, e, _("reading the saved views"), read_view, &b);
	*out = b.v;
	*n = b.n;
	if (rc < 0)
		queue_view_list_free(out, *n);
	return rc;
}

/* P_NOTFOUND naming login's views, or saying there is none. */
static int not_found(struct store *s, const char *login, const char *name, struct perr *e)
{
	struct saved_view *v = NULL;
	size_t n = 0;
	char *names = xstrdup("");
	if (queue_view_list(s, login, &v, &n, e) == 0)
		for (size_t i = 0; i < n; i++)
			xappendf(&names, "%s%s", i ? ", " : "", v[i].name);
	queue_view_list_free(&v, n);
	if (*names)
		perr_set(e, P_NOTFOUND, _("no saved view '%s'; yours are: %s"), name, names);
	else
		perr_set(e, P_NOTFOUND, _("no saved view '%s'; save one with :view save NAME"), name);
	free(names);
	return -1;
}

int queue_view_find(struct store *s, const char *login, const char *name,
		    struct saved_view *out, struct perr *e)
{
	memset(out, 0, sizeof *out);
	struct xarray b = {NULL, 0, 0, sizeof *out};
	sqlite3_stmt *st = stmt_query(s, e, "SELECT name, view, filter, sort, descending"
				      " FROM saved_views WHERE login = ? AND name = ?", "tt", login, name);
	if (stmt_rows(s, st, e, _("reading the saved views"), read_view, &b) < 0)
		return -1;
	if (b.n == 0)
		return not_found(s, login, name, e);
	*out = *(struct saved_view *)b.v;
	free(b.v);
	return 0;
}

int queue_view_apply(const struct saved_view *v, struct queue_spec *q, struct perr *e)
{
	enum queue_view view = QV_ALL;
	enum queue_col sort = QC_NUMBER;
	for (int i = 0; i < QV_COUNT; i++)
		if (view_names[i] && strcmp(view_names[i], v->view) == 0)
			view = (enum queue_view)i;
	for (int i = 0; i < QC_COUNT; i++)
		if (col_names[i] && strcmp(col_names[i], v->sort) == 0)
			sort = (enum queue_col)i;
	if (queue_set_filter(q, v->filter, e) < 0)
		return -1;
	q->view = view;
	q->sort = sort;
	q->desc = v->desc;
	return 0;
}

int queue_view_delete(struct store *s, const char *login, const char *name, struct perr *e)
{
	if (store_begin(s, e) < 0)
		return -1;
	if (stmt_run(s, e, _("deleting the view"), "DELETE FROM saved_views WHERE login = ? AND name = ?",
		     "tt", login, name) < 0) {
		store_rollback(s);
		return -1;
	}
	if (sqlite3_changes(s->db) == 0) {
		store_rollback(s);
		return not_found(s, login, name, e);
	}
	return store_commit(s, e);
}

void saved_view_clear(struct saved_view *v)
{
	free(v->name);
	free(v->view);
	free(v->filter);
	free(v->sort);
	memset(v, 0, sizeof *v);
}

void queue_view_list_free(struct saved_view **v, size_t n)
{
	for (size_t i = 0; *v && i < n; i++)
		saved_view_clear(&(*v)[i]);
	free(*v);
	*v = NULL;
}
