/* i18n.h - gettext wrappers: every string a person reads goes through _().
 * The French catalogue lives in po/fr.po. */
#ifndef PTCE_I18N_H
#define PTCE_I18N_H

#include <libintl.h>

#define _(s) i18n_gettext(s)
#define N_(s) (s)
#define P_(one, many, n) ngettext(one, many, n)
/* C_ - a message with a context, for words English uses in two senses
 * (a review "submitted" is "soumise", a dossier "submitted" is "déposé"). */
#define C_(ctx, s) i18n_pgettext(ctx "\004" s, s)

/* i18n_gettext - gettext(id), remembered: gettext reads the environment
 * and searches the catalogue on each call, and a screen asks for the same
 * few hundred messages every time it is drawn. The language does not
 * change while ptce runs. */
const char *i18n_gettext(const char *id) __attribute__((format_arg(1)));

/* i18n_pgettext - gettext of "context\004msgid", or msgid when untranslated. */
static inline const char *i18n_pgettext(const char *ctx_id, const char *id)
{
	const char *t = i18n_gettext(ctx_id);
	return t == ctx_id ? id : t;
}

/* i18n_init - bind the "ptce" text domain: $PTCE_LOCALEDIR, else the build
 * tree next to the binary, else the installed LOCALEDIR. */
void i18n_init(void);

#endif
