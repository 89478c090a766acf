/* i18n.h - gettext wrappers: every string a person reads goes through _().
 * The French catalogue lives in po/fr.po. */
#ifndef PTCE_I18N_H
#define PTCE_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)
#define P_(one, many, n) ngettext(one, many, n)

/* i18n_init - bind the "ptce" text domain: $PTCE_LOCALEDIR, else the build
 * tree next to the binary, else the installed LOCALEDIR. */
void i18n_init(void);

#endif
