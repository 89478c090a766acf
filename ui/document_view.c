/* document_view.c - Enter on a pièce jointe shows it as text in the pager,
 * the save key writes it to a file (0600); the rules are the core's
 * (io/document_file.h), as for 'ptce doc show' and 'ptce doc save'. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/i18n.h"
#include "document_view.h"
#include "io/document_file.h"
#include "pager.h"
#include "prompt.h"
#include "screen.h"

/* The selected pièce, or NULL (said on the message line). */
static const struct document_info *selected(struct ui *u)
{
	struct dossier_state *dt = &u->dt;
	if (!dt->id || dt->n_docs == 0) {
		ui_message(u, UC_ERROR, "%s", _("This dossier has no pièce jointe."));
		return NULL;
	}
	const struct document_info *d = &dt->docs[dt->doc_cur];
	if (!d->sha256) {
		ui_message(u, UC_ERROR, _("Pièce %d was only named by the import: its content has not been "
					  "received (import the zip export)."), d->n);
		return NULL;
	}
	return d;
}

/* The content of the selected pièce: 0 with *buf, *len and *meta. */
static int load(struct ui *u, char **buf, size_t *len, struct document_info *meta)
{
	const struct document_info *d = selected(u);
	if (!d)
		return -1;
	struct perr e = {0};
	if (document_read(u->app->store, &u->app->actor, u->dt.id, d->n, buf, len, meta, &e) < 0) {
		ui_report(u, &e);
		return -1;
	}
	return 0;
}

/* The save key's name, for messages. */
static const char *save_key(struct ui *u, char *buf, size_t len)
{
	int code = u->km.codes[KA_SAVE_DOCUMENT][0];
	return code ? key_format(code, buf, len) : "save-document";
}

void document_view_open(struct ui *u)
{
	char *buf = NULL, *text = NULL, key[16];
	size_t len;
	struct document_info meta;
	if (load(u, &buf, &len, &meta) < 0)
		return;
	struct perr e = {0};
	if (document_text(&meta, buf, len, &text, &e) < 0) {
		if (e.status == P_NOTFOUND)
			ui_message(u, UC_ERROR, _("pdftotext is missing (package poppler-utils): %s saves the "
						  "PDF to a file."), save_key(u, key, sizeof key));
		else if (e.status == P_INVALID && strcmp(meta.mime, "application/pdf") != 0)
			ui_message(u, UC_ERROR, _("Pièce %d is %s, not text: %s saves it to a file."), meta.n,
				   meta.mime, save_key(u, key, sizeof key));
		else
			ui_report(u, &e);
	} else {
		char title[512];
		snprintf(title, sizeof title, _("Pièce %d · %s"), meta.n,
			 meta.file_name ? meta.file_name : meta.title);
		ui_pager_text(u, title, text);
	}
	free(text);
	free(buf);
	document_info_done(&meta);
}

/* "~/x" as $HOME/x; anything else as typed. Fresh. */
static char *expand_home(const char *path)
{
	const char *home = getenv("HOME");
	if (path[0] == '~' && path[1] == '/' && home && *home)
		return xasprintf("%s%s", home, path + 1);
	return xstrdup(path);
}

/* The file the person names (asking before replacing one): fresh, or NULL
 * when they cancel; *force when they agreed to replace it. */
static char *ask_path(struct ui *u, const struct document_info *d, int *force)
{
	char *initial = xasprintf("~/%s", d->file_name ? d->file_name : "piece");
	char *typed = NULL;
	int rc = ui_prompt(u, _("Save the pièce to: "), initial, &typed);
	free(initial);
	if (rc < 0 || !typed || !*typed) {
		free(typed);
		return NULL;
	}
	char *path = expand_home(typed);
	free(typed);
	struct stat sb;
	*force = 0;
	if (lstat(path, &sb) == 0) {
		char *q = xasprintf(_("%s already exists.\nReplace it with pièce %d?"), path, d->n);
		*force = ui_confirm(u, _("Replace the file?"), q) == 1;
		free(q);
		if (!*force) {
			ui_message(u, UC_NORMAL, _("Nothing saved: %s is kept."), path);
			free(path);
			return NULL;
		}
	}
	return path;
}

void document_view_save(struct ui *u)
{
	const struct document_info *d = selected(u);
	int force = 0;
	char *path = d ? ask_path(u, d, &force) : NULL;
	if (!path)
		return;
	char *buf = NULL;
	size_t len;
	struct document_info meta;
	struct perr e = {0};
	if (load(u, &buf, &len, &meta) == 0) {
		if (document_save(path, buf, len, force, &e) < 0)
			ui_report(u, &e);
		else
			ui_message(u, UC_OK, _("Pièce %d saved to %s (mode 0600)."), meta.n, path);
		free(buf);
		document_info_done(&meta);
	}
	free(path);
}
