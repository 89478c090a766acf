#!/bin/sh
# ds-import.sh - the issue's "done when", end to end, on exports made the way
# the platform makes them (tests/data/ds/make-export.py, with Debian's
# openpyxl and odfpy as the writers): the xlsx with its members and Avis
# sheets imports with the shipped mapping (states and dates into history,
# members, opinions, annotations, instructeurs assigned); the zip's pièces
# open as text, in the command line and in the interface; every other format
# of the same dossiers re-imports as "unchanged"; a broken row is refused
# with its sheet and row and nothing is imported; hostile archives are
# refused and write nothing.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../ui/lib/ui.sh"
t_setup
PY=/usr/bin/python3
GEN=$T_TOP/tests/data/ds/make-export.py
if ! $PY -c 'import openpyxl, odf' 2>/dev/null; then
	t_skip "python3-openpyxl and python3-odf are needed to write the exports"
	t_done
fi
OUT=$T_DIR/export
$PY "$GEN" "$OUT" --n 30 --seed 7 >/dev/null || { t_eq "the generator runs" 1 0; t_done; }

ptce init >/dev/null 2>&1
ptce reviewer add cmartin --name "Camille Martin" --email Camille.Martin@dreets.gouv.fr --role instructeur >/dev/null
ptce reviewer add jbernard --name "Julien Bernard" --email julien.bernard@dreets.gouv.fr \
	--role instructeur,expert >/dev/null

# What the workbook holds, read by openpyxl (not by ptce).
$PY - "$OUT/dossiers.xlsx" >"$T_DIR/expect" <<'PYEOF'
import sys, datetime, zoneinfo, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
ws = wb["Dossiers"]
rows = list(ws.iter_rows(values_only=True))
h = list(rows[0]); d = [r for r in rows[1:] if r and r[0]]
col = lambda name: h.index(name)
states = {"En construction": "phase1", "En instruction": "phase1", "Accepté": "bouquet",
          "Refusé": "rejected", "Classé sans suite": "withdrawn"}
from collections import Counter
c = Counter(states[r[col("État du dossier")]] for r in d)
print("states", " ".join("%s=%d" % kv for kv in sorted(c.items())))
block = [s for s in wb.sheetnames if s.endswith("Membres du PTCE")][0]
print("members", sum(1 for r in list(wb[block].iter_rows(values_only=True))[1:] if r and r[0]))
print("avis", sum(1 for r in list(wb["Avis"].iter_rows(values_only=True))[1:] if r and r[0]))
ann = ["Avis de l'instructeur", "Points de vigilance", "Visite sur place effectuée"]
print("notes", sum(1 for r in d for a in ann if r[col(a)] not in (None, "")))
paris = zoneinfo.ZoneInfo("Europe/Paris")
for r in d:
    t = r[col("Passé en instruction le")]
    if isinstance(t, datetime.datetime):
        u = t.replace(tzinfo=paris).astimezone(datetime.timezone.utc)
        print("instr", r[0], u.strftime("%Y-%m-%dT%H:%M:%SZ"))
        break
print("assigned", sum(1 for r in d for m in (r[col("Instructeurs")] or "").split()
                      if m.lower() in ("camille.martin@dreets.gouv.fr", "julien.bernard@dreets.gouv.fr")))
PYEOF
exp() { sed -n "s/^$1 //p" "$T_DIR/expect"; }

t_run "the platform's xlsx imports with the shipped mapping" 0 ptce import "$OUT/dossiers.xlsx"
t_contains "  ...30 dossiers created" "$T_OUT" "30 created, 0 updated, 0 unchanged"
t_eq "  ...each in the state its platform state maps to" \
	"$(t_sql "select group_concat(state || '=' || n, ' ') from (select state, count(*) n from dossiers group by state order by state)")" \
	"$(exp states)"
t_eq "  ...the members of the repeated block's sheet" "$(t_sql 'select count(*) from members')" "$(exp members)"
t_eq "  ...the Avis sheet as opinions" "$(t_sql 'select count(*) from opinions')" "$(exp avis)"
t_eq "  ...outside experts kept by address" \
	"$(t_sql "select count(*) from opinions where expert is null and expert_email like '%@%'") -gt 0" \
	"$(t_sql "select count(*) from opinions where expert is null and expert_email like '%@%'") -gt 0"
