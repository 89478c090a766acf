# demo.sh - ptce init --demo: enough realistic dossiers in every state, valid
# SIRETs, a history consistent with states, reviewers of every role, reviews.
. "$(dirname "$0")/../lib.sh"
t_setup
ME=$(id -un)

t_run "init --demo" 0 ptce init --demo
t_not_contains "init --demo: nothing was left out" "$T_ERR" "left out"

# --- dossiers -----------------------------------------------------------------
t_run "list" 0 ptce list
t_contains "list shows Stras Eco Renov" "$T_OUT" "Stras Eco Renov"
t_contains "list shows SCIC Kèpos (accents intact)" "$T_OUT" "Kèpos"
t_contains "list shows an overseas dossier" "$T_OUT" "Réuniverre"
N=$(printf '%s\n' "$T_OUT" | grep -c '1820[0-9][0-9][0-9][0-9]')
t_eq "list shows at least 24 dossiers" "$([ "$N" -ge 24 ] && echo yes || echo "no ($N)")" "yes"
t_eq "the seven states are present" "$(t_sql "select count(distinct state) from dossiers")" "7"
t_eq "at least 3 dossiers in each of phase1, bouquet, phase2" \
	"$(t_sql "select count(*) from (select state from dossiers where state in ('phase1','bouquet','phase2') group by state having count(*) >= 3)")" "3"
t_eq "dossiers spread over at least 10 régions, overseas included" \
	"$(t_sql "select count(distinct region_code) >= 10, sum(region_code in ('01','02','04')) >= 3 from dossiers")" "1|1"
t_eq "département and région agree" \
	"$(t_sql "select count(*) from dossiers d join departements p on p.code = d.departement_code where p.region_code <> d.region_code")" "0"
for st in submitted phase1 bouquet phase2 funded rejected withdrawn; do
	t_run "list --state $st" 0 ptce list --state "$st"
	t_contains "list --state $st shows dossiers" "$T_OUT" "1820"
done

# --- every field, plausible ---------------------------------------------------
t_eq "no empty field in any dossier" \
	"$(t_sql "select count(*) from dossiers where coalesce(ds_status,'') = '' or deposited_at is null
	  or coalesce(lead_legal_form,'') = '' or lead_esus is null or coalesce(lead_address,'') = ''
	  or coalesce(legal_rep,'') = '' or coalesce(contact_name,'') = '' or coalesce(contact_phone,'') = ''
	  or coalesce(stage,'') = '' or coalesce(territory,'') = '' or coalesce(territory_type,'') = ''
	  or coalesce(sectors,'') = '' or coalesce(themes,'') = '' or coalesce(phase_applied,'') = ''
	  or coalesce(bouquet_needs,'') = '' or length(description) < 200 or length(diagnosis) < 100
	  or length(governance) < 200 or staff_fte is null or length(indicators) < 100
	  or budget_eur is null or amount_requested_eur is null or length(cofunding) < 50")" "0"
t_eq "every territory type is used" "$(t_sql "select group_concat(t, ' ') from (select distinct territory_type t from dossiers order by 1)")" \
	"outre-mer qpv rural urbain"
t_eq "e-mails are under example.org" "$(t_sql "select count(*) from dossiers where contact_email not like '%.example.org' and contact_email not like '%@example.org'")" "0"
t_eq "reviewers' e-mails are under example.org" "$(t_sql "select count(*) from reviewers where email is not null and email not like '%@example.org'")" "0"
t_eq "phones have ten digits" "$(t_sql "select count(*) from dossiers where length(replace(contact_phone, ' ', '')) <> 10")" "0"
t_eq "amounts requested are at most 100 000 EUR and under the budget" \
	"$(t_sql "select count(*) from dossiers where amount_requested_eur > 100000 or amount_requested_eur > budget_eur")" "0"

# Luhn over every SIRET, lead and members, written here independently of
# the program's own check.
SIRETS=$(t_sql "select lead_siret from dossiers union all select siret from members where siret is not null")
t_eq "every SIRET passes Luhn" "$(printf '%s\n' "$SIRETS" | awk '
	{ if (length($0) != 14 || $0 !~ /^[0-9]+$/) { bad++; next }
	  s = 0; for (i = 1; i <= 14; i++) { d = substr($0, i, 1) + 0; if (i % 2 == 1) { d *= 2; if (d > 9) d -= 9 } s += d }
	  if (s % 10) bad++ }
	END { print bad + 0 }')" "0"
t_eq "SIRETs look invented (they start with 999)" "$(printf '%s\n' "$SIRETS" | grep -vc '^999')" "0"
t_eq "no two dossiers share a lead SIRET" "$(t_sql "select count(*) - count(distinct lead_siret) from dossiers")" "0"

