# man.sh - the manual pages: mandoc lint is silent on every page, and ptce(1)
# (English and French) matches the code: subcommands, options, key table.
. "$(dirname "$0")/../lib.sh"
t_setup

cd "$T_TOP" || exit 2
PAGES="ptce.1 ptce-checklist.5 ptce.yaml.5 ptce-procedure.7 ptce.8 ptce-letter.5"

# ---- every page exists, in both languages, and lints clean ---------------
# A French page has French headings (NOM, not NAME) and a French date that
# mandoc prints verbatim: mandoc says so, and nothing else (the same filter
# as make lint-man).
fr_lint() {
	grep -v -E -e ': WARNING: cannot parse date, using it verbatim: Dd [0-9]+(er)? [^ ]+ [0-9]{4}$' \
		-e ': WARNING: first section is not "NAME": Sh (NOM|SYNOPSIS|DESCRIPTION)$' \
		-e ': WARNING: description line outside NAME section: Nd$'
}
for p in $PAGES; do
	for f in "man/$p" "man/fr/$p"; do
		if [ -f "$f" ]; then
			case $f in
			man/fr/*) out=$(mandoc -Tlint -Wwarning "$f" 2>&1 | fr_lint) ;;
			*) out=$(mandoc -Tlint -Wwarning "$f" 2>&1) ;;
			esac
			t_eq "mandoc -Tlint -Wwarning $f prints nothing (French: but the date and NOM)" "$out" ""
		else
			t_eq "$f exists" "missing" "present"
		fi
	done
done
extra=$(ls man/*.[1578] man/fr/*.[1578] 2>/dev/null | while read -r f; do
	case " $PAGES " in *" ${f##*/} "*) ;; *) echo "$f" ;; esac; done)
t_eq "no page outside the list (add it to PAGES and to the README)" "$extra" ""

# ---- ptce tables: runs without a database ------------------------------------
t_run "ptce tables keys runs without a database" 0 ptce tables keys
t_contains "tables keys lists the move action with its key" "$T_OUT" "$(printf 'm\tmove\tQD\t')"
t_eq "tables keys did not create the database" "$(ls "$PTCE_DB" 2>/dev/null)" ""
t_run "ptce tables with an unknown table is a usage error" 2 ptce tables nonsense
t_contains "tables names what it expects" "$T_ERR" "expected 'keys', 'commands', 'states', 'transitions' or 'permissions'"
t_run "ptce tables --help" 0 ptce tables --help
t_contains "tables --help explains --mdoc" "$T_OUT" "--mdoc"

# Lines of FILE between '.\" BEGIN NAME' and '.\" END NAME'.
block() { sed -n "/^\\.\\\\\" BEGIN $2\$/,/^\\.\\\\\" END $2\$/p" "$1" | sed '1d;$d'; }

# ---- the key table ----------------------------------------------------------
ptce tables keys --mdoc >"$T_DIR/keys" 2>"$T_DIR/err"
t_eq "tables keys --mdoc succeeds" "$?" 0
want=$(cat "$T_DIR/keys")
t_eq "ptce.1 key table = ptce tables keys --mdoc (run 'make man-regen')" "$(block man/ptce.1 keys)" "$want"
# The French page shows the descriptions of the French catalogue and the
# French key names, as the interface's help does in French.
cols() { grep -o 'Pq Cm [^ ]* , No [A-Z]*$'; }
t_eq "fr/ptce.1 key table: same actions and panels" \
	"$(block man/fr/ptce.1 keys | cols)" "$(printf '%s\n' "$want" | cols)"
t_eq "fr/ptce.1 key table: as many keys on each row" \
	"$(block man/fr/ptce.1 keys | grep '^\.It Ic' | awk -F' , ' '{ print NF }')" \
	"$(printf '%s\n' "$want" | grep '^\.It Ic' | awk -F' , ' '{ print NF }')"
frwant=$(LANGUAGE=fr ptce tables keys --mdoc)
t_eq "fr/ptce.1 key table = LANGUAGE=fr ptce tables keys --mdoc (run 'make man-regen')" \
	"$(block man/fr/ptce.1 keys)" "$frwant"
