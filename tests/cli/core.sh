#!/bin/sh
# core.sh - the core subcommands end to end: init, list, show, history, move,
# assign, complements, reviewer, whoami, and their bad inputs.
. "$(dirname "$0")/../lib.sh"
t_setup

# --- before any database ---
t_run "list without a database fails with exit 4" 4 ptce list
t_contains "  ...and says how to create one" "$T_ERR" "ptce init"
t_run "init in a folder that does not exist fails" 6 ptce --db "$T_DIR/nope/x.db" init
t_contains "  ...naming the folder and the fix" "$T_ERR" "mkdir -p $T_DIR/nope"
t_run "--version" 0 ptce --version
t_contains "  ...prints the version" "$T_OUT" "ptce "
t_run "unknown command is a usage error" 2 ptce frobnicate
t_contains "  ...pointing to --help" "$T_ERR" "ptce --help"
t_run "unknown global option is a usage error" 2 ptce --frob
for c in init import list show history move assign complements score scores conflict opinion ranking checklist campaign export reviewer whoami; do
	t_run "$c --help works without a database" 0 ptce "$c" --help
	t_contains "  ...$c --help shows a usage line" "$T_OUT" "Usage: ptce [GLOBAL OPTIONS] $c"
done

# --- init --demo ---
t_run "init --demo" 0 ptce init --demo
t_contains "  ...says who is admin" "$T_OUT" "admin and coordinateur"
t_run "init twice refuses to overwrite" 1 ptce init
t_contains "  ...and says so" "$T_ERR" "never overwrites"
t_eq "integrity_check is ok" "$(t_sql 'PRAGMA integrity_check')" "ok"
t_eq "schema is versioned" "$(t_sql 'PRAGMA user_version')" "15"
t_eq "WAL journal" "$(t_sql 'PRAGMA journal_mode')" "wal"
t_run "list" 0 ptce list
n=$(t_sql "select count(*) from dossiers")
[ "$n" -ge 24 ]; _t_report $? "demo has at least 24 dossiers ($n)"
t_contains "  ...list counts them" "$T_OUT" "$n dossiers"
t_eq "all seven states are present" "$(t_sql 'select count(distinct state) from dossiers')" "7"
t_eq "state equals the last history entry, for every dossier" "$(t_sql "select count(*) from dossiers d where d.state is not (select to_state from history h where h.dossier_id = d.id and to_state is not null order by id desc limit 1)")" "0"
t_run "list --state phase2 --format tsv" 0 ptce list --state phase2 --format tsv
t_not_contains "  ...only phase2 rows" "$(printf '%s\n' "$T_OUT" | tail -n +2 | cut -f5 | sort -u)" "phase1"
t_eq "  ...as many rows as the database has" "$(printf '%s\n' "$T_OUT" | tail -n +2 | wc -l | tr -d ' ')" "$(t_sql "select count(*) from dossiers where state='phase2'")"
t_run "list --format json is valid JSON" 0 sh -c "'$PTCE' list --format json | /usr/bin/python3 -m json.tool >/dev/null"
t_run "list --format csv parses" 0 sh -c "'$PTCE' list --format csv | /usr/bin/python3 -c 'import csv,sys; r=list(csv.reader(sys.stdin)); assert r[0][0]==\"number\" and len(r)>24, r[:2]'"
t_run "list --state bogus is a usage error" 2 ptce list --state bogus
t_run "list --region 99 is a usage error" 2 ptce list --region 99
t_run "list --format xml is a usage error" 2 ptce list --format xml

sub=$(t_sql "select ds_number from dossiers where state='submitted' order by id limit 1")
p1=$(t_sql "select ds_number from dossiers where state='phase1' order by id limit 1")

# --- show / history ---
t_run "show a dossier" 0 ptce show "$sub"
t_contains "  ...with the lead structure section" "$T_OUT" "== Structure porteuse =="
t_contains "  ...and its members" "$T_OUT" "members --"
t_run "show an unknown dossier: exit 3" 3 ptce show 999999
t_contains "  ...names it" "$T_ERR" "no dossier numbered '999999'"
t_run "show without ID is a usage error" 2 ptce show
t_run "history" 0 ptce history "$sub"
t_contains "  ...starts with the creation" "$T_OUT" "create submitted"

