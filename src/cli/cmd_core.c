/* cmd_core.c - the subcommands of the core procedure: init, list, show,
 * history, move, assign, complements, reviewer, whoami. */
#include <errno.h>
#include <pwd.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/fmt.h"
#include "base/geo.h"
#include "base/i18n.h"
#include "base/text.h"
#include "cli/app.h"
#include "cli/cli.h"
#include "cli/cmd_core.h"
#include "demo/demo.h"
#include "procedure/access.h"
#include "procedure/assignment.h"
#include "procedure/dossier.h"
#include "procedure/procedure.h"
#include "review/review.h"
#include "store/open.h"
#include "workflow/move.h"

enum out_format { OUT_TABLE, OUT_TSV, OUT_CSV, OUT_JSON };

static int parse_format(struct app *app, const char *cmd, const char *s, enum out_format *f)
{
	if (!strcmp(s, "table")) *f = OUT_TABLE;
	else if (!strcmp(s, "tsv")) *f = OUT_TSV;
	else if (!strcmp(s, "csv")) *f = OUT_CSV;
	else if (!strcmp(s, "json")) *f = OUT_JSON;
	else return cli_usage_error(app, cmd, _("unknown format '%s'; use table, tsv, csv or json"), s);
	return 0;
}

/* ---- init ---------------------------------------------------------- */

static int mkdir_p(const char *dir)
{
	char *p = xstrdup(dir);
	for (char *s = p + 1; *s; s++) {
		if (*s == '/') {
			*s = '\0';
			if (mkdir(p, 0700) < 0 && errno != EEXIST) {
				free(p);
				return -1;
			}
			*s = '/';
		}
	}
	int rc = mkdir(p, 0700) < 0 && errno != EEXIST ? -1 : 0;
	free(p);
	return rc;
}

