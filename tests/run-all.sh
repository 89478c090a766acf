#!/bin/sh
# run-all.sh - run test suites and print one closing line
# "N passed, N failed, N skipped". Every test program prints TAP ("ok N - ...",
# "not ok N - ...", "ok N # SKIP reason"); a skip is never counted as a pass.
# A program that exits non-zero without a "not ok" line counts as one failure,
# and so does one that ran nothing at all. Under CI=true a skip is a failure:
# .ci/run installs every tool, so a missing one must not look green.
# Usage: tests/run-all.sh [unit|cli|ui|tmux|install ...]  (default: all)
# Runs the normal build (./ptce) and, when present, the sanitized one
# (build/asan/ptce) for the unit, cli and ui suites.
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
suites=${*:-unit cli ui tmux install}
export LANG=C.UTF-8 LC_ALL= LANGUAGE= TZ=Europe/Paris TERM=xterm-256color NO_COLOR=
unset PTCE_DB XDG_CONFIG_HOME XDG_DATA_HOME LC_MESSAGES
pass=0 fail=0 skip=0
logdir=$top/build/test-logs
mkdir -p "$logdir"

run_one() { # label command...
	label=$1; shift
	log=$logdir/$(echo "$label" | tr '/ ' '__').log
	"$@" >"$log" 2>&1
	rc=$?
	sk=$(grep -ciE '^ok [^#]*# *skip' "$log")
	p=$(( $(grep -c '^ok ' "$log") - sk ))
	f=$(grep -c '^not ok ' "$log")
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
		echo "not ok - $label exited with status $rc" >>"$log"
	fi
	if [ "$p" -eq 0 ] && [ "$f" -eq 0 ] && [ "$sk" -eq 0 ]; then
		f=1
		echo "not ok - $label ran no test" >>"$log"
	fi
	if [ "$sk" -gt 0 ] && [ "${CI:-}" = true ]; then
		f=$((f + sk))
		echo "not ok - $label skipped $sk test(s) in CI, where every tool must be installed" >>"$log"
		sk=0
	fi
	pass=$((pass + p)); fail=$((fail + f)); skip=$((skip + sk))
	extra=""
	[ "$sk" -gt 0 ] && extra=", $sk skipped"
	if [ "$f" -gt 0 ]; then
		printf '%-40s %4d passed, %d FAILED%s (log: %s)\n' "$label" "$p" "$f" "$extra" "${log#$top/}"
		grep -E '^not ok|^#' "$log" | head -20 | sed 's/^/    /'
	else
		printf '%-40s %4d passed%s\n' "$label" "$p" "$extra"
	fi
	[ "$sk" -gt 0 ] && grep -iE '^ok [^#]*# *skip' "$log" | sed 's/^/    /'
	return 0
}

builds="build"
[ -x build/asan/ptce ] && builds="build build/asan"
for b in $builds; do
	if [ "$b" = build ]; then bin=$top/ptce; tag=""; else bin=$top/$b/ptce; tag=" [asan]"; fi
	export PTCE_BIN="$bin" PTCE_BUILD="$top/$b" PTCE_LOCALEDIR="$top/$b/locale"
	export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 LSAN_OPTIONS=suppressions=$top/tests/lsan.supp:print_suppressions=0
	export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
	for s in $suites; do
		case "$s" in
		unit)
			for t in "$b"/tests/test_*; do
				[ -x "$t" ] || continue
				run_one "unit/${t##*/}$tag" "$t"
			done ;;
		cli|ui)
			for t in tests/$s/*.sh; do
				[ -f "$t" ] || continue
				run_one "$s/${t##*/}$tag" sh "$t"
			done ;;
		tmux|install)
			[ "$b" = build ] || continue
			for t in tests/$s/*.sh; do
				[ -f "$t" ] || continue
				run_one "$s/${t##*/}" sh "$t"
			done ;;
		esac
	done
done
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
