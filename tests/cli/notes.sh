# Notes from the command line: --add-note, --export-notes (markdown and
# YAML), re-anchoring after an edit, files that cannot be parsed (never
# written), unwritable places, kill -9 at any moment, two writers at once.
. tests/cli/lib.sh
. tests/nobody.sh
A=articles/000_b6812c9593b6cfb0.txt
B=articles/001_ac23be4cfe9d2cdd.txt
FX=tests/fixtures/notes
N="$TMP/notes.yaml"
ID_RE='^n[0-9a-f]+-[0-9a-f]+-[0-9]+-[0-9a-f]+$'

# digest FILE: a content digest (sha256sum, else cksum)
digest() {
	if command -v sha256sum >/dev/null 2>&1; then
		sha256sum <"$1" | cut -d' ' -f1
	else cksum <"$1"; fi
}
# note_block ID: the lines of one note in $TMP/out (a YAML export)
note_block() {
	awk -v id="- id: '$1'" '/^- id: /{p = ($0 == id)} p' "$TMP/out"
}
# section HEADING-PREFIX: the lines of one "## " section of $TMP/out
section() {
	awk -v h="## $1" 'index($0, "## ") == 1 {p = (index($0, h) == 1)} p' \
		"$TMP/out"
}
# has TEXT NAME: the last extracted block (in $TMP/blk) holds TEXT
has() {
	if grep -qF -- "$1" "$TMP/blk"; then ok "$2"; else
		not_ok "$2" "lacks: $1" "--- block:" "$(cat "$TMP/blk")"; fi
}
# lacks TEXT NAME: the block, which brief wrote, lacks TEXT (an empty block
# proves nothing)
lacks() {
	if [ ! -s "$TMP/blk" ]; then not_ok "$2" "the block is empty: nothing to judge"
	elif grep -qF -- "$1" "$TMP/blk"; then
		not_ok "$2" "has: $1" "--- block:" "$(cat "$TMP/blk")"; else ok "$2"; fi
}

# ---- --add-note ----

run --notes "$N" --add-note 'Kim’s threat, “verbatim” — check #leader #threat' \
	--at 'thoroughly annihilate' "$A"
expect_rc "add-note: exit 0" 0
ID1=$OUT
if printf '%s\n' "$ID1" | grep -qE "$ID_RE"; then ok "add-note prints the new id"; else
	not_ok "add-note prints the new id" "stdout: $OUT"; fi
expect_eq "add-note prints nothing else" "$(wc -l <"$TMP/out" | tr -d ' ')" 1
if [ -f "$N" ]; then ok "the notes file is written at once"; else
	not_ok "the notes file is written at once"; fi
grep -qF "id: '$ID1'" "$N" && ok "the file holds the id" || not_ok "the file holds the id" "$(cat "$N")"
grep -qF "text: 'Kim’s threat, “verbatim” — check #leader #threat'" "$N" &&
	ok "the file holds the UTF-8 text" || not_ok "the file holds the UTF-8 text" "$(cat "$N")"
grep -qF "tags: ['leader', 'threat']" "$N" && ok "tags from the #words" ||
	not_ok "tags from the #words" "$(cat "$N")"
grep -qF "quote: 'thoroughly annihilate'" "$N" && ok "anchor: quote" || not_ok "anchor: quote"
grep -qF "prefix: 'onal defense and the need to “'" "$N" && ok "anchor: prefix (context before)" ||
	not_ok "anchor: prefix (context before)" "$(cat "$N")"
grep -qF "suffix: '” the United States and South '" "$N" && ok "anchor: suffix (context after)" ||
	not_ok "anchor: suffix (context after)" "$(cat "$N")"
grep -qF "file: '$A'" "$N" && ok "anchor: file" || not_ok "anchor: file"
AID=$("$BRIEF" --dump "$A" | sed -n "s/^id: '\(.*\)'$/\1/p")
grep -qF "article: '$AID'" "$N" && ok "anchor: the article's id (as --dump gives it)" ||
	not_ok "anchor: the article's id (as --dump gives it)" "id $AID" "$(cat "$N")"
