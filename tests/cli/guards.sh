#!/bin/sh
# guards.sh - the procedure's guards read the reviews: each refusal with its
# reason, each override recorded, the hard requirements never overridden.
. "$(dirname "$0")/../lib.sh"
t_setup

cat >"$T_DIR/d.csv" <<'CSV'
ID;Entreprise raison sociale;Établissement SIRET;Région;Département;Nom du PTCE;Type de territoire;Déposé le
6001;Association Un;90000014000005;Grand Est;67 - Bas-Rhin;PTCE Un;Rural;2025-03-01
6002;Association Deux;90000014000013;Grand Est;54 - Meurthe-et-Moselle;PTCE Deux;Urbain;2025-03-02
6003;Association Trois;90000014000021;Occitanie;31 - Haute-Garonne;PTCE Trois;Rural;2025-03-03
CSV
ptce init >/dev/null 2>&1
ptce import "$T_DIR/d.csv" >/dev/null 2>&1
ptce reviewer add alice --name "Alice Martin" --role instructeur >/dev/null
ptce reviewer add bob --name "Bob Durand" --role instructeur >/dev/null
ptce reviewer set-role root admin,coordinateur >/dev/null
last_override() { t_sql "select override from history where kind = 'move' order by id desc limit 1"; }
YES="R1=yes R2=yes R3=yes R4=yes R5=yes R6=yes R7=yes R8=yes R9=no R10=yes R11=yes"

# --- phase1 -> bouquet ------------------------------------------------------------
for d in 6001 6002 6003; do ptce move $d phase1 >/dev/null; done
t_run "no review: refused" 1 ptce move 6001 bouquet
t_contains "says no review was written" "$T_ERR" "is refused: no phase 1 review has been written yet."
t_contains "offers the override" "$T_ERR" "--override --reason"
ptce --as alice score 6001 --grid phase1 R1=yes R2=yes >/dev/null
t_run "a draft only: refused" 1 ptce move 6001 bouquet
t_contains "counts submitted and drafts" "$T_ERR" "0 of the 1 phase 1 reviews grid 'phase1' requires are submitted (1 draft)"
# shellcheck disable=SC2086
ptce --as alice score 6001 --grid phase1 $YES R2=no --comment "R2=Deux membres seulement" --submit >/dev/null
t_run "a blocking gate answered no: refused" 1 ptce move 6001 bouquet
t_contains "names the gate and the reviewer" "$T_ERR" "a blocking eligibility gate is answered 'no': R2 (alice)."
t_run "an override needs a motivation" 1 ptce move 6001 bouquet --override
t_contains "asks for --reason" "$T_ERR" "an override must be motivated"
t_run "an instructeur may not override" 1 ptce --as bob move 6001 bouquet --override --reason "x"
t_run "a coordinateur overrides with a motivation" 0 ptce move 6001 bouquet --override --reason "Troisième membre confirmé par courrier"
t_eq "the override is recorded" "$(last_override)" "1"
t_eq "with its motivation" "$(t_sql "select motivation from history where kind = 'move' order by id desc limit 1")" "Troisième membre confirmé par courrier"
t_run "the phase 1 review is closed once the dossier left phase 1" 1 ptce --as alice score 6001 --grid phase1 --reopen
t_contains "reopen refused with the state" "$T_ERR" "in state 'bouquet de services'"
# shellcheck disable=SC2086
ptce --as alice score 6002 --grid phase1 $YES --submit >/dev/null
t_run "every gate met: accepted" 0 ptce move 6002 bouquet
t_eq "no override" "$(last_override)" "0"
# shellcheck disable=SC2086
ptce --as bob score 6003 --grid phase1 $YES --submit >/dev/null
ptce move 6003 bouquet >/dev/null

