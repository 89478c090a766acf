#!/bin/sh
# faults.sh - backups, restores and checks, and the faults of the file:
# a killed init leaves nothing or a whole database, a file that is not a
# ptce database is refused and left as it was, a damaged one refuses writes
# and names 'ptce check' and 'ptce restore', a full disk and a stale
# read-only -shm are said with their fix.
. "$(dirname "$0")/../lib.sh"
t_setup
MNT=""
cleanup_all() { [ -n "$MNT" ] && umount "$MNT" 2>/dev/null; t_cleanup; }
trap cleanup_all EXIT

sum() { sha256sum "$1" | cut -c1-64; }
t_run "init --demo" 0 ptce init --demo
full=$(t_sql "SELECT count(*) FROM dossiers")
sub=$(t_sql "SELECT ds_number FROM dossiers WHERE state = 'submitted' ORDER BY id LIMIT 1")

# --- check ---
t_run "check on a good database" 0 ptce check
t_contains "  ...integrity ok" "$T_OUT" "Integrity:      ok"
t_contains "  ...audit intact" "$T_OUT" "Audit record:   intact"

# --- backup ---
t_run "backup" 0 sh -c "umask 000; '$PTCE' backup '$T_DIR/b1.db'"
t_eq "  ...the file is 0600 whatever the umask" "$(stat -c %a "$T_DIR/b1.db")" "600"
t_eq "  ...one file, no -wal beside it" "$(ls "$T_DIR" | grep -c '^b1.db-')" "0"
t_run "  ...and it checks" 0 ptce check "$T_DIR/b1.db"
s1=$(sum "$T_DIR/b1.db")
t_run "backup never overwrites a file" 1 ptce backup "$T_DIR/b1.db"
t_contains "  ...and says so" "$T_ERR" "never overwrites"
t_eq "  ...the file is as it was" "$(sum "$T_DIR/b1.db")" "$s1"
t_run "backup into a folder that does not exist" 6 ptce backup "$T_DIR/nope/b.db"
lect=$(t_sql "SELECT login FROM reviewer_roles WHERE role = 'lecteur' LIMIT 1")
t_run "a lecteur may not back up (a copy holds every review)" 1 ptce --as "$lect" backup "$T_DIR/b-lect.db"
[ ! -e "$T_DIR/b-lect.db" ]; _t_report $? "  ...and no file was made"

# Another process writes all the time the backup runs.
/usr/bin/python3 - "$PTCE_DB" >"$T_DIR/writer.out" 2>&1 <<'PY' &
import sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
for i in range(400):
    c.execute("UPDATE dossiers SET complements_note = ? WHERE id = (SELECT min(id) FROM dossiers)", ("n%d" % i,))
print("writer done")
PY
wpid=$!
t_run "backup while another process writes" 0 ptce backup "$T_DIR/b2.db"
wait $wpid
t_contains "  ...the writer was not stopped" "$(cat "$T_DIR/writer.out")" "writer done"
t_run "  ...the copy is whole" 0 ptce check "$T_DIR/b2.db"

# --- restore refuses a bad file and leaves the database alone ---
t_run "a move after the backup" 0 ptce move "$sub" withdrawn --reason "retrait"
head1=$(ptce audit head)
hist1=$(t_sql "SELECT count(*) FROM history")
unchanged() {
	t_eq "  ...the database is untouched (head)" "$(ptce audit head)" "$head1"
	t_eq "  ...the database is untouched (history)" "$(t_sql 'SELECT count(*) FROM history')" "$hist1"
}
head -c 40000 /dev/urandom >"$T_DIR/garbage.db"
t_run "restore refuses garbage" 1 ptce restore "$T_DIR/garbage.db"
t_contains "  ...saying nothing was changed" "$T_ERR" "nothing was changed"
unchanged
sqlite3 "$T_DIR/other.db" "CREATE TABLE t(x); INSERT INTO t VALUES (1)"
t_run "restore refuses another program's SQLite file" 1 ptce restore "$T_DIR/other.db"
t_contains "  ...not a ptce database" "$T_ERR" "not a ptce database"
unchanged
cp "$T_DIR/b1.db" "$T_DIR/newer.db"; sqlite3 "$T_DIR/newer.db" "PRAGMA user_version = 99"
t_run "restore refuses a backup from a newer ptce" 1 ptce restore "$T_DIR/newer.db"
t_contains "  ...naming the versions" "$T_ERR" "newer ptce"
unchanged
cp "$T_DIR/b1.db" "$T_DIR/tampered.db"
sqlite3 "$T_DIR/tampered.db" "DROP TRIGGER history_is_append_only_u; DROP TRIGGER audit_history_u;
  UPDATE history SET motivation = 'forged' WHERE id = (SELECT min(id) FROM history)"
