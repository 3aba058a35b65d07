# The batch interface of the real binary: flags, outputs, bad input.
. tests/cli/lib.sh
A=articles/000_b6812c9593b6cfb0.txt
B=articles/001_ac23be4cfe9d2cdd.txt

run --help
expect_rc "--help exits 0" 0
expect_out "--help shows usage" "usage: brief"
run --version
expect_rc "--version exits 0" 0
expect_out "--version names brief" "brief "
run --frobnicate
expect_rc "unknown option exits 2" 2
expect_err "unknown option named" "unknown option '--frobnicate'"
expect_err "usage on stderr" "usage: brief"
run
expect_rc "no article exits 2" 2

# --dump
run --dump "$A"
expect_rc "dump exits 0" 0
expect_out "dump: date" "date: '2024-01-01'"
expect_eq "dump: 9 sections" "$(grep -c '^- kind:' "$TMP/out")" 9
expect_eq "dump: one lead" "$(grep -c "kind: 'lead'" "$TMP/out")" 1
expect_out "dump: lead text" "  text: 'North Korean leader Kim Jong Un"
run --dump "$B"
expect_out "dump: source" "source: 'The Canadian Press'"
expect_eq "dump: 3 boilerplate" "$(grep -c "kind: 'boilerplate'" "$TMP/out")" 3
expect_eq "dump: 13 story" "$(grep -cE "kind: '(lead|body)'" "$TMP/out")" 13
run --dump articles
expect_eq "dump of a directory: two documents" "$(grep -c '^---' "$TMP/out")" 2
printf 'Piped in. Second sentence.\n' | "$BRIEF" --dump - >"$TMP/out" 2>"$TMP/err"
expect_out "dump reads standard input" "file: '-'"

# bad input
printf 'a\0b' >"$TMP/nul.txt"
run --dump "$TMP/nul.txt"
expect_rc "NUL file exits 2" 2
expect_err "NUL file: binary file" "brief: $TMP/nul.txt: binary file"
run --dump "$TMP/missing.txt"
expect_rc "missing file exits 2" 2
expect_err "missing file message" "brief: $TMP/missing.txt: No such file or directory"
mkdir "$TMP/empty-dir"
run --dump "$TMP/empty-dir"
expect_rc "empty directory exits 2" 2
expect_err "empty directory message" "no articles"
mkfifo "$TMP/fifo.txt"
timeout 10 "$BRIEF" --dump "$TMP/fifo.txt" >"$TMP/out" 2>"$TMP/err"
RC=$?
expect_rc "FIFO refused" 2
expect_err "FIFO message" "not a regular file"
run --dump /dev/null
expect_rc "device refused" 2
printf -- '---\ntitle: x\ndate: tomorrow\n---\nText.\n' >"$TMP/fm.md"
run --dump "$TMP/fm.md"
expect_rc "bad front matter exits 2" 2
expect_err "front matter FILE:LINE:COL" "brief: $TMP/fm.md:3:7: date must be written YYYY-MM-DD"
printf 'metadata: [\n' >"$TMP/rules.yaml"
run --rules "$TMP/rules.yaml" --dump "$A"
expect_rc "bad rules YAML exits 2" 2
expect_err "bad rules: FILE:LINE:COL" "brief: $TMP/rules.yaml:"
printf 'boilerplate:\n  - pattern: "(unclosed"\n' >"$TMP/rules2.yaml"
run --rules "$TMP/rules2.yaml" --dump "$A"
expect_rc "bad rules pattern exits 2" 2
expect_err "bad pattern: line and PCRE2 message" "brief: $TMP/rules2.yaml:2:14: bad pattern"
# bad_highlight WHAT SED KEY COL MESSAGE: the shipped highlight rules
# changed by SED stop brief, exit 2, with FILE:LINE:COL at KEY's line
bad_highlight() {
	sed "$2" data/highlight.yaml >"$TMP/hl.yaml"
	run --highlight-rules "$TMP/hl.yaml" --mentions "$A"
	expect_rc "$1 exits 2" 2
	expect_err "$1: FILE:LINE:COL" "brief: $TMP/hl.yaml:$(grep -n "^$3:" data/highlight.yaml | cut -d: -f1):$4: $5"
}
bad_highlight "bad designation pattern" \
	's/^designation: .*/designation: '"'"'(KF-\\d+'"'"'/' designation 14 \
	"bad pattern"
