# shared.sh - the shared-host deployment of ptce(8), with real Unix
# accounts: make install-server into a private prefix (its own group, its
# own state directory), root creates the database, then an outsider, an
# expert, a lecteur, an instructeur and two coordinateurs use it. Nobody
# reads or writes the database with sqlite3; through ptce each has exactly
# their role's rights; under umask 022 nobody gets a permission error; the
# group's rights are gone around a person's files and in children.
# Needs root (accounts are created with useradd and removed at the end,
# also on failure); skipped with the reason otherwise.
. "$(dirname "$0")/../lib.sh"
t_setup

if [ "$(id -u)" -ne 0 ]; then
	t_skip "the shared-host test creates Unix accounts and a group: it needs root"
	t_done
fi
for tool in useradd userdel groupdel runuser sqlite3 getent; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		t_skip "the shared-host test needs $tool"
		t_done
	fi
done
if grep -q '^NoNewPrivs:[[:space:]]*1' /proc/self/status; then
	t_skip "this process runs with no_new_privs: a setgid binary gets no group here"
	t_done
fi
case ",$(findmnt -no OPTIONS --target "$T_DIR" 2>/dev/null)," in
*,nosuid,*) t_skip "$T_DIR is on a nosuid file system: setgid does not apply there"; t_done ;;
esac

chmod 755 "$T_DIR"
S=p$$
G=${S}g
R=$T_DIR/root
BIN=$R/usr/bin/ptce
STATE=$R/var/lib/ptce
DB=$STATE/ptce.db
OUT=${S}out EXP=${S}exp LEC=${S}lec INS=${S}ins CO1=${S}co1 CO2=${S}co2
USERS="$OUT $EXP $LEC $INS $CO1 $CO2"

cleanup_accounts() {
	for u in $USERS; do getent passwd "$u" >/dev/null && userdel "$u" 2>/dev/null; done
	getent group "$G" >/dev/null && groupdel "$G" 2>/dev/null
	return 0
}
trap 'cleanup_accounts; t_cleanup' EXIT
trap 'exit 1' INT TERM HUP PIPE

# ---- install ---------------------------------------------------------------------
make -s --no-print-directory -C "$T_TOP" install-server BUILD="$T_DIR/build" PREFIX="$R/usr" \
	SYSCONFDIR="$R/etc" STATEDIR="$STATE" PTCE_GROUP="$G" >"$T_DIR/install.log" 2>&1
t_eq "make install-server (own prefix, group and state directory) succeeds" "$?" 0
tail -3 "$T_DIR/install.log" | sed 's/^/# /'
t_eq "the group exists" "$(getent group "$G" >/dev/null && echo yes)" yes
t_eq "the state directory is root:$G 2770" "$(stat -c '%a %U:%G' "$STATE" 2>&1)" "2770 root:$G"
t_eq "the binary is root:$G 2755 (setgid)" "$(stat -c '%a %U:%G' "$BIN" 2>&1)" "2755 root:$G"

for u in $USERS; do
	useradd -M -N -d "$T_DIR/home-$u" -s /bin/sh "$u" 2>>"$T_DIR/useradd.log"
	mkdir -p "$T_DIR/home-$u" && chown "$u" "$T_DIR/home-$u"
done
t_eq "six accounts created, none in the group" \
	"$(for u in $USERS; do id -nG "$u" 2>/dev/null | tr ' ' '\n' | grep -cx "$G"; done | tr -d '\n')" "000000"

# as USER [VAR=VALUE...] CMD... : run as USER, umask 022, a bare environment.
as() {
	u=$1; shift
	runuser -u "$u" -- env -i HOME="$T_DIR/home-$u" PATH=/usr/bin:/bin LANG=C.UTF-8 \
		TZ=Europe/Paris TERM=xterm SECRET_VAR=leak sh -c 'umask 022; exec "$@"' sh "$@"
}
# pt USER ARGS... : ptce as USER.
pt() { u=$1; shift; as "$u" "$BIN" "$@"; }