POS=$(grep -bo 'thoroughly annihilate' "$A" | head -1 | cut -d: -f1)
grep -qF "position: $POS" "$N" && ok "anchor: byte position" ||
	not_ok "anchor: byte position" "want $POS" "$(cat "$N")"
if grep -qE "^  created: '[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?Z'$" "$N" &&
	grep -qE "^  modified: '[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?Z'$" "$N"; then
	ok "created and modified in UTC ISO 8601"
else not_ok "created and modified in UTC ISO 8601" "$(cat "$N")"; fi
expect_eq "the file ends with the count" "$(tail -n 1 "$N")" "count: 1"

# the first occurrence of the quote
run --notes "$N" --add-note 'first Kim' --at 'Kim' "$A"
expect_rc "add-note on a short quote" 0
ID2=$OUT
FIRST=$(grep -bo 'Kim' "$A" | head -1 | cut -d: -f1)
run --notes "$N" --export-notes yaml "$A"
note_block "$ID2" >"$TMP/blk"
has "start: $FIRST" "add-note anchors the first occurrence of the quote"
has "status: 'exact'" "the new note is exactly in place"
ID_A=$ID1
expect_eq "ids are unique" "$([ "$ID1" != "$ID2" ] && echo yes)" yes

# quote not found: exit 2, the file untouched
cp "$N" "$TMP/n.before"
run --notes "$N" --add-note 'nowhere' --at 'a phrase that is not in the article' "$A"
expect_rc "quote not found: exit 2" 2
expect_err "quote not found: says so" "quote not found"
expect_err "quote not found: names the article" "brief: $A:"
gate
expect_eq "quote not found: nothing printed" "$OUT" ""
if cmp -s "$N" "$TMP/n.before"; then ok "quote not found: file untouched"; else
	not_ok "quote not found: file untouched"; fi
ungate
run --notes "$TMP/fresh.yaml" --add-note 'nowhere' --at 'not in it' "$A"
expect_err "quote not found, new file: says so" "quote not found"
gate
if [ -e "$TMP/fresh.yaml" ]; then not_ok "quote not found: no file created"; else
	ok "quote not found: no file created"; fi
ungate

run --notes "$N" --add-note 'no quote' "$A"
expect_rc "add-note without --at: exit 2" 2
expect_err "add-note without --at: says so" "--at"
run --notes "$N" --add-note 'two' --at 'Kim' "$A" "$B"
expect_rc "add-note on two articles: exit 2" 2
if cmp -s "$N" "$TMP/n.before"; then ok "refused add-notes leave the file as it was"; else
	not_ok "refused add-notes leave the file as it was"; fi

# a note that cannot be saved (its directory is a regular file, which
# even root cannot write under): exit 2, the reason said, no id printed
: >"$TMP/notadir"
run --notes "$TMP/notadir/notes.yaml" --add-note 'unsaved' --at 'Kim' "$A"
expect_rc "add-note that cannot be saved: exit 2" 2
expect_err "add-note that cannot be saved: says so" "notes cannot be saved: "
expect_err "add-note that cannot be saved: names the file and why" "notadir/notes.yaml: Not a directory"
expect_eq "add-note that cannot be saved: no id printed" "$OUT" ""

# without --notes: $XDG_DATA_HOME/brief/notes.yaml
run --add-note 'in the default file' --at 'Kim' "$A"
expect_rc "add-note to the default file" 0
if grep -qF "id: '$OUT'" "$XDG_DATA_HOME/brief/notes.yaml" 2>/dev/null; then
	ok "default notes file is \$XDG_DATA_HOME/brief/notes.yaml"
else not_ok "default notes file is \$XDG_DATA_HOME/brief/notes.yaml"; fi
run --export-notes yaml "$A"
expect_out "export reads the default file too" "in the default file"

# ---- --export-notes on the seeds (notes written by hand) ----

cp "$FX/briefing.yaml" "$TMP/briefing.yaml"
run --notes "$TMP/briefing.yaml" --export-notes markdown "$A" "$B"
expect_rc "markdown export: exit 0" 0
expect_eq "markdown: the document heading" "$(head -n 1 "$TMP/out")" "# Analyst notes"
TA="North Korean leader Kim Jong Un has recently emphasized"
TB="North Korean leader Kim Jong Un has pledged to implement"
expect_eq "markdown: a section per report, then the orphans" \
	"$(grep '^## ' "$TMP/out" | cut -c1-50)" \
	"$(printf '## %s\n## %s\n## Orphaned notes\n' "$TA" "$TB" | cut -c1-50)"
