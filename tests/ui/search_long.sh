#!/bin/sh
# search_long.sh - a search of thousands of one-letter words and quotes
# (issue 10: "/a a a ..." wrote past the query's buffer) runs to its end.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/ui.sh"
t_setup
ui_init_db
ui_add 1001 "Coopérative Énergie Sud" 76 31 3 "Rénovation."
words=$(/usr/bin/python3 -c 'print("a " * 400 + "\" " * 100)')
ui_run long 80 24 <<KEYS
/$words<Enter>
:save-screen s1
KEYS
t_contains "the queue is still drawn after the search" "$(cat "$T_DIR/s1")" "1001"
t_done
