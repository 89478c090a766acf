# import.sh - ptce import: an export as the platform writes it (states and
# dates into history, instructeurs, annotations, drift), re-import with old
# and new values, refused files (nothing saved) with their place, mappings,
# --init-mapping, --encoding, --dry-run, French spreadsheet files.
. "$(dirname "$0")/../lib.sh"
t_setup
D=$T_TOP/tests/data/import
EX=$T_TOP/share/examples
LM="--mapping $D/mapping-legacy.yaml"
ME=$(id -un)

t_run "init" 0 ptce init
t_run "the operator is admin and coordinateur" 0 ptce reviewer set-role "$ME" admin,coordinateur
t_run "an instructeur with an e-mail" 0 ptce reviewer add alice --name "Alice Martin" \
	--email Instructrice@Example.org --role instructeur
t_run "reviewer list shows the e-mail" 0 ptce reviewer list
t_contains "  ...as given" "$T_OUT" "Instructrice@Example.org"
t_run "set-email changes it" 0 ptce reviewer set-email alice instructrice@example.org
t_eq "  ...stored" "$(t_sql "select email from reviewers where login = 'alice'")" "instructrice@example.org"
t_run "set-email refuses a non-address" 2 ptce reviewer set-email alice "pas une adresse"

# --- the platform's CSV export -----------------------------------------------
t_run "import the platform's CSV with a members file" 0 \
	ptce import "$D/platform.csv" --members "$D/platform-members.csv"
t_contains "summary counts the new dossiers" "$T_OUT" "5 created, 0 updated, 0 unchanged"
t_contains "summary counts the recorded moves" "$T_OUT" "7 state changes recorded from the platform"
t_contains "an unmatched instructeur is listed" "$T_OUT" "e-mails of no reviewer"
t_contains "  ...by address" "$T_OUT" "inconnu@example.org"
t_eq "never invented as an account" "$(t_sql "select count(*) from reviewers where email like 'inconnu%'")" 0
t_eq "instructeurs matched by e-mail (case aside) are assigned" \
	"$(t_sql "select group_concat(d.ds_number, ' ') from assignments a join dossiers d on d.id = a.dossier_id
		  where a.login = 'alice' order by d.ds_number")" "1043 1044"
t_eq "states mapped: construction/instruction -> phase1, Accepté -> bouquet, Refusé, Classé sans suite" \
	"$(t_sql "select group_concat(x, ' ') from (select ds_number || ':' || state as x from dossiers order by ds_number)")" \
	"1042:phase1 1043:phase1 1044:bouquet 1045:rejected 1046:withdrawn"
t_eq "Déposé le +0100 in UTC as the creation" \
	"$(t_sql "select h.at from history h join dossiers d on d.id = h.dossier_id
		  where d.ds_number = '1043' and h.kind = 'create'")" "2025-03-18T13:05:00Z"
t_eq "Passé en instruction le as the move to phase1" \
	"$(t_sql "select h.at || ' ' || h.to_state from history h join dossiers d on d.id = h.dossier_id
		  where d.ds_number = '1043' and h.kind = 'move'")" "2025-03-20T15:02:10Z phase1"
t_eq "a summer +0200 dossier: deposit, instruction, decision in UTC, motivation kept" \
	"$(t_sql "select group_concat(h.at || ' ' || coalesce(h.to_state, '') || ' ' || coalesce(h.motivation, ''), '|')
		  from history h join dossiers d on d.id = h.dossier_id
		  where d.ds_number = '1044' and h.to_state is not null")" \
	"2025-06-02T07:15:00Z submitted |2025-06-05T09:00:00Z phase1 |2025-07-01T15:45:30Z bouquet Dossier complet, retenu."
t_eq "the imported moves say they were recorded, not decided" \
	"$(t_sql "select count(*) from history where kind = 'move' and detail = 'source=platform'")" 7
t_contains "  ...and ptce history says so" "$(ptce history 1044)" "recorded as the platform says, no guard checked"
t_eq "days in state count from the platform's dates" \
	"$(t_sql "select state_since from dossiers where ds_number = '1045'")" "2025-05-10T10:00:00Z"
t_eq "Déposé le keeps its date" "$(t_sql "select deposited_at from dossiers where ds_number = '1044'")" "2025-06-02"
t_eq "the applicant from the établissement columns" \
	"$(t_sql "select lead_name || '|' || lead_siret from dossiers where ds_number = '1042'")" \
	"Association Vallée des Tisserands|90000012300019"
