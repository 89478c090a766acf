#!/bin/sh
# pieces.sh - the pièces jointes from the command line: ptce doc attach a
# PDF made by groff and a text, list them with their checksum, show them as
# text (pdftotext), save them at 0600 without overwriting, and read them
# only where the dossier may be seen.
. "$(dirname "$0")/../lib.sh"
t_setup

t_run "init --demo" 0 ptce init --demo
num=$(t_sql "select ds_number from dossiers order by id limit 1")
did=$(t_sql "select id from dossiers where ds_number='$num'")
before=$(t_sql "select count(*) from documents where dossier_id=$did")

# A PDF written by groff (no hand-made bytes), a text with an escape
# sequence, and a file of no known type.
printf '.Dd January 1, 2026\n.Dt STATUTS 7\n.Os\n.Sh NAME\nStatuts de la SCIC Pieces Test\n' >"$T_DIR/statuts.7"
if command -v groff >/dev/null; then
	groff -mdoc -Tpdf "$T_DIR/statuts.7" >"$T_DIR/statuts.pdf" 2>/dev/null
fi
printf 'Lettre de soutien\n\033[31mrouge\033[0m fin\n' >"$T_DIR/lettre.txt"
printf '\000\001\002binary\377' >"$T_DIR/blob.bin"

t_run "doc --help" 0 ptce doc --help
t_contains "  ...names the actions" "$T_OUT" "attach ID FILE"
t_run "doc without an action is a usage error" 2 ptce doc
t_run "doc frob is a usage error" 2 ptce doc frob "$num"
t_run "doc list of an unknown dossier: not found" 3 ptce doc list 999999999

t_run "attach a text" 0 ptce doc attach "$num" "$T_DIR/lettre.txt" --kind lettre
n_txt=$((before + 1))
t_contains "  ...says its number" "$T_OUT" "Pièce $n_txt attached to dossier $num"
t_run "attach it again: nothing changes" 0 ptce doc attach "$num" "$T_DIR/lettre.txt" --kind lettre
t_contains "  ...and says so" "$T_OUT" "already holds this file as pièce $n_txt"
t_eq "  ...one row, one blob" "$(t_sql "select count(*) from documents where dossier_id=$did and file_name='lettre.txt'"):$(t_sql "select count(*) from document_blobs")" "1:1"
t_run "attach with an unknown kind is refused" 1 ptce doc attach "$num" "$T_DIR/blob.bin" --kind facture
t_contains "  ...naming the kinds" "$T_ERR" "statuts, sirene"
t_run "attach a missing file: not found" 3 ptce doc attach "$num" "$T_DIR/nope.pdf"
t_run "attach a binary" 0 ptce doc attach "$num" "$T_DIR/blob.bin"
n_bin=$((before + 2))
t_eq "  ...of kind autre, typed octet-stream" "$(t_sql "select kind, mime from documents where dossier_id=$did and file_name='blob.bin'")" "autre|application/octet-stream"
t_eq "  ...recorded in history as 'document'" "$(t_sql "select count(*) from history where dossier_id=$did and kind='document'")" "2"
t_eq "  ...by whom ran it" "$(t_sql "select actor from history where dossier_id=$did and kind='document' order by id desc limit 1")" "$(id -un)"

t_run "an instructeur may not attach" 1 ptce --as cmartin doc attach "$num" "$T_DIR/lettre.txt"
t_contains "  ...coordinateur or admin" "$T_ERR" "coordinateur or an admin"

t_run "doc list" 0 ptce doc list "$num"
t_contains "  ...shows the text with its type" "$T_OUT" "lettre.txt"
t_contains "  ...and its checksum's start" "$T_OUT" "$(sha256sum "$T_DIR/lettre.txt" | cut -c1-12)"
t_eq "stored checksum = sha256sum's" "$(t_sql "select sha256 from documents where dossier_id=$did and file_name='lettre.txt'")" "$(sha256sum "$T_DIR/lettre.txt" | cut -d' ' -f1)"
t_eq "stored size = the file's" "$(t_sql "select size from documents where dossier_id=$did and file_name='lettre.txt'")" "$(wc -c <"$T_DIR/lettre.txt" | tr -d ' ')"

t_run "doc show the text" 0 ptce doc show "$num" "$n_txt"
t_contains "  ...prints it" "$T_OUT" "Lettre de soutien"
t_contains "  ...cleaned of escape sequences" "$T_OUT" "rouge fin"
t_eq "  ...no escape byte reaches the terminal" "$(printf '%s' "$T_OUT" | tr -d -c '\033' | wc -c | tr -d ' ')" "0"
t_run "doc show a binary is refused" 1 ptce doc show "$num" "$n_bin"
t_contains "  ...naming its type and how to save it" "$T_ERR" "application/octet-stream"
t_contains "  ...and the save command" "$T_ERR" "ptce doc save $num $n_bin FILE"
t_run "doc show of a pièce only named by the import" 3 ptce doc show "$num" 1
t_contains "  ...says how to bring it" "$T_ERR" "zip export"
t_run "doc show 0 is a usage error" 2 ptce doc show "$num" 0
t_run "doc show of a pièce that does not exist" 3 ptce doc show "$num" 999

