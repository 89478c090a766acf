#!/bin/sh
# actions.sh - actions from the interface in script mode: move (with the
# allowed moves only, a motivation, a guard's refusal), assign, compléments,
# conflict, history, batch moves on tagged dossiers, CSV export, the ':' line
# and the help overlay generated from the key table.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/ui.sh"
t_setup
ui_init_db
ui_add 1001 "Coopérative Énergie Sud" 76 31 3 "Rénovation énergétique."
ui_add 1002 "Filière vélo du Grand Paris" 11 93 12 "Réemploi de vélos."
ui_add 1003 "Tiers-lieu Station A" 76 12 40 "Un tiers-lieu rural."
ui_add 1004 "Réuniverre" 04 974 8 "Verre."
ptce move 1003 phase1 >/dev/null

ui_run move 80 24 <<'KEYS'
m
:save-screen m1
1
:save-screen m2
jj
m
:save-screen m3
2
:save-screen m4
Dossier incomplet malgré deux relances.<Enter>
:save-screen m5
KEYS
ui_expect "move: only the moves open to me are offered" m1 <<'SCREEN'
 ptce · tous, by Number ↑ · 4 dossiers
   Number↑   PTCE               Region State        Days  My review Total  Flags
>  1001      Coopérative Énerg… 76/31  submitted       3  —
   1002      Filière vélo du G… 11/93  submitted      12  —
   1003      Tiers-lieu Statio… 76/12  phase 1         0  —
   1004      Réuniverre         04/974 submitted       8  —



            ┌─ Move 1001 to ──────────────────────────────────────┐
            │ 1  → phase 1 instruction: open phase 1 instruction  │
            │ 2  → withdrawn: withdrawn by the applicant          │
            │                                                     │
            │ Enter choose · Esc cancel                           │
            └─────────────────────────────────────────────────────┘







<status>
<Enter> open · s score · m move · / search · 1-6 views · t tag · : command
SCREEN
ui_expect "move: done, the queue shows the new state" m2 <<'SCREEN'
 ptce · tous, by Number ↑ · 4 dossiers
   Number↑   PTCE               Region State        Days  My review Total  Flags
>  1001      Coopérative Énerg… 76/31  phase 1         0  —
   1002      Filière vélo du G… 11/93  submitted      12  —
   1003      Tiers-lieu Statio… 76/12  phase 1         0  —
   1004      Réuniverre         04/974 submitted       8  —
















<status>
1001  moved to phase 1 instruction
SCREEN
ui_expect "move from phase 1: three targets" m3 <<'SCREEN'
 ptce · tous, by Number ↑ · 4 dossiers
   Number↑   PTCE               Region State        Days  My review Total  Flags
   1001      Coopérative Énerg… 76/31  phase 1         0  —
   1002      Filière vélo du G… 11/93  submitted      12  —
>  1003      Tiers-lieu Statio… 76/12  phase 1         0  —
   1004      Réuniverre         04/974 submitted       8  —


     ┌─ Move 1003 to ─────────────────────────────────────────────────────┐
     │ 1  → bouquet de services: retain in phase 1 (bouquet de services)  │
     │ 2  → rejected: not retained in phase 1                             │
     │ 3  → withdrawn: withdrawn by the applicant                         │
     │                                                                    │
     │ Enter choose · Esc cancel                                          │
     └────────────────────────────────────────────────────────────────────┘







<status>
<Enter> open · s score · m move · / search · 1-6 views · t tag · : command
SCREEN
ui_expect "move to rejected asks for a motivation" m4 <<'SCREEN'
 ptce · tous, by Number ↑ · 4 dossiers
   Number↑   PTCE               Region State        Days  My review Total  Flags
   1001      Coopérative Énerg… 76/31  phase 1         0  —
   1002      Filière vélo du G… 11/93  submitted      12  —
>  1003      Tiers-lieu Statio… 76/12  phase 1         0  —
   1004      Réuniverre         04/974 submitted       8  —
















<status>
Motivation (required):
SCREEN
ui_expect "move with motivation done" m5 <<'SCREEN'
 ptce · tous, by Number ↑ · 4 dossiers
   Number↑   PTCE               Region State        Days  My review Total  Flags
   1001      Coopérative Énerg… 76/31  phase 1         0  —
   1002      Filière vélo du G… 11/93  submitted      12  —
