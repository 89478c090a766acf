# import.sh - ptce import: a clean import, re-import keeping states and
# history, refused files (nothing saved), mappings, --dry-run, Excel files.
. "$(dirname "$0")/../lib.sh"
t_setup
D=$T_TOP/tests/data/import
EX=$T_TOP/share/examples
ME=$(id -un)

t_run "init" 0 ptce init
t_run "the operator is admin and coordinateur" 0 ptce reviewer set-role "$ME" admin,coordinateur

# --- a clean import -------------------------------------------------------
t_run "import the example export with members" 0 \
	ptce import "$EX/dossiers.csv" --members "$EX/membres.csv"
t_contains "summary counts the new dossiers" "$T_OUT" "4 created, 0 updated, 0 unchanged"
t_eq "4 dossiers" "$(t_sql 'select count(*) from dossiers')" 4
t_eq "14 members" "$(t_sql 'select count(*) from members')" 14
t_eq "15 documents (one per non-empty piece cell)" "$(t_sql 'select count(*) from documents')" 15
t_eq "each new dossier is submitted with a create entry" \
	"$(t_sql "select count(*) from dossiers d join history h on h.dossier_id = d.id
		  where d.state = 'submitted' and h.kind = 'create'")" 4
t_eq "choices translated, region name and département to codes" \
	"$(t_sql "select stage, territory_type, phase_applied, region_code, departement_code, lead_esus
		  from dossiers where ds_number = '1042'")" "emergent|rural|P1|44|88|1"
t_eq "new dossiers go to the current campaign" \
	"$(t_sql "select count(*) from dossiers where campaign_id = (select id from campaigns where is_current = 1)")" 4
t_eq "DS date with time and offset becomes a date" \
	"$(t_sql "select deposited_at from dossiers where ds_number = '1042'")" "2025-03-12"
t_eq "French date dd/mm/yyyy becomes ISO" \
	"$(t_sql "select deposited_at from dossiers where ds_number = '1044'")" "2025-04-02"
t_eq "QPV and phases 1+2 translated" \
	"$(t_sql "select group_concat(ds_number || ':' || territory_type || ':' || phase_applied, ' ')
		  from dossiers where ds_number in ('1043', '1044')")" "1043:rural:P1+P2 1044:qpv:P1"
t_eq "multiple choice list translated" \
	"$(t_sql "select bouquet_needs from dossiers where ds_number = '1043'")" \
	"ingenierie,modele-economique,recherche"
t_eq "numbers cleaned: '180 000', '1,5'" \
	"$(t_sql "select budget_eur, amount_requested_eur, staff_fte from dossiers where ds_number = '1042'")" \
	"180000|95000|1.5"
t_eq "a newline inside a quoted cell is kept" \
	"$(t_sql "select instr(description, char(10)) > 0 from dossiers where ds_number = '1042'")" 1
t_eq "member category and commitment translated" \
	"$(t_sql "select category || '/' || commitment from members m join dossiers d on d.id = m.dossier_id
		  where d.ds_number = '1042' order by m.position limit 1")" "ess/instance"
t_eq "documents carry their kind and the deposit date" \
	"$(t_sql "select kind || ':' || title || ':' || received_on from documents o join dossiers d on d.id = o.dossier_id
		  where d.ds_number = '1044'")" "statuts:statuts-qec.pdf:2025-04-02"
t_run "list shows the imported dossiers" 0 ptce list
t_contains "list names a PTCE" "$T_OUT" "Quartiers en Commun"
t_contains "list shows the platform number" "$T_OUT" "1045"
t_run "show shows an imported dossier" 0 ptce show 1042
t_contains "show has the PTCE name" "$T_OUT" "PTCE Vallée des Tisserands"
t_contains "show has the lead structure's SIRET" "$T_OUT" "90000012300019"

# --- re-import ------------------------------------------------------------
t_run "re-importing the same files changes nothing" 0 \
	ptce import "$EX/dossiers.csv" --members "$EX/membres.csv" --verbose
t_contains "all unchanged" "$T_OUT" "0 created, 0 updated, 4 unchanged"
t_contains "verbose names each dossier" "$T_OUT" "dossier 1043: unchanged"
t_contains "verbose lists the columns the mapping ignores" "$T_OUT" \
	"columns not in the mapping (ignored): France connect ?, Entreprise raison sociale, Archivé,"
t_run "open instruction of 1042" 0 ptce move 1042 phase1 --reason "instruction ouverte"
H_BEFORE=$(t_sql "select count(*) from history")
sed 's/PTCE Vallée des Tisserands/PTCE Vallée des Tisserandes/' "$EX/dossiers.csv" >"$T_DIR/renamed.csv"
t_run "re-import a changed field" 0 ptce import "$T_DIR/renamed.csv" --verbose
t_contains "one updated" "$T_OUT" "0 created, 1 updated, 3 unchanged"
t_contains "the changed field is named" "$T_OUT" "dossier 1042: updated (ptce_name)"
t_eq "the new value is stored" "$(t_sql "select ptce_name from dossiers where ds_number = '1042'")" \
	"PTCE Vallée des Tisserandes"