t_eq "the (Code) columns are preferred" \
	"$(t_sql "select region_code || '/' || departement_code from dossiers where ds_number = '1046'")" "93/04"
t_eq "Oui/Non, 95000.0, a blank number written 0" \
	"$(t_sql "select group_concat(ds_number || ':' || lead_esus || ':' || coalesce(amount_requested_eur, '-')
		  || ':' || coalesce(budget_eur, '-') || ':' || coalesce(staff_fte, '-'), ' ')
		  from dossiers where ds_number in ('1042', '1043')")" "1042:1:95000:180000:1.5 1043:0:-:-:-"
t_eq "an 'A, B' list of choices" "$(t_sql "select bouquet_needs from dossiers where ds_number = '1042'")" \
	"mobilisation,ingenierie"
t_eq "an address with a line break" \
	"$(t_sql "select lead_address = '12 rue des Navettes' || char(10) || '88200 Remiremont'
		  from dossiers where ds_number = '1042'")" 1
t_eq "two file names in one cell are two documents" \
	"$(t_sql "select group_concat(kind || ':' || title, ' ') from documents o join dossiers d on d.id = o.dossier_id
		  where d.ds_number = '1042' and kind = 'lettre'")" "lettre:lettre-a.pdf lettre:lettre-b.pdf"
t_eq "members from the members file" "$(t_sql 'select count(*) from members')" 3
t_eq "annotations privées become notes" \
	"$(t_sql "select group_concat(field || '=' || body, '|') from notes n join dossiers d on d.id = n.dossier_id
		  where d.ds_number = '1042'")" \
	"Avis de l'instructeur=Dossier solide.|Points de vigilance=Gouvernance à préciser|Visite sur place effectuée=Oui"
t_run "show prints the notes" 0 ptce show 1042
t_contains "  ...with their label" "$T_OUT" "Avis de l'instructeur:"
t_contains "  ...and their text" "$T_OUT" "Dossier solide."

# --- re-import ------------------------------------------------------------
H0=$(t_sql "select count(*) from history")
t_run "re-importing the same file changes nothing" 0 \
	ptce import "$D/platform.csv" --members "$D/platform-members.csv" --verbose
t_contains "all unchanged" "$T_OUT" "0 created, 0 updated, 5 unchanged"
t_contains "verbose names each dossier" "$T_OUT" "dossier 1043: unchanged"
t_contains "verbose lists the columns the mapping ignores" "$T_OUT" \
	"columns not in the mapping (ignored): FranceConnect ?, Établissement siège social,"
t_not_contains "no drift" "$T_OUT" "differs"
t_eq "no history written" "$(t_sql "select count(*) from history")" "$H0"
sed 's/PTCE Vallée des Tisserands/PTCE Vallée des Tisserandes/; s/,En instruction,2025-03-18/,Accepté,2025-03-18/; s/Dossier solide\./Dossier très solide./' \
	"$D/platform.csv" >"$T_DIR/changed.csv"
t_run "re-import a changed export" 0 ptce import "$T_DIR/changed.csv" --verbose
t_contains "two updated" "$T_OUT" "0 created, 2 updated, 3 unchanged"
t_contains "the changed fields are named" "$T_OUT" "dossier 1042: updated (ptce_name, annotation \"Avis de l'instructeur\")"
t_eq "history has the old and new values" \
	"$(t_sql "select detail from history h join dossiers d on d.id = h.dossier_id
		  where d.ds_number = '1042' and kind = 'update'")" \
	"$(printf '%s\n' 'field=ptce_name' 'old=PTCE Vallée des Tisserands' 'new=PTCE Vallée des Tisserandes' \
		'field=annotation "Avis de l'"'"'instructeur"' 'old=Dossier solide.' 'new=Dossier très solide.')"
t_contains "  ...which ptce history puts into words" "$(ptce history 1042)" \
	"ptce_name: \"PTCE Vallée des Tisserands\" → \"PTCE Vallée des Tisserandes\"; annotation \"Avis de l'instructeur\": \"Dossier solide.\" → \"Dossier très solide.\""
