#!/bin/sh
# search_many.sh - a word in more dossiers than a search counts (over
# 1 000): the hit is found, its rank known while stepping from the first,
# the count said as "more than 1,000", in English and in French; the
# place of each hit comes from the rows walked (the cursor lands on it).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/ui.sh"
t_setup
ui_init_db
# 1 100 dossiers, all but 50 of the middle with the word.
sqlite3 -batch "$PTCE_DB" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1100)
  INSERT INTO dossiers(ds_number, state_since, deposited_at, lead_name, ptce_name, region_code,
  departement_code, description, territory_type, created_at, updated_at)
  SELECT printf('%05d', i), '2025-03-01T09:00:00Z', '2025-03-01', 'Association ' || i,
  'PTCE ' || i, '76', '31', CASE WHEN i BETWEEN 551 AND 600 THEN 'Rien.' ELSE 'Une zinzoline.' END,
  'rural', '2025-03-01T09:00:00Z', '2025-03-01T09:00:00Z' FROM n" || echo "not ok - fill"
msg() { tail -1 "$T_DIR/$1"; }
ui_run many 120 30 <<'KEYS'
/zinzol<Enter>
:save-screen s1
n
:save-screen s2
G
n
:save-screen s3
N
:save-screen s4
KEYS
t_contains "the first hit, its rank, the count capped" "$(msg s1)" "zinzol: hit 1 of more than 1,000 (n next, N previous)"
t_contains "  ...the cursor on it" "$(grep '^>' "$T_DIR/s1")" "00001"
t_contains "n: the second" "$(msg s2)" "zinzol: hit 2 of more than 1,000"
t_contains "  ...the cursor on it" "$(grep '^>' "$T_DIR/s2")" "00002"
t_contains "n from the last row wraps to the first" "$(msg s3)" "hit 1 of more than 1,000 (n next, N previous) · past the last hit, back to the first"
t_contains "N from the first wraps to the last, its rank unknown" "$(msg s4)" "zinzol: a hit among more than 1,000 (n next, N previous) · past the first hit, back to the last"
t_contains "  ...the cursor on it" "$(grep '^>' "$T_DIR/s4")" "01100"
LANGUAGE=fr ui_run many-fr 120 30 <<'KEYS'
/zinzol<Enter>
:save-screen f1
KEYS
# A no-break space before the colon, a narrow one between the thousands.
nb=$(printf '\302\240') nn=$(printf '\342\200\257')
t_contains "in French: the rank, « plus de 1 000 »" "$(msg f1)" \
	"zinzol${nb}: résultat 1 sur plus de 1${nn}000 (n suivant, N précédent)"
t_done
