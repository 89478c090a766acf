#!/bin/sh
# refused_comment.sh - a comment being written when another session moves the
# dossier out of its phase: leaving the editor says the text was NOT saved
# and shows it to copy; nothing claims "saved".
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/tmux.sh"
tm_setup
tm_add 1001 "Coopérative Énergie Sud" 76 31 3
ptce move 1001 phase1 >/dev/null
tm_start app 80 24
tm_check "the queue appears" app "1 dossier"
tm_keys app s
tm_check "the grid opens" app "R1"
tm_keys app y Enter
tm_check "the editor opens" app "Esc when done"
tm_text app "Texte écrit avant le changement"
tm_check "the text is on screen" app "Texte écrit avant le changement"
# Another session takes the dossier out of phase 1 while the text is open.
t_run "another session rejects the dossier" 0 ptce move 1001 rejected --reason "Hors délai"
tm_text app " puis la suite"
tm_keys app Escape
tm_check "leaving the editor says the text was not saved" app "NOT saved"
tm_check "and shows it to copy" app "puis la suite"
t_not_contains "nothing claims it was saved" "$(tm_screen app)" "Comment saved"
t_done