# --- phase2 -> funded ----------------------------------------------------------------
for d in 6001 6002 6003; do ptce move $d phase2 >/dev/null; done
t_run "no phase 2 review: refused" 1 ptce move 6002 funded --validation-ref CNA-1 --validation-date 2025-06-30
t_contains "says so" "$T_ERR" "no phase 2 review has been written yet"
ptce --as alice score 6002 --grid phase2 A=3 B=3 C=2 D=2 E=2 F=2 G=2 synthese="Juste" --submit >/dev/null
t_run "one review of two: refused" 1 ptce move 6002 funded --validation-ref CNA-1 --validation-date 2025-06-30
t_contains "counts the reviews" "$T_ERR" "1 of the 2 phase 2 reviews grid 'phase2' requires are submitted (0 draft)"
ptce --as bob score 6002 --grid phase2 A=3 B=2 C=2 D=2 E=2 F=2 G=2 synthese="Juste" --submit >/dev/null
# alice 15+15+7.5+7.5+7.5+5+2.5 = 60, bob 55: mean 57.5
t_run "under the favourable band: refused" 1 ptce move 6002 funded --validation-ref CNA-1 --validation-date 2025-06-30
t_contains "names the mean and the band" "$T_ERR" "the mean total is 57.50, under the 65 points of band 'favourable' (Favorable)."
t_run "no validation: refused" 1 ptce move 6002 funded --override --reason "Territoire prioritaire"
t_contains "asks for the reference" "$T_ERR" "the national validation is not recorded: give its reference with --validation-ref REF"
t_contains "asks for the date" "$T_ERR" "give it with --validation-date YYYY-MM-DD"
t_not_contains "no override offered for validation" "$T_ERR" "may decide otherwise"
t_eq "still in phase2" "$(t_sql "select state from dossiers where ds_number = '6002'")" "phase2"
t_run "a bad validation date" 1 ptce move 6002 funded --validation-ref CNA-1 --validation-date 30/06/2025
t_contains "date refused" "$T_ERR" "the validation date '30/06/2025' is not a date YYYY-MM-DD"
t_run "override with validation: accepted" 0 ptce move 6002 funded --override --reason "Territoire prioritaire" \
	--validation-ref CNA-2025-07 --validation-date 2025-06-30
t_eq "override recorded in history" "$(last_override)" "1"
t_eq "funding decision recorded" \
	"$(t_sql "select amount_per_year_eur, years, validation_ref, validation_date, decided_by, overridden from funding_decisions")" \
	"50000|2|CNA-2025-07|2025-06-30|root|1"
t_run "campaign show" 0 ptce campaign show
t_contains "used amount" "$T_OUT" "used         100 000 EUR (1 laureate)"
t_contains "remaining amount" "$T_OUT" "remaining    400 000 EUR"
t_contains "the decision, marked as an override" "$T_OUT" "50 000 EUR x 2, validation CNA-2025-07 of 2025-06-30, by root on"
t_contains "override flag" "$T_OUT" "(override)"

# --- the envelope ------------------------------------------------------------------------
ptce --as alice score 6003 --grid phase2 A=4 B=4 C=4 D=4 E=4 F=4 G=4 synthese="Excellent" --submit >/dev/null
ptce --as bob score 6003 --grid phase2 A=4 B=4 C=3 D=4 E=4 F=4 G=4 synthese="Très bon" --submit >/dev/null
t_run "more than the envelope left: refused" 1 ptce move 6003 funded --validation-ref CNA-3 --validation-date 2025-07-01 --amount 150000 --years 3
t_contains "names the envelope and the need" "$T_ERR" "campaign 'AMI PTCE 2025' has 400000 EUR left of its 500000 EUR envelope (100000 used); this laureate needs 450000 EUR (150000 EUR a year for 3 years)"
t_run "an override does not lift the envelope" 1 ptce move 6003 funded --validation-ref CNA-3 --validation-date 2025-07-01 --amount 150000 --years 3 --override --reason "x"
t_eq "nothing recorded" "$(t_sql "select count(*) from funding_decisions")" "1"
t_run "within the envelope and favourable: accepted" 0 ptce move 6003 funded --validation-ref CNA-3 --validation-date 2025-07-01
t_eq "no override" "$(last_override)" "0"
t_eq "decision not overridden" "$(t_sql "select overridden from funding_decisions where id = 2")" "0"
t_run "campaign list" 0 ptce campaign list
t_contains "used and remaining" "$T_OUT" "500 000      200 000      300 000         2"

# --- eliminated ------------------------------------------------------------------------------
ptce move 6001 phase2 >/dev/null 2>&1
ptce --as alice score 6001 --grid phase2 A=1 B=4 C=4 D=4 E=4 F=4 G=4 synthese="x" --comment "A=faible" --submit >/dev/null
ptce --as bob score 6001 --grid phase2 A=1 B=4 C=4 D=4 E=4 F=4 G=4 synthese="x" --comment "A=faible" --submit >/dev/null
t_run "eliminated by A: refused" 1 ptce move 6001 funded --validation-ref CNA-4 --validation-date 2025-07-02
t_contains "names the elimination" "$T_ERR" "the reviews eliminate the dossier: criterion A averages 5.00 points, under 8"
t_done
