#!/bin/sh
# build.sh - the build names the Debian package to install when a library
# is missing (checked with pkg-config pointed at an empty directory).
. "$(dirname "$0")/../lib.sh"
t_setup

mkdir -p "$T_DIR/empty"
PKG_CONFIG_LIBDIR=$T_DIR/empty PKG_CONFIG_PATH= make -s -n -C "$T_TOP" BUILD="$T_DIR/b" all >"$T_DIR/out" 2>&1
rc=$?
[ "$rc" -ne 0 ]; _t_report $? "the build stops when ncursesw is missing"
t_contains "  ...with one line naming the Debian package" "$(cat "$T_DIR/out")" "ncursesw not found: install the Debian package libncurses-dev (apt-get install libncurses-dev)"
t_eq "  ...and only that line" "$(grep -c . "$T_DIR/out")" "1"

# With every library present, a dry run plans a build and says nothing else.
make -s -n -C "$T_TOP" BUILD="$T_DIR/b" all >"$T_DIR/out" 2>&1
t_eq "with the libraries present the build plan is made" "$?" "0"
t_not_contains "  ...and asks for no package" "$(cat "$T_DIR/out")" "install the Debian package"
t_done
