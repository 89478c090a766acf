#!/bin/sh
# safety.sh - what must never reach the terminal or break the interface:
# escape sequences, bidi overrides and invalid UTF-8 in dossier data; a
# terminal below 80x24; a key-bindings file, good and bad.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/ui.sh"
t_setup
ui_init_db
# A name with an OSC title sequence, a CSI colour, a bidi override and an
# invalid byte; a description with the same.
sqlite3 -batch "$PTCE_DB" "INSERT INTO dossiers(ds_number, state_since, lead_name, ptce_name,
  region_code, departement_code, description, created_at, updated_at)
  VALUES ('6666', strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-2 days', '-1 hour'), 'Asso',
  'Pôle ' || char(27) || ']0;pwned' || char(7) || 'Sud' || char(27) || '[31m rouge' || char(8238) || 'evil',
  '76', '31', 'Texte ' || char(27) || '[2J effacé ' || CAST(X'FF' AS TEXT) || ' fin',
  '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z');"
ui_add 1001 "Coopérative Énergie Sud" 76 31 3 "Rénovation."

ui_run clean 80 24 <<'KEYS'
:save-screen e1
j<Enter>
:save-screen e2
KEYS
ui_expect "queue: control sequences removed from the name" e1 <<'SCREEN'
 ptce · tous, by Number ↑ · 2 dossiers
   Number↑   PTCE               Region State        Days  My review Total  Flags
>  1001      Coopérative Énerg… 76/31  submitted       3  —
   6666      Pôle Sud rougeevil 76/31  submitted       2  —


















<status>
<Enter> open · s score · m move · / search · 1-6 views · t tag · : command
SCREEN
ui_expect "dossier: control sequences removed from the texts" e2 <<'SCREEN'
 ptce · tous, by Number ↑ · 2 dossiers
  6666 · Pôle Sud rougeevil
 State: submitted (since YYYY-MM-DD)
 Assigned to: nobody

 Dossier
 Dossier number              6666

 Structure porteuse
 Lead structure              Asso
 Région                      Occitanie (76)
 Département                 Haute-Garonne (31)

 PTCE and territoire
 PTCE name                   Pôle Sud rougeevil

 Projet
 Description
   Texte  effacé � fin

 Finances
 ──────────────────────────────────────────────────────── 62% · ] next section
<status>
j scroll · s score · m move · H history · q back
SCREEN
esc=$(printf '\033')
bell=$(printf '\007')
rlo=$(printf '\342\200\256')
for f in e1 e2; do
	t_not_contains "$f: no ESC" "$(cat "$T_DIR/$f")" "$esc"
	t_not_contains "$f: no BEL" "$(cat "$T_DIR/$f")" "$bell"
	t_not_contains "$f: no bidi override" "$(cat "$T_DIR/$f")" "$rlo"
done

ui_run small 60 20 <<'KEYS'
:save-screen z1
KEYS
ui_expect "below 80x24: a clear message instead of a broken screen" z1 <<'SCREEN'









        terminal too small (need 80×24, have 60×20)
           enlarge the window, or press Q to quit
SCREEN

# Key bindings: move rebound to M, down also on J; m now does nothing.
mkdir -p "$HOME/.config/ptce"
cat >"$T_DIR/keys.yaml" <<'YAML'
move: M
down: [j, <Down>, J]
YAML
cat >"$T_DIR/ptce.yaml" <<YAML
keys: $T_DIR/keys.yaml
YAML
cat >"$T_DIR/k.keys" <<'KEYS'
J
M
:save-screen k1
<Esc>
m
:save-screen k2
KEYS
(cd "$T_DIR" && LINES=24 COLUMNS=80 PTCE_SCRIPT="$T_DIR/k.keys" "$PTCE" --config "$T_DIR/ptce.yaml" >/dev/null 2>"$T_DIR/k.err")
t_eq "keys file: exits 0" "$?" 0
ui_expect "keys file: J moves down, M opens the move menu" k1 <<'SCREEN'
 ptce · tous, by Number ↑ · 2 dossiers
   Number↑   PTCE               Region State        Days  My review Total  Flags
   1001      Coopérative Énerg… 76/31  submitted       3  —
>  6666      Pôle Sud rougeevil 76/31  submitted       2  —





            ┌─ Move 6666 to ──────────────────────────────────────┐
            │ 1  → phase 1 instruction: open phase 1 instruction  │
            │ 2  → withdrawn: withdrawn by the applicant          │
            │                                                     │
            │ Enter choose · Esc cancel                           │
            └─────────────────────────────────────────────────────┘







<status>
<Enter> open · s score · M move · / search · 1-6 views · t tag · : command
SCREEN
ui_expect "keys file: m is no longer bound" k2 <<'SCREEN'
 ptce · tous, by Number ↑ · 2 dossiers
   Number↑   PTCE               Region State        Days  My review Total  Flags
   1001      Coopérative Énerg… 76/31  submitted       3  —
>  6666      Pôle Sud rougeevil 76/31  submitted       2  —


















<status>
m does nothing here; press ? for the keys
SCREEN

cat >"$T_DIR/keys.yaml" <<'YAML'
move: M
dwon: j
YAML
t_run "a bad key-bindings file is refused before the screen starts" 1 \
	env PTCE_SCRIPT="$T_DIR/k.keys" "$PTCE" --config "$T_DIR/ptce.yaml"
t_contains "the error names file:line:col" "$T_ERR" "keys.yaml:2:1"
t_contains "the error suggests the nearest action" "$T_ERR" "did you mean 'down'"
cat >"$T_DIR/keys.yaml" <<'YAML'
move: <Dwn>
YAML
t_run "an unknown key name is refused" 1 env PTCE_SCRIPT="$T_DIR/k.keys" "$PTCE" --config "$T_DIR/ptce.yaml"
t_contains "unknown key: position and the key" "$T_ERR" "keys.yaml:1:7: unknown key \"<Dwn>\""
# Without 'keys' in the configuration, ~/.config/ptce/keys.yaml is read.
printf 'move: M\n' >"$XDG_CONFIG_HOME/ptce/keys.yaml"
cat >"$T_DIR/d.keys" <<'KEYS'
M
:save-screen k3
KEYS
(cd "$T_DIR" && LINES=24 COLUMNS=80 PTCE_SCRIPT="$T_DIR/d.keys" "$PTCE" >/dev/null 2>&1)
t_contains "the user's keys.yaml is read by default" "$(ui_screen k3)" "Move 1001 to"
t_done
