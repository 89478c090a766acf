#!/bin/sh
# blind_sort.sh - sorting the queue by total never orders dossiers by scores
# the person may not see: an instructeur who has not reviewed a blind phase 2
# grid gets the dossiers in number order, a coordinateur by mean total.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/ui.sh"
t_setup
ptce init --demo >/dev/null 2>&1
ptce reviewer add zoe --name "Zoé Nouvelle" --role instructeur >/dev/null

# rows NAME: the dossier numbers of the saved screen, top to bottom.
rows() { sed -n 's/^[ >*]\{1,3\} *\([0-9]\{6,\}\) .*/\1/p' "$T_DIR/$1"; }

ui_run coord 80 24 <<'KEYS'
4
o
7
:save-screen coord.txt
KEYS
printf '4\no\n7\n:save-screen zoe.txt\n' > "$T_DIR/zoe.keys"
(cd "$T_DIR" && LINES=24 COLUMNS=80 PTCE_SCRIPT="$T_DIR/zoe.keys" "$PTCE" --as zoe >/dev/null 2>&1)
t_eq "zoe: exits 0 at the end of the script" "$?" 0

by_total=$(t_sql "select d.ds_number from dossiers d where d.state = 'phase2' order by (select avg(total) from reviews r where r.dossier_id = d.id and r.status = 'submitted' and r.phase = 2) desc, d.id desc" | tr '\n' ' ')
by_id=$(t_sql "select ds_number from dossiers where state = 'phase2' order by id desc" | tr '\n' ' ')
[ "$by_total" != "$by_id" ]; _t_report $? "the demo's phase 2 totals do not follow the numbers (the test can tell)"
t_eq "a coordinateur's queue sorted by total follows the mean totals" "$(rows coord.txt | tr '\n' ' ')" "$by_total"
t_eq "a blind reviewer's queue sorted by total reveals nothing" "$(rows zoe.txt | tr '\n' ' ')" "$by_id"

# Sorted by total, the Total column reads from the highest to the lowest,
# then the dossiers without one: a dossier back in bouquet after phase 2
# shows its phase 2 total and sorts by it (it used to sort among the blanks).
back=$(t_sql "select ds_number from dossiers d where state = 'bouquet' and exists (select 1 from reviews r where r.dossier_id = d.id and r.phase = 2 and r.status = 'submitted') limit 1")
[ -n "$back" ]; _t_report $? "the demo has a dossier back in bouquet after phase 2"
ui_run alltotal 200 50 <<'KEYS'
5
o
7
:save-screen alltotal.txt
KEYS
totals=$(python3 - "$T_DIR/alltotal.txt" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
c = lines[1].index("Total")
for l in lines[2:]:
    if l[:3].strip(" >*") == "" and l[3:4].isdigit():
        # A phase 1 dossier shows its gates (met, block, check): no total.
        v = l[c - 1:c + 6].strip()
        print(v if v[:1].isdigit() else "-")
PY
)
totals=$(printf '%s\n' $totals | tr '\n' ' ')
sorted=$(printf '%s\n' $totals | awk '$1 != "-"' | sort -gr | tr '\n' ' ')$(printf '%s\n' $totals | awk '$1 == "-"' | tr '\n' ' ')
t_eq "sorted by total: highest first, blanks last (as the column shows)" "$totals" "$sorted"
t_contains "  ...$back is among the totals" "$(grep "$back" "$T_DIR/alltotal.txt")" "39.4"
t_done