section "$TA" >"$TMP/blk"
has "$A · 2024-01-01 · unknown source" "markdown A: file, date and source"
has "### Kim’s threat is rhetorical #leader #threat" "markdown A: a note headed by its first line"
has "the need to “**thoroughly annihilate**” the United States" "markdown A: the quoted passage, within its sentence"
has "— $A, section 1, sentence 1" "markdown A: section and sentence of the lead note"
has "Kim’s threat is rhetorical #leader #threat" "markdown A: the note's text"
has "Tags: #leader #threat" "markdown A: its tags"
has "**military spy satellites**" "markdown A: the second note's passage"
has "— $A, section 2, sentence 1" "markdown A: section 2, sentence 1"
has "### Both reports expect escalation #leader" "markdown A: the linked note"
has "**test-launch intercontinental ballistic missiles**" "markdown A: the linked note's own passage"
has "— $A, section 5, sentence 2" "markdown A: where its own passage is"
has "linked with:" "markdown A: the linked note says what it links"
has "**mental toughness of North Korean soldiers**" "markdown A: the other report's passage"
has "— $B, section 6, sentence 2" "markdown A: where the other passage is"
lacks "re-anchored" "markdown A: unchanged articles are not re-anchored"
lacks "This note was deleted" "markdown: a deleted note is not exported"
lacks "The border passage" "markdown A: the orphan is not among the placed notes"
lacks "n-lead" "markdown A: no note is headed by its id"
if [ "$(grep -n '### Kim’s threat' "$TMP/blk" | cut -d: -f1)" -lt "$(grep -n '### Satellite plans' "$TMP/blk" | cut -d: -f1)" ]; then
	ok "markdown A: notes in order"; else not_ok "markdown A: notes in order"; fi
section "$TB" >"$TMP/blk"
has "$B · no date · The Canadian Press" "markdown B: file, date and source"
has "### Personal bonds, says Trump #diplomacy" "markdown B: its note"
has "Kim “**fell in love**.”" "markdown B: the quoted passage"
has "— $B, section 7, sentence 2" "markdown B: section 7, sentence 2"
has "Personal bonds, says Trump #diplomacy" "markdown B: the note's text"
section "Orphaned notes" >"$TMP/blk"
has "### The border passage was rewritten #border" "markdown: the orphan is listed under Orphaned notes"
has "> along the heavily guarded demilitarized zone" "markdown: the orphan keeps its quote"
has "passage no longer found (orphan)" "markdown: the orphan is marked as such"
has "The border passage was rewritten #border" "markdown: the orphan's text"
expect_no_out "markdown: a note on an article not loaded is left out" "On an article that is not loaded"

run --notes "$TMP/briefing.yaml" --export-notes yaml "$A" "$B"
expect_rc "YAML export: exit 0" 0
expect_eq "YAML: the live notes of the loaded articles" \
	"$(grep '^- id: ' "$TMP/out" | tr '\n' ' ')" \
	"- id: 'n-lead' - id: 'n-sats' - id: 'n-link' - id: 'n-bonds' - id: 'n-orphan' "
note_block n-lead >"$TMP/blk"
has "text: 'Kim’s threat is rhetorical #leader #threat'" "YAML: the text"
has "tags: ['leader', 'threat']" "YAML: the tags"
has "  - file: '$A'" "YAML: the passage's file"
has "quote: 'thoroughly annihilate'" "YAML: the passage's quote"
has "status: 'exact'" "YAML: status exact"
# section and sentence count from 0 here, as in --dump and --mentions
has "section: 0" "YAML: the section (0-based)"
has "sentence: 0" "YAML: the sentence in its section (0-based)"
note_block n-link >"$TMP/blk"
expect_eq "YAML: the linked note has two passages" "$(grep -c '  - file: ' "$TMP/blk")" 2
has "quote: 'mental toughness of North Korean soldiers'" "YAML: the linked passage's quote"
has "  - file: '$B'" "YAML: the linked passage's file"
expect_eq "YAML: both passages exact" "$(grep -c "status: 'exact'" "$TMP/blk")" 2
expect_eq "YAML: where each passage is" "$(grep -E '^    (section|sentence):' "$TMP/blk" | sed 's/^ *//' | tr '\n' ' ')" \
	"section: 4 sentence: 1 section: 5 sentence: 1 "