t_eq "the state is kept" "$(t_sql "select state from dossiers where ds_number = '1042'")" "phase1"
t_eq "history only grows by one update entry" "$(t_sql "select count(*) from history")" $((H_BEFORE + 1))
t_eq "the update entry names the field" \
	"$(t_sql "select kind || ':' || detail from history order by id desc limit 1")" "update:ptce_name"
t_eq "the move is still in history" "$(t_sql "select count(*) from history where to_state = 'phase1'")" 1
t_eq "members untouched without --members" "$(t_sql 'select count(*) from members')" 14

# --- dry run --------------------------------------------------------------
sed 's/PTCE Vallée des Tisserandes/PTCE Vallée en essai/' "$T_DIR/renamed.csv" >"$T_DIR/dry.csv"
H_BEFORE=$(t_sql "select count(*) from history")
t_run "--dry-run succeeds" 0 ptce import "$T_DIR/dry.csv" --members "$EX/membres.csv" --dry-run
t_contains "--dry-run reports the change" "$T_OUT" "dossier 1042: would be updated (ptce_name)"
t_contains "--dry-run says nothing was saved" "$T_OUT" "nothing was saved"
t_eq "--dry-run saved nothing" "$(t_sql "select ptce_name from dossiers where ds_number = '1042'")" \
	"PTCE Vallée des Tisserandes"
t_eq "--dry-run wrote no history" "$(t_sql "select count(*) from history")" "$H_BEFORE"

# --- refused files: nothing imported -------------------------------------
N_BEFORE=$(t_sql "select count(*) from dossiers")
t_run "a file with bad rows is refused" 1 ptce import "$D/bad-rows.csv"
t_contains "bad SIRET checksum at line:column" "$T_ERR" "bad-rows.csv:4:3: "
t_contains "bad SIRET names the checksum" "$T_ERR" "checksum"
t_contains "bad SIRET names the column" "$T_ERR" '(column "SIRET de la structure porteuse")'
t_contains "unknown region code" "$T_ERR" "bad-rows.csv:5:4: "
t_contains "département outside its région" "$T_ERR" "bad-rows.csv:6:5: "
t_contains "département outside its région, explained" "$T_ERR" "not in région 44"
t_contains "required value empty" "$T_ERR" "bad-rows.csv:7:2: "
t_contains "every problem counted" "$T_ERR" "4 problems found; nothing was imported"
t_eq "no dossier imported from a refused file" "$(t_sql "select count(*) from dossiers")" "$N_BEFORE"
t_eq "not even the valid row" "$(t_sql "select count(*) from dossiers where ds_number = '2001'")" 0

t_run "a header without a required column is refused" 1 ptce import "$D/missing-column.csv"
t_contains "the header line and the column are named" "$T_ERR" \
	'missing-column.csv:1:1: the header line has no column "SIRET de la structure porteuse"'

t_run "malformed quoting is refused" 1 ptce import "$D/bad-quote.csv"
t_contains "malformed quoting names line and column" "$T_ERR" "bad-quote.csv:3:6: malformed quoting"
t_eq "nothing imported from a malformed file" "$(t_sql "select count(*) from dossiers")" "$N_BEFORE"

t_run "a bad members file refuses the dossiers too" 1 \
	ptce import "$T_DIR/renamed.csv" --members "$D/members-bad.csv"
t_contains "member of an unknown dossier" "$T_ERR" "members-bad.csv:3:1: dossier '9999' is not in"
t_contains "member without its required category" "$T_ERR" "members-bad.csv:4:3: "
t_eq "members unchanged after a refused members file" "$(t_sql 'select count(*) from members')" 14

{ echo 'ID,Nom de la structure porteuse,SIRET de la structure porteuse,Région,Département,Nom du PTCE'
  i=0; while [ $i -lt 60 ]; do echo "$((6000 + i)),Asso,12345678901234,53,35,PTCE $i"; i=$((i + 1)); done
} >"$T_DIR/many.csv"
t_run "a file with 60 bad rows is refused" 1 ptce import "$T_DIR/many.csv"
t_eq "50 problems printed" "$(printf '%s\n' "$T_ERR" | grep -c 'many.csv:[0-9]*:3: ')" 50
t_contains "the rest is counted" "$T_ERR" "... and 10 more problems not shown"
t_contains "all 60 are counted" "$T_ERR" "60 problems found"
t_contains "the last printed is line 51" "$T_ERR" "many.csv:51:3: "

t_run "a missing file" 6 ptce import "$T_DIR/nowhere.csv"
t_contains "a missing file is named" "$T_ERR" "nowhere.csv"

# --- mappings -------------------------------------------------------------
t_run "a mapping with an unknown key is refused" 1 \
	ptce import "$EX/dossiers.csv" --mapping "$D/mapping-unknown-key.yaml"
t_contains "unknown key at file:line:column with a suggestion" "$T_ERR" \
	"mapping-unknown-key.yaml:10:3: unknown key 'document'"
