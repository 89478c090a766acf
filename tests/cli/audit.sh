#!/bin/sh
# audit.sh - the tamper-evident record: every change made with the sqlite3
# shell behind ptce's back (an edited motivation or actor, a deleted row, a
# backdated move, a reordered chain, a dropped and re-created trigger, a
# chain recomputed from scratch) is caught by 'ptce audit verify' and named.
. "$(dirname "$0")/../lib.sh"
t_setup

ptce init --demo >/dev/null || echo "not ok - init --demo"
# An installed grid (migration 10 puts installations in the record).
ptce checklist install "$T_TOP/config/checklists/phase2.yaml" >/dev/null || echo "not ok - checklist install"
BASE=$T_DIR/base.db
cp "$PTCE_DB" "$BASE"

# fresh: the untouched demo database again.
fresh() { rm -f "$PTCE_DB" "$PTCE_DB-wal" "$PTCE_DB-shm"; cp "$BASE" "$PTCE_DB"; }
sq() { sqlite3 -batch "$PTCE_DB" "$1"; }
# tamper SQL TRIGGER... : what someone who can write the file does: drop the
# triggers in the way, run SQL, put the triggers back exactly as they were.
tamper() {
	_sql=$1; shift
	_saved=$T_DIR/triggers.sql _drops=""
	: >"$_saved"
	for _t in "$@"; do
		printf '%s;\n' "$(sq "SELECT sql FROM sqlite_master WHERE name = '$_t'")" >>"$_saved"
		_drops="$_drops DROP TRIGGER $_t;"
	done
	sq "$_drops $_sql" || echo "not ok - the tampering itself failed: $_sql"
	sqlite3 -batch "$PTCE_DB" <"$_saved" || echo "not ok - re-creating $*"
}
# caught DESC NEEDLE : verify fails with exit 4 and names the change.
caught() {
	t_run "$1 is caught" 4 ptce audit verify
	t_contains "  ...and named: $2" "$T_ERR" "$2"
	t_contains "  ...as the first change" "$(printf '%s\n' "$T_ERR" | sed -n 2p)" "$2"
}
CAUGHT=0
count() { [ "$T_RC" -eq 4 ] && CAUGHT=$((CAUGHT + 1)); }

t_run "a new demo database verifies" 0 ptce audit verify
t_contains "  ...intact" "$T_OUT" "Audit record intact"
t_run "audit head" 0 ptce audit head
HEAD0=$T_OUT
printf '%s\n' "$HEAD0" | grep -Eq '^[0-9]+:[0-9a-f]{64}$'; _t_report $? "  ...prints SEQ:HASH ($HEAD0)"
t_run "verify --head with the current head" 0 ptce audit verify --head "$HEAD0"
t_eq "the database says it is ptce's (application_id)" "$(sq 'PRAGMA application_id')" "1347699525"

# --- the bare shell cannot write an audited table at all ---
for w in "UPDATE opinions SET answer = 'x' WHERE id = 1" \
	 "INSERT INTO reviewer_roles(login, role) SELECT login, 'admin' FROM reviewers WHERE login NOT IN (SELECT login FROM reviewer_roles WHERE role = 'admin') LIMIT 1" \
	 "DELETE FROM assignments"; do
	sq "$w" 2>"$T_DIR/e"; rc=$?
	[ "$rc" -ne 0 ]; _t_report $? "the sqlite3 shell cannot: ${w%% SET*}"
	t_contains "  ...for want of ptce_sha256" "$(cat "$T_DIR/e")" "ptce_sha256"
done
t_run "the refused writes changed nothing" 0 ptce audit verify

# --- one change at a time, each on a fresh copy ---
hid=$(sq "SELECT min(id) FROM history WHERE motivation IS NOT NULL")
fresh; tamper "UPDATE history SET motivation = 'forged' WHERE id = $hid" history_is_append_only_u audit_history_u
caught "an edited motivation" "history row $hid: edited after it was recorded"; count
t_run "  ...and ptce check says so too" 4 ptce check

h2=$(sq "SELECT max(id) FROM history WHERE kind = 'move'")
fresh; tamper "UPDATE history SET actor = 'jlefebvre', real_actor = 'jlefebvre' WHERE id = $h2" history_is_append_only_u audit_history_u
caught "a changed actor" "history row $h2: edited after it was recorded"; count

