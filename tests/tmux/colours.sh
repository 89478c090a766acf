#!/bin/sh
# colours.sh - colours in a real terminal: an overdue dossier's days in red;
# with NO_COLOR set, no colour at all, the cursor still shown (reverse video
# and the '>' mark).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/tmux.sh"
tm_setup
tm_add 1001 "Coopérative Énergie Sud" 76 31 3
tm_add 1002 "Dossier en retard" 11 93 40
esc=$(printf '\033')
tm_start app 80 24
tm_check "the queue appears" app "2 dossiers"
line=$(tm capture-pane -e -p -t app | grep "Dossier en retard")
t_contains "overdue days (40 > 15 in submitted) are red" "$line" "${esc}[31m"
tm_keys app Q
t_eq "quits with 0" "$(tm_exit_status app)" 0

TM_ENV=NO_COLOR=1 tm_start mono 80 24
tm_check "NO_COLOR: the queue appears" mono "2 dossiers"
screen=$(tm capture-pane -e -p -t mono)
t_not_contains "NO_COLOR: no red" "$screen" "${esc}[31m"
t_not_contains "NO_COLOR: no yellow cursor bar" "$screen" "${esc}[43m"
cursor=$(printf '%s\n' "$screen" | grep "1001")
t_contains "NO_COLOR: the cursor row in reverse video" "$cursor" "7m"
t_contains "NO_COLOR: the cursor row marked" "$cursor" ">  1001"
tm_keys mono Q
t_eq "quits with 0" "$(tm_exit_status mono)" 0
t_done
