#!/bin/sh
# scoring.sh - the scoring panel in script mode: open my review, answer gates
# with single keys, write a UTF-8 comment in the editor, try to submit with
# something missing, submit, and check the result with `ptce scores`.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/ui.sh"
t_setup
ui_init_db
ui_add 1001 "Coopérative Énergie Sud" 76 31 3 "Rénovation énergétique."
ui_add 1002 "Filière vélo du Grand Paris" 11 93 12 "Réemploi de vélos."

ui_run score 80 24 <<'KEYS'
s
:save-screen g1
yyyyyy
:save-screen g2
n
<Enter>Lettres de partenaires absentes : à réclamer.<Esc>
:save-screen g3
S
:save-screen g4
q
<Down>yyyy
:save-screen g5
KEYS
ui_expect "the phase 1 grid opens as a form, first criterion selected" g1 <<'SCREEN'
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
ui_expect "y answers six gates and moves on; saved at once" g2 <<'SCREEN'
 ptce · tous, by Number ↑ · 2 dossiers
 1001 · Coopérative Énergie Sud · Phase 1 receivability grid - bouquet de servi…
 draft · 5 things missing
 Eligibility: conditions of decree 2015-431
 *R1   [yes]    Private-law lead entity
 *R2   [yes]    Three or more legal entities
 *R3   [yes]    At least one ESS enterprise
 *R4   [yes]    At least one non-ESS enterprise
 *R5   [yes]    A local authority, research or training actor
 *R6   [yes]    A defined territory
 Cooperation project
>*R7   [ ]      A shared cooperation strategy
 *R8   [ ]      An innovative economic and social project
 *R9   [ ]      Lead entity is an ESS enterprise
────────────────────────────────────────────────────────────────────────────────
 R7 · answer yes, no or check (keys y n ?)
 Enter: write a comment · S: submit · r: other reviews





<status>
R6: yes (saved)
SCREEN
ui_expect "a 'no' then a comment with accents" g3 <<'SCREEN'
 ptce · tous, by Number ↑ · 2 dossiers
 1001 · Coopérative Énergie Sud · Phase 1 receivability grid - bouquet de servi…
 draft · 4 things missing
 Eligibility: conditions of decree 2015-431
 *R1   [yes]    Private-law lead entity
 *R2   [yes]    Three or more legal entities
 *R3   [yes]    At least one ESS enterprise
 *R4   [yes]    At least one non-ESS enterprise
 *R5   [yes]    A local authority, research or training actor
 *R6   [yes]    A defined territory
 Cooperation project
>*R7   [no]     A shared cooperation strategy  ✎
 *R8   [ ]      An innovative economic and social project
 *R9   [ ]      Lead entity is an ESS enterprise
────────────────────────────────────────────────────────────────────────────────
 R7 · answer yes, no or check (keys y n ?)
 Comment:
   Lettres de partenaires absentes : à réclamer.




<status>
Comment saved.
SCREEN
ui_expect "submit names what is missing" g4 <<'SCREEN'
 ptce · tous, by Number ↑ · 2 dossiers
 Submit
 The review cannot be submitted yet; missing:
   • R8 (An innovative economic and social project): no answer (expected yes,
   no, check)
   • R9 (Lead entity is an ESS enterprise): no answer (expected yes, no, check)
   • R10 (Partner letters attached): no answer (expected yes, no, check)
   • R11 (Not already supported by the State in an earlier call): no answer
   (expected yes, no, check)













<status>
q or Esc to close
SCREEN
ui_expect "all answered: complete" g5 <<'SCREEN'
 ptce · tous, by Number ↑ · 2 dossiers
 1001 · Coopérative Énergie Sud · Phase 1 receivability grid - bouquet de servi…
 draft · complete
 *R3   [yes]    At least one ESS enterprise
 *R4   [yes]    At least one non-ESS enterprise
 *R5   [yes]    A local authority, research or training actor
 *R6   [yes]    A defined territory
 Cooperation project
 *R7   [no]     A shared cooperation strategy  ✎
 *R8   [yes]    An innovative economic and social project
 *R9   [yes]    Lead entity is an ESS enterprise
 *R10  [yes]    Partner letters attached
 *R11  [yes]    Not already supported by the State in an earlier call
> R12  [ ]      Rural area or QPV
────────────────────────────────────────────────────────────────────────────────
 R12 · answer yes, no or check (keys y n ?)
 Information only.
 Enter: write a comment · S: submit · r: other reviews




<status>
R11: yes (saved)
SCREEN
t_run "the draft is stored with its comment" 0 ptce scores 1001
t_contains "scores shows the draft" "$T_OUT" "draft"
t_contains "scores shows the comment" "$T_OUT" "Lettres de partenaires absentes : à réclamer."

