# paper.sh - print, report and letter on the demo database: French text that
# fits 80 columns with French dates and amounts, CSV for programs, A4 PDFs
# read back with pdftotext, templates with an unknown field refused with
# their line, and refusals for those who may not see.
. "$(dirname "$0")/../lib.sh"
t_setup
t_run "init --demo" 0 ptce init --demo

# French as tests/cli/i18n.sh sets it: the catalogue through LANGUAGE.
fr() { LANGUAGE=fr "$@"; }
FUNDED=18204107		# Stras Eco Renov, lauréat
PHASE2=18204500		# Cluster économie textile circulaire, phase 2
RETAINED=18204631	# EDENN, retained in phase 1
REJECTED=18206596	# Pôle régional des musiques actuelles

# Checks every French text must pass: no ISO date, no decimal point, no
# line wider than 80 columns (display width), no ASCII "EUR".
french_text() { # NAME TEXT
	t_eq "$1: no ISO date" "$(printf '%s\n' "$2" | grep -E '[0-9]{4}-[0-9]{2}-[0-9]{2}')" ""
	t_eq "$1: no decimal point" "$(printf '%s\n' "$2" | grep -E '[0-9]\.[0-9]')" ""
	t_eq "$1: no line over 80 columns" "$(printf '%s\n' "$2" | LC_ALL=C.UTF-8 wc -L | awk '{ print ($1 <= 80) }')" 1
	t_not_contains "$1: no 'EUR'" "$2" "EUR"
}
NNBSP=$(printf '\342\200\257') NBSP=$(printf '\302\240')

# ---- the fiche d'instruction -------------------------------------------------
# The demo's dates follow today's: the French date is the English one's.
DEPOSIT=$(ptce print $PHASE2 | sed -n 's/^Deposited on *: \([0-9]*\)-\([0-9]*\)-\([0-9]*\)$/\3\/\2\/\1/p')
t_run "print: the fiche in French" 0 fr ptce print $PHASE2
FICHE=$T_OUT
french_text "print" "$FICHE"
t_contains "print: title" "$FICHE" "Fiche d’instruction"
t_contains "print: région" "$FICHE" "Occitanie (76)"
t_contains "print: millésime" "$FICHE" "AMI PTCE 2025"
t_contains "print: PTCE" "$FICHE" "Cluster économie textile circulaire"
t_contains "print: French date of deposit" "$FICHE" "${DEPOSIT:-no date in English}"
t_contains "print: amount requested, French" "$FICHE" "100${NNBSP}000${NBSP}€"
t_contains "print: decimal comma" "$FICHE" "2,2"
t_contains "print: partnership against the décret" "$FICHE" "Au moins trois personnes morales"
t_contains "print: a criterion's label" "$FICHE" "Partenariat multi-acteurs"
t_contains "print: a comment" "$FICHE" "l'animation repose sur une seule"
t_contains "print: the aggregate" "$FICHE" "Total moyen"
t_contains "print: the band" "$FICHE" "Réservé"
t_contains "print: a decision's motivation" "$FICHE" "Orienté vers la phase 2"
t_contains "print: the CRA's block" "$FICHE" "Décision de la CRA"
t_contains "print: signatures" "$FICHE" "Signature"
t_contains "print: who printed it" "$FICHE" "Imprimé le"
t_run "print: English session" 0 ptce print $PHASE2
t_contains "print in English: ISO-like date" "$T_OUT" "$(printf '%s\n' "$DEPOSIT" | awk -F/ '{ print $3 "-" $2 "-" $1 }')"
t_contains "print in English: amount" "$T_OUT" "€100,000"
t_contains "print in English: the grid's English label" "$T_OUT" "Multi-actor partnership"

# An expert sees only the dossiers they were asked about.
t_run "print: refused for an expert not asked about the dossier" 1 fr ptce --as pmoreau print $FUNDED
t_contains "print: the refusal says why" "$T_ERR" "expert"
t_run "print: an expert's own dossier, without the reviews" 0 fr ptce --as pmoreau print 18204893
t_not_contains "print: the expert sees no review" "$T_OUT" "Total moyen"