if [ -s "$T_DIR/statuts.pdf" ]; then
	t_run "attach a PDF" 0 ptce doc attach "$num" "$T_DIR/statuts.pdf" --kind statuts
	n_pdf=$((before + 3))
	t_eq "  ...typed application/pdf" "$(t_sql "select mime from documents where dossier_id=$did and file_name='statuts.pdf'")" "application/pdf"
	t_eq "  ...its checksum is sha256sum's" "$(t_sql "select sha256 from documents where dossier_id=$did and file_name='statuts.pdf'")" "$(sha256sum "$T_DIR/statuts.pdf" | cut -d' ' -f1)"
	if command -v pdftotext >/dev/null; then
		t_run "doc show a PDF" 0 ptce doc show "$num" "$n_pdf"
		t_contains "  ...as text through pdftotext" "$T_OUT" "Statuts de la SCIC Pieces Test"
		mkdir -p "$T_DIR/tmp"
		TMPDIR=$T_DIR/tmp "$PTCE" doc show "$num" "$n_pdf" >/dev/null 2>&1
		t_eq "  ...the private copy is removed after" "$(ls -A "$T_DIR/tmp")" ""
		t_run "without pdftotext, a PDF is not shown" 3 env PATH=/nonexistent "$PTCE" doc show "$num" "$n_pdf"
		t_contains "  ...naming the package" "$T_ERR" "poppler-utils"
	else
		t_skip "pdftotext (poppler-utils) is not installed"
	fi
	t_run "doc save the PDF" 0 ptce doc save "$num" "$n_pdf" "$T_DIR/out.pdf"
	t_eq "  ...same bytes" "$(sha256sum <"$T_DIR/out.pdf" | cut -d' ' -f1)" "$(sha256sum <"$T_DIR/statuts.pdf" | cut -d' ' -f1)"
	t_eq "  ...mode 0600" "$(stat -c %a "$T_DIR/out.pdf")" "600"
else
	t_skip "groff is not installed: no PDF to attach"
fi

printf 'mine' >"$T_DIR/exists.txt"
t_run "doc save refuses to overwrite" 1 ptce doc save "$num" "$n_txt" "$T_DIR/exists.txt"
t_contains "  ...and says so" "$T_ERR" "already exists"
t_eq "  ...the file is untouched" "$(cat "$T_DIR/exists.txt")" "mine"
ln -s "$T_DIR/exists.txt" "$T_DIR/link.txt"
t_run "doc save onto a link refuses too" 1 ptce doc save "$num" "$n_txt" "$T_DIR/link.txt"
t_run "doc save --force replaces it" 0 ptce doc save "$num" "$n_txt" "$T_DIR/exists.txt" --force
t_eq "  ...with the pièce" "$(head -1 "$T_DIR/exists.txt")" "Lettre de soutien"
t_eq "  ...at 0600" "$(stat -c %a "$T_DIR/exists.txt")" "600"
t_run "doc save --force onto a link replaces the link, not its target" 0 ptce doc save "$num" "$n_txt" "$T_DIR/link.txt" --force
t_eq "  ...the link is now a file" "$(test -L "$T_DIR/link.txt" && echo link || echo file)" "file"

# Visibility: as for the dossier.
t_run "a lecteur lists the pièces" 0 ptce --as mpetit doc list "$num"
t_contains "  ...and sees them" "$T_OUT" "lettre.txt"
t_run "a lecteur reads one" 0 ptce --as mpetit doc show "$num" "$n_txt"
hidden=$(t_sql "select ds_number from dossiers d where not exists (select 1 from assignments a where a.dossier_id = d.id and a.login = 'pmoreau') and not exists (select 1 from opinions o where o.dossier_id = d.id and o.expert = 'pmoreau') order by id limit 1")
seen=$(t_sql "select ds_number from dossiers d where exists (select 1 from opinions o where o.dossier_id = d.id and o.expert = 'pmoreau') order by id limit 1")
t_run "attach to the dossier the expert sees" 0 ptce doc attach "$seen" "$T_DIR/lettre.txt"
t_run "attach to one the expert was not asked about" 0 ptce doc attach "$hidden" "$T_DIR/lettre.txt"
t_run "an expert reads the pièces of a dossier they were asked about" 0 ptce --as pmoreau doc list "$seen"
t_contains "  ...listed" "$T_OUT" "lettre.txt"
n_seen=$(t_sql "select count(*) from documents where dossier_id=(select id from dossiers where ds_number='$seen')")
t_run "  ...and shows one" 0 ptce --as pmoreau doc show "$seen" "$n_seen"
n_hidden=$(t_sql "select count(*) from documents where dossier_id=(select id from dossiers where ds_number='$hidden')")
t_run "an expert may not list another dossier's pièces" 1 ptce --as pmoreau doc list "$hidden"
t_run "  ...nor show one" 1 ptce --as pmoreau doc show "$hidden" "$n_hidden"
t_run "  ...nor save one" 1 ptce --as pmoreau doc save "$hidden" "$n_hidden" "$T_DIR/x.txt"
t_eq "  ...nothing written" "$(ls "$T_DIR/x.txt" 2>/dev/null)" ""

# One blob however many dossiers hold the same file.
t_eq "the same text in three dossiers is stored once" "$(t_sql "select count(*) from document_blobs where sha256='$(sha256sum "$T_DIR/lettre.txt" | cut -d' ' -f1)'")" "1"
t_eq "integrity_check is ok" "$(t_sql 'PRAGMA integrity_check')" "ok"
t_eq "foreign keys hold" "$(t_sql 'PRAGMA foreign_key_check')" ""
t_done