t_eq "  ...annotations privées as notes" "$(t_sql "select count(*) from notes where source = 'ds'")" "$(exp notes)"
t_eq "  ...instructeurs assigned by e-mail (case aside)" "$(t_sql 'select count(*) from assignments')" "$(exp assigned)"
set -- $(exp instr)
t_eq "  ...'Passé en instruction le' in history at its UTC time" \
	"$(t_sql "select h.at from history h join dossiers d on d.id = h.dossier_id where d.ds_number = '$1' and h.to_state = 'phase1'")" "$2"
t_contains "  ...the unmatched addresses are listed" "$T_OUT" "anne.girard@laregion.fr"
t_eq "  ...no account invented" "$(t_sql 'select count(*) from reviewers')" 3

t_run "the zip export imports" 0 ptce import "$OUT/export.zip"
t_contains "  ...its pièces stored" "$T_OUT" "pièces added"
t_eq "  ...every pièce with its content and checksum" \
	"$(t_sql 'select count(*) = count(sha256) and count(*) > 0 from documents')" 1
set -- $(sed -n '2p' "$OUT/export-manifest.tsv" | cut -f2)
num=$1
sentence=$(awk -F'\t' -v n="$num" '$2 == n && $3 == "pieces_justificatives" && $4 ~ /pdf$/ { print $6; exit }' "$OUT/export-manifest.tsv")
tag=${sentence##* }
file=$(awk -F'\t' -v n="$num" '$2 == n && $3 == "pieces_justificatives" && $4 ~ /pdf$/ { print $1; exit }' "$OUT/export-manifest.tsv")
nth=$(ptce doc list "$num" | awk -v f="${file##*/}" 'index($0, f) { print $1; exit }')
t_run "  ...a PDF pièce shows as text" 0 ptce doc show "$num" "$nth"
t_contains "  ...with the sentence the platform's file holds" "$T_OUT" "$tag"

ui_run piece 100 30 <<KEYS
/$num<Enter>
<Enter>
<Enter>
}
<Enter>
:save-screen zp
KEYS
t_contains "the interface shows a pièce of the zip as text" "$(cat "$T_DIR/zp")" "PTCE-FIXTURE-$num"

hist=$(t_sql 'select count(*) from history')
for f in dossiers.xlsx dossiers-sharedstrings.xlsx dossiers.ods dossiers-resaved.ods dossiers.csv dossiers-excel-fr.csv; do
	t_run "re-import $f" 0 ptce import "$OUT/$f"
	t_contains "  ...nothing changes" "$T_OUT" "0 created, 0 updated, 30 unchanged"
done
# The workbooks' rows and shared strings all through the temporary file
# (io/spill.h: PTCE_SPILL_MEM bytes in memory, 0 here), as an import of
# 100 000 dossiers reads them: the same dossiers. A CSV's rows too: its
# first reading keeps them there for the second, which does not parse the
# file again.
for f in dossiers.xlsx dossiers-sharedstrings.xlsx dossiers.ods dossiers.csv dossiers-excel-fr.csv; do
	PTCE_SPILL_MEM=0 t_run "re-import $f, its rows kept on disk" 0 ptce import "$OUT/$f"
	t_contains "  ...nothing changes" "$T_OUT" "0 created, 0 updated, 30 unchanged"