# ---- root makes the database --------------------------------------------------------
unset PTCE_DB
t_run "root creates the database (init --demo)" 0 env -u PTCE_DB "$BIN" init --demo
t_eq "the database is root:$G 0660" "$(stat -c '%a %U:%G' "$DB" 2>&1)" "660 root:$G"
for spec in "$EXP:expert" "$LEC:lecteur" "$INS:instructeur" "$CO1:coordinateur" "$CO2:coordinateur"; do
	"$BIN" reviewer add "${spec%%:*}" --role "${spec#*:}" >/dev/null 2>>"$T_DIR/roster.err"
done
t_eq "root adds the five reviewers" "$(cat "$T_DIR/roster.err")" ""
P1=$("$BIN" list --state phase1 --format tsv | sed -n '2p' | cut -f1)
SUB=$("$BIN" list --state submitted --format tsv | sed -n '2p' | cut -f1)
t_eq "the demo has a dossier in phase 1 and one submitted" "$([ -n "$P1" ] && [ -n "$SUB" ] && echo yes)" yes

# ---- nobody reaches the file directly ----------------------------------------------
for u in $OUT $EXP $LEC $INS; do
	t_run "$u cannot read the database with sqlite3" 1 as "$u" sqlite3 -readonly "$DB" 'SELECT count(*) FROM reviews'
	t_run "$u cannot write it with sqlite3" 1 as "$u" sqlite3 "$DB" "DELETE FROM history"
	t_run "$u cannot list the state directory" 2 as "$u" ls "$STATE"
done
t_eq "history is intact" "$(sqlite3 "$DB" 'SELECT count(*) > 0 FROM history')" 1

# ---- through ptce, exactly each role's rights ----------------------------------------
t_run "the outsider is refused by ptce" 1 pt "$OUT" list
t_contains "  ...with whom to ask" "$T_ERR" "$OUT"
t_run "the lecteur lists" 0 pt "$LEC" list --format tsv
t_contains "  ...every dossier" "$T_OUT" "$P1"
t_run "the lecteur reads a dossier" 0 pt "$LEC" show "$P1"
t_run "the lecteur cannot declare a conflict" 1 pt "$LEC" conflict "$P1" --reason "Parent"
t_run "the lecteur cannot move" 1 pt "$LEC" move "$SUB" phase1
t_run "the lecteur cannot score" 1 pt "$LEC" score "$P1" --grid phase1 R1=yes
t_run "the lecteur cannot assign" 1 pt "$LEC" assign "$P1" "$INS"
t_run "the expert sees no dossier before being asked" 0 pt "$EXP" list --format tsv
t_not_contains "  ...not even the phase 1 one" "$T_OUT" "$P1"
t_run "the expert cannot open it" 1 pt "$EXP" show "$P1"
t_run "the expert cannot score" 1 pt "$EXP" score "$P1" --grid phase1 R1=yes
t_run "a coordinateur asks the expert" 0 pt "$CO1" opinion ask "$P1" --expert "$EXP" --question "Gouvernance ?"
t_run "now the expert opens it" 0 pt "$EXP" show "$P1"
N=$(sqlite3 "$DB" "SELECT max(id) FROM opinions WHERE expert = '$EXP'")
t_run "the expert answers" 0 pt "$EXP" opinion answer "$N" --favourable --text "Gouvernance claire"
t_run "the instructeur scores" 0 pt "$INS" score "$P1" --grid phase1 R1=yes
t_run "the instructeur opens instruction" 0 pt "$INS" move "$SUB" phase1
t_run "the instructeur cannot assign" 1 pt "$INS" assign "$P1" "$CO2"
t_run "the instructeur cannot install a grid" 1 pt "$INS" checklist install "$T_TOP/config/checklists/phase2.yaml"
t_run "the coordinateur assigns" 0 pt "$CO1" assign "$P1" "$INS"

