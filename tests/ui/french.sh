#!/bin/sh
# french.sh - the interface in French (LANGUAGE=fr) on the demo data: queue,
# dossier, move menu with French transition labels, phase 2 scoring with a
# scale (digit keys, live total and band), the others' reviews, the help.
# Checked with greps: the demo's dates and the catalogue's wording move.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/ui.sh"
t_setup
ptce init --demo >/dev/null 2>&1 || { echo "not ok 1 - ptce init --demo"; exit 1; }
export LANGUAGE=fr

ui_run fr 80 24 <<'KEYS'
:save-screen f1
4
:save-screen f2
<Enter>
:save-screen f3
m
:save-screen f4
<Esc>
q
s
:save-screen f5
3
:save-screen f6
r
:save-screen f7
q
<F1>
:save-screen f8
<Esc>
q
a
:save-screen f9
<Esc>
KEYS
t_contains "fr: queue titles" "$(ui_screen f1)" "Numéro"
t_contains "fr: accents in PTCE names" "$(ui_screen f1)" "Filière vélo"
t_contains "fr: the phase 2 view" "$(ui_screen f2)" "phase 2"
t_not_contains "fr: phase 2 view holds no rejected dossier" "$(ui_screen f2)" "rejected"
t_contains "fr: dossier sections" "$(ui_screen f3)" "Structure porteuse"
t_contains "fr: move menu with French labels" "$(ui_screen f4)" "retenir pour financement"
t_contains "fr: the phase 2 grid" "$(ui_screen f5)" "phase 2"
t_contains "fr: criterion A on a scale of 0 to 4" "$(ui_screen f5)" "0 à 4"
t_contains "fr: digit 3 sets the value" "$(ui_screen f6)" "[3/4]"
t_contains "fr: live total, decimal comma" "$(ui_screen f6)" "total 15,00 / 100"
t_contains "fr: the criterion's points, decimal comma" "$(ui_screen f6)" "Partenariat multi-acteurs                          15,00"
t_not_contains "fr: no decimal point on the form" "$(ui_screen f6)" "15.00"
NB=$(printf '\302\240')
t_contains "fr: what a criterion accepts, French colon" "$(ui_screen f6)" "B · accepte${NB}: 0 à 4 (touches chiffres)"
t_contains "fr: the move menu, French colon" "$(ui_screen f4)" "→ financé${NB}: retenir pour financement"
t_eq "fr: the dossier's deposit date in French" \
	"$(ui_screen f3 | grep -c -E '^ Déposé le +[0-9]{2}/[0-9]{2}/20[0-9]{2}$')" 1
t_contains "fr: the platform's status as the platform writes it" "$(ui_screen f3)" "Statut sur la plateforme    En instruction"
t_contains "fr: the reviews, mine first with the value just set, criteria with their labels" "$(ui_screen f7)" "A Partenariat multi-acteurs : 3 - bon"
n_cand=$(ui_screen f9 | grep -c -E '│ [a-z]+ ')
t_eq "fr: the assignment picker lists the reviewers" "$([ "$n_cand" -ge 3 ] && echo yes)" yes
t_eq "fr: ...each load whole" "$(ui_screen f9 | grep -c -E ' [0-9]+ en cours ')" "$n_cand"
t_contains "fr: the picker's hint in French" "$(ui_screen f9)" "-ident retire"
t_contains "fr: help from the key table, translated" "$(ui_screen f8)" "Monter d’une ligne"
t_contains "fr: the help names keys in French" "$(ui_screen f8)" "j, <Bas>"
t_not_contains "fr: ...never in English" "$(ui_screen f8)" "<Down>"
t_contains "fr: the queue's hint line names keys in French" "$(ui_screen f1)" "<Entrée> ouvrir"
# The filter line takes its keys in French, as the French prompt writes them.
ui_run frfilter 100 30 <<'KEYS'
f
:save-screen g1
état=phase2 région=11
<Enter>
:save-screen g2
KEYS
t_contains "fr: the filter prompt names its keys in French" "$(ui_screen g1)" "Filtre (état=… région=…"
t_contains "fr: état= and région= filter the queue" "$(ui_screen g2 | sed -n 1p)" "1 dossier"
t_contains "  ...to the phase 2 dossier in Île-de-France" "$(ui_screen g2)" "Filière vélo du Grand Paris"
# The flag letters are French: R (retard) and F (forcé), never L or O.
ui_run frflags 120 40 <<'KEYS'
:save-screen h1
f
région=93
<Enter>
<Enter>
:save-screen h2
KEYS
t_eq "fr: compléments past their deadline flagged R" \
	"$(ui_screen h1 | grep 'Kaz.Coop' | sed 's/.* \([A-Z]\) *$/\1/')" "R"
t_contains "fr: Provence-Alpes-Côte d’Azur with its French apostrophe" "$(ui_screen h2)" "Provence-Alpes-Côte d’Azur"
t_not_contains "fr: no English flag letter L in the flags column" "$(ui_screen h1 | cut -c110-)" "L"
t_done