t_not_contains "the French key table is translated" "$frwant" "Move up one line"
t_contains "the French key table names keys in French" "$frwant" ".It Ic <Entrée> , l , <Droite>"
t_not_contains "the French key table has no English key name" "$frwant" "<Enter>"
t_contains "the French key table: o answers yes on a gate" "$frwant" ".It Ic y , o"
t_contains "the key table has the move key" "$want" "$(printf '.It Ic m\n.No Move the dossier')"
t_contains "the key table gives the move action and its panels" "$want" "Pq Cm move , No QD"

# ---- the table of who may do what (ptce(8)) ----------------------------------
ptce tables permissions --mdoc >"$T_DIR/perms"
t_eq "tables permissions --mdoc succeeds" "$?" 0
t_contains "the table has the move row" "$(cat "$T_DIR/perms")" ".It Cm move Ta yes Ta yes Ta - Ta - Ta - Ta actor"
for page in man/ptce.8 man/fr/ptce.8; do
	t_eq "$page: the permissions table = ptce tables permissions --mdoc (run 'make man-regen')" \
		"$(block "$page" permissions)" "$(cat "$T_DIR/perms")"
done

# ---- the subcommands ---------------------------------------------------------
ptce tables commands --mdoc >"$T_DIR/cmds"
want=$(cat "$T_DIR/cmds")
frwant=$(LANGUAGE=fr ptce tables commands --mdoc)
t_eq "man/ptce.1: the subcommand items = ptce tables commands --mdoc" \
	"$(block man/ptce.1 commands | grep '^\.It Cm ')" "$want"
t_eq "man/fr/ptce.1: the subcommand items = LANGUAGE=fr ptce tables commands --mdoc" \
	"$(block man/fr/ptce.1 commands | grep '^\.It Cm ')" "$frwant"
t_contains "the French synopses name their placeholders in French" "$frwant" \
	".It Cm import Ar FICHIER"
t_not_contains "no English placeholder in the French synopses" "$frwant" "Ar LOGIN"
# ptce --help lists the same subcommands as the table tables reads.
ptce --help >"$T_DIR/help"
help_cmds=$(sed -n '/^Commands:/,/^$/p' "$T_DIR/help" | awk 'NR > 1 && NF { print $1 }')
doc_cmds=$(ptce tables commands | cut -f1)
t_eq "ptce --help lists the documented subcommands" "$help_cmds" "$doc_cmds"

# Options named in a help text: --long and -x, not the global options line.
help_opts() {
	grep -v '^Global options:' | grep -o -E -- '(^|[][ ,(|])--?[A-Za-z][A-Za-z0-9-]*' |
		sed 's/^[][ ,(|]*//' | grep -v -x -E -- '--help|-h' | sort -u
}
# Options in an mdoc fragment: every 'Fl x' as -x.
page_opts() {
	grep -o -E 'Fl -?[A-Za-z][A-Za-z0-9-]*' | sed 's/^Fl /-/' | grep -v -x -E -- '--help|-h' | sort -u
}
# The block of one subcommand: its '.It Cm NAME' line up to the next one.
cmd_block() {
	block "$1" commands | awk -v n="$2" '
		/^\.It Cm / { inside = ($3 == n) }
		inside { print }'
}
for name in $doc_cmds; do
	ptce "$name" --help >"$T_DIR/h" 2>&1
	t_eq "ptce $name --help exits 0" "$?" 0
	ho=$(help_opts <"$T_DIR/h")
	for page in man/ptce.1 man/fr/ptce.1; do
		po=$(cmd_block "$page" "$name" | page_opts)
		t_eq "$page documents the options of ptce $name --help" "$po" "$ho"
	done
done

# The global options, from ptce --help up to its command list.
ho=$(sed '/^Commands:/,$d' "$T_DIR/help" | help_opts)
for page in man/ptce.1 man/fr/ptce.1; do
	po=$(sed -n '/^\.Sh SYNOPSIS/,/^\.Sh COMMAND/p' "$page" | page_opts)
	t_eq "$page documents the global options of ptce --help" "$po" "$ho"
done

