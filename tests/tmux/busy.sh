#!/bin/sh
# busy.sh - in a real terminal, while another session holds the write lock
# (a large import): a save waits and says so on the message line, then saves
# when the lock is released; Esc gives the wait up and the comment being
# written stays in the editor, to be saved again.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/tmux.sh"
tm_setup
tm_add 1001 "Coopérative Énergie Sud" 76 31 3
ptce move 1001 phase1 >/dev/null

answer() { t_sql "select coalesce(value, '') || '|' || coalesce(comment, '') from review_answers where criterion = '$1'"; }

tm_start app 80 24
tm_check "the queue appears" app "1 dossier"
tm_keys app s
tm_check "the grid opens" app "R1"

# --- an answer given during another session's write waits, then is saved ---
t_hold_lock 3
tm_keys app y
tm_check "the answer waits and says so" app "Waiting for another session's write… Esc gives up" 3
t_eq "  ...nothing is saved while the lock is held" "$(answer R1)" ""
tm_check "  ...and is saved when the write ends" app "R1: yes (saved)" 10
wait "$LOCK_PID"
t_eq "  ...in the database" "$(answer R1)" "yes|"

# --- an answer whose wait is given up is not saved, and says so ------------
t_hold_lock 60
tm_keys app y
tm_check "the next answer waits" app "Waiting for another session's write… Esc gives up" 3
tm_keys app Escape
tm_check "  ...Esc gives up: R2 not saved, said so" app "R2: not saved (another session's write); press the key again."
t_eq "  ...nothing written" "$(answer R2)" ""
{ kill "$LOCK_PID"; wait "$LOCK_PID"; } 2>/dev/null

# --- Esc gives the wait up: the comment stays in the editor ---------------
# The lock is taken first, so no save of the text can pass before it: the
# save as one types (when idle) waits, then the explicit one (Esc).
tm_keys app Up Enter
tm_check "the comment editor opens" app "Esc when done"
t_hold_lock 60
tm_text app "Écrit pendant un import"
tm_check "saving the text as typed waits and says so" app "Waiting for another session's write… Esc gives up" 5
tm_keys app Escape
tm_check "Esc gives up: not saved, said so" app "Not saved (another session's write); your text is kept"
tm_check "  ...the text is still in the editor" app "Écrit pendant un import"
tm_check "  ...which is still open" app "Esc when done"
t_eq "  ...and nothing was written" "$(answer R1)" "yes|"
tm_keys app Escape
tm_check "saving with Esc waits too" app "Waiting for another session's write" 3
tm_keys app Escape
tm_check "  ...given up with Esc again: not saved" app "Not saved (another session's write); your text is kept"
tm_check "  ...the text still there" app "Écrit pendant un import"
t_eq "  ...and nothing written" "$(answer R1)" "yes|"

# --- saving again, the lock released meanwhile, works ----------------------
tm_keys app Escape
tm_check "saving again waits while the lock is held" app "Waiting for another session's write" 3
{ kill "$LOCK_PID"; wait "$LOCK_PID"; } 2>/dev/null
tm_check "  ...and saves once it is released" app "Comment saved." 10
t_eq "  ...the comment is in the database" "$(answer R1)" "yes|Écrit pendant un import"
tm_keys app Q
t_eq "Q quits with status 0" "$(tm_exit_status app)" 0
t_run "ptce scores shows the comment" 0 ptce scores 1001
t_contains "  ...its text" "$T_OUT" "Écrit pendant un import"
t_done
