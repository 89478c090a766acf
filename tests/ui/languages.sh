#!/bin/sh
# languages.sh - both languages complete in the interface: the English
# session shows the grids' English texts (titles, sections, labels, bands,
# options); the French one answers gates with o/n/? and shows « oui »,
# « non », « à vérifier » and French option labels, never ids; a member cut
# in its row is shown whole below it. At 80x24 and 200x50.
. "$(dirname "$0")/../lib.sh"
NB=$(printf '\302\240')	# no-break space (French typography)
. "$(dirname "$0")/lib/ui.sh"
t_setup
ui_init_db
ui_add 1001 "Coopérative Énergie Sud" 76 31 3 "Rénovation énergétique."
ui_add 1002 "Filière vélo du Grand Paris" 11 93 12 "Réemploi de vélos."
ptce move 1002 phase1 >/dev/null
ptce move 1002 bouquet --override --reason "Essai" >/dev/null
ptce move 1002 phase2 >/dev/null
sqlite3 -batch "$PTCE_DB" "INSERT INTO members(dossier_id, position, name, category, role, commitment)
  SELECT id, 1, 'Ressourcerie du Gard rhodanien et des Cévennes réunies pour le réemploi solidaire',
  'collectivite-epci', 'Animation du réseau des ressourceries', 'convention'
  FROM dossiers WHERE ds_number = '1001';" || echo "not ok - member"

# ---- English: the grids' _en texts -------------------------------------------
ui_run en 80 24 <<'KEYS'
s
:save-screen en1
<End>
<Up>
3
:save-screen en2
q
q
<Down>
s
:save-screen en3
KEYS
ui_expect "en: the phase 2 grid with its English title, sections, labels" en1 <<'SCREEN'
 ptce · tous, by Number ↑ · 2 dossiers
 1001 · Coopérative Énergie Sud · Phase 1 receivability grid - bouquet de servi…
 draft · 11 things missing
 Eligibility: conditions of decree 2015-431
>*R1   [ ]      Private-law lead entity
 *R2   [ ]      Three or more legal entities
 *R3   [ ]      At least one ESS enterprise
 *R4   [ ]      At least one non-ESS enterprise
 *R5   [ ]      A local authority, research or training actor
 *R6   [ ]      A defined territory
 Cooperation project
 *R7   [ ]      A shared cooperation strategy
 *R8   [ ]      An innovative economic and social project
 *R9   [ ]      Lead entity is an ESS enterprise
────────────────────────────────────────────────────────────────────────────────
 R1 · answer yes, no or check (keys y n ?)
 Enter: write a comment · S: submit · r: other reviews





<status>
0-9 y n ?: answer · <Enter> comment · S submit · r others · q back
SCREEN
en2=$(ui_screen en2)
t_contains "en: R12's help in English" "$en2" "Information only."
en3=$(ui_screen en3)
t_contains "en: the phase 2 grid title in English" "$en3" "Phase 2 review grid - funding"
t_contains "en: a phase 2 section in English" "$en3" "Cooperation and governance"
t_contains "en: a criterion's English help" "$en3" "Diversity and commitment of the members"
t_not_contains "en: no French section title" "$en3" "Coopération et gouvernance"

ui_run en4 80 24 <<'KEYS'
<Down>
s
<End>
<Up>
3
:save-screen en4
KEYS
en4=$(ui_screen en4)
t_contains "en: the option by its English label, in its box" "$en4" "[Do not retain]"
t_contains "en: the full answer below the form" "$en4" "Answer: Do not retain"
t_contains "en: the keys name the options by label" "$en4" "1 Retain · 2 Postpone (more documents) · 3 Do not retain"
t_contains "en: the band in English" "$en4" "Unfavourable"
t_not_contains "en: never the option's id" "$en4" "[ecarter]"

