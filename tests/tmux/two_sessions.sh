#!/bin/sh
# two_sessions.sh - two reviewers at once: what one session does appears in
# the other within two seconds without a key press, and a stale save is
# refused with who changed what.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/tmux.sh"
tm_setup
tm_add 1001 "Coopérative Énergie Sud" 76 31 3
tm_add 1002 "Filière vélo du Grand Paris" 11 93 5
tm_start a 80 24
tm_start b 80 24
tm_check "session A shows the queue" a "2 dossiers"
tm_check "session B shows the queue" b "2 dossiers"
tm_keys b m
tm_check "B: the move menu" b "phase 1 instruction"
tm_keys b 1
tm_check "B: moved" b "moved to phase 1 instruction"
# A receives no key: it must notice by itself.
tm_check "A sees B's move without a key press" a "1001      Coopérative Énerg… 76/31  phase 1" 3
tm_keys b j a
tm_check "B: assign prompt" b "Assign"
tm_text b "$TM_ME"
tm_keys b Enter
tm_check "B: assigned" b "assignments saved"
tm_keys a 2
tm_check "A: mes dossiers shows the assignment" a "1 dossier"
# Both open the move menu of 1002; B moves first; A's move is refused.
tm_keys a 5 j m
tm_check "A: the move menu of 1002" a "Move 1002 to"
tm_keys b m
tm_check "B: the move menu of 1002" b "Move 1002 to"
tm_keys b 1
tm_check "B: 1002 moved" b "1002  moved to phase 1 instruction"
tm_keys a 1
tm_check "A: the stale move is refused, naming who changed it" a "by $TM_ME (move"
t_eq "1002 moved once" "$(t_sql "SELECT count(*) FROM history h JOIN dossiers d ON d.id = h.dossier_id WHERE d.ds_number = '1002' AND h.kind = 'move'")" 1
# My review changed by another session of mine (here the command line)
# while the scoring form is open: the form shows it without a key press.
tm_keys a q 5 g s
tm_check "A: the scoring form of 1001" a "R1"
ptce score 1001 --grid phase1 R1=no R2=check >/dev/null
tm_check "A sees the answers saved elsewhere" a "*R2   [check]" 3
tm_keys a y
tm_check "A's next answer is saved on the fresh version" a "R1: yes (saved)"
t_eq "stored: R1 yes, R2 check" "$(t_sql "SELECT group_concat(value, ',') FROM (SELECT value FROM review_answers WHERE criterion IN ('R1', 'R2') ORDER BY criterion)")" "yes,check"
tm_keys a Q
tm_keys b Q
t_eq "A quits with 0" "$(tm_exit_status a)" 0
t_eq "B quits with 0" "$(tm_exit_status b)" 0
t_done
