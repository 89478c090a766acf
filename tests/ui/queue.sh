#!/bin/sh
# queue.sh - the queue panel in script mode: rows, accents, cursor, opening a
# dossier, views, search, sort, filter, tags, at 80x24 and 200x50.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/ui.sh"
t_setup
ui_init_db
ui_add 1001 "Coopérative Énergie Sud" 76 31 3 "Rénovation énergétique des bâtiments publics."
ui_add 1002 "Filière vélo du Grand Paris" 11 93 12 "Réparation et réemploi de vélos."
ui_add 1003 "Tiers-lieu Station A" 76 12 40 "Un tiers-lieu rural en Aveyron."
ui_add 1004 "Réuniverre" 04 974 8 "Collecte et réemploi du verre à La Réunion."
ptce move 1003 phase1 >/dev/null
ptce assign 1002 "$UI_ME" >/dev/null

ui_run nav 80 24 <<'KEYS'
:save-screen q1
<Down><Down>
:save-screen q2
G
:save-screen q3
g
j
<Enter>
:save-screen d1
<Tab>
:save-screen q4
KEYS
ui_expect "80x24: every dossier, cursor on the first" q1 <<'SCREEN'
 ptce · tous, by Number ↑ · 4 dossiers
   Number↑   PTCE               Region State        Days  My review Total  Flags
>  1001      Coopérative Énerg… 76/31  submitted       3  —
   1002      Filière vélo du G… 11/93  submitted      12  —
   1003      Tiers-lieu Statio… 76/12  phase 1         0  —
   1004      Réuniverre         04/974 submitted       8  —
















<status>
<Enter> open · s score · m move · / search · 1-6 views · t tag · : command
SCREEN
ui_expect "80x24: the cursor moves down" q2 <<'SCREEN'
 ptce · tous, by Number ↑ · 4 dossiers
   Number↑   PTCE               Region State        Days  My review Total  Flags
   1001      Coopérative Énerg… 76/31  submitted       3  —
   1002      Filière vélo du G… 11/93  submitted      12  —
>  1003      Tiers-lieu Statio… 76/12  phase 1         0  —
   1004      Réuniverre         04/974 submitted       8  —
















<status>
<Enter> open · s score · m move · / search · 1-6 views · t tag · : command
SCREEN
ui_expect "80x24: G goes to the last row" q3 <<'SCREEN'
 ptce · tous, by Number ↑ · 4 dossiers
   Number↑   PTCE               Region State        Days  My review Total  Flags
   1001      Coopérative Énerg… 76/31  submitted       3  —
   1002      Filière vélo du G… 11/93  submitted      12  —
   1003      Tiers-lieu Statio… 76/12  phase 1         0  —
>  1004      Réuniverre         04/974 submitted       8  —
















<status>
<Enter> open · s score · m move · / search · 1-6 views · t tag · : command
SCREEN
ui_expect "80x24: Enter opens the dossier with accents kept" d1 <<'SCREEN'
 ptce · tous, by Number ↑ · 4 dossiers
  1002 · Filière vélo du Grand Paris
 State: submitted (since YYYY-MM-DD)
 Assigned to: root

 Dossier
 Dossier number              1002
 Submitted on                YYYY-MM-DD

 Structure porteuse
 Lead structure              Association Filière vélo du Grand Paris
 Région                      Île-de-France (11)
 Département                 Seine-Saint-Denis (93)

 PTCE and territoire
 PTCE name                   Filière vélo du Grand Paris
 Territory type              rural

 Projet
 Description
   Réparation et réemploi de vélos.
 ──────────────────────────────────────────────────────── 57% · ] next section
<status>
j scroll · s score · m move · H history · q back
SCREEN
ui_expect "80x24: Tab goes back to the queue" q4 <<'SCREEN'
 ptce · tous, by Number ↑ · 4 dossiers
   Number↑   PTCE               Region State        Days  My review Total  Flags
   1001      Coopérative Énerg… 76/31  submitted       3  —
>  1002      Filière vélo du G… 11/93  submitted      12  —
   1003      Tiers-lieu Statio… 76/12  phase 1         0  —
   1004      Réuniverre         04/974 submitted       8  —
















<status>
<Enter> open · s score · m move · / search · 1-6 views · t tag · : command
SCREEN

ui_run views 80 24 <<'KEYS'
1
:save-screen v1
2
:save-screen v2
4
:save-screen v3
5
f
region=76<Enter>
:save-screen v4
F
/reemploi<Enter>
:save-screen s1
n
:save-screen s2
o
2
:save-screen o1
O
:save-screen o2
t
t
:save-screen t1
KEYS
ui_expect "view 1: à instruire" v1 <<'SCREEN'
 ptce · à instruire, by Number ↑ · 4 dossiers
   Number↑   PTCE               Region State        Days  My review Total  Flags
>  1001      Coopérative Énerg… 76/31  submitted       3  —
   1002      Filière vélo du G… 11/93  submitted      12  —
   1003      Tiers-lieu Statio… 76/12  phase 1         0  —
   1004      Réuniverre         04/974 submitted       8  —
















<status>
View: à instruire (4)
SCREEN
ui_expect "view 2: mes dossiers" v2 <<'SCREEN'
 ptce · mes dossiers, by Number ↑ · 1 dossier
   Number↑   PTCE               Region State        Days  My review Total  Flags
