#!/bin/sh
# fuzz.sh - every fuzzing harness replays its seed corpus and the crashes
# kept (tests/fuzz/corpus/<target>, tests/fuzz/regress/<target>) without
# libFuzzer: built by make check with the plain compiler (and with ASan in
# the sanitized build). `make fuzz` is the long version.
. "$(dirname "$0")/../lib.sh"
t_setup
B=${PTCE_BUILD:-$T_TOP/build}
export FUZZ_GRIDS=$T_TOP/config/checklists TMPDIR=$T_DIR
for t in csv grid config keys mapping search form; do
	n=$(ls "$T_TOP/tests/fuzz/corpus/$t" 2>/dev/null | wc -l)
	[ "$n" -ge 3 ]; _t_report $? "$t: a seed corpus of $n inputs"
	set -- "$T_TOP/tests/fuzz/corpus/$t"
	[ -d "$T_TOP/tests/fuzz/regress/$t" ] && set -- "$@" "$T_TOP/tests/fuzz/regress/$t"
	t_run "$t: the harness replays it without a crash or a leak" 0 "$B/fuzz/replay-$t" "$@"
	t_contains "  ...every input" "$T_OUT" "replayed"
done
t_done
