# The genre of a report read from its shape (data/article.yaml genres),
# shown by --dump, and the switches of the highlighter that follow it
# (data/highlight.yaml genres): the same sentences in a transcript and in
# wire copy.  A mark is the --mentions line's category and surface text.
. tests/cli/lib.sh
T=tests/fixtures/text/genre-kind-transcript.txt
W=tests/fixtures/text/genre-kind-wire.txt
# marked NAME CATEGORY TEXT / unmarked NAME CATEGORY TEXT
marked() {
	if awk -F'\t' -v c="$2" -v w="$3" '$5 == c && $7 == w { f = 1 } END { exit !f }' "$TMP/out"
	then ok "$1"; else not_ok "$1" "not marked as $2: $3"; fi
}
unmarked() {
	if awk -F'\t' -v c="$2" -v w="$3" '$5 == c && $7 == w { f = 1 } END { exit !f }' "$TMP/out"
	then not_ok "$1" "marked as $2: $3"; else ok "$1"; fi
}

run --dump "$T"
expect_rc "brief dumps the transcript" 0
gate
expect_out "the transcript's genre in --dump" "genre: 'transcript'"
ungate
run --dump "$W"
expect_rc "brief dumps the wire story" 0
gate
expect_out "the wire story's genre in --dump" "genre: 'wire'"
ungate

run --mentions "$T"
expect_rc "brief marks the transcript" 0
gate
marked "a day alone is a figure in a transcript" figure "Friday"
marked "a generic noun is a weapon in a transcript" weapon "weapons"
marked "a generic noun of two words" weapon "military articles"
unmarked "arms control is no weapon" weapon "Arms"
ungate
# "weapons" is marked once: in "categories of weapons", not before
# "question"
n=$(awk -F'\t' '$5 == "weapon" && $7 == "weapons"' "$TMP/out" | wc -l)
expect_eq "one generic weapon, not the modifier" "$n" 1
marked "the day before a date is the date's" figure "March 1, 2024"
n=$(awk -F'\t' '$5 == "figure" && $7 == "Friday"' "$TMP/out" | wc -l)
expect_eq "one day alone, not the date's day" "$n" 1

run --mentions "$W"
expect_rc "brief marks the wire story" 0
gate
marked "wire copy still marks its date" figure "March 1, 2024"
unmarked "no day alone in wire copy" figure "Friday"
unmarked "no generic noun in wire copy" weapon "weapons"
unmarked "no generic noun of two words in wire copy" weapon "military articles"
ungate

# a genre without a pattern: FILE:LINE:COL and why, exit 2
{ cat data/article.yaml; printf '  - name: memo\n'; } >"$TMP/article.yaml"
run --rules "$TMP/article.yaml" --dump "$W"
expect_rc "a genre without a pattern exits 2" 2
expect_err "a genre without a pattern: FILE:LINE:COL and why" \
	"brief: $TMP/article.yaml:$(($(wc -l <data/article.yaml) + 1)):5: a genre must be a mapping with 'name' and 'pattern'"
finish