t_eq "the state is never changed by a re-import" "$(t_sql "select state from dossiers where ds_number = '1043'")" phase1
t_contains "the drift is in the summary" "$T_OUT" "1 dossier whose platform state differs from ptce's"
t_contains "  ...naming the dossier and both states" "$T_OUT" \
	"dossier 1043: the platform says \"Accepté\" (bouquet de services here), ptce says phase 1 instruction"
H1=$(t_sql "select count(*) from history")
t_run "--report-drift exits 1 on drift" 1 ptce import --report-drift "$T_DIR/changed.csv"
t_contains "  ...and lists it" "$T_OUT" "dossier 1043: the platform says"
t_eq "  ...writing nothing" "$(t_sql "select count(*) from history")" "$H1"
t_run "--report-drift exits 0 without drift" 0 ptce import --report-drift "$D/platform.csv"
t_contains "  ...and says so" "$T_OUT" "no drift"
t_run "states cannot be remapped on a known dossier" 0 ptce import "$D/platform.csv"

# --- dry run --------------------------------------------------------------
sed 's/PTCE Vallée des Tisserands/PTCE Vallée en essai/' "$D/platform.csv" >"$T_DIR/dry.csv"
H_BEFORE=$(t_sql "select count(*) from history")
t_run "--dry-run succeeds" 0 ptce import "$T_DIR/dry.csv" --dry-run
t_contains "--dry-run reports the change" "$T_OUT" "dossier 1042: would be updated (ptce_name)"
t_contains "--dry-run says nothing was saved" "$T_OUT" "nothing was saved"
t_eq "--dry-run saved nothing" "$(t_sql "select ptce_name from dossiers where ds_number = '1042'")" \
	"PTCE Vallée des Tisserands"
t_eq "--dry-run wrote no history" "$(t_sql "select count(*) from history")" "$H_BEFORE"

# --- refusals of a platform export, with their place ----------------------------
/usr/bin/python3 - "$D/platform.csv" "$T_DIR" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
h = rows[0]
def put(name, rows, fix):
    out = [list(r) for r in rows]
    fix(out)
    csv.writer(open(sys.argv[2] + "/" + name, "w", encoding="utf-8", newline=""), lineterminator="\n").writerows(out)
def state(o): o[2][h.index("État du dossier")] = "En attente"
def time(o): o[3][h.index("Passé en instruction le")] = "hier"
def dup(o): o.append(list(o[1]))
def nosiret(o):
    for r in o:
        del r[h.index("Établissement SIRET")]
def dash(o):
    k = [h.index(c) for c in ("Département", "Département (Code)")]
    for r in o:
        for i in sorted(k, reverse=True):
            del r[i]
put("bad-state.csv", rows, state)
put("bad-time.csv", rows, time)
put("dup.csv", rows, dup)
put("no-siret.csv", rows, nosiret)
put("dash.csv", rows, dash)
PY
N0=$(t_sql "select count(*) from dossiers")
t_run "an unknown platform state is refused" 1 ptce import "$T_DIR/bad-state.csv"
t_contains "  ...at its line and column" "$T_ERR" "bad-state.csv:5:36: unknown platform state 'En attente'"
t_run "a time that is not one is refused" 1 ptce import "$T_DIR/bad-time.csv"
t_contains "  ...at its line and column" "$T_ERR" "bad-time.csv:8:40: 'hier' is not a date and time"
t_run "a dossier twice in the file is refused" 1 ptce import "$T_DIR/dup.csv"
t_contains "  ...at its second row" "$T_ERR" "dossier 1042 appears twice in the file (first on row 2)"
t_run "an export without the applicant's SIRET is refused" 1 ptce import "$T_DIR/no-siret.csv"
t_contains "  ...naming the missing column" "$T_ERR" 'no-siret.csv:1:1: no column "Établissement SIRET"'
t_contains "  ...and the closest headers of the file" "$T_ERR" 'the closest headers of the file: "Établissement NAF"'
t_eq "nothing imported from refused files" "$(t_sql "select count(*) from dossiers")" "$N0"
t_run "an export with only the EPCI's département (88 – Vosges, en dash)" 0 \
	ptce import "$T_DIR/dash.csv" --dry-run --verbose
t_contains "  ...reads it" "$T_OUT" "5 unchanged"

# --- a French spreadsheet: ';' and Windows-1252 -------------------------------
t_run "--encoding windows-1252 reads a French CSV" 0 \
	ptce import "$D/platform-fr.csv" --encoding windows-1252 --dry-run --verbose
