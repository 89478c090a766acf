#!/bin/sh
# run.sh - `make bench`: ptce against its floor (the sqlite3 shell on the
# same data, in the same run) at N = 1 000, 10 000 and 100 000 dossiers of
# the platform's export (tests/bench/gen.py: members, 2-4 KB texts, every
# state), then reviews and moves written into the database. Prints one
# table: figure, N, ptce, floor, ratio, target, met. Medians of
# BENCH_REPEAT runs.
#
#   BENCH_N="1000 10000"   the sizes (default "1000 10000 100000")
#   BENCH_REPEAT=3         runs per timed figure (median)
#   BENCH_UI_REPEAT=9      runs for start-up and search (median)
#   BENCH_CACHE=DIR        where generated exports are kept between runs
#                          (default ~/.cache/ptce-bench)
#   BENCH_IMPORT_REPEAT=N  runs per import figure (default: 1 at 100 000)
#   BENCH_CALLGRIND=0      skip the instruction counts
#   BENCH_PTY=0            skip the pty figures (tmux, strace)
#   BENCH_OUT=FILE         also write the table there (markdown)
#   BENCH_KEEP=DIR         keep each size's database there (bench-N.db)
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
PTCE=${PTCE_BIN:-$top/ptce}
SIZES=${BENCH_N:-${BENCH_DOSSIERS:-1000 10000 100000}}
R=${BENCH_REPEAT:-3}
RU=${BENCH_UI_REPEAT:-9}	# start-up and search: short, noisy, cheap
CACHE=${BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ptce-bench}
PY=/usr/bin/python3
dir=$(mktemp -d "${TMPDIR:-/tmp}/ptce-bench.XXXXXX")
T="tmux -L ptce-bench-$$"
trap '$T kill-server 2>/dev/null; rm -rf "$dir"' EXIT
# A failed floor stops the bench (floor_import): the EXIT trap still cleans up.
trap 'exit 3' TERM INT
export HOME=$dir/home LANG=C.UTF-8 TZ=Europe/Paris TERM=xterm-256color
mkdir -p "$HOME" "$CACHE"
unset PTCE_DB
table=$dir/table.tsv
: >"$table"
t_start=$(date +%s)

ms() { echo $(( $(date +%s%N) / 1000000 )); }
note() { echo "bench: $*" >&2; }
# median of the numbers on stdin
median() { sort -n | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]; else print 0}'; }
# row FIGURE N PTCE FLOOR TARGET_RATIO [UNIT]: ratio and met from the ratio.
row() {
	awk -v f="$1" -v n="$2" -v p="$3" -v fl="$4" -v t="$5" -v u="${6:-}" 'BEGIN {
		r = fl > 0 ? p / fl : 0
		# A difference of two timings can come out below zero on a busy
		# machine: no figure then, never a pass.
		ok = fl > 0 && p >= 0 && r <= t
		printf "%s\t%s\t%s%s\t%s%s\t%.2f\t<= %s x\t%s\n", f, n, p, u, fl, u, r, t, ok ? "yes" : "NO"
	}' >>"$table"
}
# rowv FIGURE N VALUE TARGET_TEXT MET
rowv() { printf '%s\t%s\t%s\t-\t-\t%s\t%s\n' "$@" >>"$table"; }
# timed CMD...: wall ms of one run (output dropped)
timed() { a=$(ms); "$@" >/dev/null 2>&1; b=$(ms); echo $((b - a)); }
# med CMD...: median wall ms of R runs
med() { medn "$R" "$@"; }
medn() { k=$1; shift; i=0; while [ $i -lt "$k" ]; do timed "$@"; i=$((i + 1)); done | median; }

