#!/bin/sh
# scores.sh - several people scoring the same dossiers: drafts, submit,
# blind visibility, conflicts, lecteur, expert opinions, reopen, stale
# revisions, the $EDITOR form, grid versions, ranking and campaigns.
. "$(dirname "$0")/../lib.sh"
t_setup

cat >"$T_DIR/d.csv" <<'CSV'
ID;Entreprise raison sociale;Établissement SIRET;Région;Département;Nom du PTCE;Type de territoire;Déposé le
5001;Association Alpha;90000014000005;Grand Est;67 - Bas-Rhin;PTCE Alpha;Rural;2025-03-01
5002;Association Beta;90000014000013;Grand Est;54 - Meurthe-et-Moselle;PTCE Beta;Urbain;2025-03-02
5003;Association Gamma;90000014000021;Occitanie;31 - Haute-Garonne;PTCE Gamma;Quartier prioritaire de la ville (QPV);2025-03-03
CSV
ptce init >/dev/null 2>&1
ptce import "$T_DIR/d.csv" >/dev/null 2>&1
for p in "alice Alice_Martin instructeur" "bob Bob_Durand instructeur" "carol Carol_Petit instructeur" \
	 "lea Lea_Roux lecteur" "exp Eva_Expert expert"; do
	set -- $p
	ptce reviewer add "$1" --name "$(echo "$2" | tr _ ' ')" --role "$3" >/dev/null
done
ptce reviewer set-role root admin,coordinateur >/dev/null
for d in 5001 5003; do
	ptce move $d phase1 >/dev/null
	ptce move $d bouquet --override --reason "phase 1 done on paper" >/dev/null
	ptce move $d phase2 >/dev/null
done
t_eq "setup: two dossiers in phase2" "$(t_sql "select count(*) from dossiers where state = 'phase2'")" "2"

# --- a first reviewer submits --------------------------------------------------
t_run "alice scores and submits" 0 ptce --as alice score 5001 --grid phase2 A=3 B=3 C=3 D=3 E=2 F=3 G=4 synthese="Solide" --submit
t_contains "alice sees her changes" "$T_OUT" "A: - → 3"
t_contains "alice's total and band" "$T_OUT" "submitted (revision 3), total 72.50 / 100, Favorable."
t_eq "review stored with its grid version" \
	"$(t_sql "select r.status, g.grid_id, length(g.hash) from reviews r join grid_versions g on g.id = r.grid_version_id where r.reviewer = 'alice'")" "submitted|phase2|16"

# --- blind: bob does not see alice's review before submitting his ------------------
t_run "bob saves a draft" 0 ptce --as bob score 5001 --grid phase2 A=1 B=4 C=1 D=3 E=4 F=2 G=4 synthese="Moyen"
t_contains "bob's draft" "$T_OUT" "draft saved"
t_run "bob reads the dossier's history" 0 ptce --as bob history 5001
t_contains "  ...which says alice submitted" "$T_OUT" "review submitted on grid phase2"
t_not_contains "  ...but not her total (blind grid)" "$T_OUT" "72.5"
t_run "bob looks at the reviews" 0 ptce --as bob scores 5001
t_contains "bob sees his draft" "$T_OUT" "bob (Bob Durand)"
t_not_contains "bob does not see alice's review" "$T_OUT" "alice (Alice Martin)"
t_contains "bob is told one review is hidden" "$T_OUT" "1 other submitted review is hidden: grid 'phase2' is blind"
t_not_contains "no aggregate for bob yet" "$T_OUT" "mean total"
t_run "alice does not see bob's draft" 0 ptce --as alice scores 5001
t_not_contains "bob's draft stays private" "$T_OUT" "bob (Bob Durand)"
t_run "the coordinateur sees every review, drafts too" 0 ptce scores 5001
t_contains "coordinateur sees bob's draft" "$T_OUT" "bob (Bob Durand) — grid phase2"
t_contains "...marked as a draft" "$T_OUT" "draft (updated"