t_contains "the suggestion" "$T_ERR" "did you mean 'documents'"
t_run "a mapping to an unknown field is refused" 1 \
	ptce import "$EX/dossiers.csv" --mapping "$D/mapping-bad-field.yaml"
t_contains "unknown field at file:line:column" "$T_ERR" "mapping-bad-field.yaml:9:20: "
t_contains "unknown field with a suggestion" "$T_ERR" "did you mean 'ptce_name'"
t_run "a mapping missing a required field is refused" 1 \
	ptce import "$EX/dossiers.csv" --mapping "$D/mapping-no-siret.yaml"
t_contains "the required field is named" "$T_ERR" "mapping-no-siret.yaml:4:5: required dossier field 'lead_siret'"
t_run "a mapping without members cannot read --members" 1 \
	ptce import "$EX/dossiers.csv" --members "$EX/membres.csv" --mapping "$D/mapping-no-siret.yaml"

# --- Excel: BOM, semicolons, CRLF ----------------------------------------
t_run "a French Excel file imports" 0 ptce import "$D/excel.csv" --verbose
t_contains "one created from Excel" "$T_OUT" "dossier 3001: created"
t_eq "values from an Excel file" \
	"$(t_sql "select ds_number, lead_siret, region_code, departement_code, lead_esus, amount_requested_eur, staff_fte
		  from dossiers where ds_number = '3001'")" "3001|90000014700018|32|59|1|80000|0.5"
t_eq "CRLF inside a quoted cell becomes a newline" \
	"$(t_sql "select description = 'Ateliers; cuisine' || char(10) || 'et jardins' from dossiers where ds_number = '3001'")" 1

t_run "a Windows-1252 file (French Excel) imports" 0 ptce import "$D/excel-cp1252.csv"
t_contains "the encoding guess is said" "$T_ERR" "excel-cp1252.csv is not UTF-8; it was read as Windows-1252"
t_eq "accents converted to UTF-8" \
	"$(t_sql "select lead_name || '|' || ptce_name || '|' || region_code from dossiers where ds_number = '3002'")" \
	"Coopérative « L'Échappée »|Pôle Échappée|93"

# --- escape sequences are stored, never printed ---------------------------
printf 'ID,Nom de la structure porteuse,SIRET de la structure porteuse,Région,Département,Nom du PTCE\n4001,Association \033[31mRouge\033[0m,90000025800013,Bretagne,35,PTCE \033]0;titre\007Ouest\n' >"$T_DIR/escape.csv"
t_run "a file with escape sequences imports" 0 ptce import "$T_DIR/escape.csv"
t_eq "the raw value is stored" "$(t_sql "select instr(lead_name, char(27)) > 0 from dossiers where ds_number = '4001'")" 1
t_run "show the dossier with escapes" 0 ptce show 4001
t_contains "show prints the text" "$T_OUT" "Rouge"
ESC=$(printf '\033')
t_not_contains "show prints no escape character" "$T_OUT" "$ESC"

# --- roles ----------------------------------------------------------------
t_run "add an instructeur" 0 ptce reviewer add alice --name "Alice Martin" --role instructeur
t_run "an instructeur may not import" 1 ptce --as alice import "$EX/dossiers.csv"
t_contains "the refusal names the admin role" "$T_ERR" "admin"
t_run "usage: no file" 2 ptce import
t_run "usage: unknown option" 2 ptce import "$EX/dossiers.csv" --frobnicate
t_run "help" 0 ptce import --help
t_contains "help names --dry-run" "$T_OUT" "--dry-run"

# A dossier number that is not the platform's digits (here with a bidi
# override and a C1 control) is refused before anything is stored.
n0=$(t_sql "select count(*) from dossiers")
sed '2s/^1042,/78\xe2\x80\xaeXYZ\xc2\x9b31m,/' "$EX/dossiers.csv" > "$T_DIR/badnum.csv"
t_run "a non-digit dossier number is refused" 1 ptce import "$T_DIR/badnum.csv"
t_contains "  ...at its line and column" "$T_ERR" "badnum.csv:2:1: Dossier number must be digits only"
t_eq "  ...and nothing was imported" "$(t_sql "select count(*) from dossiers")" "$n0"

# An export without an optional column keeps what is stored for that field
# (only an empty cell clears it).
ptce import "$EX/dossiers.csv" >/dev/null
before=$(t_sql "select length(diagnosis) from dossiers where ds_number='1042'")
/usr/bin/python3 - "$EX/dossiers.csv" "$T_DIR/nodiag.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))
k = [i for i, h in enumerate(rows[0]) if h.startswith("Diagnostic")][0]
csv.writer(open(sys.argv[2], "w", encoding="utf-8", newline="")).writerows([r[:k] + r[k + 1:] for r in rows])
PY
t_run "re-import of an export without the diagnosis column" 0 ptce import "$T_DIR/nodiag.csv"
t_eq "  ...keeps the stored diagnosis" "$(t_sql "select length(diagnosis) from dossiers where ds_number='1042'")" "$before"
[ -n "$before" ] && [ "$before" -gt 0 ]; _t_report $? "  ...which is not empty"

t_done
