# man/man.mk - the manual pages: A4 PDFs (make pdf), printing (make print)
# and the lint that make check also runs (make lint-man). Included by Makefile.

MAN_PAGES    := $(sort $(wildcard man/*.[1578]))
MAN_PAGES_FR := $(sort $(wildcard man/fr/*.[1578]))
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

# The French pages have French headings (NOM) and a French date, which
# mandoc prints verbatim: those messages, and only those, are allowed there.
lint-man:
	@command -v mandoc >/dev/null || { echo "mandoc not found: install the Debian package mandoc (apt-get install mandoc)" >&2; exit 1; }
	@out=$$( { mandoc -Tlint -Wwarning $(MAN_PAGES); mandoc -Tlint -Wwarning $(MAN_PAGES_FR) | \
	  grep -v -E -e ': WARNING: cannot parse date, using it verbatim: Dd [0-9]+(er)? [^ ]+ [0-9]{4}$$' \
	    -e ': WARNING: first section is not "NAME": Sh (NOM|SYNOPSIS|DESCRIPTION)$$' \
	    -e ': WARNING: description line outside NAME section: Nd$$'; } 2>&1); \
	  if [ -n "$$out" ]; then printf '%s\n' "$$out"; exit 1; fi; \
	  echo "mandoc -Tlint -Wwarning: $(words $(MAN_PAGES) $(MAN_PAGES_FR)) pages, no message"

# make man-regen: rewrite the generated parts of ptce(1) from the program:
# the key table (the French page's from the French catalogue, as the
# interface's help shows it) and the '.It Cm' line of each subcommand.
# tests/cli/man.sh fails until this is run after a change of keys.c, cli.c
# or po/fr.po.
man-regen: $(PTCE_BIN) $(MO_FILES)
	@mkdir -p $(BUILD)
	./$(PTCE_BIN) tables keys --mdoc > $(BUILD)/keys.mdoc
	LANG=C.UTF-8 LC_ALL= LANGUAGE=fr PTCE_LOCALEDIR=$(BUILD)/locale ./$(PTCE_BIN) tables keys --mdoc > $(BUILD)/keys.fr.mdoc
	./$(PTCE_BIN) tables commands --mdoc > $(BUILD)/commands.mdoc
	LANG=C.UTF-8 LC_ALL= LANGUAGE=fr PTCE_LOCALEDIR=$(BUILD)/locale ./$(PTCE_BIN) tables commands --mdoc > $(BUILD)/commands.fr.mdoc
	awk -v keys=$(BUILD)/keys.mdoc -v cmds=$(BUILD)/commands.mdoc "$$MAN_REGEN_AWK" man/ptce.1 > man/ptce.1.tmp && mv man/ptce.1.tmp man/ptce.1
	awk -v keys=$(BUILD)/keys.fr.mdoc -v cmds=$(BUILD)/commands.fr.mdoc "$$MAN_REGEN_AWK" man/fr/ptce.1 > man/fr/ptce.1.tmp && mv man/fr/ptce.1.tmp man/fr/ptce.1
	./$(PTCE_BIN) tables permissions --mdoc > $(BUILD)/permissions.mdoc
	awk -v rows=$(BUILD)/permissions.mdoc 'BEGIN { while ((getline l < rows) > 0) r[++n] = l } \
	  /^\.\\" BEGIN permissions$$/ { print; skip = 1; next } \
	  /^\.\\" END permissions$$/ { for (i = 1; i <= n; i++) print r[i]; skip = 0 } \
	  skip { next } { print }' man/ptce.8 > man/ptce.8.tmp && mv man/ptce.8.tmp man/ptce.8
	awk -v rows=$(BUILD)/permissions.mdoc 'BEGIN { while ((getline l < rows) > 0) r[++n] = l } \
	  /^\.\\" BEGIN permissions$$/ { print; skip = 1; next } \
	  /^\.\\" END permissions$$/ { for (i = 1; i <= n; i++) print r[i]; skip = 0 } \
	  skip { next } { print }' man/fr/ptce.8 > man/fr/ptce.8.tmp && mv man/fr/ptce.8.tmp man/fr/ptce.8
	@echo "man/ptce.1, man/fr/ptce.1, man/ptce.8 and man/fr/ptce.8 regenerated; review with git diff"

# The awk program of man-regen: replaces the rows between the keys markers
# and the '.It Cm' lines of the commands block.
define MAN_REGEN_AWK
BEGIN {
	while ((getline line < keys) > 0)
		krows[++nk] = line
	while ((getline line < cmds) > 0) {
		split(line, w, " ")
		cmd[w[3]] = line
	}
}
/^\.\\" BEGIN keys$$/ { print; inkeys = 1; next }
/^\.\\" END keys$$/ {
	for (i = 1; i <= nk; i++)
		print krows[i]
	inkeys = 0
	print
	next
}
inkeys { next }
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