note_block n-orphan >"$TMP/blk"
has "status: 'orphan'" "YAML: status orphan"
has "quote: 'along the heavily guarded demilitarized zone'" "YAML: the orphan's quote"
lacks "section:" "YAML: an orphan has no section"

run --notes "$TMP/briefing.yaml" --export-notes html "$A"
expect_rc "an unknown export format: exit 2" 2
run --notes "$TMP/briefing.yaml" --export-notes markdown "$A"
expect_rc "export of one report" 0
expect_no_out "one report: the other report's own notes are left out" "Personal bonds"
expect_out "one report: the linked note still shows" "### Both reports expect escalation"
# a linked note belongs to both reports: the briefing of B alone has it
run --notes "$TMP/briefing.yaml" --export-notes markdown "$B"
expect_out "B alone: its own note" "### Personal bonds"
expect_out "B alone: the note linking A's passage with B's is not dropped" "### Both reports expect escalation"
expect_out "B alone: ... with B's passage" "**mental toughness of North Korean soldiers**"
run --notes "$TMP/briefing.yaml" --export-notes yaml "$B"
expect_out "B alone, YAML: the linked note is there" "id: 'n-link'"
gate
if cmp -s "$TMP/briefing.yaml" "$FX/briefing.yaml"; then ok "exporting does not write the notes file"; else
	not_ok "exporting does not write the notes file"; fi
ungate

# ---- an article edited after the notes were made ----

mkdir "$TMP/arts"
E="$TMP/arts/edited.txt"
M="$TMP/moved.yaml"
cp "$A" "$E"
run --notes "$M" --add-note 'satellites #weapons' --at 'military spy satellites' "$E"
IDM=$OUT
run --notes "$M" --add-note 'border note' --at 'heavily fortified border' "$E"
IDO=$OUT
run --notes "$M" --add-note 'first Kim, short quote' --at 'Kim' "$E"
IDK=$OUT
run --notes "$M" --add-note 'annihilate' --at 'thoroughly annihilate' "$E"
IDS=$OUT
# a sentence added before the first passage, the second passage deleted,
# the context of the short quote rewritten
sed -i -e 's/^In a major ruling party meeting, Kim/Officials met on Tuesday. In a major meeting of the ruling party, Kim/' \
	-e 's/, especially along their heavily fortified border\././' \
	-e 's/North Korean leader Kim Jong Un has recently/The leader of North Korea, Kim, has recently/' "$E"
if grep -q 'heavily fortified border' "$E" || ! grep -q 'Officials met on Tuesday' "$E"; then
	not_ok "the article copy was edited" "$(head -c 600 "$E")"
else ok "the article copy was edited"; fi
run --notes "$M" --export-notes yaml "$E"
expect_rc "export after the edit" 0
note_block "$IDM" >"$TMP/blk"
has "status: 'moved'" "edited article: the note is re-anchored (moved)"
has "sentence: 1" "edited article: now in the second sentence of its section"
NEWPOS=$(grep -bo 'military spy satellites' "$E" | head -1 | cut -d: -f1)
has "start: $NEWPOS" "edited article: re-anchored on the passage's new place"
note_block "$IDS" >"$TMP/blk"
has "status: 'moved'" "edited article: a passage at a changed offset is re-anchored"
NEWPOS=$(grep -bo 'thoroughly annihilate' "$E" | head -1 | cut -d: -f1)
has "start: $NEWPOS" "edited article: ... on the right bytes"
note_block "$IDO" >"$TMP/blk"
has "status: 'orphan'" "edited article: a deleted passage makes an orphan"
note_block "$IDK" >"$TMP/blk"
has "status: 'orphan'" "edited article: a short quote found many times without its context is an orphan"
lacks "start:" "edited article: the ambiguous note is not attached anywhere"
run --notes "$M" --export-notes markdown "$E"
section "Orphaned notes" >"$TMP/blk"
has "border note" "edited article: the orphan is under Orphaned notes"
has "first Kim, short quote" "edited article: the ambiguous note too"
has "> heavily fortified border" "edited article: the orphan keeps its quote"
expect_out "edited article: re-anchored notes are marked in the briefing" \
	"— $E, section 2, sentence 2 (re-anchored after an edit)"