>  1003      Tiers-lieu Statio… 76/12  rejected        0  —
   1004      Réuniverre         04/974 submitted       8  —
















<status>
1003  moved to rejected
SCREEN
t_run "history records the motivation" 0 ptce history 1003
t_contains "history: motivation" "$T_OUT" "Dossier incomplet malgré deux relances."

ui_run refused 80 24 <<'KEYS'
m
1
:save-screen r1
n
:save-screen r2
KEYS
ui_expect "a guard refuses: the reason, and an override offered to a coordinateur" r1 <<'SCREEN'
 ptce · tous, by Number ↑ · 4 dossiers
   Number↑   PTCE               Region State        Days  My review Total  Flags
>  1001      Coopérative Énerg… 76/31  phase 1         0  —
   1002      Filière vélo du G… 11/93  submitted      12  —
   1003      Tiers-lieu Statio… 76/12  rejected        0  —
   1004      Réuniverre         04/974 submitted       8  —
     ┌─ Refused ──────────────────────────────────────────────────────────┐
     │ moving from 'phase1' to 'bouquet' (retain in phase 1 (bouquet de   │
     │ services)) is refused: no phase 1 review has been written yet. A   │
     │ coordinateur may decide otherwise with --override --reason "...";  │
     │ the override is recorded.                                          │
     │                                                                    │
     │ Decide against this check (override)? It is recorded in the        │
     │ history with your motivation.                                      │
     │                                                                    │
     │ y: yes · n or Esc: no                                              │
     └────────────────────────────────────────────────────────────────────┘





<status>
<Enter> open · s score · m move · / search · 1-6 views · t tag · : command
SCREEN
ui_expect "override declined: nothing changed" r2 <<'SCREEN'
 ptce · tous, by Number ↑ · 4 dossiers
 Move refused
 1001  refused: moving from 'phase1' to 'bouquet' (retain in phase 1 (bouquet
 de services)) is refused: no phase 1 review has been written yet. A
 coordinateur may decide otherwise with --override --reason "..."; the override
 is recorded.
















<status>
q or Esc to close
SCREEN
t_eq "1001 is still in phase 1" "$(t_sql "SELECT state FROM dossiers WHERE ds_number = '1001'")" phase1

ui_run others 80 24 <<'KEYS'
j
a
alice bob<Enter>
:save-screen a1
C
2030-01-31<Enter>
Statuts signés manquants<Enter>
:save-screen c1
jj
c
Je siège au conseil d'administration.<Enter>
:save-screen k1
H
:save-screen h1
q
KEYS
ui_expect "assign two reviewers" a1 <<'SCREEN'
 ptce · tous, by Number ↑ · 4 dossiers
   Number↑   PTCE               Region State        Days  My review Total  Flags
   1001      Coopérative Énerg… 76/31  phase 1         0  —
>  1002      Filière vélo du G… 11/93  submitted      12  —
   1003      Tiers-lieu Statio… 76/12  rejected        0  —
   1004      Réuniverre         04/974 submitted       8  —
















<status>
1002: assignments saved (alice bob)
SCREEN
ui_expect "compléments demandés: the C flag" c1 <<'SCREEN'
 ptce · tous, by Number ↑ · 4 dossiers
   Number↑   PTCE               Region State        Days  My review Total  Flags
   1001      Coopérative Énerg… 76/31  phase 1         0  —
>  1002      Filière vélo du G… 11/93  submitted      12  —                 C
   1003      Tiers-lieu Statio… 76/12  rejected        0  —
   1004      Réuniverre         04/974 submitted       8  —
















<status>
1002  compléments demandés
SCREEN
ui_expect "conflict of interest declared" k1 <<'SCREEN'
 ptce · tous, by Number ↑ · 4 dossiers
   Number↑   PTCE               Region State        Days  My review Total  Flags
   1001      Coopérative Énerg… 76/31  phase 1         0  —
   1002      Filière vélo du G… 11/93  submitted      12  —                 C
   1003      Tiers-lieu Statio… 76/12  rejected        0  —
