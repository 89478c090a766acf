#!/bin/sh
# defects.sh - the interface defects a new user met on the demo (issue 12),
# one check each, in script mode at 80x24 (and 200x50 where the layout
# matters): the dossier after scoring, hidden reviews, sort by total, local
# times, no draft before the first answer, texts and labels of reviews,
# gates still to check, nothing typed lost, refusals at once, the export
# rule, search over every dossier, filters, and the smaller ones.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/ui.sh"
t_setup
ptce init --demo >/dev/null 2>&1 || { echo "not ok - init --demo"; exit 1; }
ME=$(ptce whoami 2>/dev/null | sed -n '1s/^[^(]*(\([^)]*\)).*/\1/p')

# as LOGIN COLS ROWS NAME < keys : the interface as another reviewer.
as() {
	cat >"$T_DIR/$4.keys"
	(cd "$T_DIR" && LINES=$3 COLUMNS=$2 PTCE_SCRIPT="$T_DIR/$4.keys" "$PTCE" --as "$1" \
		>/dev/null 2>"$T_DIR/$4.err")
	t_eq "$4: exits 0 at the end of the script" "$?" 0
}
# row NUMBER FILE : the queue row of dossier NUMBER on a saved screen.
row() { grep " $1 " "$T_DIR/$2" | head -1; }

# 1. Closing the scoring form shows the dossier just scored, not the one
# opened before it; m then offers to move that one.
ui_run back 80 24 <<'KEYS'
2
j
<Enter>
q
k
s
q
:save-screen back1
m
:save-screen back2
KEYS
t_contains "1: after scoring, the dossier scored is shown" "$(ui_screen back1)" "18204238 · Filière vélo du Grand Paris"
t_not_contains "1: not the dossier opened before" "$(ui_screen back1)" "Remendaires"
t_contains "1: m offers to move the dossier scored" "$(ui_screen back2)" "Move 18204238 to"

ui_run backwide 200 50 <<'KEYS'
2
j
<Enter>
q
k
s
q
:save-screen backwide1
m
:save-screen backwide2
KEYS
t_contains "1: 200x50: the dossier scored beside the queue" "$(head -2 "$T_DIR/backwide1")" "18204238 · Filière vélo du Grand Paris"
t_contains "1: 200x50: m offers to move it" "$(cat "$T_DIR/backwide2")" "Move 18204238 to"

# 2. Reviews hidden from an instructeur are counted, in words.
as cmartin 80 24 hidden <<'KEYS'
/velo grand paris<Enter>
<Enter>
]]]]]]]]]kkk
:save-screen hidden1
KEYS
t_contains "2: the hidden reviews are counted in words" "$(ui_screen hidden1)" "2 reviews are hidden from you for now."
t_not_contains "2: no raw plural message" "$(ui_screen hidden1)" "%d"

# 3. Sorted by total (descending): every dossier with a total comes before
# those without one; 39.4 right after 45.6.
ui_run total 80 24 <<'KEYS'
o
7
:save-screen total1
KEYS
totals=$(sed -n '3,22p' "$T_DIR/total1" | awk '{ t = "-"; for (i = 5; i <= NF; i++)
	if ($i ~ /^[0-9]+\.[0-9]$/) t = $i; printf "%s ", t }')
t_eq "3: totals first, in order, then the dossiers without one" \
	"$totals" "87.5 79.4 76.7 72.5 69.4 69.4 56.7 45.6 39.4 - - - - - - - - - - - "

# 4. One rule for times: local time without T…Z, in H, in the dossier's
# history and on the command line, the same minute everywhere.
ui_run times 80 24 <<'KEYS'
/velo grand paris<Enter>
H
:save-screen times1
q
<Enter>
<End>
:save-screen times2
KEYS
cli_first=$(ptce history 18204238 | head -1 | cut -c1-16)
t_contains "4: H shows the local time of the command line" "$(cat "$T_DIR/times1")" "$cli_first  root"
t_not_contains "4: H shows no ISO T…Z" "$(cat "$T_DIR/times1")" "Z  "
t_eq "4: no 'T' time in H" "$(grep -c '[0-9]T[0-9][0-9]:' "$T_DIR/times1")" 0
t_eq "4: no 'T' time in the dossier's history" "$(grep -c '[0-9]T[0-9][0-9]:' "$T_DIR/times2")" 0
last_cli=$(ptce history 18204238 | tail -1 | cut -c1-16)
t_contains "4: the dossier's history shows the local time of the command line" \
	"$(cat "$T_DIR/times2")" "$last_cli"

# 5. Opening the form and leaving it without answering writes nothing, even
# on a dossier not assigned to me; the first answer makes the draft.
ui_run nodraft 80 24 <<'KEYS'
/Brie'Nov<Enter>
:save-screen nodraft0
s
q
q
:save-screen nodraft1
KEYS
t_eq "5: no review written by opening the form" \
	"$(t_sql "select count(*) from reviews where reviewer = '$ME'")" 0
