/* queue_views.h - the queue views a reviewer saves under a name (":view
 * save NAME" in the interface), kept in the database per login and offered
 * beside the built-in ones: the quick view, the filters and the sort. */
#ifndef PTCE_QUEUE_VIEWS_H
#define PTCE_QUEUE_VIEWS_H

#include <stddef.h>

#include "base/err.h"
#include "store/store.h"
#include "workflow/queue_spec.h"

/* One saved view as stored. */
struct saved_view {
	char *name;
	char *view;		/* queue_view_name() of the quick view */
	char *filter;		/* as queue_set_filter reads it; "" for none */
	char *sort;		/* queue_col_name() */
	int desc;
};

/* queue_view_name - the stored name of a quick view ("todo", "overdue"...). */
const char *queue_view_name(enum queue_view v);
/* queue_col_name - the stored name of a column ("number", "total"...). */
const char *queue_col_name(enum queue_col c);
/* queue_filter_text - the filters of q as queue_set_filter reads them
 * ("state=phase1 region=76"), fresh; "" when there is none. */
char *queue_filter_text(const struct queue_spec *q);
/* queue_view_save - save what q shows as login's view name (replacing a
 * view of that name). Own transaction. */
int queue_view_save(struct store *s, const char *login, const char *name,
		    const struct queue_spec *q, struct perr *e);
/* queue_view_list - login's saved views, by name. */
int queue_view_list(struct store *s, const char *login, struct saved_view **out, size_t *n,
		    struct perr *e);
/* queue_view_find - login's view name into *out (P_NOTFOUND naming the
 * views there are). */
int queue_view_find(struct store *s, const char *login, const char *name,
		    struct saved_view *out, struct perr *e);
/* queue_view_apply - make q show v: its quick view, filters and sort. */
int queue_view_apply(const struct saved_view *v, struct queue_spec *q, struct perr *e);
/* queue_view_delete - forget login's view name (P_NOTFOUND when none). */
int queue_view_delete(struct store *s, const char *login, const char *name, struct perr *e);
/* saved_view_clear - free what v holds. */
void saved_view_clear(struct saved_view *v);
/* queue_view_list_free - free n views and NULL the pointer. */
void queue_view_list_free(struct saved_view **v, size_t n);

#endif
