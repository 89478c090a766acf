# ds-fixtures.sh - tests/data/ds/make-export.py writes Démarches
# Simplifiées exports as the platform does: checked here by readers that
# are not ours (openpyxl, odfpy, Python's csv and zipfile, unzip, file,
# pdftotext), not by ptce.
. "$(dirname "$0")/../lib.sh"
t_setup
PY=/usr/bin/python3
GEN=$T_TOP/tests/data/ds/make-export.py
O=$T_DIR/ds

t_run "generate the default export (30 dossiers)" 0 $PY "$GEN" "$O" --template-tree
t_run "the same seed writes the same CSV" 0 $PY "$GEN" "$T_DIR/again" --formats csv
t_eq "deterministic" "$(cmp "$O/dossiers.csv" "$T_DIR/again/dossiers.csv" && echo same)" same

# --- xlsx -------------------------------------------------------------------
HEAD_XLSX="ID|Email|FranceConnect ?|Entreprise raison sociale|À archiver|État du dossier|Dernière mise à jour le|Dernière mise à jour du dossier le|Déposé le|Passé en instruction le|Traité le|Motivation de la décision|Instructeurs|Groupe instructeur|Nom du PTCE|Phase sollicitée|Stade de développement du PTCE|Forme juridique de la structure porteuse|Agrément ESUS|Adresse du siège|Région|Région (Code)|Département|Département (Code)|Territoire du PTCE (EPCI)|Territoire du PTCE (EPCI) (Code)|Territoire du PTCE (EPCI) (Département)|Commune du siège|Commune du siège (Code INSEE)|Commune du siège (Département)|Type de territoire|Représentant légal|Personne à contacter|Téléphone|Secteurs d'activité|Thématiques|Besoins d'accompagnement (bouquet de services)|Présentation du projet de coopération|Diagnostic territorial|Gouvernance|Moyens d'animation (ETP)|Indicateurs de suivi|Budget prévisionnel (EUR)|Montant sollicité (EUR)|Cofinancements|Engagement sur l'honneur|Statuts|Avis de situation SIRENE|Derniers comptes approuvés|Charte de coopération|Lettres d'engagement des partenaires|Avis de l'instructeur|Points de vigilance|Visite sur place effectuée"
# One reader run for the xlsx checks: it prints "key: value" lines.
XLSX=$($PY - "$O/dossiers.xlsx" "$O/dossiers-sharedstrings.xlsx" <<'EOF'
import collections, sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print("sheets:", "|".join(wb.sheetnames))
for k, ws in enumerate(wb.worksheets):
    print("header%d:" % k, "|".join(str(c.value) for c in ws[1]))
shared = openpyxl.load_workbook(sys.argv[2])
print("shared-same:", all(list(x.values) == list(y.values) for x, y in zip(wb.worksheets, shared.worksheets)))
ws = wb["Dossiers"]
h = [c.value for c in ws[1]]
r = dict(zip(h, ws[2]))
print("types:", r["ID"].data_type, r["Déposé le"].is_date, r["Déposé le"].number_format,
      r["Budget prévisionnel (EUR)"].data_type, r["FranceConnect ?"].value in ("true", "false"))
rows = list(ws.values)[1:]
col = lambda k: [x[h.index(k)] for x in rows]
ok = [{"on", "off"} <= set(col("Engagement sur l'honneur")),
      {"Oui", "Non"} <= set(col("Agrément ESUS")),
      {"true", "false"} <= set(col("À archiver")),
      0 in col("Moyens d'animation (ETP)") and 95000.0 in col("Montant sollicité (EUR)"),
      any(v and ", " in v for v in col("Thématiques")),
      any(v and ", " in v for v in col("Lettres d'engagement des partenaires")),
      all(" – " in v for v in col("Commune du siège (Département)")),
      set(col("État du dossier")) == {"En construction", "En instruction", "Accepté", "Refusé", "Classé sans suite"},
      any(v and "\n" in v for v in col("Présentation du projet de coopération"))]
print("forms:", ok.count(True), len(ok))
bad = 0
for x in rows:
    g = dict(zip(h, x))
    if g["Passé en instruction le"] and not g["Déposé le"] < g["Passé en instruction le"]:
        bad += 1
    if g["Traité le"] and not g["Passé en instruction le"] < g["Traité le"]:
        bad += 1
    if g["État du dossier"] in ("Refusé", "Classé sans suite") and not g["Motivation de la décision"]:
        bad += 1
print("order:", bad)
ids = {x[0] for x in rows}
m = collections.Counter(x[0] for x in list(wb.worksheets[3].values)[1:])
print("members:", set(m) == ids, min(m.values()) >= 3, max(m.values()) <= 8)
EOF
)
xl() { echo "$XLSX" | sed -n "s/^$1: //p"; }
t_eq "xlsx: sheets, as the platform names them" "$(xl sheets)" \
	"Dossiers|Etablissements|Avis|(4122178) Membres du PTCE"
