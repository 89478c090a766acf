#!/bin/sh
# grids.sh - ptce checklist: the shipped grids pass, and each broken grid in
# tests/grids is refused with the exact message and position of its first line.
. "$(dirname "$0")/../lib.sh"
t_setup
cd "$T_TOP" || exit 1
export PTCE_DB="$T_DIR/none/never.db"	# checklist check needs no database

t_run "shipped grids are valid" 0 ptce checklist check config/checklists/phase1.yaml config/checklists/phase2.yaml
t_contains "phase1 summary" "$T_OUT" "config/checklists/phase1.yaml: ok (grid phase1, phase 1, 13 criteria, 0 points"
t_contains "phase2 summary" "$T_OUT" "config/checklists/phase2.yaml: ok (grid phase2, phase 2, 9 criteria, 100 points"
t_eq "no database was created" "$(ls "$T_DIR/none" 2>/dev/null)" ""

n=0
for f in tests/grids/*.yaml; do
	exp_msg=$(sed -n '1s/^# expect: //p' "$f")
	t_run "$f is refused" 1 ptce checklist check "$f"
	t_eq "$f: message and position" "$T_ERR" "ptce: $f:$exp_msg"
	n=$((n + 1))
done
t_eq "at least 20 broken grids" "$([ "$n" -ge 20 ] && echo yes)" "yes"

t_run "a good and a bad file: exit 1" 1 ptce checklist check config/checklists/phase2.yaml tests/grids/unknown-top-key.yaml
t_contains "the good one is reported ok" "$T_OUT" "phase2.yaml: ok"
t_contains "the bad one is named" "$T_ERR" "unknown-top-key.yaml:3:1: unknown key 'titel' in the grid; did you mean 'title'?"
t_run "a missing file" 1 ptce checklist check "$T_DIR/nope.yaml"
t_contains "missing file named" "$T_ERR" "nope.yaml: cannot read the grid"
t_run "check without a file is a usage error" 2 ptce checklist check
t_run "checklist --help" 0 ptce checklist --help
t_contains "help names check" "$T_OUT" "check FILE..."
# A number in a grid's message is written as the reader writes it.
sed 's/below: 12}/below: 12.5}/' tests/grids/eliminate-above-points.yaml >"$T_DIR/dec.yaml"
t_run "a decimal in a grid's message, English" 1 ptce checklist check "$T_DIR/dec.yaml"
t_contains "...with a point" "$T_ERR" "says below 12.5 points"
PTCE_LOCALEDIR=$T_TOP/build/locale LANGUAGE=fr t_run "a decimal in a grid's message, French" 1 ptce checklist check "$T_DIR/dec.yaml"
t_contains "...with a comma" "$T_ERR" "12,5 points"
# levels_en: the English labels of a scale's levels, for levels 'levels' names.
printf 'id: t\ntitle: T\nphase: 2\nsections:\n  - id: s\n    title: S\n    criteria:\n      - id: A\n        label: A\n        type: scale\n        max: 4\n        levels: {0: rien}\n        levels_en: {1: one}\n' >"$T_DIR/lev.yaml"
t_run "levels_en naming a level without a French label is refused" 1 ptce checklist check "$T_DIR/lev.yaml"
t_contains "...at its line, saying what to do" "$T_ERR" \
	"lev.yaml:13:21: level 1 of 'levels_en' of criterion 'A' has no label in 'levels'"
t_run "the shipped phase 2 grid gives its levels in English" 0 ptce checklist check "$T_TOP/config/checklists/phase2.yaml"
t_eq "phase2.yaml: every scale has levels_en" "$(grep -c '^ *levels_en:' "$T_TOP/config/checklists/phase2.yaml")" 7

t_done
