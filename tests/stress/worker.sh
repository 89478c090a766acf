#!/bin/sh
# worker.sh - one stress process: N operations on the shared database, each a
# ptce run that may be killed at any moment. What ptce acknowledged (exit 0)
# goes to ACK as "kind token [detail]"; an assignment also logs its attempt
# first, since a killed run may have committed without saying so.
# Usage: worker.sh P N DIR   (DIR holds the lists made by stress.sh)
p=$1 n=$2 dir=$3
ack=$dir/ack.$p
: >"$ack"
set -- $(cat "$dir/phase1")
p1="$*"
set -- $(cat "$dir/movable")
mv="$*"
nth() { # INDEX WORDS...: the word at INDEX modulo the count
	i=$1; shift; i=$((i % $# + 1)); eval "echo \${$i}"
}
rnd() { od -An -N2 -tu2 /dev/urandom | tr -d ' '; }
instr="adupont cmartin nbenali"
i=0 assigned=0
apair_d=$(nth "$p" $p1) apair_r=$(nth "$p" lroux pmoreau sgarcia)
while [ "$i" -lt "$n" ]; do
	i=$((i + 1)); tok="s$p-$i"; r=$(rnd)
	who=$(nth "$r" $instr); d1=$(nth "$((r / 7))" $p1); dm=$(nth "$((r / 5))" $mv)
	case $((r % 8)) in
	0) "$PTCE" --as "$who" comment add "$d1" "$tok" >/dev/null 2>&1 && echo "comment $tok" >>"$ack" ;;
	1) "$PTCE" --as "$who" score "$d1" --grid phase1 "observations=$tok" >/dev/null 2>&1 && echo "score $tok" >>"$ack" ;;
	2) if "$PTCE" --as jlefebvre move "$dm" phase2 --reason "$tok" --override >/dev/null 2>&1 ||
	      "$PTCE" --as jlefebvre move "$dm" bouquet --reason "$tok" --override >/dev/null 2>&1; then
		echo "move $tok" >>"$ack"; fi ;;
	3) if "$PTCE" --as "$who" conflict "$d1" --reason "$tok" >/dev/null 2>&1 ||
	      "$PTCE" --as "$who" conflict withdraw "$d1" --reason "$tok" >/dev/null 2>&1; then
		echo "conflict $tok" >>"$ack"; fi ;;
	4) "$PTCE" --as jlefebvre opinion ask "$d1" --expert lroux --question "$tok" >/dev/null 2>&1 && echo "opinion $tok" >>"$ack" ;;
	5) if [ "$assigned" = 1 ]; then want=0; set -- --remove; else want=1; set --; fi
	   echo "try-assign $tok $want" >>"$ack"
	   "$PTCE" --as jlefebvre assign "$apair_d" "$apair_r" "$@" >/dev/null 2>&1 && { assigned=$want; echo "assign $tok $want $apair_d $apair_r" >>"$ack"; } ;;
	*) sed "s/@TOKEN@/$tok/g" "$dir/base.csv" >"$dir/imp.$p.csv"
	   "$PTCE" import "$dir/imp.$p.csv" >/dev/null 2>&1 && echo "import $tok" >>"$ack"
	   echo "$tok" >>"$dir/imports.$p" ;;
	esac
done
