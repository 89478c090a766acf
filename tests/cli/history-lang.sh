#!/bin/sh
# history-lang.sh - history stored as codes and values, put into words when
# read: a database an older ptce (schema 8) left with English sentences is
# upgraded (migration 9), 'ptce audit verify' still finds the record whole,
# and the same database shows its history in English and in French.
. "$(dirname "$0")/../lib.sh"
t_setup
MAKE_V8=${PTCE_BUILD:-$T_TOP/build}/tests/test_history_v9
export PTCE_LOCALEDIR=${PTCE_LOCALEDIR:-$T_TOP/build/locale}
NB=$(printf '\302\240') NN=$(printf '\342\200\257')	# no-break and narrow no-break spaces

t_run "a schema 8 database with English history" 0 "$MAKE_V8" --make-v8 "$PTCE_DB" "$(id -un)"
t_eq "  ...is at version 8" "$(t_sql 'PRAGMA user_version')" 8
t_eq "  ...its details are sentences" "$(t_sql "select detail from history where id = 9")" "opinion 3 asked of carol"
t_run "ptce audit verify after the upgrade" 0 ptce audit verify
t_contains "  ...finds the record intact" "$T_OUT" "Audit record intact"
t_eq "  ...at the current version (15)" "$(t_sql 'PRAGMA user_version')" 15
t_eq "  ...its grid installation sealed into the record (migration 10)" \
	"$(t_sql "select count(*) from audit where tbl = 'grid_installs' and key = '1' and op = 'insert'")" 1
t_eq "  ...its grid version sealed again with its origin" \
	"$(t_sql "select count(*) from audit where tbl = 'grid_versions' and key = '1'")" 2
t_contains "  ...whose trigger digests the origin" \
	"$(t_sql "select sql from sqlite_master where name = 'audit_grid_versions_u'")" "NEW.origin"
t_eq "the details are codes and values" "$(t_sql "select detail from history where id = 9")" \
	"$(printf 'action=asked\nid=3\nexpert=carol')"
t_eq "no detail left as an English sentence" \
	"$(t_sql "select count(*) from history where detail like '% %' and detail not like 'text=%'
		  and detail not like '%=%'")" 0
t_run "history is still append-only" 1 sqlite3 -batch "$PTCE_DB" "update history set detail = 'x' where id = 1"

LANGUAGE= t_run "ptce history in English" 0 ptce history 1001
EN=$T_OUT
t_contains "  ...the sentences ptce wrote before" "$EN" "(review submitted on grid phase1 (version afddcac8923577b1))"
t_contains "  ...an opinion asked" "$EN" "(opinion 3 asked of carol)"
t_contains "  ...an update with old and new values" "$EN" 'ptce_name: "Old; x" → "New"; budget_eur: (empty) → "1000"'
t_contains "  ...someone acting for another" "$EN" "(recorded by alice acting as coord)"
t_contains "  ...dates as before" "$EN" "2026-06-26 13:52 alice"

LANGUAGE=fr t_run "ptce history in French, same database" 0 ptce history 1001
FR=$T_OUT
t_contains "  ...a review in French" "$FR" "(évaluation soumise sur la grille phase1 (version afddcac8923577b1))"
t_contains "  ...an opinion in French" "$FR" "(avis 3 demandé à carol)"
t_contains "  ...the verdict in French" "$FR" "avis 3 rendu${NB}: défavorable"
t_contains "  ...values in guillemets" "$FR" "ptce_name${NB}: «${NB}Old; x${NB}» → «${NB}New${NB}»${NN}; budget_eur${NB}: (vide)"
t_contains "  ...a due date the French way" "$FR" "(attendus pour le 01/12/2026)"
t_contains "  ...kinds in French" "$FR" "26/06/2026 13:52 alice             évaluation"
t_contains "  ...someone acting for another" "$FR" "(enregistré par alice pour le compte de coord)"
t_not_contains "  ...no English sentence" "$FR" "review submitted"
t_not_contains "  ...no ISO date" "$FR" "2026-06-26"
t_contains "  ...compléments no longer awaited" "$FR" "(plus de compléments attendus)"

# A new entry is stored as codes, and read in both languages.
t_run "a conflict declared after the upgrade" 0 ptce conflict 1001 --reviewer alice --reason "voisine"
t_eq "  ...stored as a code and a value" \
	"$(t_sql "select detail from history where kind = 'conflict' order by id desc limit 1")" "person=alice"
t_contains "  ...read in French" "$(LANGUAGE=fr ptce history 1001)" "(conflit d’intérêts${NB}: alice)"
t_contains "  ...read in English" "$(ptce history 1001)" "(conflict of interest: alice)"
t_run "ptce audit verify once more" 0 ptce audit verify
t_done
