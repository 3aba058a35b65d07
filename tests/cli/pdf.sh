# PDFs (issue 17): pdftotext in a child process with limits; paragraphs,
# pages, running heads as boilerplate; each bad PDF a clear message and
# exit 2, nothing half-loaded.  The PDFs are generated here
# (build/tools/mkpdf, from tests/fixtures/pdf/*.spec); qpdf encrypts one.
. tests/cli/lib.sh

MKPDF=build/tools/mkpdf
if [ ! -x "$MKPDF" ]; then
	not_ok "the PDF generator is built" "$MKPDF missing (make build/tools/mkpdf)"
	finish
	exit 1
fi
R="$TMP/report.pdf"
"$MKPDF" tests/fixtures/pdf/report.spec >"$R"
"$MKPDF" tests/fixtures/pdf/scanned.spec >"$TMP/scanned.pdf"

run --dump "$R"
expect_rc "a PDF: brief ran" 0
gate
expect_out "a PDF: its format" "format: 'pdf'"
expect_out "a PDF: its title from the document" "title: 'Annual Review of Regional Security'"
expect_out "a PDF: its date" "date: '2024-03-12'"
expect_out "a PDF: its author" "author: 'Office of Net Assessment'"
expect_out "a PDF: the headline" "text: 'Regional Security Outlook'"
expect_out "a PDF: a paragraph rebuilt across lines and the hyphen" "the transport of supplies depends"
expect_out "a PDF: a real hyphen kept" "the short-range systems"
expect_out "a PDF: a paragraph across a page break joined" "keep the new systems running through the winter months"
expect_out "a PDF: sections keep their page" "page: '2'"
ungate
# the running header is boilerplate, the page numbers are not in the story
awk '/kind: .boilerplate./ { b = 1; next } /kind:/ { b = 0 } b && /text:/' "$TMP/out" >"$TMP/boiler"
awk '/kind: .(lead|body)./ { s = 1; next } /kind:/ { s = 0 } s && /text:/' "$TMP/out" >"$TMP/story"
gate
if grep -q "Annual Review 2024" "$TMP/boiler" && ! grep -q "Annual Review 2024" "$TMP/story"; then
	ok "a PDF: the running header is boilerplate"
else not_ok "a PDF: the running header is boilerplate" "$(cat "$TMP/story" | head -5)"; fi
if grep -q "Page 1 of 3" "$TMP/story"; then not_ok "a PDF: page numbers are not story" "$(grep 'Page' "$TMP/story")"; else
	ok "a PDF: page numbers are not story"; fi
ungate

# marks, notes and exports work on it, and exports cite the page
N="$TMP/notes.yaml"
run --mentions "$R"
expect_rc "marks on a PDF" 0
run --notes "$N" --add-note "exercises" --at "two large exercises" "$R"
expect_rc "a note on a PDF's page 2" 0
run --notes "$N" --export-notes markdown "$R"
expect_rc "the notes of a PDF exported" 0
expect_out "the export cites the page" "p. 2"

# a web page compared with a PDF, and their briefing
run --compare tests/fixtures/formats/korea.html "$R"
expect_rc "a page compared with a PDF" 0
gate
expect_out "the comparison names the page's title" "Kim vows to expand nuclear arsenal"
expect_out "the comparison names the PDF's title" "Annual Review of Regional Security"
ungate
run --compare --format yaml tests/fixtures/formats/korea.html "$R"
expect_rc "a page compared with a PDF, as YAML" 0
run --notes "$N" --briefing tests/fixtures/formats/korea.html "$R"
expect_rc "a briefing of a page and a PDF" 0
expect_out "the briefing holds the PDF's note" "exercises"

# bad PDFs: a clear message, exit 2, nothing on stdout
bad() { # NAME FILE REASON
	run --dump "$2"
	expect_rc "$1: exit 2" 2
	expect_err "$1: says why" "brief: $2: $3"
	expect_eq "$1: nothing on stdout" "$OUT" ""
}
: >"$TMP/empty.pdf"
bad "an empty PDF" "$TMP/empty.pdf" "empty file"
cp "$TMP/empty.pdf" "$TMP/empty-download"
run --as pdf --dump "$TMP/empty-download"
expect_rc "an empty file read --as pdf: exit 2" 2
expect_err "an empty file read --as pdf: says so" "empty-download: empty file"
head -c 300 "$R" >"$TMP/cut.pdf"
bad "a corrupt PDF" "$TMP/cut.pdf" "damaged PDF"
bad "a scanned PDF" "$TMP/scanned.pdf" "no text layer"
if command -v qpdf >/dev/null 2>&1; then
	qpdf --encrypt secret owner 256 -- "$R" "$TMP/locked.pdf" 2>/dev/null
	bad "an encrypted PDF" "$TMP/locked.pdf" "encrypted PDF"
else
	ok "an encrypted PDF # SKIP qpdf not installed (make deps)"
fi
# a PDF tool that hangs: the time limit ends it
printf '#!/bin/sh\nexec sleep 600\n' >"$TMP/hang.sh"
chmod +x "$TMP/hang.sh"
BRIEF_PDFTOTEXT="$TMP/hang.sh" BRIEF_PDF_TIMEOUT=1 run --dump "$R"
expect_rc "a hanging PDF tool: exit 2" 2
expect_err "a hanging PDF tool: the time limit said" "took longer than"
# a PDF alongside a good text: nothing half-loaded
printf 'Kim met Trump in Hanoi.\n' >"$TMP/a.txt"
run --dump "$TMP/a.txt" "$TMP/scanned.pdf"
expect_rc "a bad PDF beside a text: exit 2" 2
expect_eq "a bad PDF beside a text: nothing on stdout" "$OUT" ""
finish
