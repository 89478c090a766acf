# fr-typo.sh - tests/lint/fr_typo.py: po/fr.po follows French typography
# (U+00A0 before ":" and inside « », U+202F before ";" "?" "!", ’ in words);
# the lint reports each kind of fault in a bad catalogue, leaves machine text
# alone, and --fix repairs the catalogue so that the lint then passes.
. "$(dirname "$0")/../lib.sh"
t_setup
LINT=$T_TOP/tests/lint/fr_typo.py
if ! command -v python3 >/dev/null 2>&1; then
	t_skip "python3 is not installed"
	t_done
fi
NB=$(printf '\302\240')      # U+00A0 no-break space
NN=$(printf '\342\200\257')  # U+202F narrow no-break space
AP=$(printf '\342\200\231')  # ’
LQ=$(printf '\302\253')      # «
RQ=$(printf '\302\273')      # »

t_run "po/fr.po: the lint finds nothing" 0 python3 "$LINT" "$T_TOP/po/fr.po"

# --- a bad catalogue: one entry per kind of fault ---------------------------
BAD=$T_DIR/bad.po
cat >"$BAD" <<EOF
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\n"

msgid "Options:"
msgstr "Options :"

msgid "Total: %d"
msgstr "Total: %d"

msgid "no file; give one"
msgstr "aucun fichier ; donnez-en un"

msgid "which file? give its name"
msgstr "quel fichier ? donnez son nom"

msgid "Done!"
msgstr "Terminé !"

msgid "already sent; nothing changed"
msgstr "déjà envoyé${NB}; rien n'a changé"

msgid "the import of %s"
msgstr "l'import de %s"

msgid "unknown view \"%s\""
msgstr "vue inconnue \"%s\""

msgid "unknown rule '%s'"
msgstr "règle inconnue '%s'"

msgid "the \"%s\" sheet"
msgstr ""
"la feuille \"%"
"s\""

msgid "entry « %s »"
msgstr "entrée « %s »"
EOF
t_run "the lint fails on a bad catalogue" 1 python3 "$LINT" "$BAD"
t_contains "an ASCII space before a colon" "$T_OUT" "bad.po:7: space before « : » (want U+00A0)"
t_contains "no space before a colon" "$T_OUT" "bad.po:10: no space before « : » (want U+00A0)"
t_contains "an ASCII space before a semicolon" "$T_OUT" "bad.po:13: space before « ; » (want U+202F)"
t_contains "an ASCII space before a question mark" "$T_OUT" "bad.po:16: space before « ? » (want U+202F)"
t_contains "an ASCII space before an exclamation mark" "$T_OUT" "bad.po:19: space before « ! » (want U+202F)"
t_contains "U+00A0 where U+202F belongs" "$T_OUT" "bad.po:22: U+00A0 before « ; » (want U+202F)"
t_contains "a straight apostrophe" "$T_OUT" "bad.po:25: straight apostrophe (want ’)"
t_contains "straight double quotes" "$T_OUT" "bad.po:28: straight quotes around « %s »"
t_contains "straight single quotes" "$T_OUT" "bad.po:31: straight quotes around « %s »"
t_contains "quotes across two lines, reported on the opening line" "$T_OUT" "bad.po:35: straight quotes around « %"
t_contains "ASCII spaces inside guillemets" "$T_OUT" "bad.po:39: space after « (want U+00A0)"
t_contains "the closing guillemet too" "$T_OUT" "bad.po:39: space before » (want U+00A0)"
t_eq "one report per fault, nothing in the header" "$(printf '%s\n' "$T_OUT" | grep -c "bad\.po:")" "13"

t_run "--fix repairs the catalogue" 1 python3 "$LINT" --fix "$BAD"
t_run "the repaired catalogue passes the lint" 0 python3 "$LINT" "$BAD"
cat >"$T_DIR/want.po" <<EOF
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\n"

msgid "Options:"
msgstr "Options${NB}:"

msgid "Total: %d"
msgstr "Total${NB}: %d"

msgid "no file; give one"
msgstr "aucun fichier${NN}; donnez-en un"

msgid "which file? give its name"
msgstr "quel fichier${NN}? donnez son nom"

msgid "Done!"
msgstr "Terminé${NN}!"

msgid "already sent; nothing changed"
msgstr "déjà envoyé${NN}; rien n${AP}a changé"

msgid "the import of %s"
msgstr "l${AP}import de %s"

msgid "unknown view \"%s\""
msgstr "vue inconnue ${LQ}${NB}%s${NB}${RQ}"

msgid "unknown rule '%s'"
msgstr "règle inconnue ${LQ}${NB}%s${NB}${RQ}"

msgid "the \"%s\" sheet"
msgstr ""
"la feuille ${LQ}${NB}%"
"s${NB}${RQ}"

msgid "entry « %s »"
msgstr "entrée ${LQ}${NB}%s${NB}${RQ}"
EOF
t_run "--fix writes exactly the French forms" 0 cmp "$T_DIR/want.po" "$BAD"
if command -v msgfmt >/dev/null 2>&1; then
	t_run "msgfmt -c accepts the repaired catalogue" 0 msgfmt -c -o /dev/null "$BAD"
else
	t_skip "msgfmt is not installed (apt-get install gettext)"
fi

# --- machine text the lint must leave alone ---------------------------------
GOOD=$T_DIR/good.po
cat >"$GOOD" <<EOF
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"

msgid "%s:%d:%zu: bad field"
msgstr "%s:%d:%zu${NB}: champ invalide"

msgid "at 14:05, see https://example.org/a?b=1"
msgstr "à 14:05, voir https://example.org/a?b=1"

msgid "use --grid=phase1 or \`ptce list;x\`"
msgstr "utilisez --grid=phase1 ou \`ptce list;x\`"

msgid "answer o/n/?"
msgstr "répondez o/n/?"

msgid "%s does nothing here; press ? for the keys"
msgstr "%s ne fait rien ici${NN}; appuyez sur ? pour les touches"

msgid "F to clear the filters, : to run a command (:import)"
msgstr "F pour effacer les filtres, : pour lancer une commande (:import)"

msgid "add --reason \"...\"\n\tthen retry"
msgstr "ajoutez --reason \"...\"\n\tpuis recommencez"

msgid "open it with: ptce --db '%s'"
msgstr "ouvrez-la avec${NB}: ptce --db '%s'"

msgid "%s: %s"
msgstr "%s: %s"

msgid "after the colon (ID: value)"
msgstr "après les deux-points (ID: valeur)"

msgid "e.g. \"move: M\""
msgstr "par exemple ${LQ}${NB}move: M${NB}${RQ}"

#~ msgid "old one"
#~ msgstr "l'ancien : rien"
EOF
t_run "the lint leaves positions, times, URLs, options, keys and literals alone" 0 python3 "$LINT" "$GOOD"
t_eq "nothing to report on them" "$T_OUT" ""
cp "$GOOD" "$T_DIR/good.orig"
t_run "--fix on a clean catalogue succeeds" 0 python3 "$LINT" --fix "$GOOD"
t_run "--fix on a clean catalogue changes nothing" 0 cmp "$T_DIR/good.orig" "$GOOD"
t_done
