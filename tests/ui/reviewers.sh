#!/bin/sh
# reviewers.sh - what reviewers use beside the form, in script mode at 80×24
# and 200×50: reading the dossier while scoring, the matrix of reviews and
# the phase 1 verdict, the discussion, the reviewer picker and conflicts
# withdrawn, saved and overdue views with the dossier's head kept in place,
# an opinion answered and a review reopened from keys.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/ui.sh"
t_setup
ui_init_db
ptce reviewer add eve --name "Ève Expert" --role expert >/dev/null 2>&1
ui_add 1001 "Coopérative Énergie Sud" 76 31 3 "Rénovation énergétique des logements du bassin, par une coopérative d'artisans."
ui_add 1002 "Filière vélo du Grand Paris" 11 93 12 "Réemploi de vélos."
ui_add 1003 "Tiers-lieu Station A" 76 12 40 "Un tiers-lieu rural."
ptce move 1001 phase1 >/dev/null
ptce move 1002 phase1 >/dev/null
ptce move 1002 bouquet --override --reason "Essai" >/dev/null
ptce move 1002 phase2 >/dev/null
P1="R1=yes R2=yes R3=yes R4=yes R5=yes R6=yes R8=yes R9=yes R10=yes R11=yes observations=Vu"
ptce --as alice score 1001 --grid phase1 $P1 R7=check --submit >/dev/null 2>&1 ||
	echo "not ok - alice's phase 1 review"
P2="B=3 D=2 E=2 F=2 G=2 synthese=Avis"
ptce --as alice score 1002 --grid phase2 $P2 A=4 C=2 --submit >/dev/null 2>&1 ||
	echo "not ok - alice's phase 2 review"
ptce --as bob score 1002 --grid phase2 $P2 A=1 C=3 --comment A="Partenariat fragile" --submit \
	>/dev/null 2>&1 || echo "not ok - bob's phase 2 review"

# ui_as NAME LOGIN COLS ROWS < keys : ui_run as another reviewer.
ui_as() {
	cat >"$T_DIR/$1.keys"
	(cd "$T_DIR" && LINES=$4 COLUMNS=$3 PTCE_SCRIPT="$T_DIR/$1.keys" "$PTCE" --as "$2" \
		>"$T_DIR/$1.out" 2>"$T_DIR/$1.err")
	t_eq "$1: exits 0 at the end of the script" "$?" 0
}

# ---- compare reviews: the matrix, the phase 1 verdict in the queue ----------
ui_run matrix 80 24 <<'KEYS'
:save-screen x1
j
R
:save-screen x2
q
k
R
:save-screen x3
KEYS
ui_run matrix_wide 200 50 <<'KEYS'
j
R
:save-screen x4
KEYS

# ---- read while scoring: the dossier beside the form, Tab flips -------------
ui_run read 200 50 <<'KEYS'
s
y
:save-screen r1
<Tab>
]
]
:save-screen r2
<Tab>
:save-screen r3
KEYS
ui_run read80 80 24 <<'KEYS'
s
y
<Tab>
]
]
:save-screen r4
<Tab>
:save-screen r5
<Tab>
:save-screen r6
KEYS

# ---- discussion ---------------------------------------------------------------
ui_run discuss 80 24 <<'KEYS'
j
w
Le plan de financement reste fragile.<Enter>
:save-screen c1
<Enter>
G
:save-screen c2
KEYS
ptce --as bob conflict 1003 --reason "Frère du président" >/dev/null 2>&1
ui_as discuss_refused bob 80 24 <<'KEYS'
jj
w
Je connais bien ce tiers-lieu.<Enter>
:save-screen c3
q
w
:save-screen c4
KEYS
ui_run discuss_wide 200 50 <<'KEYS'
j
<Enter>
G
:save-screen c5
KEYS

# ---- assignment: the picker, a conflict refused, then withdrawn ---------------
ptce --as alice conflict 1003 --reason "Ancienne salariée" >/dev/null 2>&1
ui_run pick 80 24 <<'KEYS'
jj
a
:save-screen p1
e
:save-screen p2
<Tab>
<Enter>
:save-screen p3
a
alice<Enter>
:save-screen p4
q
W
:save-screen p5
2
Déclaré par erreur<Enter>
:save-screen p6
KEYS
ui_run pick_wide 200 50 <<'KEYS'
jj
a
e
:save-screen p7
<Esc>
KEYS

# ---- views: saved per reviewer, overdue compléments apart ---------------------
ptce complements 1002 --due 2099-12-31 --note "Statuts signés" >/dev/null 2>&1
sqlite3 "$PTCE_DB" "UPDATE dossiers SET complements_due = date('now', '-2 days') WHERE ds_number = '1003'"
ui_run views 80 24 <<'KEYS'
:save-screen v1
f
state=phase1<Enter>
:view save Phase un
5
v
:save-screen v2
7
:save-screen v3
F
6
:save-screen v4
KEYS
ui_run views_wide 200 50 <<'KEYS'
6
:save-screen v5
:view Phase un
:save-screen v6
KEYS

# ---- by key: an expert answers, a reviewer reopens --------------------------
ptce opinion ask 1002 --expert eve --question "Le modèle économique est-il crédible ?" >/dev/null 2>&1
ui_as answer eve 80 24 <<'KEYS'
A
:save-screen o1
1
Oui, les cofinancements sont acquis.<Enter>
:save-screen o2
KEYS
ui_as reopen alice 80 24 <<'KEYS'
s
:save-screen u1
u
:save-screen u2
y
:save-screen u3
KEYS
ui_as reopen_wide bob 200 50 <<'KEYS'
j
s
u
y
:save-screen u4
KEYS
ui_expect "80x24: the phase 1 verdict in the Total column (check), D for diverging reviews" x1 <<'SCREEN'
 ptce · tous, by Number ↑ · 3 dossiers
   Number↑   PTCE               Region State        Days  My review Total  Flags
>  1001      Coopérative Énerg… 76/31  phase 1         0  —         check
   1002      Filière vélo du G… 11/93  phase 2         0  —          59.4  D O
   1003      Tiers-lieu Statio… 76/12  submitted      40  —

















