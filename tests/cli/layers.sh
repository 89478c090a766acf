#!/bin/sh
# layers.sh - the source tree keeps its shape: tests/lint/layers.py finds no
# layer including one above it, no include cycle, no curses in src/, no SQL
# in ui/, no .c without its header, no file over 900 lines and no function
# over 80. Fixture trees show that each rule is really checked.
. "$(dirname "$0")/../lib.sh"
t_setup
LINT="python3 $T_TOP/tests/lint/layers.py"

t_run "the tree follows src/README.md's layers" 0 $LINT "$T_TOP"
t_eq "  ...and says nothing" "$T_OUT" ""

# fixture NAME : a small tree with two layers, store above base, that passes.
fixture() {
	F=$T_DIR/$1
	mkdir -p "$F/src/base" "$F/src/store" "$F/ui"
	cat >"$F/src/README.md" <<'MD'
| folder | holds | may include |
|---|---|---|
| `base/` | errors | nothing |
| `store/` | the database | `base/` |
MD
	printf '#include "base/err.h"\nint err(void);\n' >"$F/src/base/err.h"
	printf '#include "base/err.h"\nint err(void)\n{\n\treturn 0;\n}\n' >"$F/src/base/err.c"
	printf '#include "base/err.h"\nint db(void);\n' >"$F/src/store/db.h"
	printf '#include "store/db.h"\nint db(void)\n{\n\treturn err();\n}\n' >"$F/src/store/db.c"
	printf 'void draw(void);\n' >"$F/ui/draw.h"
	printf '#include <curses.h>\n#include "draw.h"\n#include "store/db.h"\nvoid draw(void)\n{\n\tdb();\n}\n' >"$F/ui/draw.c"
}

fixture good
t_run "a tree that keeps the rules passes" 0 $LINT "$F"

fixture up
printf '#include "store/db.h"\n' >>"$F/src/base/err.c"
t_run "a lower layer including a higher one fails" 1 $LINT "$F"
t_contains "  ...naming the file, the line and the header" "$T_OUT" \
	"src/base/err.c:6: layer base includes src/store/db.h, which is not below it"

fixture unknown
mkdir -p "$F/src/extra"
printf 'int x(void);\n' >"$F/src/extra/x.h"
t_run "a folder missing from the layer table fails" 1 $LINT "$F"
t_contains "  ...naming the folder" "$T_OUT" "folder src/extra/ is not in the layer table"

fixture cycle
printf '#include "store/db.h"\nint more(void);\n' >"$F/src/store/more.h"
printf '#include "store/more.h"\nint more(void)\n{\n\treturn 1;\n}\n' >"$F/src/store/more.c"
printf '#include "store/more.h"\n' >>"$F/src/store/db.c"
t_run "an include cycle inside a layer fails" 1 $LINT "$F"
t_contains "  ...and shows the cycle" "$T_OUT" "include cycle: src/store/db -> src/store/more -> src/store/db"

fixture curses
printf '#include <ncursesw/curses.h>\n' >>"$F/src/store/db.c"
t_run "the core including curses fails" 1 $LINT "$F"
t_contains "  ...naming it" "$T_OUT" "src/store/db.c:6: the core includes curses"

fixture sql
printf 'static void q(void *db)\n{\n\tsqlite3_exec(db, "DELETE FROM x", 0, 0, 0);\n}\n' >>"$F/ui/draw.c"
t_run "the interface running SQL fails" 1 $LINT "$F"
t_contains "  ...naming the call" "$T_OUT" "ui/draw.c:10: ui/ runs SQL (sqlite3_exec("

fixture header
printf 'int lonely(void)\n{\n\treturn 2;\n}\n' >"$F/src/base/lonely.c"
t_run "a .c file without its header fails" 1 $LINT "$F"
t_contains "  ...naming the header" "$T_OUT" "src/base/lonely.c: no header of its own (lonely.h)"

fixture longfn
{ printf 'int big(void)\n{\n\tint n = 0;\n'; i=0; while [ $i -lt 80 ]; do printf '\tn++;\n'; i=$((i + 1)); done; printf '\treturn n;\n}\n'; } >>"$F/src/base/err.c"
t_run "a function over 80 lines fails" 1 $LINT "$F"
t_contains "  ...with its length" "$T_OUT" "function big is 85 lines, over 80"

fixture longfile
i=0; while [ $i -lt 900 ]; do echo "/* filler */"; i=$((i + 1)); done >>"$F/src/store/db.c"
t_run "a file over 900 lines fails" 1 $LINT "$F"
t_contains "  ...with its length" "$T_OUT" "src/store/db.c: 905 lines, over 900"

t_done