# --- move ---
h0=$(t_sql "select count(*) from history")
t_run "move submitted -> funded is refused" 1 ptce move "$sub" funded --reason "test"
t_contains "  ...saying why" "$T_ERR" "no move from 'submitted' to 'funded'"
t_contains "  ...and which moves are open" "$T_ERR" "phase1"
t_eq "  ...history unchanged" "$(t_sql "select count(*) from history")" "$h0"
t_eq "  ...state unchanged" "$(t_sql "select state from dossiers where ds_number='$sub'")" "submitted"
t_run "withdraw without motivation is refused" 1 ptce move "$sub" withdrawn
t_contains "  ...asking for --reason" "$T_ERR" "--reason"
t_run "move to a non-state is refused" 1 ptce move "$sub" heaven
t_run "an absurd --amount is a usage error (no overflow past the envelope)" 2 ptce move "$p1" funded --amount 4611686018427387904 --years 4 --reason x
t_run "open phase 1" 0 ptce move "$sub" phase1
t_eq "  ...state is phase1" "$(t_sql "select state from dossiers where ds_number='$sub'")" "phase1"
t_eq "  ...history says who and from where" "$(t_sql "select actor||' '||from_state||'>'||to_state from history where dossier_id=(select id from dossiers where ds_number='$sub') order by id desc limit 1")" "$(id -un) submitted>phase1"
t_run "reject with motivation" 0 ptce move "$p1" rejected --reason "Pas d'entreprise hors ESS parmi les membres"
t_eq "  ...motivation recorded" "$(t_sql "select motivation from history where dossier_id=(select id from dossiers where ds_number='$p1') order by id desc limit 1")" "Pas d'entreprise hors ESS parmi les membres"
t_eq "history at is UTC ISO 8601" "$(t_sql "select count(*) from history where at not glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'")" "0"

# --- several people: reviewers and impersonation ---
t_run "reviewer add" 0 ptce reviewer add alice --name "Alice Martin" --org "DREETS Grand Est" --role instructeur
t_run "reviewer add without role is a usage error" 2 ptce reviewer add bob --name Bob
t_run "reviewer add with an unknown role" 2 ptce reviewer add bob --role chef
t_run "reviewer add with a bad login" 1 ptce reviewer add "bad login" --role lecteur
t_run "reviewer list" 0 ptce reviewer list
t_contains "  ...shows alice" "$T_OUT" "Alice Martin"
t_run "--as alice whoami" 0 ptce --as alice whoami
t_contains "  ...acts as alice" "$T_OUT" "alice (Alice Martin) acting for $(id -un)"
t_run "alice (instructeur) cannot withdraw" 1 ptce --as alice move "$sub" withdrawn --reason x
t_contains "  ...names who may" "$T_ERR" "is for: coordinateur"
t_run "alice cannot impersonate" 1 ptce --as alice --as admin list
sub2=$(t_sql "select ds_number from dossiers where state='submitted' order by id limit 1")
t_run "alice opens phase 1" 0 ptce --as alice move "$sub2" phase1
t_eq "  ...history records both accounts" "$(t_sql "select actor||'/'||real_actor from history order by id desc limit 1")" "alice/$(id -un)"
t_run "alice cannot manage reviewers" 1 ptce --as alice reviewer add carol --role lecteur
t_run "--as an unknown login is refused" 1 ptce --as nobody_here list
t_contains "  ...telling whom to ask" "$T_ERR" "ptce reviewer add nobody_here"
t_run "set-role" 0 ptce reviewer set-role alice instructeur,expert
t_contains "  ...roles listed" "$(ptce reviewer list)" "instructeur, expert"
t_run "remove the last admin is refused" 1 ptce reviewer set-role "$(id -un)" coordinateur
t_run "remove alice" 0 ptce reviewer remove alice
t_run "alice is gone" 1 ptce --as alice list
t_contains "  ...and told she was removed" "$T_ERR" "removed"
t_run "reviewer list --all shows her as removed" 0 ptce reviewer list --all
t_contains "  ...(removed)" "$T_OUT" "(removed)"

# --- assign and compléments ---
t_run "reviewer add expert" 0 ptce reviewer add erin --name "Erin Expert" --role expert
t_run "assign" 0 ptce assign "$sub2" erin
t_contains "  ...show lists the assignee" "$(ptce show "$sub2")" "Assigned to: erin"
t_run "expert sees only assigned dossiers" 0 ptce --as erin list
t_contains "  ...one dossier" "$T_OUT" "1 dossier"
t_run "expert cannot show another dossier" 1 ptce --as erin show "$sub"
t_run "expert cannot see the classement" 1 ptce --as erin ranking --phase 2
t_not_contains "  ...nor any dossier name in the refusal" "$T_OUT" "Stras"
t_run "expert cannot list a campaign's laureates" 1 ptce --as erin campaign show
t_run "expert may see the envelopes" 0 ptce --as erin campaign list
t_run "unassign" 0 ptce assign "$sub2" erin --remove
t_run "complements with a bad date" 1 ptce complements "$sub2" --due 2026-13-40
t_run "complements" 0 ptce complements "$sub2" --due 2030-12-15 --note "Statuts signés manquants"
t_contains "  ...shown" "$(ptce show "$sub2")" "Compléments demandés, due 2030-12-15: Statuts signés manquants"
t_run "complements --clear" 0 ptce complements "$sub2" --clear
t_eq "  ...flag gone" "$(t_sql "select complements_due is null from dossiers where ds_number='$sub2'")" "1"

# --- the Unix account decides, not $USER ---
t_run "USER does not change who you are" 0 env USER=alice LOGNAME=alice "$PTCE" whoami
t_contains "  ...still the Unix account" "$T_OUT" "$(id -un) ("

