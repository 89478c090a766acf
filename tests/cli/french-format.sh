#!/bin/sh
# french-format.sh - a French session reads French formats in every command's
# output: no ISO date, no decimal point in a number, no straight double
# quote, no "(s)" plural; --excel exports French headings, dates and
# decimals, while csv and json without --excel stay machine-readable.
. "$(dirname "$0")/../lib.sh"
t_setup
export PTCE_LOCALEDIR=${PTCE_LOCALEDIR:-$T_TOP/build/locale}
ptce init --demo >/dev/null || echo "not ok - init --demo"
ID=$(ptce list --format tsv | sed -n 2p | cut -f1)
export LANGUAGE=fr

# french DESC ARGS... : the command's output in French has none of the
# English or machine formats.
french() {
	desc=$1; shift
	t_run "$desc" 0 ptce "$@"
	t_not_contains "  ...no ISO date" "$(printf '%s\n' "$T_OUT" | grep -E '[0-9]{4}-[0-9]{2}-[0-9]{2}')" "-"
	t_eq "  ...no decimal point in a number" "$(printf '%s\n' "$T_OUT" | grep -cE '(^|[^0-9A-Za-z.])[0-9]+\.[0-9]+([^0-9.]|$)')" 0
	t_eq "  ...no straight double quote" "$(printf '%s\n' "$T_OUT" | grep -c '"')" 0
	t_eq "  ...real plurals, no (s)" "$(printf '%s\n' "$T_OUT" | grep -c '(s)')" 0
}
french "ptce list" list
french "ptce show" show "$ID"
french "ptce history" history "$ID"
french "ptce scores" scores "$ID"
P2=$(ptce list --format tsv | awk -F'\t' '$5 == "phase2" { print $1; exit }')
t_run "ptce scores of a phase 2 dossier" 0 ptce scores "$P2"
t_contains "  ...the plural follows the reviews submitted" "$T_OUT" "évaluations soumises (1 requise)"
french "ptce campaign show" campaign show
french "ptce campaign list" campaign list
french "ptce opinion list" opinion list
t_contains "  ...the question and the answer named in French" "$T_OUT" "Question${NB:-$(printf '\302\240')}: "
# The PTCE names start in one column whatever the verdict's accents.
t_eq "  ...columns by display width: the PTCE names line up" \
	"$(printf '%s\n' "$T_OUT" | grep -E '^[0-9]' | python3 -c '
import sys
print(len({l[46] + (l[47] != " " and "x" or " ") for l in sys.stdin}), end="")')" 1
french "ptce doc list" doc list "$ID"
french "ptce reviewer list" reviewer list
french "ptce ranking --phase 2" ranking --phase 2
french "ptce checklist show phase2" checklist show phase2
french "ptce print" print "$ID"
french "ptce report" report
french "ptce letter" letter "$ID"

# The demo's dates follow today's: the French date is the English one's.
DEPOSIT=$(LANGUAGE= ptce show "$ID" | sed -n 's/^Submitted on *: \([0-9]*\)-\([0-9]*\)-\([0-9]*\)$/\3\/\2\/\1/p')
t_run "ptce show: amounts in euros" 0 ptce show "$ID"
t_contains "  ...with narrow no-break spaces" "$T_OUT" "$(printf '420\342\200\257000\302\240€')"
t_contains "  ...the ETP with a decimal comma" "$T_OUT" "2,5"
t_contains "  ...the deposit date the French way" "$T_OUT" "${DEPOSIT:-no date in English}"
t_run "ptce campaign show" 0 ptce campaign show
t_contains "  ...the envelope in euros" "$T_OUT" "$(printf 'enveloppe    500\342\200\257000\302\240€')"
t_contains "  ...laureates with a real plural" "$T_OUT" "lauréats)"

t_contains "ptce history: states by their French label" "$(ptce history "$ID")" "déposé → phase 1"
t_contains "  ...and their English one in English" "$(LANGUAGE= ptce history "$ID")" "submitted → phase 1"
t_not_contains "  ...never the state's code" "$(ptce history "$ID")" "→ phase1"

# The demo's dates follow today's: the expected French values are made from
# the machine export of the same database.
ROW=$(LANGUAGE= ptce export --format csv | sed -n 2p)
SINCE=$(printf '%s\n' "$ROW" | cut -d, -f3 | tr -d '"')
DAYS=$(printf '%s\n' "$ROW" | cut -d, -f4 | tr -d '"')
SINCE_FR=$(date -d "$SINCE" +'%d/%m/%Y %H:%M')
t_run "export --excel in French" 0 ptce export --excel
t_contains "  ...French headings" "$T_OUT" '"Numéro de dossier";"État";"Dans cet état depuis le"'
t_contains "  ...dates a French spreadsheet reads" "$T_OUT" "\"$SINCE_FR\";\"$DAYS\";\"Accepté\";\"${DEPOSIT:-no date}\""
t_contains "  ...decimals with a comma" "$T_OUT" '"2,5"'
t_contains "  ...lists of choices in words" "$T_OUT" '"mobilisation et animation du territoire, ingénierie de projet, recherche et développement territorial'
t_not_contains "  ...never their codes" "$T_OUT" '"mobilisation, ingenierie'
t_contains "  ...régions and départements by name" "$T_OUT" '"Grand Est (44)";"Bas-Rhin (67)"'
t_eq "  ...no ISO date" "$(printf '%s\n' "$T_OUT" | grep -cE '[0-9]{4}-[0-9]{2}-[0-9]{2}')" 0
t_run "export csv without --excel" 0 ptce export --format csv
t_contains "  ...keeps column names" "$T_OUT" '"ds_number","state","state_since"'
t_contains "  ...ISO times" "$T_OUT" "${SINCE:-no time}"
t_eq "  ...as ISO UTC" "$(printf '%s\n' "$SINCE" | grep -cE '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$')" 1
t_contains "  ...decimal points" "$T_OUT" "2.5"
t_run "export json" 0 ptce export --format json
t_contains "  ...keeps numbers as numbers" "$T_OUT" '"staff_fte": 2.5'

# A score's echo: the answer in words, the French colon, an arrow.
P1=$(ptce list --format tsv | awk -F'\t' '$5 == "phase1" { print $1; exit }')
t_run "ptce score in French" 0 ptce score "$P1" --grid phase1 R3=oui
t_contains "  ...echoes the answer in words" "$T_OUT" "  R3${NB:-$(printf '\302\240')}: - → oui"

# States by their French names, and refusals that name them so.
NB=$(printf '\302\240')
SUB=$(ptce list --format tsv | awk -F'\t' '$5 == "submitted" { print $1; exit }')
t_run "a move to a state named in French, not open" 1 ptce move "$SUB" financé
t_contains "  ...understood and refused in French words" "$T_ERR" "aucun passage de «${NB}déposé (submitted)${NB}» à «${NB}financé (funded)${NB}»"
t_contains "  ...the moves open, by name and code" "$T_ERR" "phase 1 (phase1) — ouvrir l’instruction phase 1"
t_run "a move given as « Phase 1 »" 0 ptce move "$SUB" "Phase 1"
t_eq "  ...made" "$(ptce list --format tsv | awk -F'\t' -v d="$SUB" '$1 == d { print $5 }')" phase1

LANGUAGE= t_run "English: ptce campaign show as it was" 0 ptce campaign show
t_contains "  ...amounts as before" "$T_OUT" "envelope     500 000 EUR"
t_done
