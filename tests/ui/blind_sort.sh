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
t_done