# --- an account that is not a reviewer (needs root to switch user) ---
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1 && id nobody >/dev/null 2>&1; then
	chmod 755 "$T_DIR"
	mkdir -m 777 "$T_DIR/shared"
	ptce --db "$T_DIR/shared/s.db" init >/dev/null
	chmod 666 "$T_DIR/shared/s.db"*
	t_run "an account not on the roster is refused" 1 setpriv --reuid=nobody --regid=nogroup --clear-groups "$PTCE" --db "$T_DIR/shared/s.db" list
	t_contains "  ...and told whom to ask" "$T_ERR" "Ask an admin ($(id -un)) to run: ptce reviewer add nobody"
else
	t_skip "switching to another account needs root, setpriv (util-linux) and the account nobody"
fi

# --- configuration errors name the file, line and column ---
printf 'database: x.db\ncolours: true\n' > "$T_DIR/bad.yaml"
t_run "an unknown configuration key is refused" 1 ptce --config "$T_DIR/bad.yaml" list
t_contains "  ...with file:line:column and a suggestion" "$T_ERR" "$T_DIR/bad.yaml:2:1: unknown key 'colours' in the configuration; did you mean 'colors'?"
printf 'overdue_days:\n  phase1: soon\n' > "$T_DIR/bad2.yaml"
t_run "a wrong type in the configuration is refused" 1 ptce --config "$T_DIR/bad2.yaml" list
t_contains "  ...naming what was expected" "$T_ERR" "$T_DIR/bad2.yaml:2:11: a number of days must be a whole number, found 'soon'"
printf 'campaigns:\n  - name: A\n    envelope: 10\n    current: true\n  - name: B\n    envelope: 10\n    current: true\n' > "$T_DIR/bad3.yaml"
t_run "two current campaigns are refused" 1 ptce --config "$T_DIR/bad3.yaml" list
t_contains "  ...at the second one" "$T_ERR" "$T_DIR/bad3.yaml:7:5: only one campaign can be current"
t_run "a missing --config file" 3 ptce --config "$T_DIR/none.yaml" list
mkdir -p "$XDG_CONFIG_HOME/ptce"
printf 'database: %s\n' "$PTCE_DB" > "$XDG_CONFIG_HOME/ptce/ptce.yaml"
t_run "the user's configuration names the database" 0 env -u PTCE_DB "$PTCE" whoami
t_contains "  ...and it is used" "$T_OUT" "Database: $PTCE_DB"
rm "$XDG_CONFIG_HOME/ptce/ptce.yaml"

# --- a database from a newer ptce ---
cp "$PTCE_DB" "$T_DIR/newer.db"
sqlite3 "$T_DIR/newer.db" "PRAGMA user_version = 99"
t_run "a newer database is refused" 4 ptce --db "$T_DIR/newer.db" list
t_contains "  ...clearly" "$T_ERR" "newer ptce"
t_eq "  ...and left as it was" "$(sqlite3 "$T_DIR/newer.db" 'PRAGMA user_version')" "99"

# --- history is append-only, even from the sqlite3 shell ---
sqlite3 "$PTCE_DB" "update history set motivation='x'" 2>"$T_DIR/e"; rc=$?
[ "$rc" -ne 0 ]; _t_report $? "history cannot be rewritten from the sqlite3 shell"
grep -qE "append-only|ptce_sha256" "$T_DIR/e"; _t_report $? "  ...the database says why (append-only, or the audit function a bare shell lacks)"

# --- a locked database: another process holds the write lock past the busy wait ---
/usr/bin/python3 - "$PTCE_DB" "$PTCE" "$sub2" >"$T_DIR/lock" 2>&1 <<'PY'
import os, sqlite3, subprocess, sys
db, ptce, num = sys.argv[1:4]
c = sqlite3.connect(db, isolation_level=None)
c.execute("BEGIN EXCLUSIVE")
r = subprocess.run([ptce, "move", num, "withdrawn", "--reason", "test"], capture_output=True, text=True,
                   env=dict(os.environ, PTCE_BUSY_WAIT="1"))
c.execute("ROLLBACK")
print(r.returncode)
print(r.stderr)
PY
t_eq "  ...move under a lock exits 4" "$(head -1 "$T_DIR/lock")" "4"
t_contains "  ...and says the database is busy with another session's write" "$(cat "$T_DIR/lock")" "busy with another session's write"
t_eq "  ...nothing was moved" "$(t_sql "select state from dossiers where ds_number='$sub2'")" "phase1"

# --- options: --help anywhere, a value where none is taken, a missing value ---
t_run "campaign list --help prints the command's help" 0 ptce campaign list --help
t_contains "  ...its usage line" "$T_OUT" "Usage: ptce [GLOBAL OPTIONS] campaign list|show [NAME]"
t_run "checklist show --help prints the help, not a grid named --help" 0 ptce checklist show --help
t_contains "  ...its usage line" "$T_OUT" "Usage: ptce [GLOBAL OPTIONS] checklist"
t_run "a value given to an option that takes none" 2 ptce import --dry-run=1 x.csv
t_contains "  ...is an unknown option" "$T_ERR" "import: unknown option '--dry-run=1'"
t_run "a long option without its value" 2 ptce score "$sub2" --revision
t_contains "  ...says the value is missing" "$T_ERR" "score: option '--revision' needs a value"

t_done