# never dropped: still in the file after more changes
run --notes "$M" --add-note 'after the edit' --at 'Officials met' "$E"
expect_rc "a note on the edited article" 0
for id in "$IDM" "$IDO" "$IDK" "$IDS"; do
	grep -qF "id: '$id'" "$M" || { not_ok "orphans stay in the notes file" "$id missing"; id=; break; }
done
[ -n "$id" ] && ok "orphans stay in the notes file"
grep -qF "quote: 'heavily fortified border'" "$M" && ok "the orphan keeps its anchor in the file" ||
	not_ok "the orphan keeps its anchor in the file"

# ---- files that cannot be parsed: exit 2, a message, never written ----

for f in malformed truncated-mid truncated-lines count-mismatch empty binary; do
	mkdir -p "$TMP/bad/$f"
	cp "$FX/$f.yaml" "$TMP/bad/$f/notes.yaml"
	P="$TMP/bad/$f/notes.yaml"
	sum=$(digest "$P")
	for how in add export; do
		ls -A "$TMP/bad/$f" >"$TMP/ls.before"
		if [ $how = add ]; then
			run --notes "$P" --add-note 'must not be written' --at 'Kim' "$A"
		else
			run --notes "$P" --export-notes markdown "$A" "$B"
		fi
		expect_rc "$f ($how): exit 2" 2
		if grep -qE "^brief: $P(:[0-9]+:[0-9]+)?: [^ ]" "$TMP/err"; then
			ok "$f ($how): brief: FILE:LINE:COL: message (or FILE: reason)"
		else not_ok "$f ($how): brief: FILE:LINE:COL: message (or FILE: reason)" "stderr: $ERR"; fi
		gate
		expect_eq "$f ($how): nothing on stdout" "$OUT" ""
		expect_eq "$f ($how): the file is byte-identical (sha256)" "$(digest "$P")" "$sum"
		if cmp -s "$P" "$FX/$f.yaml"; then ok "$f ($how): the file is byte-identical (cmp)"; else
			not_ok "$f ($how): the file is byte-identical (cmp)"; fi
		expect_eq "$f ($how): no other file made beside it" "$(ls -A "$TMP/bad/$f")" \
			"$(cat "$TMP/ls.before")"
		ungate
	done
done
# the kind of each message
run --notes "$TMP/bad/empty/notes.yaml" --export-notes yaml "$A"
expect_err "empty file: FILE: reason" "brief: $TMP/bad/empty/notes.yaml: empty notes file"
run --notes "$TMP/bad/binary/notes.yaml" --export-notes yaml "$A"
expect_err "binary file: FILE: reason" "brief: $TMP/bad/binary/notes.yaml: binary file"
run --notes "$TMP/bad/truncated-lines/notes.yaml" --export-notes yaml "$A"
expect_err "whole lines cut: detected by the count" "truncated"
run --notes "$TMP/bad/count-mismatch/notes.yaml" --export-notes yaml "$A"
expect_err "a note cut out: FILE:LINE:COL of the count" "brief: $TMP/bad/count-mismatch/notes.yaml:83:8: "
run --notes "$TMP/bad/malformed/notes.yaml" --export-notes yaml "$A"
expect_err "malformed: FILE:LINE:COL of the error" "brief: $TMP/bad/malformed/notes.yaml:9:3: "
run --notes "$TMP/bad/truncated-mid/notes.yaml" --export-notes yaml "$A"
expect_err "cut mid-line: FILE:LINE:COL at the end" "brief: $TMP/bad/truncated-mid/notes.yaml:31:"