t_contains "5: the queue says no review" "$(row 18205941 nodraft1)" "—"
t_not_contains "5: not 'draft'" "$(row 18205941 nodraft1)" "draft"
ui_run nodraft2 80 24 <<'KEYS'
2
s
:save-screen nodraft2
q
KEYS
t_eq "5: still none after opening a phase 2 form" \
	"$(t_sql "select count(*) from reviews where reviewer = '$ME'")" 0
t_run "5: scores counts no draft" 0 ptce scores 18204238
t_not_contains "5: ...no '1 draft'" "$T_OUT" "1 draft"

# 6. An empty phase 2 draft shows no band; free text shown as text; phase 1
# reviews show no total; criteria with their labels.
t_contains "6: the empty form has no band yet" "$(sed -n 3p "$T_DIR/nodraft2")" "draft · total 0.00 / 100 · 8 things missing"
t_not_contains "6: ...not 'Défavorable'" "$(cat "$T_DIR/nodraft2")" "Défavorable"
ui_run texts 80 24 <<'KEYS'
2
s
3
<End>
<Enter>Coopération mature, modèle crédible.<Esc>
:save-screen text1
r
:save-screen text2
q
q
]]]]]]]]
:save-screen text3
KEYS
t_contains "6: the free text shows in its row" "$(cat "$T_DIR/text1")" ">*synthese Summary of the review: Coopération mature, modèle crédible."
t_not_contains "6: not '[text]'" "$(cat "$T_DIR/text1")" "[text]"
t_contains "6: and below the form" "$(sed -n '16,22p' "$T_DIR/text1")" "Coopération mature, modèle crédible."
t_contains "6: the draft exists from the first answer" \
	"$(t_sql "select status from reviews where reviewer = '$ME'")" "draft"
t_contains "6: r pager: criteria with their labels" "$(cat "$T_DIR/text2")" "A Multi-actor partnership: 3 - good"
t_contains "6: r pager: the text under its label" "$(cat "$T_DIR/text2")" "synthese Summary of the review"
t_contains "6: reviews section: phase 1 criteria with their labels" "$(cat "$T_DIR/text3")" "R1 Private-law lead entity: yes"
t_contains "6: reviews section: a phase 1 review shows no total" "$(cat "$T_DIR/text3")" "Antoine Dupont (adupont) · phase1 · submitted"
t_not_contains "6: ...never 'total 0.0'" "$(cat "$T_DIR/text3")" "total 0.0"

# 7. Submitting with a gate left "to check" names it in the confirmation.
ui_run gates 80 24 <<'KEYS'
/ECLIS<Enter>
s
yy?<Enter>Lettres à vérifier.<Esc>
<Down>yyyyyyyyy
S
:save-screen gates1
n
q
KEYS
t_contains "7: the confirmation names the gate still to check" "$(cat "$T_DIR/gates1")" "Still to check (1 gate):"
t_contains "7: ...by its id" "$(cat "$T_DIR/gates1")" "R3 (At least one"
t_eq "7: nothing submitted when declined" \
	"$(t_sql "select count(*) from reviews r join dossiers d on d.id = r.dossier_id where d.ds_number = '18206334' and r.reviewer = '$ME' and r.status = 'submitted'")" 0

# 8. C checks the date before the note is asked, and the date typed is
# offered again to correct.
ui_run due 80 24 <<'KEYS'
/Cartoucherie<Enter>
C
2020-01-15<Enter>
:save-screen due1
<C-u>2030-01-15<Enter>
:save-screen due2
Statuts signés<Enter>
:save-screen due3
KEYS
t_contains "8: a past date is refused at once" "$(cat "$T_DIR/due1")" "the deadline 2020-01-15 is already past"
t_contains "8: ...and offered again to correct" "$(tail -1 "$T_DIR/due1")" "2020-01-15"
t_contains "8: the note is asked only after a good date" "$(tail -1 "$T_DIR/due2")" "What is missing:"
t_eq "8: stored" "$(t_sql "select complements_due || '|' || complements_note from dossiers where ds_number = '18205024'")" \
	"2030-01-15|Statuts signés"

# 10. An action the person may not take is refused at once (wide screen).
as cmartin 200 50 refuse <<'KEYS'
a
:save-screen refuse1
KEYS
t_contains "10: a refused at once for an instructeur" "$(cat "$T_DIR/refuse1")" "assigning reviewers is for a coordinateur"
t_not_contains "10: ...no logins asked" "$(cat "$T_DIR/refuse1")" "Assign (logins"