t_run "restore refuses a backup whose record was tampered with" 1 ptce restore "$T_DIR/tampered.db"
t_contains "  ...saying what was changed" "$T_ERR" "edited after it was recorded"
unchanged
cp "$T_DIR/b1.db" "$T_DIR/flipped.db"
/usr/bin/python3 -c "
import sys; f = open(sys.argv[1], 'r+b'); f.seek(4096 * 5 + 8); f.write(b'\xff' * 200); f.close()" "$T_DIR/flipped.db"
t_run "restore refuses a damaged backup" 1 ptce restore "$T_DIR/flipped.db"
t_contains "  ...which fails its integrity check" "$T_ERR" "integrity check"
unchanged
: >"$T_DIR/empty.db"
t_run "restore refuses an empty file" 4 ptce restore "$T_DIR/empty.db"
unchanged

# --- restore puts the backup back ---
t_run "restore a good backup" 0 ptce restore "$T_DIR/b1.db"
t_eq "  ...the move made after it is gone" "$(t_sql "SELECT state FROM dossiers WHERE ds_number = '$sub'")" "submitted"
t_run "  ...the database checks" 0 ptce check
t_run "  ...and works" 0 ptce move "$sub" withdrawn --reason "retrait"

# --- a damaged database refuses writes ---
ptce backup "$T_DIR/b3.db" >/dev/null
/usr/bin/python3 -c "
import sys; f = open(sys.argv[1], 'r+b'); f.seek(4096 * 5 + 8); f.write(b'\xff' * 200); f.close()" "$PTCE_DB"
p1=$(t_sql "SELECT ds_number FROM dossiers WHERE state = 'phase1' ORDER BY id LIMIT 1")
t_run "a byte-flipped database refuses a move" 4 ptce move "$p1" withdrawn --reason "retrait"
t_contains "  ...naming ptce check" "$T_ERR" "ptce check"
t_contains "  ...and ptce restore" "$T_ERR" "ptce restore"
t_run "ptce check says it is damaged" 4 ptce check
t_not_contains "  ...integrity not ok" "$T_OUT" "Integrity:      ok"
t_run "restore over the damaged file" 0 ptce restore "$T_DIR/b3.db"
t_run "  ...and the move goes through" 0 ptce move "$p1" withdrawn --reason "retrait"
head -c 50000 /dev/urandom >"$PTCE_DB"; rm -f "$PTCE_DB-wal" "$PTCE_DB-shm"
t_run "a database overwritten with garbage is refused" 4 ptce list
t_contains "  ...naming ptce restore" "$T_ERR" "ptce restore"
t_run "restore over garbage" 0 ptce restore "$T_DIR/b3.db"
t_run "  ...works again" 0 ptce check

# --- not a ptce database: refused, never converted ---
: >"$T_DIR/zero.db"
t_run "a 0-byte file is refused" 4 ptce --db "$T_DIR/zero.db" list
t_contains "  ...as not a ptce database" "$T_ERR" "is empty (0 bytes)"
t_eq "  ...and stays 0 bytes" "$(stat -c %s "$T_DIR/zero.db")" "0"
t_run "init refuses an existing 0-byte file" 1 ptce --db "$T_DIR/zero.db" init
t_eq "  ...and leaves it 0 bytes" "$(stat -c %s "$T_DIR/zero.db")" "0"
g=$(sum "$T_DIR/garbage.db")
t_run "a garbage file is refused" 4 ptce --db "$T_DIR/garbage.db" list
t_eq "  ...and left as it was" "$(sum "$T_DIR/garbage.db")" "$g"
o=$(sum "$T_DIR/other.db")
t_run "another program's SQLite file is refused" 4 ptce --db "$T_DIR/other.db" list
t_contains "  ...as not a ptce database" "$T_ERR" "not a ptce database"
t_eq "  ...and left as it was" "$(sum "$T_DIR/other.db")" "$o"
t_eq "  ...no ptce table added" "$(sqlite3 "$T_DIR/other.db" "SELECT count(*) FROM sqlite_master")" "1"

