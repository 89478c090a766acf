#!/bin/sh
# sighup.sh - a dropped connection in the middle of a comment: SIGHUP ends
# ptce with status 0 and the comment typed so far is saved as a draft; the
# same for SIGTERM.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/tmux.sh"
tm_setup
tm_add 1001 "Coopérative Énergie Sud" 76 31 3
tm_start app 80 24
tm_check "the queue appears" app "1 dossier"
tm_keys app s
tm_check "the grid opens" app "R1"
tm_keys app y Enter
tm_check "the editor opens" app "Esc when done"
tm_text app "Brouillon interrompu à mi-phrase"
tm_check "the text is on screen" app "Brouillon interrompu à mi-phrase"
kill -HUP "$(tm_pid app)"
t_eq "SIGHUP: exit status 0" "$(tm_exit_status app)" 0
t_run "ptce scores runs" 0 ptce scores 1001
t_contains "the comment typed before SIGHUP is saved" "$T_OUT" "Brouillon interrompu à mi-phrase"
t_contains "as a draft" "$T_OUT" "draft"

tm_start app2 80 24
tm_check "again" app2 "1 dossier"
tm_keys app2 s
tm_check "the grid opens again" app2 "R2"
tm_keys app2 Enter
tm_check "the editor opens again" app2 "Esc when done"
tm_text app2 "Coupé par SIGTERM"
tm_check "typed" app2 "Coupé par SIGTERM"
kill -TERM "$(tm_pid app2)"
t_eq "SIGTERM: exit status 0" "$(tm_exit_status app2)" 0
t_run "ptce scores runs" 0 ptce scores 1001
t_contains "the comment typed before SIGTERM is saved" "$T_OUT" "Coupé par SIGTERM"
t_done
