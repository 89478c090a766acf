#!/bin/sh
# input.sh - hostile input: a NUL byte in a CSV cell is refused with
# file:line:column; a YAML file of 200 000 keys loads in linear time; an
# escape sequence given as an argument never reaches the terminal.
. "$(dirname "$0")/../lib.sh"
t_setup
ptce init >/dev/null || echo "not ok - init"

# --- NUL in a cell ---
printf 'Nº dossier,Nom du projet\n123,ab\000cd\n' >"$T_DIR/nul.csv"
t_run "a NUL byte in a CSV cell is refused" 1 ptce import "$T_DIR/nul.csv"
t_contains "  ...with file:line:column" "$T_ERR" "$T_DIR/nul.csv:2:2: this cell holds a NUL byte"
printf 'Nº dossier,Nom du projet\n123,"ab\nx\000cd"\n' >"$T_DIR/nul2.csv"
t_run "a NUL byte on the second line of a quoted cell" 1 ptce import "$T_DIR/nul2.csv"
t_contains "  ...names that line" "$T_ERR" "$T_DIR/nul2.csv:3:2:"
t_eq "  ...and nothing was imported" "$(t_sql 'SELECT count(*) FROM dossiers')" "0"

# --- YAML: linear in the number of keys (it was 20 s for 100 000, over 2 min for 200 000) ---
/usr/bin/python3 -c "
import sys
with open(sys.argv[1], 'w') as f:
    f.write('checklists: /nonexistent\n')
    for i in range(200000): f.write('k%d: %d\n' % (i, i))" "$T_DIR/big.yaml"
start=$(date +%s)
t_run "a configuration of 200 000 keys is read (and its unknown keys refused)" 1 ptce --config "$T_DIR/big.yaml" whoami
secs=$(( $(date +%s) - start ))
t_contains "  ...naming the first unknown key" "$T_ERR" "$T_DIR/big.yaml:2:1: unknown key 'k0'"
[ "$secs" -le 20 ]; _t_report $? "  ...in $secs s (at most 20 s, even under ASan on a loaded machine)"
/usr/bin/python3 -c "
import sys
with open(sys.argv[1], 'w') as f:
    for i in range(100000): f.write('k%d: %d\n' % (i, i))
    f.write('k77777: again\n')" "$T_DIR/dup.yaml"
t_run "a duplicate key among 100 000 is found" 1 ptce --config "$T_DIR/dup.yaml" whoami
t_contains "  ...with both lines" "$T_ERR" "$T_DIR/dup.yaml:100001:1: duplicate key 'k77777' (first at line 77778)"

# --- escape sequences in arguments ---
sqlite3 -batch "$PTCE_DB" "INSERT INTO dossiers(ds_number, state_since, lead_name, ptce_name, created_at, updated_at)
  VALUES ('123', '2026-01-01T00:00:00Z', 'Asso', 'Pôle', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')"
esc=$(printf 'X\033]0;PWNED\007')
t_run "a state argument with an OSC sequence" 1 ptce move 123 "$esc"
t_contains "  ...named, cleaned" "$T_ERR" "'X' is not a state"
printf '%s' "$T_ERR" | grep -q "$(printf '\033')"; [ $? -ne 0 ]; _t_report $? "  ...no ESC reaches the terminal"
t_not_contains "  ...nor the sequence's text" "$T_ERR" "PWNED"
t_run "a dossier argument with a CSI sequence" 3 ptce show "$(printf '1\033[2J')"
printf '%s' "$T_ERR" | grep -q "$(printf '\033')"; [ $? -ne 0 ]; _t_report $? "  ...no ESC in the message"
t_run "an unknown command with a bell and a backspace" 2 ptce "$(printf 'a\007\010b')"
printf '%s' "$T_ERR" | grep -q "$(printf '[\007\010]')"; [ $? -ne 0 ]; _t_report $? "  ...no control character in the message"
t_run "an unknown option with an escape" 2 ptce list "$(printf -- '--x\033[31m')"
printf '%s' "$T_ERR" | grep -q "$(printf '\033')"; [ $? -ne 0 ]; _t_report $? "  ...no ESC in the usage error"
t_run "a --db path with an escape" 4 ptce --db "$T_DIR/$(printf 'a\033]2;T\007').db" list
printf '%s' "$T_ERR" | grep -q "$(printf '\033')"; [ $? -ne 0 ]; _t_report $? "  ...no ESC in the error"
t_done