t_eq "xlsx: the Dossiers header row" "$(xl header0)" "$HEAD_XLSX"
t_contains "xlsx: the Etablissements header row" "$(xl header1)" \
	"Dossier ID|Champ|Établissement SIRET|Etablissement enseigne|Établissement siège social|"
t_eq "xlsx: the Avis header row" "$(xl header2)" \
	"Dossier ID|Introduction|Réponse|Question|Réponse oui/non|Créé le|Répondu le|Instructeur|Expert"
t_eq "xlsx: the members header row" "$(xl header3)" \
	"Dossier ID|Ligne|Nom du membre|SIRET du membre|Catégorie|Rôle dans le PTCE|Forme de l'engagement"
t_eq "xlsx, shared strings variant: the same cells" "$(xl shared-same)" True
t_contains "xlsx: strings inline, as caxlsx writes them" "$(unzip -p "$O/dossiers.xlsx" xl/worksheets/sheet1.xml | head -c 3000)" 't="inlineStr"'
t_contains "xlsx variant: a shared string table" "$(unzip -l "$O/dossiers-sharedstrings.xlsx")" "xl/sharedStrings.xml"
t_eq "xlsx: cell types (ID text, times as dates, numbers, booleans as text)" "$(xl types)" \
	"s True yyyy-mm-dd h:mm AM/PM n True"
t_eq "xlsx: every value form of FORM.md is present" "$(xl forms)" "9 9"
t_eq "xlsx: dates in order, a motivation on every refusal" "$(xl order)" 0
t_eq "xlsx: every member row names a dossier of the Dossiers sheet, 3 to 8 each" "$(xl members)" "True True True"

# --- ods --------------------------------------------------------------------
ODS='import sys
from odf.opendocument import load
from odf.table import Table, TableRow
from odf import teletype
doc = load(sys.argv[1])
for t in doc.spreadsheet.getElementsByType(Table):
    row = t.getElementsByType(TableRow)[int(sys.argv[2])]
    cells = [teletype.extractText(c) for c in row.childNodes]
    print(t.getAttribute("name") + ": " + "|".join(cells[:6]))'
ODS_HEADERS=$($PY -c "$ODS" "$O/dossiers.ods" 0)
t_contains "ods: sheets and headers read back by odfpy" "$ODS_HEADERS" \
	"Dossiers: ID|Email|FranceConnect ?|Entreprise raison sociale|À archiver|État du dossier"
t_contains "ods: the members sheet" "$ODS_HEADERS" \
	"(4122178) Membres du PTCE: Dossier ID|Ligne|Nom du membre"
t_contains "ods: times are text, as rodf writes them" "$(unzip -p "$O/dossiers.ods" content.xml | head -c 20000)" \
	'office:value-type="string" table:style-name="row_style"><text:p>2025-'
t_contains "ods: numbers are floats" "$(unzip -p "$O/dossiers.ods" content.xml)" 'office:value-type="float" office:value="'
t_not_contains "ods: no mimetype entry (rodf writes none)" "$(unzip -l "$O/dossiers.ods")" mimetype
t_contains "ods re-saved: repeated empty cells" "$(unzip -p "$O/dossiers-resaved.ods" content.xml)" 'table:number-columns-repeated="'