# ---- places where notes cannot be saved ----

# a read-only directory.  Root writes there anyway, so root runs brief as
# nobody (tests/nobody.sh); when that cannot be done these checks are
# skipped, saying why.
RO=$TMP/ro
ROOT=
if ignores_permissions; then
	if nobody_wrap; then RO=$NOBODY/ro; else ROOT=1; fi
fi
mkdir "$RO"
cp "$FX/briefing.yaml" "$RO/notes.yaml"
chmod 555 "$RO"
run --notes "$RO/notes.yaml" --export-notes markdown "$A" "$B"
expect_rc "read-only directory: the notes can be read" 0
expect_out "read-only directory: ... all of them" "### Personal bonds"
ls -A "$RO" >"$TMP/ls.before"
run --notes "$RO/notes.yaml" --add-note 'cannot be kept' --at 'Kim' "$A"
if [ -n "$ROOT" ]; then
	ok "read-only directory: add fails # SKIP root ($NOBODY_WHY)"
	ok "read-only directory: says the notes cannot be saved # SKIP root"
	ok "read-only directory: nothing written # SKIP root"
else
	expect_err "read-only directory: says the notes cannot be saved" "cannot be saved"
	gate
	if [ "$RC" -ne 0 ] && [ -z "$OUT" ]; then ok "read-only directory: add fails, no id printed"; else
		not_ok "read-only directory: add fails, no id printed" "rc $RC, stdout $OUT"; fi
	if cmp -s "$RO/notes.yaml" "$FX/briefing.yaml" &&
		[ "$(ls -A "$RO")" = "$(cat "$TMP/ls.before")" ]; then
		ok "read-only directory: nothing written"
	else not_ok "read-only directory: nothing written" "$(ls -A "$RO")"; fi
	ungate
fi
chmod 755 "$RO"
nobody_end
# a directory that is a regular file: unwritable for root too
: >"$TMP/plainfile"
run --notes "$TMP/plainfile/notes.yaml" --add-note 'cannot be kept' --at 'Kim' "$A"
expect_err "unwritable path: says the notes cannot be saved" "cannot be saved"
gate
if [ "$RC" -ne 0 ] && [ -z "$OUT" ]; then ok "unwritable path: add fails, no id printed"; else
	not_ok "unwritable path: add fails, no id printed" "rc $RC, stdout $OUT"; fi
expect_eq "unwritable path: nothing written" "$(wc -c <"$TMP/plainfile" | tr -d ' ')" 0
ungate

# ---- a file shared by a team ----

# saving keeps the file's permissions (a group-readable shared file stays so)
cp "$FX/briefing.yaml" "$TMP/team.yaml"
chmod 664 "$TMP/team.yaml"
run --notes "$TMP/team.yaml" --add-note 'team note' --at 'Kim' "$A"
expect_rc "shared file: add" 0
gate
expect_eq "shared file: its permissions are kept after a save" \
	"$(stat -c %a "$TMP/team.yaml")" 664
ungate
# a notes file reached through a symbolic link: the file it names is
# updated, the link stays a link
mkdir "$TMP/share" "$TMP/mine"
cp "$FX/briefing.yaml" "$TMP/share/notes.yaml"
ln -s "$TMP/share/notes.yaml" "$TMP/mine/notes.yaml"
run --notes "$TMP/mine/notes.yaml" --add-note 'through the link' --at 'Kim' "$A"
expect_rc "symlinked file: add" 0
gate
if [ -L "$TMP/mine/notes.yaml" ]; then ok "symlinked file: the link stays a link"; else
	not_ok "symlinked file: the link stays a link" "$(ls -l "$TMP/mine")"; fi
if grep -qF "id: '$OUT'" "$TMP/share/notes.yaml"; then ok "symlinked file: the shared file gets the note"; else
	not_ok "symlinked file: the shared file gets the note" "$(ls -l "$TMP/mine" "$TMP/share")"; fi
ungate

# ---- crash safety: kill -9 at varied moments ----

