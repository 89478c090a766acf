# i18n.sh - the French catalogue: complete, compiled, used by the binary, and
# the state and transition labels equal to the label_fr column of src/procedure/procedure.c.
. "$(dirname "$0")/../lib.sh"
t_setup
PO=$T_TOP/po/fr.po
LOCDIR=${PTCE_LOCALEDIR:-$T_TOP/build/locale}
MO=$LOCDIR/fr/LC_MESSAGES/ptce.mo
export LANGUAGE=fr
NB=$(printf '\302\240') NN=$(printf '\342\200\257')	# no-break and narrow no-break spaces

# --- the catalogue itself ------------------------------------------------------
# msgfmt prints "N translated messages." alone only when nothing is untranslated
# or fuzzy; otherwise it adds ", N fuzzy translations, N untranslated messages.".
# The gettext tools run with LC_ALL=C: their own messages must stay English.
t_run "msgfmt -c accepts po/fr.po" 0 env LC_ALL=C msgfmt -c --statistics -o "$T_DIR/fr.mo" "$PO"
STATS=$T_ERR
t_eq "po/fr.po: every message translated, none fuzzy" \
	"$(printf '%s\n' "$STATS" | sed -n 's/^[0-9][0-9]* translated messages\.$/complete/p')" "complete"
t_not_contains "po/fr.po: no fuzzy entry" "$STATS" "fuzzy"
t_not_contains "po/fr.po: no untranslated entry" "$STATS" "untranslated"
t_eq "po/fr.po header: UTF-8 and French plural rule" \
	"$(grep -c -e '^"Content-Type: text/plain; charset=UTF-8\\n"$' \
		-e '^"Plural-Forms: nplurals=2; plural=(n > 1);\\n"$' -e '^"Language: fr\\n"$' "$PO")" "3"

# Every string in today's sources has a translation (catches strings added
# after the last catalogue pass: run make pot, msgmerge, translate).
if command -v xgettext >/dev/null 2>&1; then
	(cd "$T_TOP" && xgettext --from-code=UTF-8 -k_ -kN_ -kP_:1,2 -kC_:1c,2 --package-name=ptce \
		-o "$T_DIR/ptce.pot" $(find src ui -name "*.[ch]" | sort)) 2>"$T_DIR/xg.err"
	t_run "po/fr.po translates every msgid of the current sources" 0 env LC_ALL=C msgcmp "$PO" "$T_DIR/ptce.pot"
else
	t_skip "xgettext is not installed (apt-get install gettext)"
fi

t_eq "the binary's catalogue exists ($MO)" "$([ -f "$MO" ] && echo yes)" "yes"
t_run "the compiled catalogue matches po/fr.po" 0 cmp -s "$MO" "$T_DIR/fr.mo"

# --- state and transition labels -------------------------------------------------
# States:      {"code", N_("label_en"), "label_fr", open},
# Transitions: {"from", "to", N_("label_en"), "label_fr", ...
SRC=$T_TOP/src/procedure/procedure.c
sed -n 's/^[[:space:]]*{"\([a-z0-9]*\)", N_("\([^"]*\)"), "\([^"]*\)".*/\1|\2|\3/p' "$SRC" >"$T_DIR/states"
sed -n 's/^[[:space:]]*{"[a-z0-9]*", "[a-z0-9]*", N_("\([^"]*\)"), "\([^"]*\)".*/\1|\2/p' "$SRC" |
	sort -u >"$T_DIR/transitions"
t_eq "procedure.c: seven states found" "$(wc -l <"$T_DIR/states" | tr -d ' ')" "7"
t_eq "procedure.c: at least six transition labels found" \
	"$([ "$(wc -l <"$T_DIR/transitions")" -ge 6 ] && echo yes)" "yes"

# What the program's catalogue gives for each English label (gettext(1) reads
# the same .mo the binary does).
tr_fr() { TEXTDOMAINDIR=$LOCDIR LANGUAGE=fr gettext -d ptce -- "$1"; }

t_run "init --demo" 0 ptce init --demo
while IFS='|' read -r code en fr; do
	t_eq "state $code: catalogue says label_fr" "$(tr_fr "$en")" "$fr"
	t_run "list --state $code" 0 ptce list --state "$code"
	t_contains "list --state $code shows '$fr'" "$T_OUT" "$fr"
done <"$T_DIR/states"
while IFS='|' read -r en fr; do
	t_eq "transition '$en': catalogue says label_fr" "$(tr_fr "$en")" "$fr"
done <"$T_DIR/transitions"