bad_highlight "ordinal not a number" \
	's/^ordinals: {second: 2,/ordinals: {second: two,/' ordinals 20 \
	"'two' is not a number"
# word lists of the wrong shape: a mapping where a list belongs
bad_highlight "place_names not a list" \
	's/^place_names: \[Square,/place_names: {Square: 1}\nplace_names_x: [Square,/' \
	place_names 14 "'place_names' must be a list of words"
bad_highlight "number_labels not a list" \
	's/^number_labels: \[Resolution,/number_labels: {Resolution: 1}\nnumber_labels_x: [Resolution,/' \
	number_labels 16 "'number_labels' must be a list"

# --mentions and --entities
run --mentions "$A" "$B"
expect_rc "mentions exits 0" 0
for want in "actor	Kim Jong Un	North Korean leader" "actor	Kim Jong Un	Kim" \
	"actor	United States	U.S." "actor	United States	Washington" \
	"actor	North Korea	North Korean" "actor	Russia	Moscow" \
	"actor	KCNA	Korean News Agency" "actor	Workers' Party of Korea	Workers’ Party" \
	"actor	UN Security Council	UN Security Council" \
	"weapon	nuclear bombs	nuclear bombs" "weapon	drones	attack drones" \
	"figure	nuclear bombs	20 to 30" "figure	troops	more than 10,000" \
	"figure	troops	3,000" "figure	times	three times" "figure	year	2019" \
	"figure	day	five-day"; do
	expect_out "mentions: $want" "$want"
done
# start/end index the section's text: check one line against --dump
line=$(grep -m1 "	Yoon Suk Yeol	Yoon Suk Yeol" "$TMP/out")
sec=$(echo "$line" | cut -f2)
st=$(echo "$line" | cut -f3)
en=$(echo "$line" | cut -f4)
"$BRIEF" --dump "$A" | awk -v n="$sec" '/^- kind:/ { k++ } k == n + 1 && /^  text:/ { sub(/^  text: .\047?/, ""); print; exit }' >"$TMP/sec.txt"
got=$(head -c "$en" "$TMP/sec.txt" | tail -c $((en - st)))
expect_eq "mentions: offsets index the section text" "$got" "Yoon Suk Yeol"
run --entities "$A" "$B"
expect_out "entities: header" "category	entity	$A	$B"
for e in "Kim Jong Un" "United States" "South Korea" "North Korea" "Russia" "China" "Japan"; do
	if grep -qE "^actor	$e	[1-9][0-9]*	[1-9][0-9]*$" "$TMP/out"; then ok "entities: $e in both"; else
		not_ok "entities: $e in both" "$(grep "	$e	" "$TMP/out")"; fi
done
# run_lexicon NAME YAML ARGS...: brief with --lexicon $TMP/NAME.yaml,
# that file holding YAML (printf escapes)
run_lexicon() {
	name=$1 yaml=$2
	shift 2
	printf "$yaml" >"$TMP/$name.yaml"
	run --lexicon "$TMP/$name.yaml" "$@"
}