<status>
<Enter> open · s score · m move · / search · 1-6 views · t tag · : command
SCREEN
ui_expect "80x24: R compares the phase 2 reviews, A marked divergent with its range" x2 <<'SCREEN'
 ptce · tous, by Number ↑ · 3 dossiers
 Reviews compared

  Phase 2 review grid - funding · 2 reviews · 1 divergent criterion
   Criterion                                         alice    bob      min max
 ≠ A        Multi-actor partnership                  4        1          1   4
   B        Governance and facilitation              3        3          3   3
   C        Territorial anchoring                    2        3          2   3
   D        Pooling and joint economic projects      2        2          2   2
   E        Business model and co-funding            2        2          2   2
   F        Impact and innovation                    2        2          2   2
   G        Maturity since phase 1                   2        2          2   2
   recomma… Reviewer's recommendation                ·        ·
   synthese Summary of the review                    ✎        ✎

   ≠ the reviews diverge · * a draft · · no answer






<status>
q or Esc to close
SCREEN
ui_expect "80x24: the phase 1 gates of the reviews side by side" x3 <<'SCREEN'
 ptce · tous, by Number ↑ · 3 dossiers
 Reviews compared

  Phase 1 receivability grid - bouquet de services · 1 review · 0 divergent
  criteria
   Criterion                                                alice    min max
   R1       Private-law lead entity                         yes
   R2       Three or more legal entities                    yes
   R3       At least one ESS enterprise                     yes
   R4       At least one non-ESS enterprise                 yes
   R5       A local authority, research or training actor   yes
   R6       A defined territory                             yes
   R7       A shared cooperation strategy                   check
   R8       An innovative economic and social project       yes
   R9       Lead entity is an ESS enterprise                yes
   R10      Partner letters attached                        yes
   R11      Not already supported by the State in an earli… yes
   R12      Rural area or QPV                               ·
   observa… Remarks                                         ✎

   ≠ the reviews diverge · * a draft · · no answer

<status>
q or Esc to close
SCREEN
ui_expect "200x50: the matrix of reviews" x4 <<'SCREEN'
 ptce · tous, by Number ↑ · 3 dossiers
 Reviews compared

  Phase 2 review grid - funding · 2 reviews · 1 divergent criterion
   Criterion                                                alice    bob      min max
 ≠ A        Multi-actor partnership                         4        1          1   4
   B        Governance and facilitation                     3        3          3   3
   C        Territorial anchoring                           2        3          2   3
   D        Pooling and joint economic projects             2        2          2   2
   E        Business model and co-funding                   2        2          2   2
   F        Impact and innovation                           2        2          2   2
   G        Maturity since phase 1                          2        2          2   2
   recomma… Reviewer's recommendation                       ·        ·
   synthese Summary of the review                           ✎        ✎

   ≠ the reviews diverge · * a draft · · no answer
































<status>
q or Esc to close
SCREEN
ui_expect "200x50: the scoring form beside the dossier's text" r1 <<'SCREEN'
 ptce · tous, by Number ↑ · 3 dossiers
  1001 · Coopérative Énergie Sud                                                                    │ 1001 · Coopérative Énergie Sud · Phase 1 receivability grid - bouquet de services
 State: phase 1 instruction (since YYYY-MM-DD)                                                      │ draft · 10 things missing
 Assigned to: nobody                                                                                │ Eligibility: conditions of decree 2015-431
                                                                                                    │ *R1   [yes]    Private-law lead entity
 Dossier                                                                                            │>*R2   [ ]      Three or more legal entities
 Dossier number              1001                                                                   │ *R3   [ ]      At least one ESS enterprise
 Submitted on                YYYY-MM-DD                                                             │ *R4   [ ]      At least one non-ESS enterprise
                                                                                                    │ *R5   [ ]      A local authority, research or training actor
 Structure porteuse                                                                                 │ *R6   [ ]      A defined territory
 Lead structure              Association Coopérative Énergie Sud                                    │ Cooperation project
 Région                      Occitanie (76)                                                         │ *R7   [ ]      A shared cooperation strategy
 Département                 Haute-Garonne (31)                                                     │ *R8   [ ]      An innovative economic and social project
                                                                                                    │ *R9   [ ]      Lead entity is an ESS enterprise
 PTCE and territoire                                                                                │ *R10  [ ]      Partner letters attached
 PTCE name                   Coopérative Énergie Sud                                                │ *R11  [ ]      Not already supported by the State in an earlier call
 Territory type              rural                                                                  │  R12  [ ]      Rural area or QPV
                                                                                                    │  observations [ ]      Remarks
 Projet                                                                                             │
 Description                                                                                        │
   Rénovation énergétique des logements du bassin, par une coopérative d'artisans.                  │
                                                                                                    │
 Finances                                                                                           │
                                                                                                    │
 Membres (0)                                                                                        │
                                                                                                    │
 Pièces (0)                                                                                         │
                                                                                                    │
 Reviews                                                                                            │
   Alice Lefèvre (alice) · phase1 · submitted                                                       │
     R1 Private-law lead entity: yes                                                                │
     R2 Three or more legal entities: yes                                                           │
     R3 At least one ESS enterprise: yes                                                            │───────────────────────────────────────────────────────────────────────────────────────────────────
     R4 At least one non-ESS enterprise: yes                                                        │ R2 · answer yes, no or check (keys y n ?)
     R5 A local authority, research or training actor: yes                                          │ Enter: write a comment · S: submit · r: other reviews
     R6 A defined territory: yes                                                                    │
     R7 A shared cooperation strategy: to check                                                     │
     R8 An innovative economic and social project: yes                                              │
     R9 Lead entity is an ESS enterprise: yes                                                       │
     R10 Partner letters attached: yes                                                              │
     R11 Not already supported by the State in an earlier call: yes                                 │
     observations Remarks                                                                           │
       Vu                                                                                           │
                                                                                                    │
 Discussion (0)                                                                                     │
   w: write a comment for the other reviewers                                                       │
                                                                                                    │
 ──────────────────────────────────────────────────────────────────────────── 92% · ] next section  │