# --- the program speaks French -------------------------------------------------
t_run "--help" 0 ptce --help
t_contains "--help: French usage line" "$T_OUT" "Usage${NB}: ptce [OPTIONS GLOBALES]"
t_contains "--help: French 'Commands:'" "$T_OUT" "Commandes${NB}:"
t_contains "--help: French command summary" "$T_OUT" "déclarer un conflit d’intérêts"
t_not_contains "--help: no English left" "$T_OUT" "Commands:"
t_run "--help in English without LANGUAGE=fr" 0 env LANGUAGE= "$PTCE" --help
t_contains "English --help still says Commands:" "$T_OUT" "Commands:"

t_run "move --help" 0 ptce move --help
t_contains "move --help: French options" "$T_OUT" "motivation (obligatoire pour rejeter"
t_contains "move --help: French usage" "$T_OUT" "Usage${NB}: ptce [OPTIONS GLOBALES] move"

t_run "list" 0 ptce list
HEAD=$(printf '%s\n' "$T_OUT" | sed -n 1p)
for h in Numéro PTCE Région État Jours; do
	t_contains "list header has '$h'" "$HEAD" "$h"
done
t_not_contains "list header: no English 'State'" "$HEAD" "State"
t_contains "list: French state labels" "$T_OUT" "instruction phase 2"
t_contains "list: French plural footer" "$T_OUT" " dossiers"

FUNDED=$(ptce list --state funded --format tsv | sed -n 2p | cut -f1)
PHASE1=$(ptce list --state phase1 --format tsv | sed -n 2p | cut -f1)
t_run "a funded dossier cannot go back to phase1" 1 ptce move "$FUNDED" phase1
t_contains "refusal in French" "$T_ERR" "la procédure ne prévoit aucun passage de «${NB}financé (funded)${NB}» à «${NB}phase 1 (phase1)${NB}»"
t_contains "refusal names the open moves in French" "$T_ERR" "Aucun passage ne vous est ouvert depuis «${NB}financé (funded)${NB}»"
t_not_contains "refusal: no English left" "$T_ERR" "no move"
t_run "rejecting without a motivation is refused" 1 ptce move "$PHASE1" rejected
t_contains "refusal asks for a motivation in French" "$T_ERR" \
	"le passage de «${NB}phase1${NB}» à «${NB}rejected${NB}» (non retenu en phase 1) demande une motivation écrite${NB}: ajoutez --reason"
t_eq "nothing moved" "$(t_sql "select state from dossiers where ds_number = '$PHASE1'")" "phase1"
t_run "phase1 -> funded is refused" 1 ptce move "$PHASE1" funded
t_contains "open moves listed with French transition labels" "$T_ERR" \
	"bouquet — retenir en phase 1 (bouquet de services), non retenu (rejected) — non retenu en phase 1, retiré (withdrawn) — retiré par le porteur."

t_run "show" 0 ptce show "$PHASE1"
t_contains "show: French field label" "$T_OUT" "Représentant légal"
t_contains "show: French section" "$T_OUT" "== Structure porteuse =="
t_contains "show: French state line" "$T_OUT" "État${NB}: instruction phase 1"

t_run "unknown command" 2 ptce frobnicate
t_contains "usage error in French" "$T_ERR" "commande inconnue «${NB}frobnicate${NB}»"

# --- the placeholders of the usage lines, in French --------------------------
t_run "move --help in French" 0 ptce move --help
t_contains "move: ÉTAT, TEXTE, RÉF in the usage line" "$T_OUT" \
	"Usage${NB}: ptce [OPTIONS GLOBALES] move ID ÉTAT [--reason TEXTE] [--override] [--validation-ref RÉF"
t_run "import --help in French" 0 ptce import --help
t_contains "import: FICHIER, and FICHIER.csv keeps its extension" "$T_OUT" \
	"import FICHIER [--members FICHIER.csv] [--mapping FICHIER.yaml]"
t_run "assign --help in French" 0 ptce assign --help
t_contains "assign: IDENT for LOGIN" "$T_OUT" "assign ID IDENT... [--remove]"
# Every command's usage line: no English placeholder is left.
cmds=$(ptce tables commands | cut -f1)
t_eq "the commands were listed" "$([ "$(echo $cmds | wc -w)" -gt 15 ] && echo yes)" "yes"
bad=$(for c in $cmds; do ptce "$c" --help 2>&1 | sed -n '1p' |
	grep -E '(^|[^A-Za-z-])(FILE|LOGIN|TEXT|VALUE|STATE|NAME|MAIL|PATH)([^A-Za-z]|$)'; done)
t_eq "no English placeholder in any French usage line" "$bad" ""
t_contains "ptce --help in French: the placeholders of the global options" "$(ptce --help)" "--as IDENT"
# In English they stay as they are; option names are never translated.
t_contains "move --help in English keeps TEXT and --reason" "$(LANGUAGE= ptce move --help)" \
	"move ID STATE [--reason TEXT] [--override]"

t_done