# ---- the report ---------------------------------------------------------------
t_run "report: French text" 0 fr ptce report --since 2026-01-01
REPORT=$T_OUT
french_text "report" "$REPORT"
for want in "Dossiers par état" "Dossiers par région" "Dossiers en retard" "Compléments en retard" \
	"Classement de phase 2" "Enveloppe" "500${NNBSP}000${NBSP}€" "Décisions depuis le 01/01/2026" \
	"Évaluations encore attendues" "Kaz'Coop Martinique"; do
	t_contains "report: $want" "$REPORT" "$want"
done
t_run "report --region 76" 0 fr ptce report --region 76
t_not_contains "report --region 76 leaves Grand Est out" "$T_OUT" "Stras Eco Renov"
t_run "report --campaign unknown" 3 ptce report --campaign "AMI 1999"
t_contains "report: the known campaigns are named" "$T_ERR" "AMI PTCE 2025"
t_run "report --format csv: machine-readable" 0 fr ptce report --format csv --since 2026-01-01
t_contains "report csv: ISO dates" "$T_OUT" ",2026-11-0"
t_contains "report csv: decimal points" "$T_OUT" "87.50"
t_run "report --since with a French date is a usage error" 2 ptce report --since 01/01/2026
t_run "report --format pdf needs --output" 2 ptce report --format pdf
t_run "report: refused for an expert" 1 ptce --as pmoreau report

# ---- letters --------------------------------------------------------------------
t_run "letter: lauréat" 0 fr ptce letter $FUNDED
french_text "letter" "$T_OUT"
t_contains "letter: amount per year" "$T_OUT" "50${NNBSP}000${NBSP}€ par an"
t_contains "letter: total" "$T_OUT" "soit 100${NNBSP}000${NBSP}€"
t_contains "letter: validation" "$T_OUT" "CNA-"
t_run "letter: retained in phase 1" 0 fr ptce letter $RETAINED
t_contains "letter: retained, themes" "$T_OUT" "bouquet de services"
t_run "letter: not retained, with its motivation" 0 fr ptce letter $REJECTED
t_contains "letter: the motivation in guillemets" "$T_OUT" "«${NBSP}Non retenu"
t_run "letter: no letter for an orientation to phase 2" 1 fr ptce letter $PHASE2
t_run "letter: the phase 2 template reads" 0 ptce letter $FUNDED \
	--template "$T_TOP/share/letters/not-retained-phase2.txt"
printf '# a template\n|{{ptce}}\n\nBonjour {{ nom_du_pole }} et {{ptce}}.\n' >"$T_DIR/bad.txt"
t_run "letter: a template with an unknown field is refused" 1 ptce letter $FUNDED --template "$T_DIR/bad.txt"
t_contains "letter: the refusal names file, line and column" "$T_ERR" "bad.txt:4:9: unknown field '{{nom_du_pole}}'"
t_contains "letter: the refusal lists the fields" "$T_ERR" "amount_per_year"
printf 'Bonjour {{ptce\n' >"$T_DIR/open.txt"
t_run "letter: a '{{' left open is refused" 1 ptce letter $FUNDED --template "$T_DIR/open.txt"
t_contains "letter: the open brace's line" "$T_ERR" "open.txt:1:9:"

