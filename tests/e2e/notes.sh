# Notes in the reader: add (UTF-8), reopen, edit, delete and undo, link
# across the panes, filter the list, > and <, re-anchoring after an edit,
# notes files that cannot be parsed, and places where notes cannot be
# saved.
. tests/e2e/lib.sh
# quit_lost NAME: q asks about the one unsaved note; Q quits anyway with
# status 2 and the count on stderr
quit_lost() {
	keys q
	if wait_for "1 note not saved" && { keys Q; wait_exit; } &&
		[ "$RC" = 2 ] && grep -qx "brief: 1 note not saved" "$TMP/stderr"; then
		ok "$1"
	else not_ok "$1" "status $RC" "stderr: $(cat "$TMP/stderr")" "$(screen | tail -1)"; fi
}
. tests/nobody.sh
A=articles/000_b6812c9593b6cfb0.txt
B=articles/001_ac23be4cfe9d2cdd.txt
FX=tests/fixtures/notes
N="$TMP/notes.yaml"
TEXT1='Überprüfen: Kim’s “tone” – #leader'
TEXT2='Revised ½: rhetoric, not policy #leader #revised'

# gutter_rows: the screen rows that carry the ✎ marker (either pane)
gutter_rows() { screen | grep -E '^✎|│✎'; }

# ---- add a note with UTF-8 text ----
start 160 45 --notes "$N" articles
check "reader open with both reports" "│B North Korean leader"
keys e
check_line "e selects a mention" "Kim Jong Un: [0-9]+ in A"
keys a
check "a opens the editor on the selected mention" "New note on «North Korean leader»"
check "the editor says how to save" "Enter saves"
type_text "$TEXT1"
check "typed UTF-8 text is shown as typed" "$TEXT1"
keys Enter
check "Enter saves the note" "note saved"
check_gone "the editor is closed" "Enter saves"
check_line "the ✎ marker in the gutter" "^✎ North Korean leader Kim Jong Un has recently"
if grep -qF "text: '$TEXT1'" "$N" 2>/dev/null; then ok "saved at once, before quitting"; else
	not_ok "saved at once, before quitting" "$(cat "$N" 2>&1)"; fi
quit_ok "quit after adding"
if grep -qF "text: '$TEXT1'" "$N" && grep -qF "tags: ['leader']" "$N"; then
	ok "the file holds the UTF-8 text and its tag"
else not_ok "the file holds the UTF-8 text and its tag" "$(cat "$N")"; fi
ID1=$(sed -n "s/^- id: '\(.*\)'$/\1/p" "$N" | head -n 1)

# ---- reopen: the note is there ----
start 160 45 --notes "$N" articles
check_line "reopened: the ✎ marker is there" "^✎ North Korean leader Kim Jong Un has recently"
keys A
check "A opens the notes list" "Notes — Enter jumps"
check "A lists the note's text" "$TEXT1"
check "... with its passage and section" "§1 «North Korean leader»"
check "... under report A" "A: North Korean leader Kim Jong Un has recently"
check "report B has no notes" "(no notes)"

# ---- edit it from the list ----
keys Down
keys e
check "e in the list edits the note" "Edit note on «North Korean leader»"
check "the editor holds the old text" "$TEXT1"
keys C-u
check_gone "Ctrl-U clears the line" "$TEXT1"
type_text "$TEXT2"
keys Enter
check "the edit is saved" "note saved"
keys A
check "the list shows the new text" "$TEXT2"
check_gone "... not the old one" "$TEXT1"
if grep -qF "text: '$TEXT2'" "$N" && ! grep -qF "$TEXT1" "$N" &&
	grep -qF "tags: ['leader', 'revised']" "$N"; then
	ok "the file holds the edited text and tags"
else not_ok "the file holds the edited text and tags" "$(cat "$N")"; fi
expect_eq "the edit kept the note's id" "$(grep -c "^- id: '$ID1'" "$N")" 1

# ---- delete it, undo ----
keys d
check "d deletes the note" "note deleted (U undoes)"
check_gone "the note is gone from the list" "$TEXT2"
check_gone "... and its marker from the text" "✎"
if grep -q "^  deleted: 1" "$N"; then ok "the deletion is saved (a tombstone)"; else
	not_ok "the deletion is saved (a tombstone)" "$(cat "$N")"; fi
keys U
check "U undoes the deletion" "undone"
check "the note is back in the list" "$TEXT2"
gate
if grep -q "^  deleted: 1" "$N"; then not_ok "the undo is saved" "$(cat "$N")"; else
	ok "the undo is saved"; fi
