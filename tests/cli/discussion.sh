#!/bin/sh
# discussion.sh - the reviewers' discussion of a dossier (ptce comment, the
# thread in ptce show) with the visibility rules of reviews, and conflicts of
# interest: assigning a reviewer in conflict is refused, a conflict declared
# by mistake is withdrawn by its author or a coordinateur, in the history.
. "$(dirname "$0")/../lib.sh"
t_setup

cat >"$T_DIR/d.csv" <<'CSV'
ID;Établissement SIRET;Entreprise raison sociale;État du dossier;Déposé le;Région;Département (Code);Nom du PTCE;Type de territoire
5001;90000014000005;Association Alpha;En construction;2025-03-01 10:00:00 +0100;Grand Est;67;PTCE Alpha;Rural
5002;90000014000013;Association Beta;En construction;2025-03-02 10:00:00 +0100;Grand Est;54;PTCE Beta;Urbain
CSV
ptce init >/dev/null 2>&1
ptce import "$T_DIR/d.csv" >/dev/null 2>&1
for p in "alice Alice_Martin instructeur" "bob Bob_Durand instructeur" "lea Lea_Roux lecteur" \
	 "exp Eva_Expert expert"; do
	set -- $p
	ptce reviewer add "$1" --name "$(echo "$2" | tr _ ' ')" --role "$3" >/dev/null
done
ptce reviewer set-role root admin,coordinateur >/dev/null
ptce move 5001 phase1 >/dev/null

# --- writing and reading the thread --------------------------------------------
t_run "alice comments" 0 ptce --as alice comment add 5001 Les lettres d\'engagement manquent.
t_contains "  ...and is told so" "$T_OUT" "Comment added to dossier 5001."
t_run "bob comments too" 0 ptce --as bob comment add 5001 "D'accord : à relancer."
t_run "the coordinateur lists the thread" 0 ptce comment list 5001
t_contains "  ...alice's comment with her name" "$T_OUT" "Alice Martin (alice)"
t_contains "  ...its text" "$T_OUT" "Les lettres d'engagement manquent."
t_contains "  ...bob's" "$T_OUT" "D'accord : à relancer."
t_run "ptce show ends with the discussion" 0 ptce show 5001
t_contains "  ...its title" "$T_OUT" "== Discussion =="
t_contains "  ...and the comments" "$T_OUT" "D'accord : à relancer."
t_run "a dossier without comments says so" 0 ptce comment list 5002
t_contains "  ...no comment yet" "$T_OUT" "No comment yet."
t_run "a lecteur may read" 0 ptce --as lea comment list 5001
t_run "a lecteur may not write" 1 ptce --as lea comment add 5001 "Bonjour"
t_contains "  ...and is told who may" "$T_ERR" "only an instructeur, a coordinateur or an expert"
t_run "an expert not asked about the dossier may not read it" 1 ptce --as exp comment list 5001
t_run "a comment needs a text" 2 ptce comment add 5001
t_run "comment without an action is a usage error" 2 ptce comment
t_run "an unknown action too" 2 ptce comment edit 5001
t_contains "  ...naming the actions" "$T_ERR" "expected add or list"
t_eq "each comment is in the history" "$(t_sql "select count(*) from history where kind = 'note'")" 2

# --- conflicts: refused assignment, withdrawal ---------------------------------
t_run "bob declares a conflict" 0 ptce --as bob conflict 5001 --reason "Frère du trésorier"
t_run "bob no longer reads the comments" 0 ptce --as bob comment list 5001
t_contains "  ...they are hidden" "$T_OUT" "2 comments are hidden from you for now."
t_run "bob may not comment" 1 ptce --as bob comment add 5001 "Encore moi"
t_run "assigning bob is refused" 1 ptce assign 5001 bob
t_contains "  ...because of the conflict" "$T_ERR" "bob is in conflict of interest on dossier 5001"
t_eq "  ...nothing assigned" "$(t_sql "select count(*) from assignments")" 0
t_run "alice may not withdraw bob's conflict" 1 ptce --as alice conflict withdraw 5001 --reviewer bob
t_contains "  ...only its author or a coordinateur" "$T_ERR" "only bob, who declared the conflict of interest of bob, or a coordinateur"
t_run "bob withdraws his own" 0 ptce --as bob conflict withdraw 5001 --reason "Erreur de dossier"
t_contains "  ...and is told so" "$T_OUT" "Conflict of interest withdrawn: bob on dossier 5001."
t_eq "  ...recorded in the history" \
	"$(t_sql "select actor || '|' || detail || '|' || motivation from history where kind = 'conflict-withdrawn'")" \
	"bob|person=bob|Erreur de dossier"
t_run "withdrawing it twice says there is none" 3 ptce --as bob conflict withdraw 5001
t_run "bob may now be assigned" 0 ptce assign 5001 bob
t_run "a coordinateur declares one for alice" 0 ptce conflict 5002 --reviewer alice --reason "Salariée"
t_run "  ...and withdraws it" 0 ptce conflict withdraw 5002 --reviewer alice
t_run "conflict --help names withdraw" 0 ptce conflict --help
t_contains "  ...its synopsis" "$T_OUT" "withdraw ID"
t_done
