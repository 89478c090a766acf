# man/man.mk - the manual pages: A4 PDFs (make pdf), printing (make print)
# and the lint that make check also runs (make lint-man). Included by Makefile.

MAN_PAGES    := $(sort $(wildcard man/*.[157]))
MAN_PAGES_FR := $(sort $(wildcard man/fr/*.[157]))
MAN_PDF      := $(MAN_PAGES:man/%=$(BUILD)/pdf/%.pdf)
MAN_PDF_FR   := $(MAN_PAGES_FR:man/fr/%=$(BUILD)/pdf/fr/%.pdf)

# groff, not mandoc: mandoc 1.14 writes accented letters in PDF as ASCII
# ("d'epos'e"). -k runs preconv so UTF-8 input keeps its accents.
GROFF_PDF := groff -k -mdoc -Tpdf -dpaper=a4 -P-pa4

# make print MANLANG=fr prints the French pages; PAGES=ptce-procedure.7
# limits it to some pages.
MANLANG ?= en
PAGES   ?=

.PHONY: pdf print lint-man man-regen

pdf: $(MAN_PDF) $(MAN_PDF_FR)
	@echo "PDF (A4) in $(BUILD)/pdf/ (English) and $(BUILD)/pdf/fr/ (French)"

$(BUILD)/pdf/%.pdf: man/%
	@command -v groff >/dev/null || { echo "groff not found: install the Debian package groff (apt-get install groff)" >&2; exit 1; }
	@mkdir -p $(@D)
	$(GROFF_PDF) $< > $@.tmp && mv $@.tmp $@

$(BUILD)/pdf/fr/%.pdf: man/fr/%
	@command -v groff >/dev/null || { echo "groff not found: install the Debian package groff (apt-get install groff)" >&2; exit 1; }
	@mkdir -p $(@D)
	$(GROFF_PDF) $< > $@.tmp && mv $@.tmp $@

print: pdf
	@if ! command -v lp >/dev/null 2>&1; then \
	  echo "make print: 'lp' not found. Install the Debian package cups-client (apt-get install cups-client)," >&2; \
	  echo "or print the PDFs in $(BUILD)/pdf/ from another computer." >&2; \
	  exit 1; fi
	@dir=$(BUILD)/pdf; [ "$(MANLANG)" = fr ] && dir=$(BUILD)/pdf/fr; \
	  files=""; \
	  if [ -n "$(PAGES)" ]; then for p in $(PAGES); do files="$$files $$dir/$$p.pdf"; done; \
	  else files=$$(ls $$dir/*.pdf); fi; \
	  echo "lp -o media=A4 $$files"; lp -o media=A4 $$files

lint-man:
	@command -v mandoc >/dev/null || { echo "mandoc not found: install the Debian package mandoc (apt-get install mandoc)" >&2; exit 1; }
	@out=$$(mandoc -Tlint -Wwarning $(MAN_PAGES) $(MAN_PAGES_FR) 2>&1); \
	  if [ -n "$$out" ]; then printf '%s\n' "$$out"; exit 1; fi; \
	  echo "mandoc -Tlint -Wwarning: $(words $(MAN_PAGES) $(MAN_PAGES_FR)) pages, no message"

# make man-regen: rewrite the generated parts of ptce(1), English and French,
# from the program: the key table (the French descriptions are kept for
# actions that already had one) and the '.It Cm' line of each subcommand.
# tests/cli/man.sh fails until this is run after a change of keys.c or cli.c.
man-regen: $(PTCE_BIN)
	@mkdir -p $(BUILD)
	./$(PTCE_BIN) doc keys --mdoc > $(BUILD)/keys.mdoc
	./$(PTCE_BIN) doc commands --mdoc > $(BUILD)/commands.mdoc
	for p in man/ptce.1 man/fr/ptce.1; do [ -f $$p ] || continue; \
	  keep=0; [ $$p = man/fr/ptce.1 ] && keep=1; \
	  awk -v keep=$$keep -v keys=$(BUILD)/keys.mdoc -v cmds=$(BUILD)/commands.mdoc "$$MAN_REGEN_AWK" $$p > $$p.tmp && \
	  mv $$p.tmp $$p; done
	@echo "man/ptce.1 and man/fr/ptce.1 regenerated; review with git diff (new rows in the French page need translating)"

# The awk program of man-regen (keep=1 keeps the existing descriptions of
# the key table: the French page's translations).
define MAN_REGEN_AWK
BEGIN {
	FS = "\n"
	while ((getline line < keys) > 0)
		krows[++nk] = line
	while ((getline line < cmds) > 0) {
		split(line, w, " ")
		cmd[w[3]] = line
	}
}
function action(row,   f) {
	split(row, f, " Ta ")
	return f[2]
}
/^\.\\" BEGIN keys$$/ { print; inkeys = 1; next }
/^\.\\" END keys$$/ {
	for (i = 1; i <= nk; i++) {
		row = krows[i]
		if (keep && (action(row) in old)) {
			n = split(row, f, " Ta ")
			row = f[1] " Ta " f[2] " Ta " f[3] " Ta " old[action(row)]
		}
		print row
	}
	inkeys = 0
	print
	next
}
inkeys {
	n = split($$0, f, " Ta ")
	if (n >= 4)
		old[f[2]] = f[4]
	next
}
/^\.\\" BEGIN commands$$/ { incmds = 1 }
/^\.\\" END commands$$/ { incmds = 0 }
incmds && /^\.It Cm / {
	split($$0, w, " ")
	if (w[3] in cmd) {
		print cmd[w[3]]
		next
	}
}
{ print }
endef
export MAN_REGEN_AWK
