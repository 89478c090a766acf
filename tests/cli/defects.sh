#!/bin/sh
# defects.sh - the command-line defects of issue 12 on the demo data: local
# times, past deadlines and future validations, the export rule, filters by
# name and either value, the history's actor column, ranking --phase 1,
# show with its reviews, --help and exit status 70, init --demo's hint.
. "$(dirname "$0")/../lib.sh"
t_setup
t_run "init --demo" 0 ptce init --demo
t_contains "init --demo with PTCE_DB names the database to open" "$T_OUT" \
	"Open the interface with: ptce --db '$PTCE_DB'"
t_run "init --demo in the default place" 0 env -u PTCE_DB "$PTCE" init --demo
t_contains "  ...says plain ptce" "$T_OUT" "Open the interface with: ptce"
t_not_contains "  ...without --db" "$T_OUT" "--db"

# 4. Times: local, without T…Z (TZ=Europe/Paris in tests).
t_run "scores" 0 ptce scores 18204238
t_eq "4: scores shows no ISO T…Z time" "$(printf '%s\n' "$T_OUT" | grep -c '[0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z')" 0
utc=$(t_sql "select submitted_at from reviews where reviewer = 'adupont' and grid_id = 'phase2' and dossier_id = (select id from dossiers where ds_number = '18204238')")
local=$(TZ=Europe/Paris date -d "$utc" '+%Y-%m-%d %H:%M')
t_contains "4: scores shows the local time" "$T_OUT" "submitted $local"

# 9. A deadline in the past and a validation dated in the future are refused.
t_run "9: complements --due in the past is refused" 1 ptce complements 18205024 --due 2020-01-15
t_contains "  ...saying why" "$T_ERR" "the deadline 2020-01-15 is already past"
t_run "9: complements --due today is accepted" 0 ptce complements 18205024 --due "$(date +%Y-%m-%d)"
t_run "9: a national validation dated in the future is refused" 1 ptce move 18204893 funded \
	--validation-ref CNA-2099-1 --validation-date 2099-06-30
t_contains "  ...saying why" "$T_ERR" "the validation date 2099-06-30 is in the future"
t_eq "  ...not funded" "$(t_sql "select state from dossiers where ds_number = '18204893'")" phase2

# 11. export --output: 0600, never over an existing file without --force.
echo "ancien" >"$T_DIR/out.csv"
chmod 644 "$T_DIR/out.csv"
t_run "11: export over an existing file is refused" 1 ptce export --output "$T_DIR/out.csv"
t_contains "  ...saying how" "$T_ERR" "exists already; it is replaced only when you say so (--force)"
t_eq "  ...the file untouched" "$(cat "$T_DIR/out.csv")" "ancien"
t_eq "  ...no temporary file left" "$(ls "$T_DIR" | grep -c tmp)" 0
t_run "11: export --force replaces it" 0 ptce export --output "$T_DIR/out.csv" --force
t_eq "  ...0600" "$(stat -c %a "$T_DIR/out.csv")" 600
t_eq "  ...28 lines" "$(wc -l <"$T_DIR/out.csv" | tr -d ' ')" 28
t_run "11: export to a new file" 0 ptce export --output "$T_DIR/new.csv"
t_eq "  ...0600" "$(stat -c %a "$T_DIR/new.csv")" 600

# 12. Filters: names and codes, either value of one option, départements.
t_run "12: list --region Occitanie" 0 ptce list --region Occitanie
t_eq "  ...the dossiers of région 76" "$(printf '%s\n' "$T_OUT" | tail -1)" \
	"$(ptce list --region 76 | tail -1)"
t_contains "  ...6 of them" "$T_OUT" "6 dossiers"
t_run "12: list --state phase2 --state bouquet means either" 0 ptce list --state phase2 --state bouquet --format tsv
t_eq "  ...10 dossiers" "$(printf '%s\n' "$T_OUT" | tail -n +2 | wc -l | tr -d ' ')" 10
t_eq "  ...all phase2 or bouquet" "$(printf '%s\n' "$T_OUT" | tail -n +2 | cut -f5 | sort -u | tr '\n' ' ')" "bouquet phase2 "
t_run "12: list --departement 31" 0 ptce list --departement 31
t_contains "  ...2 dossiers" "$T_OUT" "2 dossiers"
t_run "12: list --departement Haute-Garonne" 0 ptce list --departement Haute-Garonne
t_contains "  ...the same 2" "$T_OUT" "2 dossiers"
t_run "12: an unknown région is a usage error" 2 ptce list --region Atlantide
t_contains "  ...naming it" "$T_ERR" "unknown region 'Atlantide'"

# 13. history keeps the actor whole; ranking --phase 1 says how many
# reviews are required; show prints the reviews; --help names 70.
ptce reviewer add averylonglogin --name "Avery Long" --role instructeur,coordinateur >/dev/null
t_run "move as a long login" 0 ptce --as averylonglogin complements 18205024 --clear
t_run "13: history" 0 ptce history 18205024
t_contains "  ...the actor column is not cut" "$T_OUT" "averylonglogin (by "
t_not_contains "  ...no …" "$T_OUT" "…"
t_run "13: ranking --phase 1" 0 ptce ranking --phase 1
t_not_contains "  ...no 0/-" "$T_OUT" "/-"
t_contains "  ...a dossier without review needs 1" "$T_OUT" "0/1"
t_run "13: show" 0 ptce show 18204238
t_contains "  ...a Reviews section" "$T_OUT" "== Reviews =="
t_contains "  ...with a submitted review" "$T_OUT" "adupont (Antoine Dupont) — grid phase2"
t_run "13: show as an instructeur" 0 ptce --as cmartin show 18204238
t_contains "  ...says what is hidden" "$T_OUT" "2 reviews are hidden from you for now."
t_run "13: --help" 0 ptce --help
t_contains "  ...names exit status 70" "$T_OUT" "70 internal error"
t_done