<status>
R1: yes (saved)
SCREEN
ui_expect "200x50: Tab, then ] scrolls the dossier; its head stays, the form keeps its place" r2 <<'SCREEN'
 ptce · tous, by Number ↑ · 3 dossiers
  1001 · Coopérative Énergie Sud                                                                    │ 1001 · Coopérative Énergie Sud · Phase 1 receivability grid - bouquet de services
 State: phase 1 instruction (since YYYY-MM-DD)                                                      │ draft · 10 things missing
 Assigned to: nobody                                                                                │ Eligibility: conditions of decree 2015-431
                                                                                                    │ *R1   [yes]    Private-law lead entity
 Structure porteuse                                                                                 │>*R2   [ ]      Three or more legal entities
 Lead structure              Association Coopérative Énergie Sud                                    │ *R3   [ ]      At least one ESS enterprise
 Région                      Occitanie (76)                                                         │ *R4   [ ]      At least one non-ESS enterprise
 Département                 Haute-Garonne (31)                                                     │ *R5   [ ]      A local authority, research or training actor
                                                                                                    │ *R6   [ ]      A defined territory
 PTCE and territoire                                                                                │ Cooperation project
 PTCE name                   Coopérative Énergie Sud                                                │ *R7   [ ]      A shared cooperation strategy
 Territory type              rural                                                                  │ *R8   [ ]      An innovative economic and social project
                                                                                                    │ *R9   [ ]      Lead entity is an ESS enterprise
 Projet                                                                                             │ *R10  [ ]      Partner letters attached
 Description                                                                                        │ *R11  [ ]      Not already supported by the State in an earlier call
   Rénovation énergétique des logements du bassin, par une coopérative d'artisans.                  │  R12  [ ]      Rural area or QPV
                                                                                                    │  observations [ ]      Remarks
 Finances                                                                                           │
                                                                                                    │
 Membres (0)                                                                                        │
                                                                                                    │
 Pièces (0)                                                                                         │
                                                                                                    │
 Reviews                                                                                            │
   Alice Lefèvre (alice) · phase1 · submitted                                                       │
     R1 Private-law lead entity: yes                                                                │
     R2 Three or more legal entities: yes                                                           │
     R3 At least one ESS enterprise: yes                                                            │
     R4 At least one non-ESS enterprise: yes                                                        │
     R5 A local authority, research or training actor: yes                                          │
     R6 A defined territory: yes                                                                    │
     R7 A shared cooperation strategy: to check                                                     │───────────────────────────────────────────────────────────────────────────────────────────────────
     R8 An innovative economic and social project: yes                                              │ R2 · answer yes, no or check (keys y n ?)
     R9 Lead entity is an ESS enterprise: yes                                                       │ Enter: write a comment · S: submit · r: other reviews
     R10 Partner letters attached: yes                                                              │
     R11 Not already supported by the State in an earlier call: yes                                 │
     observations Remarks                                                                           │
       Vu                                                                                           │
                                                                                                    │
 Discussion (0)                                                                                     │
   w: write a comment for the other reviewers                                                       │
                                                                                                    │
 Historique                                                                                         │
   YYYY-MM-DD hh:mm  root  submitted → phase 1 instruction                                          │
   YYYY-MM-DD hh:mm  alice  review  review submitted on grid phase1 (version hhhhhhhhhhhhhhhh) (by  │
   root)                                                                                            │
 ─────────────────────────────────────────────────────────────────────────── 100% · ] next section  │
<status>
j scroll · s score · m move · H history · q back
SCREEN
ui_expect "200x50: Tab back to the form, the cursor where it was" r3 <<'SCREEN'
 ptce · tous, by Number ↑ · 3 dossiers
  1001 · Coopérative Énergie Sud                                                                    │ 1001 · Coopérative Énergie Sud · Phase 1 receivability grid - bouquet de services
 State: phase 1 instruction (since YYYY-MM-DD)                                                      │ draft · 10 things missing
 Assigned to: nobody                                                                                │ Eligibility: conditions of decree 2015-431
                                                                                                    │ *R1   [yes]    Private-law lead entity
 Structure porteuse                                                                                 │>*R2   [ ]      Three or more legal entities
 Lead structure              Association Coopérative Énergie Sud                                    │ *R3   [ ]      At least one ESS enterprise
 Région                      Occitanie (76)                                                         │ *R4   [ ]      At least one non-ESS enterprise
 Département                 Haute-Garonne (31)                                                     │ *R5   [ ]      A local authority, research or training actor
                                                                                                    │ *R6   [ ]      A defined territory
 PTCE and territoire                                                                                │ Cooperation project
 PTCE name                   Coopérative Énergie Sud                                                │ *R7   [ ]      A shared cooperation strategy
 Territory type              rural                                                                  │ *R8   [ ]      An innovative economic and social project
                                                                                                    │ *R9   [ ]      Lead entity is an ESS enterprise
 Projet                                                                                             │ *R10  [ ]      Partner letters attached
 Description                                                                                        │ *R11  [ ]      Not already supported by the State in an earlier call
   Rénovation énergétique des logements du bassin, par une coopérative d'artisans.                  │  R12  [ ]      Rural area or QPV
                                                                                                    │  observations [ ]      Remarks
 Finances                                                                                           │
                                                                                                    │
 Membres (0)                                                                                        │
                                                                                                    │
 Pièces (0)                                                                                         │
                                                                                                    │
 Reviews                                                                                            │
   Alice Lefèvre (alice) · phase1 · submitted                                                       │
     R1 Private-law lead entity: yes                                                                │
     R2 Three or more legal entities: yes                                                           │
     R3 At least one ESS enterprise: yes                                                            │
     R4 At least one non-ESS enterprise: yes                                                        │
     R5 A local authority, research or training actor: yes                                          │
     R6 A defined territory: yes                                                                    │
     R7 A shared cooperation strategy: to check                                                     │───────────────────────────────────────────────────────────────────────────────────────────────────
     R8 An innovative economic and social project: yes                                              │ R2 · answer yes, no or check (keys y n ?)
     R9 Lead entity is an ESS enterprise: yes                                                       │ Enter: write a comment · S: submit · r: other reviews
     R10 Partner letters attached: yes                                                              │
     R11 Not already supported by the State in an earlier call: yes                                 │
     observations Remarks                                                                           │
       Vu                                                                                           │
                                                                                                    │
 Discussion (0)                                                                                     │
   w: write a comment for the other reviewers                                                       │
                                                                                                    │
 Historique                                                                                         │
   YYYY-MM-DD hh:mm  root  submitted → phase 1 instruction                                          │
   YYYY-MM-DD hh:mm  alice  review  review submitted on grid phase1 (version hhhhhhhhhhhhhhhh) (by  │
   root)                                                                                            │
 ─────────────────────────────────────────────────────────────────────────── 100% · ] next section  │
