# --compare --format yaml on a pair quoting one statement: one row with
# both reports and both speakers; a statement quoted in one report alone
# is a row of its own.
. tests/cli/lib.sh
A=tests/fixtures/compare/quotes-a.txt
B=tests/fixtures/compare/quotes-b.txt

run --compare --format yaml "$A" "$B"
expect_rc "compare yaml exits 0" 0
gate
# the rows of the quotes, from "quotes:" to the next top-level key
sed -n '/^quotes:/,/^[a-z]/p' "$TMP/out" >"$TMP/quotes"
row() { grep -F -A8 -- "- text: '$1" "$TMP/quotes"; }
expect_eq "the shared statement is one row" \
	"$(grep -cF -- "- text: 'We will respond firmly" "$TMP/quotes")" 1
expect_eq "its keys, in order" \
	"$(row 'We will respond firmly' | sed -n 's/^  \([a-z]*\):.*/\1/p' | tr '\n' ' ')" \
	"speaker speakers reports sections "
expect_eq "quoted in both reports" \
	"$(row 'We will respond firmly' | grep '^  reports:')" "  reports: ['a', 'b']"
expect_eq "each report's speaker" \
	"$(row 'We will respond firmly' | grep '^    [ab]: .[A-Z]' | tr -d '\n')" \
	"    a: 'South Korean Defense Ministry'    b: 'Jeon Ha-gyu'"
expect_eq "one speaker named in both: no speakers key" \
	"$(row 'a clear threat' | sed -n 2,3p | tr -d '\n')" \
	"  speaker: 'Lloyd Austin'  reports: ['a', 'b']"
expect_eq "a quote in A alone" \
	"$(row 'Our nuclear force' | sed -n 2,3p | tr -d '\n')" \
	"  speaker: 'Kim Jong Un'  reports: ['a']"
# "the ministry said" after B has named the Defense Ministry: that ministry
expect_eq "a described speaker in B alone, resolved to the ministry named before" \
	"$(row 'never tolerate' | sed -n 2,3p | tr -d '\n')" \
	"  speaker: 'Defense Ministry'  reports: ['b']"
expect_eq "four rows in all" "$(grep -c '^- text:' "$TMP/quotes")" 4
ungate

run --compare "$A" "$B"
expect_rc "compare markdown exits 0" 0
expect_out "markdown: one row, both speakers" \
	"- A, B: “We will respond firmly and overwhelmingly to any provocation by the North,” (A: South Korean Defense Ministry; B: Jeon Ha-gyu)"
expect_out "markdown: 'the North' is North Korea in both" "North Korea (2 / 2)"
finish
