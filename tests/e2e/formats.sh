# A web page beside a text in the reader: the page's title, format, date
# and source in its pane header; the o picker shows each article's format,
# date and source; marks and notes work on the page's story.
. tests/e2e/lib.sh
mkdir -p "$TMP/w"
cp tests/fixtures/formats/korea.html "$TMP/w/page.html"
cp articles/001_ac23be4cfe9d2cdd.txt "$TMP/w/other.txt"
E2E_DIR="$TMP/w"

start 160 40 page.html other.txt
check "brief started with the page" "Kim vows to expand nuclear arsenal"
gate
check_line "the page's title heads the left pane" "^A Kim vows to expand nuclear arsenal +│B North Korean leader"
check_line "the page's format, date and source under it" "^html · 2024-01-01 · Harbour Wire · SEOUL, South Korea · page.html +│text · no date · The Canadian Press · other.txt"
check "the page's story is shown" "North Korean leader Kim Jong Un said his country"
if screen | grep -qF "Vladimir Putin"; then
	not_ok "the page's navigation is not shown" "$(screen)"
else
	ok "the page's navigation is not shown"
fi
check "the status line names the page" " A page.html"

# the picker
keys o
check "o opens the picker" "Show which article in this pane?"
check_line "the picker shows the page's format, date and source" "\* html   2024-01-01 Harbour Wire +Kim vows to expand nuclear arsenal +page.html"
check_line "the picker shows the text's format" "  text   no date    The Canadian Press North Korean leader Kim Jong Un has pledged"
keys Down Enter
check_line "Enter shows the text in the focused pane" "^A North Korean leader Kim Jong Un has pledged"
keys o
check "o again" "Show which article in this pane?"
keys Up Enter
check_line "and the page again" "^A Kim vows to expand nuclear arsenal"

# a mention on the page selected, across both reports
keys e
check_line "e selects a mention on the page" "Kim Jong Un: [0-9]+ in A, [0-9]+ in B"
ungate
quit_ok "q quits"

# a web page beside a PDF: both titles, formats, dates and sources; the
# status line gives the page of the PDF's paragraph at the top
if [ -x build/tools/mkpdf ]; then
	build/tools/mkpdf tests/fixtures/pdf/report.spec >"$TMP/w/report.pdf"
	start 160 14 page.html report.pdf
	check "brief started with a page and a PDF" "Kim vows to expand nuclear arsenal"
	gate
	check_line "the PDF's title heads the right pane" "│B Annual Review of Regional Security"
	check_line "the PDF's format and date under it" "│pdf · 2024-03-12 · .*report.pdf"
	check "the PDF's story is shown" "The ministry expects naval activity"
	keys Tab
	check_line "the PDF's pane focused: its page in the status line" "^ B report.pdf.* p\. 1"
	keys G
	check_line "at its end: a later page" "^ B report.pdf.* p\. [23]"
	keys g e x
	check_line "x lists the PDF's mentions with their page" "  p\. [0-9]+ §[0-9]+  […A-Za-z]"
	keys Escape
	ungate
	quit_ok "q quits (page and PDF)"
else
	not_ok "the PDF generator is built" "build/tools/mkpdf missing"
fi

finish
