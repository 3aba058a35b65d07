# The text cursor and exact selections, as a reader uses them: the vim
# motions, v and V, a note on exactly the selected words, a link between
# two selections, y into the register and :write @ FILE, OSC 52 only when
# asked for.
. tests/e2e/lib.sh
N="$TMP/notes.yaml"
ESC=$(printf '\033')

# cursor_text: the character under the text cursor (drawn reversed) and
# the rest of its row in the left pane, the styles taken out (the rows
# of the text only: the pane headers are skipped; tmux writes reverse as
# 7 among the SGR parameters, e.g. ESC[1;7m)
cursor_text() {
	tmux -L "$SOCK" capture-pane -p -e -S 2 | awk -v esc="$ESC" '{
		if (!match($0, esc "\\[([0-9]+;)*7(;[0-9]+)*m"))
			next
		s = substr($0, RSTART + RLENGTH)
		gsub(esc "\\[[0-9;]*m", "", s)
		sub(/│.*/, "", s)
		sub(/ +$/, "", s)
		print s
		exit
	}'
}
cursor_is() { cursor_text | grep -qE -- "$1"; }
# check_cursor NAME REGEX: the cursor's row, from the cursor on, matches
check_cursor() {
	if poll "$DEADLINE" cursor_is "$2"; then ok "$1"; else
		not_ok "$1" "cursor at: $(cursor_text)" "want: $2" "$(why_not)"; fi
}
# quoted TEXT: the notes file holds a passage quoting exactly TEXT
quoted() { grep -qF -- "quote: '$1'" "$N"; }
check_quote() {
	if poll "$DEADLINE" quoted "$2"; then ok "$1"; else
		not_ok "$1" "no passage quoting: $2" "--- notes:" "$(cat "$N" 2>/dev/null)"; fi
}

start 160 45 --notes "$N" articles
check "reader open" "│B North Korean leader"
gate
check_cursor "the cursor starts on the first character" "^North Korean leader Kim"
keys j
check_cursor "j: a row down" "^national defense and the need"
keys w w
check_cursor "w w: two words on" "^and the need to"
keys '$'
check_cursor "\$: the end of the row" "^s$"
keys 0
check_cursor "0: the start of the row" "^national defense"
keys b
check_cursor "b: the word before, on the row above" "^of$"
keys ')'
check_cursor "): the next sentence" "^This comes as"
keys '('
check_cursor "(: the sentence before" "^North Korean leader Kim"
keys 3 l
check_cursor "3l: three characters right" "^th Korean"
keys h
check_cursor "h: one left" "^rth Korean"
keys k
check_cursor "k on the first row stays" "^rth Korean"
keys '}'
check_cursor "}: the next paragraph, the cursor at its start" "^In a major ruling party"
keys '{'
check_cursor "{: the paragraph before" "^North Korean leader Kim"
keys L
check "L keeps the top row" "▌ North Korean leader Kim Jong Un has recently"
keys j
check_gone "j below the last row scrolls" "▌ North Korean leader Kim Jong Un has recently"
keys g
check_cursor "g: the cursor on the first row" "^North Korean leader Kim"
keys C-e
check_gone "C-e scrolls a line" "▌ North Korean leader Kim Jong Un has recently"
check_cursor "... and the cursor, off the screen, comes onto the top row" "^national defense"
keys g
ungate

# v: exactly the selected words noted
keys /
type_text "thoroughly"
keys Enter
check_cursor "a search puts the cursor on the match" "^thoroughly annihilate"
keys v w 9 l
check "v: a selection" "VISUAL"
keys a
check "a: a note on exactly the selection" "New note on «thoroughly annihilate»"
type_text "the words themselves #exact"
keys Enter
check "note saved" "note saved"
check_quote "the passage is the selected words" "thoroughly annihilate"

# no selection: a notes the mention under the cursor
keys Escape g w
check_cursor "w onto a mention" "^Korean leader"
keys a
check "a: the mention under the cursor" "New note on «North Korean leader»"
keys Escape

# a link between two selections
keys Tab /
type_text "harshest"
keys Enter v 7 l a
check "a note on the selection in B" "New note on «harshest»"
type_text "linked words"
keys C-o
check "picking in A" "pick the passage in A"
keys /
type_text "spy sat"
keys Enter v w 9 l Enter
check "the selection in A linked" "New note linking «harshest» with «spy satellites»"
keys Enter
check "linked note saved" "linked note saved"
check_quote "the first passage: the selection in B" "harshest"
check_quote "the second passage: exactly the selection in A" "spy satellites"

# y and :write @ FILE
keys Tab g V ')' y
check "y copies" "copied «North Korean leader"
keys :
type_text "write @ $TMP/copy.txt"
keys Enter
check "the copy written" "the copy written to"
if poll "$DEADLINE" test -s "$TMP/copy.txt"; then ok ":write @ FILE wrote a file"; else
	not_ok ":write @ FILE wrote a file"; fi
gate
if head -1 "$TMP/copy.txt" | grep -q '^“North Korean leader Kim Jong Un has recently emphasized .* This comes as Kim aims to strengthen his country’s military capabilities in the face of what he perceives as an unprecedented U.S.-led confrontation.”$'; then
	ok "V and ): the two sentences, whole, quoted"
else
	not_ok "V and ): the two sentences, whole, quoted" "$(cat "$TMP/copy.txt")"
fi
if sed -n 2p "$TMP/copy.txt" | grep -q '^— North Korean leader Kim Jong Un .*, 2024-01-01, §1$'; then
	ok "the citation: title, date, §"
else
	not_ok "the citation: title, date, §" "$(cat "$TMP/copy.txt")"
fi
ungate
keys :
type_text "write @ $TMP/copy.txt"
keys Enter
check "an existing file is not replaced" "exists (:write! FILE replaces it)"

# OSC 52: nothing sent while the setting is off; the copy when it is on
# (tmux keeps what a program sets with OSC 52 as a paste buffer)
tmux -L "$SOCK" set -g set-clipboard on
keys Escape g y
check "y with osc52 off" "copied «North Korean leader»"
if tmux -L "$SOCK" list-buffers 2>/dev/null | grep -q .; then
	not_ok "osc52 off: nothing reaches the terminal's clipboard" "$(tmux -L "$SOCK" list-buffers)"
else
	ok "osc52 off: nothing reaches the terminal's clipboard"
fi
keys :
type_text "set osc52"
keys Enter y
check "y with osc52 on" "to the clipboard"
buffer_has() { tmux -L "$SOCK" show-buffer 2>/dev/null | grep -q "$1"; }
if poll "$DEADLINE" buffer_has '^— North Korean leader'; then
	ok "osc52 on: the copy and its citation in the terminal's clipboard"
else
	not_ok "osc52 on: the copy and its citation in the terminal's clipboard" \
		"$(tmux -L "$SOCK" show-buffer 2>&1 | head -3)"
fi
quit_ok "quit"
finish