ungate
keys Escape
check_gone "Esc closes the list" "Notes — Enter jumps"
check_line "the marker is back" "^✎ North Korean leader Kim Jong Un has recently"

# ---- link a note across the panes ----
keys Escape Tab
check_line "Tab focuses report B" "^ B $B"
keys e a
check "a note on report B" "New note on «North Korean leader»"
keys C-o
check "Ctrl-O: pick the passage in the other report" "pick the passage in A"
check_line "focus moved to report A" "^ A $A"
keys e Enter
check "Enter links the passage" "New note linking «North Korean leader» with «"
type_text "Both leaders escalate #both"
keys Enter
check "the linked note is saved" "linked note saved"
check_line "B's passage is marked too" "│✎ North Korean leader Kim Jong Un has pledged"
keys A
check_line "the list marks it linked" "Both leaders escalate #both.*⇄ linked"
rows=$(screen | grep -c "Both leaders escalate #both")
expect_eq "both reports list the linked note" "$rows" 2
check_line "listed under B" "B: North Korean leader Kim Jong Un has pledged"
if grep -c "^  - article: " "$N" | grep -qx 3; then ok "the file holds both passages"; else
	not_ok "the file holds both passages" "$(cat "$N")"; fi

# ---- filter the list ----
keys /
type_text "#leader"
keys Enter
check "the filter keeps the #leader note" "$TEXT2"
check_gone "the filter drops the other note" "Both leaders escalate"
keys Escape Escape
check_gone "the list is closed" "Notes — Enter jumps"
quit_ok "quit after linking"

# ---- > and < jump between notes ----
J="$TMP/jump.yaml"
run --notes "$J" --add-note 'note one' --at 'thoroughly annihilate' "$A"
run --notes "$J" --add-note 'note two' --at 'military spy satellites' "$A"
run --notes "$J" --add-note 'note three' --at 'heavily fortified border' "$A"
expect_eq "three notes added from the command line" "$(grep -c '^- id: ' "$J")" 3
start 160 45 --notes "$J" articles
check "reader open" "│B North Korean leader"
keys '>'
check "> goes to the first note" "✎ note one"
keys '>'
check "> goes to the next note" "✎ note two"
keys '>'
check "> again: the third" "✎ note three"
check "the pane shows the third note's passage" "heavily fortified"
keys '>'
check "> after the last wraps around" "wrapped to the first note"
keys '<'
check "< before the first wraps around" "wrapped to the last note"
keys '<'
check "< goes back" "✎ note two"
keys '<'
check "< again" "✎ note one"
keys Tab '>'
check "> in a report without notes says so" "no notes in this report"
quit_ok "quit after jumping"

# ---- an article whose text was edited ----
mkdir "$TMP/arts"
E="$TMP/arts/edited.txt"
M="$TMP/moved.yaml"
cp "$A" "$E"
run --notes "$M" --add-note 'moved note' --at 'military spy satellites' "$E"
run --notes "$M" --add-note 'orphan note' --at 'heavily fortified border' "$E"
sed -i -e 's/^In a major ruling party meeting, Kim/Officials met on Tuesday. In a major meeting of the ruling party, Kim/' \
	-e 's/, especially along their heavily fortified border\././' "$E"
start 160 45 --notes "$M" "$E"
check "the edited article opens" "Officials met on Tuesday"
gutter_rows >"$TMP/rows"
if [ "$(wc -l <"$TMP/rows")" -ge 1 ] && ! grep -vqE 'spy|satellites' "$TMP/rows"; then
	ok "the re-anchored note is marked on its passage's new row"
else not_ok "the re-anchored note is marked on its passage's new row" "$(screen)"; fi
keys '>'
check "> finds the re-anchored note" "✎ moved note"
keys A
check "A lists orphans apart" "Orphans: their passage is no longer in the article"
check "the orphan with its quote and text" "«heavily fortified border» — orphan note"
check "the re-anchored note among the placed ones" "«military spy satellites» — moved note"
keys Escape
quit_ok "quit after re-anchoring"
if grep -qF "quote: 'heavily fortified border'" "$M"; then ok "the orphan is kept in the file"; else
	not_ok "the orphan is kept in the file" "$(cat "$M")"; fi