>  1004      Réuniverre         04/974 submitted       8  conflict
















<status>
Conflict of interest recorded; your review of it counts nowhere.
SCREEN
ui_expect "history overlay" h1 <<'SCREEN'
 ptce · tous, by Number ↑ · 4 dossiers
 History of 1004
 YYYY-MM-DD hh:mm  root  conflict  conflict of interest: root
     « Je siège au conseil d'administration. »


















<status>
q or Esc to close
SCREEN
t_eq "assignments stored" "$(t_sql "SELECT group_concat(login, ',') FROM (SELECT login FROM assignments a JOIN dossiers d ON d.id = a.dossier_id WHERE ds_number = '1002' ORDER BY login)")" "alice,bob"
t_eq "compléments stored" "$(t_sql "SELECT complements_due FROM dossiers WHERE ds_number = '1002'")" "2030-01-31"

ui_run batch 80 24 <<'KEYS'
jt
t
m
:save-screen b1
1
:save-screen b2
q
x
<C-u>tagged.csv<Enter>
:save-screen x1
T
x
<C-u>all.csv<Enter>
KEYS
ui_expect "batch move: targets of the tagged dossiers" b1 <<'SCREEN'
 ptce · tous, by Number ↑ · 4 dossiers · 2 tagged
   Number↑   PTCE               Region State        Days  My review Total  Flags
   1001      Coopérative Énerg… 76/31  phase 1         0  —
 * 1002      Filière vélo du G… 11/93  submitted      12  —                 C
 * 1003      Tiers-lieu Statio… 76/12  rejected        0  —
>  1004      Réuniverre         04/974 submitted       8  conflict



                       ┌─ Move 2 tagged dossiers to ───┐
                       │ 1  → phase 1 instruction      │
                       │ 2  → withdrawn                │
                       │                               │
                       │ Enter choose · Esc cancel     │
                       └───────────────────────────────┘







<status>
<Enter> open · s score · m move · / search · 1-6 views · t tag · : command
SCREEN
ui_expect "batch move: one line per dossier, refusals say why" b2 <<'SCREEN'
 ptce · tous, by Number ↑ · 4 dossiers · 2 tagged
 Move: results
 1002  moved to phase 1 instruction
 1003  refused: no move from 'rejected' to 'phase 1 instruction'


















<status>
q or Esc to close
SCREEN
ui_expect "export of the tagged dossiers" x1 <<'SCREEN'
 ptce · tous, by Number ↑ · 4 dossiers · 2 tagged
   Number↑   PTCE               Region State        Days  My review Total  Flags
   1001      Coopérative Énerg… 76/31  phase 1         0  —
 * 1002      Filière vélo du G… 11/93  phase 1         0  —                 C
 * 1003      Tiers-lieu Statio… 76/12  rejected        0  —
>  1004      Réuniverre         04/974 submitted       8  conflict
















<status>
2 dossiers written to tagged.csv
SCREEN
t_eq "tagged.csv: header and two rows" "$(wc -l <"$T_DIR/tagged.csv" | tr -d ' ')" 3
t_contains "tagged.csv has 1002" "$(cat "$T_DIR/tagged.csv")" "Filière vélo du Grand Paris"
t_eq "all.csv: header and four rows" "$(wc -l <"$T_DIR/all.csv" | tr -d ' ')" 5

ui_run command 80 24 <<'KEYS'
:list --state phase1
:save-screen l1
q
:no-such-command
:save-screen l2
q
?
:save-screen help1
<PgDn>
:save-screen help2
KEYS
ui_expect ":list shows the command's output in the pager" l1 <<'SCREEN'
 ptce · tous, by Number ↑ · 4 dossiers
 :list --state phase1
 Number    PTCE                                   Région  State               …
 1001      Coopérative Énergie Sud                76/31   phase 1 instruction …
 1002      Filière vélo du Grand Paris            11/93   phase 1 instruction …
 2 dossiers
















<status>
q or Esc to close
SCREEN
ui_expect "an unknown command says so" l2 <<'SCREEN'
 ptce · tous, by Number ↑ · 4 dossiers
 :no-such-command (exit 2)
 ptce: unknown command 'no-such-command'
 Try 'ptce --help' for more information.


