K="$TMP/crash/notes.yaml"
mkdir "$TMP/crash"
: >"$TMP/saved"
# The kills land at moments spread over a whole run: first count how many
# steps of a busy shell loop one add takes (no sleeping), then kill after
# a varied share of that.
add_life "$TMP/crash" "$A"
life=$LIFE
# spin N: up to N steps, stopping early when brief has ended
spin() {
	s=0
	while [ $s -lt "$1" ] && kill -0 $pid 2>/dev/null; do s=$((s + 1)); done
}
printed_or_ended() { [ -s "$TMP/crash.out" ] || ! kill -0 $pid 2>/dev/null; }
broken=0
i=0
while [ $i -lt 200 ]; do
	: >"$TMP/crash.out"
	"$BRIEF" --notes "$K" --add-note "crash note $i" --at "Kim" "$A" \
		>"$TMP/crash.out" 2>/dev/null &
	pid=$!
	case $((i % 5)) in
	0) kill -9 $pid 2>/dev/null ;;                        # at once
	1|2|3) # after a share of a run: 0%, 3%, ... 120% (moves every round)
		spin $((life * (i * 37 % 41) * 3 / 100)); kill -9 $pid 2>/dev/null ;;
	4) # as soon as it printed the id (or ended): poll without a pause
		POLL_STEP=0
		poll 10 printed_or_ended
		POLL_STEP=
		kill -9 $pid 2>/dev/null ;;
	esac
	wait $pid 2>/dev/null
	if grep -qE "$ID_RE" "$TMP/crash.out"; then
		cat "$TMP/crash.out" >>"$TMP/saved"
	fi
	# the file is the old or the new one: it always parses
	if [ -e "$K" ] && ! "$BRIEF" --notes "$K" --export-notes yaml "$A" >/dev/null 2>"$TMP/crash.err"; then
		broken=$((broken + 1))
		[ $broken -eq 1 ] && cp "$K" "$TMP/first-broken.yaml"
	fi
	i=$((i + 1))
done
nsaved=$(wc -l <"$TMP/saved" | tr -d ' ')
if [ "$nsaved" -ge 40 ]; then ok "kill -9: notes were reported saved ($nsaved)"; else
	not_ok "kill -9: notes were reported saved" "only $nsaved"; fi
gate
expect_eq "kill -9: the notes file parsed after every kill" "$broken" 0
run --notes "$K" --export-notes yaml "$A"
expect_rc "kill -9: the notes file parses at the end" 0
missing=0
while read -r id; do
	grep -qF "id: '$id'" "$TMP/out" || missing=$((missing + 1))
done <"$TMP/saved"
expect_eq "kill -9: every note reported saved is in the file" "$missing" 0
echo "# in file: $(grep -c "^- id: " "$TMP/out"), reported: $nsaved, temp files left: $(ls -A "$TMP/crash" | grep -c "^\.notes")"
expect_eq "kill -9: no note twice" "$(grep '^- id: ' "$TMP/out" | sort | uniq -d)" ""
ungate
# no lock is left held: the next add goes through
run --notes "$K" --add-note 'after the kills' --at 'Kim' "$A"
expect_rc "kill -9: a later add still works" 0
expect_eq "kill -9: ... and its note is in the file" "$(grep -c "id: '$OUT'" "$K")" 1

# ---- two writers at once ----

S="$TMP/shared.yaml"
writer() {
	j=0
	while [ $j -lt 50 ]; do
		"$BRIEF" --notes "$S" --add-note "$1 note $j #$1" --at "Trump" "$B" \
			>>"$TMP/ids.$1" 2>>"$TMP/werr.$1" || echo "$1 $j" >>"$TMP/wfail"
		j=$((j + 1))
	done
}
writer one &
w1=$!
writer two &
w2=$!
wait $w1
wait $w2
expect_eq "two writers: no add failed" "$(cat "$TMP/wfail" "$TMP/werr.one" "$TMP/werr.two" 2>/dev/null)" ""
run --notes "$S" --export-notes yaml "$B"
expect_rc "two writers: the shared file parses" 0
expect_eq "two writers: all 100 notes are in the file" "$(grep -c '^- id: ' "$TMP/out")" 100
expect_eq "two writers: 50 of each" "$(grep -c "^  text: 'one note" "$TMP/out") $(grep -c "^  text: 'two note" "$TMP/out")" "50 50"
missing=0
for id in $(cat "$TMP/ids.one" "$TMP/ids.two"); do
	grep -qF "id: '$id'" "$TMP/out" || missing=$((missing + 1))