# --- members and documents ----------------------------------------------------
t_eq "3 to 8 members per dossier" \
	"$(t_sql "select count(*) from dossiers d where (select count(*) from members m where m.dossier_id = d.id) not between 3 and 8")" "0"
t_eq "member categories cover decree 2015-431" \
	"$(t_sql "select group_concat(c, ' ') from (select distinct category c from members order by 1)")" \
	"citoyens collectivite-epci entreprise ess formation recherche-enseignement"
t_eq "every dossier has statutes, a SIRENE notice and a charter" \
	"$(t_sql "select count(*) from dossiers d where (select count(distinct kind) from documents x where x.dossier_id = d.id and kind in ('statuts','sirene','charte')) <> 3")" "0"
t_eq "partner letters are attached" "$(t_sql "select count(*) > 20 from documents where kind = 'lettre'")" "1"
t_eq "compléments demandés on two dossiers, one overdue" \
	"$(t_sql "select count(*), sum(complements_due < date('now')) from dossiers where complements_due is not null")" "2|1"

# --- history ------------------------------------------------------------------
t_eq "each dossier's state is its last history entry with a to_state" \
	"$(t_sql "select count(*) from dossiers d where d.state is not (select to_state from history h where h.dossier_id = d.id and h.to_state is not null order by h.id desc limit 1)")" "0"
t_eq "history is in time order within each dossier" \
	"$(t_sql "select count(*) from history a join history b on a.dossier_id = b.dossier_id and b.id > a.id where b.at < a.at")" "0"
t_eq "nothing happens in the future" "$(t_sql "select count(*) from history where at > strftime('%Y-%m-%dT%H:%M:%SZ', 'now')")" "0"
t_eq "dates are alive: deposits from a few days to 200 days ago" \
	"$(t_sql "select min(julianday('now') - julianday(deposited_at)) < 15, max(julianday('now') - julianday(deposited_at)) between 150 and 202 from dossiers")" "1|1"
t_eq "some dossiers wait long enough to be overdue" \
	"$(t_sql "select count(*) >= 2 from dossiers where state = 'submitted' and julianday('now') - julianday(state_since) > 15")" "1"
t_eq "rejections and withdrawals are motivated" \
	"$(t_sql "select count(*) from history where to_state in ('rejected','withdrawn') and length(motivation) < 40")" "0"
t_eq "a phase 2 dossier went back to the bouquet, motivated" \
	"$(t_sql "select count(*) from history where from_state = 'phase2' and to_state = 'bouquet' and length(motivation) > 40")" "1"
t_eq "moves are made by the invented reviewers" \
	"$(t_sql "select count(distinct actor) >= 3 from history where kind = 'move'")" "1"
t_eq "every dossier past submitted has assigned reviewers" \
	"$(t_sql "select count(*) from dossiers d where state <> 'submitted' and not exists (select 1 from assignments a where a.dossier_id = d.id)")" "0"
t_eq "the running account is assigned some dossiers to try" \
	"$(t_sql "select count(*) >= 3 from assignments where login = '$ME'")" "1"
ID=$(t_sql "select ds_number from dossiers where ptce_name = 'PTCE Gâtinais Montargois'")
t_run "history of a dossier that went to phase 2 and back" 0 ptce history "$ID"
t_contains "history shows the motivation" "$T_OUT" "conserve le bouquet"

# --- people -------------------------------------------------------------------
t_eq "the running account is admin and coordinateur" \
	"$(t_sql "select group_concat(role, ' ') from (select role from reviewer_roles where login = '$ME' order by role)")" "admin coordinateur"
for role in instructeur coordinateur expert lecteur admin; do
	t_eq "someone is $role" "$(t_sql "select count(*) > 0 from reviewer_roles x join reviewers r using (login) where r.active = 1 and role = '$role'")" "1"
done
t_eq "3 instructeurs, 2 coordinateurs, 3 experts, 1 lecteur" \
	"$(t_sql "select group_concat(n, ' ') from (select count(*) n from reviewer_roles where role in ('instructeur','coordinateur','expert','lecteur') group by role order by role)")" \
	"2 3 3 1"
t_run "reviewer list" 0 ptce reviewer list
t_contains "reviewer list shows the CRESS expert" "$T_OUT" "CRESS"
t_run "an invented instructeur can act (--as)" 0 ptce --as cmartin list --state phase1
t_contains "cmartin sees the phase 1 queue" "$T_OUT" "Remendaires"