# 11. x follows the export rule: 0600, an existing file replaced only when
# confirmed.
echo "ancien contenu" >"$T_DIR/out.csv"
ui_run export 80 24 <<'KEYS'
x
<C-u>out.csv<Enter>
:save-screen export1
n
:save-screen export2
x
<C-u>out.csv<Enter>
y
:save-screen export3
x
<C-u>new.csv<Enter>
KEYS
t_contains "11: x asks before replacing a file" "$(cat "$T_DIR/export1")" "out.csv exists already. Replace it?"
t_contains "11: no keeps it" "$(cat "$T_DIR/export2")" "Nothing written: out.csv kept as it was."
t_contains "11: yes replaces it" "$(cat "$T_DIR/export3")" "27 dossiers written to out.csv"
t_eq "11: replaced file is 0600" "$(stat -c %a "$T_DIR/out.csv")" 600
t_eq "11: a new file is 0600" "$(stat -c %a "$T_DIR/new.csv")" 600
t_eq "11: 28 lines" "$(wc -l <"$T_DIR/new.csv" | tr -d ' ')" 28

# 12. Search over every dossier, hit n/N, wrap-around; filters with either
# value of a key, names and départements.
ui_run search 80 24 <<'KEYS'
2
/reemploi<Enter>
:save-screen search1
n
:save-screen search2
G
n
:save-screen search3
N
:save-screen search4
KEYS
t_contains "12: first hit, counted" "$(tail -1 "$T_DIR/search1")" "reemploi: hit 1/7"
t_contains "12: a hit outside the view" "$(tail -1 "$T_DIR/search2")" "reemploi: hit 2/7 (n next, N previous) · not in 'mes dossiers', view 'tous'"
t_contains "12: ...shown in view tous" "$(head -1 "$T_DIR/search2")" "ptce · tous"
t_contains "12: ...the cursor on it" "$(row 18204500 search2)" ">  18204500"
t_contains "12: past the last hit, back to the first, said" "$(tail -1 "$T_DIR/search3")" "hit 1/7 (n next, N previous) · past the last hit, back to the first"
t_contains "12: N wraps the other way" "$(tail -1 "$T_DIR/search4")" "hit 7/7 (n next, N previous) · past the first hit, back to the last"
ui_run filter 200 50 <<'KEYS'
f
state=phase2 state=bouquet<Enter>
:save-screen filter1
f
region=Occitanie departement=Haute-Garonne<Enter>
:save-screen filter2
f
occitanie<Enter>
:save-screen filter3
KEYS
t_contains "12: state=phase2 state=bouquet means either" "$(head -1 "$T_DIR/filter1")" "tous, phase 2 instruction/bouquet de services"
t_eq "12: ...10 dossiers, phase 2 or bouquet" "$(grep -a '^[> ]  1820' "$T_DIR/filter1" | grep -ac ' phase 2 \| bouquet ')" 10
t_contains "12: a département filter" "$(head -1 "$T_DIR/filter2")" "Occitanie, Haute-Garonne"
t_eq "12: ...its two dossiers" "$(grep -a '^[> ]  1820' "$T_DIR/filter2" | grep -ac ' 76/31 ')" 2
t_contains "12: a région by name" "$(head -1 "$T_DIR/filter3")" "tous, Occitanie"

# 13. Smaller ones: "1 submitted review"; the help's descriptions in one
# column; members cut with an ellipsis.
ui_run small 80 24 <<'KEYS'
/ECLIS<Enter>
s
r
:save-screen small1
q
q
?
:save-screen small2
<End>
:save-screen small3
KEYS
t_contains "13: one submitted review, singular" "$(cat "$T_DIR/small1")" "1 submitted review"
t_not_contains "13: ...never '1 submitted reviews'" "$(cat "$T_DIR/small1")" "1 submitted reviews"
# The help, page after page, in one file; the column where a key's
# description starts.
{ echo "?"; for i in 1 2 3 4 5 6 7; do echo ":save-screen help$i"; echo "<PageDown>"; done; } |
	ui_run helpcol 80 24
cat "$T_DIR"/help[1-7] >"$T_DIR/help"
col_of() { grep -a -- "$1" "$T_DIR/help" | head -1 | awk -v s="$2" '{ print index($0, s) }'; }
t_contains "13: the help lists x, <Delete>, <Backspace>" "$(cat "$T_DIR/help")" "x, <Delete>, <Backspace>"
t_eq "13: the help's descriptions start in one column" \
	"$(col_of 'x, <Delete>' 'Clear the answer')" "$(col_of '^ y, o ' 'Answer yes')"
ui_run members 80 24 <<'KEYS'
/velo grand paris<Enter>
<Enter>
]]]]]]
:save-screen members1
KEYS
t_contains "13: a member name too long for its column ends with …" "$(cat "$T_DIR/members1")" "   Association Filière vél… ESS                structure porteuse agreement"
t_contains "13: ...every cut column too" "$(cat "$T_DIR/members1")" "   Plaine Commune           collectivité / EP… établissement pub… member of the…"
t_done