<status>
0-9 y n ?: answer · <Enter> comment · S submit · r others · q back
SCREEN
ui_expect "80x24: Tab flips to the dossier, scrolled by ], its head in place" r4 <<'SCREEN'
 ptce · tous, by Number ↑ · 3 dossiers
  1001 · Coopérative Énergie Sud
 State: phase 1 instruction (since YYYY-MM-DD)
 Assigned to: nobody
 Structure porteuse
 Lead structure              Association Coopérative Énergie Sud
 Région                      Occitanie (76)
 Département                 Haute-Garonne (31)

 PTCE and territoire
 PTCE name                   Coopérative Énergie Sud
 Territory type              rural

 Projet
 Description
   Rénovation énergétique des logements du bassin, par une coopérative
   d'artisans.

 Finances

 Membres (0)
 ──────────────────────────────────────────────────────── 46% · ] next section
<status>
j scroll · s score · m move · H history · q back
SCREEN
ui_expect "80x24: Tab flips back to the form at the same criterion" r5 <<'SCREEN'
 ptce · tous, by Number ↑ · 3 dossiers
 1001 · Coopérative Énergie Sud · Phase 1 receivability grid - bouquet de servi…
 draft · 9 things missing
 Eligibility: conditions of decree 2015-431
 *R1   [yes]    Private-law lead entity
 *R2   [yes]    Three or more legal entities
>*R3   [ ]      At least one ESS enterprise
 *R4   [ ]      At least one non-ESS enterprise
 *R5   [ ]      A local authority, research or training actor
 *R6   [ ]      A defined territory
 Cooperation project
 *R7   [ ]      A shared cooperation strategy
 *R8   [ ]      An innovative economic and social project
 *R9   [ ]      Lead entity is an ESS enterprise
────────────────────────────────────────────────────────────────────────────────
 R3 · answer yes, no or check (keys y n ?)
 Enter: write a comment · S: submit · r: other reviews





<status>
0-9 y n ?: answer · <Enter> comment · S submit · r others · q back
SCREEN
ui_expect "80x24: and again to the dossier at the same place" r6 <<'SCREEN'
 ptce · tous, by Number ↑ · 3 dossiers
  1001 · Coopérative Énergie Sud
 State: phase 1 instruction (since YYYY-MM-DD)
 Assigned to: nobody
 Structure porteuse
 Lead structure              Association Coopérative Énergie Sud
 Région                      Occitanie (76)
 Département                 Haute-Garonne (31)

 PTCE and territoire
 PTCE name                   Coopérative Énergie Sud
 Territory type              rural

 Projet
 Description
   Rénovation énergétique des logements du bassin, par une coopérative
   d'artisans.

 Finances

 Membres (0)
 ──────────────────────────────────────────────────────── 46% · ] next section
<status>
j scroll · s score · m move · H history · q back
SCREEN
ui_expect "80x24: w writes a comment in the discussion" c1 <<'SCREEN'
 ptce · tous, by Number ↑ · 3 dossiers
   Number↑   PTCE               Region State        Days  My review Total  Flags
   1001      Coopérative Énerg… 76/31  phase 1         0  draft     check
>  1002      Filière vélo du G… 11/93  phase 2         0  —          59.4  D O
   1003      Tiers-lieu Statio… 76/12  submitted      40  —

















<status>
Comment added to the discussion.
SCREEN
ui_expect "80x24: the discussion in the dossier" c2 <<'SCREEN'
 ptce · tous, by Number ↑ · 3 dossiers
  1002 · Filière vélo du Grand Paris
 State: phase 2 instruction (since YYYY-MM-DD)
 Assigned to: nobody
       Avis

 Discussion (1)
   YYYY-MM-DD hh:mm · root (root)
     Le plan de financement reste fragile.
   w: write a comment for the other reviewers

 Historique
   YYYY-MM-DD hh:mm  root  submitted → phase 1 instruction
   YYYY-MM-DD hh:mm  root  phase 1 instruction → bouquet de services (override)
       « Essai »
   YYYY-MM-DD hh:mm  root  bouquet de services → phase 2 instruction
   YYYY-MM-DD hh:mm  alice  review  review submitted on grid phase2 (version
   hhhhhhhhhhhhhhhh) (by root)
   YYYY-MM-DD hh:mm  bob  review  review submitted on grid phase2 (version
   hhhhhhhhhhhhhhhh) (by root)
   YYYY-MM-DD hh:mm  root  note
 ─────────────────────────────────────────────────────── 100% · ] next section
<status>
j scroll · s score · m move · H history · q back
SCREEN
ui_expect "80x24: a comment refused (conflict of interest) says the text is kept" c3 <<'SCREEN'
 ptce · tous, by Number ↑ · 3 dossiers
 Refused
 you declared a conflict of interest on this dossier: you may not comment on it
 Your text is kept: press w to try again.


















<status>
q or Esc to close
SCREEN
ui_expect "80x24: w again offers the text kept" c4 <<'SCREEN'
 ptce · tous, by Number ↑ · 3 dossiers
   Number↑   PTCE               Region State        Days  My review Total  Flags
   1001      Coopérative Énerg… 76/31  phase 1         0  —         check
   1002      Filière vélo du G… 11/93  phase 2         0  submitted  59.4  D O
>  1003      Tiers-lieu Statio… 76/12  submitted      40  conflict

















<status>
Comment for the other reviewers: Je connais bien ce tiers-lieu.
SCREEN
ui_expect "200x50: the discussion beside the queue" c5 <<'SCREEN'
 ptce · tous, by Number ↑ · 3 dossiers
   Number↑   PTCE                                   Region State        Days  My review Total  Flags│  1002 · Filière vélo du Grand Paris
   1001      Coopérative Énergie Sud                76/31  phase 1         0  draft     check       │ State: phase 2 instruction (since YYYY-MM-DD)