# --- csv --------------------------------------------------------------------
t_eq "csv: one width, 31 établissement columns, no members" \
	"$($PY -c 'import csv,sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
h = rows[0]
print(len(rows) - 1, len({len(r) for r in rows}), sum(1 for x in h if x.startswith(("Établissement ", "Entreprise ", "Association "))), "Nom du membre" in h)' "$O/dossiers.csv")" \
	"30 1 31 False"
t_contains "csv: a timestamp as the platform prints it" "$(cat "$O/dossiers.csv")" " +0200,"
t_eq "csv: UTF-8 without BOM, LF" \
	"$($PY -c 'import sys; b = open(sys.argv[1], "rb").read(); b.decode("utf-8"); print(b[:3] != b"\xef\xbb\xbf", b.split(b"\n")[0].endswith(b"r") or not b.split(b"\n")[0].endswith(b"\r"))' "$O/dossiers.csv")" "True True"
t_eq "excel-fr csv: Windows-1252, ';', CRLF, the same cells" \
	"$($PY -c 'import csv,sys
a = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
raw = open(sys.argv[2], "rb").read()
b = list(csv.reader(open(sys.argv[2], newline="", encoding="cp1252"), delimiter=";"))
try:
    raw.decode("utf-8"); utf8 = True
except UnicodeDecodeError:
    utf8 = False
norm = lambda rows: [[c.replace("\r\n", "\n") for c in r] for r in rows]
print(utf8, raw.split(b"\n")[0].endswith(b"\r"), norm(a) == b)' "$O/dossiers.csv" "$O/dossiers-excel-fr.csv")" \
	"False True True"
t_contains "file(1) sees the Windows text" "$(file "$O/dossiers-excel-fr.csv")" "CRLF"

# --- zip --------------------------------------------------------------------
LIST=$(unzip -Z1 "$O/export.zip")
t_contains "zip: the tree starts at export/" "$(echo "$LIST" | head -1)" "export/"
t_contains "zip: a dossier's PDF summary, timestamped" "$LIST" "/export-21345018-"
t_eq "zip: pièces named <base>-<dd-mm-YYYY-HH-MM>-<n>.<ext>" \
	"$(echo "$LIST" | grep '/pieces_justificatives/.' | grep -cvE '^export/dossier-[0-9]+/pieces_justificatives/.+-[0-3][0-9]-[01][0-9]-20[0-9][0-9]-[0-2][0-9]-[0-5][0-9]-[0-9]{1,4}\.(pdf|png|txt)$')" 0
t_contains "zip: expert opinions' files under avis/" "$LIST" "/avis/"
t_contains "zip: messages' files under messagerie/" "$LIST" "/messagerie/"
t_eq "zip: every entry stored (zip -0)" \
	"$($PY -c 'import zipfile,sys; print({i.compress_type for i in zipfile.ZipFile(sys.argv[1]).infolist()})' "$O/export.zip")" "{0}"
t_contains "template zip: export/dossier-<ID>/<label>-<ID>-01.<ext>" "$(unzip -Z1 "$O/export-template.zip")" \
	"export/dossier-21345018/statuts-21345018-01.pdf"
P1=$(awk -F'\t' 'NR > 1 && $3 == "pieces_justificatives" && $4 ~ /\.pdf$/ { print $1 "\t" $6; exit }' "$O/export-manifest.tsv")
unzip -p "$O/export.zip" "${P1%%	*}" >"$T_DIR/piece.pdf"
t_eq "zip: the piece is a PDF" "$(head -c 5 "$T_DIR/piece.pdf")" "%PDF-"
t_contains "pdftotext reads its sentence" "$(pdftotext "$T_DIR/piece.pdf" -)" "${P1##* }"
t_eq "zip: a PNG piece is a PNG" \
	"$(unzip -p "$O/export.zip" "$(echo "$LIST" | grep '\.png$' | head -1)" | head -c 8 | od -An -c | tr -d ' ')" '211PNG\r\n032\n'

