/* main.c - the ptce program: locale, then the command line, which opens the
 * interface when no subcommand is given. */
#include <locale.h>

#include "base/i18n.h"
#include "cli/app.h"
#include "cli/commands.h"
#include "store/store.h"

int ui_main(struct app *app);

int main(int argc, char **argv)
{
	store_single_thread();
	setlocale(LC_ALL, "");
	i18n_init();
	return cli_main(argc, argv, ui_main);
}
