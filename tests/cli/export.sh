# export.sh - ptce export: CSV read back by a real CSV reader, the Excel
# variant (BOM, ';', CRLF), JSON checked by a JSON parser, filters, roles.
. "$(dirname "$0")/../lib.sh"
t_setup
EX=$T_TOP/share/examples
ME=$(id -un)
PY=/usr/bin/python3

t_run "init" 0 ptce init
t_run "the operator is admin and coordinateur" 0 ptce reviewer set-role "$ME" admin,coordinateur
t_run "import the example" 0 ptce import "$EX/dossiers.csv" --members "$EX/membres.csv"
# A value with quotes, separators, a backslash and an escape sequence.
printf 'ID,Entreprise raison sociale,Établissement SIRET,Région,Département,Nom du PTCE,Présentation du projet de coopération\n5001,"Asso ""Guillemets""; virgule, \\ barre",90000036900018,Bretagne,35,PTCE \033[31mRouge\033[0m,"ligne 1\nligne 2"\n' >"$T_DIR/tricky.csv"
t_run "import a tricky dossier" 0 ptce import "$T_DIR/tricky.csv"
printf 'ID,Entreprise raison sociale,Établissement SIRET,Région,Département,Nom du PTCE,Téléphone\n5002,"=HYPERLINK(""http://example.org"")",90000044400019,Bretagne,35,@SUM(1),+33 2 00 00 00 00\n' >"$T_DIR/formula.csv"
t_run "import a dossier with formula-like text" 0 ptce import "$T_DIR/formula.csv"
# 1042 is "En construction" on the platform: the import put it in phase1.

# --- CSV ------------------------------------------------------------------
t_run "export csv" 0 ptce export --output "$T_DIR/out.csv"
t_eq "csv: header + 5 records, all of one width, read by a CSV reader" \
	"$($PY -c 'import csv,sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
print(len(rows), len(set(len(r) for r in rows)), rows[0][0], rows[0][1], rows[0][3])' "$T_DIR/out.csv")" \
	"7 1 ds_number state days_in_state"
t_eq "csv: values round trip (quotes, separators, newline)" \
	"$($PY -c 'import csv,sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
r = [r for r in rows if r["ds_number"] == "5001"][0]
print(r["lead_name"] + "|" + r["description"].replace("\n", "/") + "|" + r["ptce_name"])' "$T_DIR/out.csv")" \
	'Asso "Guillemets"; virgule, \ barre|ligne 1/ligne 2|PTCE Rouge'
ESC=$(printf '\033')
t_not_contains "csv: no escape character" "$(cat "$T_DIR/out.csv")" "$ESC"
t_eq "csv: state and fields of 1042" \
	"$($PY -c 'import csv,sys
r = [r for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")) if r["ds_number"] == "1042"][0]
print(r["state"], r["region_code"], r["stage"], r["amount_requested_eur"], int(r["days_in_state"]) > 600)' "$T_DIR/out.csv")" \
	"phase1 44 emergent 95000 True"
t_run "export to standard output" 0 ptce export
t_eq "stdout and --output agree" "$T_OUT" "$(cat "$T_DIR/out.csv")"
t_eq "csv keeps formula-like text as it is" \
	"$($PY -c 'import csv,sys
r = [r for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")) if r["ds_number"] == "5002"][0]
print(r["lead_name"], r["ptce_name"], r["contact_phone"])' "$T_DIR/out.csv")" \
	'=HYPERLINK("http://example.org") @SUM(1) +33 2 00 00 00 00'

# --- Excel ----------------------------------------------------------------
t_run "export --excel" 0 ptce export --excel --output "$T_DIR/excel.csv"
t_eq "excel: starts with the UTF-8 BOM" "$(od -An -tx1 -N3 "$T_DIR/excel.csv" | tr -d ' ')" "efbbbf"
t_eq "excel: semicolons and CRLF, read back" \
	"$($PY -c 'import csv,io,sys
data = open(sys.argv[1], "rb").read()
rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
print(len(rows), len(rows[0]), data.count(b"\r\n") >= 6, rows[0][0])' "$T_DIR/excel.csv")" \
	"7 35 True ds_number"

t_eq "excel: formula-like cells are defused, numbers are not" \
	"$($PY -c 'import csv,io,sys
text = open(sys.argv[1], "rb").read().decode("utf-8-sig")
r = [r for r in csv.DictReader(io.StringIO(text, newline=""), delimiter=";") if r["ds_number"] == "5002"][0]
print(r["lead_name"], r["ptce_name"], r["contact_phone"], r["days_in_state"])' "$T_DIR/excel.csv")" \
	"'=HYPERLINK(\"http://example.org\") '@SUM(1) '+33 2 00 00 00 00 0"

# --- JSON -----------------------------------------------------------------
t_run "export json" 0 ptce export --format json --output "$T_DIR/out.json"
t_run "json is valid" 0 $PY -m json.tool "$T_DIR/out.json"
t_eq "json: values, types, members, documents" \
	"$($PY -c 'import json,sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
a = [x for x in d if x["ds_number"] == "1042"][0]
t = [x for x in d if x["ds_number"] == "5001"][0]
print(len(d), a["state"], a["amount_requested_eur"], a["lead_esus"], a["staff_fte"], len(a["members"]),
      a["members"][0]["category"], len(a["documents"]), a["cofunding"].count("\n"), t["lead_name"], t["contact_email"])' \
	"$T_DIR/out.json")" \
	'6 phase1 95000 True 1.5 2 ess 4 0 Asso "Guillemets"; virgule, \ barre None'
t_not_contains "json: no escape character" "$(cat "$T_DIR/out.json")" "$ESC"

# --- filters --------------------------------------------------------------
t_run "export --state phase1" 0 ptce export --state phase1
t_eq "only the dossier in phase1" "$(printf '%s\n' "$T_OUT" | $PY -c 'import csv,sys
print([r["ds_number"] for r in csv.DictReader(sys.stdin)])')" "['1042', '1043']"
t_run "export --region 53 --format json" 0 ptce export --region 53 --format json
t_eq "only the Bretagne dossiers" "$(printf '%s\n' "$T_OUT" | $PY -c 'import json,sys
print([r["ds_number"] for r in json.load(sys.stdin)])')" "['5001', '5002']"
t_run "export --state funded (none)" 0 ptce export --state funded --format json
t_eq "an empty json list" "$(printf '%s\n' "$T_OUT" | $PY -c 'import json,sys; print(json.load(sys.stdin))')" "[]"

# --- errors and roles -----------------------------------------------------
t_run "unknown format" 2 ptce export --format xml
t_contains "unknown format named" "$T_ERR" "xml"
t_run "--excel with json" 2 ptce export --excel --format json
t_run "unknown state" 2 ptce export --state nowhere
t_run "unknown region" 2 ptce export --region 99
t_run "an unwritable output" 6 ptce export --output "$T_DIR/no/such/dir/x.csv"
t_eq "no temporary file left" "$(ls "$T_DIR" | grep -c tmp)" 0
t_run "add an expert" 0 ptce reviewer add eve --name "Eve Expert" --role expert
t_run "an expert may not export" 1 ptce --as eve export
t_contains "the refusal explains experts" "$T_ERR" "expert"
t_run "add a lecteur" 0 ptce reviewer add leo --name "Léo Lecteur" --role lecteur
t_run "a lecteur may export" 0 ptce --as leo export --format json
t_run "help" 0 ptce export --help
t_contains "help names --excel" "$T_OUT" "--excel"

t_done