>  1002      Filière vélo du Grand Paris            11/93  phase 2         0  —          59.4  D O  │ Assigned to: nobody
   1003      Tiers-lieu Station A                   76/12  submitted      40  —                     │ Finances
                                                                                                    │
                                                                                                    │ Membres (0)
                                                                                                    │
                                                                                                    │ Pièces (0)
                                                                                                    │
                                                                                                    │ Reviews
                                                                                                    │   Alice Lefèvre (alice) · phase2 · submitted · total 65.0 · Favourable
                                                                                                    │     A Multi-actor partnership: 4 - excellent
                                                                                                    │     B Governance and facilitation: 3 - good
                                                                                                    │     C Territorial anchoring: 2 - average
                                                                                                    │     D Pooling and joint economic projects: 2 - average
                                                                                                    │     E Business model and co-funding: 2 - average
                                                                                                    │     F Impact and innovation: 2 - average
                                                                                                    │     G Maturity since phase 1: 2 - average
                                                                                                    │     synthese Summary of the review
                                                                                                    │       Avis
                                                                                                    │   Bob Müller (bob) · phase2 · submitted · total 53.8 · Reserved
                                                                                                    │     A Multi-actor partnership: 1 - insufficient — Partenariat fragile
                                                                                                    │     B Governance and facilitation: 3 - good
                                                                                                    │     C Territorial anchoring: 3 - good
                                                                                                    │     D Pooling and joint economic projects: 2 - average
                                                                                                    │     E Business model and co-funding: 2 - average
                                                                                                    │     F Impact and innovation: 2 - average
                                                                                                    │     G Maturity since phase 1: 2 - average
                                                                                                    │     synthese Summary of the review
                                                                                                    │       Avis
                                                                                                    │
                                                                                                    │ Discussion (1)
                                                                                                    │   YYYY-MM-DD hh:mm · root (root)
                                                                                                    │     Le plan de financement reste fragile.
                                                                                                    │   w: write a comment for the other reviewers
                                                                                                    │
                                                                                                    │ Historique
                                                                                                    │   YYYY-MM-DD hh:mm  root  submitted → phase 1 instruction
                                                                                                    │   YYYY-MM-DD hh:mm  root  phase 1 instruction → bouquet de services (override)
                                                                                                    │       « Essai »
                                                                                                    │   YYYY-MM-DD hh:mm  root  bouquet de services → phase 2 instruction
                                                                                                    │   YYYY-MM-DD hh:mm  alice  review  review submitted on grid phase2 (version hhhhhhhhhhhhhhhh) (by
                                                                                                    │   root)
                                                                                                    │   YYYY-MM-DD hh:mm  bob  review  review submitted on grid phase2 (version hhhhhhhhhhhhhhhh) (by
                                                                                                    │   root)
                                                                                                    │   YYYY-MM-DD hh:mm  root  note
                                                                                                    │ ────────────────────────────────────────────────────────────────────────── 100% · ] next section
<status>
j scroll · s score · m move · H history · q back
SCREEN
ui_expect "80x24: the picker lists reviewers with roles, load and conflicts" p1 <<'SCREEN'
 ptce · tous, by Number ↑ · 3 dossiers
   Number↑   PTCE               Region State        Days  My review Total  Flags
   1001      Coopérative Énerg… 76/31  phase 1         0  draft     check
   1002      Filière vélo du G… 11/93  phase 2         0  —          59.4  D O
>  1003      Tiers-lieu Statio… 76/12  submitted      40  —


  ┌─ Assign reviewers to 1003 ───────────────────────────────────────────────┐
  │ alice      Alice Lefèvre      instructeur          0 open     conflict   │
  │ bob        Bob Müller         instructeur          0 open     conflict   │
  │ eve        Ève Expert         expert               0 open                │
  │ root       root               instructeur, coord…  0 open                │
  │                                                                          │
  │                                                                          │
  │ Logins:                                                                  │
  │ Tab complete · Enter assign · -login removes · Esc cancel                │
  └──────────────────────────────────────────────────────────────────────────┘





<status>
<Enter> open · s score · m move · / search · 1-6 views · t tag · : command
SCREEN
ui_expect "80x24: typing a login keeps the matching reviewers" p2 <<'SCREEN'
 ptce · tous, by Number ↑ · 3 dossiers
   Number↑   PTCE               Region State        Days  My review Total  Flags
   1001      Coopérative Énerg… 76/31  phase 1         0  draft     check
   1002      Filière vélo du G… 11/93  phase 2         0  —          59.4  D O
>  1003      Tiers-lieu Statio… 76/12  submitted      40  —



  ┌─ Assign reviewers to 1003 ───────────────────────────────────────────────┐
  │ eve        Ève Expert         expert               0 open                │
  │                                                                          │
  │                                                                          │
  │ Logins: e                                                                │
  │ Tab complete · Enter assign · -login removes · Esc cancel                │
  └──────────────────────────────────────────────────────────────────────────┘







<status>
<Enter> open · s score · m move · / search · 1-6 views · t tag · : command
SCREEN
ui_expect "80x24: Tab completes, Enter assigns" p3 <<'SCREEN'
 ptce · tous, by Number ↑ · 3 dossiers
   Number↑   PTCE               Region State        Days  My review Total  Flags
   1001      Coopérative Énerg… 76/31  phase 1         0  draft     check
   1002      Filière vélo du G… 11/93  phase 2         0  —          59.4  D O
>  1003      Tiers-lieu Statio… 76/12  submitted      40  —

















<status>
1003: assignments saved (eve)
SCREEN
ui_expect "80x24: assigning a reviewer in conflict is refused" p4 <<'SCREEN'
 ptce · tous, by Number ↑ · 3 dossiers
 Assign: results
 1003  refused: alice is in conflict of interest on dossier 1003 (Ancienne
 salariée); refused: assign a reviewer to a dossier (ptce conflict withdraw if
 the conflict was declared by mistake).

















<status>
q or Esc to close
SCREEN
ui_expect "80x24: W lets a coordinateur choose the conflict to withdraw" p5 <<'SCREEN'
 ptce · tous, by Number ↑ · 3 dossiers
   Number↑   PTCE               Region State        Days  My review Total  Flags
   1001      Coopérative Énerg… 76/31  phase 1         0  draft     check
   1002      Filière vélo du G… 11/93  phase 2         0  —          59.4  D O
>  1003      Tiers-lieu Statio… 76/12  submitted      40  —




             ┌─ Withdraw which conflict of interest? ────────────┐
             │ 1  bob — Frère du président (declared by bob)     │
             │ 2  alice — Ancienne salariée (declared by alice)  │
             │                                                   │
             │ Enter choose · Esc cancel                         │
             └───────────────────────────────────────────────────┘







<status>
<Enter> open · s score · m move · / search · 1-6 views · t tag · : command
SCREEN
ui_expect "80x24: the conflict is withdrawn" p6 <<'SCREEN'
 ptce · tous, by Number ↑ · 3 dossiers
   Number↑   PTCE               Region State        Days  My review Total  Flags
   1001      Coopérative Énerg… 76/31  phase 1         0  draft     check
   1002      Filière vélo du G… 11/93  phase 2         0  —          59.4  D O
>  1003      Tiers-lieu Statio… 76/12  submitted      40  —

















