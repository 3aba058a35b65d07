# Formats by content: a web page (also in a .txt), --as, the page's
# metadata in --dump, bad pages (truncated, no text, windows-1252), marks
# and notes on extracted text, directories, standard input.
. tests/cli/lib.sh
H=tests/fixtures/html
K=tests/fixtures/formats/korea.html

# a .txt holding HTML is HTML
run --dump "$H/page.txt"
expect_rc "a .txt holding HTML: brief ran" 0
gate
expect_out "a .txt holding HTML is read as HTML" "format: 'html'"
expect_no_out "a .txt holding HTML: no markup in the text" "<p>"
expect_out "a .txt holding HTML: its story" "The city council postponed its vote"
ungate

# --as text shows the markup as text
run --as text --dump "$H/page.txt"
expect_rc "--as text: brief ran" 0
gate
expect_out "--as text: read as text" "format: 'text'"
expect_out "--as text: the markup is text" "<h2>Council vote delayed</h2>"
ungate

# --as html on plain text
printf 'Plain words in a plain file.\n\nA second paragraph follows.\n' >"$TMP/plain.txt"
run --dump "$TMP/plain.txt"
expect_out "plain text is text" "format: 'text'"
run --as html --dump "$TMP/plain.txt"
expect_rc "--as html on plain text: brief ran" 0
gate
expect_out "--as html on plain text: read as HTML" "format: 'html'"
expect_out "--as html on plain text: its words kept" "Plain words in a plain file."
ungate

# --as applies to every file given
run --as text --dump "$H/page.txt" "$K"
expect_rc "--as with two files: brief ran" 0
gate
if [ "$(grep -c "format: 'text'" "$TMP/out")" -eq 2 ]; then
	ok "--as applies to every file"
else
	not_ok "--as applies to every file" "$(grep format "$TMP/out")"
fi
ungate

run --as docx --dump "$K"
expect_rc "--as with an unknown format: exit 2" 2
expect_err "--as with an unknown format: said" "brief: --as takes text, html, pdf, email or feed, not 'docx'"

# the metadata of a web page
run --dump "$K"
expect_rc "metadata: brief ran" 0
gate
expect_out "metadata: format" "format: 'html'"
expect_out "metadata: title (og:title)" "title: 'Kim vows to expand nuclear arsenal'"
expect_out "metadata: date (article:published_time)" "date: '2024-01-01'"
expect_out "metadata: source (og:site_name)" "source: 'Harbour Wire'"
expect_out "metadata: url (canonical)" "url: 'https://wire.example/asia/kim-arsenal'"
expect_out "metadata: author" "author: 'Mina Park'"
expect_out "metadata: place from the lead's dateline" "place: 'SEOUL, South Korea'"
expect_out "the headline is a section" "- kind: 'headline'"
expect_out "the newsletter box is boilerplate" "- kind: 'boilerplate'
  text: 'Sign up for our morning newsletter"
expect_no_out "the navigation is dropped" "Vladimir Putin"
expect_no_out "a web page has no pages" "page:"
ungate
# the id is the hash of the file's bytes: the same page on standard input
# has the same id, a changed byte another
id_file=$(grep '^id:' "$TMP/out")
run --dump - <"$K"
expect_out "standard input holding HTML is HTML" "format: 'html'"
expect_eq "the id is the hash of the page's bytes" "$(grep '^id:' "$TMP/out")" "$id_file"
sed 's/Mina Park/Mina Parks/' "$K" >"$TMP/changed.html"
run --dump "$TMP/changed.html"
if [ -n "$id_file" ] && ! grep -qF -- "$id_file" "$TMP/out" && grep -q '^id:' "$TMP/out"; then
	ok "another page, another id"
else
	not_ok "another page, another id" "$id_file" "$(grep '^id:' "$TMP/out")"
fi

# a truncated page: what was read of the story loads
head -c 1200 "$K" >"$TMP/truncated.html"
run --dump "$TMP/truncated.html"
expect_rc "a truncated page: exit 0" 0
gate
expect_out "a truncated page: the story read so far" "North Korean leader Kim Jong Un said his country"
ungate
run --dump "$H/broken.html"
expect_rc "broken markup: exit 0" 0

