#!/bin/sh
# navigate.sh - in a real terminal: the queue opens, arrows move, Enter opens
# the dossier with its accents, q goes back, Q quits with status 0, and an
# escape sequence in a dossier never reaches the terminal (title unchanged).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/tmux.sh"
tm_setup
tm_add 1001 "Coopérative Énergie Sud" 76 31 3
tm_add 1002 "Filière vélo du Grand Paris" 11 93 5
sqlite3 -batch "$PTCE_DB" "UPDATE dossiers SET description = 'Texte ' || char(27) || ']0;pwned' || char(7) || ' propre' WHERE ds_number = '1002'"
tm_start app 80 24
tm_check "the queue appears" app "2 dossiers"
tm_check "accents are drawn" app "Coopérative Énerg"
tm_keys app Down Enter
tm_check "Enter opens the dossier under the cursor" app "1002 · Filière vélo du Grand Paris"
tm_check "the dossier's description is shown cleaned" app "Texte  propre"
t_not_contains "the terminal title was not changed by the dossier" \
	"$(tm display -p -t app '#{pane_title}')" "pwned"
tm_keys app q
tm_check "q goes back to the queue" app "Number"
tm_keys app '?'
tm_check "? shows the help" app "Help: keys"
tm_keys app Escape
tm_wait_gone app "Help: keys"
tm_keys app Q
t_eq "Q quits with status 0" "$(tm_exit_status app)" 0
t_done