done
mkdir -p "$T_DIR/notmp"
chmod 500 "$T_DIR/notmp"
if [ "$(id -u)" = 0 ]; then rmdir "$T_DIR/notmp"; fi	# root writes anywhere: a missing folder
PTCE_SPILL_MEM=0 TMPDIR=$T_DIR/notmp t_run "no temporary file can be made: refused" 6 ptce import "$OUT/dossiers-sharedstrings.xlsx"
t_contains "  ...naming the part and the string" "$T_ERR" 'part "xl/sharedStrings.xml", shared string 1: cannot make a temporary file'
PTCE_SPILL_MEM=0 TMPDIR=$T_DIR/notmp t_run "  ...nor for a sheet's rows" 6 ptce import "$OUT/dossiers.xlsx"
t_contains "  ...naming the sheet and the row" "$T_ERR" 'sheet "Dossiers", row 2: cannot make a temporary file'
PTCE_SPILL_MEM=0 TMPDIR=$T_DIR/notmp t_run "a CSV with no temporary file: read twice from the file instead" 0 ptce import "$OUT/dossiers.csv"
t_contains "  ...nothing changes" "$T_OUT" "0 created, 0 updated, 30 unchanged"
[ -d "$T_DIR/notmp" ] && chmod 700 "$T_DIR/notmp"
cp "$OUT/dossiers.ods" "$T_DIR/telechargement"
cp "$OUT/dossiers.xlsx" "$T_DIR/mislabelled.csv"
for f in telechargement mislabelled.csv; do
	t_run "recognised by content: $f" 0 ptce import "$T_DIR/$f"
	t_contains "  ...nothing changes" "$T_OUT" "0 created, 0 updated, 30 unchanged"
done
t_run "re-import the zip" 0 ptce import "$OUT/export.zip"
t_contains "  ...nothing added" "$T_OUT" "0 pièces added, 0 filled in"
t_eq "the history did not grow" "$(t_sql 'select count(*) from history')" "$hist"
t_eq "the pièces survived the re-imports" "$(t_sql 'select count(*) = count(sha256) from documents')" 1
t_run "no drift after importing the same export" 0 ptce import --report-drift "$OUT/dossiers.xlsx"

# A broken row: refused with its sheet, row and column; nothing imported.
for kind in bad-siret bad-member-siret bad-region member-orphan bad-date bad-state; do
	rm -rf "$T_DIR/b" "$T_DIR/b.db"
	$PY "$GEN" "$T_DIR/b" --n 12 --seed 3 --formats xlsx --broken "$kind" >"$T_DIR/where" 2>/dev/null
	PTCE_DB=$T_DIR/b.db ptce init >/dev/null 2>&1
	PTCE_DB=$T_DIR/b.db t_run "$kind: refused" 1 ptce import "$T_DIR/b/dossiers.xlsx"
	# The generator names each cell it broke (a member's SIRET is in two
	# sheets): the message names one of them, with its sheet, row and column.
	found=no
	while IFS='	' read -r k file sheet row letter colno header num value; do
		case "$T_ERR" in *"sheet $sheet, row $row, column "*) found=yes ;; esac
	done <"$T_DIR/where"
	t_eq "  ...naming the sheet, row and column ($(cut -f3-5 "$T_DIR/where" | head -1))" "$found" yes
	t_eq "  ...nothing imported" "$(sqlite3 "$T_DIR/b.db" 'select count(*) from dossiers')" 0
done

# Hostile archives: refused, the database unchanged, nothing written outside.
# The archives name dossier 1: make it exist, so that its entries are read.
printf 'ID,Établissement SIRET,Entreprise raison sociale,État du dossier,Déposé le,Région,Département (Code),Nom du PTCE\n1,90000014000005,Association Un,En construction,2025-03-01 10:00:00 +0100,Grand Est,67,PTCE Un\n' >"$T_DIR/one.csv"
t_run "dossier 1 for the hostile archives" 0 ptce import "$T_DIR/one.csv"
docs=$(t_sql 'select count(*) from documents')
mkdir -p "$T_DIR/cwd"
for z in dotdot absolute backslash dupes bomb bomb-lying big notzip control symlink; do
	[ -f "$OUT/hostile/$z.zip" ] || continue
	(cd "$T_DIR/cwd" && "$PTCE" import "$OUT/hostile/$z.zip" >"$T_DIR/out" 2>"$T_DIR/err")
	rc=$?
	t_eq "hostile $z.zip: refused" "$([ $rc -ne 0 ] && echo refused || echo "accepted ($rc)")" refused
	t_eq "  ...nothing stored" "$(t_sql 'select count(*) from documents')" "$docs"
done
t_eq "nothing written outside the database" "$(find "$T_DIR/cwd" /tmp/evil.txt "$T_DIR/evil.txt" -newer "$T_DIR/expect" 2>/dev/null | grep -v "^$T_DIR/cwd\$" | wc -l)" 0
t_done
