#!/bin/sh
# kept_motivation.sh - a move refused because another session changed the
# dossier while its motivation was typed: the refusal says the motivation is
# kept, and the next move of that dossier offers it again; nothing typed is
# lost (issue 12, defect 8).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/tmux.sh"
tm_setup
tm_add 1001 "Coopérative Énergie Sud" 76 31 3
ptce move 1001 phase1 >/dev/null
tm_start app 80 24
tm_check "the queue appears" app "1 dossier"
tm_keys app m
tm_check "the moves are offered" app "→ rejected"
n=$(tm_screen app | grep '→ rejected' | sed 's/.*│ \([0-9]\)  →.*/\1/')
tm_keys app "$n"
tm_check "the motivation is asked" app "Motivation (required):"
tm_text app "Aucun acteur de la recherche ni de la formation"
tm_check "the motivation is on screen" app "ni de la formation"
# Another session changes the dossier before Enter.
t_run "another session requests compléments" 0 ptce complements 1001 --due 2030-06-30 --note "Statuts"
tm_keys app Enter
tm_check "the move is refused: changed meanwhile" app "Your motivation is kept"
t_eq "the dossier did not move" "$(t_sql "select state from dossiers where ds_number = '1001'")" phase1
tm_keys app q
tm_keys app m
tm_check "the moves are offered again" app "→ rejected"
tm_keys app "$n"
tm_check "the motivation typed before is offered again" app \
	"Motivation (required): Aucun acteur de la recherche ni de la formation"
tm_keys app Enter
tm_check "moved with it" app "1001  moved to rejected"
t_eq "stored with the motivation typed before" \
	"$(t_sql "select motivation from history where to_state = 'rejected'")" \
	"Aucun acteur de la recherche ni de la formation"
tm_keys app Q
t_eq "ptce exits 0" "$(tm_exit_status app)" 0
t_done