fresh; tamper "DELETE FROM history WHERE id = $h2" history_is_append_only_d audit_history_d
caught "a deleted history row" "history row $h2: deleted after it was recorded"; count

did=$(sq "SELECT id FROM dossiers WHERE state = 'phase1' ORDER BY id LIMIT 1")
fresh
r1=$(sq "SELECT min(id) FROM history WHERE dossier_id = $did") r2=$(sq "SELECT max(id) FROM history WHERE dossier_id = $did")
tamper "INSERT INTO history(dossier_id, at, actor, real_actor, kind, from_state, to_state, motivation)
  VALUES ($did, '2025-01-02T09:00:00Z', 'jlefebvre', 'jlefebvre', 'move', 'phase1', 'rejected', 'hors cadre')" audit_history_i
new=$(sq "SELECT max(id) FROM history")
caught "a backdated move under another name" "history row $new: written outside ptce"; count

fresh; tamper "UPDATE history SET at = (SELECT at FROM history WHERE id = $r2) WHERE id = $r1;
  UPDATE history SET at = '2024-01-01T00:00:00Z' WHERE id = $r2" history_is_append_only_u audit_history_u
caught "history reordered by its dates" "history row $r1: edited"; count

fresh; tamper "UPDATE audit SET seq = -1 WHERE seq = 10; UPDATE audit SET seq = 10 WHERE seq = 11;
  UPDATE audit SET seq = 11 WHERE seq = -1" audit_is_append_only_u
caught "two chain entries swapped" "chain entry 10 was altered or reordered"; count

fresh; tamper "DELETE FROM audit WHERE seq = 20" audit_is_append_only_d
caught "a chain entry deleted" "entries 20 to 20 are missing"; count

fresh; sq "DROP TRIGGER history_is_append_only_u"
caught "a dropped append-only trigger" "trigger history_is_append_only_u: the trigger is missing"; count

fresh; sq "DROP TRIGGER audit_history_i; CREATE TRIGGER audit_history_i AFTER INSERT ON history BEGIN SELECT 1; END"
caught "an audit trigger replaced by one that records nothing" "trigger audit_history_i: the trigger was changed"; count

rv=$(sq "SELECT min(review_id) FROM review_answers a JOIN reviews r ON r.id = a.review_id WHERE r.status = 'submitted' AND a.kind = 'scale'")
fresh; tamper "UPDATE review_answers SET points = points + 5 WHERE review_id = $rv AND kind = 'scale'" audit_review_answers_u
caught "a submitted review's answer raised" "reviews row $rv: edited after it was recorded"; count

fd=$(sq "SELECT min(id) FROM funding_decisions")
fresh; tamper "UPDATE funding_decisions SET amount_per_year_eur = 99999 WHERE id = $fd" funding_decisions_append_only_u audit_funding_decisions_u
caught "a funding decision's amount" "funding_decisions row $fd: edited after it was recorded"; count

who=$(sq "SELECT login FROM reviewers WHERE login NOT IN (SELECT login FROM reviewer_roles WHERE role = 'admin') ORDER BY login LIMIT 1")
fresh; tamper "INSERT INTO reviewer_roles(login, role) VALUES ('$who', 'admin')" audit_reviewer_roles_i
caught "an admin role granted with the shell" "reviewer_roles row $who/admin: written outside ptce"; count

op=$(sq "SELECT min(id) FROM opinions WHERE verdict IS NOT NULL")
fresh; tamper "UPDATE opinions SET verdict = CASE verdict WHEN 'favourable' THEN 'defavourable' ELSE 'favourable' END WHERE id = $op" audit_opinions_u
caught "an expert's verdict turned round" "opinions row $op: edited after it was recorded"; count

asg=$(sq "SELECT dossier_id || '/' || login FROM assignments ORDER BY 1 LIMIT 1")
fresh; tamper "DELETE FROM assignments WHERE dossier_id || '/' || login = '$asg'" audit_assignments_d
caught "an assignment removed" "assignments row $asg: deleted after it was recorded"; count

