#!/bin/sh
# run.sh - `make bench`: the interface on 100 000 generated dossiers. Prints
# figures (first page, scrolling, search, sort, memory, idle CPU); asserts
# nothing, since speed depends on the machine.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
PTCE=${PTCE_BIN:-$top/ptce}
N=${BENCH_DOSSIERS:-100000}
dir=$(mktemp -d "${TMPDIR:-/tmp}/ptce-bench.XXXXXX")
trap 'tmux -L "ptce-bench-$$" kill-server 2>/dev/null; rm -rf "$dir"' EXIT
export HOME=$dir/home LANG=C.UTF-8 TERM=xterm-256color PTCE_DB=$dir/bench.db
mkdir -p "$HOME"

ms() { echo $(( $(date +%s%N) / 1000000 )); }

t0=$(ms)
"$PTCE" init >/dev/null 2>&1 || { echo "bench: ptce init failed"; exit 1; }
# Generated dossiers: names and texts from word lists, so that a search
# finds some and not others; every département in turn.
sqlite3 -batch "$PTCE_DB" "
WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < $N),
 dep AS (SELECT code, region_code, row_number() OVER (ORDER BY code) - 1 AS k FROM departements),
 nd AS (SELECT count(*) AS c FROM departements),
 w1(k, w) AS (VALUES (0,'Coopérative'),(1,'Pôle'),(2,'Filière'),(3,'Tiers-lieu'),(4,'Fabrique'),
   (5,'Cluster'),(6,'Atelier'),(7,'Maison'),(8,'Réseau'),(9,'Plateforme'),(10,'Collectif'),
   (11,'Ressourcerie'),(12,'Territoire')),
 w2(k, w) AS (VALUES (0,'vélo'),(1,'textile'),(2,'alimentation'),(3,'réemploi'),(4,'énergie'),
   (5,'bois'),(6,'numérique'),(7,'mobilité'),(8,'habitat'),(9,'culture'),(10,'santé'),(11,'meunerie'))
INSERT INTO dossiers(ds_number, state, state_since, deposited_at, lead_name, region_code,
  departement_code, ptce_name, description, created_at, updated_at)
SELECT printf('B%07d', i), 'submitted',
  strftime('%Y-%m-%dT%H:%M:%SZ', '2025-01-01', '+' || (i % 300) || ' days'),
  strftime('%Y-%m-%d', '2025-01-01', '+' || (i % 300) || ' days'),
  'Association ' || (SELECT w FROM w2 WHERE k = i % 12) || ' ' || i, dep.region_code, dep.code,
  (SELECT w FROM w1 WHERE k = i % 13) || ' ' || (SELECT w FROM w2 WHERE k = (i / 13) % 12) || ' ' || i,
  'Projet de coopération autour du ' || (SELECT w FROM w2 WHERE k = (i / 7) % 12)
    || ' et de l''économie sociale et solidaire, dossier ' || i || '.',
  '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z'
FROM seq JOIN dep ON dep.k = seq.i % (SELECT c FROM nd);" || { echo "bench: generation failed"; exit 1; }
t1=$(ms)
size=$(du -k "$PTCE_DB" | cut -f1)
echo "ptce bench: $N dossiers generated in $((t1 - t0)) ms (database $((size / 1024)) MiB)"

# run NAME KEYS... : the interface in script mode; prints wall time in ms;
# its max RSS (KiB) is in $dir/NAME.rss.
run() {
	name=$1; shift
	printf '%s\n' "$@" >"$dir/$name.keys"
	a=$(ms)
	LINES=50 COLUMNS=200 PTCE_SCRIPT="$dir/$name.keys" /usr/bin/time -f %M -o "$dir/$name.rss" \
		"$PTCE" >/dev/null 2>"$dir/$name.err" || echo "bench: $name failed: $(cat "$dir/$name.err")"
	b=$(ms)
	echo $((b - a))
}

base=$(run start ':save-screen '"$dir/first.txt")
rss_start=$(tail -1 "$dir/start.rss")
printf '%-44s %6d ms\n' "start, first page of the queue, quit" "$base"

pg=$(run pages $(for i in $(seq 100); do echo '<PgDn>'; done))
printf '%-44s %6d ms  (%s ms per page)\n' "100 pages down (4 500 rows)" "$((pg - base))" \
	"$(echo "scale=1; ($pg - $base) / 100" | bc)"

end=$(run end 'G' 'g' 'G' 'g' 'G' 'g' 'G' 'g' 'G' 'g')
printf '%-44s %6d ms  (%s ms per jump)\n' "10 jumps first <-> last row" "$((end - base))" \
	"$(echo "scale=1; ($end - $base) / 10" | bc)"

sr=$(run search '/meunerie<Enter>' 'n' 'n' 'n' 'n' 'n' 'n' 'n' 'n' 'n')
printf '%-44s %6d ms  (%s ms per hit)\n' "full-text search + 9 next hits" "$((sr - base))" \
	"$(echo "scale=1; ($sr - $base) / 10" | bc)"

so=$(run sort 'o' '2' 'o' '5' 'o' '7')
printf '%-44s %6d ms  (%s ms per sort)\n' "sort by name, days, total" "$((so - base))" \
	"$(echo "scale=1; ($so - $base) / 3" | bc)"

fl=$(run filter 'f' 'region=76<Enter>' 'G' 'F')
printf '%-44s %6d ms\n' "filter by region, last row, clear" "$((fl - base))"
rss_max=$(cat "$dir"/*.rss | sort -n | tail -1)
printf '%-44s %6s KiB (start) %s KiB (largest of the runs)\n' "max RSS" "$rss_start" "$rss_max"

# Idle CPU: the interface in a real terminal, polling for changes.
if command -v tmux >/dev/null; then
	T="tmux -L ptce-bench-$$"
	$T new-session -d -s idle -x 200 -y 50 "exec env LANG=C.UTF-8 $PTCE"
	pid=$($T display -p -t idle '#{pane_pid}')
	until $T capture-pane -p -t idle | grep -q "dossiers"; do sleep 0.1; done
	cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
	c0=$(cpu)
	sleep 10
	c1=$(cpu)
	hz=$(getconf CLK_TCK)
	printf '%-44s %6s s of CPU in 10 s idle (%s%%)\n' "idle CPU (polling data_version every 1 s)" \
		"$(echo "scale=2; ($c1 - $c0) / $hz" | bc)" "$(echo "scale=2; ($c1 - $c0) * 100 / $hz / 10" | bc)"
	$T kill-server
fi
