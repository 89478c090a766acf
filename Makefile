# ptce - build, test and install. Plain make, no configure step.
# `make` builds ./ptce; `make run` opens it on a demo database; `make check` runs every test.

VERSION    := 0.1.0
PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
DATADIR    ?= $(PREFIX)/share
MANPREFIX  ?= $(DATADIR)/man
LOCALEDIR  ?= $(DATADIR)/locale
SYSCONFDIR ?= /etc
# The shared host's deployment (make install-server, ptce(8)).
STATEDIR   ?= /var/lib/ptce
PTCE_GROUP ?= ptce
PKGDATADIR ?= $(DATADIR)/ptce

CC       ?= cc
CFLAGS   ?= -O2 -g
WARN     := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2
ifeq ($(WERROR),1)
WARN     += -Werror
endif
ifeq ($(SAN),1)
SANFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
endif
BUILD    ?= build

# Goals that need no library: do not probe for them.
NODEP_GOALS := clean distclean help
ifneq ($(filter-out $(NODEP_GOALS),$(or $(MAKECMDGOALS),all)),)

ifeq ($(shell command -v pkg-config 2>/dev/null),)
$(error pkg-config not found: install the Debian package pkg-config (apt-get install pkg-config))
endif
need_pkg = $(if $(shell pkg-config --exists $(1) && echo y),,$(error $(1) not found: install the Debian package $(2) (apt-get install $(2))))
$(call need_pkg,ncursesw,libncurses-dev)
$(call need_pkg,panelw,libncurses-dev)
$(call need_pkg,sqlite3,libsqlite3-dev)
$(call need_pkg,yaml-0.1,libyaml-dev)
$(call need_pkg,libzip,libzip-dev)
$(call need_pkg,libxml-2.0,libxml2-dev)
$(call need_pkg,nettle,nettle-dev)
ifeq ($(shell printf '\043include <csv.h>\nint main(void){return csv_init(0,0);}\n' | $(CC) -x c - -o /dev/null -lcsv 2>/dev/null && echo y),)
$(error libcsv not found: install the Debian package libcsv-dev (apt-get install libcsv-dev))
endif
ifeq ($(shell command -v msgfmt 2>/dev/null),)
$(error msgfmt not found: install the Debian package gettext (apt-get install gettext))
endif
ifneq ($(filter check check-% test-%,$(MAKECMDGOALS)),)
$(call need_pkg,cmocka,libcmocka-dev)
endif

endif

CORE_PKGS := sqlite3 yaml-0.1 libzip libxml-2.0 nettle
UI_PKGS   := ncursesw panelw
CPPFLAGS  += -D_GNU_SOURCE -DPTCE_VERSION='"$(VERSION)"' -DLOCALEDIR='"$(LOCALEDIR)"' \
             -DSYSCONFDIR='"$(SYSCONFDIR)"' -DSTATEDIR='"$(STATEDIR)"' -DPKGDATADIR='"$(PKGDATADIR)"' -Isrc
CORE_CFLAGS := $(shell pkg-config --cflags $(CORE_PKGS) 2>/dev/null)
UI_CFLAGS   := $(shell pkg-config --cflags $(UI_PKGS) 2>/dev/null)
# libzip and libxml2 are opened on first use (src/io/dynlib.h), not linked:
# their headers build, their SONAMEs name what to open.
DL_PKGS     := libzip libxml-2.0
soname_of    = $(shell f=$$(pkg-config --variable=libdir $(1) 2>/dev/null)/$(2).so; \
               objdump -p "$$f" 2>/dev/null | awk '/SONAME/ { print $$2 }')
LIBZIP_SONAME  := $(call soname_of,libzip,libzip)
LIBXML2_SONAME := $(call soname_of,libxml-2.0,libxml2)
CPPFLAGS  += $(if $(LIBZIP_SONAME),-DPTCE_LIBZIP_SONAME='"$(LIBZIP_SONAME)"') \
             $(if $(LIBXML2_SONAME),-DPTCE_LIBXML2_SONAME='"$(LIBXML2_SONAME)"')
CORE_LIBS   := $(shell pkg-config --libs $(filter-out $(DL_PKGS),$(CORE_PKGS)) 2>/dev/null) -lcsv -lm -ldl
UI_LIBS     := $(shell pkg-config --libs $(UI_PKGS) 2>/dev/null)
ALL_CFLAGS  = -std=c11 $(WARN) $(SANFLAGS) $(CFLAGS) -MMD -MP