>  1002      Filière vélo du G… 11/93  submitted      12  —



















<status>
View: mes dossiers (1)
SCREEN
ui_expect "view 4: phase 2 is empty and says what to do" v3 <<'SCREEN'
 ptce · phase 2, by Number ↑ · 0 dossiers
   Number↑   PTCE               Region State        Days  My review Total  Flags

  No dossier here. Press 5 for every dossier, F to clear the filters, : to ru…


















<status>
View: phase 2 (0)
SCREEN
ui_expect "filter region=76" v4 <<'SCREEN'
 ptce · tous, Occitanie, by Number ↑ · 2 dossiers
   Number↑   PTCE               Region State        Days  My review Total  Flags
>  1001      Coopérative Énerg… 76/31  submitted       3  —
   1003      Tiers-lieu Statio… 76/12  phase 1         0  —


















<status>
2 dossiers
SCREEN
ui_expect "search: accents ignored, first hit" s1 <<'SCREEN'
 ptce · tous, by Number ↑ · 4 dossiers
   Number↑   PTCE               Region State        Days  My review Total  Flags
   1001      Coopérative Énerg… 76/31  submitted       3  —
>  1002      Filière vélo du G… 11/93  submitted      12  —
   1003      Tiers-lieu Statio… 76/12  phase 1         0  —
   1004      Réuniverre         04/974 submitted       8  —
















<status>
reemploi: hit 1/2 (n next, N previous)
SCREEN
ui_expect "search: n goes to the next hit" s2 <<'SCREEN'
 ptce · tous, by Number ↑ · 4 dossiers
   Number↑   PTCE               Region State        Days  My review Total  Flags
   1001      Coopérative Énerg… 76/31  submitted       3  —
   1002      Filière vélo du G… 11/93  submitted      12  —
   1003      Tiers-lieu Statio… 76/12  phase 1         0  —
>  1004      Réuniverre         04/974 submitted       8  —
















<status>
reemploi: hit 2/2 (n next, N previous)
SCREEN
ui_expect "sort by PTCE name" o1 <<'SCREEN'
 ptce · tous, by PTCE ↑ · 4 dossiers
   Number    PTCE↑              Region State        Days  My review Total  Flags
   1001      Coopérative Énerg… 76/31  submitted       3  —
   1002      Filière vélo du G… 11/93  submitted      12  —
>  1004      Réuniverre         04/974 submitted       8  —
   1003      Tiers-lieu Statio… 76/12  phase 1         0  —
















<status>
<Enter> open · s score · m move · / search · 1-6 views · t tag · : command
SCREEN
ui_expect "sort reversed" o2 <<'SCREEN'
 ptce · tous, by PTCE ↓ · 4 dossiers
   Number    PTCE↓              Region State        Days  My review Total  Flags
   1003      Tiers-lieu Statio… 76/12  phase 1         0  —
>  1004      Réuniverre         04/974 submitted       8  —
   1002      Filière vélo du G… 11/93  submitted      12  —
   1001      Coopérative Énerg… 76/31  submitted       3  —
















<status>
<Enter> open · s score · m move · / search · 1-6 views · t tag · : command
SCREEN
ui_expect "two dossiers tagged" t1 <<'SCREEN'
 ptce · tous, by PTCE ↓ · 4 dossiers · 2 tagged
   Number    PTCE↓              Region State        Days  My review Total  Flags
   1003      Tiers-lieu Statio… 76/12  phase 1         0  —
 * 1004      Réuniverre         04/974 submitted       8  —
 * 1002      Filière vélo du G… 11/93  submitted      12  —
>  1001      Coopérative Énerg… 76/31  submitted       3  —
















<status>
<Enter> open · s score · m move · / search · 1-6 views · t tag · : command
SCREEN

ui_run wide 200 50 <<'KEYS'
j
:save-screen w1
KEYS
ui_expect "200x50: queue and dossier side by side" w1 <<'SCREEN'
 ptce · tous, by Number ↑ · 4 dossiers
   Number↑   PTCE                                   Region State        Days  My review Total  Flags│  1002 · Filière vélo du Grand Paris
   1001      Coopérative Énergie Sud                76/31  submitted       3  —                     │ State: submitted (since YYYY-MM-DD)
>  1002      Filière vélo du Grand Paris            11/93  submitted      12  —                     │ Assigned to: root
   1003      Tiers-lieu Station A                   76/12  phase 1         0  —                     │
   1004      Réuniverre                             04/974 submitted       8  —                     │ Dossier
                                                                                                    │ Dossier number              1002
                                                                                                    │ Submitted on                YYYY-MM-DD
                                                                                                    │
                                                                                                    │ Structure porteuse
                                                                                                    │ Lead structure              Association Filière vélo du Grand Paris
                                                                                                    │ Région                      Île-de-France (11)
                                                                                                    │ Département                 Seine-Saint-Denis (93)
                                                                                                    │
                                                                                                    │ PTCE and territoire
                                                                                                    │ PTCE name                   Filière vélo du Grand Paris
                                                                                                    │ Territory type              rural
                                                                                                    │
                                                                                                    │ Projet
                                                                                                    │ Description
                                                                                                    │   Réparation et réemploi de vélos.
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
                                                                                                    │   YYYY-MM-DD hh:mm  root  assign  root
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
<Enter> open · s score · m move · / search · 1-6 views · t tag · : command
SCREEN
t_done