# ---- notes files that cannot be parsed: exit 2, never written ----
for f in malformed truncated-mid truncated-lines count-mismatch empty binary; do
	mkdir -p "$TMP/bad/$f"
	P="$TMP/bad/$f/notes.yaml"
	cp "$FX/$f.yaml" "$P"
	ls -A "$TMP/bad/$f" >"$TMP/ls.before"
	start 120 40 --notes "$P" articles
	if wait_exit && [ "$RC" = 2 ]; then ok "reader, $f notes file: exit 2"; else
		not_ok "reader, $f notes file: exit 2" "status $RC" "$(screen)"; fi
	if grep -qE "^brief: $P(:[0-9]+:[0-9]+)?: [^ ]" "$TMP/stderr"; then
		ok "reader, $f notes file: brief: FILE:LINE:COL: message (or FILE: reason)"
	else not_ok "reader, $f notes file: brief: FILE:LINE:COL: message (or FILE: reason)" \
		"stderr: $(cat "$TMP/stderr")"; fi
	gate
	if cmp -s "$P" "$FX/$f.yaml" && [ "$(ls -A "$TMP/bad/$f")" = "$(cat "$TMP/ls.before")" ]; then
		ok "reader, $f notes file: byte-identical, nothing written beside it"
	else not_ok "reader, $f notes file: byte-identical, nothing written beside it" \
		"$(ls -A "$TMP/bad/$f")"; fi
	ungate
done

# ---- notes that cannot be saved ----
# a read-only directory holding notes.  Root writes there anyway, so root
# runs the reader as nobody (tests/nobody.sh) for this case; when that
# cannot be done the checks that need it are skipped, saying why.
RO=$TMP/ro
ROOT=
if ignores_permissions; then
	if nobody_wrap; then RO=$NOBODY/ro; else ROOT=1; fi
fi
mkdir "$RO"
cp "$FX/briefing.yaml" "$RO/notes.yaml"
chmod 555 "$RO"
ls -A "$RO" >"$TMP/ls.before"
start 160 45 --notes "$RO/notes.yaml" articles
check "read-only directory: the reader opens" "│B North Korean leader"
check_line "read-only directory: the existing notes are shown" "^✎ North Korean leader|^✎ .*thoroughly annihilate"
keys e a
check "read-only directory: the editor opens" "New note on"
type_text "only in memory"
keys Enter
if [ -n "$ROOT" ]; then
	ok "read-only directory: says the notes cannot be saved # SKIP root ($NOBODY_WHY)"
else
	check "read-only directory: says the notes cannot be saved" "cannot be saved"
fi
keys A
check "read-only directory: the note is kept for the session" "only in memory"
keys Escape
if [ -n "$ROOT" ]; then
	quit_ok "read-only directory: quit"
else
	quit_lost "read-only directory: quit asks, Q quits anyway"
fi
gate
if [ -n "$ROOT" ]; then
	ok "read-only directory: nothing written # SKIP root"
elif cmp -s "$RO/notes.yaml" "$FX/briefing.yaml" &&
	[ "$(ls -A "$RO")" = "$(cat "$TMP/ls.before")" ]; then
	ok "read-only directory: nothing written"
else not_ok "read-only directory: nothing written" "$(ls -A "$RO")"; fi
ungate
chmod 755 "$RO"
nobody_end

# a notes path under a regular file: unwritable for root too
: >"$TMP/plain"
start 160 45 --notes "$TMP/plain/notes.yaml" articles
check "unwritable path: the reader opens" "│B North Korean leader"
keys e a
type_text "cannot be kept"
keys Enter
check "unwritable path: says the notes cannot be saved" "cannot be saved"
quit_lost "unwritable path: quit asks, Q quits anyway"
gate
expect_eq "unwritable path: nothing written" "$(wc -c <"$TMP/plain" | tr -d ' ')" 0
ungate
# a note on a large article (over 1 MiB: placed just after the first
# screen, before any key): its marker is there, and the note's list has it
i=0
while [ $i -lt 400 ]; do cat articles/000_b6812c9593b6cfb0.txt; echo; i=$((i + 1)); done \
	>"$TMP/large.txt"
"$BRIEF" --notes "$TMP/large-notes.yaml" --add-note "on the large one" \
	--at "North Korean leader" "$TMP/large.txt" >"$TMP/large-id" 2>&1
expect_eq "the large article's note added" "$(grep -c . "$TMP/large-id")" 1
start 160 45 --notes "$TMP/large-notes.yaml" "$TMP/large.txt"
check "the large article open" "North Korean leader Kim Jong Un has recently"
check_line "the large article: the note's marker" "^✎ North Korean leader"
keys A
check "the large article: A lists the note" "on the large one"
keys Escape
quit_ok "quit the large article"

finish
