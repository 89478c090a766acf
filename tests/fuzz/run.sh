#!/bin/sh
# run.sh - `make fuzz`: run each libFuzzer harness for a bounded time on a
# working copy of its seed corpus; a crashing input is kept in
# tests/fuzz/regress/<target>/ (replayed by make check from then on).
# Usage: tests/fuzz/run.sh BUILD SECONDS TARGET...
build=$1 secs=$2; shift 2
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
status=0
for t in "$@"; do
	work=$build/fuzz/corpus-$t
	mkdir -p "$work" "tests/fuzz/regress/$t"
	log=$build/fuzz/$t.log
	FUZZ_GRIDS=$top/config/checklists "$build/fuzz/fuzz-$t" -max_total_time="$secs" -print_final_stats=1 \
		-artifact_prefix="tests/fuzz/regress/$t/" -rss_limit_mb=2048 -timeout=10 \
		"$work" "tests/fuzz/corpus/$t" >"$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	if [ "$rc" -eq 0 ]; then
		printf '%-8s %10s executions in %s s: no crash\n' "$t" "${execs:-?}" "$secs"
	else
		printf '%-8s %10s executions: CRASH (exit %d), input kept in tests/fuzz/regress/%s/ (log: %s)\n' \
			"$t" "${execs:-?}" "$rc" "$t" "$log"
		status=1
	fi
done
exit $status
