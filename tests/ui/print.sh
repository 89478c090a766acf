#!/bin/sh
# print.sh - the print-fiche key in script mode: p on a dossier offers
# fiche-NUMBER.pdf, writes the fiche there as an A4 PDF (mode 0600), says
# so, and refuses to replace the file the second time.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/ui.sh"
t_setup
ui_init_db
ui_add 1001 "Coopérative Énergie Sud" 76 31 3 "Rénovation énergétique."
ui_add 1002 "Filière vélo du Grand Paris" 11 93 12 "Réemploi de vélos."

if ! command -v groff >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
	t_skip "groff or pdftotext is not installed (apt-get install groff poppler-utils)"
	t_done
fi

ui_run print 80 24 <<'KEYS'
j
p
:save-screen p1
<Enter>
:save-screen p2
p
<Enter>
:save-screen p3
KEYS
t_contains "p asks where to save, offering fiche-NUMBER.pdf" "$(ui_screen p1)" \
	"Save the fiche as PDF: fiche-1002.pdf"
t_contains "the fiche is written, and it says how to print it" "$(ui_screen p2)" \
	"Fiche written to fiche-1002.pdf (print it with: lp fiche-1002.pdf)"
t_eq "the PDF exists, private" "$(stat -c %a "$T_DIR/fiche-1002.pdf" 2>/dev/null)" 600
t_contains "the PDF is the fiche of that dossier" \
	"$(pdftotext "$T_DIR/fiche-1002.pdf" - 2>/dev/null)" "Filière vélo du Grand Paris"
t_contains "a second time, the file is not replaced" "$(ui_screen p3)" "already exists"

# In French, the prompt and the fiche are French.
LANGUAGE=fr ui_run print_fr 80 24 <<'KEYS'
p
<Enter>
:save-screen f1
KEYS
t_contains "in French: the message" "$(ui_screen f1)" "Fiche écrite dans fiche-1001.pdf"
t_contains "in French: the fiche" "$(pdftotext "$T_DIR/fiche-1001.pdf" - 2>/dev/null)" "Fiche d’instruction"
t_done