# a page with no text: a clear message, exit 2, nothing on stdout
run --dump "$H/empty.html"
expect_rc "a page with no text: exit 2" 2
expect_err "a page with no text: said" "brief: $H/empty.html: no article text found"
expect_eq "a page with no text: nothing written" "$OUT" ""
# nothing half-loaded: a good page and an empty one give nothing
run --dump "$K" "$H/empty.html"
expect_rc "a good page and an empty one: exit 2" 2
expect_eq "a good page and an empty one: nothing written" "$OUT" ""

# windows-1252
run --dump "$H/cp1252.html"
expect_rc "windows-1252: brief ran" 0
gate
expect_out "windows-1252: decoded" "Café résumé"
ungate

# marks on the story, not on the page around it
run --mentions "$K"
expect_rc "--mentions on a page: brief ran" 0
gate
expect_out "--mentions marks the lead" "$K	1	48	59	actor	Kim Jong Un	Kim Jong Un"
expect_no_out "--mentions leaves the navigation out" "Putin"
ungate

# notes anchor to the extracted text, and exports find them again
N="$TMP/notes.yaml"
run --notes "$N" --add-note "arsenal claim" --at "expand its nuclear arsenal" "$K"
expect_rc "a note on a page: added" 0
run --notes "$N" --export-notes markdown "$K"
expect_rc "a note on a page: exported" 0
gate
expect_out "the export quotes the passage" "**expand its nuclear arsenal**"
expect_out "the export places it" "$K, section 2, sentence 1"
ungate

# a directory stands for its web pages too
mkdir -p "$TMP/dir"
cp "$K" "$TMP/dir/a.html"
cp "$TMP/plain.txt" "$TMP/dir/b.txt"
run --dump "$TMP/dir"
expect_rc "a directory with a page: brief ran" 0
gate
expect_out "a directory: its .html file" "file: '$TMP/dir/a.html'"
expect_out "a directory: its .txt file" "file: '$TMP/dir/b.txt'"
ungate

# a page read as a PDF is refused with a clear message
run --as pdf --dump "$K"
expect_rc "--as pdf on a page: exit 2" 2
expect_err "--as pdf on a page: the file named" "brief: $K: "

# an mbox: each message an article; a broken one is named and the good
# ones load
MB=tests/fixtures/mail/letters.mbox
run --dump "$MB"
expect_rc "mbox with a broken message: the good ones load (exit 0)" 0
gate
expect_out "mbox: message 1 is an article" "file: '$MB#1'"
expect_out "mbox: its subject is the title" "title: 'First letter'"
expect_out "mbox: the format" "format: 'email'"
expect_err "mbox: the broken message is named" "brief: $MB: message 2: "
ungate
# an .eml with the text part preferred; Subject, Date and From
run --dump tests/fixtures/mail/alternative.eml
expect_rc "eml: read" 0
gate
expect_out "eml: Subject is the title" "title: 'Seoul and Tokyo agree on drills"
expect_out "eml: Date is the date" "date: '2024-03-05'"
expect_out "eml: From is the source" "source: 'The Morning Dispatch'"
ungate
run --dump tests/fixtures/mail/no-text.eml
expect_rc "an e-mail with no text part: exit 2" 2
expect_err "an e-mail with no text part: says so" "no-text.eml: no text part"
expect_eq "an e-mail with no text part: nothing on stdout" "$OUT" ""

# feeds: each item an article with its title, link and date
run --dump tests/fixtures/feed/news.atom
expect_rc "an Atom feed: read" 0
gate
expect_out "Atom: item 2 is an article" "file: 'tests/fixtures/feed/news.atom#2'"
expect_out "Atom: the link is the url" "url: 'https://ministry.example/statements/2'"
expect_out "Atom: the feed's title is the source" "source: 'Ministry Updates'"
ungate
run --dump tests/fixtures/feed/invalid.rss
expect_rc "a feed with invalid XML: exit 2" 2
expect_err "a feed with invalid XML: FILE:LINE:COL" "brief: tests/fixtures/feed/invalid.rss:6:1: invalid XML"
expect_eq "a feed with invalid XML: nothing on stdout" "$OUT" ""
run --mentions tests/fixtures/feed/news.rss
expect_rc "marks on a feed's items" 0
gate
expect_out "marks name the item" "tests/fixtures/feed/news.rss#1"
ungate

