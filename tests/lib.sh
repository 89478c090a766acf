# lib.sh - helpers for shell tests: TAP output, a private HOME and database.
# Source it, call t_setup, then the t_* assertions; finish with t_done.
# PTCE_BIN names the binary under test (normal or sanitized build).
set -u
T_TOP=$(cd "$(dirname "$0")/../.." && pwd)
PTCE=${PTCE_BIN:-$T_TOP/ptce}
T_N=0
T_FAILED=0

t_setup() {
	T_DIR=$(mktemp -d "${TMPDIR:-/tmp}/ptce-test.XXXXXX")
	export HOME=$T_DIR/home XDG_CONFIG_HOME=$T_DIR/home/.config XDG_DATA_HOME=$T_DIR/home/.local/share
	mkdir -p "$HOME"
	export LANG=C.UTF-8 LC_ALL= LANGUAGE= TZ=Europe/Paris TERM=xterm-256color
	export PTCE_DB=$T_DIR/ptce.db
	unset NO_COLOR
	trap 't_cleanup' EXIT
}

t_cleanup() { [ -n "${T_DIR:-}" ] && rm -rf "$T_DIR"; }

# ptce ARGS... : run the binary under test with the test's database.
ptce() { "$PTCE" "$@"; }

_t_report() { # status description [detail]
	T_N=$((T_N + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $T_N - $2"
	else
		echo "not ok $T_N - $2"
		T_FAILED=$((T_FAILED + 1))
		[ -n "${3:-}" ] && printf '%s\n' "$3" | sed 's/^/# /' | head -40
	fi
	return 0
}

# t_run DESC EXPECTED_STATUS CMD... : run CMD, keep stdout in $T_OUT, stderr
# in $T_ERR, and check its exit status.
t_run() {
	desc=$1 want=$2; shift 2
	"$@" >"$T_DIR/out" 2>"$T_DIR/err"
	T_RC=$?
	T_OUT=$(cat "$T_DIR/out"); T_ERR=$(cat "$T_DIR/err")
	if [ "$T_RC" -eq "$want" ]; then
		_t_report 0 "$desc"
	else
		_t_report 1 "$desc" "exit status $T_RC, expected $want
stdout: $T_OUT
stderr: $T_ERR"
	fi
}

# t_contains DESC HAYSTACK NEEDLE : fixed-string match.
t_contains() {
	case "$2" in
	*"$3"*) _t_report 0 "$1" ;;
	*) _t_report 1 "$1" "expected to find: $3
in: $2" ;;
	esac
}

t_not_contains() {
	case "$2" in
	*"$3"*) _t_report 1 "$1" "did not expect: $3
in: $2" ;;
	*) _t_report 0 "$1" ;;
	esac
}

# t_eq DESC ACTUAL EXPECTED
t_eq() {
	if [ "$2" = "$3" ]; then _t_report 0 "$1"
	else _t_report 1 "$1" "expected: $3
actual:   $2"; fi
}

# t_skip REASON : a check that cannot run here because a tool is missing.
# It counts as skipped, never as passed; under CI=true (where .ci/run has
# installed every tool) it is a failure, so a missing tool never looks green.
t_skip() {
	T_N=$((T_N + 1))
	if [ "${CI:-}" = true ]; then
		echo "not ok $T_N - skipped in CI, where every tool must be installed: $1"
		T_FAILED=$((T_FAILED + 1))
	else
		echo "ok $T_N # SKIP $1"
	fi
}

# t_sql SQL : run SQL on the test database (read-only checks).
t_sql() { sqlite3 -batch -noheader "$PTCE_DB" "$1"; }

# t_hold_lock SECONDS : another process takes the database's write lock
# and keeps it for SECONDS (as a large import does; its pid in LOCK_PID);
# returns once the lock is held.
t_hold_lock() {
	rm -f "$T_DIR/held"
	/usr/bin/python3 - "$PTCE_DB" "$1" "$T_DIR/held" <<'PY' &
import sqlite3, sys, time
db, secs, flag = sys.argv[1], float(sys.argv[2]), sys.argv[3]
c = sqlite3.connect(db, isolation_level=None)
c.execute("BEGIN IMMEDIATE")
open(flag, "w").close()
time.sleep(secs)
c.execute("ROLLBACK")
PY
	LOCK_PID=$!
	_i=0
	while [ ! -e "$T_DIR/held" ] && [ $_i -lt 100 ]; do sleep 0.05; _i=$((_i + 1)); done
}

t_done() { exit "$T_FAILED"; }
