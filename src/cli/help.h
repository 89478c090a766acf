/* help.h - the text of each subcommand's --help (what its options do), kept
 * in one table apart from the code. */
#ifndef PTCE_HELP_H
#define PTCE_HELP_H

/* cli_help_text - the translated --help text of cmd, or NULL. */
const char *cli_help_text(const char *cmd);

#endif