# ---- conflicts bind ------------------------------------------------------------------------
t_run "a coordinateur declares a conflict" 0 pt "$CO1" conflict "$P1" --reason "Administratrice de la structure porteuse"
t_run "then cannot move the dossier" 1 pt "$CO1" move "$P1" rejected --reason "Pas d'acteur de la recherche"
t_contains "  ...and reads why" "$T_ERR" "Administratrice de la structure porteuse"
t_run "nor be assigned it" 1 pt "$CO2" assign "$P1" "$CO1"
t_run "another coordinateur decides" 0 pt "$CO2" move "$P1" rejected --reason "Pas d'acteur de la recherche"

# ---- what the shared mode refuses ------------------------------------------------------------
t_run "--db is refused" 1 pt "$INS" --db "$T_DIR/home-$INS/mine.db" list
t_contains "  ...naming ptce(8)" "$T_ERR" "ptce(8)"
t_run "PTCE_DB is refused" 1 as "$INS" env PTCE_DB="$T_DIR/home-$INS/mine.db" "$BIN" list
t_run "--config is refused" 1 pt "$INS" --config "$T_DIR/home-$INS/c.yaml" list
mkdir -p "$T_DIR/home-$INS/.config/ptce"
printf 'checklists: %s\n' "$T_DIR/home-$INS" >"$T_DIR/home-$INS/.config/ptce/ptce.yaml"
chown -R "$INS" "$T_DIR/home-$INS"
t_run "a user's file may not name the grids" 1 pt "$INS" list
t_contains "  ...at its line" "$T_ERR" "ptce.yaml:1:1: 'checklists' is read only from the system configuration"
printf 'colors: false\n' >"$T_DIR/home-$INS/.config/ptce/ptce.yaml"
t_run "it may set the colours" 0 pt "$INS" list
cp "$T_TOP/config/checklists/phase2.yaml" "$T_DIR/home-$INS/mine.yaml"
t_run "--grid names an id, never a file" 1 pt "$INS" score "$P1" --grid "$T_DIR/home-$INS/mine.yaml" R1=yes
t_contains "  ...said so" "$T_ERR" "never a file"

# ---- a person's files are touched without the group's rights -------------------------------------
t_run "an export cannot be written into the state directory" 6 pt "$INS" export --output "$STATE/stolen.csv"
t_eq "  ...nothing was written there" "$(ls "$STATE" | grep -c stolen)" 0
t_run "an export into one's home works" 0 pt "$INS" export --output "$T_DIR/home-$INS/e.csv"
t_eq "  ...the file is the person's, not the group's" "$(stat -c %G "$T_DIR/home-$INS/e.csv")" "$(id -gn "$INS")"
printf ':save-screen %s\n:save-screen %s\n' "$STATE/screen.txt" "$T_DIR/home-$INS/screen.txt" \
	>"$T_DIR/home-$INS/k.keys"
chown "$INS" "$T_DIR/home-$INS/k.keys"
as "$INS" env LINES=24 COLUMNS=80 PTCE_SCRIPT="$T_DIR/home-$INS/k.keys" "$BIN" >/dev/null 2>&1
t_eq ":save-screen cannot write into the state directory" "$(ls "$STATE" | grep -c screen)" 0
t_eq "  ...but writes into one's home" "$(grep -c . "$T_DIR/home-$INS/screen.txt" 2>/dev/null)" 24
cat >"$T_DIR/editor.sh" <<'SH'
#!/bin/sh
{ id -g; id -G; env; } >"$HOME/child.txt"
exit 1
SH
chmod 755 "$T_DIR/editor.sh"
t_run "the editor runs (and fails, saving nothing)" 6 as "$INS" env VISUAL="$T_DIR/editor.sh" "$BIN" score "$SUB" --grid phase1 --edit
child=$(cat "$T_DIR/home-$INS/child.txt" 2>&1)
t_eq "  ...with the person's group, not $G" "$(printf '%s\n' "$child" | sed -n 1p)" "$(id -g "$INS")"
t_not_contains "  ...nowhere among its groups" "$(printf '%s\n' "$child" | sed -n 2p) " " $(getent group "$G" | cut -d: -f3) "
t_not_contains "  ...and a clean environment" "$child" "SECRET_VAR"
t_run "the editor command is never given to a shell" 6 as "$INS" env VISUAL="$T_DIR/editor.sh;touch $T_DIR/pwned" "$BIN" score "$SUB" --grid phase1 --edit
t_eq "  ...nothing after ';' ran" "$(ls "$T_DIR" | grep -c pwned)" 0