done
gate
expect_eq "two writers: every printed id is in the file" "$missing" 0
ungate
expect_eq "two writers: 100 distinct ids printed" "$(cat "$TMP/ids.one" "$TMP/ids.two" | sort -u | wc -l | tr -d ' ')" 100
expect_eq "two writers: the count line matches" "$(tail -n 1 "$S")" "count: 100"
# ---- files brief must refuse whole, never rewrite (issue 15) ----

# refused NAME FILE WANT: --add-note on FILE exits 2 with stderr WANT
# (a fixed string after "brief: FILE:"), and FILE is unchanged
refused() {
	before=$(digest "$2")
	run --notes "$2" --add-note 'new' --at 'Trump' "$B"
	expect_rc "$1: exit 2" 2
	expect_err "$1: FILE:LINE:COL message" "brief: $2:$3"
	expect_eq "$1: the file is unchanged" "$(digest "$2")" "$before"
}
ONE="- id: 'a'
  created: 'x'
  modified: 'x'
  text: 'one'
  anchors:
  - quote: 'Trump'"
printf 'brief-notes: 1\nnotes:\n%s\n%s\ncount: 2\n' "$ONE" "$ONE" >"$TMP/dupid.yaml"
refused "duplicate ids" "$TMP/dupid.yaml" "9:7: duplicate note id 'a' (first at 3:7)"
printf 'brief-notes: 1\nnotes:\n%s\ncount: 1\n' "$ONE" >"$TMP/one.yaml"
cat "$TMP/one.yaml" "$TMP/one.yaml" >"$TMP/joined.yaml"
refused "two files joined" "$TMP/joined.yaml" "10:1: duplicate key 'brief-notes' (first at 1:1)"
{ echo '---'; cat "$TMP/one.yaml"; echo '---'; cat "$TMP/one.yaml"; } >"$TMP/twodocs.yaml"
refused "two YAML documents" "$TMP/twodocs.yaml" "11:1: a second YAML document"
printf 'brief-notes: 2\nnotes: []\ncount: 0\n' >"$TMP/v2.yaml"
refused "a newer version" "$TMP/v2.yaml" "1:14: notes file version 2 is newer than this brief (1)"
for pos in -1 18446744073709551615 99999999999999999999; do
	printf 'brief-notes: 1\nnotes:\n%s\n    position: %s\ncount: 1\n' "$ONE" "$pos" >"$TMP/pos.yaml"
	refused "position $pos" "$TMP/pos.yaml" "9:15: 'position' must be a whole number"
	run --notes "$TMP/pos.yaml" --export-notes markdown "$B"
	expect_rc "position $pos: --export-notes exits 2" 2
done

# a position far past the text (within bounds): placed by its quote
printf 'brief-notes: 1\nnotes:\n%s\n    article: %s\n    position: 281474976710656\ncount: 1\n' \
	"- id: 'far'
  created: 'x'
  modified: 'x'
  text: 'far away'
  anchors:
  - quote: 'Trump'" "$("$BRIEF" --dump "$B" | sed -n "s/^id: \(.*\)$/\1/p")" >"$TMP/far.yaml"
run --notes "$TMP/far.yaml" --export-notes markdown "$B"
expect_rc "a position past the text: export exits 0" 0
expect_out "a position past the text: the note is exported" "far away"

# unknown keys are kept through a save
printf 'brief-notes: 1\nteam: blue\nnotes:\n%s\n  colour: red\ncount: 1\n' "$ONE" >"$TMP/unknown.yaml"
run --notes "$TMP/unknown.yaml" --add-note 'another' --at 'Trump' "$B"
expect_rc "unknown keys: the add is saved" 0
expect_eq "unknown keys: top level kept" "$(grep -c '^team: blue$' "$TMP/unknown.yaml")" 1
expect_eq "unknown keys: note level kept" "$(grep -c '^  colour: red$' "$TMP/unknown.yaml")" 1

finish