t_contains "  ...the same dossiers" "$T_OUT" "dry run: 0 would be created, 0 updated, 2 unchanged"

# --- --init-mapping -------------------------------------------------------------
t_run "--init-mapping writes a mapping from the headers" 0 ptce import --init-mapping "$D/platform.csv"
printf '%s\n' "$T_OUT" >"$T_DIR/init.yaml"
t_contains "  ...with guessed targets" "$T_OUT" '"Nom du PTCE": ptce_name   # guessed'
t_contains "  ...and the rest commented out" "$T_OUT" '# "Groupe instructeur": FIELD'
t_run "  ...which imports the same file as it is" 0 ptce import "$D/platform.csv" --mapping "$T_DIR/init.yaml" --dry-run
t_contains "  ...finding the same dossiers" "$T_OUT" "dry run: 0 would be created"
sed 's/^    # "Entreprise nom commercial": FIELD/    "Entreprise nom commercial": sectors/' "$T_DIR/init.yaml" >"$T_DIR/init2.yaml"
t_run "  ...and once a line is uncommented, it is still a valid mapping" 0 \
	ptce import "$D/platform.csv" --mapping "$T_DIR/init2.yaml" --dry-run

# --- the platform's xlsx: Etablissements, Avis, the members' sheet -------------
/usr/bin/python3 "$D/make-xlsx.py" "$T_DIR/export.xlsx"
export PTCE_DB="$T_DIR/xlsx.db"
t_run "init a second database" 0 ptce init
t_run "  ...the operator is admin" 0 ptce reviewer set-role "$ME" admin,coordinateur
t_run "  ...an expert with an e-mail" 0 ptce reviewer add bob --name "Bob Expert" --email expert@example.org --role expert
# libzip and libxml2 are opened when a workbook is read (src/io/dynlib.h):
# one that cannot be loaded is named with its package, nothing is imported,
# and what needs neither still works. A broken file under the library's
# name, first in LD_LIBRARY_PATH, stands for a missing one.
soname=$(objdump -p "$(pkg-config --variable=libdir libzip)/libzip.so" | awk '/SONAME/ { print $2 }')
mkdir -p "$T_DIR/nolib" && : >"$T_DIR/nolib/$soname"
t_eq "  (the test found libzip's SONAME)" "${soname%%.so*}" "libzip"
LD_LIBRARY_PATH=$T_DIR/nolib t_run "a workbook without libzip: refused" 6 ptce import "$T_DIR/export.xlsx"
t_contains "  ...naming the library and its Debian package" "$T_ERR" "cannot load $soname"
t_contains "  ...and what to install" "$T_ERR" "install the Debian package libzip"
t_eq "  ...nothing imported" "$(t_sql 'select count(*) from dossiers')" 0
LD_LIBRARY_PATH=$T_DIR/nolib t_run "  ...a command that reads no workbook still works" 0 ptce list
t_run "import the xlsx export" 0 ptce import "$T_DIR/export.xlsx"
t_contains "  ...its dossiers" "$T_OUT" "5 created, 0 updated, 0 unchanged"
t_contains "  ...its opinions, one from outside" "$T_OUT" "2 expert opinions imported (1 from outside the roster)"
t_eq "the applicant's SIRET from the Etablissements sheet (its 'Dossier' row)" \
	"$(t_sql "select lead_siret from dossiers where ds_number = '1042'")" "90000012300019"
t_eq "members from the 'Membres du PTCE' sheet" "$(t_sql "select count(*) from members")" 10
t_eq "xlsx times are Paris local time: winter -1h, summer -2h" \
	"$(t_sql "select group_concat(h.at, ' ') from history h join dossiers d on d.id = h.dossier_id
		  where d.ds_number in ('1043', '1044') and h.kind = 'create'")" "2025-03-18T13:05:00Z 2025-06-02T07:15:00Z"
t_eq "an Avis answered oui, matched to the expert by e-mail" \
	"$(t_sql "select expert || '|' || question || '|' || answer || '|' || verdict || '|' || yes_no_question || '|'
		  || asked_at || '|' || answered_at from opinions where expert is not null")" \
	"bob|Votre avis sur la gouvernance ?|Solide.|favourable|Favorable ?|2025-07-01T08:00:00Z|2025-07-03T16:30:00Z"