ui_run submit 80 24 <<'KEYS'
s
S
:save-screen c1
y
:save-screen c2
KEYS
ui_expect "submit asks for confirmation" c1 <<'SCREEN'
 ptce · tous, by Number ↑ · 2 dossiers
 1001 · Coopérative Énergie Sud · Phase 1 receivability grid - bouquet de servi…
 draft · complete
 *R3   [yes]    At least one ESS enterprise
 *R4   [yes]    At least one non-ESS enterprise
 *R5   [yes]    A local authority, research or training actor
 *R6   [yes]    A defined territory
 Cooperation project
 *R7   [no]     A shared cooperation strategy  ✎
 *R8 ┌─ Submit ───────────────────────────────────────────────────────────┐
 *R9 │ Submit your review of 1001? Others will see it.                    │
 *R10│                                                                    │
 *R11│ y: yes · n or Esc: no                                              │
> R12└────────────────────────────────────────────────────────────────────┘
────────────────────────────────────────────────────────────────────────────────
 R12 · answer yes, no or check (keys y n ?)
 Information only.
 Enter: write a comment · S: submit · r: other reviews




<status>
0-9 y n ?: answer · <Enter> comment · S submit · r others · q back
SCREEN
ui_expect "submitted" c2 <<'SCREEN'
 ptce · tous, by Number ↑ · 2 dossiers
 1001 · Coopérative Énergie Sud · Phase 1 receivability grid - bouquet de servi…
 submitted · complete
 *R3   [yes]    At least one ESS enterprise
 *R4   [yes]    At least one non-ESS enterprise
 *R5   [yes]    A local authority, research or training actor
 *R6   [yes]    A defined territory
 Cooperation project
 *R7   [no]     A shared cooperation strategy  ✎
 *R8   [yes]    An innovative economic and social project
 *R9   [yes]    Lead entity is an ESS enterprise
 *R10  [yes]    Partner letters attached
 *R11  [yes]    Not already supported by the State in an earlier call
> R12  [ ]      Rural area or QPV
────────────────────────────────────────────────────────────────────────────────
 R12 · answer yes, no or check (keys y n ?)
 Information only.
 Enter: write a comment · S: submit · r: other reviews




<status>
Review of 1001 submitted.
SCREEN
t_run "ptce scores after submitting" 0 ptce scores 1001
t_contains "scores: the review is submitted" "$T_OUT" "submitted"
t_eq "one submitted review in the database" \
	"$(t_sql "SELECT count(*) FROM reviews WHERE status = 'submitted'")" 1

ui_run wide 200 50 <<'KEYS'
j
s
y
:save-screen w1
KEYS
ui_expect "200x50: the scoring form beside the dossier (read while scoring)" w1 <<'SCREEN'
 ptce · tous, by Number ↑ · 2 dossiers
  1002 · Filière vélo du Grand Paris                                                                │ 1002 · Filière vélo du Grand Paris · Phase 1 receivability grid - bouquet de services
 State: submitted (since YYYY-MM-DD)                                                                │ draft · 10 things missing
 Assigned to: nobody                                                                                │ Eligibility: conditions of decree 2015-431
                                                                                                    │ *R1   [yes]    Private-law lead entity
 Dossier                                                                                            │>*R2   [ ]      Three or more legal entities
 Dossier number              1002                                                                   │ *R3   [ ]      At least one ESS enterprise
 Submitted on                YYYY-MM-DD                                                             │ *R4   [ ]      At least one non-ESS enterprise
                                                                                                    │ *R5   [ ]      A local authority, research or training actor
 Structure porteuse                                                                                 │ *R6   [ ]      A defined territory
 Lead structure              Association Filière vélo du Grand Paris                                │ Cooperation project
 Région                      Île-de-France (11)                                                     │ *R7   [ ]      A shared cooperation strategy
 Département                 Seine-Saint-Denis (93)                                                 │ *R8   [ ]      An innovative economic and social project
                                                                                                    │ *R9   [ ]      Lead entity is an ESS enterprise
 PTCE and territoire                                                                                │ *R10  [ ]      Partner letters attached
 PTCE name                   Filière vélo du Grand Paris                                            │ *R11  [ ]      Not already supported by the State in an earlier call
 Territory type              rural                                                                  │  R12  [ ]      Rural area or QPV
                                                                                                    │  observations [ ]      Remarks
 Projet                                                                                             │
 Description                                                                                        │
   Réemploi de vélos.                                                                               │
                                                                                                    │
 Finances                                                                                           │
                                                                                                    │
 Membres (0)                                                                                        │
                                                                                                    │
 Pièces (0)                                                                                         │
                                                                                                    │
 Reviews                                                                                            │
   No review you may see.                                                                           │
                                                                                                    │
 Discussion (0)                                                                                     │
   w: write a comment for the other reviewers                                                       │───────────────────────────────────────────────────────────────────────────────────────────────────
                                                                                                    │ R2 · answer yes, no or check (keys y n ?)
 Historique                                                                                         │ Enter: write a comment · S: submit · r: other reviews
                                                                                                    │
                                                                                                    │
                                                                                                    │
                                                                                                    │
                                                                                                    │
                                                                                                    │
                                                                                                    │
                                                                                                    │
                                                                                                    │
                                                                                                    │
                                                                                                    │
                                                                                                    │
                                                                                                    │
<status>
R1: yes (saved)
SCREEN
t_done
