/* script.h - script mode: the interface's keys read from the file named by
 * PTCE_SCRIPT, with screen dumps where the program waits. */
#ifndef PTCE_UI_SCRIPT_H
#define PTCE_UI_SCRIPT_H

#include "base/err.h"
#include "keys/keys.h"

/* A script's request for a screen dump, after every enum key_code. */
#define K_SCRIPT_SAVE (K_NONE + 1)

/* script_open - read the keys of the script at path; 0 on success. */
int script_open(const char *path, struct perr *e);
/* script_next - next key of the script, or -1 at its end; K_SCRIPT_SAVE
 * asks for a screen dump to script_save_path(). */
int script_next(void);
/* script_save_path - the file of the next screen dump. */
const char *script_save_path(void);
/* script_close - forget the script. */
void script_close(void);

#endif
