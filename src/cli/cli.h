/* cli.h - what a subcommand is, and the helpers every cmd_<noun>.c uses to
 * read its options and operands, name a dossier, report errors and print its
 * --help. The table of subcommands is in commands.c. */
#ifndef PTCE_CLI_H
#define PTCE_CLI_H

#include "cli/app.h"

/* A subcommand. run gets argv[0] = the subcommand name. */
struct command {
	const char *name;
	int (*run)(struct app *app, int argc, char **argv);
	const char *args;	/* synopsis after the name, untranslated */
	const char *summary;	/* N_() */
	unsigned flags;
	const char *help;	/* N_(): its --help after the synopsis and summary:
				 * what its options do, what it prints; may be NULL */
};
enum {
	CMD_NO_DB = 1,		/* runs without opening the database */
	CMD_HIDDEN = 2,		/* not listed in --help (internal) */
};

/* What an option does with its value. */
enum cli_kind {
	CLI_FLAG,	/* takes no value: the int at off becomes val */
	CLI_TEXT,	/* the const char * at off becomes its value */
	CLI_CHECK,	/* its value goes to the command's check, which keeps it */
};

/* One option of a subcommand; --help is every subcommand's. */
struct cli_opt {
	const char *name;	/* the long name without "--"; NULL ends a table */
	int key;		/* what getopt returns: the short letter when it has one */
	enum cli_kind kind;
	size_t off;		/* CLI_FLAG, CLI_TEXT: offsetof the field in the options */
	int val;		/* CLI_FLAG: the value set */
};

/* What a subcommand reads before its operands. */
struct cli_spec {
	const char *cmd;		/* its name, for messages and --help */
	const char *shorts;		/* getopt's short options ('+' first: stop at the first operand) */
	const struct cli_opt *opts;	/* its options, or NULL */
	/* The value arg of the CLI_CHECK option key: 0 to read on, else the exit code. */
	int (*check)(struct app *app, int key, char *arg, void *ctx);
};

/* One action of a subcommand that has several (ptce opinion ask|answer|list):
 * run gets the action's name, the options and the operands after the name
 * at argv[optind]; it returns the exit code. */
struct cli_action {
	const char *name;
	int (*run)(struct app *app, const char *name, void *ctx, int argc, char **argv);
};

/* cli_put_clean - print msg cleaned like dossier text (no escape sequence,
 * no control character but newlines and tabs): a message may quote what
 * someone typed or what a file held. */
void cli_put_clean(FILE *f, const char *msg);
/* cli_report - print e to app->err as "ptce: message" and return the exit code. */
int cli_report(struct app *app, const struct perr *e);
/* cli_usage_error - print a usage error with a hint to --help; returns 2. */
int cli_usage_error(struct app *app, const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* cli_synopsis - a command's synopsis (the args column of the commands
 * table) with its placeholders in the reader's language ("FILE" is
 * "FICHIER" in French); fresh. */
char *cli_synopsis(const char *args);
/* cli_help - print cmd's --help: synopsis and summary from its entry in the
 * commands table, then its help text; 0 (2 for an unknown command). */
int cli_help(struct app *app, const char *cmd);
/* cli_parse - read the options of argv as spec says into the options ctx:
 * -1 to go on with the operands at argv[optind], else the exit code (0 after
 * --help, 2 after a usage error, or what spec->check returned). */
int cli_parse(struct app *app, const struct cli_spec *spec, int argc, char **argv, void *ctx);
/* cli_parse_dossier - cli_parse, then the first operand as a dossier the
 * actor may see (cli_dossier): -1 with *ref and *id set, else the exit code. */
int cli_parse_dossier(struct app *app, const struct cli_spec *spec, int argc, char **argv,
		      void *ctx, const char **ref, long long *id);
/* cli_parse_action - cli_parse, then run the action of actions (ended by a
 * NULL name) that the first operand names: its exit code, 2 after a usage
 * error (missing, untranslated, when no operand is left), or -1 when the
 * operand names no action (*name says it, for the command's message). */
int cli_parse_action(struct app *app, const struct cli_spec *spec, const struct cli_action *actions,
		     const char *missing, int argc, char **argv, void *ctx, const char **name);
/* cli_arg - the next operand, argv[optind], stepping past it; NULL when
 * there is none left. */
char *cli_arg(int argc, char **argv);
/* cli_end - 0 when no operand is left, else 2 after a usage error naming
 * the first one. */
int cli_end(struct app *app, const char *cmd, int argc, char **argv);
/* cli_dossier - the dossier whose number is ref, once the actor may see it:
 * 0 with *id set, else the exit code (a usage error when ref is NULL). */
int cli_dossier(struct app *app, const char *cmd, const char *ref, long long *id);

/* The values of --format; a command accepts some of them (bits 1 << f). */
enum cli_format { CLI_TABLE, CLI_TSV, CLI_CSV, CLI_JSON };
#define CLI_FMT(f) (1u << (f))
/* cli_format - s as one of the formats of allowed into *f: 0, or 2 after a
 * usage error naming the ones allowed. */
int cli_format(struct app *app, const char *cmd, const char *s, unsigned allowed,
	       enum cli_format *f);

#endif