# ---- the procedure: states and transitions of ptce-procedure(7) ------------
ptce tables states >"$T_DIR/states"
t_eq "ptce tables states lists seven states" "$(wc -l <"$T_DIR/states")" 7
ptce tables transitions >"$T_DIR/trans"
# The page's rows: '.It FROM \(-> TO Ta ROLES Ta MOTIVATION', the moves to
# withdrawn from every open state written once as 'any' ('tout').
trans_rows() { # any-word yes-word no-word
	awk -F'\t' -v any="$1" -v yes="$2" -v no="$3" -v nopen="$(awk -F'\t' '$3 == 1' "$T_DIR/states" | wc -l)" '
		{ m = ($4 == 1) ? yes : no }
		$2 == "withdrawn" { w++; wr = $3; wm = m; next }
		{ print ".It " $1 " \\(-> " $2 " Ta " $3 " Ta " m }
		END {
			if (w == nopen) print ".It " any " \\(-> withdrawn Ta " wr " Ta " wm
			else print "(moves to withdrawn differ from one per open state: update the page and this test)"
		}' "$T_DIR/trans"
}
page_trans() { grep -E '^\.It [a-z0-9]+ \\\(-> [a-z0-9]+ Ta ' "$1"; }
t_eq "ptce-procedure(7) transition table = the code's" \
	"$(page_trans man/ptce-procedure.7)" "$(trans_rows any required no)"
t_eq "fr/ptce-procedure(7) transition table = the code's" \
	"$(page_trans man/fr/ptce-procedure.7)" "$(trans_rows tout obligatoire non)"
want=$(awk -F'\t' '{ print ".It " $1 " Ta " $2 " Ta" }' "$T_DIR/states")
for page in man/ptce-procedure.7 man/fr/ptce-procedure.7; do
	got=$(grep -E '^\.It [a-z0-9]+ Ta ' "$page" | awk -F' Ta ' -v s="$(cut -f1 "$T_DIR/states" | tr '\n' ' ')" '
		{ split($1, w, " "); if (index(" " s, " " w[2] " ")) print $1 " Ta " $2 " Ta" }')
	t_eq "$page: the states table has each state with its French label" "$got" "$want"
	closed=$(awk -F'\t' '$3 == 0 { print $1 }' "$T_DIR/states")
	for st in $closed; do
		row=$(grep -E "^\\.It $st Ta " "$page")
		case "$row" in *"(closed)"*|*"(clos)"*) _t_report 0 "$page: $st is marked closed" ;;
		*) _t_report 1 "$page: $st is marked closed" "$row" ;; esac
	done
done
for st in $(cut -f1 "$T_DIR/states"); do
	for page in man/ptce.1 man/fr/ptce.1; do
		t_contains "$page lists state $st" "$(cat "$page")" ".Cm $st"
	done
done

# ---- the grids of ptce-procedure(7) are the shipped ones ------------------------
# Read through 'ptce checklist show' (criterion id, type, ..., [N points],
# [blocking]); each gate of phase 1 and each weighted criterion of phase 2
# must have its row, with the same points and the same blocking.
ptce checklist show phase1 >"$T_DIR/g1" 2>&1
ptce checklist show phase2 >"$T_DIR/g2" 2>&1
gates=$(awk '$2 == "gate" { print $1 (/\[blocking\]/ ? " b" : " -") }' "$T_DIR/g1")
scales=$(awk '$2 == "scale" && match($0, /\[[0-9.]+ points\]/) {
	print $1, substr($0, RSTART + 1, RLENGTH - 9) }' "$T_DIR/g2")
t_eq "ptce checklist show phase1 lists 12 gates" "$(printf '%s\n' "$gates" | grep -c .)" 12
t_eq "ptce checklist show phase2 lists 7 weighted criteria" "$(printf '%s\n' "$scales" | grep -c .)" 7
for page in man/ptce-procedure.7 man/fr/ptce-procedure.7; do
	bad=$(printf '%s\n' "$gates" | while read -r id b; do
		row=$(grep -E "^\\.It $id Ta " "$page")
		case "$b:$row" in
		b:*" Ta blocking"|b:*" Ta bloquant") ;;
		-:*" Ta blocking"|-:*" Ta bloquant") echo "$id ($b): $row" ;;
		-:?*) ;;
		*) echo "$id ($b): $row" ;;
		esac
	done)
	t_eq "$page: the phase 1 table has every gate, blocking as in phase1.yaml" "$bad" ""
	bad=$(printf '%s\n' "$scales" | while read -r id pts; do
		grep -q -E "^\\.It $id Ta .* Ta $pts\$" "$page" || echo "$id $pts"
	done)
	t_eq "$page: the phase 2 table has every criterion with its points" "$bad" ""