<status>
Conflict of interest of alice withdrawn (recorded in the history).
SCREEN
ui_expect "200x50: the picker completes on the wide screen" p7 <<'SCREEN'
 ptce · tous, by Number ↑ · 3 dossiers
   Number↑   PTCE                                   Region State        Days  My review Total  Flags│  1003 · Tiers-lieu Station A
   1001      Coopérative Énergie Sud                76/31  phase 1         0  draft     check       │ State: submitted (since YYYY-MM-DD)
   1002      Filière vélo du Grand Paris            11/93  phase 2         0  —          59.4  D O  │ Assigned to: eve
>  1003      Tiers-lieu Station A                   76/12  submitted      40  —                     │
                                                                                                    │ Dossier
                                                                                                    │ Dossier number              1003
                                                                                                    │ Submitted on                YYYY-MM-DD
                                                                                                    │
                                                                                                    │ Structure porteuse
                                                                                                    │ Lead structure              Association Tiers-lieu Station A
                                                                                                    │ Région                      Occitanie (76)
                                                                                                    │ Département                 Aveyron (12)
                                                                                                    │
                                                                                                    │ PTCE and territoire
                                                                                                    │ PTCE name                   Tiers-lieu Station A
                                                                                                    │ Territory type              rural
                                                                                                    │
                                                                                                    │ Projet
                                                                                                    │ Description
                                                                                                    │   Un tiers-lieu rural.
                                                       ┌─ Assign reviewers to 1003 ─────────────────────────────────────────────────────────────┐
                                                       │ eve        Ève Expert         expert                             1 open     assigned   │
                                                       │                                                                                        │
                                                       │                                                                                        │
                                                       │ Logins: e                                                                              │
                                                       │ Tab complete · Enter assign · -login removes · Esc cancel                              │
                                                       └────────────────────────────────────────────────────────────────────────────────────────┘
                                                                                                    │ Reviews
                                                                                                    │   No review you may see.
                                                                                                    │
                                                                                                    │ Discussion (0)
                                                                                                    │   w: write a comment for the other reviewers
                                                                                                    │
                                                                                                    │ Historique
                                                                                                    │   YYYY-MM-DD hh:mm  bob  conflict  conflict of interest: bob (by root)
                                                                                                    │       « Frère du président »
                                                                                                    │   YYYY-MM-DD hh:mm  alice  conflict  conflict of interest: alice (by root)
                                                                                                    │       « Ancienne salariée »
                                                                                                    │   YYYY-MM-DD hh:mm  root  assign  eve
                                                                                                    │   YYYY-MM-DD hh:mm  root  conflict-withdrawn  conflict of interest withdrawn: alice
                                                                                                    │       « Déclaré par erreur »
                                                                                                    │
                                                                                                    │
                                                                                                    │
                                                                                                    │
                                                                                                    │
                                                                                                    │
<status>
<Enter> open · s score · m move · / search · 1-6 views · t tag · : command
SCREEN
ui_expect "80x24: L marks compléments past their deadline, C open ones" v1 <<'SCREEN'
 ptce · tous, by Number ↑ · 3 dossiers
   Number↑   PTCE               Region State        Days  My review Total  Flags
>  1001      Coopérative Énerg… 76/31  phase 1         0  draft     check
   1002      Filière vélo du G… 11/93  phase 2         0  —          59.4  DCO
   1003      Tiers-lieu Statio… 76/12  submitted      40  —                 L

















<status>
<Enter> open · s score · m move · / search · 1-6 views · t tag · : command
SCREEN
ui_expect "80x24: v lists the saved view beside the six built-in ones" v2 <<'SCREEN'
 ptce · tous, phase 1 instruction, by Number ↑ · 1 dossier
   Number↑   PTCE               Region State        Days  My review Total  Flags
>  1001      Coopérative Énerg… 76/31  phase 1         0  draft     check



                  ┌─ Views (:view save NAME adds yours) ────┐
                  │ 1  à instruire                          │
                  │ 2  mes dossiers                         │
                  │ 3  à revoir par moi                     │
                  │ 4  phase 2                              │
                  │ 5  tous                                 │
                  │ 6  compléments en retard                │
                  │ 7  Phase un (saved: all, state=phase1)  │
                  │                                         │
                  │ Enter choose · Esc cancel               │
                  └─────────────────────────────────────────┘





<status>
<Enter> open · s score · m move · / search · 1-6 views · t tag · : command
SCREEN
ui_expect "80x24: the saved view shows its filter" v3 <<'SCREEN'
 ptce · tous, phase 1 instruction, by Number ↑ · 1 dossier
   Number↑   PTCE               Region State        Days  My review Total  Flags
>  1001      Coopérative Énerg… 76/31  phase 1         0  draft     check



















<status>
View: Phase un (1)
SCREEN
ui_expect "80x24: 6 shows the overdue compléments apart" v4 <<'SCREEN'
 ptce · compléments en retard, by Number ↑ · 1 dossier
   Number↑   PTCE               Region State        Days  My review Total  Flags
>  1003      Tiers-lieu Statio… 76/12  submitted      40  —                 L



















<status>
View: compléments en retard (1)
SCREEN
ui_expect "200x50: the overdue view" v5 <<'SCREEN'
 ptce · compléments en retard, by Number ↑ · 1 dossier
   Number↑   PTCE                                   Region State        Days  My review Total  Flags│  1003 · Tiers-lieu Station A