# --- submit with something missing --------------------------------------------------
t_run "bob's submit is refused: comments missing" 1 ptce --as bob score 5001 --grid phase2 --submit
t_contains "names the missing comment on A" "$T_ERR" "A (Multi-actor partnership): a comment is required when the score is under 2 (it is 1)"
t_contains "names the missing comment on C" "$T_ERR" "C (Territorial anchoring): a comment is required when the score is under 2 (it is 1)"
t_contains "the draft is kept" "$T_ERR" "kept as a draft"
t_eq "bob's answers were kept" "$(t_sql "select count(value) from review_answers a join reviews r on r.id = a.review_id where r.reviewer = 'bob'")" "8"
t_run "bob adds the comments and submits" 0 ptce --as bob score 5001 --grid phase2 --comment "A=Deux membres seulement" --comment "C=Territoire flou" --submit
t_contains "bob submitted" "$T_OUT" "submitted"
t_contains "bob's total" "$T_OUT" "total 65.00 / 100, Favorable, eliminated by A."
t_run "now bob sees alice's review" 0 ptce --as bob scores 5001
t_contains "alice's review is shown" "$T_OUT" "alice (Alice Martin) — grid phase2, version"
t_contains "with the aggregate" "$T_OUT" "mean total 68.75 / 100 (min 65.00, max 72.50), Favorable"
t_contains "per criterion statistics (population sd)" "$T_OUT" "  A          2   2.00    1    3   1.00    10.00  DIVERGENT"
t_contains "divergence named" "$T_OUT" "DIVERGENT reviews on: A (1..3), C (1..3), E (2..4)"
t_contains "bob's comment shown" "$T_OUT" "> Deux membres seulement"

# --- reopen, stale revision ------------------------------------------------------------
t_run "alice changes a submitted review: refused" 1 ptce --as alice score 5001 --grid phase2 G=3
t_contains "told to reopen" "$T_ERR" "reopen it first (ptce score 5001 --grid phase2 --reopen)"
t_run "alice reopens" 0 ptce --as alice score 5001 --grid phase2 --reopen
t_contains "reopened" "$T_OUT" "reopened as a draft"
t_eq "reopen is in history" "$(t_sql "select count(*) from history where kind = 'review' and detail like 'action=reopened%'")" "1"
t_run "a stale revision is refused" 5 ptce --as alice score 5001 --grid phase2 G=3 --revision 2
t_contains "the conflict names who and what" "$T_ERR" "last change by alice at"
t_eq "nothing saved" "$(t_sql "select value from review_answers a join reviews r on r.id = a.review_id where r.reviewer = 'alice' and criterion = 'G'")" "4"

# --- the \$EDITOR form ---------------------------------------------------------------
cat >"$T_DIR/ed-ok.sh" <<'ED'
#!/bin/sh
sed -i -e 's/^G: .*/G: 3/' -e 's/^submit: no/submit: yes/' "$1"
ED
cat >"$T_DIR/ed-bad.sh" <<'ED'
#!/bin/sh
sed -i 's/^B: .*/B: 9/' "$1"
ED
chmod +x "$T_DIR/ed-ok.sh" "$T_DIR/ed-bad.sh"
export TMPDIR="$T_DIR"
EDITOR="$T_DIR/ed-bad.sh" t_run "a bad form is refused by line" 1 ptce --as alice score --edit 5001 --grid phase2
t_contains "the error names the line" "$T_ERR" "B: '9' is not on the scale; give a whole number from 0 to 4"
kept=$(ls "$T_DIR"/ptce-review-5001-*.txt 2>/dev/null | head -1)
t_eq "the text is kept in a file" "$([ -f "$kept" ] && echo yes)" "yes"
t_contains "and the message says where" "$T_ERR" "your text is kept in $kept"
sed -i 's/^B: .*/B: 3/' "$kept"
t_run "the kept text is read back with --from" 0 ptce --as alice score --edit 5001 --grid phase2 --from "$kept"
t_contains "no answer changed" "$T_OUT" "  none"
EDITOR="$T_DIR/ed-ok.sh" t_run "the form edited in \$EDITOR" 0 ptce --as alice score --edit 5001 --grid phase2
t_contains "the change is shown" "$T_OUT" "  G: 4 → 3"
t_contains "and submitted" "$T_OUT" "submitted"
t_contains "history keeps what changed since the reopen" \
	"$(t_sql "select detail from history where kind = 'review' and actor = 'alice' order by id desc limit 1")" "changes=G"
t_run "ptce history after the resubmission" 0 ptce history 5001
t_contains "  ...says what changed since the reopen" "$T_OUT" "changed since reopened: G"
t_eq "the temporary form is removed after success" "$(ls "$T_DIR"/ptce-review-5001-*.txt | wc -l | tr -d ' ')" "1"

