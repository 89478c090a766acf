#!/bin/sh
# busy.sh - a write made while another session holds the write lock (a large
# import) waits for it instead of failing after a few seconds, says so on
# stderr, and gives up after PTCE_BUSY_WAIT seconds with nothing changed.
. "$(dirname "$0")/../lib.sh"
t_setup
export PTCE_LOCALEDIR=${PTCE_LOCALEDIR:-$T_TOP/build/locale}

cat >"$T_DIR/d.csv" <<'CSV'
ID;Établissement SIRET;Entreprise raison sociale;État du dossier;Déposé le;Région;Département (Code);Nom du PTCE;Type de territoire
5001;90000014000005;Association Alpha;En construction;2025-03-01 10:00:00 +0100;Grand Est;67;PTCE Alpha;Rural
CSV
ptce init >/dev/null 2>&1
ptce import "$T_DIR/d.csv" >/dev/null 2>&1
ptce reviewer add alice --name "Alice Martin" --role instructeur >/dev/null
ptce move 5001 phase1 >/dev/null 2>&1

comments() { t_sql "select count(*) from notes"; }

# --- the default wait outlasts a 3-second write ------------------------------
t_hold_lock 3
start=$(date +%s)
t_run "a comment written during another session's write succeeds" 0 ptce --as alice comment add 5001 "Écrit pendant l'import."
took=$(( $(date +%s) - start ))
wait "$LOCK_PID"
[ "$took" -ge 2 ]; _t_report $? "  ...after waiting for the write to end (${took} s)"
t_contains "  ...and stderr said it was waiting" "$T_ERR" "waiting for another session's write to end (an import?)… (Ctrl-C to give up)"
t_eq "  ...said once" "$(grep -c 'waiting for another' "$T_DIR/err")" "1"
t_eq "  ...the comment is saved" "$(comments)" "1"

# --- a write without contention says nothing about waiting -------------------
t_run "a comment without contention" 0 ptce --as alice comment add 5001 "Sans attente."
t_not_contains "  ...does not speak of waiting" "$T_ERR" "waiting"

# --- PTCE_BUSY_WAIT=1: the wait runs out, nothing changed --------------------
before=$(comments)
t_hold_lock 3
t_run "with PTCE_BUSY_WAIT=1 the comment fails during the write" 4 env PTCE_BUSY_WAIT=1 "$PTCE" --as alice comment add 5001 "Trop tard."
wait "$LOCK_PID"
t_contains "  ...the database is busy with another session's write" "$T_ERR" "is busy with another session's write"
t_contains "  ...which did not end in time" "$T_ERR" "did not end within 1 second;"
t_contains "  ...nothing was changed" "$T_ERR" "nothing was changed"
t_eq "  ...and the database is unchanged" "$(comments)" "$before"
t_run "after the write ended the same comment is saved" 0 env PTCE_BUSY_WAIT=1 "$PTCE" --as alice comment add 5001 "Trop tard."
t_eq "  ...one more comment" "$(comments)" "$((before + 1))"

# --- a value that is not a number of seconds ---------------------------------
for bad in abc 0 -5 1.5 "" 86401; do
	t_run "PTCE_BUSY_WAIT='$bad' is refused" 2 env PTCE_BUSY_WAIT="$bad" "$PTCE" --as alice comment add 5001 "Non."
	t_contains "  ...with a clear message" "$T_ERR" "PTCE_BUSY_WAIT=$bad is not a number of seconds: give a whole number from 1 to 86400"
done
t_eq "  ...and nothing was written" "$(comments)" "$((before + 1))"

# --- an import reads and checks its whole file before it takes the lock ------
# The error is on the file's last row: had the import taken the write lock
# first, it would wait for the other session (and, past PTCE_BUSY_WAIT, fail
# as busy); it reports the row at once, having written nothing.
{
	head -1 "$T_DIR/d.csv"
	i=0
	while [ $i -lt 200 ]; do
		echo "$((6000 + i));90000014000005;Association $i;En construction;2025-03-01 10:00:00 +0100;Grand Est;67;PTCE $i;Rural"
		i=$((i + 1))
	done
	echo "6999;90000014000005;Association Z;En construction;pas une date;Grand Est;67;PTCE Z;Rural"
} >"$T_DIR/bad.csv"
dossiers=$(t_sql "select count(*) from dossiers")
t_hold_lock 3
start=$(date +%s)
t_run "an import whose last row is wrong, during another session's write, fails" 1 env PTCE_BUSY_WAIT=2 "$PTCE" import "$T_DIR/bad.csv"
took=$(( $(date +%s) - start ))
alive=0; kill -0 "$LOCK_PID" 2>/dev/null && alive=1
wait "$LOCK_PID"
t_eq "  ...while the other session still held the lock" "$alive" "1"
[ "$took" -lt 2 ]; _t_report $? "  ...without waiting for it (${took} s)"
t_contains "  ...naming the bad cell of the last row" "$T_ERR" "bad.csv:202:5:"
t_not_contains "  ...not as busy" "$T_ERR" "busy"
t_not_contains "  ...never waiting" "$T_ERR" "waiting"
t_eq "  ...and nothing was imported" "$(t_sql "select count(*) from dossiers")" "$dossiers"

# --- a file changed between its check and its saving ---------------------------
# The import checked good.csv, then waits for the lock; meanwhile the file is
# rewritten in place (as cp or a download does): the second reading must not
# save rows that were never checked.
sed '$d' "$T_DIR/bad.csv" >"$T_DIR/good.csv"
t_hold_lock 4
env PTCE_BUSY_WAIT=20 "$PTCE" import "$T_DIR/good.csv" >"$T_DIR/chg.out" 2>"$T_DIR/chg.err" &
imp=$!
_i=0
while ! grep -q "waiting" "$T_DIR/chg.err" 2>/dev/null && [ $_i -lt 200 ]; do sleep 0.05; _i=$((_i + 1)); done
t_contains "the import checked the file and waits for the lock" "$(cat "$T_DIR/chg.err")" "waiting"
head -50 "$T_DIR/bad.csv" >"$T_DIR/short.csv"
cat "$T_DIR/short.csv" >"$T_DIR/good.csv"
wait "$imp"; rc=$?
wait "$LOCK_PID"
t_eq "  ...the file rewritten meanwhile: the import fails" "$rc" 1
t_contains "  ...saying the file changed" "$(cat "$T_DIR/chg.err")" "good.csv changed while ptce was reading it"
t_eq "  ...and nothing was imported" "$(t_sql "select count(*) from dossiers")" "$dossiers"
t_run "the same file, left alone, imports" 0 ptce import "$T_DIR/good.csv"
t_eq "  ...its 49 dossiers" "$(t_sql "select count(*) from dossiers")" "$((dossiers + 49))"

# --- in French -----------------------------------------------------------------
t_hold_lock 2
t_run "the waiting line in French" 0 env LANGUAGE=fr "$PTCE" --as alice comment add 5001 "En français."
wait "$LOCK_PID"
t_contains "  ...says it waits" "$T_ERR" "attente de la fin de l’écriture d’une autre session"

t_done