# --- reviews, opinions, conflicts, ranking, funding guard --------------------
if [ -f "$T_TOP/config/checklists/phase2.yaml" ]; then
	t_eq "phase 1 reviews: two submitted on every dossier that left phase 1 by a decision" \
		"$(t_sql "select count(*) from dossiers d where state in ('bouquet','phase2','funded','rejected')
		  and (select count(*) from reviews r where r.dossier_id = d.id and r.grid_id = 'phase1' and r.status = 'submitted') < 2")" "0"
	t_eq "some reviews are drafts" "$(t_sql "select count(*) >= 2 from reviews where status = 'draft'")" "1"
	t_eq "phase 2 reviews on every phase 2 and funded dossier" \
		"$(t_sql "select count(*) from dossiers d where state in ('phase2','funded')
		  and (select count(*) from reviews r where r.dossier_id = d.id and r.grid_id = 'phase2' and r.status = 'submitted') < 2")" "0"
	t_eq "guards were met, not overridden" "$(t_sql "select count(*) from history where override = 1")" "0"
	t_eq "a conflict of interest is declared" "$(t_sql "select count(*) from conflicts")" "1"
	t_eq "expert opinions: favourable, défavorable and pending" \
		"$(t_sql "select sum(verdict = 'favourable') >= 1, sum(verdict = 'defavourable') >= 1, sum(answered_at is null) >= 1 from opinions")" "1|1|1"
	t_run "ranking --phase 2" 0 ptce ranking --phase 2
	t_contains "ranking lists the phase 2 dossiers" "$T_OUT" "Filière vélo du Grand Paris"
	t_contains "ranking lists a réservé dossier" "$T_OUT" "Cluster économie"
	t_contains "ranking lists a défavorable dossier" "$T_OUT" "ECHOBAT"
	t_contains "ranking flags the divergent dossier" "$T_OUT" "divergent: B"
	t_eq "phase 2 totals are spread over the three bands" \
		"$(t_sql "select count(distinct band) from reviews where grid_id = 'phase2' and status = 'submitted'")" "3"
	ID=$(t_sql "select ds_number from dossiers where ptce_name = 'Cluster économie textile circulaire'")
	t_run "funding a réservé dossier is refused" 1 ptce move --validation-ref CNA-TEST --validation-date 2026-01-15 "$ID" funded
	t_contains "the refusal names the band" "$T_ERR" "favourable"
	t_eq "the refused move changed nothing" "$(t_sql "select state from dossiers where ds_number = '$ID'")" "phase2"
	ID=$(t_sql "select ds_number from dossiers where ptce_name = 'Remendaires'")
	t_run "retaining a dossier with one review of two is refused" 1 ptce move "$ID" bouquet
	t_contains "the refusal names the reviews" "$T_ERR" "review"
fi

# --- the file -----------------------------------------------------------------
t_eq "integrity_check" "$(t_sql "PRAGMA integrity_check")" "ok"
t_eq "foreign keys hold" "$(t_sql "PRAGMA foreign_key_check" | wc -l | tr -d ' ')" "0"
BEFORE=$(t_sql "select count(*) from dossiers; select count(*) from history; select count(*) from reviewers")
t_run "init --demo again is refused" 1 ptce init --demo
t_contains "the refusal says the database exists" "$T_ERR" "already exists"
t_eq "the refused init changed nothing" "$(t_sql "select count(*) from dossiers; select count(*) from history; select count(*) from reviewers")" "$BEFORE"

# The same demo every time (dates move with today, nothing else).
PTCE_DB=$T_DIR/second.db
t_run "a second demo" 0 ptce init --demo
t_eq "the second demo is the same" \
	"$(sqlite3 "$T_DIR/second.db" "select ds_number, ptce_name, state, lead_siret, length(description) from dossiers order by id; select count(*) from history; select count(*) from members")" \
	"$(sqlite3 "$T_DIR/ptce.db" "select ds_number, ptce_name, state, lead_siret, length(description) from dossiers order by id; select count(*) from history; select count(*) from members")"

# A round whose envelope cannot pay every demo laureate: the envelope is a
# hard requirement (never overridden), so the demo keeps a dossier in phase 2
# and says so, instead of failing.
mkdir -p "$T_DIR/small"
sed 's/envelope: [0-9_]*/envelope: 250000/' "$T_TOP/config/ptce.yaml" >"$T_DIR/small/ptce.yaml"
cp -r "$T_TOP/config/checklists" "$T_DIR/small/"
t_run "init --demo with a small envelope" 0 ptce --config "$T_DIR/small/ptce.yaml" --db "$T_DIR/small/d.db" init --demo
t_contains "  ...says which dossier stays in phase 2" "$T_ERR" "stays in phase 2"
t_contains "  ...because of the envelope" "$T_ERR" "left of its 250000 EUR envelope"
t_eq "  ...the funded ones fit the envelope" \
	"$(sqlite3 "$T_DIR/small/d.db" "select sum(amount_per_year_eur * years) <= 250000 from funding_decisions")" "1"
t_done