# --- conflicts -------------------------------------------------------------------------
t_run "carol declares a conflict" 0 ptce --as carol conflict 5001 --reason "Administratrice de l'association"
t_run "carol may not review it" 1 ptce --as carol score 5001 --grid phase2 A=3
t_contains "because of the conflict" "$T_ERR" "conflict of interest on dossier 5001"
t_run "carol sees no review of it" 0 ptce --as carol scores 5001
t_not_contains "no review shown to carol" "$T_OUT" "alice (Alice Martin)"
t_contains "carol is told why" "$T_OUT" "in conflict of interest on this dossier"
t_run "bob may not declare for carol" 1 ptce --as bob conflict 5003 --reviewer carol --reason "x"
t_run "the coordinateur declares for bob" 0 ptce conflict 5003 --reviewer bob --reason "Salarié d'un membre"
t_run "the coordinateur sees conflicts" 0 ptce scores 5001
t_contains "conflict listed" "$T_OUT" "Conflict of interest: carol (declared by carol"

# --- lecteur and expert ----------------------------------------------------------------
t_run "a lecteur reads submitted reviews" 0 ptce --as lea scores 5001
t_contains "lecteur sees alice" "$T_OUT" "alice (Alice Martin)"
t_run "a lecteur does not score" 1 ptce --as lea score 5001 --grid phase2 A=3
t_run "an expert not asked sees nothing" 1 ptce --as exp scores 5001
t_contains "expert told" "$T_ERR" "only the dossiers you were asked about"
t_run "an instructeur may not ask an expert" 1 ptce --as alice opinion ask 5001 --expert exp --question "?"
t_run "the coordinateur asks the expert" 0 ptce opinion ask 5001 --expert exp --question "Le modèle économique tient-il ?"
t_contains "request numbered" "$T_OUT" "Opinion request 1 sent to exp on dossier 5001."
t_run "pending requests with their age" 0 ptce opinion list --pending
t_contains "pending listed" "$T_OUT" "pending 0 days"
t_run "the expert sees the dossier now, not its reviews" 0 ptce --as exp scores 5001
t_not_contains "expert sees no review" "$T_OUT" "alice (Alice Martin)"
t_run "the expert answers" 0 ptce --as exp opinion answer 1 --defavourable --text "Cofinancements fragiles"
t_run "nothing pending" 0 ptce opinion list --pending
t_contains "no pending request" "$T_OUT" "No opinion request is waiting."
t_run "the opinion appears with the dossier" 0 ptce --as bob scores 5001
t_contains "opinion shown" "$T_OUT" "Opinion 1 of exp: défavorable"

# --- grid versions ------------------------------------------------------------------------
mkdir -p "$T_DIR/grids"
sed 's/points: 5$/points: 6/; s/^total: 100/total: 101/' "$T_TOP/config/checklists/phase2.yaml" >"$T_DIR/grids/phase2.yaml"
cp "$T_TOP/config/checklists/phase1.yaml" "$T_DIR/grids/"
printf 'checklists: %s\n' "$T_DIR/grids" >"$T_DIR/edited.yaml"
t_run "scores says the grid file changed" 0 ptce --config "$T_DIR/edited.yaml" --as bob scores 5001
t_contains "newer version noted" "$T_OUT" "note: grid file $T_DIR/grids/phase2.yaml has changed (now version"
t_run "a review keeps its version when the file changed" 0 ptce --config "$T_DIR/edited.yaml" --as alice score 5001 --grid phase2
t_contains "note on the version" "$T_ERR" "this review uses version"
t_contains "old points kept (72.50 - 1.25 for G 3)" "$T_OUT" "total 71.25 / 100"

# --- ranking and campaigns ------------------------------------------------------------------
ptce --as alice score 5003 --grid phase2 A=4 B=4 C=4 D=4 E=4 F=4 G=4 synthese="Excellent" --submit >/dev/null
t_run "ranking phase 2" 0 ptce ranking --phase 2
t_contains "5003 ranks first" "$(printf '%s\n' "$T_OUT" | sed -n 3p)" "   1  5003"
t_contains "5001 second with its mean" "$(printf '%s\n' "$T_OUT" | sed -n 4p)" "68.12"
t_run "ranking for one région" 0 ptce ranking --phase 2 --region 76
t_not_contains "Grand Est left out" "$T_OUT" "5001"
t_run "ranking as CSV" 0 ptce ranking --phase 2 --format csv
t_contains "CSV header" "$T_OUT" '"rank","dossier","ptce","region","territory_type","state","reviews","required","mean_total"'
t_contains "CSV row" "$T_OUT" '"2","5001","PTCE Alpha","44","rural","phase2","2","2","68.12","favourable"'
t_run "bob's ranking hides what he may not see yet" 0 ptce --as bob ranking --phase 2
t_contains "hidden row" "$T_OUT" "hidden until you submit your review"
t_run "a bad phase" 2 ptce ranking --phase 3
t_run "campaign list" 0 ptce campaign list
t_contains "current campaign with its envelope" "$T_OUT" "* AMI PTCE 2025                 500 000            0      500 000         0"
t_done
