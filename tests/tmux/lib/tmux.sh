# tmux.sh - black-box helpers for tests in a real terminal: a private tmux
# server, sessions running ptce, polling capture-pane with a deadline (never
# a fixed sleep).
TM_SOCK="ptce-test-$$"
tm() { tmux -u -L "$TM_SOCK" "$@"; }

# tm_start NAME COLS ROWS [PTCE ARGS...] : ptce in a detached session; a
# shell around it writes its exit status to $T_DIR/NAME.status (tmux's own
# pane_dead_status is not always filled in). TM_ENV adds environment.
tm_start() {
	_n=$1 _c=$2 _r=$3; shift 3
	rm -f "$T_DIR/$_n.status"
	tm new-session -d -s "$_n" -x "$_c" -y "$_r" \
		"env LANG=C.UTF-8 ESCDELAY=25 TERM=screen-256color ${TM_ENV:-} $PTCE $*; echo \$? >$T_DIR/$_n.st; mv $T_DIR/$_n.st $T_DIR/$_n.status" \; \
		set-option -t "$_n" remain-on-exit on
}

# tm_screen NAME : the pane's text now.
tm_screen() { tm capture-pane -p -t "$1" 2>/dev/null; }

# tm_wait NAME TEXT [SECONDS] : poll until TEXT is on screen (default 10 s).
tm_wait() {
	_deadline=$(( $(date +%s) + ${3:-10} ))
	while :; do
		tm_screen "$1" | grep -qF -- "$2" && return 0
		[ "$(date +%s)" -ge "$_deadline" ] && return 1
		sleep 0.05
	done
}

# tm_wait_gone NAME TEXT [SECONDS] : poll until TEXT is no longer on screen.
tm_wait_gone() {
	_deadline=$(( $(date +%s) + ${3:-10} ))
	while :; do
		tm_screen "$1" | grep -qF -- "$2" || return 0
		[ "$(date +%s)" -ge "$_deadline" ] && return 1
		sleep 0.05
	done
}

# tm_check DESC NAME TEXT [SECONDS] : one TAP line for tm_wait.
tm_check() {
	if tm_wait "$2" "$3" "${4:-10}"; then
		_t_report 0 "$1"
	else
		_t_report 1 "$1" "did not see: $3
screen:
$(tm_screen "$2")"
	fi
}

# tm_keys NAME KEYS... : send keys (tmux names: Enter, Escape, Down...).
tm_keys() { _n=$1; shift; tm send-keys -t "$_n" "$@"; }

# tm_text NAME TEXT : type literal text.
tm_text() { tm send-keys -t "$1" -l -- "$2"; }

# tm_exit_status NAME [SECONDS] : wait for the program to end; print its
# exit status ("timeout" when it does not end).
tm_exit_status() {
	_deadline=$(( $(date +%s) + ${2:-10} ))
	while :; do
		[ -f "$T_DIR/$1.status" ] && { cat "$T_DIR/$1.status"; return 0; }
		[ "$(date +%s)" -ge "$_deadline" ] && { echo timeout; return 1; }
		sleep 0.05
	done
}

# tm_pid NAME : the pid of ptce, the child of the pane's shell.
tm_pid() { ps -o pid= --ppid "$(tm display -p -t "$1" '#{pane_pid}')" | tr -d ' '; }

tm_cleanup() { tm kill-server 2>/dev/null; t_cleanup; }

# tm_setup : t_setup, a database, and the server killed at the end.
tm_setup() {
	t_setup
	command -v tmux >/dev/null || { t_skip "tmux is not installed (apt-get install tmux)"; t_done; }
	trap 'tm_cleanup' EXIT
	ptce init >/dev/null 2>&1
	_me=$(ptce whoami 2>/dev/null | sed -n '1s/^[^(]*(\([^)]*\)).*/\1/p')
	ptce reviewer set-role "$_me" admin,coordinateur,instructeur >/dev/null 2>&1
	TM_ME=$_me
}

# tm_add NUMBER NAME REGION DEPT DAYS : a dossier in state submitted.
tm_add() {
	sqlite3 -batch "$PTCE_DB" "INSERT INTO dossiers(ds_number, state_since, lead_name,
	  ptce_name, region_code, departement_code, description, created_at, updated_at)
	  VALUES ('$1', strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-$5 days'), 'Association',
	  '$2', '$3', '$4', 'Projet coopératif.', '2025-03-01T09:00:00Z', '2025-03-01T09:00:00Z');"
}
