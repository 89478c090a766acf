/* tlines.c - lines of text laid out for a width (dossier panel, pager):
 * cleaned, wrapped at word boundaries by display width, then drawn and
 * scrolled. */
#include <curses.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "review/criterion.h"
#include "screen.h"
#include "tlines.h"

void tl_clear(struct tlines *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->v[i].text);
	free(t->v);
	memset(t, 0, sizeof *t);
}

static void tl_push(struct tlines *t, char *text, int color, int bold)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->v = xrealloc(t->v, t->cap * sizeof *t->v);
	}
	t->v[t->n].text = text;
	t->v[t->n].color = color;
	t->v[t->n].bold = bold;
	t->v[t->n].section = color == UC_SECTION;
	t->n++;
}

char *tl_vformat(const char *fmt, va_list ap)
{
	char *s = NULL;
	if (vasprintf(&s, fmt, ap) < 0)
		die("out of memory");
	return s;
}

void tl_add(struct tlines *t, int color, int bold, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = tl_vformat(fmt, ap);
	va_end(ap);
	char *c = text_clean(s, 0);
	free(s);
	tl_push(t, c, color, bold);
}

void tl_add_wrapped(struct tlines *t, int color, const char *text, int width, int indent)
{
	char *c = text_clean(text ? text : "", TEXT_KEEP_NEWLINES);
	int w = width - indent;
	if (w < 10)
		w = 10;
	size_t *starts = NULL, *lens = NULL;
	size_t n = text_wrap(c, (size_t)w, &starts, &lens);
	if (n == 0)
		tl_push(t, xstrdup(""), color, 0);
	for (size_t i = 0; i < n; i++) {
		char *line = xmalloc((size_t)indent + lens[i] + 1);
		memset(line, ' ', (size_t)indent);
		memcpy(line + indent, c + starts[i], lens[i]);
		line[(size_t)indent + lens[i]] = '\0';
		tl_push(t, line, color, 0);
	}
	free(starts);
	free(lens);
	free(c);
}

void tl_add_field(struct tlines *t, const char *label, int label_w, const char *value, int width)
{
	char *cl = text_clean(label, 0);
	char *cv = text_clean(value ? value : "", TEXT_KEEP_NEWLINES);
	int vw = width - label_w - 2;
	if (vw < 20) {
		/* Too narrow for two columns: label, then the value below. */
		tl_push(t, xstrdup(cl), UC_LABEL, 0);
		tl_add_wrapped(t, UC_NORMAL, cv, width, 2);
		free(cl);
		free(cv);
		return;
	}
	size_t *starts = NULL, *lens = NULL;
	size_t n = text_wrap(cv, (size_t)vw, &starts, &lens);
	size_t lw = text_width(cl);
	for (size_t i = 0; i < (n ? n : 1); i++) {
		size_t vl = n ? lens[i] : 0;
		char *line = xmalloc(strlen(cl) + (size_t)label_w + vl + 4);
		size_t o = 0;
		if (i == 0) {
			memcpy(line, cl, strlen(cl));
			o = strlen(cl);
			for (size_t k = lw; k < (size_t)label_w; k++)
				line[o++] = ' ';
		} else {
			for (int k = 0; k < label_w; k++)
				line[o++] = ' ';
		}
		line[o++] = ' ';
		line[o++] = ' ';
		if (n)
			memcpy(line + o, cv + starts[i], vl);
		line[o + vl] = '\0';
		tl_push(t, line, UC_NORMAL, 0);
	}
	free(starts);
	free(lens);
	free(cl);
	free(cv);
}

void tl_draw(struct ui *u, const struct tlines *t, long long top, int y, int x, int h, int w)
{
	for (int i = 0; i < h; i++) {
		long long k = top + i;
		if (k < 0 || (size_t)k >= t->n)
			continue;
		const struct tline *l = &t->v[k];
		int attr = ui_attr(u, l->color) | (l->bold ? A_BOLD : 0);
		/* A line wider than the pane ends with "…": never cut dry. */
		if (w > 1 && text_width(l->text) > (size_t)w) {
			int used = ui_put_raw(y + i, x, w - 1, l->text, attr);
			ui_put_raw(y + i, x + used, 1, "…", attr);
		} else {
			ui_put_raw(y + i, x, w, l->text, attr);
		}
	}
}

int tl_scroll(enum key_action a, long long *top, long long page, size_t n)
{
	switch (a) {
	case KA_UP: (*top)--; break;
	case KA_DOWN: (*top)++; break;
	case KA_PAGE_UP: *top -= page; break;
	case KA_PAGE_DOWN: *top += page; break;
	case KA_FIRST: *top = 0; break;
	case KA_LAST: *top = (long long)n; break;
	default:
		return 0;
	}
	if (*top < 0)
		*top = 0;
	return 1;
}

void tl_follow(long long *top, long long cur, int h, int margin)
{
	if (cur < *top + margin)
		*top = cur > margin ? cur - margin : 0;
	if (cur >= *top + h)
		*top = cur - h + 1;
}

const char *ui_grid_text(const char *fr_text, const char *en_text)
{
	return checklist_text(fr_text, en_text);
}
