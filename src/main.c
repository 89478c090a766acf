/* main.c - the ptce program: locale, then the command line, which opens the
 * interface when no subcommand is given. */
#include <locale.h>

#include "app.h"
#include "i18n.h"

int ui_main(struct app *app);

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	i18n_init();
	return cli_main(argc, argv, ui_main);
}