# src/ is layered (src/README.md): the core's folders make libptce.a, which
# unit tests link alone; the demo and the command line are libraries of
# their own above it; ui/ and src/main.c make the program.
CORE_LAYERS := base store keys procedure review workflow io
CORE_SRC := $(foreach d,$(CORE_LAYERS),$(wildcard src/$(d)/*.c))
DEMO_SRC := $(wildcard src/demo/*.c)
CLI_SRC  := $(wildcard src/cli/*.c)
UI_SRC   := $(wildcard ui/*.c)
CORE_OBJ := $(CORE_SRC:%.c=$(BUILD)/obj/%.o)
DEMO_OBJ := $(DEMO_SRC:%.c=$(BUILD)/obj/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
UI_OBJ   := $(UI_SRC:%.c=$(BUILD)/obj/%.o)
MAIN_OBJ := $(BUILD)/obj/src/main.o
LIBCORE  := $(BUILD)/libptce.a
LIBDEMO  := $(BUILD)/libptce-demo.a
LIBCLI   := $(BUILD)/libptce-cli.a

UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
UNIT_SUPPORT := $(filter-out $(UNIT_SRC),$(wildcard tests/unit/*.c))

PO_FILES := $(wildcard po/*.po)
MO_FILES := $(PO_FILES:po/%.po=$(BUILD)/locale/%/LC_MESSAGES/ptce.mo)

# The binary lives at the top of the tree for the normal build, in $(BUILD) otherwise.
ifeq ($(BUILD),build)
PTCE_BIN := ptce
else
PTCE_BIN := $(BUILD)/ptce
endif

.PHONY: all run check check-build stress check-asan test-unit test-cli test-ui test-tmux \
        install install-server uninstall clean distclean help bench pot fuzz fuzz-bins
all: $(PTCE_BIN) $(MO_FILES)

# The installation paths are compiled in: when PREFIX and friends change
# (e.g. `make install PREFIX=/usr` after `make`), rebuild what uses them.
PATHS_STAMP := $(BUILD)/paths
PATHS_NOW   := $(VERSION) $(LOCALEDIR) $(SYSCONFDIR) $(PKGDATADIR) $(STATEDIR)
ifneq ($(filter-out $(NODEP_GOALS),$(or $(MAKECMDGOALS),all)),)
$(shell mkdir -p $(BUILD); [ "$$(cat $(PATHS_STAMP) 2>/dev/null)" = "$(PATHS_NOW)" ] || echo "$(PATHS_NOW)" > $(PATHS_STAMP))
endif
$(BUILD)/obj/src/base/i18n.o $(BUILD)/obj/src/cli/config.o $(BUILD)/obj/src/cli/cli.o \
  $(BUILD)/obj/src/cli/app.o $(BUILD)/obj/src/cli/cmd_init.o: $(PATHS_STAMP)

$(BUILD)/obj/src/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CORE_CFLAGS) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/obj/ui/%.o: ui/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Iui $(UI_CFLAGS) $(CORE_CFLAGS) $(ALL_CFLAGS) -c $< -o $@

$(LIBCORE): $(CORE_OBJ)
$(LIBDEMO): $(DEMO_OBJ)
$(LIBCLI): $(CLI_OBJ)
$(LIBCORE) $(LIBDEMO) $(LIBCLI):
	@mkdir -p $(@D)
	rm -f $@
	$(AR) rcs $@ $^

$(PTCE_BIN): $(MAIN_OBJ) $(UI_OBJ) $(LIBCLI) $(LIBDEMO) $(LIBCORE)
	$(CC) $(SANFLAGS) $(LDFLAGS) -o $@ $(MAIN_OBJ) $(UI_OBJ) $(LIBCLI) $(LIBDEMO) $(LIBCORE) $(UI_LIBS) $(CORE_LIBS)

$(BUILD)/locale/%/LC_MESSAGES/ptce.mo: po/%.po
	@mkdir -p $(@D)
	msgfmt --check -o $@ $<

# Unit tests link the core (and, for those that use them, the demo and the
# command line): never curses.
$(BUILD)/tests/%: tests/unit/%.c $(UNIT_SUPPORT) $(LIBCLI) $(LIBDEMO) $(LIBCORE)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Itests/unit $(CORE_CFLAGS) $$(pkg-config --cflags cmocka) $(ALL_CFLAGS) \
	  -o $@ $< $(UNIT_SUPPORT) $(LIBCLI) $(LIBDEMO) $(LIBCORE) $(CORE_LIBS) $$(pkg-config --libs cmocka)

# ---- fuzzing ----------------------------------------------------------------
# tests/fuzz/fuzz_<target>.c are libFuzzer harnesses. `make check` builds each
# with the plain compiler and tests/fuzz/replay.c, and replays its seed corpus
# and the crashes kept (tests/cli/fuzz.sh); `make fuzz` builds them with
# clang -fsanitize=fuzzer,address and runs each for FUZZ_SECONDS.
FUZZ_TARGETS := csv grid config keys mapping search form
FUZZ_SECONDS ?= 60
FUZZ_SUPPORT := tests/fuzz/fuzz_util.c
FUZZ_REPLAY  := $(FUZZ_TARGETS:%=$(BUILD)/fuzz/replay-%)
FUZZ_LINK     = $(LIBCLI) $(LIBDEMO) $(LIBCORE) $(CORE_LIBS)

$(BUILD)/fuzz/replay-%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(FUZZ_SUPPORT) $(LIBCLI) $(LIBDEMO) $(LIBCORE)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Itests/fuzz $(CORE_CFLAGS) $(ALL_CFLAGS) -o $@ $< tests/fuzz/replay.c $(FUZZ_SUPPORT) $(FUZZ_LINK)

$(BUILD)/fuzz/fuzz-%: tests/fuzz/fuzz_%.c $(FUZZ_SUPPORT) $(LIBCLI) $(LIBDEMO) $(LIBCORE)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Itests/fuzz $(CORE_CFLAGS) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_SUPPORT) $(FUZZ_LINK)

fuzz-bins: $(FUZZ_TARGETS:%=$(BUILD)/fuzz/fuzz-%)

fuzz:
	@command -v clang >/dev/null || { echo "make fuzz needs clang (apt-get install clang)"; exit 2; }
	$(MAKE) --no-print-directory CC=clang BUILD=build/fuzz CFLAGS='-O1 -g' \
	  SANFLAGS='-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer' fuzz-bins
	@sh tests/fuzz/run.sh build/fuzz $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# ---- running -----------------------------------------------------------
DEMO_DB ?= $(BUILD)/demo.db
run: all
	@if [ ! -f $(DEMO_DB) ]; then ./ptce --db $(DEMO_DB) init --demo; fi
	./ptce --db $(DEMO_DB)

# ---- tests ----------------------------------------------------------------
# check: warnings are errors, then every suite on the normal build and on a
# sanitized build (ASan + UBSan, no recovery). One summary line at the end.
check:
	$(MAKE) --no-print-directory WERROR=1 all check-build
	$(MAKE) --no-print-directory WERROR=1 SAN=1 BUILD=build/asan build/asan/ptce check-build
	@sh tests/run-all.sh

check-build: $(UNIT_BIN) $(MO_FILES) $(FUZZ_REPLAY)

test-unit test-cli test-ui test-tmux: all check-build
	@sh tests/run-all.sh $(@:test-%=%)

# stress: 16 processes x 500 operations, at least 100 SIGKILLs (issue 10).
stress: all
	@sh tests/stress/stress.sh 16 500 100

bench: all
	@sh tests/bench/run.sh

# ---- translations -----------------------------------------------------------
pot:
	xgettext --from-code=UTF-8 -k_ -kN_ -kP_:1,2 -kC_:1c,2 --add-comments=TRANSLATORS: --package-name=ptce --package-version=$(VERSION) \
	  -o po/ptce.pot $(sort $(wildcard src/*/*.[ch] ui/*.[ch]) src/main.c)

# ---- installation ---------------------------------------------------------
install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(SYSCONFDIR)/ptce/checklists $(DESTDIR)$(PKGDATADIR)
	install -m 755 $(PTCE_BIN) $(DESTDIR)$(BINDIR)/ptce
	install -m 644 config/ptce.yaml $(DESTDIR)$(SYSCONFDIR)/ptce/ptce.yaml
	for f in config/checklists/*.yaml; do [ -f "$$f" ] && install -m 644 "$$f" $(DESTDIR)$(SYSCONFDIR)/ptce/checklists/ || true; done
	cd share && find . -type f | while read -r f; do \
	  install -d "$(DESTDIR)$(PKGDATADIR)/$$(dirname "$$f")"; \
	  install -m 644 "$$f" "$(DESTDIR)$(PKGDATADIR)/$$f"; done
	for mo in $(MO_FILES); do l=$${mo#$(BUILD)/locale/}; l=$${l%%/*}; \
	  install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES; \
	  install -m 644 $$mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/ptce.mo; done
	for p in man/*.[1578]; do [ -f "$$p" ] || continue; s=$${p##*.}; \
	  install -d $(DESTDIR)$(MANPREFIX)/man$$s; install -m 644 $$p $(DESTDIR)$(MANPREFIX)/man$$s/; done
	for p in man/fr/*.[1578]; do [ -f "$$p" ] || continue; s=$${p##*.}; \
	  install -d $(DESTDIR)$(MANPREFIX)/fr/man$$s; install -m 644 $$p $(DESTDIR)$(MANPREFIX)/fr/man$$s/; done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/ptce
	rm -f $(DESTDIR)$(SYSCONFDIR)/ptce/ptce.yaml
	for f in config/checklists/*.yaml; do rm -f $(DESTDIR)$(SYSCONFDIR)/ptce/checklists/$${f##*/}; done
	-rmdir $(DESTDIR)$(SYSCONFDIR)/ptce/checklists $(DESTDIR)$(SYSCONFDIR)/ptce
	cd share && find . -type f | while read -r f; do rm -f "$(DESTDIR)$(PKGDATADIR)/$$f"; done
	-find $(DESTDIR)$(PKGDATADIR) -depth -type d -empty -delete
	for l in $(PO_FILES:po/%.po=%); do rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/ptce.mo; done
	for p in man/*.[1578]; do [ -f "$$p" ] || continue; s=$${p##*.}; rm -f $(DESTDIR)$(MANPREFIX)/man$$s/$${p##*/}; done
	for p in man/fr/*.[1578]; do [ -f "$$p" ] || continue; s=$${p##*.}; rm -f $(DESTDIR)$(MANPREFIX)/fr/man$$s/$${p##*/}; done
	@# Under a DESTDIR the tree is ours: leave no empty folder behind.
	-@if [ -n "$(DESTDIR)" ]; then for d in $(BINDIR) $(PKGDATADIR) $(SYSCONFDIR)/ptce/checklists \
	  $(SYSCONFDIR)/ptce $(MANPREFIX)/man1 $(MANPREFIX)/man5 $(MANPREFIX)/man7 $(MANPREFIX)/man8 \
	  $(MANPREFIX)/fr/man1 $(MANPREFIX)/fr/man5 $(MANPREFIX)/fr/man7 $(MANPREFIX)/fr/man8 \
	  $(PO_FILES:po/%.po=$(LOCALEDIR)/%/LC_MESSAGES); do \
	  rmdir -p "$(DESTDIR)$$d" 2>/dev/null; done; fi; true