static int seed_campaigns(struct store *s, const struct config *c, struct perr *e)
{
	char now[21];
	sqlite3_stmt *st = store_prepare(s, "INSERT INTO campaigns(name, envelope_eur, amount_per_year_eur,"
					 " years, is_current, created_at) VALUES (?,?,?,?,?,?)", e);
	if (!st)
		return -1;
	for (size_t i = 0; i < c->n_campaigns; i++) {
		const struct campaign_conf *cc = &c->campaigns[i];
		sqlite3_bind_text(st, 1, cc->name, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, cc->envelope);
		sqlite3_bind_int64(st, 3, cc->amount_per_year);
		sqlite3_bind_int(st, 4, cc->years);
		sqlite3_bind_int(st, 5, cc->current);
		sqlite3_bind_text(st, 6, now_utc(now), -1, SQLITE_TRANSIENT);
		if (sqlite3_step(st) != SQLITE_DONE) {
			sqlite3_finalize(st);
			return store_fail(s, e, _("recording the campaigns"));
		}
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return 0;
}

static void remove_db(const char *path)
{
	char *w = xasprintf("%s-wal", path), *m = xasprintf("%s-shm", path);
	unlink(path);
	unlink(w);
	unlink(m);
	free(w);
	free(m);
}

int cmd_init(struct app *app, int argc, char **argv)
{
	static const struct option longs[] = {
		{"demo", no_argument, NULL, 'd'}, {"help", no_argument, NULL, 'h'}, {0}
	};
	int demo = 0, c;
	while ((c = cli_next_opt(app, "init", argc, argv, "dh", longs)) != -1) {
		if (c == -2)
			return 2;
		if (c == 'h')
			return cli_help(app, "init", _("Options:\n"
				"  --demo   fill the database with about thirty demonstration dossiers, reviewers\n"
				"           and reviews, and make you coordinateur too, to try every action\n"
				"The account running init becomes the database's admin.\n"));
		if (c == 'd')
			demo = 1;
	}
	if (optind < argc)
		return cli_usage_error(app, "init", _("unexpected argument '%s'"), argv[optind]);

	struct perr e = {0};
	char login[64];
	if (app->store) {
		/* From the interface's ':' line: a database is open already. */
		perr_set(&e, P_REFUSED, _("init creates a new database; run it from the shell (ptce --db PATH init), not from inside ptce."));
		return cli_report(app, &e);
	}
	if (actor_unix_login(login, sizeof login, &e) < 0)
		return cli_report(app, &e);

	/* The default location is ours to create; a path someone typed must
	 * already have its folder, so a typo does not scatter databases. */
	char *def = app_resolve_db(NULL, &(struct config){0});
	int is_default = !getenv("PTCE_DB") && !app->cfg.database && strcmp(def, app->db_path) == 0;
	free(def);
	if (is_default) {
		char *dir = xstrdup(app->db_path), *slash = strrchr(dir, '/');
		if (slash) {
			*slash = '\0';
			if (mkdir_p(dir) < 0) {
				perr_set(&e, P_IO, _("cannot create the folder %s: %s"), dir, strerror(errno));
				free(dir);
				return cli_report(app, &e);
			}
		}
		free(dir);
	}

	struct store *created = NULL;
	if (procedure_open(app->db_path, STORE_CREATE, &created, &e) < 0)
		return cli_report(app, &e);
	app->store = created;
	unsigned roles = ROLE_ADMIN | (demo ? ROLE_COORDINATEUR : 0);
	if (store_begin(app->store, &e) < 0 || seed_campaigns(app->store, &app->cfg, &e) < 0 ||
	    store_commit(app->store, &e) < 0) {
		store_rollback(app->store);
		goto fail;
	}
	/* The display name comes from the account's GECOS field when it has one. */
	char name[128] = "";
	struct passwd *pw = getpwuid(getuid());
	if (pw && pw->pw_gecos && *pw->pw_gecos)
		snprintf(name, sizeof name, "%.*s", (int)strcspn(pw->pw_gecos, ","), pw->pw_gecos);
	if (reviewer_add(app->store, NULL, login, name[0] ? name : NULL, NULL, NULL, roles, &e) < 0 ||
	    actor_load(app->store, login, &app->actor, &e) < 0)
		goto fail;
	if (demo && demo_fill(app->store, &app->actor, app->cfg.checklists_dir, app->err, &e) < 0)
		goto fail;
	fprintf(app->out, _("Created %s; you (%s) are %s.\n"), app->db_path, login,
		demo ? _("admin and coordinateur") : _("admin"));
	if (demo)
		fprintf(app->out, "%s", _("Demonstration data loaded. Open the interface with: ptce\n"));
	else
		fprintf(app->out, "%s", _("Next: add reviewers (ptce reviewer add LOGIN --name NAME --role instructeur) and import dossiers (ptce import FILE.csv).\n"));
	return 0;
fail:
	store_close(&app->store);
	remove_db(app->db_path);
	perr_append(&e, _(" (%s was not created)"), app->db_path);
	return cli_report(app, &e);
}

/* ---- list ------------------------------------------------------------ */

struct list_ctx {
	struct app *app;
	enum out_format fmt;
	size_t n;
};

static int list_row(const struct dossier_row *r, void *arg)
{
	struct list_ctx *lc = arg;
	FILE *f = lc->app->out;
	char since[32];
	fmt_local_time(r->state_since, since, sizeof since);
	switch (lc->fmt) {
	case OUT_TABLE: {
		char place[16];
		snprintf(place, sizeof place, "%s/%s", r->region_code, r->departement_code);
		text_pad(f, r->ds_number, 9);
		fputc(' ', f);
		text_pad(f, r->ptce_name, 38);
		fputc(' ', f);
		text_pad(f, place, 7);
		fputc(' ', f);
		text_pad(f, state_label(r->state), 24);
		fprintf(f, " %5d%s\n", r->days_in_state, r->complements ? " C" : "");
		break;
	}
	case OUT_TSV: {
		const char *v[] = {r->ds_number, r->ptce_name, r->region_code, r->departement_code,
				   r->state, r->state_since};
		for (size_t i = 0; i < 6; i++) {
			if (i)
				fputc('\t', f);
			text_put(f, v[i]);
		}
		fprintf(f, "\t%d\t%d\n", r->days_in_state, r->complements);
		break;
	}
	case OUT_CSV: {
		const char *v[] = {r->ds_number, r->ptce_name, r->region_code, r->departement_code,
				   r->state, r->state_since};
		for (size_t i = 0; i < 6; i++)
			fmt_csv_field(f, v[i], ',', i == 0);
		fprintf(f, ",%d,%d\n", r->days_in_state, r->complements);
		break;
	}
	case OUT_JSON:
		fputs(lc->n ? ",\n  {" : "\n  {", f);
		fputs("\"number\": ", f); fmt_json_string(f, r->ds_number);
		fputs(", \"ptce_name\": ", f); fmt_json_string(f, r->ptce_name);
		fputs(", \"region\": ", f); fmt_json_string(f, r->region_code);
		fputs(", \"departement\": ", f); fmt_json_string(f, r->departement_code);
		fputs(", \"state\": ", f); fmt_json_string(f, r->state);
		fputs(", \"state_since\": ", f); fmt_json_string(f, r->state_since);
		fprintf(f, ", \"days_in_state\": %d, \"complements\": %s}", r->days_in_state,
			r->complements ? "true" : "false");
		break;
	}
	lc->n++;
	return 0;
}

int cmd_list(struct app *app, int argc, char **argv)
{
	static const struct option longs[] = {
		{"state", required_argument, NULL, 's'}, {"region", required_argument, NULL, 'r'},
		{"assignee", required_argument, NULL, 'a'}, {"format", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'}, {0}
	};
	struct dossier_filter flt = {0};
	struct list_ctx lc = {.app = app, .fmt = OUT_TABLE};
	int c;
	while ((c = cli_next_opt(app, "list", argc, argv, "s:r:a:f:h", longs)) != -1) {
		switch (c) {
		case -2: return 2;
		case 'h':
			return cli_help(app, "list", _("Options:\n"
				"  --state S          only dossiers in state S (submitted, phase1, bouquet, phase2,\n"
				"                     funded, rejected, withdrawn)\n"
				"  --region R         only dossiers of région R (INSEE code, e.g. 44)\n"
				"  --assignee LOGIN   only dossiers assigned to LOGIN ('me' for yourself)\n"
				"  --format F         table (default), tsv, csv or json\n"
				"Columns: number, PTCE, région/département, state, days in that state; C marks\n"
				"compléments demandés.\n"));
		case 's': flt.state = optarg; break;
		case 'r': flt.region = optarg; break;
		case 'a': flt.assignee = optarg; break;
		case 'f': if (parse_format(app, "list", optarg, &lc.fmt)) return 2; break;
		}
	}
	if (optind < argc)
		return cli_usage_error(app, "list", _("unexpected argument '%s'"), argv[optind]);
	if (flt.state && !state_find(flt.state))
		return cli_usage_error(app, "list", _("'%s' is not a state; states: submitted, phase1, bouquet, phase2, funded, rejected, withdrawn"), flt.state);
	if (flt.region && !geo_region_name(flt.region))
		return cli_usage_error(app, "list", _("'%s' is not an INSEE region code (e.g. 44 Grand Est, 76 Occitanie)"), flt.region);
	if (flt.assignee && strcmp(flt.assignee, "me") == 0)
		flt.assignee = app->actor.login;
	/* Experts see only the dossiers they were asked about. */
	flt.viewer = &app->actor;

	FILE *f = app->out;
	if (lc.fmt == OUT_TABLE) {
		text_pad(f, _("Number"), 9); fputc(' ', f);
		text_pad(f, _("PTCE"), 38); fputc(' ', f);
		text_pad(f, _("Région"), 7); fputc(' ', f);
		text_pad(f, _("State"), 24);
		fprintf(f, " %5s\n", _("Days"));
	} else if (lc.fmt == OUT_TSV || lc.fmt == OUT_CSV) {
		fputs(lc.fmt == OUT_TSV
		      ? "number\tptce_name\tregion\tdepartement\tstate\tstate_since\tdays_in_state\tcomplements\n"
		      : "number,ptce_name,region,departement,state,state_since,days_in_state,complements\n", f);
	} else {
		fputc('[', f);
	}
	struct perr e = {0};
	if (dossier_list(app->store, &flt, list_row, &lc, &e) < 0)
		return cli_report(app, &e);
	if (lc.fmt == OUT_JSON)
		fputs(lc.n ? "\n]\n" : "]\n", f);
	else if (lc.fmt == OUT_TABLE)
		fprintf(f, P_("%zu dossier\n", "%zu dossiers\n", lc.n), lc.n);
	return 0;
}

/* ---- show ------------------------------------------------------------ */

/* Resolve the ID argument and check the actor may read the dossier. */
static int dossier_arg(struct app *app, const char *cmd, int argc, char **argv, long long *id)
{
	struct perr e = {0};
	if (optind >= argc)
		return cli_usage_error(app, cmd, "%s", _("which dossier? give its number (ptce list shows them)"));
	if (dossier_find_id(app->store, argv[optind], id, &e) < 0)
		return cli_report(app, &e);
	if (access_require(app->store, &app->actor, *id, argv[optind], &e) < 0)
		return cli_report(app, &e);
	optind++;
	return 0;
}

static void show_value(FILE *f, const struct field_def *fd, const char *v)
{
	if (!v || !*v) {
		fputs("—\n", f);
		return;
	}
	switch (fd->type) {
	case FT_LONGTEXT: {
		char *c = text_clean(v, TEXT_KEEP_NEWLINES);
		size_t *st, *ln, n = text_wrap(c, 72, &st, &ln);
		fputc('\n', f);
		for (size_t i = 0; i < n; i++)
			fprintf(f, "    %.*s\n", (int)ln[i], c + st[i]);
		free(st);
		free(ln);
		free(c);
		return;
	}
	case FT_BOOL:
		fputs(strcmp(v, "1") == 0 ? _("yes") : _("no"), f);
		break;
	case FT_CHOICE:
		text_put(f, choice_label(v));
		break;
	case FT_LIST: {
		char *copy = xstrdup(v), *save = NULL;
		int first = 1;
		for (char *w = strtok_r(copy, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
			while (*w == ' ')
				w++;
			fputs(first ? "" : "; ", f);
			text_put(f, choice_label(w));
			first = 0;
		}
		free(copy);
		break;
	}
	case FT_REGION:
		text_put(f, v);
		if (geo_region_name(v))
			fprintf(f, " %s", geo_region_name(v));
		break;
	case FT_DEPT:
		text_put(f, v);
		if (geo_dept_name(v))
			fprintf(f, " %s", geo_dept_name(v));
		break;
	default:
		text_put(f, v);
	}
	fputc('\n', f);
}

int cmd_show(struct app *app, int argc, char **argv)
{
	static const struct option longs[] = {{"help", no_argument, NULL, 'h'}, {0}};
	int c;
	long long id;
	while ((c = cli_next_opt(app, "show", argc, argv, "h", longs)) != -1) {
		if (c == -2)
			return 2;
		return cli_help(app, "show", _("Shows every field of the dossier by section, its members,\n"
					       "pieces, assignments and state. ID is the platform's dossier number.\n"));
	}
	int rc = dossier_arg(app, "show", argc, argv, &id);
	if (rc)
		return rc;
	struct perr e = {0};
	struct dossier *d = NULL;
	if (dossier_load(app->store, id, &d, &e) < 0)
		return cli_report(app, &e);
	FILE *f = app->out;
	char since[32];
	fprintf(f, _("Dossier %s — "), d->f[DF_DS_NUMBER]);
	text_put(f, d->f[DF_PTCE_NAME]);
	fprintf(f, _("\nState: %s (since %s)\n"), state_label(d->state),
		fmt_local_time(d->state_since, since, sizeof since));
	if (d->campaign_name) {
		fputs(_("Campaign: "), f);
		text_put(f, d->campaign_name);
		fputc('\n', f);
	}
	if (d->complements_due) {
		fprintf(f, _("Compléments demandés, due %s: "), d->complements_due);
		text_put(f, d->complements_note ? d->complements_note : "");
		fputc('\n', f);
	}
	char who[1024];
	if (assignment_list(app->store, id, who, sizeof who, &e) == 0 && who[0])
		fprintf(f, _("Assigned to: %s\n"), who);
	for (int sec = 0; sec < SEC_COUNT; sec++) {
		fprintf(f, "\n== %s ==\n", section_label((enum dossier_section)sec));
		for (int i = 0; i < DF_COUNT; i++) {
			if ((int)dossier_fields[i].section != sec)
				continue;
			text_pad(f, _(dossier_fields[i].label), 28);
			fputs(": ", f);
			show_value(f, &dossier_fields[i], d->f[i]);
		}
		if (sec == SEC_PTCE) {
			fprintf(f, P_("\n-- %zu member --\n", "\n-- %zu members --\n", d->n_members), d->n_members);
			for (size_t m = 0; m < d->n_members; m++) {
				const struct member *mb = &d->members[m];
				fputs("  ", f);
				text_pad(f, mb->f[MF_NAME], 34);
				fputc(' ', f);
				text_pad(f, choice_label(mb->f[MF_CATEGORY]), 24);
				fputc(' ', f);
				text_pad(f, mb->f[MF_SIRET] ? mb->f[MF_SIRET] : "", 14);
				fputc(' ', f);
				text_put(f, mb->f[MF_ROLE] ? mb->f[MF_ROLE] : "");
				fputc('\n', f);
			}
		}
	}
	fprintf(f, "\n== %s ==\n", _("Pièces"));
	if (!d->n_documents)
		fprintf(f, "  %s\n", _("none received"));
	for (size_t i = 0; i < d->n_documents; i++) {
		fputs("  ", f);
		text_pad(f, d->documents[i].kind, 9);
		fputc(' ', f);
		text_put(f, d->documents[i].title);
		if (d->documents[i].received_on)
			fprintf(f, " (%s)", d->documents[i].received_on);
		fputc('\n', f);
	}
	dossier_free(&d);
	return 0;
}

/* ---- history ----------------------------------------------------------- */

static int history_row(const struct history_entry *h, void *arg)
{
	FILE *f = ((struct app *)arg)->out;
	char when[32], what[128];
	fmt_local_time(h->at, when, sizeof when);
	if (h->to_state && h->from_state)
		snprintf(what, sizeof what, "%s → %s", h->from_state, h->to_state);
	else if (h->to_state)
		snprintf(what, sizeof what, "%s %s", h->kind, h->to_state);
	else
		snprintf(what, sizeof what, "%s", h->kind);
	fprintf(f, "%-16s ", when);
	char who[160];
	if (strcmp(h->actor, h->real_actor))
		snprintf(who, sizeof who, "%s (%s %s)", h->actor, _("by"), h->real_actor);
	else
		snprintf(who, sizeof who, "%s", h->actor);
	text_pad(f, who, 14);
	fputc(' ', f);
	text_pad(f, what, 22);
	if (h->override)
		fprintf(f, " [%s]", _("override"));
	if (h->motivation) {
		fputs(" ", f);
		text_put(f, h->motivation);
	}
	if (h->detail) {
		fputs(" (", f);
		text_put(f, h->detail);
		fputs(")", f);
	}
	fputc('\n', f);
	return 0;
}

int cmd_history(struct app *app, int argc, char **argv)
{
	static const struct option longs[] = {{"help", no_argument, NULL, 'h'}, {0}};
	int c;
	long long id;
	while ((c = cli_next_opt(app, "history", argc, argv, "h", longs)) != -1) {
		if (c == -2)
			return 2;
		return cli_help(app, "history", _("Every entry of the dossier's history, oldest first: when (local time),\n"
						  "who, what (state changes as from → to), motivation. Nothing is ever rewritten.\n"));
	}
	int rc = dossier_arg(app, "history", argc, argv, &id);
	if (rc)
		return rc;
	struct perr e = {0};
	if (history_list(app->store, id, history_row, app, &e) < 0)
		return cli_report(app, &e);
	return 0;
}

/* ---- move ------------------------------------------------------------- */

int cmd_move(struct app *app, int argc, char **argv)
{
	static const struct option longs[] = {
		{"reason", required_argument, NULL, 'r'}, {"override", no_argument, NULL, 'o'},
		{"validation-ref", required_argument, NULL, 'v'},
		{"validation-date", required_argument, NULL, 'd'},
		{"amount", required_argument, NULL, 'a'}, {"years", required_argument, NULL, 'y'},
		{"help", no_argument, NULL, 'h'}, {0}
	};
	struct move_request req = {0};
	int c;
	long long id;
	while ((c = cli_next_opt(app, "move", argc, argv, "r:ov:d:a:y:h", longs)) != -1) {
		switch (c) {
		case -2: return 2;
		case 'h':
			return cli_help(app, "move", _("Options:\n"
				"  --reason TEXT            motivation (required to reject, withdraw, send back to\n"
				"                           bouquet, and for any override)\n"
				"  --override               decide against a failing check (coordinateur; recorded)\n"
				"  --validation-ref REF     phase2 → funded: reference of the national validation\n"
				"  --validation-date DATE   phase2 → funded: its date (YYYY-MM-DD)\n"
				"  --amount EUR             phase2 → funded: amount per year (default: the campaign's)\n"
				"  --years N                phase2 → funded: number of years (default: the campaign's)\n"
				"A refused move changes nothing and says which moves are open to you.\n"));
		case 'r': req.reason = optarg; break;
		case 'o': req.override = 1; break;
		case 'v': req.validation_ref = optarg; break;
		case 'd': req.validation_date = optarg; break;
		case 'a': {
			char *end;
			errno = 0;
			req.amount_per_year = strtoll(optarg, &end, 10);
			if (*end || errno || req.amount_per_year <= 0 || req.amount_per_year > 10000000)
				return cli_usage_error(app, "move", _("--amount takes a whole number of euros per year, from 1 to 10000000, not '%s'"), optarg);
			break;
		}
		case 'y': {
			char *end;
			req.years = (int)strtol(optarg, &end, 10);
			if (*end || req.years < 1 || req.years > 5)
				return cli_usage_error(app, "move", _("--years takes a number from 1 to 5, not '%s'"), optarg);
			break;
		}
		}
	}
	int rc = dossier_arg(app, "move", argc, argv, &id);
	if (rc)
		return rc;
	if (optind >= argc)
		return cli_usage_error(app, "move", "%s", _("to which state? e.g. ptce move 1234 phase1"));
	const char *to = argv[optind++];
	if (optind < argc)
		return cli_usage_error(app, "move", _("unexpected argument '%s' (quote the motivation: --reason \"...\")"), argv[optind]);
	struct perr e = {0};
	if (move_apply(app->store, &app->actor, id, to, &req, &e) < 0)
		return cli_report(app, &e);
	fprintf(app->out, _("Dossier %s is now %s.\n"), argv[optind - 2], state_label(to));
	return 0;
}

/* ---- assign, complements ------------------------------------------------ */

int cmd_assign(struct app *app, int argc, char **argv)
{
	static const struct option longs[] = {
		{"remove", no_argument, NULL, 'r'}, {"help", no_argument, NULL, 'h'}, {0}
	};
	int c, on = 1;
	long long id;
	while ((c = cli_next_opt(app, "assign", argc, argv, "rh", longs)) != -1) {
		if (c == -2)
			return 2;
		if (c == 'h')
			return cli_help(app, "assign", _("Options:\n"
				"  --remove   take the reviewers off the dossier instead\n"
				"Assigning an expert lets them see this dossier. Coordinateur only.\n"));
		on = 0;
	}
	int rc = dossier_arg(app, "assign", argc, argv, &id);
	if (rc)
		return rc;
	if (optind >= argc)
		return cli_usage_error(app, "assign", "%s", _("whom? give one or more logins"));
	for (int i = optind; i < argc; i++) {
		struct perr e = {0};
		if (assignment_set(app->store, &app->actor, id, argv[i], on, &e) < 0)
			return cli_report(app, &e);
		fprintf(app->out, on ? _("%s assigned.\n") : _("%s unassigned.\n"), argv[i]);
	}
	return 0;
}

int cmd_complements(struct app *app, int argc, char **argv)
{
	static const struct option longs[] = {
		{"due", required_argument, NULL, 'd'}, {"note", required_argument, NULL, 'n'},
		{"clear", no_argument, NULL, 'c'}, {"help", no_argument, NULL, 'h'}, {0}
	};
	const char *due = NULL, *note = NULL;
	int c, clear = 0;
	long long id;
	while ((c = cli_next_opt(app, "complements", argc, argv, "d:n:ch", longs)) != -1) {
		switch (c) {
		case -2: return 2;
		case 'h':
			return cli_help(app, "complements", _("Options:\n"
				"  --due DATE    deadline for the applicant (YYYY-MM-DD)\n"
				"  --note TEXT   what is missing\n"
				"  --clear       the compléments arrived: remove the flag\n"
				"A flag on the dossier, not a state: instruction goes on.\n"));
		case 'd': due = optarg; break;
		case 'n': note = optarg; break;
		case 'c': clear = 1; break;
		}
	}
	if (!clear && !due)
		return cli_usage_error(app, "complements", "%s", _("give --due DATE (and --note), or --clear"));
	if (clear && due)
		return cli_usage_error(app, "complements", "%s", _("--due and --clear exclude each other"));
	int rc = dossier_arg(app, "complements", argc, argv, &id);
	if (rc)
		return rc;
	struct perr e = {0};
	if (complements_set(app->store, &app->actor, id, clear ? NULL : due, note, &e) < 0)
		return cli_report(app, &e);
	fputs(clear ? _("Compléments flag cleared.\n") : _("Compléments demandés recorded.\n"), app->out);
	return 0;
}

/* ---- reviewer ----------------------------------------------------------- */

static int parse_roles(struct app *app, const char *s, unsigned *roles)
{
	char *copy = xstrdup(s), *save = NULL;
	for (char *w = strtok_r(copy, ", ", &save); w; w = strtok_r(NULL, ", ", &save)) {
		unsigned r = role_parse(w);
		if (!r) {
			cli_usage_error(app, "reviewer", _("'%s' is not a role; roles: instructeur, coordinateur, expert, lecteur, admin"), w);
			free(copy);
			return -1;
		}
		*roles |= r;
	}
	free(copy);
	return 0;
}

static int reviewer_row(const struct reviewer *r, void *arg)
{
	FILE *f = ((struct app *)arg)->out;
	char roles[128];
	text_pad(f, r->login, 14);
	fputc(' ', f);
	text_pad(f, r->display_name, 24);
	fputc(' ', f);
	text_pad(f, r->organisation, 22);
	fputc(' ', f);
	fputs(roles_format(r->roles, roles, sizeof roles), f);
	if (!r->active)
		fprintf(f, " (%s)", _("removed"));
	fputc('\n', f);
	return 0;
}

int cmd_reviewer(struct app *app, int argc, char **argv)
{
	static const struct option longs[] = {
		{"name", required_argument, NULL, 'n'}, {"org", required_argument, NULL, 'o'},
		{"email", required_argument, NULL, 'e'}, {"role", required_argument, NULL, 'r'},
		{"all", no_argument, NULL, 'a'}, {"help", no_argument, NULL, 'h'}, {0}
	};
	const char *name = NULL, *org = NULL, *email = NULL;
	unsigned roles = 0;
	int c, all = 0;
	/* Options may come before or after the action and login. */
	while ((c = cli_next_opt(app, "reviewer", argc, argv, "n:o:e:r:ah", longs)) != -1) {
		switch (c) {
		case -2: return 2;
		case 'h':
			return cli_help(app, "reviewer", _("Actions:\n"
				"  add LOGIN --name NAME [--org ORG] [--email MAIL] --role R[,R...]\n"
				"  list [--all]                     (--all: removed reviewers too)\n"
				"  set-role LOGIN R[,R...]          replace the roles\n"
				"  remove LOGIN                     take off the roster (history keeps the name)\n"
				"Roles: instructeur, coordinateur, expert, lecteur, admin. LOGIN is the Unix account.\n"
				"Changing the roster is for admins.\n"));
		case 'n': name = optarg; break;
		case 'o': org = optarg; break;
		case 'e': email = optarg; break;
		case 'r': if (parse_roles(app, optarg, &roles) < 0) return 2; break;
		case 'a': all = 1; break;
		}
	}
	if (optind >= argc)
		return cli_usage_error(app, "reviewer", "%s", _("which action? add, list, set-role or remove"));
	const char *action = argv[optind++];
	struct perr e = {0};
	if (strcmp(action, "list") == 0) {
		if (reviewer_list(app->store, all, reviewer_row, app, &e) < 0)
			return cli_report(app, &e);
		return 0;
	}
	if (strcmp(action, "add") && strcmp(action, "set-role") && strcmp(action, "remove"))
		return cli_usage_error(app, "reviewer", _("unknown action '%s'; use add, list, set-role or remove"), action);
	if (optind >= argc)
		return cli_usage_error(app, "reviewer", _("'%s' needs a login"), action);
	const char *login = argv[optind++];
	if (strcmp(action, "add") == 0) {
		if (optind < argc)
			return cli_usage_error(app, "reviewer", _("unexpected argument '%s'"), argv[optind]);
		if (!roles)
			return cli_usage_error(app, "reviewer", "%s", _("add needs --role (instructeur, coordinateur, expert, lecteur, admin)"));
		if (reviewer_add(app->store, &app->actor, login, name, org, email, roles, &e) < 0)
			return cli_report(app, &e);
		fprintf(app->out, _("%s added.\n"), login);
	} else if (strcmp(action, "set-role") == 0) {
		if (optind < argc && parse_roles(app, argv[optind++], &roles) < 0)
			return 2;
		if (reviewer_set_roles(app->store, &app->actor, login, roles, &e) < 0)
			return cli_report(app, &e);
		fprintf(app->out, _("%s updated.\n"), login);
	} else {
		if (reviewer_remove(app->store, &app->actor, login, &e) < 0)
			return cli_report(app, &e);
		fprintf(app->out, _("%s removed from the roster.\n"), login);
	}
	return 0;
}

int cmd_whoami(struct app *app, int argc, char **argv)
{
	static const struct option longs[] = {{"help", no_argument, NULL, 'h'}, {0}};
	int c;
	while ((c = cli_next_opt(app, "whoami", argc, argv, "h", longs)) != -1) {
		if (c == -2)
			return 2;
		return cli_help(app, "whoami", "");
	}
	char roles[128];
	fprintf(app->out, "%s (", app->actor.login);
	text_put(app->out, app->actor.display_name);
	fprintf(app->out, ")%s%s\n", app->actor.impersonated ? _(" acting for ") : "",
		app->actor.impersonated ? app->actor.real_login : "");
	fprintf(app->out, _("Roles: %s\nDatabase: %s\n"), roles_format(app->actor.roles, roles, sizeof roles),
		app->db_path);
	return 0;
}
