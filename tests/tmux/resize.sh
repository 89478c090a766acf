#!/bin/sh
# resize.sh - in a real terminal: shrinking below 80x24 shows a clear
# message, enlarging brings the interface back, wide terminals put the queue
# and the dossier side by side.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/tmux.sh"
tm_setup
tm_add 1001 "Coopérative Énergie Sud" 76 31 3
tm_start app 80 24
tm_check "the queue appears at 80x24" app "1 dossier"
tm resize-window -t app -x 60 -y 20
tm_check "below 80x24: terminal too small" app "terminal too small (need 80×24, have 60×20)"
tm resize-window -t app -x 100 -y 30
tm_check "enlarged: the queue is back" app "1 dossier"
t_not_contains "enlarged: the message is gone" "$(tm_screen app)" "too small"
tm resize-window -t app -x 200 -y 50
tm_check "200x50: the dossier beside the queue" app "│  1001 · Coopérative Énergie Sud"
tm resize-window -t app -x 80 -y 24
tm_check "back to 80x24: one panel" app "Number"
t_not_contains "back to 80x24: no side panel" "$(tm_screen app)" "│"
tm_keys app Q
t_eq "Q quits with status 0" "$(tm_exit_status app)" 0
t_done