<status>
q or Esc to close
SCREEN
ui_expect "help overlay from the key table" help1 <<'SCREEN'
 ptce · tous, by Number ↑ · 4 dossiers
 Help: keys
 Queue
 k, <Up>                   Move up one line
 j, <Down>                 Move down one line
 <PgUp>, <C-b>             Move up one page
 <PgDn>, <C-f>, <Space>    Move down one page
 g, <Home>                 Go to the first line
 G, <End>                  Go to the last line
 <Enter>, l, <Right>       Open the selected dossier
 <Tab>                     Switch between the queue and the dossier
 q, <Esc>, <Left>          Close this panel (from the queue: quit)
 Q                         Quit ptce
 ?, <F1>                   Show the keys (this help)
 :                         Run a ptce command (as on the command line)
 <C-l>                     Reload the data and redraw
 /                         Search names, members and texts (full text)
 n                         Go to the next search hit
 N                         Go to the previous search hit
 o                         Sort the queue by a column
 O                         Reverse the sort order
 1                         Quick view: à instruire (submitted and phase 1)
<status>
j/k, PgUp/PgDn to scroll · q or Esc to close
SCREEN
ui_expect "help overlay scrolls" help2 <<'SCREEN'
 ptce · tous, by Number ↑ · 4 dossiers
 Help: keys
 2                         Quick view: mes dossiers (assigned to me)
 3                         Quick view: à revoir par moi (my review not
                           submitted)
 4                         Quick view: phase 2
 5                         Quick view: tous (every dossier)
 6                         Quick view: compléments en retard (deadline passed)
 v                         Choose a view: the built-in ones and yours (:view
                           save NAME)
 f                         Filter by state, region or assignee (state=phase1
                           region=76 ...)
 F                         Clear the filters and the search
 t                         Tag or untag the dossier (for batch actions)
 T                         Untag every dossier
 x                         Export what the queue shows (or the tagged dossiers)
                           to CSV
 s                         Score the dossier (open my review)
 m                         Move the dossier (or the tagged ones) to another
                           state
 a                         Assign reviewers (coordinateur; tagged dossiers too)
 c                         Declare a conflict of interest on the dossier
<status>
j/k, PgUp/PgDn to scroll · q or Esc to close
SCREEN

# An action the person's role does not allow is refused at once, before any
# question: alice (instructeur) may not assign; a lecteur may not request
# compléments nor score. Nothing is asked, nothing changes.
ptce reviewer add lea --name "Léa Lecteur" --role lecteur >/dev/null 2>&1
counts() { echo "$(t_sql "select count(*) from reviews")/$(t_sql "select count(*) from assignments")/$(t_sql "select count(*) from history")"; }
# as LOGIN KEYS... : run the interface as LOGIN with these script lines.
as() {
	_who=$1; shift
	printf '%s\n' "$@" >"$T_DIR/$_who.keys"
	(cd "$T_DIR" && LINES=24 COLUMNS=80 PTCE_SCRIPT="$T_DIR/$_who.keys" "$PTCE" --as "$_who" >/dev/null 2>&1)
	t_eq "$_who: exits 0 at the end of the script" "$?" 0
}
before=$(counts)
as alice a ":save-screen alice-a"
t_contains "a: refused at once for an instructeur" "$(cat "$T_DIR/alice-a")" \
	"assigning reviewers is for a coordinateur; you are alice."
t_not_contains "  ...without asking for logins" "$(cat "$T_DIR/alice-a")" "Assign"
as lea C ":save-screen lea-c" s ":save-screen lea-s"
t_contains "C: refused at once for a lecteur" "$(cat "$T_DIR/lea-c")" \
	"requesting compléments is for an instructeur or a coordinateur; you are lea."
t_not_contains "  ...without asking for a deadline" "$(cat "$T_DIR/lea-c")" "Deadline"
t_contains "s: refused at once for a lecteur" "$(cat "$T_DIR/lea-s")" \
	"scoring a dossier is for instructeurs and coordinateurs; you are lea (lecteur)."
t_eq "nothing was written" "$(counts)" "$before"
t_done
