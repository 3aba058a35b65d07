# Notes that travel: --export-notes markdown|w3c|hypothesis, --briefing
# and --import-notes, on the shipped pair with the five notes of
# tests/fixtures/notes/travel.yaml.
. tests/cli/lib.sh
A=articles/000_b6812c9593b6cfb0.txt
B=articles/001_ac23be4cfe9d2cdd.txt
cp tests/fixtures/notes/travel.yaml "$TMP/notes.yaml"
N="$TMP/notes.yaml"
# times are shown in the local time zone: 09:15 UTC is 18:15 in KST-9
TZ=KST-9
export TZ

# lines of $TMP/out that start with $1, one a line
starting() { grep -- "^$1" "$TMP/out"; }

run --notes "$N" --export-notes markdown "$A" "$B"
expect_rc "markdown: brief ran" 0
gate
expect_eq "markdown: the five notes, each headed by its first line" \
	"$(starting '### ')" "### Threat language escalates
### Satellite plans: watch the launch window #weapons
### The South Korean president answers in kind, and the article gives him…
### Both reports expect escalation
### Personal bonds, says Trump #diplomacy"
expect_no_out "markdown: no note id shown" "n-threat"
expect_out "markdown: a note keeps its line breaks" "Compare with the 2017 rhetoric.  
Ask the desk for the KCNA original. #leader"
expect_out "markdown: the passage in bold within its sentence" \
	"> In a major ruling party meeting, Kim outlined his plans to launch additional **military spy satellites**, increase nuclear material production, and develop attack drones."
expect_out "markdown: section and sentence" \
	"— articles/000_b6812c9593b6cfb0.txt, section 2, sentence 1"
expect_out "markdown: tags and times in the local time zone" \
	"Tags: #weapons · Written 2024-03-01 18:16 KST, edited 2024-03-02 19:00 KST"
expect_eq "markdown: the linked note once, with both passages" \
	"$(grep -c 'Both reports expect escalation' "$TMP/out") $(grep -c '\*\*mental toughness of North Korean soldiers\*\*' "$TMP/out") $(grep -c '\*\*test-launch intercontinental ballistic missiles\*\*' "$TMP/out")" \
	"1 1 1"
ungate

run --notes "$N" --briefing "$A" "$B"
expect_rc "briefing: brief ran" 0
gate
expect_eq "briefing: reports, disagreements and notes before the tables" \
	"$(grep -E '^#{1,2} ' "$TMP/out" | head -7)" "# Briefing
## The reports
## Disagreements
# Analyst notes
## North Korean leader Kim Jong Un has recently emphasized the importance…
## North Korean leader Kim Jong Un has pledged to implement the “harshest”…
# Full comparison"
expect_eq "briefing: the five notes among the analyst's notes" \
	"$(sed -n '/^# Analyst notes$/,/^# Full comparison$/p' "$TMP/out" |
		grep -c '^### ')" 5
ungate

# round trips: export, import into an empty notes file, the same notes
# (ids, times, texts, tags) on the same passages
run --notes "$N" --export-notes yaml "$A" "$B"
cp "$TMP/out" "$TMP/want.yaml"
for fmt in w3c hypothesis; do
	run --notes "$N" --export-notes "$fmt" "$A" "$B"
	expect_rc "$fmt: brief ran" 0
	gate
	cp "$TMP/out" "$TMP/$fmt.json"
	run --notes "$TMP/$fmt.yaml" --import-notes "$TMP/$fmt.json" "$A" "$B"
	expect_out "$fmt: five notes imported into an empty notes file" \
		"5 notes imported (0 of them orphans), 0 already there"
	run --notes "$TMP/$fmt.yaml" --export-notes yaml "$A" "$B"
	if cmp -s "$TMP/out" "$TMP/want.yaml"; then
		ok "$fmt: the same notes on the same passages"
	else
		not_ok "$fmt: the same notes on the same passages" \
			"$(diff "$TMP/want.yaml" "$TMP/out" | head -12)"
	fi
	run --notes "$TMP/$fmt.yaml" --import-notes "$TMP/$fmt.json" "$A" "$B"
	expect_out "$fmt: imported again, every note is skipped" \
		"0 notes imported (0 of them orphans), 5 already there"
	ungate
done
expect_eq "hypothesis: a link is two annotations" \
	"$(grep -c -e '"id": "n-link"' -e '"id": "n-link~linked"' \
		"$TMP/hypothesis.json")" 2
grep -A1 '"references"' "$TMP/hypothesis.json" >"$TMP/refs"
expect_eq "hypothesis: the second names the first in references" \
	"$(tr -d ' \n' <"$TMP/refs")" '"references":["n-link"'

# the same notes under other ids: skipped by text and passage
sed 's/urn:brief:note:/urn:x-other:/' "$TMP/w3c.json" >"$TMP/other.json"
run --notes "$TMP/w3c.yaml" --import-notes "$TMP/other.json" "$A" "$B"
expect_out "w3c: a note with another id on the same passage is skipped" \
	"0 notes imported (0 of them orphans), 5 already there"

# a quote that is not in the article stays an orphan, never attached
sed 's/military spy satellites/military spy balloons/' "$TMP/w3c.json" \
	>"$TMP/moved.json"
run --notes "$TMP/orphans.yaml" --import-notes "$TMP/moved.json" "$A" "$B"
expect_out "w3c: a passage not found is imported as an orphan" \
	"5 notes imported (1 of them orphans)"
run --notes "$TMP/orphans.yaml" --export-notes markdown "$A" "$B"
expect_out "w3c: the orphan is listed apart" "## Orphaned notes"

# malformed JSON: refused with its line and column, the notes untouched
printf '[{"id": "x",\n  "text": ]\n' >"$TMP/bad.json"
cp "$TMP/w3c.yaml" "$TMP/before.yaml"
run --notes "$TMP/w3c.yaml" --import-notes "$TMP/bad.json" "$A" "$B"
expect_rc "malformed JSON: exit status 2" 2
expect_err "malformed JSON: FILE:LINE:COL" "brief: $TMP/bad.json:2:11: "
if cmp -s "$TMP/w3c.yaml" "$TMP/before.yaml"; then
	ok "malformed JSON: the notes file is untouched"
else
	not_ok "malformed JSON: the notes file is untouched"
fi
printf '{"rows": 3}\n' >"$TMP/odd.json"
run --notes "$TMP/w3c.yaml" --import-notes "$TMP/odd.json" "$A" "$B"
expect_err "JSON that is not annotations is refused" \
	"neither W3C Web Annotations nor Hypothesis annotations"
finish