# ---- the data ---------------------------------------------------------------
gen_hash=$(cat "$top/tests/bench/gen.py" "$top"/tests/data/ds/*.py | md5sum | cut -c1-8)
fixtures() {
	f=$CACHE/$1-$gen_hash
	if [ ! -s "$f/dossiers.xlsx" ]; then
		rm -rf "$f"
		a=$(ms)
		$PY "$top/tests/bench/gen.py" "$f" --n "$1" --formats csv,xlsx,members-csv >&2 ||
			{ note "generation failed"; exit 1; }
		note "$1 dossiers generated in $(( ($(ms) - a) / 1000 )) s into $f"
	fi
	echo "$f"
}

# A database with the instructeurs as reviewers (so that the import assigns
# them), root instructeur and coordinateur-less (blind rules apply).
template_db() {
	db=$dir/template.db
	[ -s "$db" ] && return
	"$PTCE" --db "$db" init >/dev/null || { note "init failed"; exit 1; }
	i=0
	for m in camille.martin julien.bernard sophie.dubois nicolas.petit claire.moreau thomas.laurent; do
		i=$((i + 1))
		"$PTCE" --db "$db" reviewer add "rev$i" --name "Reviewer $i" --role instructeur \
			--email "$m@dreets.gouv.fr" >/dev/null || { note "reviewer add failed"; exit 1; }
	done
	"$PTCE" --db "$db" reviewer set-role "$(id -un)" admin,instructeur >/dev/null
}

# ptce_import FILE: a fresh import; its peak RSS (KiB) goes to $dir/imp.rss
ptce_import() {
	cp "$dir/template.db" "$dir/imp.db" &&
		/usr/bin/time -f %M -o "$dir/imp.rss" "$PTCE" --db "$dir/imp.db" import "$@"
}
# floor_import CSV [MEMBERS]: the shell's .import into bare tables, then an
# FTS5 index of the same columns ptce's dossier_fts holds (schema.c's
# FTS_NAMES, members, FTS_TEXTS), under the platform's column names. -bail:
# a statement that fails must not leave a cheaper floor that looks measured;
# the bench stops instead.
floor_import() {
	rm -f "$dir/floor.db"
	{
		echo ".mode csv"
		echo ".import '$1' d"
		# The index any user of the shell would make before joining.
		[ -n "${2:-}" ] && echo ".import '$2' m" && echo "CREATE INDEX m_d ON m(\"Dossier ID\");"
		echo "CREATE VIRTUAL TABLE f USING fts5(ds_number, names, members, texts,"
		echo " tokenize = 'unicode61 remove_diacritics 2');"
		echo "INSERT INTO f(rowid, ds_number, names, members, texts) SELECT d.rowid, d.ID,"
		echo " d.\"Nom du PTCE\" || ' ' || coalesce(nullif(d.\"Association titre\", ''),"
		echo "  d.\"Entreprise raison sociale\") || ' ' || d.\"Territoire du PTCE (EPCI)\" || ' ' ||"
		echo " d.\"Représentant légal\" || ' ' || d.\"Personne à contacter\","
		if [ -n "${2:-}" ]; then
			echo " (SELECT group_concat(m.\"Nom du membre\" || ' ' || m.\"Rôle dans le PTCE\", ' ')"
			echo "  FROM m WHERE m.\"Dossier ID\" = d.ID),"
		else
			echo " '',"
		fi
		echo " d.\"Secteurs d'activité\" || ' ' || d.\"Thématiques\" || ' ' ||"
		echo " d.\"Présentation du projet de coopération\" || ' ' || d.\"Diagnostic territorial\" || ' ' ||"
		echo " d.\"Gouvernance\" || ' ' || d.\"Indicateurs de suivi\" || ' ' || d.\"Cofinancements\""
		echo " FROM d;"
	} >"$dir/floor.sql"
	sqlite3 -batch -bail "$dir/floor.db" <"$dir/floor.sql" >"$dir/floor.out" 2>&1 && return
	note "the floor's import failed: $(head -3 "$dir/floor.out")"
	kill -TERM $$
	exit 1
}

# Reviews, moves and compléments written with SQL after the import: ~60 %
# of the dossiers moved on, reviews by the six reviewers and root (drafts
# and submitted, totals spread), some compléments, some conflicts.
enrich() {
	db=$1
	"$PTCE" --db "$db" --as rev1 score "$(sqlite3 "$db" "SELECT ds_number FROM dossiers WHERE state = 'phase1' LIMIT 1")" \
		--grid phase1 R1=yes >/dev/null 2>&1
	"$PTCE" --db "$db" --as rev1 score "$(sqlite3 "$db" "SELECT ds_number FROM dossiers WHERE state = 'bouquet' LIMIT 1")" \
		--grid phase2 >/dev/null 2>&1
	$PY "$top/tests/bench/sql.py" "$db" <<-EOF || { note "enrich failed"; exit 1; }
	BEGIN;
	CREATE TEMP TABLE mv AS SELECT id, state FROM dossiers WHERE state = 'bouquet' AND id % 2 = 0;
	INSERT INTO history(dossier_id, at, actor, real_actor, kind, from_state, to_state)
	  SELECT id, '2025-06-01T10:00:00Z', 'rev1', 'bench', 'move', 'bouquet', 'phase2' FROM mv;
	UPDATE dossiers SET state = 'phase2', state_since = '2025-06-01T10:00:00Z' WHERE id IN (SELECT id FROM mv);
	INSERT INTO history(dossier_id, at, actor, real_actor, kind, from_state, to_state)
	  SELECT id, '2025-07-01T10:00:00Z', 'rev1', 'bench', 'move', 'phase2', 'funded' FROM mv WHERE id % 4 = 0;
	UPDATE dossiers SET state = 'funded', state_since = '2025-07-01T10:00:00Z'
	  WHERE id IN (SELECT id FROM mv WHERE id % 4 = 0);
	UPDATE dossiers SET complements_due = CASE WHEN id % 3 = 0 THEN '2025-05-01' ELSE '2099-01-01' END,
	  complements_note = 'Comptes approuvés 2024' WHERE id % 17 = 0 AND state IN ('phase1', 'phase2');
	CREATE TEMP TABLE rv(login);
	INSERT INTO rv VALUES ('rev1'), ('rev2'), ('rev3'), ('rev4'), ('rev5'), ('rev6'), ('$(id -un)');
	INSERT OR IGNORE INTO assignments(dossier_id, login, assigned_by, assigned_at)
	  SELECT d.id, rv.login, 'bench', '2025-05-01T10:00:00Z' FROM dossiers d, rv
	  WHERE (d.id * 7 + unicode(substr(rv.login, -1))) % 3 = 0 AND d.state <> 'submitted';
	INSERT OR IGNORE INTO reviews(dossier_id, reviewer, grid_id, grid_version_id, phase, status, total,
	  created_at, updated_at, updated_by, submitted_at)
	  SELECT a.dossier_id, a.login, g.grid_id, g.id, g.phase,
	    CASE WHEN (a.dossier_id + length(a.login)) % 4 = 0 THEN 'draft' ELSE 'submitted' END,
	    (a.dossier_id * 37 + unicode(substr(a.login, -1)) * 11) % 100, '2025-05-10T10:00:00Z',
	    '2025-05-10T10:00:00Z', a.login, '2025-05-10T10:00:00Z'
	  FROM assignments a JOIN dossiers d ON d.id = a.dossier_id
	  JOIN grid_versions g ON g.phase = CASE WHEN d.state IN ('phase1', 'rejected') THEN 1 ELSE 2 END
	  WHERE d.state NOT IN ('submitted', 'withdrawn');
	INSERT OR IGNORE INTO conflicts(dossier_id, reviewer, reason, declared_by, declared_at)
	  SELECT id, 'rev2', 'Membre du conseil d''administration', 'rev2', '2025-05-01T10:00:00Z'
	  FROM dossiers WHERE id % 23 = 0;
	COMMIT;
	ANALYZE;
	EOF
}

# ---- the interface in script mode ---------------------------------------------
# ui DB KEYS...: one run, keys from a file; exit status kept.
ui() {
	db=$1; shift
	printf '%s\n' "$@" >"$dir/keys"
	LINES=50 COLUMNS=200 PTCE_SCRIPT="$dir/keys" "$PTCE" --db "$db" >/dev/null 2>"$dir/ui.err"
}
# ui_rss DB KEYS...: max RSS in KiB
ui_rss() {
	db=$1; shift
	printf '%s\n' "$@" >"$dir/keys"
	LINES=50 COLUMNS=200 PTCE_SCRIPT="$dir/keys" /usr/bin/time -f %M -o "$dir/rss" \
		"$PTCE" --db "$db" >/dev/null 2>&1
	tail -1 "$dir/rss"
}
# keys_of LINE: how many keys a script line is (<Name> counts one)
keys_of() { printf '%s\n' "$1" | sed 's/<[^>]*>/K/g' | awk '{print length($0)}'; }
# ir_seq DB N LABEL|LINE...: one run under callgrind, a profile part dumped
# each time a key is read (--dump-before=ui_getkey): part k+1 is what key k
# cost, its drawing included. The LAST key of each line is measured under
# LABEL ("-": not reported).
ir_seq() {
	db=$1 n=$2; shift 2
	rm -rf "$dir/cg" && mkdir "$dir/cg"
	: >"$dir/keys"
	: >"$dir/labels"
	k=1
	for pair in "$@"; do
		label=${pair%%|*} line=${pair#*|}
		printf '%s\n' "$line" >>"$dir/keys"
		k=$((k + $(keys_of "$line")))
		[ "$label" != - ] && printf '%s\t%s\n' "$k" "$label" >>"$dir/labels"
	done
	LINES=50 COLUMNS=200 PTCE_SCRIPT="$dir/keys" valgrind --tool=callgrind \
		--dump-before=ui_getkey --callgrind-out-file="$dir/cg/cg" "$PTCE" --db "$db" \
		>/dev/null 2>&1
	while IFS="$(printf '\t')" read -r part label; do
		v=$(awk '/^(summary|totals):/ {print $2; exit}' "$dir/cg/cg.$part" 2>/dev/null)
		[ -n "$v" ] || { note "no profile part $part for $label"; continue; }
		echo "$label $v"
		printf '%s\t%s\t%s\n' "$label" "$n" "$v" >>"$dir/ir.tsv"
		m=$(awk -v d="$v" 'BEGIN {printf "%.2f M", d / 1e6}')
		# The issue's targets: every action flat in N (the growth rows
		# below), a scroll (the view moved: a row, a page, an end) at
		# most 10 M.
		case $label in
		scroll*|page*|first*|last*) rowv "instructions: $label" "$n" "$m" "<= 10 M (a scroll)" \
			"$( [ "$v" -le 10000000 ] && echo yes || echo NO)" ;;
		*) rowv "instructions: $label" "$n" "$m" "flat in N (growth rows)" "-" ;;
		esac
	done <"$dir/labels"
}

# Instructions per action.
actions() {
	db=$1 n=$2
	set -- "start-up (first screen)|" "move (j)|j"
	i=2; while [ $i -lt 45 ]; do set -- "$@" "-|j"; i=$((i + 1)); done
	set -- "$@" "-|j" "scroll (j at the bottom)|j" "page (PgDn)|<PgDn>" "last (G)|G" \
		"first (g)|g" "open (Enter)|<Enter>"
	ir_seq "$db" "$n" "$@"
	set --
	for k in 1 2 3 4 5 6 7 8; do
		# The move from the first row: within the page whatever row the
		# page left the cursor on (j on the last row is a scroll).
		set -- "$@" "-|o" "sort $k (o $k)|$k" "page, sorted by $k|<PgDn>" "-|g" "move, sorted by $k|j"
	done
	ir_seq "$db" "$n" "$@"
	ir_seq "$db" "$n" "-|f" "filter region=84 (Enter)|region=84<Enter>" "-|o" \
		"sort 3, filtered region=84 (o 3)|3" "page, sorted by 3, filtered|<PgDn>" "-|o" "-|1" "-|F" \
		"search /ressourcerie (Enter)|/ressourcerie<Enter>" "next hit (n)|n" "reload (C-l)|<C-l>"
}

# ---- a real pty: bytes and write() calls per key ----------------------------
pty() {
	db=$1 n=$2
	command -v strace >/dev/null && command -v tmux >/dev/null || { note "no tmux/strace: pty figures skipped"; return; }
	log=$dir/strace.log
	$T new-session -d -s pty -x 200 -y 50 "exec env LANG=C.UTF-8 TZ=Europe/Paris strace -y -qq -e trace=write -e signal=none -s 0 -o $log $PTCE --db $db"
	until $T capture-pane -p -t pty 2>/dev/null | grep -q "dossiers"; do sleep 0.1; done
	settle() {	# until the log grows (5 s at most), then stops growing
		s0=${1:-$(wc -c <"$log")} t=0
		while [ "$(wc -c <"$log")" = "$s0" ] && [ $t -lt 50 ]; do sleep 0.1; t=$((t + 1)); done
		s0=-1
		while :; do sleep 0.2; s1=$(wc -c <"$log"); [ "$s1" = "$s0" ] && break; s0=$s1; done
	}
	settle
	for key in j PageDown G g; do
		$T capture-pane -e -p -t pty >"$dir/before"
		l0=$(wc -l <"$log")
		c0=$(wc -c <"$log")
		$T send-keys -t pty "$key"
		settle "$c0"
		$T capture-pane -e -p -t pty >"$dir/after"
		calls=$(tail -n +$((l0 + 1)) "$log" | grep -c '^write(1</dev/')
		bytes=$(tail -n +$((l0 + 1)) "$log" | awk -F'= ' '/^write\(1<\/dev\// {s += $NF} END {print s + 0}')
		cells=$($PY "$top/tests/bench/cells.py" "$dir/before" "$dir/after")
		echo "$key $calls $bytes $cells"
	done >"$dir/pty.txt"
	$T kill-server 2>/dev/null
	while read -r key calls bytes cells; do
		row "pty bytes: $key (floor: changed cells' bytes)" "$n" "$bytes" "$cells" 1.5 " B"
		rowv "pty write() calls: $key" "$n" "$calls" "1" "$( [ "$calls" -le 1 ] && echo yes || echo NO)"
	done <"$dir/pty.txt"
}

idle() {
	db=$1 n=$2
	command -v tmux >/dev/null || return
	$T new-session -d -s idle -x 200 -y 50 "exec env LANG=C.UTF-8 $PTCE --db $db"
	pid=$($T display -p -t idle '#{pane_pid}')
	until $T capture-pane -p -t idle | grep -q "dossiers"; do sleep 0.1; done
	c0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
	sleep 5
	c1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
	$T kill-server 2>/dev/null
	pct=$(awk -v a="$c0" -v b="$c1" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f", (b - a) * 100 / hz / 5}')
	rowv "idle CPU (5 s)" "$n" "$pct %" "< 1 %" "$(awk -v p="$pct" 'BEGIN {print p < 1 ? "yes" : "NO"}')"
}

# ---- one size ----------------------------------------------------------------
one_size() {
	n=$1
	f=$(fixtures "$n")
	template_db
	# Import: ptce against the shell's .import of the same files + FTS5.
	# The csv with its members (--members), the workbook with its sheets.
	db=$dir/bench-$n.db
	for kind in csv xlsx; do
		file=$f/dossiers.$kind
		members=$f/members.csv
		set -- "$file"
		[ "$kind" = csv ] && set -- "$file" --members "$members"
		# Large imports once (BENCH_IMPORT_REPEAT, default R below 100 000).
		ri=${BENCH_IMPORT_REPEAT:-$( [ "$n" -ge 100000 ] && echo 1 || echo "$R")}
		a=$(ms)
		if ! ptce_import "$@" >"$dir/import.out" 2>&1; then
			why=$(grep -v '^$' "$dir/import.out" | head -1 | sed "s|$f/||g" | cut -c1-110)
			note "ptce import $file failed: $why"
			rowv "import $kind (floor: .import + FTS5)" "$n" "refused: $why" "<= 2 x" "NO"
			continue
		fi
		echo $(( $(ms) - a )) >"$dir/times"
		got=$(sqlite3 "$dir/imp.db" "SELECT count(*) FROM dossiers")
		[ "$got" = "$n" ] || { note "ptce import $file: $got dossiers, not $n"; exit 1; }
		rss=$(tail -1 "$dir/imp.rss")
		[ "$kind" = csv ] && cp "$dir/imp.db" "$db"
		[ "$ri" -gt 1 ] && medn $((ri - 1)) ptce_import "$@" >>"$dir/times"
		p=$(median <"$dir/times")
		fl=$(medn "$ri" floor_import "$f/dossiers.csv" "$members")
		row "import $kind (floor: .import + FTS5)" "$n" "$p" "$fl" 2 " ms"
		rowv "import $kind peak memory" "$n" "$((rss / 1024)) MiB" "<= 64 MiB" \
			"$( [ "$rss" -le 65536 ] && echo yes || echo NO)"
	done
	rm -f "$dir/imp.db"
	enrich "$db"
	note "$n: $(sqlite3 "$db" "SELECT count(*) FROM dossiers") dossiers, $(sqlite3 "$db" \
		"SELECT count(*) FROM members") members, $(sqlite3 "$db" "SELECT count(*) FROM reviews") reviews," \
		"$(( $(stat -c %s "$db") / 1048576 )) MiB"
	# Start-up to the first complete screen, against the shell's count.
	p=$(medn "$RU" ui "$db")
	fl=$(medn "$RU" sqlite3 "$db" "SELECT count(*) FROM dossiers")
	row "start-up, first screen (floor: count(*))" "$n" "$p" "$fl" 1.5 " ms"
	# Search: eight words common in the texts (each in 70-90 % of the
	# dossiers: the worst case), one session searching them less the same
	# typing abandoned (Esc), against the same MATCH counts in one shell
	# less the shell's start; per search.
	set -- ressourcerie logistique formation reparation diagnostic gouvernance plateforme cooperation
	enter="" esc="" sql=""
	for w in "$@"; do
		enter="$enter/$w<Enter>" esc="$esc/$w<Esc>"
		sql="$sql SELECT count(*) FROM dossiers d WHERE d.id IN (SELECT rowid FROM dossier_fts WHERE dossier_fts MATCH '\"$w\"*');"
	done
	ps=$(medn "$RU" ui "$db" "$enter")
	p=$(medn "$RU" ui "$db" "$esc")
	fl=$(medn "$RU" sqlite3 "$db" "$sql")
	f0=$(medn "$RU" sqlite3 "$db" "SELECT 1")
	row "search, per word (floor: the same MATCH)" "$n" "$(( (ps - p) / $# ))" "$(( (fl - f0) / $# ))" 1.5 " ms"
	rss=0
	for keys in "" "<PgDn>" "G" "o 7 <PgDn>" "/ressourcerie<Enter> n"; do
		# shellcheck disable=SC2086
		v=$(ui_rss "$db" $keys)
		[ "$v" -gt "$rss" ] && rss=$v
	done
	rowv "interface peak memory" "$n" "$((rss / 1024)) MiB" "<= 32 MiB" "$( [ "$rss" -le 32768 ] && echo yes || echo NO)"
	[ "${BENCH_CALLGRIND:-1}" = 1 ] && actions "$db" "$n" >&2
	[ "${BENCH_PTY:-1}" = 1 ] && pty "$db" "$n"
	idle "$db" "$n"
	[ -n "${BENCH_KEEP:-}" ] && cp "$db" "$BENCH_KEEP/"
	rm -f "$db"
}

for n in $SIZES; do
	note "N = $n"
	one_size "$n"
done

# Flat in N: each action's instructions at the largest N against the
# smallest, at most 1.25 times (a page of other rows, other texts).
if [ -s "$dir/ir.tsv" ]; then
	awk -F'\t' '{ v[$1, $2] = $3; if (!($1 in seen)) { seen[$1] = 1; order[++k] = $1 }
		if (lo == "" || $2 + 0 < lo + 0) lo = $2; if (hi == "" || $2 + 0 > hi + 0) hi = $2 }
		END { if (lo == hi) exit
		for (i = 1; i <= k; i++) { l = order[i]; a = v[l, lo]; b = v[l, hi]
			if (a == "" || b == "") continue
			r = b / a
			printf "instructions growth: %s\t%s -> %s\t%.2f M -> %.2f M\t-\t%.2f\t<= 1.25 x\t%s\n",
				l, lo, hi, a / 1e6, b / 1e6, r, r <= 1.25 ? "yes" : "NO" } }' "$dir/ir.tsv" >>"$table"
fi

{
	echo "ptce bench, $(date -u +%Y-%m-%d), $(uname -m), $(nproc) cores," \
		"$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), sqlite $(sqlite3 --version | cut -d' ' -f1)," \
		"$R runs per timing (median), $(( $(date +%s) - t_start )) s in all"
	echo
	echo "| figure | N | ptce | floor | ratio | target | met |"
	echo "|---|---|---|---|---|---|---|"
	sort -t"$(printf '\t')" -s -k1,1 "$table" | awk -F'\t' '{printf "| %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7}'
} >"$dir/table.md"
cat "$dir/table.md"
[ -n "${BENCH_OUT:-}" ] && cp "$dir/table.md" "$BENCH_OUT"
exit 0