run_lexicon lex 'entities:\n  - name: X\n    category: weapon\n    patterns: ["X-(\\\\d+"]\n' --mentions "$A"
expect_rc "bad lexicon pattern exits 2" 2
expect_err "bad lexicon: FILE:LINE:COL and offset" "brief: $TMP/lex.yaml:4:"
expect_err "bad lexicon: PCRE2 offset" "offset"
# designation patterns: tried at word starts when each begins with a
# literal letter or digit, else by a scan of the text; the same marks
printf 'The Zorg-7 and two Zark-3 flew; AZorg-9 did not.\n' >"$TMP/zorg.txt"
run_lexicon lex3 'entities:\n  - name: Zorg\n    category: weapon\n    patterns: ["Zorg-\\\\d+"]\n' --mentions "$TMP/zorg.txt"
expect_out "gated pattern: a match" "weapon	Zorg	Zorg-7"
expect_no_out "gated pattern: not inside a word" "Zorg-9"
run_lexicon lex4 'entities:\n  - name: Zorg\n    category: weapon\n    patterns: ["Zorg-\\\\d+", "(?:Q|Z)ark-\\\\d+"]\n' --mentions "$TMP/zorg.txt"
expect_out "scanned patterns: the first" "weapon	Zorg	Zorg-7"
expect_out "scanned patterns: the second" "weapon	Zorg	Zark-3"
expect_no_out "scanned patterns: not inside a word" "Zorg-9"
run_lexicon lex5 'entities:\n  - name: Ships\n    category: weapon\n    each_match: sometimes\n    patterns: ["USS \\\\w+"]\n' --mentions "$TMP/zorg.txt"
expect_rc "bad each_match exits 2" 2
expect_err "bad each_match: FILE:LINE:COL" "brief: $TMP/lex5.yaml:4:"
printf 'The USS Ohio and the USS Maine.\n' >"$TMP/ships.txt"
run_lexicon lex6 'entities:\n  - name: Ships\n    category: weapon\n    each_match: true\n    patterns: ["USS [A-Z][a-z]+"]\n' --entities "$TMP/ships.txt"
expect_out "each_match: one entity per ship" "weapon	USS Ohio	1"
expect_out "each_match: the other ship" "weapon	USS Maine	1"
# seats of government: the state, except where the text names the place
printf 'Fredville said talks in Fredville would go on.\n' >"$TMP/seat.txt"
run_lexicon lex7 'entities:\n  - name: Freedonia\n    category: actor\n    kind: state\n    seats: [Fredville]\n' --mentions "$TMP/seat.txt"
expect_out "seat: stands for the state" "	0	0	9	actor	Freedonia	Fredville"
expect_out "seat: 'in Fredville' is the place, not the state" "	24	33	place	Fredville	Fredville"
run_lexicon lex8 'entities:\n  - name: Freedonia\n    category: actor\n    seats: Fredville\n' --mentions "$TMP/seat.txt"
expect_rc "seats not a list exits 2" 2
expect_err "seats not a list: FILE:LINE:COL" "brief: $TMP/lex8.yaml:4:12: 'seats' must be a list"
run_lexicon lex2 'entities: [\n' --entities "$A"
expect_rc "bad lexicon YAML exits 2" 2
run --aliases
expect_out "aliases: Kim" "Kim	Kim Jong Un	actor	person"

# notes in batch
N="$TMP/notes.yaml"
run --notes "$N" --add-note 'Claim #rhetoric' --at 'thoroughly annihilate' "$A"
expect_rc "add-note exits 0" 0
id=$OUT
run --notes "$N" --add-note 'x' --at 'not in the text' "$A"
expect_rc "add-note with a missing quote exits 2" 2
expect_err "missing quote message" "quote not found"
run --notes "$N" --export-notes markdown "$A" "$B"
expect_out "export: heading" "# Analyst notes"
expect_out "export: quote" "**thoroughly annihilate**"
expect_out "export: place" "section 1, sentence 1"
expect_out "export: text" "Claim #rhetoric"
run --notes "$N" --export-notes yaml "$A"
expect_out "export yaml: id" "id: '$id'"
expect_out "export yaml: exact" "status: 'exact'"
cp "$N" "$TMP/before.yaml"
printf 'brief-notes: 1\nnotes: [\n' >"$N"
cp "$N" "$TMP/bad-before.yaml"
run --notes "$N" --add-note 'y' --at 'Kim' "$A"
expect_rc "malformed notes file exits 2" 2
expect_err "malformed notes: FILE:LINE:COL" "brief: $N:"
gate
if cmp -s "$N" "$TMP/bad-before.yaml"; then ok "malformed notes file left as it was"; else
	not_ok "malformed notes file left as it was"; fi
ungate

# comparison
run --compare "$A" "$B"
expect_rc "compare exits 0" 0
expect_out "compare: Yoon only in A" "- Only in A: Yoon Suk Yeol"
expect_out "compare: figures" "| nuclear bombs | 20 to 30 (20-30) | — |"
expect_out "compare: troops deployed" "| troops (deploy) | — | more than 10,000 (more than 10000) |"
expect_out "compare: troops killed and wounded, apart" "| troops (loss) | — | 3,000 (3000) |"
expect_out "compare: quote" "- A: “thoroughly annihilate”"
expect_out "compare: Trump's quote" "### Donald Trump"
expect_out "compare: topics" "### diplomacy and talks"
expect_out "compare: timeline" "| 2019 | B | But their talks ultimately broke down in **2019**, as"
run --compare --format yaml "$A" "$B"
expect_out "compare yaml: speaker" "speaker: 'Kim Jong Un'"
run --compare "$A"
expect_rc "compare needs two reports" 2
run --briefing --notes "$TMP/before.yaml" "$A" "$B"
expect_out "briefing: title" "# Briefing"
expect_out "briefing: comparison" "## Entities"
expect_out "briefing: notes" "Claim #rhetoric"
finish