t_eq "an outside Avis keeps the address" \
	"$(t_sql "select expert_email || '|' || coalesce(verdict, '-') from opinions where expert is null")" \
	"reseau@example.net|-"
t_run "re-importing the xlsx changes nothing" 0 ptce import "$T_DIR/export.xlsx"
t_contains "  ...all unchanged" "$T_OUT" "0 created, 0 updated, 5 unchanged"
t_eq "  ...no opinion twice" "$(t_sql "select count(*) from opinions")" 2
/usr/bin/python3 - "$T_DIR/export.xlsx" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
wb["Membres du PTCE"].cell(row=3, column=5, value="Club de foot")
wb["Avis"].cell(row=2, column=5, value="peut-être")
wb.save(sys.argv[1])
PY
N0=$(t_sql "select count(*) from members")
t_run "a broken xlsx row is refused" 1 ptce import "$T_DIR/export.xlsx"
t_contains "  ...with its sheet, row and column" "$T_ERR" "export.xlsx, sheet Membres du PTCE, row 3, column E (Catégorie): "
t_contains "  ...in every sheet" "$T_ERR" "export.xlsx, sheet Avis, row 2, column E (Réponse oui/non): "
t_eq "  ...and nothing is imported" "$(t_sql "select count(*) from members")" "$N0"
export PTCE_DB="$T_DIR/ptce.db"

# --- the former hand-made files, read with their own mapping ------------------
t_run "import the legacy example with members" 0 \
	ptce import "$D/legacy.csv" --members "$D/legacy-members.csv" $LM
t_contains "summary counts the dossiers" "$T_OUT" "0 created, 4 updated, 0 unchanged"
t_eq "French date dd/mm/yyyy becomes ISO" \
	"$(t_sql "select deposited_at from dossiers where ds_number = '1044'")" "2025-04-02"
t_eq "numbers cleaned: '180 000', '1,5'" \
	"$(t_sql "select budget_eur, amount_requested_eur, staff_fte from dossiers where ds_number = '1042'")" \
	"180000|95000|1.5"
cp "$D/legacy.csv" "$T_DIR/renamed.csv"

# --- refused files: nothing imported -------------------------------------
N_BEFORE=$(t_sql "select count(*) from dossiers")
t_run "a file with bad rows is refused" 1 ptce import "$D/bad-rows.csv" $LM
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

t_run "a header without a required column is refused" 1 ptce import "$D/missing-column.csv" $LM
t_contains "the header line and the column are named" "$T_ERR" \
	'missing-column.csv:1:1: no column "SIRET de la structure porteuse"'

t_run "malformed quoting is refused" 1 ptce import "$D/bad-quote.csv" $LM
t_contains "malformed quoting names line and column" "$T_ERR" "bad-quote.csv:3:6: malformed quoting"
t_eq "nothing imported from a malformed file" "$(t_sql "select count(*) from dossiers")" "$N_BEFORE"

t_run "a bad members file refuses the dossiers too" 1 \
	ptce import "$T_DIR/renamed.csv" --members "$D/members-bad.csv" $LM
t_contains "member of an unknown dossier" "$T_ERR" "members-bad.csv:3:1: dossier '9999' is not in"
t_contains "member without its required category" "$T_ERR" "members-bad.csv:4:3: "
t_eq "members unchanged after a refused members file" "$(t_sql 'select count(*) from members')" 14

{ echo 'ID,Nom de la structure porteuse,SIRET de la structure porteuse,Région,Département,Nom du PTCE'
  i=0; while [ $i -lt 60 ]; do echo "$((6000 + i)),Asso,12345678901234,53,35,PTCE $i"; i=$((i + 1)); done
} >"$T_DIR/many.csv"
t_run "a file with 60 bad rows is refused" 1 ptce import "$T_DIR/many.csv" $LM
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
t_run "a French Excel file imports" 0 ptce import "$D/excel.csv" --verbose $LM
t_contains "one created from Excel" "$T_OUT" "dossier 3001: created"
t_eq "values from an Excel file" \
	"$(t_sql "select ds_number, lead_siret, region_code, departement_code, lead_esus, amount_requested_eur, staff_fte
		  from dossiers where ds_number = '3001'")" "3001|90000014700018|32|59|1|80000|0.5"
t_eq "CRLF inside a quoted cell becomes a newline" \
	"$(t_sql "select description = 'Ateliers; cuisine' || char(10) || 'et jardins' from dossiers where ds_number = '3001'")" 1