# ---- grids come from the administrator ---------------------------------------------------------
sed -e 's/^title: .*/title: "Grille phase 2 installée par root"/' \
    -e 's/^title_en: .*/title_en: "Phase 2 grid installed by root"/' "$T_TOP/config/checklists/phase2.yaml" >"$T_DIR/p2.yaml"
t_run "root installs a grid" 0 "$BIN" checklist install "$T_DIR/p2.yaml"
t_run "a reviewer sees the installed version" 0 pt "$INS" checklist show phase2
t_contains "  ...not the system directory's" "$T_OUT" "Phase 2 grid installed by root"
t_run "the installation is listed" 0 "$BIN" checklist list
t_contains "  ...with who and the file" "$T_OUT" "root"
t_run "an absurd grid is refused" 1 "$BIN" checklist install "$T_TOP/tests/grids/points-absurd.yaml"

# ---- under umask 022, nobody gets a permission error -----------------------------------------
# The instructeur's session holds the database open in its editor (so its
# process made -wal and -shm) while the others write.
cat >"$T_DIR/hold.sh" <<SH
#!/bin/sh
: >"\$HOME/started"
i=0
while [ ! -e "$T_DIR/release" ] && [ \$i -lt 300 ]; do sleep 0.1; i=\$((i + 1)); done
exit 1
SH
chmod 755 "$T_DIR/hold.sh"
rm -f "$DB-wal" "$DB-shm" "$T_DIR/home-$INS/started"
as "$INS" env VISUAL="$T_DIR/hold.sh" "$BIN" score "$P1" --grid phase1 --edit >"$T_DIR/hold.out" 2>&1 &
holder=$!
i=0
while [ ! -e "$T_DIR/home-$INS/started" ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
t_eq "the instructeur's session is open" "$([ -e "$T_DIR/home-$INS/started" ] && echo yes)" yes
t_eq "its -wal is group read-write, nobody else's" "$(stat -c '%A %G' "$DB-wal" 2>&1)" "-rw-rw---- $G"
t_eq "its -shm too" "$(stat -c '%A %G' "$DB-shm" 2>&1)" "-rw-rw---- $G"
: >"$T_DIR/errs"
for round in 1 2 3; do
	pt "$CO2" assign "$SUB" "$INS" >/dev/null 2>>"$T_DIR/errs" || echo "assign failed" >>"$T_DIR/errs"
	pt "$CO2" assign "$SUB" "$INS" --remove >/dev/null 2>>"$T_DIR/errs" || echo "unassign failed" >>"$T_DIR/errs"
	pt "$LEC" list >/dev/null 2>>"$T_DIR/errs" || echo "list failed" >>"$T_DIR/errs"
	pt "$EXP" opinion list >/dev/null 2>>"$T_DIR/errs" || echo "opinion list failed" >>"$T_DIR/errs"
	pt "$CO1" complements "$SUB" --due 2026-12-15 --note "Statuts $round" >/dev/null 2>>"$T_DIR/errs" ||
		echo "complements failed" >>"$T_DIR/errs"
done
t_eq "others read and write while it is open, without any error" "$(cat "$T_DIR/errs")" ""
: >"$T_DIR/release"
wait "$holder"
t_not_contains "the held session ended without a permission error" "$(cat "$T_DIR/hold.out")" "read-only"
t_eq "no file beside the database is readable by others" \
	"$(find "$STATE" -perm /o=rwx | wc -l)" 0
t_done