>  1003      Tiers-lieu Station A                   76/12  submitted      40  —                 L   │ State: submitted (since YYYY-MM-DD)
                                                                                                    │ Assigned to: eve
                                                                                                    │ Compléments demandés, due YYYY-MM-DD
                                                                                                    │
                                                                                                    │ Dossier
                                                                                                    │ Dossier number              1003
                                                                                                    │ Submitted on                YYYY-MM-DD
                                                                                                    │
                                                                                                    │ Structure porteuse
                                                                                                    │ Lead structure              Association Tiers-lieu Station A
                                                                                                    │ Région                      Occitanie (76)
                                                                                                    │ Département                 Aveyron (12)
                                                                                                    │
                                                                                                    │ PTCE and territoire
                                                                                                    │ PTCE name                   Tiers-lieu Station A
                                                                                                    │ Territory type              rural
                                                                                                    │
                                                                                                    │ Projet
                                                                                                    │ Description
                                                                                                    │   Un tiers-lieu rural.
                                                                                                    │
                                                                                                    │ Finances
                                                                                                    │
                                                                                                    │ Membres (0)
                                                                                                    │
                                                                                                    │ Pièces (0)
                                                                                                    │
                                                                                                    │ Reviews
                                                                                                    │   No review you may see.
                                                                                                    │
                                                                                                    │ Discussion (0)
                                                                                                    │   w: write a comment for the other reviewers
                                                                                                    │
                                                                                                    │ Historique
                                                                                                    │   YYYY-MM-DD hh:mm  bob  conflict  conflict of interest: bob (by root)
                                                                                                    │       « Frère du président »
                                                                                                    │   YYYY-MM-DD hh:mm  alice  conflict  conflict of interest: alice (by root)
                                                                                                    │       « Ancienne salariée »
                                                                                                    │   YYYY-MM-DD hh:mm  root  assign  eve
                                                                                                    │   YYYY-MM-DD hh:mm  root  conflict-withdrawn  conflict of interest withdrawn: alice
                                                                                                    │       « Déclaré par erreur »
                                                                                                    │
                                                                                                    │
                                                                                                    │
                                                                                                    │
                                                                                                    │
<status>
View: compléments en retard (1)
SCREEN
ui_expect "200x50: :view NAME shows a saved view" v6 <<'SCREEN'
 ptce · tous, phase 1 instruction, by Number ↑ · 1 dossier
   Number↑   PTCE                                   Region State        Days  My review Total  Flags│  1001 · Coopérative Énergie Sud
>  1001      Coopérative Énergie Sud                76/31  phase 1         0  draft     check       │ State: phase 1 instruction (since YYYY-MM-DD)
                                                                                                    │ Assigned to: nobody
                                                                                                    │
                                                                                                    │ Dossier
                                                                                                    │ Dossier number              1001
                                                                                                    │ Submitted on                YYYY-MM-DD
                                                                                                    │
                                                                                                    │ Structure porteuse
                                                                                                    │ Lead structure              Association Coopérative Énergie Sud
                                                                                                    │ Région                      Occitanie (76)
                                                                                                    │ Département                 Haute-Garonne (31)
                                                                                                    │
                                                                                                    │ PTCE and territoire
                                                                                                    │ PTCE name                   Coopérative Énergie Sud
                                                                                                    │ Territory type              rural
                                                                                                    │
                                                                                                    │ Projet
                                                                                                    │ Description
                                                                                                    │   Rénovation énergétique des logements du bassin, par une coopérative d'artisans.
                                                                                                    │
                                                                                                    │ Finances
                                                                                                    │
                                                                                                    │ Membres (0)
                                                                                                    │
                                                                                                    │ Pièces (0)
                                                                                                    │
                                                                                                    │ Reviews
                                                                                                    │   root (root) · phase1 · draft
                                                                                                    │     R1 Private-law lead entity: yes
                                                                                                    │     R2 Three or more legal entities: yes
                                                                                                    │   Alice Lefèvre (alice) · phase1 · submitted
                                                                                                    │     R1 Private-law lead entity: yes
                                                                                                    │     R2 Three or more legal entities: yes
                                                                                                    │     R3 At least one ESS enterprise: yes
                                                                                                    │     R4 At least one non-ESS enterprise: yes
                                                                                                    │     R5 A local authority, research or training actor: yes
                                                                                                    │     R6 A defined territory: yes
                                                                                                    │     R7 A shared cooperation strategy: to check
                                                                                                    │     R8 An innovative economic and social project: yes
                                                                                                    │     R9 Lead entity is an ESS enterprise: yes
                                                                                                    │     R10 Partner letters attached: yes
                                                                                                    │     R11 Not already supported by the State in an earlier call: yes
                                                                                                    │     observations Remarks
                                                                                                    │       Vu
                                                                                                    │
                                                                                                    │ ─────────────────────────────────────────────────────────────────────────── 86% · ] next section
<status>
View: Phase un (1)
SCREEN
ui_expect "80x24: an expert presses A: the question and the verdicts" o1 <<'SCREEN'
 ptce · tous, by Number ↑ · 2 dossiers
   Number↑   PTCE               Region State        Days  My review Total  Flags
>  1002      Filière vélo du G… 11/93  phase 2         0  —           ···   CO
   1003      Tiers-lieu Statio… 76/12  submitted      40  —                 L





          ┌─ Your opinion: Le modèle économique est-il crédible ? ───┐
          │ 1  favourable                                            │
          │ 2  défavorable                                           │
          │                                                          │
          │ Enter choose · Esc cancel                                │
          └──────────────────────────────────────────────────────────┘







<status>
<Enter> open · s score · m move · / search · 1-6 views · t tag · : command
SCREEN
ui_expect "80x24: the opinion is recorded without a request number" o2 <<'SCREEN'
 ptce · tous, by Number ↑ · 2 dossiers
   Number↑   PTCE               Region State        Days  My review Total  Flags
>  1002      Filière vélo du G… 11/93  phase 2         0  —           ···   CO
   1003      Tiers-lieu Statio… 76/12  submitted      40  —                 L


















<status>
Opinion recorded: favourable.
SCREEN
ui_expect "80x24: a submitted review offers u to reopen it" u1 <<'SCREEN'
 ptce · tous, by Number ↑ · 3 dossiers
 1001 · Coopérative Énergie Sud · Phase 1 receivability grid - bouquet de servi…
 submitted · complete
 *R3   [yes]    At least one ESS enterprise
 *R4   [yes]    At least one non-ESS enterprise
 *R5   [yes]    A local authority, research or training actor
 *R6   [yes]    A defined territory
 Cooperation project
 *R7   [check]  A shared cooperation strategy
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
u reopen · r others · R compare · <Tab> dossier · q back
SCREEN
ui_expect "80x24: u asks to confirm" u2 <<'SCREEN'
 ptce · tous, by Number ↑ · 3 dossiers
 1001 · Coopérative Énergie Sud · Phase 1 receivability grid - bouquet de servi…
 submitted · complete
 *R3   [yes]    At least one ESS enterprise
 *R4   [yes]    At least one non-ESS enterprise
 *R5   [yes]    A local authority, research or training actor
 *R6   [yes]    A defined territory
 Cooperation project
 *R7   [check]  A shared cooperation strategy
 *R8 ┌─ Reopen ───────────────────────────────────────────────────────────┐
 *R9 │ Reopen your review of 1001 as a draft? It counts nowhere until you │
 *R10│ submit it again.                                                   │
 *R11│                                                                    │