# --- a killed init leaves nothing or a whole database ---
start=$(date +%s%N); ptce --db "$T_DIR/timed.db" init --demo >/dev/null; end=$(date +%s%N)
ms=$(( (end - start) / 1000000 ))
absent=0 whole=0 bad=0
for i in 1 2 3 4 5 6 7 8 9 10 11 12 16; do
	d=$(( ms * i / 12 ))
	rm -f "$T_DIR/k.db"
	timeout -s KILL "$(printf '%d.%03d' $((d / 1000)) $((d % 1000)))" "$PTCE" --db "$T_DIR/k.db" init --demo >/dev/null 2>&1
	if [ ! -e "$T_DIR/k.db" ]; then
		absent=$((absent + 1))
	elif "$PTCE" --db "$T_DIR/k.db" check >/dev/null 2>&1 &&
	     [ "$(sqlite3 "$T_DIR/k.db" 'SELECT count(*) FROM dossiers')" = "$full" ]; then
		whole=$((whole + 1))
	else
		bad=$((bad + 1))
	fi
done
echo "# killed init --demo 13 times over ${ms} ms: $absent absent, $whole whole, $bad partial"
t_eq "no killed init left a partial database" "$bad" 0
rm -f "$T_DIR/k.db"
t_run "init after killed ones works" 0 ptce --db "$T_DIR/k.db" init
t_eq "  ...and cleared what they left" "$(ls -a "$T_DIR" | grep -c '^\.k\.db\.init-')" "0"

# --- disk full (a small tmpfs; root only) ---
if [ "$(id -u)" = 0 ] && mkdir -p "$T_DIR/full" && mount -t tmpfs -o size=4m tmpfs "$T_DIR/full" 2>/dev/null; then
	MNT=$T_DIR/full
	cp "$T_DIR/b3.db" "$MNT/p.db"
	dd if=/dev/zero of="$MNT/fill" bs=4k 2>/dev/null
	t_run "a write on a full disk fails" 4 ptce --db "$MNT/p.db" complements "$sub" --due 2027-01-01
	t_contains "  ...saying the disk is full" "$T_ERR" "is full"
	t_not_contains "  ...not a mere I/O error" "$T_ERR" "disk I/O error"
	rm -f "$MNT/fill"
	t_run "  ...and with room again it works" 0 ptce --db "$MNT/p.db" complements "$sub" --due 2027-01-01
	umount "$MNT"; MNT=""
else
	t_skip "disk full: needs root to mount a small tmpfs"
fi

# --- a stale read-only -shm (another account's) ---
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
	chmod 755 "$T_DIR"; mkdir "$T_DIR/shared"; chmod 777 "$T_DIR/shared"
	cp "$T_DIR/b3.db" "$T_DIR/shared/p.db"; chmod 666 "$T_DIR/shared/p.db"
	ptce --db "$T_DIR/shared/p.db" reviewer add nobody --name "No Body" --role instructeur >/dev/null
	/usr/bin/python3 -c "
import os, sqlite3, sys
c = sqlite3.connect(sys.argv[1]); c.execute('SELECT count(*) FROM dossiers').fetchall(); os._exit(0)" "$T_DIR/shared/p.db"
	chmod 644 "$T_DIR/shared/p.db-shm"
	t_run "another account's stale -shm: a write fails" 4 env HOME="$T_DIR" setpriv --reuid=65534 --regid=65534 --clear-groups \
		"$PTCE" --db "$T_DIR/shared/p.db" complements "$sub" --due 2027-01-01
	t_contains "  ...naming the -shm file" "$T_ERR" "$T_DIR/shared/p.db-shm"
	t_contains "  ...and the fix" "$T_ERR" "rm $T_DIR/shared/p.db-shm"
	rm -f "$T_DIR/shared/p.db-shm" "$T_DIR/shared/p.db-wal"
	t_run "  ...after the fix the write goes through" 0 env HOME="$T_DIR" setpriv --reuid=65534 --regid=65534 --clear-groups \
		"$PTCE" --db "$T_DIR/shared/p.db" complements "$sub" --due 2027-01-01
else
	t_skip "stale -shm: needs root and setpriv to act as another account"
fi
t_done
