# roundtrip.sh - make install into a temporary DESTDIR with PREFIX=/usr,
# check the tree, run the installed binary, read the pages with man, then
# make uninstall and check that nothing is left.
. "$(dirname "$0")/../lib.sh"
t_setup

D=$T_DIR/dest
# A build of its own: the paths compiled into the binary (data, locale)
# must be those of PREFIX=/usr, and the shared tree's ./ptce is left alone.
VARS="DESTDIR=$D PREFIX=/usr BUILD=$T_DIR/build"
MK="make -s --no-print-directory -C $T_TOP"

# ---- install ----------------------------------------------------------------
$MK $VARS install >"$T_DIR/install.log" 2>&1
t_eq "make install DESTDIR=... PREFIX=/usr succeeds" "$?" 0
[ -s "$T_DIR/install.log" ] && sed 's/^/# install: /' "$T_DIR/install.log" | tail -5

check_file() { # path mode-test description
	if [ "$2" "$D$1" ]; then _t_report 0 "$3: $1"
	else _t_report 1 "$3: $1" "$(cd "$D" 2>/dev/null && find . | sort | head -60)"; fi
}
check_file /usr/bin/ptce -x "the binary is installed and executable"
check_file /etc/ptce/ptce.yaml -f "the default configuration"
for f in "$T_TOP"/config/checklists/*.yaml; do
	[ -f "$f" ] && check_file "/etc/ptce/checklists/${f##*/}" -f "a review grid"
done
(cd "$T_TOP/share" && find . -type f) | while read -r f; do
	f=${f#./}
	if [ -f "$D/usr/share/ptce/$f" ]; then echo "ok"; else echo "missing /usr/share/ptce/$f"; fi
done >"$T_DIR/share.check"
t_eq "every file of share/ is under /usr/share/ptce" "$(grep -v '^ok$' "$T_DIR/share.check")" ""
for p in ptce.1 ptce-checklist.5 ptce.yaml.5 ptce-procedure.7 ptce.8 ptce-letter.5; do
	s=${p##*.}
	check_file "/usr/share/man/man$s/$p" -f "the English page"
	check_file "/usr/share/man/fr/man$s/$p" -f "the French page"
done
for po in "$T_TOP"/po/*.po; do
	[ -f "$po" ] || continue
	l=${po##*/}; l=${l%.po}
	check_file "/usr/share/locale/$l/LC_MESSAGES/ptce.mo" -f "the message catalogue"
done
paths=$(strings "$D/usr/bin/ptce" 2>/dev/null | grep -x -E '/usr(/local)?/share/(ptce|locale)' | sort | tr '\n' ' ')
t_eq "the installed binary looks for its data and catalogues under PREFIX=/usr" "$paths" "/usr/share/locale /usr/share/ptce "
mode=$(stat -c %a "$D/usr/bin/ptce" 2>/dev/null)
t_eq "the binary is mode 755" "$mode" 755
mode=$(stat -c %a "$D/etc/ptce/ptce.yaml" 2>/dev/null)
t_eq "the configuration is mode 644" "$mode" 644

# ---- run the installed binary ---------------------------------------------------
BIN=$D/usr/bin/ptce
t_run "installed ptce --version" 0 "$BIN" --version
t_contains "--version prints the version of the Makefile" "$T_OUT" \
	"$(sed -n 's/^VERSION *:= *//p' "$T_TOP/Makefile")"
CONF=$D/etc/ptce/ptce.yaml
DB=$T_DIR/installed.db
t_run "installed ptce init on a temporary database" 0 "$BIN" --config "$CONF" --db "$DB" init
t_run "installed ptce list on it" 0 "$BIN" --config "$CONF" --db "$DB" list
t_run "installed ptce whoami" 0 "$BIN" --config "$CONF" --db "$DB" whoami
t_contains "whoami names the account that ran init" "$T_OUT" "$(id -un)"
grids=$(ls "$D"/etc/ptce/checklists/*.yaml 2>/dev/null)
if [ -n "$grids" ]; then
	# shellcheck disable=SC2086
	t_run "the installed grids pass ptce checklist check" 0 "$BIN" --config "$CONF" checklist check $grids
fi
t_run "the installed binary runs the demo" 0 "$BIN" --config "$CONF" --db "$T_DIR/demo.db" init --demo
t_run "and lists it" 0 "$BIN" --config "$CONF" --db "$T_DIR/demo.db" list --format tsv
t_contains "the demo has a real PTCE name" "$T_OUT" "Stras Eco Renov"

# ---- read the pages with man ------------------------------------------------------
if command -v man >/dev/null; then
	out=$(MANPAGER=cat MANWIDTH=80 man -l "$D/usr/share/man/man7/ptce-procedure.7" 2>&1 | col -b)
	t_contains "man -l reads the installed procedure page" "$out" "The phase 2 grid: scoring"
	out=$(MANPAGER=cat MANWIDTH=80 man -l "$D/usr/share/man/fr/man7/ptce-procedure.7" 2>&1 | col -b)
	t_contains "man -l reads the French procedure page, accents intact" "$out" "procédure"
	t_contains "man -l: the installed French page has French headings" "$out" "VOIR AUSSI"
	out=$(MANPAGER=cat MANWIDTH=80 man -l "$D/usr/share/man/man1/ptce.1" 2>&1 | col -b)
	t_contains "man -l reads ptce(1) with its key table" "$out" "page-down"
	w=$(MANPATH=$D/usr/share/man man -w ptce-checklist 2>&1)
	t_eq "man finds ptce-checklist(5) in section 5 under MANPATH" "$w" "$D/usr/share/man/man5/ptce-checklist.5"
	w=$(MANPATH=$D/usr/share/man man -L fr -w ptce 2>/dev/null)
	t_eq "man finds the French ptce(1) for a French locale" "$w" "$D/usr/share/man/fr/man1/ptce.1"
else
	t_skip "man is not installed (apt-get install man-db)"
fi

# ---- uninstall ------------------------------------------------------------------
$MK $VARS uninstall >"$T_DIR/uninstall.log" 2>&1
t_eq "make uninstall with the same variables succeeds" "$?" 0
left=$(cd "$D" && find . -type f -o -type l | sort)
t_eq "make uninstall leaves no file in DESTDIR" "$left" ""
dirs=$(cd "$D" && find . -mindepth 1 -type d | sort)
if [ -n "$dirs" ]; then
	echo "# note: make uninstall leaves $(echo "$dirs" | wc -l) empty directories, e.g.:"
	echo "$dirs" | head -8 | sed 's/^/#   /'
fi

t_done
