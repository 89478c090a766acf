#!/bin/sh
# pieces.sh - the pièces jointes in the dossier panel, in script mode: Enter
# brings them into view, then shows the selected one as text in the pager (a
# PDF through pdftotext), } and { select another, D saves it at 0600 under
# the name the person gives, asking before replacing a file; a type that is
# not text, a pièce not received and a missing pdftotext are said on the
# message line.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/ui.sh"
t_setup
ui_init_db
ui_add 1001 "Coopérative Énergie Sud" 76 31 3 "Rénovation énergétique."

printf 'Lettre de soutien\nde la commune \033[31md'"'"'Albi\033[0m.\n' >"$T_DIR/lettre.txt"
printf '\000\001binary\377' >"$T_DIR/plan.bin"
ptce doc attach 1001 "$T_DIR/lettre.txt" --kind lettre >/dev/null
have_pdf=0
if command -v groff >/dev/null && command -v pdftotext >/dev/null; then
	printf '.Dd January 1, 2026\n.Dt STATUTS 7\n.Os\n.Sh NAME\nStatuts de la SCIC Energie Sud\n' >"$T_DIR/statuts.7"
	groff -mdoc -Tpdf "$T_DIR/statuts.7" >"$T_DIR/statuts.pdf" 2>/dev/null && have_pdf=1
fi
if [ "$have_pdf" = 1 ]; then
	ptce doc attach 1001 "$T_DIR/statuts.pdf" --kind statuts >/dev/null
else
	# Keep the numbering: a text in the PDF's place.
	printf 'no pdf\n' >"$T_DIR/statuts.txt"
	ptce doc attach 1001 "$T_DIR/statuts.txt" --kind statuts >/dev/null
fi
ptce doc attach 1001 "$T_DIR/plan.bin" >/dev/null
# A pièce the platform's export names, whose file has not come (no zip yet).
printf '%s\n' 'ID,Établissement SIRET,Entreprise raison sociale,État du dossier,Déposé le,Région (Code),Département (Code),Nom du PTCE,Type de territoire,Derniers comptes approuvés' \
	'1001,90000014000005,Association Coopérative Énergie Sud,En construction,2025-03-01 10:00:00 +0100,76,31,Coopérative Énergie Sud,Rural,comptes-2025.pdf' >"$T_DIR/named.csv"
ptce import "$T_DIR/named.csv" >/dev/null 2>&1 || echo "not ok - import of the named pièce"

ui_run pieces 80 24 <<'KEYS'
<Enter>
<Enter>
:save-screen p1
<Enter>
:save-screen p2
q
}
<Enter>
:save-screen p3
q
}
<Enter>
:save-screen p4
}
<Enter>
:save-screen p5
{
{
{
D
:save-screen p6
<Enter>
:save-screen p7
D
<Enter>
:save-screen p8
n
:save-screen p9
D
<Enter>
y
:save-screen p10
KEYS

ui_expect "Enter brings the pièces into view, the first one selected" p1 <<'SCREEN'
 ptce · tous, by Number ↑ · 1 dossier
  1001 · Coopérative Énergie Sud
 State: submitted (since YYYY-MM-DD)
 Assigned to: nobody
 Région                      Occitanie (76)
 Département                 Haute-Garonne (31)

 PTCE and territoire
 PTCE name                   Coopérative Énergie Sud
 Territory type              rural

 Projet
 Description
   Rénovation énergétique.

 Finances

 Membres (0)

 Pièces (4)
 > lettre   lettre.txt  (text, 49 B)  YYYY-MM-DD
 ──────────────────────────────────────────────────────── 64% · ] next section
<status>
j scroll · s score · m move · H history · <Enter> pièce · D save · q back
SCREEN
ui_expect "Enter again shows the text in the pager, cleaned" p2 <<'SCREEN'
 ptce · tous, by Number ↑ · 1 dossier
 Pièce 1 · lettre.txt
 Lettre de soutien
 de la commune d'Albi.


















<status>
q or Esc to close
SCREEN
if [ "$have_pdf" = 1 ]; then
	t_contains "} then Enter shows the PDF through pdftotext" "$(ui_screen p3)" "Statuts de la SCIC Energie Sud"
	t_contains "  ...titled with its file name" "$(ui_screen p3)" "Pièce 2 · statuts.pdf"
else
	t_skip "groff or pdftotext (poppler-utils) is not installed: no PDF to show"
fi
t_contains "a binary is not shown: said with its type" "$(ui_screen p4)" \
	"Pièce 3 is application/octet-stream, not text: D saves it to a file."
t_contains "  ...its line is selected" "$(ui_screen p4)" "> autre    plan.bin"
t_contains "a pièce only named by the import: said" "$(ui_screen p5)" \
	"Pièce 4 was only named by the import"
t_contains "  ...listed as not received" "$(ui_screen p5)" "> comptes  comptes-2025.pdf  (not received)"
t_contains "w offers ~/<file name>" "$(ui_screen p6)" "Save the pièce to: ~/lettre.txt"
t_contains "Enter saves it" "$(ui_screen p7)" "Pièce 1 saved to $HOME/lettre.txt"
t_eq "  ...the same bytes" "$(cmp "$HOME/lettre.txt" "$T_DIR/lettre.txt" && echo same)" "same"
t_eq "  ...mode 0600" "$(stat -c %a "$HOME/lettre.txt")" "600"
t_contains "saving over a file asks first" "$(ui_screen p8)" "lettre.txt already exists."
t_contains "  ...n keeps it" "$(ui_screen p9)" "Nothing saved: $HOME/lettre.txt is kept."
t_contains "  ...y replaces it" "$(ui_screen p10)" "Pièce 1 saved to $HOME/lettre.txt"

# The file a person had is not touched when they say no.
printf 'mine\n' >"$HOME/lettre.txt"
ui_run keep 80 24 <<'KEYS'
<Enter>
<Enter>
D
<Enter>
n
KEYS
t_eq "after n, the person's file is untouched" "$(cat "$HOME/lettre.txt")" "mine"

# Without pdftotext, a PDF is not shown: the message names the package.
if [ "$have_pdf" = 1 ]; then
	printf '<Enter>\n<Enter>\n}\n<Enter>\n:save-screen nopdf\n' >"$T_DIR/nopdf.keys"
	(cd "$T_DIR" && LINES=24 COLUMNS=80 PATH=/nonexistent PTCE_SCRIPT="$T_DIR/nopdf.keys" "$PTCE" \
		>"$T_DIR/nopdf.out" 2>"$T_DIR/nopdf.err")
	t_eq "without pdftotext: exits 0" "$?" 0
	t_contains "  ...the message names poppler-utils" "$(ui_screen nopdf)" "poppler-utils"
else
	t_skip "groff or pdftotext (poppler-utils) is not installed"
fi
t_done