> R12│ y: yes · n or Esc: no                                              │
─────└────────────────────────────────────────────────────────────────────┘─────
 R12 · answer yes, no or check (keys y n ?)
 Information only.
 Enter: write a comment · S: submit · r: other reviews




<status>
u reopen · r others · R compare · <Tab> dossier · q back
SCREEN
ui_expect "80x24: the review is a draft again" u3 <<'SCREEN'
 ptce · tous, by Number ↑ · 3 dossiers
 1001 · Coopérative Énergie Sud · Phase 1 receivability grid - bouquet de servi…
 draft · complete
 *R3   [yes]    At least one ESS enterprise
 *R4   [yes]    At least one non-ESS enterprise
 *R5   [yes]    A local authority, research or training actor
 *R6   [yes]    A defined territory
 Cooperation project
 *R7   [check]  A shared cooperation strategy
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
Review of 1001 reopened as a draft.
SCREEN
ui_expect "200x50: reopened beside the dossier" u4 <<'SCREEN'
 ptce · tous, by Number ↑ · 3 dossiers
  1002 · Filière vélo du Grand Paris                                                                │ 1002 · Filière vélo du Grand Paris · Phase 2 review grid - funding
 State: phase 2 instruction (since YYYY-MM-DD)                                                      │ draft · total 53.75 / 100 · Reserved · eliminated · complete
 Assigned to: nobody                                                                                │ Cooperation and governance
 Compléments demandés, due YYYY-MM-DD — Statuts signés                                              │ *A    [1/4]            Multi-actor partnership  ✎                                             5.00
                                                                                                    │ *B    [3/4]            Governance and facilitation                                           15.00
 Dossier                                                                                            │ Territorial anchoring and economic activity
 Dossier number              1002                                                                   │ *C    [3/4]            Territorial anchoring                                                 11.25
 Submitted on                YYYY-MM-DD                                                             │ *D    [2/4]            Pooling and joint economic projects                                    7.50
                                                                                                    │ *E    [2/4]            Business model and co-funding                                          7.50
 Structure porteuse                                                                                 │ Impact and maturity
 Lead structure              Association Filière vélo du Grand Paris                                │ *F    [2/4]            Impact and innovation                                                  5.00
 Région                      Île-de-France (11)                                                     │ *G    [2/4]            Maturity since phase 1                                                 2.50
 Département                 Seine-Saint-Denis (93)                                                 │ Summary
                                                                                                    │> recommandation [ ]              Reviewer's recommendation
 PTCE and territoire                                                                                │ *synthese Summary of the review: Avis
 PTCE name                   Filière vélo du Grand Paris                                            │
 Territory type              rural                                                                  │
                                                                                                    │
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
   Bob Müller (bob) · phase2 · draft · total 53.8 · Reserved                                        │
     A Multi-actor partnership: 1 - insufficient — Partenariat fragile                              │
     B Governance and facilitation: 3 - good                                                        │───────────────────────────────────────────────────────────────────────────────────────────────────
     C Territorial anchoring: 3 - good                                                              │ recommandation · keys: 1 Retain · 2 Postpone (more documents) · 3 Do not retain
     D Pooling and joint economic projects: 2 - average                                             │ Enter: write a comment · S: submit · r: other reviews
     E Business model and co-funding: 2 - average                                                   │
     F Impact and innovation: 2 - average                                                           │
     G Maturity since phase 1: 2 - average                                                          │
     synthese Summary of the review                                                                 │
       Avis                                                                                         │
   1 review is hidden from you for now.                                                             │
                                                                                                    │
 Avis d'experts (1)                                                                                 │
   Ève Expert (eve) · favourable                                                                    │
     ? Le modèle économique est-il crédible ?                                                       │
     Oui, les cofinancements sont acquis.                                                           │
                                                                                                    │
 ──────────────────────────────────────────────────────────────────────────── 68% · ] next section  │
<status>
Review of 1002 reopened as a draft.
SCREEN

# ---- keys that have nothing to do say so at once ----------------------------
ui_as nothing alice 80 24 <<'KEYS'
W
:save-screen n1
A
:save-screen n2
jj
W
:save-screen n3
KEYS
t_contains "W on a dossier without conflicts says so" "$(ui_screen n1)" \
	"No conflict of interest is declared on this dossier."
t_contains "W with only someone else's conflict says so (not a coordinateur)" "$(ui_screen n3)" \
	"You have no conflict of interest on this dossier."
t_contains "A with no request says so" "$(ui_screen n2)" \
	"No opinion request waits for your answer on this dossier."

# ---- what the keys wrote -----------------------------------------------------
t_eq "the comment is stored with its author" \
	"$(t_sql "select author || ': ' || body from notes n join dossiers d on d.id = n.dossier_id where d.ds_number = '1002'")" \
	"$UI_ME: Le plan de financement reste fragile."
t_run "ptce show prints the discussion" 0 ptce show 1002
t_contains "  ...with the comment" "$T_OUT" "Le plan de financement reste fragile."
t_eq "bob's refused comment wrote nothing" "$(t_sql "select count(*) from notes where author = 'bob'")" 0
t_eq "eve assigned from the picker" \
	"$(t_sql "select login from assignments a join dossiers d on d.id = a.dossier_id where d.ds_number = '1003'")" "eve"
t_eq "alice was not assigned (conflict)" \
	"$(t_sql "select count(*) from history where kind = 'assign' and detail = 'alice'")" 0
t_eq "the withdrawal is in the history with its motivation" \
	"$(t_sql "select actor || ' ' || detail || ' « ' || motivation || ' »' from history where kind = 'conflict-withdrawn'")" \
	"$UI_ME person=alice « Déclaré par erreur »"
t_eq "bob's conflict stays" "$(t_sql "select count(*) from conflicts where reviewer = 'bob'")" 1
t_eq "the saved view is stored for me" \
	"$(t_sql "select login || '|' || name || '|' || view || '|' || filter from saved_views")" \
	"$UI_ME|Phase un|all|state=phase1"
t_eq "eve's opinion is recorded" \
	"$(t_sql "select verdict || ': ' || answer from opinions")" "favourable: Oui, les cofinancements sont acquis."
t_eq "alice's and bob's reviews are drafts again" \
	"$(t_sql "select reviewer || '=' || status from reviews where reviewer in ('alice', 'bob') and status = 'draft' order by reviewer")" \
	"$(printf 'alice=draft\nbob=draft')"
t_done