# the format libraries are loaded when a file needs them, not at
# start-up: plain text loads neither libxml2 nor GMime (nor libpq), a web
# page loads libxml2, an e-mail GMime (LD_DEBUG=files: the loader's list)
loaded() { # NAME FILE: a line "yes NAME" per library of the list loaded
	for l in libxml2 libgmime libpq; do
		grep -q "file=$l" "$TMP/ld" && echo "yes $l"
	done
	grep -q 'file=libc\.so' "$TMP/ld" || echo "no loader list"
}
LD_DEBUG=files "$BRIEF" --dump articles/000_b6812c9593b6cfb0.txt \
	>"$TMP/out" 2>"$TMP/ld"
expect_eq "plain text: no format library loaded" \
	"$(grep -c "format: 'text'" "$TMP/out") $(loaded)" "1 "
LD_DEBUG=files "$BRIEF" --dump "$K" >"$TMP/out" 2>"$TMP/ld"
expect_eq "a web page: libxml2 loaded, not GMime" \
	"$(grep -c "format: 'html'" "$TMP/out") $(loaded | tr '\n' ' ')" \
	"1 yes libxml2 "
LD_DEBUG=files "$BRIEF" --dump tests/fixtures/mail/reply.eml \
	>"$TMP/out" 2>"$TMP/ld"
expect_eq "an e-mail: GMime loaded" \
	"$(grep -c "format: 'email'" "$TMP/out") $(loaded | grep -c libgmime)" "1 1"

# the extractor's rules are read when the first page, e-mail or feed
# is: a broken extract.yaml stops those (FILE:LINE:COL, exit 2), never
# plain text
mkdir -p "$TMP/bx"
cp data/*.yaml "$TMP/bx/"
printf 'weights: [\n' >"$TMP/bx/extract.yaml"
BRIEF_DATADIR="$TMP/bx" run --dump articles/000_b6812c9593b6cfb0.txt
expect_rc "a broken extract.yaml: plain text still reads" 0
expect_out "a broken extract.yaml: the plain text dumped" "format: 'text'"
BRIEF_DATADIR="$TMP/bx" run --dump "$K"
expect_rc "a broken extract.yaml: a web page stops (exit 2)" 2
expect_err "a broken extract.yaml: where it is wrong" "bx/extract.yaml:2:1: "
BRIEF_DATADIR="$TMP/bx" run --dump tests/fixtures/mail/reply.eml
expect_rc "a broken extract.yaml: an e-mail stops (exit 2)" 2
expect_err "a broken extract.yaml: said for the e-mail" "bx/extract.yaml:2:1: "

# a format library that cannot be loaded: that file's error, exit 2
# (a file that is no library, first on the loader's path)
mkdir -p "$TMP/badlib"
printf 'not a library\n' >"$TMP/badlib/libxml2.so.2"
printf 'not a library\n' >"$TMP/badlib/libgmime-3.0.so.0"
LD_LIBRARY_PATH="$TMP/badlib" "$BRIEF" --dump "$K" >"$TMP/out" 2>"$TMP/err"
RC=$?
ERR=$(cat "$TMP/err")
expect_rc "no libxml2: exit 2" 2
expect_err "no libxml2: the page and the library named" \
	"brief: $K: reading web pages, feeds and PDFs needs libxml2.so.2 ("
LD_LIBRARY_PATH="$TMP/badlib" "$BRIEF" --dump tests/fixtures/mail/reply.eml \
	>"$TMP/out" 2>"$TMP/err"
RC=$?
ERR=$(cat "$TMP/err")
expect_rc "no GMime: exit 2" 2
expect_err "no GMime: the mail and the library named" \
	"brief: tests/fixtures/mail/reply.eml: reading e-mail and feeds needs libgmime-3.0.so.0 ("
LD_LIBRARY_PATH="$TMP/badlib" "$BRIEF" --dump articles/000_b6812c9593b6cfb0.txt \
	>"$TMP/out" 2>"$TMP/err"
RC=$?
ERR=$(cat "$TMP/err")
expect_rc "no libxml2 nor GMime: plain text still read" 0
expect_out "no libxml2 nor GMime: its text" "North Korean leader Kim Jong Un"

finish
