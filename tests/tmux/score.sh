#!/bin/sh
# score.sh - in a real terminal: score a dossier with single keys, write a
# comment, submit with confirmation, quit; then `ptce scores` shows it.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/tmux.sh"
tm_setup
tm_add 1001 "Coopérative Énergie Sud" 76 31 3
tm_start app 80 24
tm_check "the queue appears" app "1 dossier"
tm_keys app s
tm_check "s opens the grid" app "R1"
tm_keys app y y y y y y
tm_check "answers are saved at once" app "R6: yes (saved)"
tm_keys app Enter
tm_check "Enter opens the comment editor" app "Esc when done"
tm_text app "Stratégie partagée, à suivre."
tm_check "the comment is typed with its accents" app "Stratégie partagée, à suivre."
tm_keys app Escape
tm_check "Esc saves the comment" app "Comment saved."
tm_keys app y y y y y y
tm_check "every required answer given" app "complete"
tm_keys app S
tm_check "submit asks for confirmation" app "Others will see it."
tm_keys app y
tm_check "submitted" app "submitted."
tm_keys app Q
t_eq "Q quits with status 0" "$(tm_exit_status app)" 0
t_run "ptce scores runs" 0 ptce scores 1001
t_contains "ptce scores: the review is submitted" "$T_OUT" "submitted"
t_contains "ptce scores: the comment" "$T_OUT" "Stratégie partagée, à suivre."
t_done