t_run "a Windows-1252 file (French Excel) imports" 0 ptce import "$D/excel-cp1252.csv" $LM
t_contains "the encoding guess is said" "$T_ERR" "excel-cp1252.csv is not UTF-8; it was read as Windows-1252"
t_eq "accents converted to UTF-8" \
	"$(t_sql "select lead_name || '|' || ptce_name || '|' || region_code from dossiers where ds_number = '3002'")" \
	"Coopérative « L'Échappée »|Pôle Échappée|93"

# --- escape sequences are stored, never printed ---------------------------
printf 'ID,Nom de la structure porteuse,SIRET de la structure porteuse,Région,Département,Nom du PTCE\n4001,Association \033[31mRouge\033[0m,90000025800013,Bretagne,35,PTCE \033]0;titre\007Ouest\n' >"$T_DIR/escape.csv"
t_run "a file with escape sequences imports" 0 ptce import "$T_DIR/escape.csv" $LM
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

# --- a members file in another order than the dossiers -------------------------
# The second reading reads the members file in step with the dossiers when
# it lists them in their order; in another order (here by line number: 1042,
# 1043, then 1042 again) it is held by dossier: the same members, each
# dossier's in the file's order.
{ head -1 "$D/platform-members.csv"; tail -n +2 "$D/platform-members.csv" | sort -t, -k2,2 -s; } \
	>"$T_DIR/members-shuffled.csv"
members_of() {
	sqlite3 -batch -noheader "$1" "select group_concat(d.ds_number || '/' || m.position || '/' || m.name, ' | ')
		from (select * from members order by dossier_id, position) m join dossiers d on d.id = m.dossier_id"
}
for f in platform-members members-shuffled; do
	src=$D/$f.csv
	[ "$f" = members-shuffled ] && src=$T_DIR/$f.csv
	ptce --db "$T_DIR/$f.db" init >/dev/null 2>&1
	t_run "import with $f.csv" 0 ptce --db "$T_DIR/$f.db" import "$D/platform.csv" --members "$src"
done
t_eq "  ...the shuffled file's dossiers are not in order" \
	"$(tail -n +2 "$T_DIR/members-shuffled.csv" | cut -d, -f1 | tr '\n' ' ')" "1042 1043 1042 "
t_eq "  ...the same members, each dossier's in the file's order" \
	"$(members_of "$T_DIR/members-shuffled.db")" "$(members_of "$T_DIR/platform-members.db")"
t_eq "  ...all three" "$(members_of "$T_DIR/members-shuffled.db" | grep -o '|' | wc -l)" "2"

# A large export: the pièces of new dossiers are written a few thousand at a
# time (import_save.c, STAGED_DOCS_MAX 2048); 450 dossiers name about 2 400,
# across a boundary. Every one must be stored once, with its dossier.
/usr/bin/python3 "$(dirname "$0")/../bench/gen.py" "$T_DIR/big" --n 450 --formats csv,members-csv >/dev/null 2>&1
export PTCE_DB="$T_DIR/big.db"
t_run "a 450-dossier export: init" 0 ptce init
t_run "  ...imports" 0 ptce import "$T_DIR/big/dossiers.csv" --members "$T_DIR/big/members.csv"
t_sql "SELECT d.ds_number || ' ' || d2.title FROM documents d2 JOIN dossiers d ON d.id = d2.dossier_id" |
	sort >"$T_DIR/big-stored"
/usr/bin/python3 - "$T_DIR/big/dossiers.csv" <<'PY' | sort >"$T_DIR/big-named"
import csv, sys
cols = ["Statuts", "Avis de situation SIRENE", "Derniers comptes approuvés",
        "Charte de coopération", "Lettres d'engagement des partenaires"]
for row in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    for c in cols:
        for name in (row.get(c) or "").split(", "):
            if name.strip():
                print(row["ID"], name.strip())
PY
t_eq "  ...more pièces than one batch holds" "$(test "$(wc -l <"$T_DIR/big-named")" -gt 2048 && echo yes)" yes
t_eq "  ...every pièce the export names stored once, with its dossier" \
	"$(diff "$T_DIR/big-named" "$T_DIR/big-stored" >/dev/null && echo same)" same
t_run "  ...and the audit record intact" 0 ptce audit verify

t_done