# ---- PDF --------------------------------------------------------------------------
if command -v groff >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1; then
	t_run "print --pdf" 0 fr ptce print $PHASE2 --pdf "$T_DIR/fiche.pdf"
	pages_n=$(pdfinfo "$T_DIR/fiche.pdf" | awk '/^Pages:/ { print $2 }')
	t_eq "the PDF is private (0600)" "$(stat -c %a "$T_DIR/fiche.pdf")" 600
	txt=$(pdftotext -layout "$T_DIR/fiche.pdf" -)
	t_contains "fiche PDF: title" "$txt" "Fiche d’instruction"
	t_contains "fiche PDF: accents" "$txt" "Cluster économie textile circulaire"
	t_contains "fiche PDF: the CRA's block" "$txt" "Décision de la CRA"
	t_contains "fiche PDF: page number in the footer" "$txt" "page 2"
	# Each page's foot: the title left, the page right, nothing over them
	# (pdftotext reads overprinted footers as words interleaved).
	t_eq "fiche PDF: every page's foot is clean" \
		"$(printf '%s\n' "$txt" | grep -c -E '^Fiche d’instruction [0-9]+ +page [0-9]+$')" "$pages_n"
	t_contains "fiche PDF: the audit chain head, whole, at the end" "$(printf '%s\n' "$txt" | tr -d '\n')" \
		"$(ptce audit head)"
	pages=$(pdfinfo "$T_DIR/fiche.pdf" | awk '/^Pages:/ { print $2 }')
	t_eq "fiche PDF: several A4 pages" "$([ "${pages:-0}" -ge 3 ] && echo yes)" yes
	t_eq "fiche PDF: A4" "$(pdfinfo "$T_DIR/fiche.pdf" | grep -c 'Page size: .*(A4)')" 1
	t_run "print --pdf refuses to overwrite" 6 ptce print $PHASE2 --pdf "$T_DIR/fiche.pdf"
	t_contains "the refusal names --force" "$T_ERR" "--force"
	t_run "print --pdf --force replaces" 0 ptce print $PHASE2 --pdf "$T_DIR/fiche.pdf" --force
	t_run "report --format pdf" 0 fr ptce report --format pdf --output "$T_DIR/report.pdf"
	txt=$(pdftotext -layout "$T_DIR/report.pdf" -)
	t_contains "report PDF: title" "$txt" "Rapport pour la réunion de la CRA"
	t_contains "report PDF: classement" "$txt" "Classement de phase 2"
	t_contains "report PDF: envelope" "$txt" "500 000 €"
	t_run "letter --pdf" 0 fr ptce letter $FUNDED --pdf "$T_DIR/letter.pdf"
	txt=$(pdftotext -layout "$T_DIR/letter.pdf" -)
	t_contains "letter PDF: accents and amounts" "$txt" "50 000 € par an"
	t_contains "letter PDF: the object" "$txt" "Objet : AMI PTCE 2025"
	t_eq "letter PDF: one page" "$(pdfinfo "$T_DIR/letter.pdf" | awk '/^Pages:/ { print $2 }')" 1
	# No shell: a file name with shell syntax is a file name.
	t_run "print --pdf with shell syntax in the name" 0 ptce print $PHASE2 --pdf "$T_DIR/a;b \$(x).pdf"
	t_eq "that file exists as named" "$([ -f "$T_DIR/a;b \$(x).pdf" ] && echo yes)" yes
	t_run "a missing groff is said, and no file is left" 6 env PATH=/nonexistent "$PTCE" print $PHASE2 --pdf "$T_DIR/no.pdf"
	t_contains "the message names the package" "$T_ERR" "apt-get install groff"
	t_eq "no file left behind" "$([ -e "$T_DIR/no.pdf" ] && echo left)" ""
else
	t_skip "groff, pdftotext or pdfinfo is not installed (apt-get install groff poppler-utils)"
fi
# The fiche and the report carry the audit chain's head, as ptce audit head
# prints it, so a later rewrite is caught against the paper.
head=$(ptce audit head)
t_run "print: English session again" 0 ptce print $PHASE2
t_contains "print: the footer gives the audit chain head" "$(echo "$T_OUT" | tr -d '\n')" "$head"
t_run "report: text" 0 ptce report
t_contains "report: the footer gives the audit chain head" "$(echo "$T_OUT" | tr -d '\n')" "$head"
# The discussion among reviewers is on the fiche.
ptce comment add $PHASE2 "Question de gouvernance pour la CRA." >/dev/null 2>&1
t_run "print: with the discussion" 0 ptce print $PHASE2
t_contains "  ...its heading" "$T_OUT" "Discussion"
t_contains "  ...the comment" "$T_OUT" "Question de gouvernance pour la CRA."
t_done