done
bands=$(sed -n 's/^Bands: //p' "$T_DIR/g2")
t_contains "phase2.yaml: favourable from 65 as the pages say" "$bands" "Favourable ≥ 65"
t_contains "phase2.yaml: reserve from 50 as the pages say" "$bands" "Reserved ≥ 50"
t_contains "phase2.yaml: A eliminates under 8 points as the pages say" "$(grep '^  A ' "$T_DIR/g2")" "under 8 points"

# ---- the examples of the section 5 pages are valid files --------------------------
# example FILE REGEX: the first literal block after the line matching REGEX.
example() {
	awk -v re="$2" '$0 ~ re { f = 1 } f && /^\.Bd -literal/ { inb = 1; next }
		inb && /^\.Ed/ { exit } inb { print }' "$1"
}
for spec in "man/ptce-checklist.5:^A complete grid" "man/fr/ptce-checklist.5:^Une grille complète"; do
	page=${spec%%:*}
	example "$page" "${spec#*:}" >"$T_DIR/grid.yaml"
	t_run "$page: the complete example passes ptce checklist check" 0 ptce checklist check "$T_DIR/grid.yaml"
	t_contains "$page: the example is the 50-point grid it describes" "$T_OUT" "50 points"
done
mkdir -p "$T_DIR/checklists"
for spec in "man/ptce.yaml.5:^A regional server" "man/ptce.yaml.5:^A reviewer who" \
	"man/fr/ptce.yaml.5:^Un serveur régional" "man/fr/ptce.yaml.5:^Un instructeur qui"; do
	page=${spec%%:*}
	example "$page" "${spec#*:}" >"$T_DIR/conf.yaml"
	t_run "$page: example '${spec#*:^}' is a valid configuration" 0 ptce --config "$T_DIR/conf.yaml" tables states
done

# ---- every key the loaders accept is documented in section 5 ----------------------
# The key lists are read from the loaders' source (static arrays of names).
src_words() { # FILE ARRAY...: the quoted words of those arrays
	f=$1; shift
	for a in "$@"; do
		sed -n "/ $a\[\] = {/,/};/p" "$T_TOP/$f" | grep -o '"[a-z_]*"' | tr -d '"'
	done | sort -u
}
ckeys=$(sed -n '/^static int load_scoped/,/};/p' "$T_TOP/src/cli/config.c" | grep -o '"[a-z_]*"' | tr -d '"')
ckeys="$ckeys $(sed -n '/^static int read_campaigns/,/};/p' "$T_TOP/src/cli/config.c" | grep -o '"[a-z_]*"' | tr -d '"')"
gkeys=$(src_words src/review/checklist_load.c top_keys section_keys crit_keys option_keys rules_keys elim_keys band_keys tie_keys)
t_eq "the configuration loader's keys were found" "$(echo $ckeys | wc -w)" 15
for page in man/ptce.yaml.5 man/fr/ptce.yaml.5; do
	miss=$(for k in $ckeys; do grep -q -E "^\.It Ic $k( |\$)" "$page" || echo "$k"; done)
	t_eq "$page documents every configuration key" "$miss" ""
done
for page in man/ptce-checklist.5 man/fr/ptce-checklist.5; do
	miss=$(for k in $gkeys; do grep -q -E "Ic $k( |\$)" "$page" || echo "$k"; done)
	t_eq "$page documents every grid key" "$miss" ""
done

# ---- the exit codes documented in ptce --help are in EXIT STATUS ---------------
for page in man/ptce.1 man/fr/ptce.1; do
	codes=$(sed -n -E '/^\.Sh (EXIT STATUS|CODE DE RETOUR)$/,/^\.Sh (EXAMPLES|EXEMPLES)$/p' "$page" |
		awk '/^\.It [0-9]+$/ { print $2 }' | tr '\n' ' ')
	t_eq "$page: EXIT STATUS lists 0 1 2 3 4 5 6 70" "$codes" "0 1 2 3 4 5 6 70 "
done

