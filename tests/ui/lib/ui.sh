# ui.sh - helpers for the interface's script-mode tests (sourced after
# tests/lib.sh): a database with known dossiers, a run of ptce with a key
# script, and exact comparison of saved screens.

# ui_init_db: a fresh database; the account running the tests is admin and
# coordinateur. Two more reviewers: alice (instructeur), bob (instructeur).
ui_init_db() {
	ptce init >/dev/null 2>&1 || { echo "not ok - ptce init failed"; exit 1; }
	ptce reviewer add alice --name "Alice Lefèvre" --role instructeur >/dev/null 2>&1
	ptce reviewer add bob --name "Bob Müller" --role instructeur >/dev/null 2>&1
	ptce reviewer set-role "$(ptce whoami 2>/dev/null | sed -n '1s/^[^(]*(\([^)]*\)).*/\1/p')" \
		admin,coordinateur,instructeur >/dev/null 2>&1
	UI_ME=$(ptce whoami 2>/dev/null | sed -n '1s/^[^(]*(\([^)]*\)).*/\1/p')
}

# ui_add NUMBER NAME REGION DEPT DAYS [DESCRIPTION] : a dossier in state
# submitted since DAYS days (relative to now, so "Days" is stable).
ui_q() { printf '%s' "$1" | sed "s/'/''/g"; }
ui_add() {
	_n=$(ui_q "$2") _d=$(ui_q "${6:-}")
	sqlite3 -batch "$PTCE_DB" "INSERT INTO dossiers(ds_number, state_since, deposited_at,
	  lead_name, ptce_name, region_code, departement_code, description, territory_type,
	  created_at, updated_at)
	  VALUES ('$1', strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-$5 days', '-1 hour'),
	  '2025-03-01', 'Association $_n', '$_n', '$3', '$4', '$_d', 'rural',
	  '2025-03-01T09:00:00Z', '2025-03-01T09:00:00Z');" || echo "not ok - ui_add $1"
}

# ui_run NAME COLS ROWS < keys : run the interface with this key script.
# Screens saved with :save-screen S go to $T_DIR/S.
ui_run() {
	cat >"$T_DIR/$1.keys"
	(cd "$T_DIR" && LINES=$3 COLUMNS=$2 PTCE_SCRIPT="$T_DIR/$1.keys" "$PTCE" \
		>"$T_DIR/$1.out" 2>"$T_DIR/$1.err")
	UI_RC=$?
	t_eq "$1: exits 0 at the end of the script" "$UI_RC" 0
}

# ui_mask FILE : the screen with what differs between machines replaced:
# the status line (user, database path) becomes <status>, dates and times
# (they follow the clock) become YYYY-MM-DD and hh:mm (local "YYYY-MM-DD
# hh:mm" too); a grid version (16 hex digits, a hash of the grid file's
# bytes: it moves with every edit of a shipped grid) becomes as many h.
ui_mask() {
	sed -e 's/^ .* · .*? help  Q quit$/<status>/' \
	    -e 's/[0-9a-f]\{16\}/hhhhhhhhhhhhhhhh/g' \
	    -e 's/20[0-9][0-9]-[01][0-9]-[0-3][0-9]/YYYY-MM-DD/g' \
	    -e 's/YYYY-MM-DD [0-2][0-9]:[0-5][0-9]/YYYY-MM-DD hh:mm/g' \
	    -e 's/T[0-2][0-9]:[0-5][0-9]\(:[0-5][0-9]Z\)\{0,1\}/Thh:mm/g' "$1"
}

# ui_expect DESC FILE < expected : exact comparison of a masked screen.
ui_expect() {
	_exp=$(cat)
	if [ ! -f "$T_DIR/$2" ]; then
		_t_report 1 "$1" "no screen saved in $2; stderr: $(cat "$T_DIR"/*.err 2>/dev/null)"
		return
	fi
	_act=$(ui_mask "$T_DIR/$2")
	# UI_KEEP=DIR keeps the screens, to write the expected ones of a new test.
	[ -n "${UI_KEEP:-}" ] && printf '%s\n' "$_act" >"$UI_KEEP/$2"
	if [ "$_act" = "$_exp" ]; then
		_t_report 0 "$1"
	else
		printf '%s\n' "$_exp" >"$T_DIR/expected"
		printf '%s\n' "$_act" >"$T_DIR/actual"
		_t_report 1 "$1" "$(diff -u "$T_DIR/expected" "$T_DIR/actual")"
	fi
}

# ui_screen FILE : the masked screen, for t_contains.
ui_screen() { ui_mask "$T_DIR/$1"; }