# ---- French: o n ?, the answers in words, the option labels -------------------
export LANGUAGE=fr
ui_run fr 80 24 <<'KEYS'
s
o
n
<Down>
?
:save-screen fr1
KEYS
# The status line (user, database path) is left out: it moves.
t_eq "fr: o n ? answer the gates, shown oui non à vérifier" "$(ui_screen fr1 | sed -n '1,17p')" \
"$(cat <<'SCREEN'
 ptce · tous, par Numéro ↑ · 2 dossiers
 1001 · Coopérative Énergie Sud · Grille de recevabilité phase 1 – bouquet de s…
 brouillon · 10 éléments manquants
 Éligibilité : conditions du décret 2015-431
 *R1   [oui]        Structure porteuse de droit privé
 *R2   [non]        Au moins trois personnes morales  (commentaire nécess…
>*R3   [à vérifier] Au moins une entreprise de l’ESS  (commentaire nécess…
 *R4   [ ]          Au moins une entreprise hors ESS
 *R5   [ ]          Une collectivité, un acteur de recherche ou de format…
 *R6   [ ]          Un territoire défini
 Projet de coopération
 *R7   [ ]          Une stratégie de coopération partagée
 *R8   [ ]          Un projet économique et social innovant
 *R9   [ ]          Structure porteuse de l’ESS
────────────────────────────────────────────────────────────────────────────────
 R3 · répondre oui, non ou à vérifier (touches o n ?)
 Entrée : rédiger un commentaire · S : soumettre · r : autres évaluations
SCREEN
)"
t_contains "fr: the message names the answer in words" "$(tail -1 "$T_DIR/fr1")" "R3${NB}: à vérifier (enregistré)"
t_eq "fr: the answers are stored as codes" \
	"$(ptce scores 1001 2>/dev/null | grep -c -E 'R[123] ')" "3"
ui_run fr2 80 24 <<'KEYS'
s
<Down>
:save-screen fr2
KEYS
fr2=$(ui_screen fr2)
t_contains "fr: the hints name o n ?" "$fr2" "0-9 o n ? : répondre"
t_contains "fr: a label the row cuts is whole below the form" "$fr2" \
	"Une collectivité, un acteur de recherche ou de formation"

ui_run fr3 80 24 <<'KEYS'
<Down>
s
<End>
<Up>
2
<Up>
:save-screen fr3
KEYS
fr3=$(ui_screen fr3)
t_contains "fr: the option's French label, cut with … in its box" "$fr3" "[Ajourner (com…]"
t_contains "fr: the whole answer below the form" "$fr3" "Réponse : Ajourner (compléments)"
t_contains "fr: the band in French" "$fr3" "Défavorable"
t_not_contains "fr: never the option's id" "$fr3" "[ajourner]"

# ---- 200x50: the form beside the dossier, nothing cut ---------------------------
ui_run wide 200 50 <<'KEYS'
s
o
:save-screen wide1
KEYS
wide1=$(ui_screen wide1)
t_contains "fr 200x50: the grid's whole title" "$wide1" "Grille de recevabilité phase 1 – bouquet de services"
t_contains "fr 200x50: the answer in words" "$wide1" "[oui]        Structure porteuse de droit privé"
t_contains "fr 200x50: the keys" "$wide1" "(touches o n ?)"
t_contains "fr 200x50: the long member's name, whole" "$wide1" \
	"Ressourcerie du Gard rhodanien et des Cévennes réunies pour le réemploi solidaire"

# ---- members cut in their row are whole below it (80x24) -------------------------
ui_run members 80 24 <<'KEYS'
<Enter>
]]]]]]
:save-screen m1
KEYS
m1=$(ui_screen m1)
t_contains "fr 80x24: the member's row ends its name with …" "$m1" "Ressourcerie du Gard rh…"
t_contains "fr 80x24: the whole member on the lines below" "$m1" "Ressourcerie du Gard rhodanien et des Cévennes réunies pour le"
t_done