# ---- the pages render: terminal, and A4 PDF with accents ----------------------
out=$(mandoc -Tutf8 man/fr/ptce-procedure.7 2>&1 | col -b)
t_contains "the French procedure renders with accents" "$out" "procédure"
if command -v groff >/dev/null && command -v pdftotext >/dev/null; then
	make -s -f man/man.mk BUILD="$T_DIR/b" pdf >"$T_DIR/pdf.log" 2>&1
	t_eq "make pdf succeeds" "$?" 0
	n=$(ls "$T_DIR"/b/pdf/*.pdf "$T_DIR"/b/pdf/fr/*.pdf 2>/dev/null | wc -l)
	t_eq "make pdf writes one PDF per page and language" "$n" 12
	txt=$(pdftotext "$T_DIR/b/pdf/fr/ptce-procedure.7.pdf" - 2>/dev/null)
	t_contains "French PDF keeps its accents" "$txt" "Cellule Régionale d"
	size=$(pdfinfo "$T_DIR/b/pdf/ptce.1.pdf" 2>/dev/null | grep '^Page size')
	t_contains "PDF pages are A4" "$size" "(A4)"
	txt=$(pdftotext -layout "$T_DIR/b/pdf/ptce-procedure.7.pdf" - 2>/dev/null)
	t_contains "the phase 2 grid table survives in the PDF" "$txt" "multi-actor partnership"
else
	t_skip "groff or pdftotext missing (apt-get install groff poppler-utils)"
fi

# make print says what to install when lp is missing.
if ! command -v lp >/dev/null; then
	out=$(make -s -f man/man.mk BUILD="$T_DIR/b" print 2>&1)
	t_contains "make print without lp names cups-client" "$out" "cups-client"
fi

# ---- the pages render in both languages, with both renderers -------------------
# Every page in each renderer at 80 columns: man -l (man-db, groff), groff
# -mdoc and mandoc; no line wider than 80 display columns.
render() { # RENDERER PAGE
	case $1 in
	man) MANWIDTH=80 man -l "$2" 2>/dev/null ;;
	groff) groff -k -mdoc -Tutf8 "$2" 2>/dev/null ;;
	mandoc) mandoc -Tutf8 -Owidth=78 "$2" 2>/dev/null ;;
	esac | col -bx
}
if command -v man >/dev/null && command -v groff >/dev/null; then
	for p in $PAGES; do
		for f in "man/$p" "man/fr/$p"; do
			for r in man groff mandoc; do
				out=$(render $r "$f")
				w=$(printf '%s\n' "$out" | wc -L)
				t_eq "$f with $r: no line over 80 columns (widest $w)" \
					"$([ "$w" -le 80 ] && [ "$w" -gt 40 ] && echo ok)" "ok"
				case $f in man/fr/*)
					t_contains "$f with $r: the heading NOM" "$out" "$(printf '\nNOM\n')"
					t_not_contains "$f with $r: no heading NAME" "$out" "$(printf '\nNAME\n')"
					t_contains "$f with $r: the heading VOIR AUSSI" "$out" "$(printf '\nVOIR AUSSI\n')"
					t_eq "$f with $r: the date in French in the footer" \
						"$(printf '%s\n' "$out" | grep -c -E '^ptce +(21 novembre|1er décembre) 2026 +ptce$')" 1
					t_not_contains "$f with $r: no English month" "$out" "ovember"
					[ $r != mandoc ] &&
						t_contains "$f with $r: a French volume title in the header" \
							"$(printf '%s\n' "$out" | grep -m1 .)" "Manuel d"
					;;
				esac
			done
		done
	done
	# French hyphenation under groff: in a column 8 wide every word breaks
	# wherever its patterns allow: "éva-luent", "ter-ri-to-riale" in French,
	# "éval-u-ent", "ter-ri-to-ri-ale" with the English patterns.
	printf '.\\" -*- coding: utf-8 -*-\n.Dd 21 novembre 2026\n%s\n.Dt T 7\n.Os ptce\n.Sh NOM\n.Nm t\n.Nd t\n.Sh DESCRIPTION\n.ll 8n\névaluent territoriale\n' \
		"$(sed -n '/^\.if d doc-volume-ds-1/,/^\.\\}/p' man/fr/ptce.1)" >"$T_DIR/hy.7"
	hy=$(groff -k -mdoc -Tutf8 "$T_DIR/hy.7" 2>/dev/null | col -bx | sed -n '/^DESCRIPTION/,/^ptce/p' | tr -d ' \n')
	t_contains "groff hyphenates French words with French patterns" "$hy" "éva‐luentter‐ri‐to‐riale"
	# The tables hold at 80 columns: one row a line, the columns apart.
	out=$(render man man/ptce-procedure.7)
	t_eq "ptce-procedure(7): the phase 1 table, one row a line" \
		"$(printf '%s\n' "$out" | grep -c -E '^ +R[0-9]+ +[a-z].* +(blocking|counts|information)$')" 12
	t_eq "ptce-procedure(7): the phase 2 table, one row a line" \
		"$(printf '%s\n' "$out" | grep -c -E '^ +[A-G] +[a-z].* +[0-9]+$')" 7
	t_eq "ptce-procedure(7): the band table, one row a line" \
		"$(printf '%s\n' "$out" | grep -c -E '^ +[a-z0-9].*points.* +(favourable|réservé|défavorable)$')" 3
	out=$(render man man/fr/ptce-procedure.7)
	t_eq "fr/ptce-procedure(7): the phase 1 table, one row a line" \
		"$(printf '%s\n' "$out" | grep -c -E '^ +R[0-9]+ +[a-z].* +(bloquant|compté|information)$')" 12
	t_eq "fr/ptce-procedure(7): the phase 2 table, one row a line" \
		"$(printf '%s\n' "$out" | grep -c -E '^ +[A-G] +[a-zé].* +[0-9]+$')" 7
	t_eq "fr/ptce-procedure(7): the band table, one row a line" \
		"$(printf '%s\n' "$out" | grep -c -E '^ +[a-z0-9].*points.* +(favorable|réservé|défavorable)$')" 3
	for f in man/ptce.1 man/fr/ptce.1; do
		out=$(render man "$f")
		t_eq "$f: the key table never wraps one word a line" \
			"$(printf '%s\n' "$out" | grep -c -E '^ {40,}[^ ]+$')" 0
	done
	t_contains "ptce(1): a key, its description, action and panels on one line" \
		"$(render man man/ptce.1)" "Quit ptce (quit, QDSP)"
	t_contains "fr/ptce(1): the same in French" "$(render man man/fr/ptce.1)" "Quitter ptce (quit, QDSP)"
else
	t_skip "man or groff missing (apt-get install man-db groff)"
fi

# ---- ptce-procedure(7): official and proposed apart, steps in order -------------
for spec in "man/ptce-procedure.7:THE OFFICIAL TEXTS:WHAT PTCE PROPOSES:STEP BY STEP" \
	"man/fr/ptce-procedure.7:LES TEXTES OFFICIELS:CE QUE PROPOSE PTCE:ÉTAPE PAR ÉTAPE"; do
	page=${spec%%:*} rest=${spec#*:}
	off=${rest%%:*} rest=${rest#*:} prop=${rest%%:*} steps=${rest#*:}
	order=$(grep -n -E "^\.Sh ($off|$prop|$steps)\$" "$page" | cut -d: -f2 | tr '\n' '|')
	t_eq "$page: the official texts, then ptce's proposal, then the steps" "$order" \
		".Sh $off|.Sh $prop|.Sh $steps|"
	t_contains "$page: the décret with its source" "$(cat "$page")" "JORFTEXT000030487441"
	t_contains "$page: the law with its article" "$(cat "$page")" "2014-856"
	t_contains "$page: the grids named as configurable files" "$(cat "$page")" "$(printf '.Pa phase1.yaml\n(configurable)')"
	t_not_contains "$page: the décret is not said to set R1-R6 as a minimum" "$(cat "$page")" "minimum"
	# The steps: assign before the phase 1 decision; the CRA meeting, the
	# classement to the national level and the letter come last.
	ss=$(sed -n '/^\.Sh '"$steps"'$/,/^\.Sh /p' "$page" | grep -E '^\.Ss [0-9]+\. ' | cut -c5-)
	n_assign=$(printf '%s\n' "$ss" | grep -n -i -E 'assign|affecter' | cut -d: -f1)
	n_dec1=$(printf '%s\n' "$ss" | grep -n -i -E 'decide phase 1|décider la phase 1' | cut -d: -f1)
	t_eq "$page: reviewers are assigned before the phase 1 decision" \
		"$([ -n "$n_assign" ] && [ -n "$n_dec1" ] && [ "$n_assign" -lt "$n_dec1" ] && echo yes)" "yes"
	t_eq "$page: ends with the CRA meeting, the classement, the decision, the letter" \
		"$(printf '%s\n' "$ss" | tail -4 | grep -c -i -E 'CRA|classement|national|notify|prévenir')" 4
done

t_done