# install-server: install, then the shared host's deployment (ptce(8)): the
# group, the database directory root:GROUP 2770, the binary root:GROUP 2755
# (setgid). Under a DESTDIR the group is not created: the commands to run
# on the target are printed instead, and the modes are set all the same.
install-server: install
	@if [ -z "$(DESTDIR)" ]; then \
	  getent group $(PTCE_GROUP) >/dev/null || groupadd --system $(PTCE_GROUP) || exit 1; \
	  install -d -o root -g $(PTCE_GROUP) -m 2770 $(STATEDIR); \
	  chown root:$(PTCE_GROUP) $(BINDIR)/ptce && chmod 2755 $(BINDIR)/ptce; \
	else \
	  install -d -m 2770 $(DESTDIR)$(STATEDIR); chmod 2755 $(DESTDIR)$(BINDIR)/ptce; \
	  echo "on the target, as root:"; \
	  echo "  groupadd --system $(PTCE_GROUP)"; \
	  echo "  chown root:$(PTCE_GROUP) $(STATEDIR) $(BINDIR)/ptce"; \
	  echo "  chmod 2770 $(STATEDIR); chmod 2755 $(BINDIR)/ptce"; \
	fi
	@echo "shared host: ptce is setgid $(PTCE_GROUP); database directory $(STATEDIR) (see ptce(8))"

clean:
	rm -rf build ptce

distclean: clean

help:
	@echo "make            build ./ptce"
	@echo "make run        build and open ptce on a demo database ($(DEMO_DB))"
	@echo "make check      run every test (normal and sanitized builds)"
	@echo "make bench      print speed and memory figures"
	@echo "make install    install under PREFIX=$(PREFIX) (DESTDIR, MANPREFIX honoured)"
	@echo "make uninstall  remove what install put there"
	@echo "make install-server  install for a shared host: group, setgid binary, $(STATEDIR) (ptce(8))"

# Man page rendering (pdf, print, lint-man) lives with the pages.
-include man/man.mk

-include $(CORE_OBJ:.o=.d) $(DEMO_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(UI_OBJ:.o=.d) $(MAIN_OBJ:.o=.d)