# --- hostile archives -----------------------------------------------------
H=$O/hostile
t_contains "dotdot.zip holds a .. name" "$(unzip -Z1 "$H/dotdot.zip")" "dossier-1/../../evil.txt"
t_contains "absolute.zip holds an absolute name" "$(unzip -Z1 "$H/absolute.zip")" "/tmp/evil.txt"
t_contains "backslash.zip holds a backslash name" "$($PY -c 'import zipfile,sys; print(zipfile.ZipFile(sys.argv[1]).namelist())' "$H/backslash.zip")" 'dossier-1\\..\\evil'
t_eq "dupes.zip holds one name twice" "$(unzip -Z1 "$H/dupes.zip" | sort | uniq -d | wc -l)" 1
t_eq "bomb.zip declares 200 MiB, takes under 1 MB" \
	"$($PY -c 'import zipfile,sys,os; i = zipfile.ZipFile(sys.argv[1]).infolist()[0]; print(i.file_size, os.path.getsize(sys.argv[1]) < 1000000)' "$H/bomb.zip")" "209715200 True"
t_eq "bomb-lying.zip declares 1 KiB" \
	"$($PY -c 'import zipfile,sys; print(zipfile.ZipFile(sys.argv[1]).infolist()[0].file_size)' "$H/bomb-lying.zip")" 1024
t_eq "big.zip declares more than 2 GB" \
	"$($PY -c 'import zipfile,sys; print(zipfile.ZipFile(sys.argv[1]).infolist()[0].file_size > 2**31)' "$H/big.zip")" True
t_run "notzip.zip is not a zip" 1 $PY -c 'import zipfile,sys; sys.exit(1 if not zipfile.is_zipfile(sys.argv[1]) else 0)' "$H/notzip.zip"

# --- options ----------------------------------------------------------------
t_run "--old-archive-header" 0 $PY "$GEN" "$T_DIR/old" --n 3 --old-archive-header --formats csv
t_contains "old exports say Archivé" "$(head -1 "$T_DIR/old/dossiers.csv")" ",Archivé,État du dossier,"
t_run "--broken bad-siret" 0 $PY "$GEN" "$T_DIR/b1" --n 5 --broken bad-siret --formats xlsx,csv
t_contains "the broken place is printed (xlsx)" "$T_OUT" "bad-siret	dossiers.xlsx	Etablissements	"
BAD=$(echo "$T_OUT" | awk -F'\t' '$2 == "dossiers.xlsx" { print $4 " " $5 }')
t_eq "the printed xlsx cell holds a SIRET failing the Luhn check" \
	"$($PY -c 'import openpyxl,sys
sys.path.insert(0, sys.argv[3]); from dsdata import luhn_ok
row, col = sys.argv[2].split()
v = openpyxl.load_workbook(sys.argv[1])["Etablissements"][col + row].value
print(len(v), luhn_ok(v))' "$T_DIR/b1/dossiers.xlsx" "$BAD" "$T_TOP/tests/data/ds")" "14 False"
LINE=$(echo "$T_OUT" | awk -F'\t' '$2 == "dossiers.csv" { print $4 }')
t_contains "the printed CSV line starts the broken record" "$(sed -n "${LINE}p" "$T_DIR/b1/dossiers.csv")" \
	"$(echo "$T_OUT" | awk -F'\t' '$2 == "dossiers.csv" { print $9 }' | tr -d "'")"
t_run "--broken member-orphan" 0 $PY "$GEN" "$T_DIR/b2" --n 4 --broken member-orphan --formats xlsx
t_contains "the orphan row is printed" "$T_OUT" "member-orphan	dossiers.xlsx	(4122178) Membres du PTCE	"
t_run "an unknown --broken kind is refused" 2 $PY "$GEN" "$T_DIR/b3" --broken nope
t_done
