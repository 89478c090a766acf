#!/bin/sh
# stress.sh - PROCS processes x OPS operations on one demo database while
# ptce runs are SIGKILLed at random; then: no acknowledged write lost,
# imports all-or-nothing, integrity_check ok, audit verify and check pass.
# Usage: stress.sh PROCS OPS KILLS   (prints TAP and the figures)
. "$(dirname "$0")/../lib.sh"
procs=${1:-16} ops=${2:-500} kills_min=${3:-100}
t_setup
export PTCE
S=$T_TOP/tests/stress
w=$T_DIR/w; mkdir -p "$w"
t_run "demo database" 0 ptce init --demo
/usr/bin/python3 "$T_TOP/tests/data/ds/make-export.py" "$T_DIR/ex" --n 3 --formats csv >/dev/null
/usr/bin/python3 - "$T_DIR/ex/dossiers.csv" "$w/base.csv" <<'PY'
import csv, sys
r = list(csv.reader(open(sys.argv[1], encoding='utf-8')))
i = r[0].index('Nom du PTCE')
for n, row in enumerate(r[1:]): row[i] = 'PTCE @TOKEN@ %d' % n
csv.writer(open(sys.argv[2], 'w', encoding='utf-8', newline='')).writerows(r)
PY
sed 's/@TOKEN@/first/' "$w/base.csv" >"$w/first.csv"
t_run "first import of the small export" 0 ptce import "$w/first.csv"
t_sql "SELECT ds_number FROM dossiers WHERE state = 'phase1'" >"$w/phase1"
t_sql "SELECT ds_number FROM dossiers WHERE state IN ('bouquet', 'phase2')" >"$w/movable"

pids=""
p=0
while [ "$p" -lt "$procs" ]; do
	sh "$S/worker.sh" "$p" "$ops" "$w" &
	pids="$pids $!"; p=$((p + 1))
done
kills=0
alive() { for q in $pids; do kill -0 "$q" 2>/dev/null && return 0; done; return 1; }
while alive; do
	set -- $pids
	r=$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')
	eval "wp=\${$((r % $# + 1))}"
	victim=$(pgrep -P "$wp" -x ptce | head -1)
	if [ -n "$victim" ] && kill -KILL "$victim" 2>/dev/null; then
		kills=$((kills + 1))
	fi
	sleep "0.0$((r % 4 + 1))"
done
wait
# STRESS_SELFTEST=1 claims a write that never happened: the check must fail.
[ -n "${STRESS_SELFTEST:-}" ] && echo "comment never-written" >>"$w/ack.0"

# Every acknowledged write is in the database.
total=0 lost=0 acked=0
check() { # kind token
	case $1 in
	comment) q="SELECT count(*) FROM notes WHERE body = '$2'" ;;
	score) q="SELECT count(*) FROM review_changes WHERE new_value = '$2'" ;;
	move|conflict|opinion) q="SELECT count(*) FROM history WHERE motivation = '$2' OR detail LIKE '%$2%'" ;;
	import) q="SELECT count(*) = 3 FROM history WHERE detail LIKE '%new=PTCE $2 %'" ;;
	esac
	[ "$(t_sql "$q")" -ge 1 ] || { lost=$((lost + 1)); echo "# lost: $1 $2"; }
}
for f in "$w"/ack.*; do
	while read -r kind tok rest; do
		case $kind in try-assign) continue ;; assign) acked=$((acked + 1)); continue ;; esac
		acked=$((acked + 1)); check "$kind" "$tok"
	done <"$f"
	# The pair's last acknowledged assignment holds, or a later attempt won.
	last=$(grep '^assign ' "$f" | tail -1)
	if [ -n "$last" ]; then
		set -- $last
		now=$(t_sql "SELECT count(*) FROM assignments a JOIN dossiers d ON d.id = a.dossier_id WHERE d.ds_number = '$4' AND a.login = '$5'")
		later=$(sed -n "/^assign $2 /,\$p" "$f" | grep -c '^try-assign')
		[ "$now" = "$3" ] || [ "$later" -gt 0 ] || { lost=$((lost + 1)); echo "# lost: assignment $last"; }
	fi
done
total=$(cat "$w"/ack.* | grep -vc '^try-assign')
# Imports: every token is in all three dossiers or in none.
partial=0
for tok in $(cat "$w"/imports.* 2>/dev/null); do
	c=$(t_sql "SELECT count(*) FROM history WHERE detail LIKE '%new=PTCE $tok %'")
	[ "$c" = 0 ] || [ "$c" = 3 ] || { partial=$((partial + 1)); echo "# partial import $tok: $c of 3"; }
done
t_eq "no acknowledged write lost" "$lost" 0
t_eq "no import half done" "$partial" 0
t_eq "integrity_check" "$(t_sql 'PRAGMA integrity_check')" ok
t_run "ptce audit verify" 0 ptce audit verify
t_run "ptce check" 0 ptce check
[ "$kills" -ge "$kills_min" ]; _t_report $? "at least $kills_min ptce runs killed ($kills)"
echo "# stress: $procs processes x $ops operations, $total acknowledged writes, $kills SIGKILLs, lost writes = $lost, half-done imports = $partial"
t_done