# --- with ptce's own hash function: the triggers record the change, but a
# history row is never rewritten ---
REHASH=$T_DIR/rehash.py
cat >"$REHASH" <<'PY'
import hashlib, sqlite3, struct, sys
def ptce_sha256(*args):
    h = hashlib.sha256()
    for v in args:
        if v is None: h.update(b"N;")
        elif isinstance(v, int): h.update(b"I%d;" % v)
        elif isinstance(v, float): h.update(b"R%016x;" % struct.unpack("<Q", struct.pack("<d", v))[0])
        elif isinstance(v, bytes): h.update(b"B%d:" % len(v) + v + b";")
        else:
            b = v.encode("utf-8"); h.update(b"T%d:" % len(b) + b + b";")
    return h.hexdigest()
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.create_function("ptce_sha256", -1, ptce_sha256)
db.executescript(sys.argv[2])
if len(sys.argv) > 3:   # recompute the whole chain, as a careful forger would
    cols = "id, dossier_id, at, actor, real_actor, kind, from_state, to_state, motivation, override, detail"
    db.executescript("DROP TRIGGER audit_is_append_only_u")
    db.execute("DELETE FROM audit WHERE tbl = 'history' AND op <> 'insert'")
    db.execute("UPDATE audit SET digest = (SELECT ptce_sha256(%s) FROM history h WHERE CAST(h.id AS TEXT) = audit.key)"
               " WHERE tbl = 'history'" % cols)
    prev = ""
    for n, (seq, tbl, key, op, dig) in enumerate(db.execute("SELECT seq, tbl, key, op, digest FROM audit ORDER BY seq").fetchall(), 1):
        hsh = ptce_sha256(prev, n, tbl, key, op, dig)
        db.execute("UPDATE audit SET seq = ?, prev = ?, hash = ? WHERE seq = ?", (n, prev, hsh, seq))
        prev = hsh
        last = n
    db.execute("UPDATE audit_last SET seq = ?, hash = ?", (last, prev))
    db.executescript(sys.argv[3])
PY
ao_u=$(sq "SELECT sql FROM sqlite_master WHERE name = 'history_is_append_only_u'")
fresh; /usr/bin/python3 "$REHASH" "$PTCE_DB" "DROP TRIGGER history_is_append_only_u;
  UPDATE history SET motivation = 'forged' WHERE id = $hid; $ao_u;" || echo "not ok - python tampering"
caught "a history row rewritten through ptce's own triggers" "history row $hid: rewritten in an append-only table"; count

audit_u=$(sq "SELECT sql FROM sqlite_master WHERE name = 'audit_is_append_only_u'")
fresh; /usr/bin/python3 "$REHASH" "$PTCE_DB" "DROP TRIGGER history_is_append_only_u; DROP TRIGGER audit_history_u;
  UPDATE history SET motivation = 'forged' WHERE id = $hid;" "$ao_u; $(cat <<EOF
$(sqlite3 "$BASE" "SELECT sql FROM sqlite_master WHERE name = 'audit_history_u'");
$audit_u;
EOF
)" || echo "not ok - python rechain"
t_eq "  (the forged motivation is there)" "$(sq "SELECT motivation FROM history WHERE id = $hid")" "forged"
t_run "a chain recomputed from scratch passes on its own (that is what the head is for)" 0 ptce audit verify
t_run "...but not against the head taken before" 4 ptce audit verify --head "$HEAD0"
t_contains "  ...which says the record was rewritten" "$T_ERR" "the record was rewritten at or before that entry"
count
t_run "...and only the hash, without its number, too" 4 ptce audit verify --head "${HEAD0#*:}"
t_contains "  ...no entry has it" "$T_ERR" "no chain entry has the hash"
t_run "ptce check --head catches it as well" 4 ptce check --head "$HEAD0"

# --- grid installations and a grid version's origin (migration 10) ---
gi=$(sq "SELECT max(id) FROM grid_installs")
fresh; tamper "UPDATE grid_installs SET installed_by = 'jlefebvre', real_installed_by = 'jlefebvre' WHERE id = $gi" \
	grid_installs_append_only_u audit_grid_installs_u
caught "an installation put under another name" "grid_installs row $gi: edited after it was recorded"; count
fresh; tamper "DELETE FROM grid_installs WHERE id = $gi" grid_installs_append_only_d audit_grid_installs_d
caught "a deleted installation" "grid_installs row $gi: deleted after it was recorded"; count
gv=$(sq "SELECT min(id) FROM grid_versions")
fresh; tamper "UPDATE grid_versions SET origin = 'install' WHERE id = $gv" audit_grid_versions_u
caught "a grid version passed off as installed" "grid_versions row $gv: edited after it was recorded"; count
fresh; sq "DROP TRIGGER grid_installs_append_only_u"
t_run "a dropped append-only trigger on installations is caught" 4 ptce audit verify
t_contains "  ...and named" "$T_ERR" "grid_installs_append_only_u"

# --- audit_last, what the next entry follows (migration 15) ---
sub=$(sq "SELECT ds_number FROM dossiers WHERE state = 'submitted' ORDER BY id LIMIT 1")
fresh; sq "UPDATE audit_last SET seq = seq - 1"
caught "audit_last set back" "audit_last names entry"; count
t_run "  ...and the next write through ptce is refused" 1 ptce move "$sub" withdrawn --reason "retrait"
t_contains "  ...by the chain's numbers" "$T_ERR" "audit.seq"
fresh; sq "UPDATE audit_last SET hash = '$(printf '%064d' 0)'"
caught "audit_last with another hash" "audit_last holds another hash"; count
t_run "  ...and the next write through ptce" 0 ptce move "$sub" withdrawn --reason "retrait"
t_run "  ...does not follow the chain" 4 ptce audit verify
t_contains "  ...which verify names" "$T_ERR" "does not follow entry"
fresh; sq "INSERT INTO audit(tbl, key, op, prev, hash) VALUES ('history', '1', 'forge', '', '')" 2>"$T_DIR/e"
t_contains "an entry of no known kind is refused" "$(cat "$T_DIR/e")" "CHECK constraint failed"
# Each entry is appended in the trigger's own statement, without a
# temporary b-tree (SQLite makes one for an INSERT ... SELECT that reads the
# table it writes, or into a table with insert triggers): EXPLAIN of every
# trigger's statements, NEW and OLD made literals, opens none.
t_eq "audit triggers append without a temporary b-tree" "$(/usr/bin/python3 - "$PTCE_DB" <<'PY'
import re, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.create_function("ptce_sha256", -1, lambda *a: "x", deterministic=True)
bad = []
for name, sql in db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
                            " AND name LIKE 'audit%' AND sql LIKE '%INSERT INTO audit%'"):
    body = sql[sql.index(" BEGIN") + 6:sql.rindex("END")]
    for st in filter(None, (x.strip() for x in body.split(";"))):
        st = re.sub(r"\b(NEW|OLD)\.\w+", "'1'", st)
        if any(r[1] == "OpenEphemeral" for r in db.execute("EXPLAIN " + st)):
            bad.append(name)
print(" ".join(sorted(set(bad))) or "none")
PY
)" "none"
fresh; sq "DELETE FROM audit_last" 2>"$T_DIR/e"
t_contains "audit_last cannot be deleted" "$(cat "$T_DIR/e")" "audit_last is kept by the audit record"
fresh; tamper "DELETE FROM audit_last" audit_last_is_kept
caught "a deleted audit_last" "audit_last is missing"; count
t_run "  ...and no write is recorded without it" 1 ptce move "$sub" withdrawn --reason "retrait"
t_eq "  ...nor made" "$(sq "SELECT count(*) FROM history")" "$(sqlite3 -batch "$BASE" "SELECT count(*) FROM history")"

# --- ptce's own writes keep the record intact ---
fresh
mv_id=$(sq "SELECT ds_number FROM dossiers WHERE state = 'submitted' ORDER BY id LIMIT 1")
t_run "a move through ptce" 0 ptce move "$mv_id" withdrawn --reason "retrait du porteur"
t_run "  ...leaves the record intact" 0 ptce audit verify
t_run "  ...and extends the earlier head" 0 ptce audit verify --head "$HEAD0"

echo "# tamperings caught: $CAUGHT"
t_eq "every tampering was caught" "$CAUGHT" 22
t_done
